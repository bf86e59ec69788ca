//! The worked examples of counting-rules.md through the public API, with their RCTab JSON
//! (§7.4–7.6) compared as parsed JSON, decimal strings compared as exact decimals.

use serde_json::{Value, json};
use tally::{
    CountConfig, RctabMeta,
    ballot::{BallotGroup, Choice, Contest, Marks, Ranking, group_ballots},
    config::{Method, Quorum, TiePolicy},
    count,
    report::Outcome,
};

#[expect(
    clippy::expect_used,
    reason = "a fixture builder: a typo in a test line should fail loudly"
)]
fn ranked(options: &[&str], lines: &[&str]) -> Contest {
    let names: Vec<String> = options.iter().map(|s| (*s).to_owned()).collect();
    let ballots = lines.iter().map(|line| {
        let (w, rest) = line.split_once(' ').expect("weight");
        let ranks = rest
            .split('>')
            .filter(|r| !r.is_empty())
            .map(|n| [names.iter().position(|x| x == n).expect("option")]);
        BallotGroup {
            weight: w.parse().expect("weight"),
            marks: Marks::Ranking(Ranking::from_ranks(ranks).expect("a ranking")),
        }
    });
    Contest {
        title: "example".into(),
        options: names.clone(),
        withdrawn: vec![],
        seats: 1,
        tie_order: None,
        ballots: group_ballots(ballots),
    }
}

fn config(method: Method) -> CountConfig {
    CountConfig {
        method,
        tie_policy: TiePolicy::PreviousRoundsThenOrder,
        seed: None,
        quorum: Quorum::None,
        electorate: None,
        rctab: Default::default(),
    }
}

fn meta() -> RctabMeta {
    RctabMeta {
        contest: "example".into(),
        date: Some("2026-11-23".into()),
        generated_by: "Quorate 0.1.0".into(),
        jurisdiction: Some("Co-op".into()),
        office: Some(String::new()),
        excluded_are_candidates: false,
    }
}

/// Normalises every string that is a plain decimal ("7.2500" -> "7.25") so decimals compare
/// exactly, and checks the produced strings already have no trailing zeros.
fn exact(v: &Value) -> Value {
    match v {
        Value::String(s) if is_decimal(s) => {
            let t = if s.contains('.') {
                s.trim_end_matches('0').trim_end_matches('.')
            } else {
                s
            };
            Value::String(if t.is_empty() {
                "0".into()
            } else {
                t.to_owned()
            })
        }
        Value::Array(a) => Value::Array(a.iter().map(exact).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), exact(v))).collect()),
        other => other.clone(),
    }
}

fn is_decimal(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| c.is_ascii_digit() || c == '.')
        && s.chars().filter(|&c| c == '.').count() <= 1
}

fn assert_decimals_plain(v: &Value) {
    match v {
        Value::String(s) if is_decimal(s) && s.contains('.') => {
            assert!(!s.ends_with('0') && !s.ends_with('.'), "{s}")
        }
        Value::Array(a) => a.iter().for_each(assert_decimals_plain),
        Value::Object(o) => o.values().for_each(assert_decimals_plain),
        _ => {}
    }
}

fn inactive(exhausted: &str) -> Value {
    json!({"exhaustedChoices": exhausted, "overvotes": "0", "repeatedRankings": "0", "skippedRankings": "0"})
}

#[test]
fn the_irv_worked_example_gives_the_rctab_summary_of_section_7_4() {
    let contest = ranked(
        &["Oak", "Pine", "Elm", "Ash", "Yew"],
        &[
            "8 Oak",
            "5 Pine>Oak",
            "4 Elm>Pine",
            "2 Ash>Elm",
            "1 Yew>Ash",
        ],
    );
    let report = count(
        &contest,
        &config(Method::Irv {
            batch_elimination: true,
            continue_until_two: false,
        }),
    )
    .expect("count");
    assert_eq!(report.outcome, Outcome::Elected { winners: vec![0] });
    let got = report.to_rctab(&meta()).expect("rctab");
    assert_decimals_plain(&got);
    let want = json!({
        "config": {"contest": "example", "date": "2026-11-23", "generatedBy": "Quorate 0.1.0", "jurisdiction": "Co-op", "office": ""},
        "jsonFormatVersion": "1",
        "results": [
            {"round": 1, "tally": {"Ash": "2", "Elm": "4", "Oak": "8", "Pine": "5", "Yew": "1"},
             "tallyResults": [{"eliminated": "Yew", "transfers": {"exhausted": "1"}}, {"eliminated": "Ash", "transfers": {"Elm": "2"}}],
             "threshold": "11", "inactiveBallots": inactive("0")},
            {"round": 2, "tally": {"Elm": "6", "Oak": "8", "Pine": "5"},
             "tallyResults": [{"eliminated": "Pine", "transfers": {"Oak": "5"}}],
             "threshold": "10", "inactiveBallots": inactive("1")},
            {"round": 3, "tally": {"Elm": "6", "Oak": "13"},
             "tallyResults": [{"elected": "Oak", "transfers": {}}],
             "threshold": "10", "inactiveBallots": inactive("1")}
        ],
        "summary": {"finalThreshold": "10", "numCandidates": 5, "numWinners": 1, "totalNumBallots": "20", "undervotes": 0}
    });
    assert_eq!(exact(&got), exact(&want));
    // Keys are sorted (Jackson ORDER_MAP_ENTRIES_BY_KEYS).
    let text = serde_json::to_string(&got).expect("json");
    assert!(text.starts_with("{\"config\":{\"contest\""));
}

#[test]
fn the_scottish_worked_example_gives_the_rctab_summary_of_section_7_5() {
    let mut contest = ranked(
        &["Ada", "Bo", "Cy", "Di", "Ed"],
        &[
            "15 Ada>Bo>Cy",
            "2 Ada",
            "3 Bo>Cy",
            "1 Bo",
            "3 Cy>Di",
            "3 Di>Bo",
            "2 Ed>Di",
        ],
    );
    contest.seats = 3;
    let report = count(&contest, &config(Method::StvScottish { seats: 3 })).expect("count");
    assert_eq!(
        report.outcome,
        Outcome::Elected {
            winners: vec![0, 1, 2]
        }
    );
    let got = report.to_rctab(&meta()).expect("rctab");
    assert_decimals_plain(&got);
    let results = &got["results"];
    let actions: Vec<Value> = (0..5).map(|i| results[i]["tallyResults"].clone()).collect();
    assert_eq!(
        exact(&Value::Array(actions)),
        exact(&json!([
            [{"elected": "Ada", "transfers": {"Bo": "7.94115", "exhausted": "1.05882", "residual surplus": "0.00003"}}],
            [{"elected": "Bo", "transfers": {"Cy": "3.61107", "exhausted": "0.33004", "residual surplus": "0.00004"}}],
            [{"eliminated": "Ed", "transfers": {"Di": "2"}}],
            [{"eliminated": "Di", "transfers": {"exhausted": "5"}}],
            [{"elected": "Cy", "transfers": {}}]
        ]))
    );
    for i in 0..5 {
        assert_eq!(results[i]["threshold"], json!("8"));
        assert_eq!(results[i]["round"], json!(i + 1));
    }
    assert_eq!(
        results[1]["tally"],
        json!({"Ada": "8", "Bo": "11.94115", "Cy": "3", "Di": "3", "Ed": "2"})
    );
    assert_eq!(
        results[3]["tally"],
        json!({"Ada": "8", "Bo": "8", "Cy": "6.61107", "Di": "5"})
    );
    assert_eq!(
        results[4]["tally"],
        json!({"Ada": "8", "Bo": "8", "Cy": "6.61107"})
    );
    assert_eq!(
        results[4]["inactiveBallots"]["exhaustedChoices"],
        json!("6.38886")
    );
    assert_eq!(
        results[4]["inactiveBallots"]["finalRoundSurplus"],
        json!("0")
    );
    assert_eq!(results[1]["inactiveBallots"], inactive("1.05882"));
    assert_eq!(
        got["summary"],
        json!({"finalThreshold": "8", "numCandidates": 5, "numWinners": 3, "totalNumBallots": "29", "undervotes": 0})
    );
}

#[test]
fn the_meek_worked_example_gives_the_rctab_summary_of_section_7_6() {
    let mut contest = ranked(
        &["Ann", "Ben", "Cat", "Dan"],
        &["9 Ann", "6 Ann>Ben", "5 Ben>Cat", "6 Cat>Ben", "4 Dan>Cat"],
    );
    contest.seats = 2;
    let report = count(&contest, &config(Method::StvMeek { seats: 2 })).expect("count");
    assert_eq!(
        report.outcome,
        Outcome::Elected {
            winners: vec![0, 2]
        }
    );
    let got = report.to_rctab(&meta()).expect("rctab");
    assert_decimals_plain(&got);
    let results = &got["results"];
    assert_eq!(
        exact(&json!([
            results[0]["tallyResults"],
            results[1]["tallyResults"],
            results[2]["tallyResults"]
        ])),
        exact(&json!([
            [{"elected": "Ann", "transfers": {"Ben": "2.499999738", "exhausted": "3.749999607"}}],
            [{"eliminated": "Dan", "transfers": {"Cat": "4"}}],
            [{"elected": "Cat", "transfers": {}}]
        ]))
    );
    assert_eq!(results[0]["threshold"], json!("10.000000001"));
    assert_eq!(results[1]["threshold"], json!("8.750000132"));
    assert_eq!(results[2]["threshold"], json!("8.750000132"));
    assert_eq!(
        results[0]["tally"],
        json!({"Ann": "15", "Ben": "5", "Cat": "6", "Dan": "4"})
    );
    assert_eq!(
        results[1]["tally"],
        json!({"Ann": "8.750000655", "Ben": "7.499999738", "Cat": "6", "Dan": "4"})
    );
    assert_eq!(
        results[2]["tally"],
        json!({"Ann": "8.750000655", "Ben": "7.499999738", "Cat": "10"})
    );
    assert_eq!(
        results[2]["inactiveBallots"]["exhaustedChoices"],
        json!("3.749999607")
    );
}

#[test]
fn the_plain_text_report_prints_d5_with_five_and_d9_with_nine_decimals() {
    let mut contest = ranked(
        &["Ada", "Bo", "Cy", "Di", "Ed"],
        &[
            "15 Ada>Bo>Cy",
            "2 Ada",
            "3 Bo>Cy",
            "1 Bo",
            "3 Cy>Di",
            "3 Di>Bo",
            "2 Ed>Di",
        ],
    );
    contest.seats = 3;
    let text = count(&contest, &config(Method::StvScottish { seats: 3 }))
        .expect("count")
        .to_text();
    assert!(text.contains("11.94115"), "{text}");
    assert!(text.contains("6.38886"), "{text}");
    assert!(text.contains("8.00000"), "{text}");
    assert!(text.contains("elected: Ada, Bo, Cy"), "{text}");
    let mut meek = ranked(
        &["Ann", "Ben", "Cat", "Dan"],
        &["9 Ann", "6 Ann>Ben", "5 Ben>Cat", "6 Cat>Ben", "4 Dan>Cat"],
    );
    meek.seats = 2;
    let text = count(&meek, &config(Method::StvMeek { seats: 2 }))
        .expect("count")
        .to_text();
    assert!(text.contains("8.750000132"), "{text}");
    assert!(text.contains("0.583333377"), "{text}");
    assert!(text.contains("15.000000000"), "{text}");
}

#[test]
fn the_json_report_carries_decimals_as_strings() {
    let mut contest = ranked(
        &["Ann", "Ben", "Cat", "Dan"],
        &["9 Ann", "6 Ann>Ben", "5 Ben>Cat", "6 Cat>Ben", "4 Dan>Cat"],
    );
    contest.seats = 2;
    let json = count(&contest, &config(Method::StvMeek { seats: 2 }))
        .expect("count")
        .to_json()
        .expect("json");
    let v: Value = serde_json::from_str(&json).expect("parse");
    assert_eq!(v["details"]["method"], json!("stv-meek"));
    assert_eq!(
        v["details"]["rounds"][1]["iterations"][10]["quota"],
        json!("8.750000132")
    );
    assert_eq!(v["outcome"], json!({"kind": "elected", "winners": [0, 2]}));
}

#[test]
fn without_quorum_the_count_is_reported_but_nobody_is_elected() {
    let contest = ranked(&["A", "B"], &["3 A", "1 B"]);
    let mut cfg = config(Method::Irv {
        batch_elimination: false,
        continue_until_two: false,
    });
    cfg.quorum = Quorum::Fraction {
        numerator: 1,
        denominator: 2,
    };
    cfg.electorate = Some(9);
    let report = count(&contest, &cfg).expect("count");
    assert_eq!(report.outcome, Outcome::NoQuorum);
    assert_eq!((report.quorum.cast, report.quorum.needed), (4, 5));
    assert_eq!(report.details.winners(), vec![0]);
    cfg.electorate = Some(8);
    assert_eq!(
        count(&contest, &cfg).expect("count").outcome,
        Outcome::Elected { winners: vec![0] }
    );
}

#[test]
fn an_invalid_ballot_stops_the_count_with_its_problem() {
    let mut contest = ranked(&["A", "B"], &["3 A"]);
    contest.ballots.push(BallotGroup {
        weight: 1,
        marks: Marks::Ranking(Ranking::from_ranks(vec![vec![0, 1]]).unwrap()),
    });
    let err = count(
        &contest,
        &config(Method::Irv {
            batch_elimination: false,
            continue_until_two: false,
        }),
    );
    assert!(
        matches!(err, Err(tally::TallyError::InvalidBallot { group: 1, .. })),
        "{err:?}"
    );
    let yes = Contest {
        ballots: vec![BallotGroup {
            weight: 1,
            marks: Marks::YesNo(Choice::Yes),
        }],
        ..contest
    };
    let err = count(&yes, &config(Method::Schulze));
    assert!(matches!(
        err,
        Err(tally::TallyError::InvalidBallot { group: 0, .. })
    ));
}

#[test]
fn a_lot_tie_without_a_seed_is_an_error_and_with_one_the_lot_is_published() {
    let contest = ranked(&["Oak", "Pine", "Elm"], &["1 Oak", "1 Pine", "1 Elm"]);
    let mut cfg = config(Method::Irv {
        batch_elimination: false,
        continue_until_two: false,
    });
    cfg.tie_policy = TiePolicy::Lot;
    assert_eq!(count(&contest, &cfg), Err(tally::TallyError::SeedRequired));
    cfg.seed = Some(tally::seed_from_arg("quorate lot example"));
    let report = count(&contest, &cfg).expect("count");
    // Lot order Oak, Pine, Elm: Elm is eliminated first, then Pine wins the final tie? No:
    // round 2 is Oak 1, Pine 1 (Elm exhausted): the choose-first tie elects Oak.
    assert_eq!(report.ties.len(), 2);
    assert_eq!(report.ties[0].picked, 2);
    assert_eq!(report.outcome, Outcome::Elected { winners: vec![0] });
    let lot = report.lot.as_ref().expect("lot");
    assert_eq!(
        lot.seed,
        "5d603cbcbe8ff87ba93df31e89174bac70b559ae3a85393271a1b707d26edaf4"
    );
    assert!(report.to_text().contains("lot 1: Oak key 320af8aa"));
}
