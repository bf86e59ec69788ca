//! What a Meek STV count reports (counting-rules.md §4: a round's iterations and action).

use crate::{ballot::OptionIndex, fixed::D9, stage::OptionStatus};
use serde::Serialize;

/// The Meek part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeekReport {
    /// Seats to fill.
    pub seats: u32,
    /// `N`: total multiplicity of ballots with at least one preference.
    pub valid: u128,
    /// Empty rankings (abstentions).
    pub undervotes: u128,
    /// ω.
    pub omega: D9,
    /// Every round, from 1.
    pub rounds: Vec<MeekRound>,
    /// Candidates elected, in order (finish elections last).
    pub elected: Vec<OptionIndex>,
    /// Hopeful candidates elected when the loop ended (§4 step 5).
    pub finish_elected: Vec<OptionIndex>,
    /// Hopeful candidates defeated when the loop ended (§4 step 5).
    pub finish_defeated: Vec<OptionIndex>,
}

/// One Meek round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeekRound {
    /// Round number, from 1.
    pub round: u32,
    /// Every iteration, in order; the last one's values are the round's.
    pub iterations: Vec<MeekIteration>,
    /// What ended the round.
    pub action: MeekAction,
    /// Every candidate's state at the end of the round.
    pub status: Vec<OptionStatus>,
}

/// One iteration of §4 step 3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeekIteration {
    /// Iteration number within the round, from 1.
    pub iteration: u32,
    /// The keep factors the distribution used.
    pub keep_factors: Vec<D9>,
    /// Every candidate's vote.
    pub votes: Vec<D9>,
    /// The quota `q`.
    pub quota: D9,
    /// The surplus `s`.
    pub surplus: D9,
    /// The total excess (non-transferable, rounding dust included).
    pub excess: D9,
}

/// Why a round ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MeekAction {
    /// Candidates reached the quota, highest vote first.
    Elected {
        /// The candidates elected.
        options: Vec<OptionIndex>,
    },
    /// One candidate was defeated.
    Defeated {
        /// The candidate defeated.
        option: OptionIndex,
        /// Why the iterations stopped.
        reason: DefeatReason,
    },
    /// No round was needed (no more hopeful candidates than vacancies); the round shows the
    /// first distribution only.
    Finish,
}

/// Why the iterations of a round stopped before a defeat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DefeatReason {
    /// `s < ω`: converged.
    SurplusBelowOmega,
    /// `s` did not fall: the count is stable.
    Stable,
}
