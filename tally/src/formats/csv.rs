//! CSV ballot files (decision-rules.md §10): a header `ballot_id,rank_1,rank_2,…`, then one
//! row per ballot with option names in the cells and empty cells at the end.
//!
//! Beyond the contract, documented in `docs/formats.md`: an optional `weight` column right
//! after `ballot_id` (one row may then stand for several identical ballots); `A=B` in a cell
//! ranks A and B equal; blanks around names are trimmed. Options are numbered in the order
//! their names first appear unless an explicit order is given (counting-rules.md §0.3).
//! Rows stream through one reused buffer (`rows`); identical rankings merge as they are read.

mod names;
pub(crate) mod rows;

use super::{
    BallotFile, MAX_OPTIONS, ParseError, Problem, WriteError,
    error::describe,
    group::{
        Ballots, RankError, RankingGroups,
        shards::{self, Numbered, PartBallots},
    },
};
use crate::ballot::{BallotGroup, Contest, Marks};
use csv::WriterBuilder;
use names::Names;
use rows::{Row, Rows};
use std::io::{Read, Write};

/// Reads a CSV ballot file. `order` fixes the ballot order of the options; names outside it
/// are then an error.
pub fn read(input: impl Read, order: Option<&[String]>) -> Result<BallotFile, ParseError> {
    let mut rows = Rows::new(input, 1, true);
    let layout = match next_row(&mut rows)? {
        Some(header) => read_header(&header)?,
        None => {
            return Err(ParseError::expected(
                1,
                1,
                "the header ballot_id,rank_1,rank_2,…",
                "the end of the file",
            ));
        }
    };
    let mut names = Names::new(order)?;
    let mut groups = RankingGroups::default();
    while let Some(row) = next_row(&mut rows)? {
        read_row(&row, &layout, &mut names, &mut groups)?;
    }
    Ok(contest(names, groups.into_groups()))
}

/// [`read`] for a file held in memory, in up to `threads` parts read at once: the parts are
/// cut at row ends, each numbers the option names it meets and lists its ballots, the names
/// are numbered as one pass would number them, and `threads` threads group the ballots of all
/// parts, each the rankings of one shard ([`shards`]), in order of first appearance. So the
/// result is [`read`]'s. An error is found again by one pass, so that it is the first one,
/// named as [`read`] names it.
pub fn read_slice(
    bytes: &[u8],
    order: Option<&[String]>,
    threads: usize,
) -> Result<BallotFile, ParseError> {
    if threads < 2 || bytes.len() < 1 << 20 {
        return read(bytes, order);
    }
    read_parts(bytes, order, threads)
}

/// [`read_slice`] whatever the size of the file: cut into `parts` parts (fewer when it has
/// fewer rows), read on as many threads. For tests and fuzzing, which compare it with
/// [`read`] on small inputs; [`read_slice`] reads a small file in one pass.
pub fn read_parts(
    bytes: &[u8],
    order: Option<&[String]>,
    threads: usize,
) -> Result<BallotFile, ParseError> {
    let mut rows = Rows::new(bytes, 1, true);
    let Ok(Some(header)) = rows.next_row() else {
        return read(bytes, order);
    };
    let Ok(layout) = read_header(&header) else {
        return read(bytes, order);
    };
    let body = bytes.get(rows.taken()..).unwrap_or_default();
    let parts = super::parts::cut(body, rows.line(), threads);
    let results = super::parts::in_parallel(
        &parts,
        |part| read_part(part.bytes, part.first_line, &layout, order),
        || None,
    );
    let mut results = results.into_iter();
    let Some(Some((mut names, first))) = results.next() else {
        return read(bytes, order);
    };
    let mut numbered = vec![Numbered::new(first, Vec::new())];
    for part in results {
        let Some((part_names, ballots)) = part else {
            return read(bytes, order);
        };
        let mut map = Vec::with_capacity(part_names.names.len());
        for name in &part_names.names {
            match names.index(name.as_bytes(), 0, 0) {
                Ok(index) => map.push(index),
                Err(_) => return read(bytes, order),
            }
        }
        numbered.push(Numbered::new(ballots, map));
    }
    let Ok(ballots) = shards::group(&numbered, threads) else {
        return read(bytes, order);
    };
    Ok(contest(names, ballots))
}

fn contest(names: Names, ballots: Vec<BallotGroup>) -> BallotFile {
    BallotFile::from_contest(Contest {
        title: String::new(),
        options: names.names,
        withdrawn: Vec::new(),
        seats: 1,
        tie_order: None,
        ballots,
    })
}

/// One part of [`read_slice`]: its names (after those of `order`) and its ballots; `None` at
/// any error (the caller reads the file again in one pass to name it).
fn read_part(
    bytes: &[u8],
    first_line: u64,
    layout: &Layout,
    order: Option<&[String]>,
) -> Option<(Names, PartBallots)> {
    let mut rows = Rows::new(bytes, first_line, false);
    let mut names = Names::new(order).ok()?;
    let mut groups = PartBallots::default();
    while let Some(row) = rows.next_row().ok()? {
        read_row(&row, layout, &mut names, &mut groups).ok()?;
    }
    Some((names, groups))
}

/// Writes a contest as CSV. A `weight` column is written only when some group's weight is
/// not 1; then each row is one group. Title, seats, withdrawals and options that no ballot
/// names are not written (CSV has no place for them).
pub fn write(contest: &Contest, out: impl Write) -> Result<(), WriteError> {
    for name in &contest.options {
        if name.is_empty() || name.contains('=') || name.trim() != name {
            return Err(WriteError::Unrepresentable(format!(
                "CSV option names must be non-empty, without \"=\" or surrounding blanks: {name:?}"
            )));
        }
    }
    let mut ranks = 0;
    for group in &contest.ballots {
        let Marks::Ranking(ranking) = &group.marks else {
            return Err(WriteError::Unrepresentable(
                "CSV holds only ranked ballots".to_owned(),
            ));
        };
        super::check_ranking(ranking, contest.options.len())?;
        ranks = ranks.max(ranking.rank_count());
    }
    let weighted = contest.ballots.iter().any(|group| group.weight != 1);
    let mut writer = WriterBuilder::new().flexible(true).from_writer(out);
    let mut header = vec!["ballot_id".to_owned()];
    if weighted {
        header.push("weight".to_owned());
    }
    header.extend((1..=ranks).map(|rank| format!("rank_{rank}")));
    writer.write_record(&header).map_err(csv_write_error)?;
    let mut row: Vec<String> = Vec::new();
    for (id, group) in (1u64..).zip(&contest.ballots) {
        let Marks::Ranking(ranking) = &group.marks else {
            continue;
        };
        row.clear();
        row.push(id.to_string());
        if weighted {
            row.push(group.weight.to_string());
        }
        for rank in ranking.ranks() {
            let cell: Vec<&str> = rank
                .iter()
                .map(|option| contest.options.get(option).map_or("", String::as_str))
                .collect();
            row.push(cell.join("="));
        }
        row.resize(header.len(), String::new());
        writer.write_record(&row).map_err(csv_write_error)?;
    }
    writer.flush()?;
    Ok(())
}

fn csv_write_error(error: csv::Error) -> WriteError {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => WriteError::Io(error),
        other => WriteError::Unrepresentable(format!("{other:?}")),
    }
}

/// Which columns hold what.
struct Layout {
    /// Whether column 2 is `weight`.
    weighted: bool,
    /// The number of columns in the header.
    width: usize,
}

fn read_header(record: &Row<'_>) -> Result<Layout, ParseError> {
    let mut columns = (1u64..).zip(record.cells());
    let first = columns
        .next()
        .map(|(_, cell)| trim(cell))
        .unwrap_or_default();
    let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first);
    if !first.eq_ignore_ascii_case(b"ballot_id") {
        return Err(ParseError::expected(
            1,
            1,
            "ballot_id (an RCTab cast vote record reads with --format rctab-csv or \
             --rctab-config)",
            describe_cell(first),
        ));
    }
    let mut weighted = false;
    let mut rank = 1u64;
    for (column, cell) in columns {
        let cell = trim(cell);
        if column == 2 && cell.eq_ignore_ascii_case(b"weight") {
            weighted = true;
            continue;
        }
        let wanted = format!("rank_{rank}");
        if !cell.eq_ignore_ascii_case(wanted.as_bytes()) {
            let expected = if column == 2 {
                "weight or rank_1".to_owned()
            } else {
                wanted
            };
            return Err(ParseError::expected(
                1,
                column,
                expected,
                describe_cell(cell),
            ));
        }
        rank = rank.saturating_add(1);
    }
    Ok(Layout {
        weighted,
        width: record.len(),
    })
}

fn read_row(
    record: &Row<'_>,
    layout: &Layout,
    names: &mut Names,
    groups: &mut impl Ballots,
) -> Result<(), ParseError> {
    let line = record.line;
    if record.len() > layout.width {
        let column = u64::try_from(layout.width)
            .unwrap_or(u64::MAX)
            .saturating_add(1);
        let expected = format!("at most {} fields, as in the header", layout.width);
        let found = format!("{} fields", record.len());
        return Err(ParseError::expected(line, column, expected, found));
    }
    let mut cells = record.cells();
    let _id = cells.next();
    let mut column = 1_u64;
    let mut weight = 1;
    if layout.weighted {
        column = 2;
        let cell = trim(cells.next().unwrap_or_default());
        weight = std::str::from_utf8(cell)
            .ok()
            .filter(|text| text.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|text| text.parse::<u64>().ok())
            .ok_or_else(|| {
                let expected = format!("a whole-number weight from 0 to {}", u64::MAX);
                ParseError::expected(line, column, expected, describe_cell(cell))
            })?;
    }
    groups.begin();
    let mut gap: Option<u64> = None;
    for cell in cells {
        column = column.saturating_add(1);
        let cell = trim(cell);
        if cell.is_empty() {
            gap.get_or_insert(column);
            continue;
        }
        if let Some(gap) = gap {
            let expected = "an option name: ranks are filled from rank_1 without gaps";
            let found = format!("an empty cell before {}", describe(cell));
            return Err(ParseError::expected(line, gap, expected, found));
        }
        for (i, part) in cell.split(|b| *b == b'=').enumerate() {
            let part = trim(part);
            if part.is_empty() {
                let expected = "an option name on each side of \"=\"";
                return Err(ParseError::expected(line, column, expected, describe(cell)));
            }
            let option = match names.find(part) {
                Some(option) => option,
                None => names.index(part, line, column)?,
            };
            groups.push(option, i > 0).map_err(|error| {
                let problem = match error {
                    RankError::Repeated => Problem::RepeatedOption {
                        option: String::from_utf8_lossy(part).into_owned(),
                    },
                    RankError::TooLarge => Problem::TooManyOptions,
                };
                ParseError::new(line, column, problem)
            })?;
        }
    }
    groups
        .finish(weight)
        .map_err(|_| ParseError::new(line, 0, Problem::WeightOverflow))
}

/// The next row; the input failing is an error of the whole file.
fn next_row<R: Read>(rows: &mut Rows<R>) -> Result<Option<Row<'_>>, ParseError> {
    rows.next_row().map_err(|error| {
        let message = error.to_string();
        ParseError::new(0, 0, Problem::Read { message })
    })
}

fn describe_cell(cell: &[u8]) -> String {
    if cell.is_empty() {
        "an empty cell".to_owned()
    } else {
        describe(cell)
    }
}

fn trim(cell: &[u8]) -> &[u8] {
    cell.trim_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Ranking;

    #[test]
    fn names_are_numbered_in_order_of_first_appearance() {
        let text = "ballot_id,rank_1,rank_2\n1,Oak,Ash\n2,Ash,\n3,Oak,Ash\n4,,\n";
        let c = read(text.as_bytes(), None).unwrap().contest;
        assert_eq!(c.options, ["Oak", "Ash"]);
        assert_eq!(c.ballots.len(), 3);
        assert_eq!(c.ballots[0].weight, 2);
        assert_eq!(c.ballots[2].marks, Marks::Ranking(Ranking::empty()));
    }

    #[test]
    fn an_explicit_order_numbers_the_options() {
        let order = ["Ash".to_owned(), "Elm".to_owned(), "Oak".to_owned()];
        let text = "ballot_id,weight,rank_1,rank_2\nx,3, Oak = Ash ,Elm\n";
        let c = read(text.as_bytes(), Some(&order)).unwrap().contest;
        assert_eq!(c.options, order);
        assert_eq!(c.ballots[0].weight, 3);
        assert_eq!(
            c.ballots[0].marks,
            Marks::Ranking(Ranking::from_ranks(vec![vec![2, 0], vec![1]]).unwrap())
        );
    }
}
