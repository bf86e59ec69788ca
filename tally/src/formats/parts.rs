//! Cutting a file held in memory into parts of whole rows (line ends outside quoted
//! fields), for reading the parts in parallel.

/// A run of whole rows of a file and the line it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part<'a> {
    /// The rows' bytes.
    pub bytes: &'a [u8],
    /// The line of the first row, from 1.
    pub first_line: u64,
}

/// Runs `read` on every part (of a file, or of any work), each on a thread of its own, and
/// returns the results in the parts' order. Where threads cannot be started (wasm), the parts
/// are read one after the other; a thread that panicked (a bug) gives `failed()`.
pub(crate) fn in_parallel<P: Sync, T: Send>(
    parts: &[P],
    read: impl Fn(&P) -> T + Sync,
    failed: impl Fn() -> T,
) -> Vec<T> {
    std::thread::scope(|scope| {
        let read = &read;
        let spawned: Vec<_> = parts
            .iter()
            .map(|part| {
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || read(part))
                    .map_err(|_| part)
            })
            .collect();
        spawned
            .into_iter()
            .map(|handle| match handle {
                Ok(handle) => handle.join().unwrap_or_else(|_| failed()),
                Err(part) => read(part),
            })
            .collect()
    })
}

/// Cuts `body` (starting on `line`, at a row start) into about equal parts where rows end as
/// the `csv` crate reads them (never inside a quoted field; a `\r\n` row at its `\r`), so
/// that reading the parts one after the other reads the rows of one pass, named on the same
/// lines.
pub(crate) fn cut(body: &[u8], line: u64, parts: usize) -> Vec<Part<'_>> {
    // `memchr` (vectorised) rather than a byte loop: these two scans of the whole file run
    // before any thread starts.
    let quoted = memchr::memchr(b'"', body).is_some();
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut line) = (0, line);
    for k in 1..parts {
        let want = body.len().checked_div(parts).unwrap_or(0).saturating_mul(k);
        if want <= start {
            continue;
        }
        let end = if quoted {
            row_end(body, start, want)
        } else {
            plain_row_end(body, want)
        };
        let Some(end) = end else { break };
        let part = body.get(start..end).unwrap_or_default();
        out.push(Part {
            bytes: part,
            first_line: line,
        });
        let lines = memchr::memchr_iter(b'\n', part).count();
        line = line.saturating_add(u64::try_from(lines).unwrap_or(u64::MAX));
        start = end;
    }
    out.push(Part {
        bytes: body.get(start..).unwrap_or_default(),
        first_line: line,
    });
    out
}

/// [`row_end`] for a file without quotes, found with `memchr`: the end of the first line at or
/// after `want` that is a row (not blank) ended by `\n` (then after it) or `\r\n` (then at
/// its `\r`, see [`row_end`]). A cut after a blank line would name the next row on a later
/// line than one pass does (the crate names a row on the line where it starts looking for it,
/// before any blank lines); a line with a `\r` inside is several rows or blank lines, passed
/// over too (rare: such files are cut elsewhere or read in one part).
fn plain_row_end(body: &[u8], want: usize) -> Option<usize> {
    let mut from = want;
    loop {
        let newline = from.saturating_add(memchr::memchr(b'\n', body.get(from..)?)?);
        let line_start =
            memchr::memrchr(b'\n', body.get(..newline)?).map_or(0, |at| at.saturating_add(1));
        let line = body.get(line_start..newline)?;
        let (text, end) = match line.strip_suffix(b"\r") {
            Some(text) => (text, newline),
            None => (line, newline.saturating_add(1)),
        };
        if !text.is_empty() && memchr::memchr(b'\r', text).is_none() {
            return Some(end);
        }
        from = newline.saturating_add(1);
    }
}

/// The end of the first row ending at or after `want`, reading from `start` (a row start)
/// with the `csv` crate's own state machine (`csv_core`), so that a cut falls exactly where
/// one pass of the crate ends a row:
///
/// - Inside quotes or not: counting quotes is not enough, since a quote opens a quoted field
///   only at the start of a field (`a"b` is three plain bytes). A file with such a quote
///   before a quoted field holding a line break was cut inside that field, and its parts
///   read other rows than one pass (found by a property test; `tests/formats_regressions.rs`).
/// - A row ended by `\r\n` ends at its `\r`: the crate names the next row on the line of
///   that `\r` (where it starts looking for it), so the next part starts with the `\n`, a
///   blank line that its reader skips without naming a row on it. Cut after the `\n`, an
///   error in the next row was named one line too far.
/// - Not the start of a file: a UTF-8 BOM at a cut is data, never dropped, as in one pass.
fn row_end(body: &[u8], start: usize, want: usize) -> Option<usize> {
    let mut core = csv_core::Reader::new();
    // An input the reader takes none of (for want of room) tells it that it has read
    // before, so that it drops no BOM (as in `csv/rows.rs`).
    let _ = core.read_record(b",", &mut [], &mut []);
    // The cells are not needed: they are written here and forgotten.
    let (mut out, mut ends) = ([0_u8; 1024], [0_usize; 64]);
    let mut at = start;
    loop {
        let input = body.get(at..).filter(|rest| !rest.is_empty())?;
        let (result, read, _, _) = core.read_record(input, &mut out, &mut ends);
        at = at.saturating_add(read);
        match result {
            csv_core::ReadRecordResult::Record if at >= want => return Some(at),
            csv_core::ReadRecordResult::InputEmpty | csv_core::ReadRecordResult::End => {
                return None;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::csv::rows::Rows;
    use csv::{ByteRecord, ReaderBuilder};
    use proptest::prelude::*;

    type Read = Vec<(u64, Vec<Vec<u8>>)>;

    /// Each row's line and cells as the `csv` crate reads the whole input.
    fn by_crate(bytes: &[u8]) -> Read {
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let line = record.position().map_or(0, |p| p.line());
            out.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// The rows of the parts of `bytes` (its BOM aside, as after a header), each part read
    /// on its own from its first line, one after the other.
    fn by_parts(bytes: &[u8], parts: usize) -> Read {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut out = Vec::new();
        for part in cut(body, 1, parts) {
            let mut rows = Rows::new(part.bytes, part.first_line, false);
            while let Some(row) = rows.next_row().unwrap() {
                out.push((row.line, row.cells().map(<[u8]>::to_vec).collect()));
            }
        }
        out
    }

    #[test]
    fn parts_read_the_rows_of_one_pass_where_counting_quotes_did_not() {
        let cases: [&[u8]; 5] = [
            // A quote inside a field is a plain byte: counting it cut inside "x\ny".
            b"a\"b,c\n\"x\ny\"\nz\n",
            // A row ended by \r\n: the next row is named on the \r's line.
            b"1\r\n2\r\n3\r\n\xEF\n",
            // Blank lines before a row: it is named where the crate began looking.
            b"1\n\n\n2\n\n\n3\n",
            // A BOM after the first row is data.
            b"\xEF\xBB\xBF1\n\xEF\xBB\xBF\"2\n3\"\n4\n",
            b"a\rb\r\n\r\r\nc\n\"d\"\"\ne\"\n",
        ];
        for case in cases {
            for parts in 1..8 {
                assert_eq!(by_parts(case, parts), by_crate(case), "{case:?} {parts}");
            }
        }
    }

    proptest! {
        #[test]
        fn parts_read_the_rows_of_one_pass_on_arbitrary_bytes(
            bytes in prop::collection::vec(
                prop::sample::select(b"ab,,\n\n\n\r\"\"\xEF\xBB\xBF ".to_vec()), 0..80),
            parts in 1_usize..6,
        ) {
            prop_assert_eq!(by_parts(&bytes, parts), by_crate(&bytes));
        }
    }

    #[test]
    fn parts_end_on_line_ends_outside_quotes_and_know_their_first_line() {
        let body = b"1,a\n2,\"b\nc\"\n3,d\n4,e\n";
        for parts in 1..6 {
            let cut = cut(body, 2, parts);
            let joined: Vec<u8> = cut.iter().flat_map(|p| p.bytes.iter().copied()).collect();
            assert_eq!(joined, body, "{parts}");
            let mut offset = 0;
            for Part {
                bytes: part,
                first_line: line,
            } in &cut
            {
                let lines_before = body[..offset].iter().filter(|b| **b == b'\n').count();
                assert_eq!(*line, 2 + u64::try_from(lines_before).unwrap());
                offset += part.len();
                if part.is_empty() {
                    continue;
                }
                assert!(part.ends_with(b"\n") || part.ends_with(b"\r"));
                assert_eq!(part.iter().filter(|b| **b == b'"').count() % 2, 0);
            }
        }
    }
}
