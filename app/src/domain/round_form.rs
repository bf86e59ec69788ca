//! The form that creates a decision round, read into `tally`'s configuration (spec §3, §5,
//! §6, §11). Pure: every field is checked here, each problem on its field; the rules that
//! need the database (the electorate, the options from amendments) are the service's.
//!
//! Times are typed in the organisation's time zone (`YYYY-MM-DDTHH:MM`, as a
//! `datetime-local` control sends them) and stored in UTC; an instant that does not exist
//! there (skipped by a clock change) is refused, and an ambiguous one takes the earlier.

use crate::domain::rule::Rule;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use std::{collections::BTreeMap, fmt};
use tally::config::{Comparison, Method, Quorum, Threshold, ThresholdBase, TiePolicy};

/// The method codes the form offers, in its order.
pub const METHODS: [&str; 11] = [
    "consent",
    "majority",
    "approval",
    "score",
    "dot",
    "borda",
    "irv",
    "stv-scottish",
    "stv-meek",
    "schulze",
    "quadratic",
];

/// The tie policies the form offers.
pub const TIE_POLICIES: [&str; 4] = [
    "previous-rounds-then-order",
    "previous-rounds-then-lot",
    "order",
    "lot",
];

/// A field of the form that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormProblem {
    /// No such method.
    UnknownMethod,
    /// Not a whole number from 0 (or 1 where 0 makes no sense).
    NotANumber,
    /// A fraction `p/q` was expected.
    NotAFraction,
    /// A quorum is empty, a fraction `p/q` or a count.
    Quorum,
    /// Not a date and time, or one that does not exist in the organisation's zone.
    NotATime,
    /// A required field is empty.
    Required,
    /// The reminder's lead time is beyond two weeks.
    ReminderRange,
}

impl Rule for FormProblem {
    fn code(&self) -> &'static str {
        match self {
            FormProblem::UnknownMethod => "round_method_unknown",
            FormProblem::NotANumber => "round_not_a_number",
            FormProblem::NotAFraction => "round_not_a_fraction",
            FormProblem::Quorum => "round_quorum_unreadable",
            FormProblem::NotATime => "round_not_a_time",
            FormProblem::Required => "round_required",
            FormProblem::ReminderRange => "round_reminder_range",
        }
    }
}

impl fmt::Display for FormProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FormProblem::UnknownMethod => "Choose one of the methods.",
            FormProblem::NotANumber => "Enter a whole number.",
            FormProblem::NotAFraction => "Enter a fraction such as 1/2 or 2/3.",
            FormProblem::Quorum => {
                "Enter a quorum as a fraction of the voters (1/3) or a number of ballots (12), or leave it empty."
            }
            FormProblem::NotATime => {
                "Enter a date and time (2026-12-04 18:00) that exists in the organisation's time zone."
            }
            FormProblem::Required => "This is required.",
            FormProblem::ReminderRange => {
                "A reminder goes out 0 (none) to 336 hours (two weeks) before closing."
            }
        })
    }
}

/// Where the options come from, as the form says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionSource {
    /// Fixed positions (consent, majority).
    Proposal,
    /// One option per line.
    Listed(Vec<String>),
    /// The proposal and its open amendments.
    Amendments,
}

/// A round's configuration as the form gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundForm {
    /// The method and its parameters.
    pub method: Method,
    /// The options.
    pub options: OptionSource,
    /// The quorum.
    pub quorum: Quorum,
    /// The tie policy.
    pub tie_policy: TiePolicy,
    /// Secret ballot.
    pub secret: bool,
    /// Running results shown.
    pub running_results: bool,
    /// Opening instant (none: now).
    pub opens_at: Option<DateTime<Utc>>,
    /// Closing instant.
    pub closes_at: DateTime<Utc>,
    /// Hours before closing that members who have not voted are reminded (0: never).
    pub reminder_hours: u32,
}

/// The reminder's default lead time (spec §12: 24 h before closing).
pub const REMINDER_DEFAULT_HOURS: u32 = 24;
/// The longest lead time: two weeks.
pub const REMINDER_MAX_HOURS: u32 = 336;

type Problems = Vec<(String, FormProblem)>;

fn value<'a>(fields: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    fields.get(name).map_or("", |v| v.trim())
}

fn ticked(fields: &BTreeMap<String, String>, name: &str) -> bool {
    !value(fields, name).is_empty()
}

/// A whole number in `name`, `default` when empty.
fn number(
    fields: &BTreeMap<String, String>,
    name: &str,
    default: u32,
    problems: &mut Problems,
) -> u32 {
    let text = value(fields, name);
    if text.is_empty() {
        return default;
    }
    text.parse().unwrap_or_else(|_| {
        problems.push((name.to_owned(), FormProblem::NotANumber));
        default
    })
}

/// Reads a quorum: empty for none, `p/q` for a fraction, `n` for a count.
pub fn parse_quorum(text: &str) -> Result<Quorum, FormProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Quorum::None);
    }
    if text.contains('/') {
        let (numerator, denominator) =
            super::round::parse_fraction(text).ok_or(FormProblem::Quorum)?;
        return Ok(Quorum::Fraction {
            numerator,
            denominator,
        });
    }
    text.parse()
        .map(|count| Quorum::Count { count })
        .map_err(|_| FormProblem::Quorum)
}

/// A quorum as the form shows it again.
pub fn quorum_text(quorum: &Quorum) -> String {
    match quorum {
        Quorum::None => String::new(),
        Quorum::Fraction {
            numerator,
            denominator,
        } => format!("{numerator}/{denominator}"),
        Quorum::Count { count } => count.to_string(),
    }
}

/// A local date and time typed in `zone` as a UTC instant.
pub fn parse_local<Z: TimeZone>(text: &str, zone: &Z) -> Result<DateTime<Utc>, FormProblem> {
    let text = text.trim().replace(' ', "T");
    let naive = NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| FormProblem::NotATime)?;
    zone.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(FormProblem::NotATime)
}

/// The method the form describes.
fn method(fields: &BTreeMap<String, String>, problems: &mut Problems) -> Option<Method> {
    let mut n = |name: &str, default: u32| number(fields, name, default, problems);
    Some(match value(fields, "method") {
        "consent" => Method::Consent {
            max_objections: n("max_objections", 0),
        },
        "majority" => {
            let (numerator, denominator) = match value(fields, "threshold") {
                "" => (1, 2),
                text => super::round::parse_fraction(text).unwrap_or_else(|| {
                    problems.push(("threshold".to_owned(), FormProblem::NotAFraction));
                    (1, 2)
                }),
            };
            Method::Majority {
                threshold: Threshold {
                    numerator,
                    denominator,
                    comparison: match value(fields, "comparison") {
                        "at-least" => Comparison::AtLeast,
                        _ => Comparison::MoreThan,
                    },
                    base: match value(fields, "base") {
                        "all-ballots" => ThresholdBase::AllBallots,
                        "electorate" => ThresholdBase::Electorate,
                        _ => ThresholdBase::VotesCast,
                    },
                },
            }
        }
        "approval" => Method::Approval {
            winners: n("winners", 1),
        },
        "score" => Method::Score,
        "dot" => Method::Dot {
            points: n("points", 10),
        },
        "borda" => Method::Borda,
        "irv" => Method::Irv {
            batch_elimination: ticked(fields, "batch_elimination"),
            continue_until_two: ticked(fields, "continue_until_two"),
        },
        "stv-scottish" => Method::StvScottish {
            seats: n("seats", 2),
        },
        "stv-meek" => Method::StvMeek {
            seats: n("seats", 2),
        },
        "schulze" => Method::Schulze,
        "quadratic" => Method::Quadratic {
            credits: n("credits", 100),
            allow_negative: ticked(fields, "allow_negative"),
        },
        _ => {
            problems.push(("method".to_owned(), FormProblem::UnknownMethod));
            return None;
        }
    })
}

/// The field a method's winners/seats or budget problem belongs to.
pub fn parameter_field(method: &Method) -> &'static str {
    match method {
        Method::Approval { .. } => "winners",
        Method::StvScottish { .. } | Method::StvMeek { .. } => "seats",
        Method::Dot { .. } => "points",
        Method::Quadratic { .. } => "credits",
        Method::Majority { .. } => "threshold",
        _ => "method",
    }
}

/// Reads the whole form; every field's problem at once, each with its field's name.
pub fn read<Z: TimeZone>(
    fields: &BTreeMap<String, String>,
    zone: &Z,
) -> Result<RoundForm, Vec<(String, FormProblem)>> {
    let mut problems = Vec::new();
    let method = method(fields, &mut problems);
    let options = match &method {
        Some(Method::Consent { .. } | Method::Majority { .. }) => OptionSource::Proposal,
        _ if value(fields, "options_from") == "amendments" => OptionSource::Amendments,
        _ => OptionSource::Listed(
            value(fields, "options")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
        ),
    };
    let quorum = parse_quorum(value(fields, "quorum")).unwrap_or_else(|p| {
        problems.push(("quorum".to_owned(), p));
        Quorum::None
    });
    let opens_at = match value(fields, "opens_at") {
        "" => None,
        text => parse_local(text, zone)
            .map_err(|p| problems.push(("opens_at".to_owned(), p)))
            .ok(),
    };
    let closes_at = match value(fields, "closes_at") {
        "" => {
            problems.push(("closes_at".to_owned(), FormProblem::Required));
            None
        }
        text => parse_local(text, zone)
            .map_err(|p| problems.push(("closes_at".to_owned(), p)))
            .ok(),
    };
    let reminder_hours = number(
        fields,
        "reminder_hours",
        REMINDER_DEFAULT_HOURS,
        &mut problems,
    );
    if reminder_hours > REMINDER_MAX_HOURS {
        problems.push(("reminder_hours".to_owned(), FormProblem::ReminderRange));
    }
    let tie_policy = match value(fields, "tie_policy") {
        "previous-rounds-then-lot" => TiePolicy::PreviousRoundsThenLot,
        "order" => TiePolicy::Order,
        "lot" => TiePolicy::Lot,
        _ => TiePolicy::PreviousRoundsThenOrder,
    };
    match (method, closes_at) {
        (Some(method), Some(closes_at)) if problems.is_empty() => Ok(RoundForm {
            method,
            options,
            quorum,
            tie_policy,
            secret: ticked(fields, "secret"),
            running_results: ticked(fields, "running_results"),
            opens_at,
            closes_at,
            reminder_hours,
        }),
        _ => Err(problems),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    const MADRID: chrono_tz::Tz = chrono_tz::Europe::Madrid;

    #[test]
    fn a_majority_round_reads_its_threshold_and_local_closing_time() {
        let read = read(
            &form(&[
                ("method", "majority"),
                ("threshold", "2/3"),
                ("comparison", "at-least"),
                ("quorum", "1/3"),
                ("closes_at", "2026-12-04T18:00"),
            ]),
            &MADRID,
        )
        .unwrap();
        assert_eq!(
            read.method,
            Method::Majority {
                threshold: Threshold {
                    numerator: 2,
                    denominator: 3,
                    comparison: Comparison::AtLeast,
                    base: ThresholdBase::VotesCast
                }
            }
        );
        assert_eq!(read.options, OptionSource::Proposal);
        // 18:00 in Madrid in December is 17:00 UTC.
        assert_eq!(read.closes_at.to_rfc3339(), "2026-12-04T17:00:00+00:00");
        assert_eq!(quorum_text(&read.quorum), "1/3");
        assert_eq!(read.reminder_hours, 24, "the reminder's default lead time");
    }

    #[test]
    fn a_reminder_goes_out_up_to_two_weeks_before_closing() {
        let with = |hours: &str| {
            read(
                &form(&[
                    ("method", "consent"),
                    ("closes_at", "2026-12-04T18:00"),
                    ("reminder_hours", hours),
                ]),
                &MADRID,
            )
        };
        assert_eq!(with("0").unwrap().reminder_hours, 0, "none");
        assert_eq!(with("336").unwrap().reminder_hours, 336);
        let too_far = with("337").unwrap_err();
        assert_eq!(
            too_far,
            [("reminder_hours".to_owned(), FormProblem::ReminderRange)]
        );
        assert_eq!(too_far[0].1.code(), "round_reminder_range");
    }

    #[test]
    fn every_unreadable_field_is_named_at_once() {
        let problems = read(
            &form(&[
                ("method", "dot"),
                ("points", "ten"),
                ("quorum", "a third"),
                ("opens_at", "tomorrow"),
            ]),
            &MADRID,
        )
        .unwrap_err();
        let named: Vec<(&str, &str)> = problems
            .iter()
            .map(|(field, p)| (field.as_str(), p.code()))
            .collect();
        assert_eq!(
            named,
            [
                ("points", "round_not_a_number"),
                ("quorum", "round_quorum_unreadable"),
                ("opens_at", "round_not_a_time"),
                ("closes_at", "round_required"),
            ]
        );
        let unknown = read(&form(&[("method", "sortition")]), &MADRID).unwrap_err();
        assert_eq!(unknown[0].1, FormProblem::UnknownMethod);
    }

    #[test]
    fn options_are_one_per_line_or_the_amendments() {
        let listed = read(
            &form(&[
                ("method", "irv"),
                ("options", "Oak\n\n  Pine \nElm"),
                ("closes_at", "2026-12-04T18:00"),
                ("batch_elimination", "on"),
            ]),
            &MADRID,
        )
        .unwrap();
        assert_eq!(
            listed.options,
            OptionSource::Listed(vec!["Oak".into(), "Pine".into(), "Elm".into()])
        );
        assert!(matches!(
            listed.method,
            Method::Irv {
                batch_elimination: true,
                continue_until_two: false
            }
        ));
        let amendments = read(
            &form(&[
                ("method", "schulze"),
                ("options_from", "amendments"),
                ("closes_at", "2026-12-04T18:00"),
            ]),
            &MADRID,
        )
        .unwrap();
        assert_eq!(amendments.options, OptionSource::Amendments);
    }

    #[test]
    fn a_time_skipped_by_the_clock_change_is_refused() {
        // Clocks in Madrid jump from 02:00 to 03:00 on 29 March 2026.
        assert_eq!(
            parse_local("2026-03-29T02:30", &MADRID),
            Err(FormProblem::NotATime)
        );
        assert_eq!(parse_quorum("12"), Ok(Quorum::Count { count: 12 }));
        assert_eq!(parse_quorum(""), Ok(Quorum::None));
    }
}
