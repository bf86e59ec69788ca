//! What a Scottish STV count reports (counting-rules.md §3 "Stage report").

use crate::{
    ballot::OptionIndex,
    fixed::D5,
    stage::{OptionStatus, Transfer},
};
use serde::Serialize;

/// The Scottish STV part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScottishReport {
    /// Seats to fill.
    pub seats: u32,
    /// `N`: total multiplicity of papers with at least one preference.
    pub valid: u128,
    /// Empty rankings (abstentions).
    pub undervotes: u128,
    /// `Q = floor(N / (seats + 1)) + 1`.
    pub quota: D5,
    /// Every stage, from 1.
    pub stages: Vec<ScottishStage>,
    /// The candidates elected, in order of election.
    pub elected: Vec<OptionIndex>,
}

/// What a stage did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScottishAction {
    /// Stage 1: every paper to its first preference (rule 45).
    FirstPreferences,
    /// Transfer of a surplus (rules 48, 49).
    Surplus {
        /// Whose surplus.
        option: OptionIndex,
        /// Its total before the transfer, `T_E`.
        total: D5,
        /// The surplus `s = T_E − Q`.
        surplus: D5,
        /// Each distinct paper value with its transfer value and number of papers.
        transfer_values: Vec<TransferValue>,
    },
    /// Exclusion of a candidate (rules 50, 51).
    Exclusion {
        /// Who was excluded.
        option: OptionIndex,
        /// Its total when excluded.
        total: D5,
    },
}

/// `TV(v) = trunc5(s · v / T_E)` for one paper value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransferValue {
    /// The papers' value before the transfer.
    pub value: D5,
    /// Their transfer value.
    pub transfer_value: D5,
    /// How many papers (total multiplicity) held that value.
    pub papers: u128,
}

/// One stage of a Scottish count (§3 "Stage report").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScottishStage {
    /// Stage number, from 1.
    pub stage: u32,
    /// What the stage did.
    pub action: ScottishAction,
    /// Every candidate's total at the end of the stage (ballot order).
    pub totals: Vec<D5>,
    /// Every candidate's change during the stage.
    pub changes: Vec<D5>,
    /// Every candidate's state at the end of the stage.
    pub status: Vec<OptionStatus>,
    /// What moved in this stage, by recipient (`exhausted` = non-transferable).
    pub transfers: Vec<Transfer<D5>>,
    /// Non-transferable amount of this stage.
    pub non_transferable: D5,
    /// Non-transferable amount, cumulative.
    pub non_transferable_total: D5,
    /// Loss due to fractions of this stage.
    pub loss: D5,
    /// Loss due to fractions, cumulative.
    pub loss_total: D5,
    /// The quota.
    pub quota: D5,
    /// Candidates reaching the quota at this stage, highest total first (rule 47).
    pub elected: Vec<OptionIndex>,
    /// Candidates deemed elected at this stage because no more were continuing than
    /// vacancies (rule 52).
    pub deemed_elected: Vec<OptionIndex>,
}
