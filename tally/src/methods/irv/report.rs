//! What an IRV count reports (counting-rules.md §2 "Report per round").

use crate::{ballot::OptionIndex, stage::Transfer};
use serde::Serialize;

/// The IRV part of a report: every round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IrvReport {
    /// Batch elimination was on.
    pub batch_elimination: bool,
    /// Continue-until-two was on.
    pub continue_until_two: bool,
    /// Total multiplicity of ballots with at least one ranked option.
    pub valid: u128,
    /// Total multiplicity of empty rankings (abstentions, §0.2).
    pub undervotes: u128,
    /// The rounds, from 1.
    pub rounds: Vec<IrvRound>,
    /// The option elected, if any.
    pub winner: Option<OptionIndex>,
}

/// One IRV round (§2 "Report per round").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IrvRound {
    /// Round number, from 1.
    pub round: u32,
    /// Each option's tally; `None` for options no longer in the count (or withdrawn).
    pub tallies: Vec<Option<u128>>,
    /// Change of each tally since the previous round (`None` as in `tallies`).
    pub changes: Vec<Option<i128>>,
    /// `A_r`: the sum of the continuing options' tallies.
    pub active: u128,
    /// `T_r = floor(A_r / 2) + 1` (frozen after a continue-until-two winner).
    pub threshold: u128,
    /// Exhausted weight, cumulative.
    pub exhausted: u128,
    /// Weight that became exhausted at the start of this round.
    pub exhausted_this_round: u128,
    /// The option elected in this round.
    pub elected: Option<OptionIndex>,
    /// True when the elected option won the two-finalist tie break (§2 step 4.3).
    pub elected_by_tie_break: bool,
    /// Options eliminated in this round, in ascending tally then ballot order, with where
    /// their ballots went (credited to the option they left, §2 step 7).
    pub eliminated: Vec<Elimination>,
    /// True when several options were eliminated at once (batch elimination).
    pub batch: bool,
}

/// An eliminated option and the transfers out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Elimination {
    /// The eliminated option.
    pub option: OptionIndex,
    /// Its tally when eliminated.
    pub tally: u128,
    /// Where its ballots went (recipients in ballot order, exhausted last).
    pub transfers: Vec<Transfer<u128>>,
}
