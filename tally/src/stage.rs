//! What every staged count (IRV, both STV rule sets) says about its stages: each option's
//! state and where transferred weight goes (RCTab `CandidateStatus`, `TallyTransfers`). A leaf
//! module: the methods build these and the report renders them, neither through the other.

use crate::ballot::OptionIndex;
use serde::Serialize;

/// An option's state in a staged count (RCTab `CandidateStatus`; house style `OptionStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionStatus {
    /// Still in the count (Meek: hopeful).
    Continuing,
    /// Elected (or deemed elected).
    Elected,
    /// Eliminated (IRV), excluded (Scottish STV) or defeated (Meek STV).
    Eliminated,
    /// Withdrawn before the count.
    Withdrawn,
}

impl OptionStatus {
    /// Whether the option still takes part in tallies: continuing, or elected (elected options
    /// stay in the count, as in continue-until-two IRV and in the RCTab tally).
    pub fn in_count(self) -> bool {
        matches!(self, OptionStatus::Continuing | OptionStatus::Elected)
    }
}

/// Where transferred weight goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// To an option (by ballot-order index).
    Option(OptionIndex),
    /// Nowhere: exhausted / non-transferable.
    Exhausted,
}

/// An amount moving to a recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Transfer<V> {
    /// Where it goes.
    pub to: Recipient,
    /// How much (weight, or D5/D9 value).
    pub amount: V,
}
