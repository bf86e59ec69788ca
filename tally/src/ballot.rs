//! Ballots as the counter sees them (counting-rules.md §0): options by index in ballot order,
//! identical ballots merged into groups with a weight, so work grows with distinct ballots.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

mod ranking;

pub(crate) use ranking::RankingBuilder;
pub use ranking::{Exhaustion, Rank, Ranking, RankingError};

/// Index of an option in the count's ballot order (0-based; BLT candidate `n` is index `n-1`).
pub type OptionIndex = usize;

/// Everything a count needs: the options in ballot order and the grouped ballots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contest {
    /// The contest's title (BLT title line; the proposal title in a decision round).
    pub title: String,
    /// Option names in ballot order (counting-rules.md §0.3). Names are unique.
    pub options: Vec<String>,
    /// Options withdrawn before the count (BLT negative line); they receive nothing.
    pub withdrawn: Vec<OptionIndex>,
    /// Seats to fill (1 for single-winner methods).
    pub seats: u32,
    /// The order for breaking ties by `order` (counting-rules.md §1.3) when the file gives
    /// one (BLT `[tie …]`, JSON `tie_order`): every option once. `None`: the ballot order.
    #[serde(default)]
    pub tie_order: Option<Vec<OptionIndex>>,
    /// The ballots, identical ones merged (see [`group_ballots`]).
    pub ballots: Vec<BallotGroup>,
}

/// One or more identical ballots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotGroup {
    /// Multiplicity `m`: the sum of the voters' weights (1 per voter by default).
    pub weight: u64,
    /// What the ballot says.
    pub marks: Marks,
}

/// The content of a ballot, one shape per family of methods.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marks {
    /// A ranking, most preferred first. Each rank is one option, or several ranked equal
    /// (allowed by Schulze only). Empty = abstention.
    Ranking(Ranking),
    /// The approved options.
    Approval(Vec<OptionIndex>),
    /// An integer per option: score (0..=5), dot points, or quadratic votes. Options absent
    /// from the list count 0.
    Points(Vec<(OptionIndex, i64)>),
    /// A consent-round position, with its reason where given.
    Consent {
        /// The position taken.
        position: ConsentPosition,
        /// Why (required for an objection).
        reason: Option<String>,
    },
    /// A majority/supermajority vote.
    YesNo(Choice),
}

/// Positions in a consent round (decision-rules.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentPosition {
    /// Consents to the proposal.
    Consent,
    /// Consents with a concern.
    Concern,
    /// Stands aside: does not block, does not support.
    StandAside,
    /// Objects: blocks unless objections are within `max_objections`.
    Object,
}

/// Choices in a majority/supermajority vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// For.
    Yes,
    /// Against.
    No,
    /// Abstains (counts for quorum, not for the default threshold base).
    Abstain,
}

/// Merges identical ballots, adding their weights; keeps the order in which each distinct
/// ballot first appears so that output is stable. Weights that would overflow saturate at
/// `u64::MAX` only in theory: callers validate totals first (`Contest::total_weight`).
pub fn group_ballots(ballots: impl IntoIterator<Item = BallotGroup>) -> Vec<BallotGroup> {
    let mut position: HashMap<Marks, usize> = HashMap::new();
    let mut groups: Vec<BallotGroup> = Vec::new();
    for ballot in ballots {
        match position.get(&ballot.marks) {
            Some(&at) => {
                if let Some(group) = groups.get_mut(at) {
                    group.weight = group.weight.saturating_add(ballot.weight);
                }
            }
            None => {
                position.insert(ballot.marks.clone(), groups.len());
                groups.push(ballot);
            }
        }
    }
    groups
}

impl Contest {
    /// The total weight of all ballots, as an exact wide integer.
    pub fn total_weight(&self) -> u128 {
        self.ballots.iter().map(|b| u128::from(b.weight)).sum()
    }

    /// The index of the option with this exact name.
    pub fn option_index(&self, name: &str) -> Option<OptionIndex> {
        self.options.iter().position(|o| o == name)
    }
}
