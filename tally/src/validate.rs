//! Ballot rules (decision-rules.md §4, §6): every rule a ballot breaks, one problem each, with
//! a stable snake_case code (an i18n key) and a message naming the rule. The server refuses a
//! ballot with problems at casting time; the counter refuses to count one.

use crate::{
    ballot::{ConsentPosition, Marks, OptionIndex, Ranking},
    config::Method,
};
use serde::Serialize;
use std::collections::BTreeSet;

/// The shape of a ballot (which [`Marks`] variant).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotShape {
    /// A ranking.
    Ranking,
    /// A set of approvals.
    Approval,
    /// Integer points per option (score, dot, quadratic).
    Points,
    /// A consent position.
    Consent,
    /// Yes / no / abstain.
    YesNo,
}

impl BallotShape {
    /// The shape of some marks.
    pub fn of(marks: &Marks) -> BallotShape {
        match marks {
            Marks::Ranking(_) => BallotShape::Ranking,
            Marks::Approval(_) => BallotShape::Approval,
            Marks::Points(_) => BallotShape::Points,
            Marks::Consent { .. } => BallotShape::Consent,
            Marks::YesNo(_) => BallotShape::YesNo,
        }
    }

    /// The shape a method's ballots have.
    pub fn for_method(method: &Method) -> BallotShape {
        match method {
            Method::Consent { .. } => BallotShape::Consent,
            Method::Majority { .. } => BallotShape::YesNo,
            Method::Approval { .. } => BallotShape::Approval,
            Method::Score | Method::Dot { .. } | Method::Quadratic { .. } => BallotShape::Points,
            Method::Borda
            | Method::Irv { .. }
            | Method::StvScottish { .. }
            | Method::StvMeek { .. }
            | Method::Schulze => BallotShape::Ranking,
        }
    }

    fn name(self) -> &'static str {
        match self {
            BallotShape::Ranking => "a ranking",
            BallotShape::Approval => "approvals",
            BallotShape::Points => "points per option",
            BallotShape::Consent => "a consent position",
            BallotShape::YesNo => "yes, no or abstain",
        }
    }
}

/// A rule a ballot breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "snake_case", tag = "code")]
pub enum BallotProblem {
    /// The ballot has the wrong shape for the method.
    #[error("this method needs {} on the ballot, not {}", .expected.name(), .found.name())]
    WrongBallotShape {
        /// What the method needs.
        expected: BallotShape,
        /// What the ballot has.
        found: BallotShape,
    },
    /// The ballot names an option the round does not have.
    #[error("option {option} is not one of this round's options")]
    UnknownOption {
        /// The option index given.
        option: OptionIndex,
    },
    /// An option appears more than once.
    #[error("option {option} appears more than once; each option may be marked only once")]
    DuplicateOption {
        /// The repeated option.
        option: OptionIndex,
    },
    /// Several options share a rank where the method does not allow it (all but Schulze).
    #[error("rank {rank} holds several options; equal ranks are allowed only in a Schulze count")]
    EqualRanks {
        /// The rank (1-based).
        rank: usize,
    },
    /// More approvals than the round allows.
    #[error("{approved} options approved; this round allows at most {max}")]
    TooManyApprovals {
        /// Options approved.
        approved: usize,
        /// The limit.
        max: u32,
    },
    /// A score outside 0..=5.
    #[error("option {option} has score {score}; scores go from 0 to 5")]
    ScoreOutOfRange {
        /// The option.
        option: OptionIndex,
        /// The score given.
        score: i64,
    },
    /// Negative dot points.
    #[error("option {option} has {points} points; points cannot be negative")]
    NegativePoints {
        /// The option.
        option: OptionIndex,
        /// The points given.
        points: i64,
    },
    /// More dot points than the budget.
    #[error("{spent} points given; each voter has {budget}")]
    PointsOverBudget {
        /// Points given in total.
        spent: u128,
        /// The budget P.
        budget: u32,
    },
    /// Negative quadratic votes where the round does not allow them.
    #[error("option {option} has {votes} votes; this round does not allow votes against")]
    NegativeVotesNotAllowed {
        /// The option.
        option: OptionIndex,
        /// The votes given.
        votes: i64,
    },
    /// Quadratic cost Σ v² over the credits.
    #[error("this ballot costs {cost} voice credits; each voter has {budget}")]
    QuadraticOverBudget {
        /// Σ v².
        cost: u128,
        /// The credits B.
        budget: u32,
    },
    /// An objection without a reason.
    #[error("an objection must give a reason")]
    ObjectionWithoutReason,
}

impl BallotProblem {
    /// The stable snake_case code (also the i18n key).
    pub fn code(&self) -> &'static str {
        match self {
            BallotProblem::WrongBallotShape { .. } => "wrong_ballot_shape",
            BallotProblem::UnknownOption { .. } => "unknown_option",
            BallotProblem::DuplicateOption { .. } => "duplicate_option",
            BallotProblem::EqualRanks { .. } => "equal_ranks",
            BallotProblem::TooManyApprovals { .. } => "too_many_approvals",
            BallotProblem::ScoreOutOfRange { .. } => "score_out_of_range",
            BallotProblem::NegativePoints { .. } => "negative_points",
            BallotProblem::PointsOverBudget { .. } => "points_over_budget",
            BallotProblem::NegativeVotesNotAllowed { .. } => "negative_votes_not_allowed",
            BallotProblem::QuadraticOverBudget { .. } => "quadratic_over_budget",
            BallotProblem::ObjectionWithoutReason => "objection_without_reason",
        }
    }
}

/// Limits a round may set beyond its method's parameters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Limits {
    /// At most this many approvals per approval ballot (none: any subset).
    pub max_approvals: Option<u32>,
}

/// Every rule `marks` breaks under `method` with `option_count` options, one problem each.
pub fn problems(method: &Method, option_count: usize, marks: &Marks) -> Vec<BallotProblem> {
    problems_with(method, option_count, marks, &Limits::default())
}

/// [`problems`] with extra round limits (e.g. a maximum number of approvals).
pub fn problems_with(
    method: &Method,
    option_count: usize,
    marks: &Marks,
    limits: &Limits,
) -> Vec<BallotProblem> {
    let expected = BallotShape::for_method(method);
    let found = BallotShape::of(marks);
    if expected != found {
        return vec![BallotProblem::WrongBallotShape { expected, found }];
    }
    let mut out = Vec::new();
    match marks {
        Marks::Ranking(ranks) => ranking(
            matches!(method, Method::Schulze),
            option_count,
            ranks,
            &mut out,
        ),
        Marks::Approval(approved) => {
            options_known_once(option_count, approved.iter().copied(), &mut out);
            if let Some(max) = limits.max_approvals
                && approved.len() > usize::try_from(max).unwrap_or(usize::MAX)
            {
                out.push(BallotProblem::TooManyApprovals {
                    approved: approved.len(),
                    max,
                });
            }
        }
        Marks::Points(points) => {
            options_known_once(option_count, points.iter().map(|(o, _)| *o), &mut out);
            points_rules(method, points, &mut out);
        }
        Marks::Consent { position, reason } => {
            let blank = reason.as_deref().is_none_or(|r| r.trim().is_empty());
            if *position == ConsentPosition::Object && blank {
                out.push(BallotProblem::ObjectionWithoutReason);
            }
        }
        Marks::YesNo(_) => {}
    }
    out
}

fn options_known_once(
    option_count: usize,
    options: impl Iterator<Item = OptionIndex>,
    out: &mut Vec<BallotProblem>,
) {
    // Fast path without allocation for the usual small rounds (the counter validates every
    // ballot group before counting).
    let (mut seen_bits, mut reported_bits) = (0_u128, 0_u128);
    let mut seen = BTreeSet::new();
    let mut reported = BTreeSet::new();
    for option in options {
        if option >= option_count {
            out.push(BallotProblem::UnknownOption { option });
            continue;
        }
        let repeated = match u32::try_from(option)
            .ok()
            .and_then(|o| 1_u128.checked_shl(o))
        {
            Some(bit) if option < 128 => {
                let again = seen_bits & bit != 0;
                seen_bits |= bit;
                let first_report = reported_bits & bit == 0;
                if again {
                    reported_bits |= bit;
                }
                again && first_report
            }
            _ => !seen.insert(option) && reported.insert(option),
        };
        if repeated {
            out.push(BallotProblem::DuplicateOption { option });
        }
    }
}

fn ranking(
    equal_allowed: bool,
    option_count: usize,
    ranking: &Ranking,
    out: &mut Vec<BallotProblem>,
) {
    if !equal_allowed && ranking.has_equal_ranks() {
        for (i, rank) in ranking.ranks().enumerate() {
            if rank.len() > 1 {
                out.push(BallotProblem::EqualRanks { rank: i + 1 });
            }
        }
    }
    options_known_once(option_count, ranking.options(), out);
}

fn points_rules(method: &Method, points: &[(OptionIndex, i64)], out: &mut Vec<BallotProblem>) {
    match method {
        Method::Score => {
            for &(option, score) in points {
                if !(0..=5).contains(&score) {
                    out.push(BallotProblem::ScoreOutOfRange { option, score });
                }
            }
        }
        Method::Dot { points: budget } => {
            let mut spent = 0_u128;
            for &(option, p) in points {
                if p < 0 {
                    out.push(BallotProblem::NegativePoints { option, points: p });
                } else {
                    spent = spent.saturating_add(u128::from(p.unsigned_abs()));
                }
            }
            if spent > u128::from(*budget) {
                out.push(BallotProblem::PointsOverBudget {
                    spent,
                    budget: *budget,
                });
            }
        }
        Method::Quadratic {
            credits,
            allow_negative,
        } => {
            let mut cost = 0_u128;
            for &(option, votes) in points {
                if votes < 0 && !allow_negative {
                    out.push(BallotProblem::NegativeVotesNotAllowed { option, votes });
                }
                cost = cost.saturating_add(u128::from(votes.unsigned_abs()).saturating_pow(2));
            }
            if cost > u128::from(*credits) {
                out.push(BallotProblem::QuadraticOverBudget {
                    cost,
                    budget: *credits,
                });
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn irv() -> Method {
        Method::Irv {
            batch_elimination: false,
            continue_until_two: false,
        }
    }

    fn codes(p: &[BallotProblem]) -> Vec<&'static str> {
        p.iter().map(BallotProblem::code).collect()
    }

    #[test]
    fn a_ranking_reports_each_broken_rule_once() {
        let ranking = Ranking::from_ranks([vec![0], vec![1, 2], vec![0], vec![9]]).unwrap();
        let p = problems(&irv(), 3, &Marks::Ranking(ranking));
        assert_eq!(
            codes(&p),
            vec!["equal_ranks", "duplicate_option", "unknown_option"]
        );
        assert_eq!(
            p[0].to_string(),
            "rank 2 holds several options; equal ranks are allowed only in a Schulze count"
        );
    }

    #[test]
    fn equal_ranks_are_allowed_for_schulze_only() {
        let marks = Marks::Ranking(Ranking::from_ranks([vec![0, 1], vec![2]]).unwrap());
        assert!(problems(&Method::Schulze, 3, &marks).is_empty());
        assert_eq!(
            codes(&problems(&Method::Borda, 3, &marks)),
            vec!["equal_ranks"]
        );
    }

    #[test]
    fn the_wrong_shape_is_reported_alone() {
        let p = problems(&Method::Score, 3, &Marks::Approval(vec![0]));
        assert_eq!(
            p,
            vec![BallotProblem::WrongBallotShape {
                expected: BallotShape::Points,
                found: BallotShape::Approval
            }]
        );
        assert_eq!(
            p[0].to_string(),
            "this method needs points per option on the ballot, not approvals"
        );
    }

    #[test]
    fn scores_must_be_from_zero_to_five() {
        let p = problems(&Method::Score, 2, &Marks::Points(vec![(0, 6), (1, -1)]));
        assert_eq!(codes(&p), vec!["score_out_of_range", "score_out_of_range"]);
    }

    #[test]
    fn dot_points_may_not_be_negative_or_over_budget() {
        let p = problems(
            &Method::Dot { points: 10 },
            3,
            &Marks::Points(vec![(0, 8), (1, 4), (2, -1)]),
        );
        assert_eq!(codes(&p), vec!["negative_points", "points_over_budget"]);
        assert_eq!(
            p[1],
            BallotProblem::PointsOverBudget {
                spent: 12,
                budget: 10
            }
        );
    }

    #[test]
    fn a_quadratic_ballot_over_budget_carries_its_cost() {
        let method = Method::Quadratic {
            credits: 100,
            allow_negative: false,
        };
        let p = problems(&method, 2, &Marks::Points(vec![(0, 8), (1, -7)]));
        assert_eq!(
            p,
            vec![
                BallotProblem::NegativeVotesNotAllowed {
                    option: 1,
                    votes: -7
                },
                BallotProblem::QuadraticOverBudget {
                    cost: 113,
                    budget: 100
                }
            ]
        );
        assert_eq!(
            p[1].to_string(),
            "this ballot costs 113 voice credits; each voter has 100"
        );
        let allowed = Method::Quadratic {
            credits: 113,
            allow_negative: true,
        };
        assert!(problems(&allowed, 2, &Marks::Points(vec![(0, 8), (1, -7)])).is_empty());
    }

    #[test]
    fn an_objection_needs_a_reason_but_a_concern_does_not() {
        let m = Method::Consent { max_objections: 0 };
        let object = Marks::Consent {
            position: ConsentPosition::Object,
            reason: Some("  ".into()),
        };
        assert_eq!(
            codes(&problems(&m, 1, &object)),
            vec!["objection_without_reason"]
        );
        let concern = Marks::Consent {
            position: ConsentPosition::Concern,
            reason: None,
        };
        assert!(problems(&m, 1, &concern).is_empty());
    }

    #[test]
    fn approvals_may_be_limited_by_the_round() {
        let m = Method::Approval { winners: 1 };
        let marks = Marks::Approval(vec![0, 1, 2]);
        assert!(problems(&m, 3, &marks).is_empty());
        let limits = Limits {
            max_approvals: Some(2),
        };
        assert_eq!(
            codes(&problems_with(&m, 3, &marks, &limits)),
            vec!["too_many_approvals"]
        );
    }
}
