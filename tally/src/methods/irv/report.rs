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
    /// Total multiplicity of ballots that marked something (a ballot whose options are all
    /// withdrawn, or a cast vote record inactive from its first rank, is in it and exhausted
    /// from round 1).
    pub valid: u128,
    /// Total multiplicity of ballots that marked nothing (abstentions, §0.2; RCTab
    /// `undervotes`).
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
    /// The exhausted weight by why each ballot stopped (RCTab's `inactiveBallots`),
    /// cumulative; the parts add up to `exhausted`.
    pub inactive: Inactive,
    /// The option elected in this round.
    pub elected: Option<OptionIndex>,
    /// True when the elected option won the two-finalist tie break (§2 step 4.3).
    pub elected_by_tie_break: bool,
    /// Options eliminated in this round, in ascending tally then ballot order, with where
    /// their ballots went (credited to the option they left, §2 step 7).
    pub eliminated: Vec<Elimination>,
    /// How this round's eliminations were chosen (`None` when nothing was eliminated).
    pub rule: Option<EliminationRule>,
}

/// Exhausted ballots by why they stopped counting (RCTab `StatusForRound`), cumulative.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Inactive {
    /// Their ranking ran out of continuing options.
    pub exhausted_choices: u128,
    /// They reached an overvote that the overvote rule exhausts.
    pub overvotes: u128,
    /// They skipped more consecutive ranks than allowed.
    pub skipped_rankings: u128,
    /// They ranked an option again, and the rules exhaust them there.
    pub repeated_rankings: u128,
}

/// Why the options of a round were eliminated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EliminationRule {
    /// The single option with the fewest votes (§2 step 6.2).
    Lowest,
    /// Batch elimination (§2 step 6.1).
    Batch,
    /// RCTab: undeclared write-ins are eliminated first while they hold votes.
    UndeclaredWriteIns,
    /// RCTab 2.0: every option below the minimum vote threshold at once.
    BelowMinimum,
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
