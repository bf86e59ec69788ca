//! Decision rounds (decision-rules.md §3): the states a round moves through, the checks on
//! each step, and the checks on a configuration before it is saved. Counting is `tally`'s.
//!
//! | state       | change config | open | extend | close early | close at its time | cancel |
//! |-------------|---------------|------|--------|-------------|-------------------|--------|
//! | `scheduled` | yes           | yes  | no     | no          | no                | yes    |
//! | `open`      | no            | no   | yes    | yes         | yes               | yes    |
//! | `closed`    | no            | no   | no     | no          | no                | no     |
//! | `cancelled` | no            | no   | no     | no          | no                | no     |
//!
//! A round opens at its opening instant (or at once); it closes itself at its closing
//! instant; a facilitator may close it early with a reason, and anyone's ballot that
//! completes the electorate closes it early without one. Extending only moves the closing
//! instant later, with a reason. Cancelling needs a reason.

use crate::domain::rule::{Rule, args};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use tally::config::{Method, Quorum, Threshold};

/// The most options a round has (the ballot checks use a 128-bit set).
pub const MAX_OPTIONS: usize = 128;

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum),
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::N(16))",
        rename_all = "snake_case"
    )
)]
pub enum RoundState {
    /// Configured; opens at its opening instant.
    Scheduled,
    /// Taking ballots.
    Open,
    /// Counted; its result is stored for good.
    Closed,
    /// Called off, with a reason.
    Cancelled,
}

impl RoundState {
    /// The stable snake_case code (stored, and the suffix of its translation key).
    pub fn code(self) -> &'static str {
        match self {
            RoundState::Scheduled => "scheduled",
            RoundState::Open => "open",
            RoundState::Closed => "closed",
            RoundState::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for RoundState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A step in a round's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundStep {
    /// Change its configuration.
    Configure,
    /// Open it (at its opening instant, or at once).
    Open,
    /// Move its closing instant later.
    Extend,
    /// Close it before its closing instant.
    CloseEarly,
    /// Close it at its closing instant.
    CloseOnTime,
    /// Call it off.
    Cancel,
}

/// Something wrong with a round's configuration or with a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundProblem {
    /// The step is not possible in the round's state.
    State {
        /// The round's state.
        state: RoundState,
    },
    /// The round is not due yet (opening or closing).
    NotDue,
    /// The closing instant is not after the opening instant (or now).
    ClosesTooEarly,
    /// An extension must move the closing instant later.
    ExtensionNotLater,
    /// Closing early needs everyone to have voted, or a facilitator's reason.
    EarlyCloseNeedsReason,
    /// Fewer than two options, or more than [`MAX_OPTIONS`].
    OptionCount {
        /// The fewest.
        min: usize,
        /// The most.
        max: usize,
        /// How many were given.
        actual: usize,
    },
    /// Two options with one name.
    DuplicateOption {
        /// The name.
        name: String,
    },
    /// Winners or seats must be at least 1 and fewer than the options.
    Winners {
        /// The most allowed.
        max: usize,
    },
    /// Points or credits must be at least 1.
    Budget,
    /// A fraction must be between 0 and 1 with a denominator that is not 0 (a threshold
    /// above 0).
    Fraction,
    /// A count quorum larger than the electorate can never be met.
    QuorumBeyondElectorate {
        /// The electorate's size.
        electorate: u64,
    },
}

impl Rule for RoundProblem {
    fn code(&self) -> &'static str {
        match self {
            RoundProblem::State { .. } => "round_state",
            RoundProblem::NotDue => "round_not_due",
            RoundProblem::ClosesTooEarly => "round_closes_too_early",
            RoundProblem::ExtensionNotLater => "round_extension_not_later",
            RoundProblem::EarlyCloseNeedsReason => "round_early_close_needs_reason",
            RoundProblem::OptionCount { .. } => "round_option_count",
            RoundProblem::DuplicateOption { .. } => "round_duplicate_option",
            RoundProblem::Winners { .. } => "round_winners",
            RoundProblem::Budget => "round_budget",
            RoundProblem::Fraction => "round_fraction",
            RoundProblem::QuorumBeyondElectorate { .. } => "round_quorum_beyond_electorate",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            RoundProblem::State { state } => vec![("state".to_owned(), state.code().to_owned())],
            RoundProblem::OptionCount { min, max, actual } => args([
                ("min", min as &dyn ToString),
                ("max", max),
                ("actual", actual),
            ]),
            RoundProblem::DuplicateOption { name } => vec![("name".to_owned(), name.clone())],
            RoundProblem::Winners { max } => args([("max", max as &dyn ToString)]),
            RoundProblem::QuorumBeyondElectorate { electorate } => {
                args([("electorate", electorate as &dyn ToString)])
            }
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for RoundProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoundProblem::State { state } => write!(f, "This cannot be done while the round is {state}."),
            RoundProblem::NotDue => f.write_str("The round is not due for this yet."),
            RoundProblem::ClosesTooEarly => {
                f.write_str("The closing time must be after the opening time (and after now).")
            }
            RoundProblem::ExtensionNotLater => {
                f.write_str("An extension must move the closing time later.")
            }
            RoundProblem::EarlyCloseNeedsReason => f.write_str(
                "A round closes early when every eligible member has voted, or by a facilitator who gives a reason.",
            ),
            RoundProblem::OptionCount { min, max, actual } => write!(
                f,
                "A round needs between {min} and {max} options (it has {actual})."
            ),
            RoundProblem::DuplicateOption { name } => {
                write!(f, "Two options are both called \u{201c}{name}\u{201d}.")
            }
            RoundProblem::Winners { max } => {
                write!(f, "Winners or seats must be between 1 and {max}.")
            }
            RoundProblem::Budget => f.write_str("Points and credits must be at least 1."),
            RoundProblem::Fraction => f.write_str(
                "A fraction must be written p/q with 0 < p ≤ q (for a quorum, 0 ≤ p ≤ q).",
            ),
            RoundProblem::QuorumBeyondElectorate { electorate } => write!(
                f,
                "The quorum asks for more ballots than there are voters ({electorate})."
            ),
        }
    }
}

/// Checks that `step` may be taken on a round in `state`.
pub fn check_step(state: RoundState, step: RoundStep) -> Result<(), RoundProblem> {
    use RoundState::{Open, Scheduled};
    let allowed = match step {
        RoundStep::Configure | RoundStep::Open => state == Scheduled,
        RoundStep::Extend | RoundStep::CloseEarly | RoundStep::CloseOnTime => state == Open,
        RoundStep::Cancel => matches!(state, Scheduled | Open),
    };
    if allowed {
        Ok(())
    } else {
        Err(RoundProblem::State { state })
    }
}

/// Checks that a round in `state` that opens at `opens_at` may open at `now`.
pub fn check_open(
    state: RoundState,
    opens_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), RoundProblem> {
    check_step(state, RoundStep::Open)?;
    if now < opens_at {
        return Err(RoundProblem::NotDue);
    }
    Ok(())
}

/// Checks that a round in `state` that closes at `closes_at` may close on time at `now`.
pub fn check_close_on_time(
    state: RoundState,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), RoundProblem> {
    check_step(state, RoundStep::CloseOnTime)?;
    if now < closes_at {
        return Err(RoundProblem::NotDue);
    }
    Ok(())
}

/// Checks an early close: allowed when everyone in the electorate has voted, or with a
/// facilitator's reason.
pub fn check_close_early(
    state: RoundState,
    everyone_voted: bool,
    reason: Option<&str>,
) -> Result<(), RoundProblem> {
    check_step(state, RoundStep::CloseEarly)?;
    let reason_given = reason.is_some_and(|r| !r.trim().is_empty());
    if everyone_voted || reason_given {
        Ok(())
    } else {
        Err(RoundProblem::EarlyCloseNeedsReason)
    }
}

/// Checks an extension from `current` to `new` closing instants.
pub fn check_extend(
    state: RoundState,
    current: DateTime<Utc>,
    new: DateTime<Utc>,
) -> Result<(), RoundProblem> {
    check_step(state, RoundStep::Extend)?;
    if new <= current {
        return Err(RoundProblem::ExtensionNotLater);
    }
    Ok(())
}

/// Parses a fraction written `p/q` (spaces allowed around the parts).
pub fn parse_fraction(text: &str) -> Option<(u32, u32)> {
    let (p, q) = text.split_once('/')?;
    Some((p.trim().parse().ok()?, q.trim().parse().ok()?))
}

fn fraction_ok(numerator: u32, denominator: u32, zero_allowed: bool) -> bool {
    denominator != 0 && numerator <= denominator && (zero_allowed || numerator > 0)
}

/// Checks a round's method, options, times and quorum against the method's rules; every
/// problem at once. `options` are the option names (ignored for consent and majority, whose
/// positions are fixed); `electorate` the scope's voters now, when known.
pub fn check_config(
    method: &Method,
    options: &[String],
    quorum: &Quorum,
    opens_at: DateTime<Utc>,
    closes_at: DateTime<Utc>,
    now: DateTime<Utc>,
    electorate: Option<u64>,
) -> Vec<RoundProblem> {
    let mut problems = Vec::new();
    if closes_at <= opens_at || closes_at <= now {
        problems.push(RoundProblem::ClosesTooEarly);
    }
    let fixed_positions = matches!(method, Method::Consent { .. } | Method::Majority { .. });
    if !fixed_positions {
        if !(2..=MAX_OPTIONS).contains(&options.len()) {
            problems.push(RoundProblem::OptionCount {
                min: 2,
                max: MAX_OPTIONS,
                actual: options.len(),
            });
        }
        let mut seen = std::collections::HashSet::new();
        for name in options {
            if !seen.insert(name.trim().to_lowercase()) {
                problems.push(RoundProblem::DuplicateOption {
                    name: name.trim().to_owned(),
                });
            }
        }
    }
    let most_winners = options.len().saturating_sub(1).max(1);
    match method {
        Method::Approval { winners: n }
        | Method::StvScottish { seats: n }
        | Method::StvMeek { seats: n } => {
            let n = usize::try_from(*n).unwrap_or(usize::MAX);
            if n == 0 || n > most_winners {
                problems.push(RoundProblem::Winners { max: most_winners });
            }
        }
        Method::Dot { points: budget }
        | Method::Quadratic {
            credits: budget, ..
        } if *budget == 0 => problems.push(RoundProblem::Budget),
        Method::Majority {
            threshold:
                Threshold {
                    numerator,
                    denominator,
                    ..
                },
        } if !fraction_ok(*numerator, *denominator, false) => {
            problems.push(RoundProblem::Fraction);
        }
        _ => {}
    }
    match *quorum {
        Quorum::Fraction {
            numerator,
            denominator,
        } if !fraction_ok(numerator, denominator, true) => problems.push(RoundProblem::Fraction),
        Quorum::Count { count } => {
            if let Some(electorate) = electorate.filter(|e| count > *e) {
                problems.push(RoundProblem::QuorumBeyondElectorate { electorate });
            }
        }
        _ => {}
    }
    problems
}

/// Ballots a quorum needs from an electorate of `electorate` (spec §5: `ceil(q × n)`, or the
/// count).
pub fn ballots_needed(quorum: &Quorum, electorate: u64) -> u64 {
    match tally::quorum::check(quorum, 0, Some(electorate)) {
        Ok(report) => u64::try_from(report.needed).unwrap_or(u64::MAX),
        Err(_) => u64::MAX,
    }
}

/// One sentence of a round's plain-language rule (spec §3, shown before a facilitator
/// confirms a round, and on the round): a translation key and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The translation key (`round-rule-…`, `round-quorum-…`, `round-closes`).
    pub key: String,
    /// Its arguments.
    pub args: Vec<(String, String)>,
}

impl Sentence {
    fn new(key: &str, args: &[(&str, String)]) -> Sentence {
        Sentence {
            key: key.to_owned(),
            args: args
                .iter()
                .map(|(name, value)| ((*name).to_owned(), value.clone()))
                .collect(),
        }
    }
}

/// Who votes in a round, as the statement names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voters {
    /// How many may vote.
    pub count: u64,
    /// The organisation's or the group's name.
    pub scope: String,
    /// The meeting whose members present are the quorum's reference (a round opened from
    /// its agenda, where the organisation says so); `count` is then how many were present.
    pub present_at: Option<String>,
}

/// The reminder in a sentence (0 hours: none).
pub fn reminder_sentence(hours: u32) -> Sentence {
    if hours == 0 {
        Sentence::new("round-rule-no-reminder", &[])
    } else {
        Sentence::new("round-rule-reminder", &[("hours", hours.to_string())])
    }
}

/// The rule of a round in plain words: how it is decided, the participation it needs, and
/// when it closes (`closes` in the organisation's zone, named by `zone`). For example, in
/// English: "Adopted if at least 2/3 of the votes for or against are yes. At least 12 of the
/// 35 members of Housing must take part. Closes Friday 5 December, 18:00 (Europe/Madrid)."
pub fn statement(
    method: &Method,
    quorum: &Quorum,
    voters: &Voters,
    closes: chrono::NaiveDateTime,
    zone: &str,
) -> Vec<Sentence> {
    use chrono::{Datelike, Timelike};
    let n = |value: u32| value.to_string();
    let rule = match method {
        Method::Consent { max_objections: 0 } => Sentence::new("round-rule-consent-none", &[]),
        Method::Consent { max_objections } => {
            Sentence::new("round-rule-consent", &[("objections", n(*max_objections))])
        }
        Method::Majority { threshold } => Sentence::new(
            "round-rule-majority",
            &[
                (
                    "comparison",
                    match threshold.comparison {
                        tally::config::Comparison::MoreThan => "more-than",
                        tally::config::Comparison::AtLeast => "at-least",
                    }
                    .to_owned(),
                ),
                (
                    "fraction",
                    format!("{}/{}", threshold.numerator, threshold.denominator),
                ),
                (
                    "base",
                    match threshold.base {
                        tally::config::ThresholdBase::VotesCast => "votes-cast",
                        tally::config::ThresholdBase::AllBallots => "all-ballots",
                        tally::config::ThresholdBase::Electorate => "electorate",
                    }
                    .to_owned(),
                ),
            ],
        ),
        Method::Approval { winners } => {
            Sentence::new("round-rule-approval", &[("winners", n(*winners))])
        }
        Method::Score => Sentence::new("round-rule-score", &[]),
        Method::Dot { points } => Sentence::new("round-rule-dot", &[("points", n(*points))]),
        Method::Borda => Sentence::new("round-rule-borda", &[]),
        Method::Irv { .. } => Sentence::new("round-rule-irv", &[]),
        Method::StvScottish { seats } => Sentence::new(
            "round-rule-stv",
            &[("seats", n(*seats)), ("rules", "scottish".to_owned())],
        ),
        Method::StvMeek { seats } => Sentence::new(
            "round-rule-stv",
            &[("seats", n(*seats)), ("rules", "meek".to_owned())],
        ),
        Method::Schulze => Sentence::new("round-rule-schulze", &[]),
        Method::Quadratic {
            credits,
            allow_negative,
        } => Sentence::new(
            if *allow_negative {
                "round-rule-quadratic-against"
            } else {
                "round-rule-quadratic"
            },
            &[("credits", n(*credits))],
        ),
    };
    let participation = match quorum {
        Quorum::None => Sentence::new("round-quorum-none", &[]),
        quorum => match &voters.present_at {
            Some(meeting) => Sentence::new(
                "round-quorum-meeting",
                &[
                    ("needed", ballots_needed(quorum, voters.count).to_string()),
                    ("voters", voters.count.to_string()),
                    ("meeting", meeting.clone()),
                ],
            ),
            None => Sentence::new(
                "round-quorum",
                &[
                    ("needed", ballots_needed(quorum, voters.count).to_string()),
                    ("voters", voters.count.to_string()),
                    ("scope", voters.scope.clone()),
                ],
            ),
        },
    };
    let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        [closes.weekday().num_days_from_monday() as usize];
    let closing = Sentence::new(
        "round-closes",
        &[
            ("weekday", weekday.to_owned()),
            ("day", closes.day().to_string()),
            ("month", format!("m{}", closes.month())),
            (
                "time",
                format!("{:02}:{:02}", closes.hour(), closes.minute()),
            ),
            ("zone", zone.to_owned()),
        ],
    );
    vec![rule, participation, closing]
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, hour, 0, 0).unwrap()
    }

    #[test]
    fn each_step_is_allowed_in_the_states_of_the_table() {
        let steps = [
            RoundStep::Configure,
            RoundStep::Open,
            RoundStep::Extend,
            RoundStep::CloseEarly,
            RoundStep::CloseOnTime,
            RoundStep::Cancel,
        ];
        let rows: Vec<String> = [
            RoundState::Scheduled,
            RoundState::Open,
            RoundState::Closed,
            RoundState::Cancelled,
        ]
        .into_iter()
        .map(|state| {
            let cells: Vec<&str> = steps
                .iter()
                .map(|step| match check_step(state, *step) {
                    Ok(()) => "yes",
                    Err(_) => "no",
                })
                .collect();
            format!("{state}: {}", cells.join(" "))
        })
        .collect();
        assert_eq!(
            rows,
            [
                "scheduled: yes yes no no no yes",
                "open: no no yes yes yes yes",
                "closed: no no no no no no",
                "cancelled: no no no no no no",
            ]
        );
    }

    #[test]
    fn a_round_opens_and_closes_on_time_not_before() {
        assert_eq!(
            check_open(RoundState::Scheduled, at(10), at(9)),
            Err(RoundProblem::NotDue)
        );
        assert_eq!(check_open(RoundState::Scheduled, at(10), at(10)), Ok(()));
        assert_eq!(
            check_close_on_time(RoundState::Open, at(18), at(17)),
            Err(RoundProblem::NotDue)
        );
        assert_eq!(
            check_close_on_time(RoundState::Open, at(18), at(18)),
            Ok(())
        );
        // Closing twice: the second finds it closed.
        assert_eq!(
            check_close_on_time(RoundState::Closed, at(18), at(19)),
            Err(RoundProblem::State {
                state: RoundState::Closed
            })
        );
    }

    #[test]
    fn closing_early_needs_everyone_or_a_reason_and_extending_moves_later() {
        assert_eq!(
            check_close_early(RoundState::Open, false, Some("  ")),
            Err(RoundProblem::EarlyCloseNeedsReason)
        );
        assert_eq!(check_close_early(RoundState::Open, true, None), Ok(()));
        assert_eq!(
            check_close_early(RoundState::Open, false, Some("Meeting decided")),
            Ok(())
        );
        assert_eq!(
            check_extend(RoundState::Open, at(18), at(18)),
            Err(RoundProblem::ExtensionNotLater)
        );
        assert_eq!(check_extend(RoundState::Open, at(18), at(20)), Ok(()));
    }

    #[test]
    fn fractions_are_read_exactly() {
        assert_eq!(parse_fraction("2/3"), Some((2, 3)));
        assert_eq!(parse_fraction(" 1 / 2 "), Some((1, 2)));
        assert_eq!(parse_fraction("0.66"), None);
        assert_eq!(parse_fraction("a/b"), None);
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn configurations_are_checked_against_their_method() {
        let two = names(&["Red", "Blue"]);
        let ok = |method: &Method, options: &[String]| {
            check_config(
                method,
                options,
                &Quorum::None,
                at(10),
                at(18),
                at(9),
                Some(10),
            )
        };
        assert!(ok(&Method::Schulze, &two).is_empty());
        assert_eq!(
            ok(&Method::Schulze, &names(&["Red"])),
            [RoundProblem::OptionCount {
                min: 2,
                max: MAX_OPTIONS,
                actual: 1
            }]
        );
        assert_eq!(
            ok(&Method::Borda, &names(&["Red", " red "])),
            [RoundProblem::DuplicateOption { name: "red".into() }]
        );
        assert_eq!(
            ok(&Method::StvMeek { seats: 2 }, &two),
            [RoundProblem::Winners { max: 1 }]
        );
        assert_eq!(
            ok(&Method::Approval { winners: 0 }, &two),
            [RoundProblem::Winners { max: 1 }]
        );
        assert_eq!(ok(&Method::Dot { points: 0 }, &two), [RoundProblem::Budget]);
        // Consent and majority have fixed positions: no options needed.
        assert!(ok(&Method::Consent { max_objections: 0 }, &[]).is_empty());
        let bad_threshold = Method::Majority {
            threshold: Threshold {
                numerator: 3,
                denominator: 2,
                ..Threshold::default()
            },
        };
        assert_eq!(ok(&bad_threshold, &[]), [RoundProblem::Fraction]);
    }

    #[test]
    fn times_and_quorum_are_checked_too() {
        let method = Method::Consent { max_objections: 0 };
        let problems = check_config(
            &method,
            &[],
            &Quorum::Count { count: 11 },
            at(10),
            at(10),
            at(9),
            Some(10),
        );
        assert_eq!(
            problems,
            [
                RoundProblem::ClosesTooEarly,
                RoundProblem::QuorumBeyondElectorate { electorate: 10 }
            ]
        );
        let zero = Quorum::Fraction {
            numerator: 1,
            denominator: 0,
        };
        assert_eq!(
            check_config(&method, &[], &zero, at(10), at(18), at(9), None),
            [RoundProblem::Fraction]
        );
    }

    #[test]
    fn the_statement_names_the_rule_the_participation_and_the_closing_time() {
        let method = Method::Majority {
            threshold: Threshold {
                numerator: 2,
                denominator: 3,
                comparison: tally::config::Comparison::AtLeast,
                base: tally::config::ThresholdBase::VotesCast,
            },
        };
        let quorum = Quorum::Fraction {
            numerator: 1,
            denominator: 3,
        };
        let voters = Voters {
            count: 35,
            scope: "Housing".into(),
            present_at: None,
        };
        let closes = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap();
        let sentences = statement(&method, &quorum, &voters, closes, "Europe/Madrid");
        let keys: Vec<&str> = sentences.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            ["round-rule-majority", "round-quorum", "round-closes"]
        );
        assert!(sentences[1].args.contains(&("needed".into(), "12".into())));
        assert!(
            sentences[2]
                .args
                .contains(&("weekday".into(), "fri".into()))
        );
        assert!(sentences[2].args.contains(&("month".into(), "m12".into())));
    }

    #[test]
    fn quorum_needs_ceil_of_the_fraction() {
        let third = Quorum::Fraction {
            numerator: 1,
            denominator: 3,
        };
        assert_eq!(ballots_needed(&third, 35), 12);
        assert_eq!(ballots_needed(&third, 36), 12);
        assert_eq!(ballots_needed(&Quorum::Count { count: 5 }, 35), 5);
        assert_eq!(ballots_needed(&Quorum::None, 35), 0);
    }
}
