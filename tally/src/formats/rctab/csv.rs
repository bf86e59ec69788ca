//! RCTab's `genericCsv` cast vote records (`CsvCvrReader.java`): row 1 names the candidates
//! in the columns from `firstVoteColumnIndex` on; each later row from `firstVoteRowIndex` is
//! one record, each cell the rank that voter gave the column's candidate (blank: not ranked).
//!
//! ```text
//! Response ID,Candidate 01,Candidate 02,Candidate 03
//! R_1,2,1,
//! R_2,1,1,2        # ranks 1 twice: an overvote
//! R_3,,,           # an undervote
//! ```
//!
//! A file can be read whole ([`CsvLayout::read`]) or, for speed, in parts after its header
//! ([`split`], [`CsvLayout::read_part`], [`CvrGroups::append`]): the result is the same.

use super::super::{
    ParseError, Problem,
    cvr::{self, CvrRules, Mark},
    error::describe,
    group::RankingGroups,
};
use super::config::{ContestConfig, CvrSource};
use crate::{
    ballot::{BallotGroup, OptionIndex},
    formats::csv::rows::Rows,
};
use csv::{ByteRecord, ReaderBuilder};
use std::io::Read;

mod plain;
mod split;

pub use super::super::parts::Part;
pub use split::split;

/// What one column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// Before the first vote column (ids, precincts, batches).
    Other,
    /// The ranks given to this option.
    Option(OptionIndex),
    /// `overvoteLabel`: the ranks at which the record overvoted.
    Overvote,
    /// `skippedRankLabel`: ranks the record skipped (passed over).
    Skipped,
}

/// A file's layout, read from its header: which column holds what.
#[derive(Debug, Clone)]
pub struct CsvLayout {
    columns: Vec<Column>,
    id_column: Option<usize>,
    /// Records between the header and the first cast vote record (`firstVoteRowIndex` − 2).
    skip: u64,
    rules: CvrRules,
}

/// The records read so far, identical ones merged (counting-rules.md §0.1).
#[derive(Debug, Default)]
pub struct CvrGroups {
    groups: RankingGroups,
}

impl CvrGroups {
    /// Adds the records of a later part of the input after these, as if read in one go.
    pub fn append(&mut self, later: CvrGroups) -> Result<(), ParseError> {
        self.groups
            .append(later.groups)
            .map_err(|_| ParseError::whole(Problem::WeightOverflow))
    }

    /// The ballot groups, in order of first appearance.
    pub fn into_ballots(self) -> Vec<BallotGroup> {
        self.groups.into_groups()
    }
}

impl CsvLayout {
    /// The layout of a source of `config`, from the file's header row: every candidate column
    /// must name a candidate (or an alias), the undeclared write-in, overvote or skipped-rank
    /// label of the source.
    pub fn new(
        config: &ContestConfig,
        source: &CvrSource,
        header: &ByteRecord,
    ) -> Result<CsvLayout, ParseError> {
        let first = source.first_vote_column.saturating_sub(1);
        let mut columns = Vec::with_capacity(header.len());
        for (i, cell) in header.iter().enumerate() {
            if i < first {
                columns.push(Column::Other);
                continue;
            }
            let column = column_number(i);
            let name = std::str::from_utf8(cell).map_err(|_| {
                let message = "a candidate name that is not valid UTF-8".to_owned();
                ParseError::new(1, column, Problem::Read { message })
            })?;
            if name.trim().is_empty() {
                let expected = "a candidate name at the top of every vote column";
                return Err(ParseError::expected(1, column, expected, "an empty cell"));
            }
            let label = |l: &Option<String>| l.as_deref() == Some(name);
            columns.push(if label(&source.undeclared_write_in_label) {
                Column::Option(config.candidates.len())
            } else if label(&source.overvote_label) {
                Column::Overvote
            } else if label(&source.skipped_rank_label) {
                Column::Skipped
            } else if let Some(o) = config.option_of(name) {
                Column::Option(o)
            } else {
                let expected = "a candidate of the configuration (a name or an alias)";
                return Err(ParseError::expected(1, column, expected, describe(cell)));
            });
        }
        Ok(CsvLayout {
            columns,
            id_column: source.id_column.map(|c| c.saturating_sub(1)),
            skip: source.first_vote_row.saturating_sub(2),
            rules: config.cvr_rules,
        })
    }

    /// Reads the records of a whole file (header included).
    pub fn read(
        config: &ContestConfig,
        source: &CvrSource,
        input: impl Read,
    ) -> Result<CvrGroups, ParseError> {
        let mut reader = reader(input);
        let mut record = ByteRecord::new();
        if !next(&mut reader, &mut record, 0)? {
            let expected = "a header row naming the candidates";
            return Err(ParseError::expected(1, 1, expected, "the end of the file"));
        }
        let layout = CsvLayout::new(config, source, &record)?;
        for _ in 0..layout.skip {
            if !next(&mut reader, &mut record, 0)? {
                break;
            }
        }
        let mut groups = CvrGroups::default();
        layout.read_records(&mut reader, 0, &mut groups)?;
        Ok(groups)
    }

    /// Reads one part of the rows after the header, as [`split`] cut them; `first_line` is
    /// the line the part starts on (for errors). A part without quotes is split at commas
    /// and line ends directly (the usual export, and twice as fast as the general reader,
    /// which reads it the same way: a test compares them). Any other part is split into rows
    /// by the CSV ballot reader's splitter ([`crate::formats::csv::rows`], the `csv` crate's
    /// rows exactly), told that the part is not the start of a file: a UTF-8 BOM at its
    /// start is data, as one pass reads it (the `csv` crate's reader would drop it).
    pub fn read_part(&self, part: &[u8], first_line: u64) -> Result<CvrGroups, ParseError> {
        let mut groups = CvrGroups::default();
        if !part.contains(&b'"') && self.read_plain(part, first_line, &mut groups)? {
            return Ok(groups);
        }
        let mut groups = CvrGroups::default();
        let mut rows = Rows::new(part, first_line, false);
        let mut marks: Vec<(i64, Mark)> = Vec::with_capacity(self.columns.len());
        let mut seen = Vec::new();
        loop {
            let row = rows.next_row().map_err(|error| {
                let message = error.to_string();
                ParseError::new(0, 0, Problem::Read { message })
            })?;
            let Some(row) = row else { break };
            marks.clear();
            self.marks(row.cells(), row.line, &mut marks)?;
            let id = || self.id_column.and_then(|c| row.cells().nth(c));
            self.add(&mut groups, &mut marks, &mut seen, row.line, id)?;
        }
        Ok(groups)
    }

    fn read_records(
        &self,
        reader: &mut csv::Reader<impl Read>,
        line_offset: u64,
        groups: &mut CvrGroups,
    ) -> Result<(), ParseError> {
        let mut record = ByteRecord::new();
        let mut marks: Vec<(i64, Mark)> = Vec::with_capacity(self.columns.len());
        let mut seen = Vec::new();
        while next(reader, &mut record, line_offset)? {
            let line = record
                .position()
                .map_or(0, |p| p.line())
                .saturating_add(line_offset);
            marks.clear();
            self.marks(record.iter(), line, &mut marks)?;
            let id = || self.id_column.and_then(|c| record.get(c));
            self.add(groups, &mut marks, &mut seen, line, id)?;
        }
        Ok(())
    }

    /// Adds one record and returns its group's place; an error names its line and, when
    /// there is an id column, its id.
    fn add<'r>(
        &self,
        groups: &mut CvrGroups,
        marks: &mut [(i64, Mark)],
        seen: &mut Vec<OptionIndex>,
        line: u64,
        id: impl FnOnce() -> Option<&'r [u8]>,
    ) -> Result<usize, ParseError> {
        cvr::add_record(&mut groups.groups, marks, &self.rules, seen).map_err(|problem| {
            let message = match id() {
                Some(id) => format!("record {}: {problem}", describe(id)),
                None => problem.to_string(),
            };
            ParseError::new(line, 0, Problem::Invalid { message })
        })
    }

    /// The `(rank, mark)` pairs of one row.
    fn marks<'c>(
        &self,
        cells: impl Iterator<Item = &'c [u8]>,
        line: u64,
        marks: &mut Vec<(i64, Mark)>,
    ) -> Result<(), ParseError> {
        for (i, cell) in cells.enumerate() {
            let column = self.columns.get(i).copied();
            if column == Some(Column::Other) {
                continue;
            }
            let cell = cell.trim_ascii();
            if cell.is_empty() {
                continue;
            }
            let mark = match column {
                Some(Column::Option(o)) => Mark::Option(o),
                Some(Column::Overvote) => Mark::Overvote,
                Some(Column::Skipped | Column::Other) => continue,
                None => {
                    let expected =
                        format!("at most {} fields, as in the header", self.columns.len());
                    let found = describe(cell);
                    return Err(ParseError::expected(
                        line,
                        column_number(i),
                        expected,
                        found,
                    ));
                }
            };
            let rank = parse_rank(cell).ok_or_else(|| {
                let expected = "a rank (a whole number) or an empty cell";
                ParseError::expected(line, column_number(i), expected, describe(cell))
            })?;
            marks.push((rank, mark));
        }
        Ok(())
    }
}

fn reader<R: Read>(input: R) -> csv::Reader<R> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input)
}

fn next(
    reader: &mut csv::Reader<impl Read>,
    record: &mut ByteRecord,
    line_offset: u64,
) -> Result<bool, ParseError> {
    reader.read_byte_record(record).map_err(|error| {
        let line = error
            .position()
            .map_or(0, |p| p.line())
            .saturating_add(line_offset);
        let message = match error.into_kind() {
            csv::ErrorKind::Io(error) => error.to_string(),
            other => format!("{other:?}"),
        };
        ParseError::new(line, 0, Problem::Read { message })
    })
}

/// A rank written as a whole number (RCTab parses it with `Integer.parseInt`).
fn parse_rank(cell: &[u8]) -> Option<i64> {
    let (negative, digits) = match cell.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, cell.strip_prefix(b"+").unwrap_or(cell)),
    };
    if digits.is_empty() || digits.len() > 10 {
        return None;
    }
    let value = digits.iter().try_fold(0_i64, |n, b| {
        let digit = b
            .is_ascii_digit()
            .then(|| i64::from(b.wrapping_sub(b'0')))?;
        n.checked_mul(10)?.checked_add(digit)
    })?;
    Some(if negative {
        value.saturating_neg()
    } else {
        value
    })
}

fn column_number(index: usize) -> u64 {
    u64::try_from(index).unwrap_or(u64::MAX).saturating_add(1)
}

/// Reads a `genericCsv` file without a contest configuration (`--format rctab-csv`): the id
/// in column 1, the candidates named by the header from column 2 on, records from row 2,
/// `rules` for overvotes and skipped ranks.
pub fn read_without_config(
    input: impl Read,
    rules: CvrRules,
) -> Result<super::super::BallotFile, ParseError> {
    let input = std::io::BufReader::new(input);
    let mut reader = reader(input);
    let mut header = ByteRecord::new();
    if !next(&mut reader, &mut header, 0)? {
        let expected = "a header row naming the candidates";
        return Err(ParseError::expected(1, 1, expected, "the end of the file"));
    }
    let mut names: Vec<String> = Vec::new();
    for (i, cell) in header.iter().enumerate().skip(1) {
        let name = String::from_utf8_lossy(cell).trim().to_owned();
        if names.contains(&name) {
            let problem = Problem::DuplicateName { name };
            return Err(ParseError::new(1, column_number(i), problem));
        }
        names.push(name);
    }
    if names.len() > super::super::MAX_OPTIONS {
        return Err(ParseError::whole(Problem::TooManyOptions));
    }
    let config = ContestConfig::from_names(names, rules);
    let source = CvrSource {
        file_path: String::new(),
        provider: super::Provider::GenericCsv,
        contest_id: None,
        first_vote_column: 2,
        first_vote_row: 2,
        id_column: Some(1),
        overvote_label: None,
        skipped_rank_label: None,
        undeclared_write_in_label: None,
    };
    let layout = CsvLayout::new(&config, &source, &header)?;
    let mut groups = CvrGroups::default();
    layout.read_records(&mut reader, 0, &mut groups)?;
    let mut contest = config.contest(vec![groups.into_ballots()]);
    contest.title = String::new();
    Ok(super::super::BallotFile::from_contest(contest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> CsvLayout {
        let names = ["A", "B", "C"].map(String::from).to_vec();
        let config = ContestConfig::from_names(names, CvrRules::default());
        let source = CvrSource {
            file_path: String::new(),
            provider: super::super::Provider::GenericCsv,
            contest_id: None,
            first_vote_column: 2,
            first_vote_row: 2,
            id_column: Some(1),
            overvote_label: None,
            skipped_rank_label: None,
            undeclared_write_in_label: None,
        };
        let header = ByteRecord::from(vec!["id", "A", "B", "C"]);
        CsvLayout::new(&config, &source, &header).unwrap()
    }

    proptest::proptest! {
        #[test]
        fn the_plain_split_reads_what_the_csv_reader_reads(
            bytes in proptest::collection::vec(proptest::sample::select(b"12 3x,,,\n\n\r-".to_vec()), 0..120),
            first_line in 1_u64..4,
        ) {
            let layout = layout();
            let mut plain = CvrGroups::default();
            let plain = layout
                .read_plain(&bytes, first_line, &mut plain)
                .map(|whole| whole.then(|| plain.into_ballots()));
            let mut general = CvrGroups::default();
            let mut reader = reader(bytes.as_slice());
            let general = layout
                .read_records(&mut reader, first_line.saturating_sub(1), &mut general)
                .map(|()| general.into_ballots());
            match plain {
                Ok(Some(ballots)) => proptest::prop_assert_eq!(Ok(ballots), general),
                Ok(None) => proptest::prop_assert!(bytes.contains(&b'\r')),
                Err(error) => proptest::prop_assert_eq!(Err(error), general),
            }
        }
    }

    #[test]
    fn ranks_are_whole_numbers() {
        assert_eq!(parse_rank(b"12"), Some(12));
        assert_eq!(parse_rank(b"-1"), Some(-1));
        assert_eq!(parse_rank(b"1.0"), None);
        assert_eq!(parse_rank(b""), None);
        assert_eq!(parse_rank(b"99999999999"), None);
    }
}
