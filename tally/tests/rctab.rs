//! RCTab's contest files read natively (docs/formats.md, "RCTab"): each fixture folder in
//! `fixtures/rctab/` holds a contest configuration, its `genericCsv` cast vote records and
//! the summary JSON computed by hand (the folder's README shows the arithmetic); the count
//! must write exactly that summary. Then the settings Quorate refuses, each by name.

use serde_json::Value;
use std::{fs::File, path::PathBuf};
use tally::{
    TallyError,
    ballot::{Exhaustion, Marks, Ranking},
    count,
    formats::{
        self, Format, ReadOptions,
        cvr::{CvrRules, OvervoteRule},
        rctab::{self, ContestConfig, Provider},
    },
};

fn fixture(case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/rctab/{case}"))
}

fn config_text(text: &str) -> Result<ContestConfig, String> {
    rctab::read(text.as_bytes()).map_err(|e| e.to_string())
}

/// Reads a folder's configuration and sources, counts, and writes RCTab's summary.
fn summary(case: &str) -> Value {
    let dir = fixture(case);
    let file = File::open(dir.join("contest_config.json")).unwrap_or_else(|e| panic!("{e}"));
    let config = rctab::read(file).unwrap_or_else(|e| panic!("{case}: {e}"));
    let sources = config
        .sources
        .iter()
        .map(|source| {
            let input = File::open(dir.join(&source.file_path)).unwrap_or_else(|e| panic!("{e}"));
            let read = match source.provider {
                Provider::GenericCsv => config.read_csv(source, input),
                Provider::Cdf => config.read_cdf(source, input),
            };
            read.unwrap_or_else(|e| panic!("{case} {}: {e}", source.file_path))
        })
        .collect();
    let contest = config.contest(sources);
    let report = count(&contest, &config.count_config()).unwrap_or_else(|e| panic!("{e}"));
    let mut meta = config.meta.clone();
    meta.generated_by = "Quorate 0.1.0".to_owned();
    report.to_rctab(&meta).unwrap_or_else(|e| panic!("{e}"))
}

fn expected(case: &str) -> Value {
    let file =
        File::open(fixture(case).join("expected_summary.json")).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_reader(file).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn overvotes_exhausted_immediately_are_counted_as_overvotes_when_they_take_effect() {
    assert_eq!(summary("overvote_exhaust"), expected("overvote_exhaust"));
}

#[test]
fn overvotes_skipped_to_the_next_rank_leave_only_exhausted_choices() {
    assert_eq!(summary("overvote_skip"), expected("overvote_skip"));
}

#[test]
fn too_many_skipped_ranks_are_counted_as_skipped_rankings_and_blank_records_as_undervotes() {
    assert_eq!(summary("skipped_ranks"), expected("skipped_ranks"));
}

#[test]
fn a_configuration_with_every_supported_setting_gives_its_summary() {
    assert_eq!(summary("every_setting"), expected("every_setting"));
}

#[test]
fn settings_without_effect_on_the_summary_are_listed() {
    let file = File::open(fixture("every_setting").join("contest_config.json")).unwrap();
    let config = rctab::read(file).unwrap();
    assert_eq!(
        config.ignored,
        [
            "outputSettings.tabulateByPrecinct",
            "outputSettings.outputDirectory",
            "cvrFileSources[0].precinctColumnIndex"
        ]
    );
    assert_eq!(
        config.option_names(),
        ["Ash", "Birch", "Cedar", "Dogwood", "Undeclared Write-ins"]
    );
}

/// The `overvote_exhaust` configuration with one setting changed.
fn with(key: &str, value: &str) -> String {
    let text = std::fs::read_to_string(fixture("overvote_exhaust").join("contest_config.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let pattern = format!("\"{key}\" : ");
    let start = text.find(&pattern).unwrap_or_else(|| panic!("{key}")) + pattern.len();
    let end = start + text[start..].find([',', '\n']).unwrap_or(0);
    format!("{}{value}{}", &text[..start], &text[end..])
}

#[test]
fn settings_quorate_does_not_implement_are_refused_by_name() {
    let cases = [
        (
            "overvoteRule",
            "\"exhaustIfMultipleContinuing\"",
            "RCTab configuration: overvoteRule \"exhaustIfMultipleContinuing\": Quorate implements exhaustImmediately and alwaysSkipToNextRank",
        ),
        (
            "winnerElectionMode",
            "\"multiWinnerAllowMultipleWinnersPerRound\"",
            "RCTab configuration: winnerElectionMode \"multiWinnerAllowMultipleWinnersPerRound\": Quorate counts RCTab's singleWinnerMajority (count several seats with --method stv-scottish or stv-meek)",
        ),
        (
            "provider",
            "\"ess\"",
            "RCTab configuration: cvrFileSources[0].provider \"ess\": Quorate reads the genericCsv and cdf providers",
        ),
        (
            "hareQuota",
            "true",
            "RCTab configuration: hareQuota true: Quorate does not implement it",
        ),
        (
            "overvoteDelimiter",
            "\"//\"",
            "RCTab configuration: cvrFileSources[0].overvoteDelimiter \"//\": a delimiter splits candidate names in a cell (ES&S files); genericCsv files have ranks in their cells",
        ),
        (
            "maxSkippedRanksAllowed",
            "\"some\"",
            "RCTab configuration: expected maxSkippedRanksAllowed to be a whole number from 0 or \"unlimited\", found \"some\"",
        ),
        (
            "tiebreakMode",
            "\"coinToss\"",
            "RCTab configuration: tiebreakMode \"coinToss\": expected useCandidateOrder, previousRoundCountsThenRandom, previousRoundCountsThenAsk, random, generatePermutation or stopCountingAndAsk",
        ),
    ];
    for (key, value, message) in cases {
        assert_eq!(config_text(&with(key, value)).unwrap_err(), message);
    }
}

#[test]
fn a_tie_that_rctab_breaks_at_random_is_refused_when_it_happens() {
    // Ash has a majority at once: no tie, random never needed.
    let config = config_text(&with("tiebreakMode", "\"random\"")).unwrap();
    let csv = "id,Ash,Birch,Cedar\n1,1,,\n2,1,,\n3,,1,\n";
    let ballots = config.read_csv(&config.sources[0], csv.as_bytes()).unwrap();
    let contest = config.contest(vec![ballots]);
    assert!(count(&contest, &config.count_config()).is_ok());
    // Birch and Cedar tie for last: RCTab would draw with Java's Random.
    let csv = "id,Ash,Birch,Cedar\n1,1,,\n2,1,,\n3,,1,\n4,,,1\n";
    let ballots = config.read_csv(&config.sources[0], csv.as_bytes()).unwrap();
    let contest = config.contest(vec![ballots]);
    assert_eq!(
        count(&contest, &config.count_config()).unwrap_err(),
        TallyError::SeedRequired
    );
    assert_eq!(config.tiebreak_mode, "random");
}

#[test]
fn cast_vote_records_name_their_row_and_column_when_they_cannot_be_read() {
    let config = config_text(&with("maxRankingsAllowed", "\"2\"")).unwrap();
    let source = &config.sources[0];
    let read = |csv: &str| {
        config
            .read_csv(source, csv.as_bytes())
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        read("id,Ash,Birch,Cedar\nr1,1,2,3\n"),
        "line 2: record r1: expected ranks up to 2 (maxRankingsAllowed), found rank 3"
    );
    assert_eq!(
        read("id,Ash,Birch,Cedar\nr1,1,x,\n"),
        "line 2, column 3: expected a rank (a whole number) or an empty cell, found x"
    );
    assert_eq!(
        read("id,Ash,Oak,Cedar\n"),
        "line 1, column 3: expected a candidate of the configuration (a name or an alias), found Oak"
    );
    assert_eq!(
        read("id,Ash,Birch,Cedar\nr1,1,,,2\n"),
        "line 2, column 5: expected at most 4 fields, as in the header, found 2"
    );
}

#[test]
fn a_generic_csv_reads_without_a_configuration_too() {
    let csv = "Response ID,Candidate 01,Candidate 02,Candidate 03\nR_1,2,1,\nR_2,1,1,2\nR_3,,,\n";
    let options = ReadOptions::default();
    let file = formats::read(Format::RctabCsv, csv.as_bytes(), &options).unwrap();
    let c = file.contest;
    assert_eq!(c.options, ["Candidate 01", "Candidate 02", "Candidate 03"]);
    let ballots: Vec<Marks> = c.ballots.into_iter().map(|g| g.marks).collect();
    assert_eq!(
        ballots,
        [
            Marks::Ranking(Ranking::strict(&[1, 0]).unwrap()),
            Marks::Ranking(Ranking::empty().ending(Exhaustion::Overvote)),
            Marks::Ranking(Ranking::empty()),
        ]
    );
    let skip = ReadOptions {
        cvr: CvrRules {
            overvote: OvervoteRule::AlwaysSkipToNextRank,
            ..CvrRules::default()
        },
        ..ReadOptions::default()
    };
    let file = formats::read(Format::RctabCsv, csv.as_bytes(), &skip).unwrap();
    assert_eq!(
        file.contest.ballots[1].marks,
        Marks::Ranking(Ranking::strict(&[2]).unwrap())
    );
}

#[test]
fn reading_a_file_in_parallel_parts_gives_what_reading_it_whole_gives() {
    let file = File::open(fixture("every_setting").join("contest_config.json")).unwrap();
    let config = rctab::read(file).unwrap();
    let source = &config.sources[0];
    let bytes = std::fs::read(fixture("every_setting").join("cvr_1.csv")).unwrap();
    let whole = config.read_csv(source, bytes.as_slice()).unwrap();
    for threads in 1..=6 {
        assert_eq!(
            config.read_csv_bytes(source, &bytes, threads).unwrap(),
            whole
        );
    }
    // An error in a later part still names its line.
    let mut broken = bytes.clone();
    broken.extend_from_slice(b"a11,P2,1,x,,,,,\n");
    for threads in 1..=6 {
        let error = config.read_csv_bytes(source, &broken, threads).unwrap_err();
        assert_eq!(
            error.to_string(),
            "line 13, column 4: expected a rank (a whole number) or an empty cell, found x"
        );
    }
}
