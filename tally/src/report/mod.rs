//! The whole story of a count (counting-rules.md §8): configuration, quorum, every stage,
//! every tie, the outcome. Rendered as plain text ([`Report::to_text`]), JSON
//! ([`Report::to_json`]) and, for ranked counts, the RCTab summary ([`Report::to_rctab`]).

use crate::ballot::OptionIndex;
use serde::Serialize;

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

/// A candidate's state in an STV count (RCTab `CandidateStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StvStatus {
    /// Still in the count (Meek: hopeful).
    Continuing,
    /// Elected (or deemed elected).
    Elected,
    /// Excluded (Scottish) or defeated (Meek).
    Excluded,
    /// Withdrawn before the count.
    Withdrawn,
}
