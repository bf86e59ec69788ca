//! A ballot as a form sends it, turned into `tally`'s marks and checked (decision-rules.md
//! §4, §6). Pure: the server runs it on every ballot; the browser may run it too.
//!
//! The fields, one shape per family of methods (`i` is an option's position, 0-based):
//!
//! | method                   | fields                                                   |
//! |--------------------------|----------------------------------------------------------|
//! | consent                  | `position` (consent, concern, stand_aside, object), `reason` |
//! | majority                 | `choice` (yes, no, abstain)                              |
//! | approval                 | `o{i}` present for each approved option                  |
//! | score, dot, quadratic    | `o{i}`: a whole number (empty is 0)                      |
//! | IRV, STV, Borda          | `rank{r}`: the option at rank `r` (1, 2, …; empty skipped) |
//! | Schulze                  | `o{i}`: the option's rank (empty: below every ranked one; equal numbers: equal rank) |
//!
//! Decided: an empty rank select between filled ones is skipped (the ranks close up), as a
//! voter who left a gap expects; an option chosen at two ranks is refused, naming it.

use crate::domain::rule::Rule;
use std::{collections::BTreeMap, fmt};
use tally::{
    ballot::{Choice, ConsentPosition, Marks, Ranking},
    config::Method,
    validate::BallotProblem,
};

/// A rule a ballot breaks, with the option's name where one is concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BallotIssue {
    /// No position or choice was chosen.
    NothingChosen,
    /// A field that takes a whole number holds something else.
    NotANumber {
        /// The option.
        option: String,
    },
    /// A rank select names no option of the round.
    UnknownOption,
    /// A rule of the method (`tally`'s check), the option named.
    Rule {
        /// The rule broken.
        problem: BallotProblem,
        /// The option it concerns, if one.
        option: Option<String>,
    },
}

impl BallotIssue {
    /// The form field it concerns, if one: on a ranked form the last rank holding the
    /// option (the repeat), otherwise the option's own field.
    pub fn field(&self, options: &[String], fields: &BTreeMap<String, String>) -> Option<String> {
        let by_name = |name: &str| {
            let i = options.iter().position(|o| o == name)?;
            let rank = fields
                .iter()
                .filter(|(k, v)| k.starts_with("rank") && v.trim() == i.to_string())
                .filter_map(|(k, _)| Some((k.trim_start_matches("rank").parse::<usize>().ok()?, k)))
                .max()
                .map(|(_, k)| k.clone());
            Some(rank.unwrap_or_else(|| format!("o{i}")))
        };
        match self {
            BallotIssue::NotANumber { option } => by_name(option),
            BallotIssue::Rule {
                problem: BallotProblem::ObjectionWithoutReason,
                ..
            } => Some("reason".to_owned()),
            BallotIssue::Rule {
                option: Some(option),
                ..
            } => by_name(option),
            _ => None,
        }
    }
}

impl Rule for BallotIssue {
    fn code(&self) -> &'static str {
        match self {
            BallotIssue::NothingChosen => "ballot_nothing_chosen",
            BallotIssue::NotANumber { .. } => "ballot_not_a_number",
            BallotIssue::UnknownOption => "ballot_unknown_option",
            BallotIssue::Rule { problem, .. } => problem.code(),
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        let mut args: Vec<(String, String)> = Vec::new();
        let mut push = |name: &str, value: String| args.push((name.to_owned(), value));
        match self {
            BallotIssue::NotANumber { option } => push("option", option.clone()),
            BallotIssue::Rule { problem, option } => {
                if let Some(option) = option {
                    push("option", option.clone());
                }
                match problem {
                    BallotProblem::EqualRanks { rank } => push("rank", rank.to_string()),
                    BallotProblem::TooManyApprovals { approved, max } => {
                        push("approved", approved.to_string());
                        push("max", max.to_string());
                    }
                    BallotProblem::ScoreOutOfRange { score, .. } => {
                        push("score", score.to_string())
                    }
                    BallotProblem::NegativePoints { points, .. } => {
                        push("points", points.to_string())
                    }
                    BallotProblem::PointsOverBudget { spent, budget } => {
                        push("spent", spent.to_string());
                        push("budget", budget.to_string());
                    }
                    BallotProblem::NegativeVotesNotAllowed { votes, .. } => {
                        push("votes", votes.to_string())
                    }
                    BallotProblem::QuadraticOverBudget { cost, budget } => {
                        push("cost", cost.to_string());
                        push("budget", budget.to_string());
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        args
    }
}

impl fmt::Display for BallotIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BallotIssue::NothingChosen => f.write_str("Choose one of the positions first."),
            BallotIssue::NotANumber { option } => {
                write!(f, "“{option}” needs a whole number.")
            }
            BallotIssue::UnknownOption => f.write_str("That is not one of this round's options."),
            BallotIssue::Rule {
                problem,
                option: Some(option),
            } => write!(f, "{problem} (“{option}”)."),
            BallotIssue::Rule { problem, .. } => write!(f, "{problem}."),
        }
    }
}

/// The option a `tally` problem concerns.
fn option_of(problem: &BallotProblem) -> Option<usize> {
    match problem {
        BallotProblem::UnknownOption { option }
        | BallotProblem::DuplicateOption { option }
        | BallotProblem::ScoreOutOfRange { option, .. }
        | BallotProblem::NegativePoints { option, .. }
        | BallotProblem::NegativeVotesNotAllowed { option, .. } => Some(*option),
        _ => None,
    }
}

/// Reads a ballot form for `method` over `options`, and checks it against the method's
/// rules: the marks, or every rule it breaks.
pub fn read(
    method: &Method,
    options: &[String],
    fields: &BTreeMap<String, String>,
) -> Result<Marks, Vec<BallotIssue>> {
    let marks = marks(method, options, fields)?;
    let issues: Vec<BallotIssue> = tally::validate(method, options.len(), &marks)
        .into_iter()
        .map(|problem| BallotIssue::Rule {
            option: option_of(&problem).and_then(|i| options.get(i).cloned()),
            problem,
        })
        .collect();
    if issues.is_empty() {
        Ok(marks)
    } else {
        Err(issues)
    }
}

fn field<'a>(fields: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    fields.get(name).map_or("", |v| v.trim())
}

fn marks(
    method: &Method,
    options: &[String],
    fields: &BTreeMap<String, String>,
) -> Result<Marks, Vec<BallotIssue>> {
    match method {
        Method::Consent { .. } => {
            let position = match field(fields, "position") {
                "consent" => ConsentPosition::Consent,
                "concern" => ConsentPosition::Concern,
                "stand_aside" => ConsentPosition::StandAside,
                "object" => ConsentPosition::Object,
                _ => return Err(vec![BallotIssue::NothingChosen]),
            };
            let reason = Some(field(fields, "reason").to_owned()).filter(|r| !r.is_empty());
            Ok(Marks::Consent { position, reason })
        }
        Method::Majority { .. } => match field(fields, "choice") {
            "yes" => Ok(Marks::YesNo(Choice::Yes)),
            "no" => Ok(Marks::YesNo(Choice::No)),
            "abstain" => Ok(Marks::YesNo(Choice::Abstain)),
            _ => Err(vec![BallotIssue::NothingChosen]),
        },
        Method::Approval { .. } => Ok(Marks::Approval(
            (0..options.len())
                .filter(|i| !field(fields, &format!("o{i}")).is_empty())
                .collect(),
        )),
        Method::Score | Method::Dot { .. } | Method::Quadratic { .. } => {
            points(options, fields).map(Marks::Points)
        }
        Method::Schulze => {
            let ranks = points(options, fields)?;
            let mut numbers: Vec<i64> = ranks.iter().map(|(_, r)| *r).collect();
            numbers.sort_unstable();
            numbers.dedup();
            let tiers: Vec<Vec<usize>> = numbers
                .iter()
                .map(|n| {
                    ranks
                        .iter()
                        .filter(|(_, r)| r == n)
                        .map(|(o, _)| *o)
                        .collect()
                })
                .collect();
            Ranking::from_ranks(tiers)
                .map(Marks::Ranking)
                .map_err(|_| vec![BallotIssue::UnknownOption])
        }
        Method::Irv { .. }
        | Method::StvScottish { .. }
        | Method::StvMeek { .. }
        | Method::Borda => {
            let mut chosen = Vec::new();
            for rank in 1..=options.len() {
                let value = field(fields, &format!("rank{rank}"));
                if value.is_empty() {
                    continue;
                }
                match value.parse::<usize>() {
                    Ok(i) if i < options.len() => chosen.push(i),
                    _ => return Err(vec![BallotIssue::UnknownOption]),
                }
            }
            Ranking::strict(&chosen)
                .map(Marks::Ranking)
                .map_err(|_| vec![BallotIssue::UnknownOption])
        }
    }
}

/// The whole numbers of fields `o{i}` (empty ones left out: 0, or unranked).
fn points(
    options: &[String],
    fields: &BTreeMap<String, String>,
) -> Result<Vec<(usize, i64)>, Vec<BallotIssue>> {
    let mut given = Vec::new();
    let mut issues = Vec::new();
    for (i, name) in options.iter().enumerate() {
        let value = field(fields, &format!("o{i}"));
        if value.is_empty() {
            continue;
        }
        match value.parse::<i64>() {
            Ok(n) => given.push((i, n)),
            Err(_) => issues.push(BallotIssue::NotANumber {
                option: name.clone(),
            }),
        }
    }
    if issues.is_empty() {
        Ok(given)
    } else {
        Err(issues)
    }
}

/// The form fields that show `marks` again (to fill the form with a voter's current ballot).
pub fn fields_of(marks: &Marks) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    match marks {
        Marks::Consent { position, reason } => {
            let code = match position {
                ConsentPosition::Consent => "consent",
                ConsentPosition::Concern => "concern",
                ConsentPosition::StandAside => "stand_aside",
                ConsentPosition::Object => "object",
            };
            fields.insert("position".to_owned(), code.to_owned());
            fields.insert("reason".to_owned(), reason.clone().unwrap_or_default());
        }
        Marks::YesNo(choice) => {
            let code = match choice {
                Choice::Yes => "yes",
                Choice::No => "no",
                Choice::Abstain => "abstain",
            };
            fields.insert("choice".to_owned(), code.to_owned());
        }
        Marks::Approval(approved) => {
            for i in approved {
                fields.insert(format!("o{i}"), "on".to_owned());
            }
        }
        Marks::Points(points) => {
            for (i, n) in points {
                fields.insert(format!("o{i}"), n.to_string());
            }
        }
        Marks::Ranking(ranking) => {
            for (rank, tier) in ranking.to_nested().into_iter().enumerate() {
                for option in tier {
                    fields.insert(format!("rank{}", rank + 1), option.to_string());
                    fields.insert(format!("o{option}"), (rank + 1).to_string());
                }
            }
        }
    }
    fields
}

/// A ballot in words, for the published list of ballots: `Consent`, `Yes`, `Alpha, Beta`,
/// `1. Alpha 2. Beta = Gamma`, `Alpha 3, Beta 1`.
pub fn describe(marks: &Marks, options: &[String]) -> String {
    let name = |i: &usize| options.get(*i).map_or("?", String::as_str).to_owned();
    match marks {
        Marks::Consent { position, reason } => {
            let word = match position {
                ConsentPosition::Consent => "consent",
                ConsentPosition::Concern => "concern",
                ConsentPosition::StandAside => "stand aside",
                ConsentPosition::Object => "object",
            };
            match reason {
                Some(reason) => format!("{word}: {reason}"),
                None => word.to_owned(),
            }
        }
        Marks::YesNo(Choice::Yes) => "yes".to_owned(),
        Marks::YesNo(Choice::No) => "no".to_owned(),
        Marks::YesNo(Choice::Abstain) => "abstain".to_owned(),
        Marks::Approval(approved) => approved.iter().map(name).collect::<Vec<_>>().join(", "),
        Marks::Points(points) => points
            .iter()
            .map(|(i, n)| format!("{} {n}", name(i)))
            .collect::<Vec<_>>()
            .join(", "),
        Marks::Ranking(ranking) => ranking
            .to_nested()
            .iter()
            .enumerate()
            .map(|(r, tier)| {
                let names: Vec<String> = tier.iter().map(name).collect();
                format!("{}. {}", r + 1, names.join(" = "))
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A receipt code from 10 random bytes: 16 characters of Crockford's base32 (no I, L, O, U:
/// nothing to misread), in groups of four: `7K2M-QF9X-…`.
pub fn receipt_code(bytes: &[u8; 10]) -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut value = bytes.iter().fold(0u128, |v, b| (v << 8) | u128::from(*b));
    let mut chars = Vec::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            chars.push(b'-');
        }
        let digit = usize::try_from((value >> 75) & 31).unwrap_or(0);
        chars.push(ALPHABET.get(digit).copied().unwrap_or(b'0'));
        value <<= 5;
    }
    String::from_utf8(chars).unwrap_or_default()
}

/// A receipt code as someone typed it, made comparable: upper case, without spaces, `I`/`L`
/// read as 1 and `O` as 0, grouped again.
pub fn normalise_receipt(typed: &str) -> String {
    let plain: String = typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        })
        .collect();
    plain
        .as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally::config::{Comparison, Threshold, ThresholdBase};

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn names(n: usize) -> Vec<String> {
        ["Alpha", "Beta", "Gamma", "Delta"]
            .iter()
            .take(n)
            .map(|s| (*s).to_owned())
            .collect()
    }

    fn codes(result: Result<Marks, Vec<BallotIssue>>) -> Vec<&'static str> {
        result
            .err()
            .unwrap_or_default()
            .iter()
            .map(|i| i.code())
            .collect()
    }

    #[test]
    fn an_objection_needs_a_reason_on_the_reason_field() {
        let consent = Method::Consent { max_objections: 0 };
        let refused = read(&consent, &[], &form(&[("position", "object")])).unwrap_err();
        assert_eq!(refused[0].code(), "objection_without_reason");
        assert_eq!(refused[0].field(&[], &form(&[])), Some("reason".to_owned()));
        let marks = read(
            &consent,
            &[],
            &form(&[("position", "object"), ("reason", "Too dear")]),
        )
        .unwrap();
        assert_eq!(describe(&marks, &[]), "object: Too dear");
        assert_eq!(
            codes(read(&consent, &[], &form(&[]))),
            ["ballot_nothing_chosen"]
        );
    }

    #[test]
    fn a_majority_ballot_is_yes_no_or_abstain() {
        let majority = Method::Majority {
            threshold: Threshold {
                numerator: 2,
                denominator: 3,
                comparison: Comparison::AtLeast,
                base: ThresholdBase::VotesCast,
            },
        };
        let marks = read(&majority, &[], &form(&[("choice", "abstain")])).unwrap();
        assert_eq!(marks, Marks::YesNo(Choice::Abstain));
        assert_eq!(
            codes(read(&majority, &[], &form(&[("choice", "maybe")]))),
            ["ballot_nothing_chosen"]
        );
    }

    #[test]
    fn ranks_close_up_over_gaps_and_a_repeat_names_its_option() {
        let irv = Method::Irv {
            batch_elimination: false,
            continue_until_two: false,
        };
        let options = names(3);
        let marks = read(&irv, &options, &form(&[("rank1", "2"), ("rank3", "0")])).unwrap();
        assert_eq!(describe(&marks, &options), "1. Gamma 2. Alpha");
        let repeated = form(&[("rank1", "1"), ("rank2", "1")]);
        let refused = read(&irv, &options, &repeated).unwrap_err();
        assert_eq!(refused[0].code(), "duplicate_option");
        assert_eq!(
            refused[0].field(&options, &repeated),
            Some("rank2".to_owned())
        );
        assert!(
            refused[0]
                .args()
                .contains(&("option".to_owned(), "Beta".to_owned()))
        );
        assert_eq!(
            codes(read(&irv, &options, &form(&[("rank1", "9")]))),
            ["ballot_unknown_option"]
        );
        // Read back into the same fields.
        assert_eq!(fields_of(&marks).get("rank1"), Some(&"2".to_owned()));
    }

    #[test]
    fn schulze_takes_equal_ranks_and_leaves_blanks_unranked() {
        let options = names(4);
        let marks = read(
            &Method::Schulze,
            &options,
            &form(&[("o0", "2"), ("o1", "1"), ("o2", "2")]),
        )
        .unwrap();
        assert_eq!(describe(&marks, &options), "1. Beta 2. Alpha = Gamma");
    }

    #[test]
    fn points_are_whole_numbers_within_the_budget() {
        let options = names(3);
        let dot = Method::Dot { points: 10 };
        let refused = read(&dot, &options, &form(&[("o0", "6"), ("o1", "5")])).unwrap_err();
        assert_eq!(refused[0].code(), "points_over_budget");
        assert!(
            refused[0]
                .args()
                .contains(&("spent".to_owned(), "11".to_owned()))
        );
        let refused = read(&dot, &options, &form(&[("o2", "two")])).unwrap_err();
        assert_eq!(refused[0].code(), "ballot_not_a_number");
        assert_eq!(
            refused[0].field(&options, &form(&[])),
            Some("o2".to_owned())
        );
        let quadratic = Method::Quadratic {
            credits: 100,
            allow_negative: false,
        };
        let refused = read(&quadratic, &options, &form(&[("o0", "8"), ("o1", "7")])).unwrap_err();
        assert_eq!(refused[0].code(), "quadratic_over_budget");
        assert!(
            refused[0]
                .args()
                .contains(&("cost".to_owned(), "113".to_owned()))
        );
        let score = read(&Method::Score, &options, &form(&[("o0", "5"), ("o1", "")])).unwrap();
        assert_eq!(describe(&score, &options), "Alpha 5");
    }

    #[test]
    fn receipt_codes_are_sixteen_unambiguous_characters_in_fours() {
        let code = receipt_code(&[0xff; 10]);
        assert_eq!(code, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        let code = receipt_code(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        assert_eq!(code.len(), 19);
        assert!(!code.contains(['I', 'L', 'O', 'U']));
        assert_eq!(
            normalise_receipt(&code.to_lowercase().replace('-', " ")),
            code
        );
        assert_eq!(normalise_receipt("oooo-llll"), "0000-1111");
    }

    #[test]
    fn approvals_are_the_ticked_boxes() {
        let options = names(3);
        let marks = read(
            &Method::Approval { winners: 1 },
            &options,
            &form(&[("o0", "on"), ("o2", "on")]),
        )
        .unwrap();
        assert_eq!(describe(&marks, &options), "Alpha, Gamma");
    }
}
