//! Inputs that once made a reader go wrong, kept so that they never do again, and the
//! property tests that found them: a file read in parallel parts must give exactly what one
//! pass gives (the same ballots, or the same error on the same line).
//!
//! Found 2026-12-06 (issue 10, the CSV speed work): cutting a file into parts counted quotes
//! to stay outside quoted fields, but a quote opens a quoted field only at the start of a
//! field (`a"b` is three plain bytes), so a part could start inside a quoted field; a part
//! started after a `\r\n` or after blank lines named its first row on a later line than one
//! pass does; and an RCTab part with quotes was read by the `csv` crate as if it were the
//! start of a file, dropping a UTF-8 BOM that one pass reads as data. Parts are now cut where
//! the `csv` crate's own state machine ends a row, and no part drops a BOM
//! (`docs/formats.md`, "Reading in parallel parts").

use proptest::prelude::*;
use tally::{
    ballot::{BallotGroup, Contest},
    formats::{
        Format, ReadOptions, csv,
        rctab::{self, ContestConfig},
        read,
    },
};

fn one_pass(bytes: &[u8]) -> Result<Contest, String> {
    read(Format::Csv, bytes, &ReadOptions::default())
        .map(|file| file.contest)
        .map_err(|e| e.to_string())
}

fn in_parts(bytes: &[u8], threads: usize) -> Result<Contest, String> {
    csv::read_parts(bytes, None, threads)
        .map(|file| file.contest)
        .map_err(|e| e.to_string())
}

/// A configuration with candidates A and B, votes from column `first_vote_column`, ids in
/// column 1.
fn rctab_config(first_vote_column: u32) -> ContestConfig {
    let text = format!(
        r#"{{"tabulatorVersion": "2.0.0",
  "outputSettings": {{"contestName": "T"}},
  "cvrFileSources": [{{"filePath": "cvr.csv", "provider": "genericCsv",
      "firstVoteColumnIndex": "{first_vote_column}", "firstVoteRowIndex": "2",
      "idColumnIndex": "1"}}],
  "candidates": [{{"name": "A"}}, {{"name": "B"}}],
  "rules": {{"tiebreakMode": "useCandidateOrder", "overvoteRule": "exhaustImmediately",
      "winnerElectionMode": "singleWinnerMajority", "numberOfWinners": "1",
      "maxSkippedRanksAllowed": "1", "maxRankingsAllowed": "max"}}}}"#
    );
    rctab::read(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"))
}

type Ballots = Result<Vec<BallotGroup>, String>;

/// An RCTab file read whole, then in 1 to 4 parts.
fn rctab_both_ways(config: &ContestConfig, bytes: &[u8]) -> (Ballots, Vec<Ballots>) {
    let source = &config.sources[0];
    let whole = config.read_csv(source, bytes).map_err(|e| e.to_string());
    let parts = (1..5)
        .map(|threads| {
            config
                .read_csv_bytes(source, bytes, threads)
                .map_err(|e| e.to_string())
        })
        .collect();
    (whole, parts)
}

#[test]
fn a_quote_inside_a_field_does_not_open_a_quoted_field_when_cutting_parts() {
    // `""\xEF"` is an empty quoted field followed by two plain bytes; counting quotes took the
    // `"` of `aaa,"` for a closing one and cut inside its quoted field.
    let bytes = b"ballot_id,rank_1,rank_2\n\"\"\xEF\"\na\naaa,\"\n\naa";
    let whole = one_pass(bytes);
    assert!(whole.is_ok());
    for threads in 2..6 {
        assert_eq!(in_parts(bytes, threads), whole, "{threads} parts");
    }
}

#[test]
fn a_bom_after_the_header_is_data_in_every_part() {
    let bytes = b"\xEF\xBB\xBFballot_id,rank_1\n1,a\n\xEF\xBB\xBF\"x\ny\"\n2,b\n3,\"c\nd\"\n";
    let whole = one_pass(bytes);
    for threads in 2..6 {
        assert_eq!(in_parts(bytes, threads), whole, "{threads} parts");
    }
    let config = rctab_config(1);
    for bytes in [
        &b"A,B\n\xEF\xBB\xBF\",\xEF"[..],
        b"A,B\n1,2\n\xEF\xBB\xBF\"1\",2\n",
    ] {
        let (whole, parts) = rctab_both_ways(&config, bytes);
        for (threads, part) in (1..).zip(parts) {
            assert_eq!(part, whole, "{bytes:?}, {threads} parts");
        }
    }
}

#[test]
fn an_error_after_a_crlf_row_or_blank_lines_is_named_on_the_line_one_pass_names() {
    let config = rctab_config(1);
    for bytes in [
        &b"A,B\n1\r\n\xEF"[..],
        b"A,B\n\n\n1\xEF",
        b"A,B\n1,2\r\n2,1\r\n\r\n\r\nx,1\r\n",
    ] {
        let (whole, parts) = rctab_both_ways(&config, bytes);
        assert!(whole.is_err(), "{bytes:?}");
        for (threads, part) in (1..).zip(parts) {
            assert_eq!(part, whole, "{bytes:?}, {threads} parts");
        }
    }
}

/// A file the `csv` fuzz target found against the cut that counted quotes (2026-12-06,
/// about 46,000 runs): `k=A"` holds a plain quote, and `,"` later opens a quoted field that
/// spans a line break.
#[test]
fn the_csv_file_the_fuzzer_found_reads_the_same_in_parts() {
    let bytes = fixture("csv_parts.csv");
    let whole = one_pass(&bytes);
    for threads in 2..6 {
        assert_eq!(in_parts(&bytes, threads), whole, "{threads} parts");
    }
}

/// The input the `rctab_config` fuzz target found against the cut that counted quotes (a
/// configuration, a NUL byte, then its CSV source).
#[test]
fn the_rctab_file_the_fuzzer_found_reads_the_same_in_parts() {
    let bytes = fixture("rctab_config_parts.bin");
    let at = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    let config = rctab::read(&bytes[..at]).unwrap_or_else(|e| panic!("{e}"));
    let (whole, parts) = rctab_both_ways(&config, &bytes[at + 1..]);
    for (threads, part) in (1..).zip(parts) {
        assert_eq!(part, whole, "{threads} parts");
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/regressions")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Header rows ended and quoted in the ways a file may have them.
const CSV_HEADERS: [&[u8]; 4] = [
    b"ballot_id,rank_1,rank_2\n",
    b"\xEF\xBB\xBFballot_id,rank_1,rank_2\r\n",
    b"\"ballot_id\",rank_1,rank_2\r",
    b"ballot_id,weight,rank_1\n",
];

proptest! {
    #[test]
    fn csv_parts_read_as_one_pass(
        header in prop::sample::select(CSV_HEADERS.to_vec()),
        body in prop::collection::vec(
            prop::sample::select(b"ab1,,\n\n\n\r\"\"\xEF\xBB\xBF =".to_vec()), 0..80),
        threads in 2_usize..6,
    ) {
        let bytes = [header, body.as_slice()].concat();
        prop_assert_eq!(in_parts(&bytes, threads), one_pass(&bytes));
    }

    #[test]
    fn rctab_parts_read_as_one_pass(
        body in prop::collection::vec(
            prop::sample::select(b"12,,\n\n\r\"\"\xEF\xBB\xBF x".to_vec()), 0..80),
        first_vote_column in 1_u32..3,
        crlf in any::<bool>(),
    ) {
        let config = rctab_config(first_vote_column);
        let header: &[u8] = match (first_vote_column, crlf) {
            (1, false) => b"A,B\n",
            (1, true) => b"\xEF\xBB\xBFA,B\r\n",
            (_, false) => b"id,A,B\n",
            (_, true) => b"id,\"A\",B\r\n",
        };
        let bytes = [header, body.as_slice()].concat();
        let (whole, parts) = rctab_both_ways(&config, &bytes);
        for part in parts {
            prop_assert_eq!(&part, &whole);
        }
    }
}
