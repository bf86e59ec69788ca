//! How a count is configured: the method with its parameters, quorum, threshold and tie
//! policy (decision-rules.md §3, §5, §6, §7). Plain data; serialised in the JSON ballot file.

use serde::{Deserialize, Serialize};

/// A counting method with its parameters (decision-rules.md §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Method {
    /// Sociocratic consent.
    Consent {
        /// Objections tolerated (default 0).
        #[serde(default)]
        max_objections: u32,
    },
    /// Yes/no/abstain judged by a threshold.
    Majority {
        /// The support needed.
        #[serde(default)]
        threshold: Threshold,
    },
    /// Approve any subset; the `winners` options with most approvals win.
    Approval {
        /// How many options win (k).
        #[serde(default = "one")]
        winners: u32,
    },
    /// Each option scored 0..=5; highest total wins.
    Score,
    /// Each voter distributes up to `points` over the options.
    Dot {
        /// Points per voter (P).
        points: u32,
    },
    /// Borda count over rankings.
    Borda,
    /// Instant runoff, single winner.
    Irv {
        /// Eliminate every option whose combined total is below the next one's at once.
        #[serde(default)]
        batch_elimination: bool,
        /// Keep counting until two options remain (the winner is unchanged).
        #[serde(default)]
        continue_until_two: bool,
    },
    /// Single transferable vote, Scottish local-election rules (5 decimals, truncated).
    StvScottish {
        /// Seats to fill.
        seats: u32,
    },
    /// Single transferable vote, PRF reference Meek rule (9 decimals).
    StvMeek {
        /// Seats to fill.
        seats: u32,
    },
    /// Condorcet completion by Schulze's method (winning votes).
    Schulze,
    /// Quadratic voting.
    Quadratic {
        /// Voice credits per voter (B, default 100).
        #[serde(default = "hundred")]
        credits: u32,
        /// Whether negative votes (against an option) are allowed.
        #[serde(default)]
        allow_negative: bool,
    },
}

impl Method {
    /// The method and its parameters in words, for reports: `instant runoff, batch
    /// elimination`, `single transferable vote (Scottish rules), 3 seats`.
    pub fn describe(&self) -> String {
        let plural = |n: u32, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        match self {
            Method::Consent { max_objections } => match max_objections {
                0 => "consent, no objection tolerated".to_owned(),
                n => format!(
                    "consent, {} tolerated",
                    plural(*n, "objection", "objections")
                ),
            },
            Method::Majority { threshold } => format!("majority, {}", threshold.describe()),
            Method::Approval { winners } => {
                format!("approval, {}", plural(*winners, "winner", "winners"))
            }
            Method::Score => "score voting, 0 to 5 per option".to_owned(),
            Method::Dot { points } => {
                format!(
                    "dot voting, {} per voter",
                    plural(*points, "point", "points")
                )
            }
            Method::Borda => "Borda count".to_owned(),
            Method::Irv {
                batch_elimination,
                continue_until_two,
            } => {
                let mut words = "instant runoff".to_owned();
                if *batch_elimination {
                    words.push_str(", batch elimination");
                }
                if *continue_until_two {
                    words.push_str(", continue until two remain");
                }
                words
            }
            Method::StvScottish { seats } => format!(
                "single transferable vote (Scottish rules), {}",
                plural(*seats, "seat", "seats")
            ),
            Method::StvMeek { seats } => format!(
                "single transferable vote (Meek, PRF reference rule), {}",
                plural(*seats, "seat", "seats")
            ),
            Method::Schulze => "Schulze method (winning votes)".to_owned(),
            Method::Quadratic {
                credits,
                allow_negative,
            } => {
                let against = if *allow_negative {
                    "votes against allowed"
                } else {
                    "no votes against"
                };
                format!(
                    "quadratic voting, {} per voter, {against}",
                    plural(*credits, "voice credit", "voice credits")
                )
            }
        }
    }
}

fn one() -> u32 {
    1
}

fn hundred() -> u32 {
    100
}

/// Rules of RCTab's instant runoff that Quorate's own rounds never use, taken from an RCTab
/// contest configuration (docs/formats.md, "RCTab contest configuration"). The default
/// changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RctabRules {
    /// `minimumVoteThreshold` (RCTab 2.0): the threshold never falls below it, options below
    /// it are eliminated together, and two finalists below it are not tied. 0: none.
    #[serde(default)]
    pub minimum_vote_threshold: u64,
    /// The option that stands for RCTab's "Undeclared Write-ins": eliminated first whenever
    /// it holds votes, never elected, and no option wins while it holds votes.
    #[serde(default)]
    pub undeclared_write_in: Option<crate::ballot::OptionIndex>,
}

/// A support threshold `yes / base` compared with `numerator / denominator` (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threshold {
    /// Numerator of the fraction (e.g. 2 of 2/3).
    pub numerator: u32,
    /// Denominator of the fraction (never 0).
    pub denominator: u32,
    /// "more than" or "at least".
    pub comparison: Comparison,
    /// What `yes` is divided by.
    pub base: ThresholdBase,
}

impl Default for Threshold {
    /// A simple majority: more than 1/2 of the votes cast for or against.
    fn default() -> Self {
        Threshold {
            numerator: 1,
            denominator: 2,
            comparison: Comparison::MoreThan,
            base: ThresholdBase::VotesCast,
        }
    }
}

impl Threshold {
    /// The threshold in words: `more than 1/2 of the votes cast`.
    pub fn describe(&self) -> String {
        let comparison = match self.comparison {
            Comparison::MoreThan => "more than",
            Comparison::AtLeast => "at least",
        };
        let base = match self.base {
            ThresholdBase::VotesCast => "the votes cast for or against",
            ThresholdBase::AllBallots => "all ballots cast",
            ThresholdBase::Electorate => "the electorate",
        };
        format!(
            "{comparison} {}/{} of {base}",
            self.numerator, self.denominator
        )
    }
}

/// How `yes / base` is compared with the fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// Strictly more than.
    MoreThan,
    /// At least (equal passes).
    AtLeast,
}

/// The base of a threshold (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThresholdBase {
    /// Votes cast for or against; abstentions excluded (the default).
    VotesCast,
    /// All ballots cast, abstentions included.
    AllBallots,
    /// The whole electorate.
    Electorate,
}

/// Participation needed for a decision to count (§5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Quorum {
    /// No quorum.
    None,
    /// At least `ceil(numerator/denominator × electorate)` ballots.
    Fraction {
        /// Numerator of q.
        numerator: u32,
        /// Denominator of q (never 0).
        denominator: u32,
    },
    /// At least `count` ballots.
    Count {
        /// The absolute number of ballots needed.
        count: u64,
    },
}

/// How ties are broken (counting-rules.md §1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TiePolicy {
    /// Earlier stages first, then ballot order (the default).
    #[default]
    PreviousRoundsThenOrder,
    /// Earlier stages first, then the public lot.
    PreviousRoundsThenLot,
    /// Ballot order only.
    Order,
    /// The public lot only.
    Lot,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods_are_described_in_words_with_their_parameters() {
        let irv = Method::Irv {
            batch_elimination: true,
            continue_until_two: false,
        };
        assert_eq!(irv.describe(), "instant runoff, batch elimination");
        assert_eq!(
            Method::StvScottish { seats: 3 }.describe(),
            "single transferable vote (Scottish rules), 3 seats"
        );
        assert_eq!(
            Method::Majority {
                threshold: Threshold::default()
            }
            .describe(),
            "majority, more than 1/2 of the votes cast for or against"
        );
        assert_eq!(
            Method::Approval { winners: 1 }.describe(),
            "approval, 1 winner"
        );
        assert_eq!(
            Method::Quadratic {
                credits: 100,
                allow_negative: true
            }
            .describe(),
            "quadratic voting, 100 voice credits per voter, votes against allowed"
        );
    }
}
