//! The fast path for rows without quotes (the usual export): fields end at commas, rows at
//! line ends, and each distinct row (its vote cells) is read once. It reads exactly what the
//! CSV reader reads (a property test compares them), lines named the same way.

use super::{Column, CsvLayout, CvrGroups, Mark};
use crate::formats::{ParseError, Problem};
use std::collections::HashMap;

impl CsvLayout {
    /// Rows without quotes: fields end at commas, rows at `\n` (or `\r\n`), blank rows are
    /// skipped, as the CSV reader does. Returns false, having read nothing that counts, when
    /// a lone `\r` (which that reader also takes for a row end) makes the plain split wrong.
    pub(super) fn read_plain(
        &self,
        part: &[u8],
        first_line: u64,
        groups: &mut CvrGroups,
    ) -> Result<bool, ParseError> {
        let mut marks: Vec<(i64, Mark)> = Vec::with_capacity(self.columns.len());
        let mut seen = Vec::new();
        let mut distinct: Rows<'_> = HashMap::default();
        let (mut dedup, mut read) = (true, 0_u32);
        // Lines are named as the CSV reader names them: a row is placed on the line where
        // the reader began looking for it, which is before any blank lines, and, after a
        // `\r\n`, before the `\n` (the `\r` ended the row before).
        let (mut line, mut start) = (first_line, first_line);
        let ends_in_newline = part.ends_with(b"\n");
        let body = part.strip_suffix(b"\n").unwrap_or(part);
        let carriage_returns = body.contains(&b'\r');
        let mut rows = body.split(|b| *b == b'\n').peekable();
        while let Some(raw) = rows.next() {
            let newline = rows.peek().is_some() || ends_in_newline;
            let crlf = carriage_returns && raw.ends_with(b"\r");
            let row = if crlf {
                raw.get(..raw.len().saturating_sub(1)).unwrap_or(raw)
            } else {
                raw
            };
            if carriage_returns && row.contains(&b'\r') {
                return Ok(false);
            }
            let step = u64::from(newline);
            if row.is_empty() {
                line = line.saturating_add(step);
                continue;
            }
            let at = start;
            if crlf {
                start = line;
                line = line.saturating_add(step);
            } else {
                line = line.saturating_add(step);
                start = line;
            }
            // Identical vote cells (ids aside) make identical records: read each once. When
            // nearly every row is new (the first 65,536 rows tell), this only costs, and stops.
            let votes = self.vote_cells(row);
            if dedup {
                if let Some(count) = distinct.get_mut(votes) {
                    count.1 = count.1.saturating_add(1);
                    continue;
                }
                read = read.saturating_add(1);
                if read == 1 << 16 && distinct.len() > 1 << 15 {
                    dedup = false;
                    flush(groups, std::mem::take(&mut distinct))?;
                }
            }
            marks.clear();
            if !self.plain_marks(row, &mut marks) {
                marks.clear();
                self.marks(row.split(|b| *b == b','), at, &mut marks)?;
            }
            let id = || {
                self.id_column
                    .and_then(|c| row.split(|b| *b == b',').nth(c))
            };
            let place = self.add(groups, &mut marks, &mut seen, at, id)?;
            if dedup {
                distinct.insert(votes, (place, 0));
            }
        }
        flush(groups, distinct)?;
        Ok(true)
    }

    /// The part of a row from the first vote column on (all of it when that is column 1).
    fn vote_cells<'r>(&self, row: &'r [u8]) -> &'r [u8] {
        let skip = self
            .columns
            .iter()
            .take_while(|c| **c == Column::Other)
            .count();
        let mut rest = row;
        for _ in 0..skip {
            match rest.iter().position(|b| *b == b',') {
                Some(at) => rest = rest.get(at.saturating_add(1)..).unwrap_or_default(),
                None => return b"",
            }
        }
        rest
    }

    /// [`CsvLayout::marks`] in one pass over a row of digits and commas (ids and other
    /// columns are skipped unread). False, with `marks` to be cleared, at anything else: the
    /// general path then reads the row, and names any error.
    fn plain_marks(&self, row: &[u8], marks: &mut Vec<(i64, Mark)>) -> bool {
        let mut columns = self.columns.iter();
        let mut column = columns.next();
        let (mut rank, mut digits) = (0_i64, 0_u32);
        for &b in row.iter().chain([&b',']) {
            if b == b',' {
                if digits > 0 {
                    match column {
                        Some(Column::Option(o)) => marks.push((rank, Mark::Option(*o))),
                        Some(Column::Overvote) => marks.push((rank, Mark::Overvote)),
                        _ => {}
                    }
                }
                (rank, digits) = (0, 0);
                column = columns.next();
                continue;
            }
            match column {
                Some(Column::Other | Column::Skipped) => {}
                Some(Column::Option(_) | Column::Overvote) if b.is_ascii_digit() && digits < 9 => {
                    // At most 9 digits: no overflow.
                    rank = rank
                        .wrapping_mul(10)
                        .wrapping_add(i64::from(b.wrapping_sub(b'0')));
                    digits = digits.wrapping_add(1);
                }
                // Blanks, signs, letters, long numbers, a field beyond the header: the
                // general path reads the row.
                _ => return false,
            }
        }
        true
    }
}

/// Distinct rows (their vote cells) with their record's group and how many more rows repeat it.
type Rows<'a> = HashMap<&'a [u8], (usize, u64), foldhash::fast::RandomState>;

/// Adds the repeats counted in `rows` to their groups.
fn flush(groups: &mut CvrGroups, rows: Rows<'_>) -> Result<(), ParseError> {
    for (place, more) in rows.into_values() {
        if more > 0 {
            groups
                .groups
                .add_weight(place, more)
                .map_err(|_| ParseError::whole(Problem::WeightOverflow))?;
        }
    }
    Ok(())
}
