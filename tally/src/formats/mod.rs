//! Ballot file formats (decision-rules.md §10): BLT, CSV, Quorate's JSON and the NIST
//! SP 1500-103 cast vote record (CDF). Readers never panic on any input: every problem is a
//! [`ParseError`] naming the line, the column and what was expected. Readers stream and merge
//! identical ballots as they go (counting-rules.md §0.1), so memory grows with the number of
//! distinct ballots, not with the file. The full description is `docs/formats.md`.
#![deny(
    clippy::indexing_slicing,
    clippy::as_conversions,
    clippy::arithmetic_side_effects
)]

pub mod blt;
pub mod cdf;
pub mod csv;
pub mod cvr;
mod error;
pub mod flags;
mod group;
pub mod json;
mod json_marks;
mod parts;
pub mod rctab;

pub use error::{ParseError, Problem, WriteError};

use crate::{
    ballot::{Contest, Exhaustion, OptionIndex, Ranking},
    config::{Method, Quorum, TiePolicy},
};
use std::{
    fmt,
    io::{BufReader, Read, Write},
    str::FromStr,
};

/// The most options a file may name. Real contests have a few dozen; the limit keeps a
/// hostile header (`4000000000 1`) from making a reader allocate per option.
pub const MAX_OPTIONS: usize = 100_000;

/// A ballot file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// BLT: ranked ballots as OpenSTV, Droop and the Scottish councils publish them.
    Blt,
    /// CSV: `ballot_id,rank_1,rank_2,…`, one row per ballot.
    Csv,
    /// Quorate's own JSON document (`"format": "quorate-ballots"`), for every method.
    Json,
    /// NIST SP 1500-103 cast vote records in JSON (the "Common Data Format").
    Cdf,
    /// RCTab's `genericCsv` cast vote records: candidates in columns, ranks in cells.
    RctabCsv,
}

impl Format {
    /// Every format, in the order the documentation lists them.
    pub const ALL: [Format; 5] = [
        Format::Blt,
        Format::Csv,
        Format::Json,
        Format::Cdf,
        Format::RctabCsv,
    ];

    /// The short lowercase name used on the command line (`blt`, `csv`, `json`, `cdf`,
    /// `rctab-csv`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Blt => "blt",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Cdf => "cdf",
            Format::RctabCsv => "rctab-csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("expected one of blt, csv, json, cdf, rctab-csv, found {s:?}"))
    }
}

/// What a ballot file holds: the contest, and the round's configuration where the format
/// carries it (only Quorate's JSON does; the others leave these `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotFile {
    /// Options, withdrawn options, seats and the grouped ballots.
    pub contest: Contest,
    /// The counting method with its parameters.
    pub method: Option<Method>,
    /// The tie-break policy.
    pub tie_policy: Option<TiePolicy>,
    /// The quorum.
    pub quorum: Option<Quorum>,
    /// The size of the electorate (for fractional quorums and the electorate threshold base).
    pub electorate: Option<u64>,
    /// BLT: the quoted strings after the title (Droop writes the election's source and a
    /// comment there), kept so that writing the file back keeps them. Not counted; not held
    /// by the other formats.
    pub notes: Vec<String>,
}

impl BallotFile {
    /// A file that holds only a contest (what BLT, CSV and CDF give).
    pub fn from_contest(contest: Contest) -> Self {
        BallotFile {
            contest,
            method: None,
            tie_policy: None,
            quorum: None,
            electorate: None,
            notes: Vec::new(),
        }
    }
}

/// Choices a reader needs beyond the bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// CSV: the ballot order of the options (counting-rules.md §0.3). Without it, options
    /// are numbered in the order their names first appear. Names absent from the file are
    /// still options (with no votes).
    pub order: Option<Vec<String>>,
    /// CDF: the id (`@id`) of the contest to read. Without it the file must hold exactly one
    /// ranked contest.
    pub contest: Option<String>,
    /// CDF and RCTab CSV: how overvotes, skipped ranks and repeated options count (RCTab's
    /// voter-error rules; by default exhaust at an overvote, any skipped ranks allowed).
    pub cvr: cvr::CvrRules,
}

/// Reads a ballot file of the given format. The input is buffered here; pass a plain
/// `File` or a `&[u8]`.
pub fn read(
    format: Format,
    input: impl Read,
    options: &ReadOptions,
) -> Result<BallotFile, ParseError> {
    let buffered = |input| BufReader::with_capacity(1 << 16, input);
    match format {
        Format::Blt => blt::read(buffered(input)),
        // The CSV reader buffers its input itself (a second buffer would only copy).
        Format::Csv => csv::read(input, options.order.as_deref()),
        Format::Json => json::read(buffered(input)),
        Format::Cdf => {
            let read = cdf::CdfOptions {
                contest: options.contest.clone(),
                rules: options.cvr,
                ..cdf::CdfOptions::default()
            };
            cdf::read_with(buffered(input), &read)
        }
        Format::RctabCsv => rctab::csv::read_without_config(buffered(input), options.cvr),
    }
}

/// [`read`] for a file held in memory, using up to `threads` threads where the format allows
/// it (CSV: [`csv::read_slice`]; the others read as [`read`] does). The result is [`read`]'s.
pub fn read_slice(
    format: Format,
    bytes: &[u8],
    options: &ReadOptions,
    threads: usize,
) -> Result<BallotFile, ParseError> {
    match format {
        Format::Csv => csv::read_slice(bytes, options.order.as_deref(), threads),
        other => read(other, bytes, options),
    }
}

/// Writes a ballot file as BLT (its contest and notes). Only ranked ballots can be written.
pub fn write_blt(file: &BallotFile, out: impl Write) -> Result<(), WriteError> {
    blt::write(file, out)
}

/// Writes a contest as CSV. Only ranked ballots can be written.
pub fn write_csv(contest: &Contest, out: impl Write) -> Result<(), WriteError> {
    csv::write(contest, out)
}

/// Writes a ballot file as Quorate's JSON document (every kind of ballot).
pub fn write_json(file: &BallotFile, out: impl Write) -> Result<(), WriteError> {
    json::write(file, out)
}

/// A ranking that BLT and CSV can write and read back unchanged: known options, each once,
/// ending only when its options run out (the formats have no place for an overvote).
fn check_ranking(ranking: &Ranking, options: usize) -> Result<(), WriteError> {
    if ranking.exhaustion() != Exhaustion::NoContinuingOption {
        return Err(WriteError::Unrepresentable(format!(
            "a ranking ends with {:?}, which only the JSON format can hold",
            ranking.exhaustion()
        )));
    }
    let mut all: Vec<OptionIndex> = ranking.options().collect();
    all.sort_unstable();
    if let Some(beyond) = all.last().filter(|last| **last >= options) {
        return Err(WriteError::Unrepresentable(format!(
            "a ballot ranks option {beyond}, beyond the {options} options"
        )));
    }
    if all.windows(2).any(|pair| pair.first() == pair.last()) {
        return Err(WriteError::Unrepresentable(
            "a ballot ranks the same option twice".to_owned(),
        ));
    }
    Ok(())
}

/// Guesses a file's format from its name's extension, else from its first bytes (pass a few
/// kilobytes). `.json` files are told apart from CDF files by their content.
pub fn detect(name: Option<&str>, head: &[u8]) -> Option<Format> {
    let extension = name
        .and_then(|name| name.rsplit_once('.'))
        .map(|(_, extension)| extension.to_ascii_lowercase());
    match extension.as_deref() {
        Some("blt") => return Some(Format::Blt),
        Some("csv") => return Some(Format::Csv),
        Some("json") => return Some(sniff_json(head)),
        _ => {}
    }
    sniff(head)
}

/// Guesses the format from the first bytes alone.
fn sniff(head: &[u8]) -> Option<Format> {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let text = text.get(start..)?;
    let first = *text.first()?;
    if first == b'{' {
        return Some(sniff_json(text));
    }
    let word: Vec<u8> = text
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'"')
        .filter(|b| **b != b'"')
        .map(u8::to_ascii_lowercase)
        .collect();
    if word == b"ballot_id" {
        return Some(Format::Csv);
    }
    if first.is_ascii_digit() || first == b'#' {
        return Some(Format::Blt);
    }
    None
}

/// Quorate JSON or a CDF report: CDF documents name their type and hold `CVR` arrays.
fn sniff_json(head: &[u8]) -> Format {
    let has = |needle: &[u8]| head.windows(needle.len()).any(|window| window == needle);
    if has(b"quorate-ballots") {
        Format::Json
    } else if has(b"CastVoteRecordReport") || has(b"\"CVR\"") {
        Format::Cdf
    } else {
        Format::Json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_decides_when_there_is_one() {
        assert_eq!(detect(Some("x.BLT"), b""), Some(Format::Blt));
        assert_eq!(detect(Some("dir.v2/x.csv"), b"5 2"), Some(Format::Csv));
        assert_eq!(
            detect(Some("a.json"), br#"{"@type": "CVR.CastVoteRecordReport"}"#),
            Some(Format::Cdf)
        );
        assert_eq!(
            detect(Some("a.json"), br#"{"format": "quorate-ballots"}"#),
            Some(Format::Json)
        );
    }

    #[test]
    fn content_decides_without_an_extension() {
        assert_eq!(detect(None, b"\n# ballots\n3 1\n"), Some(Format::Blt));
        assert_eq!(detect(Some("-"), b"ballot_id,rank_1\n"), Some(Format::Csv));
        assert_eq!(
            detect(None, b"\xEF\xBB\xBF\"Ballot_ID\",rank_1\n"),
            Some(Format::Csv)
        );
        assert_eq!(detect(None, b"  {\"CVR\": []}"), Some(Format::Cdf));
        assert_eq!(detect(None, b"hello"), None);
        assert_eq!(detect(None, b""), None);
    }

    #[test]
    fn format_names_parse_back() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert!("xml".parse::<Format>().is_err());
    }
}
