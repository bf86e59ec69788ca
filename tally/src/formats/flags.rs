//! A round's configuration from command-line words (`quorate count --method irv --seats 2`):
//! method names, tie-break names and parameter flags, checked against each other. The
//! counterpart, for people typing, of the JSON file's `method` and `tie_policy`
//! (decision-rules.md §6, §7; counting-rules.md §1.1).

use crate::config::{Method, Threshold, TiePolicy};
use std::{fmt, str::FromStr};

/// A counting method by its command-line name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodName {
    /// `consent`
    Consent,
    /// `majority`
    Majority,
    /// `approval`
    Approval,
    /// `score`
    Score,
    /// `dot`
    Dot,
    /// `borda`
    Borda,
    /// `irv`
    Irv,
    /// `stv-scottish`
    StvScottish,
    /// `stv-meek`
    StvMeek,
    /// `schulze`
    Schulze,
    /// `quadratic`
    Quadratic,
}

impl MethodName {
    /// Every method, in the order of decision-rules.md §6.
    pub const ALL: [MethodName; 11] = [
        MethodName::Consent,
        MethodName::Majority,
        MethodName::Approval,
        MethodName::Score,
        MethodName::Dot,
        MethodName::Borda,
        MethodName::Irv,
        MethodName::StvScottish,
        MethodName::StvMeek,
        MethodName::Schulze,
        MethodName::Quadratic,
    ];

    /// The command-line name (also the JSON file's `"method"` tag).
    pub fn name(self) -> &'static str {
        match self {
            MethodName::Consent => "consent",
            MethodName::Majority => "majority",
            MethodName::Approval => "approval",
            MethodName::Score => "score",
            MethodName::Dot => "dot",
            MethodName::Borda => "borda",
            MethodName::Irv => "irv",
            MethodName::StvScottish => "stv-scottish",
            MethodName::StvMeek => "stv-meek",
            MethodName::Schulze => "schulze",
            MethodName::Quadratic => "quadratic",
        }
    }

    /// The name of a configured method.
    pub fn of(method: &Method) -> MethodName {
        match method {
            Method::Consent { .. } => MethodName::Consent,
            Method::Majority { .. } => MethodName::Majority,
            Method::Approval { .. } => MethodName::Approval,
            Method::Score => MethodName::Score,
            Method::Dot { .. } => MethodName::Dot,
            Method::Borda => MethodName::Borda,
            Method::Irv { .. } => MethodName::Irv,
            Method::StvScottish { .. } => MethodName::StvScottish,
            Method::StvMeek { .. } => MethodName::StvMeek,
            Method::Schulze => MethodName::Schulze,
            Method::Quadratic { .. } => MethodName::Quadratic,
        }
    }
}

impl fmt::Display for MethodName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for MethodName {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        MethodName::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = MethodName::ALL.iter().map(|m| m.name()).collect();
                format!("expected one of {}, found {s:?}", names.join(", "))
            })
    }
}

/// Parses a tie-break policy name: `previous-rounds-then-order`, `previous-rounds-then-lot`,
/// `order` or `lot`.
pub fn parse_tie_policy(s: &str) -> Result<TiePolicy, String> {
    let policies = [
        (
            "previous-rounds-then-order",
            TiePolicy::PreviousRoundsThenOrder,
        ),
        ("previous-rounds-then-lot", TiePolicy::PreviousRoundsThenLot),
        ("order", TiePolicy::Order),
        ("lot", TiePolicy::Lot),
    ];
    policies
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(s.trim()))
        .map(|(_, policy)| policy)
        .ok_or_else(|| {
            format!(
                "expected one of previous-rounds-then-order, previous-rounds-then-lot, order, lot, found {s:?}"
            )
        })
}

/// The method parameters given as flags; `None`/`false` = not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MethodFlags {
    /// `--seats` (STV; 1 is also accepted for a method that elects one option).
    pub seats: Option<u32>,
    /// `--batch-elimination` (IRV).
    pub batch_elimination: bool,
    /// `--continue-until-two` (IRV).
    pub continue_until_two: bool,
    /// `--winners` (approval).
    pub winners: Option<u32>,
    /// `--points` (dot).
    pub points: Option<u32>,
    /// `--credits` (quadratic).
    pub credits: Option<u32>,
    /// `--allow-negative` (quadratic).
    pub allow_negative: bool,
}

/// The method to count with: the one named on the command line (else the file's), with the
/// flags applied over its parameters. STV seats default to the file's seats (the BLT header).
/// A flag that the method does not take is an error, so that nothing is silently ignored.
pub fn build_method(
    name: Option<MethodName>,
    from_file: Option<&Method>,
    flags: &MethodFlags,
    file_seats: u32,
) -> Result<Method, String> {
    let mut method = match (name, from_file) {
        (Some(name), Some(file)) if MethodName::of(file) == name => file.clone(),
        (Some(name), _) => default_method(name, file_seats, flags)?,
        (None, Some(file)) => file.clone(),
        (None, None) => {
            return Err("expected --method: the ballot file does not say how to count".to_owned());
        }
    };
    let name = MethodName::of(&method);
    let misplaced = |flag: &str, takes: &str| {
        Err(format!(
            "{flag} applies to {takes}, not to the method {name}"
        ))
    };
    if let (Method::StvScottish { seats } | Method::StvMeek { seats }, Some(flag)) =
        (&mut method, flags.seats)
    {
        *seats = flag;
    }
    match &mut method {
        Method::Irv {
            batch_elimination,
            continue_until_two,
        } => {
            *batch_elimination |= flags.batch_elimination;
            *continue_until_two |= flags.continue_until_two;
        }
        _ if flags.batch_elimination => return misplaced("--batch-elimination", "irv"),
        _ if flags.continue_until_two => return misplaced("--continue-until-two", "irv"),
        _ => {}
    }
    match (&mut method, flags.winners) {
        (Method::Approval { winners }, Some(flag)) => *winners = flag,
        (Method::Approval { .. }, None) | (_, None) => {}
        (_, Some(_)) => return misplaced("--winners", "approval"),
    }
    match (&mut method, flags.points) {
        (Method::Dot { points }, Some(flag)) => *points = flag,
        (Method::Dot { .. }, None) | (_, None) => {}
        (_, Some(_)) => return misplaced("--points", "dot"),
    }
    match &mut method {
        Method::Quadratic {
            credits,
            allow_negative,
        } => {
            if let Some(flag) = flags.credits {
                *credits = flag;
            }
            *allow_negative |= flags.allow_negative;
        }
        _ if flags.credits.is_some() => return misplaced("--credits", "quadratic"),
        _ if flags.allow_negative => return misplaced("--allow-negative", "quadratic"),
        _ => {}
    }
    // A BLT header says "1 seat" for every single-winner count: `--seats 1` is accepted
    // wherever one option wins; any other number stays an error.
    let stv = matches!(method, Method::StvScottish { .. } | Method::StvMeek { .. });
    if !stv && flags.seats.is_some() && !(flags.seats == Some(1) && elects_one(&method)) {
        return misplaced("--seats", "stv-scottish and stv-meek");
    }
    check_parameters(&method)?;
    Ok(method)
}

/// Whether the method elects exactly one option (so that "1 seat" describes it). Approval
/// counts as one only with one winner; consent and majority elect nobody.
fn elects_one(method: &Method) -> bool {
    match method {
        Method::Irv { .. }
        | Method::Borda
        | Method::Score
        | Method::Dot { .. }
        | Method::Schulze
        | Method::Quadratic { .. } => true,
        Method::Approval { winners } => *winners == 1,
        Method::Consent { .. }
        | Method::Majority { .. }
        | Method::StvScottish { .. }
        | Method::StvMeek { .. } => false,
    }
}

/// A method with its default parameters (decision-rules.md §6).
fn default_method(
    name: MethodName,
    file_seats: u32,
    flags: &MethodFlags,
) -> Result<Method, String> {
    Ok(match name {
        MethodName::Consent => Method::Consent { max_objections: 0 },
        MethodName::Majority => Method::Majority {
            threshold: Threshold::default(),
        },
        MethodName::Approval => Method::Approval { winners: 1 },
        MethodName::Score => Method::Score,
        MethodName::Dot => Method::Dot {
            points: flags
                .points
                .ok_or("expected --points for the dot vote (the points each voter has)")?,
        },
        MethodName::Borda => Method::Borda,
        MethodName::Irv => Method::Irv {
            batch_elimination: false,
            continue_until_two: false,
        },
        MethodName::StvScottish => Method::StvScottish { seats: file_seats },
        MethodName::StvMeek => Method::StvMeek { seats: file_seats },
        MethodName::Schulze => Method::Schulze,
        MethodName::Quadratic => Method::Quadratic {
            credits: 100,
            allow_negative: false,
        },
    })
}

fn check_parameters(method: &Method) -> Result<(), String> {
    let zero = match method {
        Method::StvScottish { seats: 0 } | Method::StvMeek { seats: 0 } => "--seats",
        Method::Approval { winners: 0 } => "--winners",
        Method::Dot { points: 0 } => "--points",
        Method::Quadratic { credits: 0, .. } => "--credits",
        _ => return Ok(()),
    };
    Err(format!("expected {zero} of at least 1, found 0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags() -> MethodFlags {
        MethodFlags::default()
    }

    #[test]
    fn every_method_name_parses_back() {
        for name in MethodName::ALL {
            assert_eq!(name.name().parse::<MethodName>(), Ok(name));
        }
        assert!(
            "stv"
                .parse::<MethodName>()
                .unwrap_err()
                .contains("stv-meek")
        );
    }

    #[test]
    fn stv_seats_come_from_the_file_unless_a_flag_says_otherwise() {
        let stv = build_method(Some(MethodName::StvMeek), None, &flags(), 3).unwrap();
        assert_eq!(stv, Method::StvMeek { seats: 3 });
        let two = MethodFlags {
            seats: Some(2),
            ..flags()
        };
        let stv = build_method(Some(MethodName::StvScottish), None, &two, 3).unwrap();
        assert_eq!(stv, Method::StvScottish { seats: 2 });
    }

    #[test]
    fn flags_override_the_files_method_parameters() {
        let file = Method::Quadratic {
            credits: 100,
            allow_negative: false,
        };
        let given = MethodFlags {
            credits: Some(49),
            allow_negative: true,
            ..flags()
        };
        assert_eq!(
            build_method(None, Some(&file), &given, 1).unwrap(),
            Method::Quadratic {
                credits: 49,
                allow_negative: true
            }
        );
    }

    #[test]
    fn a_flag_the_method_does_not_take_is_an_error() {
        let given = MethodFlags {
            seats: Some(2),
            ..flags()
        };
        assert_eq!(
            build_method(Some(MethodName::Irv), None, &given, 1).unwrap_err(),
            "--seats applies to stv-scottish and stv-meek, not to the method irv"
        );
        let given = MethodFlags {
            batch_elimination: true,
            ..flags()
        };
        assert!(build_method(Some(MethodName::Schulze), None, &given, 1).is_err());
    }

    #[test]
    fn one_seat_is_accepted_for_a_single_winner_method_and_no_other_number() {
        let one = MethodFlags {
            seats: Some(1),
            ..flags()
        };
        for name in [
            MethodName::Irv,
            MethodName::Borda,
            MethodName::Schulze,
            MethodName::Score,
            MethodName::Approval,
        ] {
            let method = build_method(Some(name), None, &one, 1).unwrap();
            assert_eq!(MethodName::of(&method), name);
        }
        assert_eq!(
            build_method(Some(MethodName::Consent), None, &one, 1).unwrap_err(),
            "--seats applies to stv-scottish and stv-meek, not to the method consent"
        );
        let two_winners = MethodFlags {
            seats: Some(1),
            winners: Some(2),
            ..flags()
        };
        assert!(build_method(Some(MethodName::Approval), None, &two_winners, 1).is_err());
        let three = MethodFlags {
            seats: Some(3),
            ..flags()
        };
        assert_eq!(
            build_method(Some(MethodName::Irv), None, &three, 1).unwrap_err(),
            "--seats applies to stv-scottish and stv-meek, not to the method irv"
        );
    }

    #[test]
    fn a_method_is_needed_and_the_dot_vote_needs_points() {
        assert!(build_method(None, None, &flags(), 1).is_err());
        assert!(build_method(Some(MethodName::Dot), None, &flags(), 1).is_err());
        let given = MethodFlags {
            points: Some(10),
            ..flags()
        };
        assert_eq!(
            build_method(Some(MethodName::Dot), None, &given, 1).unwrap(),
            Method::Dot { points: 10 }
        );
        let zero = MethodFlags {
            winners: Some(0),
            ..flags()
        };
        assert!(build_method(Some(MethodName::Approval), None, &zero, 1).is_err());
    }

    #[test]
    fn tie_policies_parse_by_name() {
        assert_eq!(parse_tie_policy("lot"), Ok(TiePolicy::Lot));
        assert_eq!(
            parse_tie_policy("previous-rounds-then-order"),
            Ok(TiePolicy::PreviousRoundsThenOrder)
        );
        assert!(parse_tie_policy("coin").is_err());
    }
}
