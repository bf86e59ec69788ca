//! The rows of a CSV file exactly as the `csv` crate reads them with the settings this reader
//! used to give it (`,` between fields, `"` quoting, a row ending at `\n`, `\r\n` or a lone
//! `\r`, blank lines skipped, a UTF-8 BOM dropped at the start of the file, any bytes), each
//! named on the line the crate names it.
//!
//! Why not the crate itself: it walks every byte through its state machine, a fifth of the
//! time of reading a large file. Nearly every ballot file has no quotes and ends its rows with
//! `\n` or `\r\n`; such a row is found with `memchr` and split at commas here. A row with a
//! quote or a lone `\r` is read by the crate's own state machine (`csv_core`), starting where
//! the crate would stand, so every row comes out as the crate gives it (a property test
//! compares the two on arbitrary input).

mod scan;

use csv_core::{ReadRecordResult, Reader as Core};
use std::io::{self, Read};

/// How much is asked of the input at a time; the buffer grows for a longer row.
const CHUNK: usize = 1 << 15;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One row: its cells, and the line the `csv` crate names it on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    /// The line, from 1.
    pub line: u64,
    /// The cells' bytes, one after the other, `gap` bytes apart (1 for a comma, 0 when
    /// unquoted by `csv_core`).
    text: &'a [u8],
    /// Where each cell ends in `text`.
    ends: &'a [usize],
    gap: usize,
}

impl<'a> Row<'a> {
    /// The number of cells (at least 1).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The cells, first to last.
    pub fn cells(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let (text, ends, gap) = (self.text, self.ends, self.gap);
        let mut from = 0_usize;
        ends.iter().map(move |&end| {
            let cell = text.get(from..end).unwrap_or_default();
            from = end.saturating_add(gap);
            cell
        })
    }
}

/// Reads rows one after the other from `input`.
pub(crate) struct Rows<R> {
    input: R,
    /// Bytes read and not yet taken: `buf[pos..filled]`.
    buf: Vec<u8>,
    pos: usize,
    filled: usize,
    /// How many bytes were read from `input` in all.
    read: usize,
    /// How far past `pos` no `\n` was found (a row longer than the bytes read so far).
    scanned: usize,
    eof: bool,
    /// Whether a BOM may still be dropped (nothing read yet at the start of a file).
    at_start: bool,
    /// The line of the byte at `pos`, from 1.
    line: u64,
    /// The line the crate names the next row on: where it starts looking for it, which is
    /// before any blank lines and, after a row ended by `\r\n`, before the `\n` (the `\r`
    /// ended that row).
    start: u64,
    /// The full rules, for rows with quotes or lone `\r`s.
    core: Core,
    /// The current row's cell bytes when `core` read it.
    fields: Vec<u8>,
    /// Where each cell of the current row ends.
    ends: Vec<usize>,
}

impl<R: Read> Rows<R> {
    /// Rows from `input`, whose first byte is on `line`. `file_start`: `input` is a whole
    /// file (a BOM at its start is dropped), not a part cut from one.
    pub fn new(input: R, line: u64, file_start: bool) -> Self {
        let mut core = Core::new();
        // `csv_core` drops a BOM at the start of the first input it is given, wherever that
        // is; here it first sees a row in the middle of the file, so it is told it has read
        // already (an empty output takes nothing and changes no state).
        let _ = core.read_record(b",", &mut [], &mut []);
        Rows {
            input,
            buf: vec![0; CHUNK],
            pos: 0,
            filled: 0,
            read: 0,
            scanned: 0,
            eof: false,
            at_start: file_start,
            line,
            start: line,
            core,
            fields: vec![0; 256],
            ends: Vec::with_capacity(32),
        }
    }

    /// How many bytes of the input were taken (rows, blank lines and a dropped BOM).
    pub fn taken(&self) -> usize {
        let unread = self.filled.saturating_sub(self.pos);
        self.read.saturating_sub(unread)
    }

    /// The line of the next byte.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The next row, `None` at the end of the input. Fails only when the input does.
    pub fn next_row(&mut self) -> io::Result<Option<Row<'_>>> {
        if self.at_start {
            self.drop_bom()?;
        }
        loop {
            let rest = self.buf.get(self.pos..self.filled).unwrap_or_default();
            let mut found = if self.scanned == 0 {
                scan::line(rest, &mut self.ends)
            } else {
                // A row longer than one read: its end is found first, so that it is not
                // scanned again after every read.
                let from = self.scanned.min(rest.len());
                match memchr::memchr(b'\n', rest.get(from..).unwrap_or_default()) {
                    Some(_) => scan::line(rest, &mut self.ends),
                    None => scan::Scanned {
                        newline: None,
                        special: false,
                    },
                }
            };
            let (len, newline) = match found.newline {
                Some(at) => (at, true),
                None if !self.eof => {
                    self.scanned = rest.len();
                    self.fill()?;
                    continue;
                }
                None if rest.is_empty() => return Ok(None),
                None => {
                    // The last row, without a line end.
                    found = scan::line(rest, &mut self.ends);
                    (rest.len(), false)
                }
            };
            self.scanned = 0;
            let text = rest.get(..len).unwrap_or_default();
            let (text_len, crlf) = match found.special.then(|| memchr::memchr2(b'"', b'\r', text)) {
                None | Some(None) => (len, false),
                Some(Some(at)) if at.saturating_add(1) == len && text.get(at) == Some(&b'\r') => {
                    (at, true)
                }
                // A quote, or a `\r` inside the line: the full rules read this row.
                Some(Some(_)) => return self.full_row(),
            };
            let row_start = self.pos;
            self.pos = self
                .pos
                .saturating_add(len)
                .saturating_add(usize::from(newline));
            let step = u64::from(newline);
            if text_len == 0 {
                // A blank line: the crate skips it, still looking for the next row.
                self.line = self.line.saturating_add(step);
                continue;
            }
            let at = self.start;
            if crlf {
                self.start = self.line;
                self.line = self.line.saturating_add(step);
            } else {
                self.line = self.line.saturating_add(step);
                self.start = self.line;
            }
            let text = self
                .buf
                .get(row_start..row_start.saturating_add(text_len))
                .unwrap_or_default();
            // The commas were found by the scan; the last cell ends where the text does.
            self.ends.push(text_len);
            return Ok(Some(Row {
                line: at,
                text,
                ends: &self.ends,
                gap: 1,
            }));
        }
    }

    /// Drops a BOM at the start of the file, as the crate does.
    fn drop_bom(&mut self) -> io::Result<()> {
        while self.filled < BOM.len() && !self.eof {
            self.fill()?;
        }
        if self.buf.get(..BOM.len()) == Some(BOM) && self.filled >= BOM.len() {
            self.pos = BOM.len();
        }
        self.at_start = false;
        Ok(())
    }

    /// Reads the next row with the crate's state machine, from `pos` (a row's start, or a
    /// blank line's, never the `\n` after a `\r`).
    fn full_row(&mut self) -> io::Result<Option<Row<'_>>> {
        self.core.set_line(self.line);
        let (mut out, mut ends) = (0_usize, 0_usize);
        self.ends.clear();
        self.ends.resize(32, 0);
        loop {
            let input = self.buf.get(self.pos..self.filled).unwrap_or_default();
            let at_end = input.is_empty();
            let output = self.fields.get_mut(out..).unwrap_or_default();
            let end_slots = self.ends.get_mut(ends..).unwrap_or_default();
            let (result, nin, nout, nend) = self.core.read_record(input, output, end_slots);
            self.pos = self.pos.saturating_add(nin);
            out = out.saturating_add(nout);
            ends = ends.saturating_add(nend);
            match result {
                ReadRecordResult::InputEmpty => {
                    if !self.eof {
                        self.fill()?;
                    } else if at_end {
                        // Not reached: `csv_core` ends the row or the input on empty input.
                        return Ok(None);
                    }
                }
                ReadRecordResult::OutputFull => {
                    let len = self.fields.len().saturating_mul(2);
                    self.fields.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let len = self.ends.len().saturating_mul(2);
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    let at = self.start;
                    self.line = self.core.line();
                    self.start = self.line;
                    self.ends.truncate(ends);
                    return Ok(Some(Row {
                        line: at,
                        text: self.fields.get(..out).unwrap_or_default(),
                        ends: &self.ends,
                        gap: 0,
                    }));
                }
                ReadRecordResult::End => {
                    self.line = self.core.line();
                    return Ok(None);
                }
            }
        }
    }

    /// Reads more input after the bytes not taken yet (moved to the front), growing the
    /// buffer when they fill it. Sets `eof` at the end of the input.
    fn fill(&mut self) -> io::Result<()> {
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled = self.filled.saturating_sub(self.pos);
            self.pos = 0;
        }
        if self.filled == self.buf.len() {
            let len = self.buf.len().saturating_mul(2);
            self.buf.resize(len, 0);
        }
        let free = self.buf.get_mut(self.filled..).unwrap_or_default();
        let read = self.input.read(free)?;
        if read == 0 {
            self.eof = true;
        }
        self.filled = self.filled.saturating_add(read);
        self.read = self.read.saturating_add(read);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csv::{ByteRecord, ReaderBuilder};
    use proptest::prelude::*;

    /// What the `csv` crate reads: each row's line and cells.
    fn by_crate(bytes: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
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

    /// What [`Rows`] reads, given the input `chunk` bytes at a time.
    fn by_rows(bytes: &[u8], chunk: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut rows = Rows::new(Trickle(bytes, chunk), 1, true);
        let mut out = Vec::new();
        while let Some(row) = rows.next_row().unwrap() {
            out.push((row.line, row.cells().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    #[test]
    fn rows_are_read_as_the_crate_reads_them() {
        let cases: [&[u8]; 12] = [
            b"a,b\nc,,d\n",
            b"a,b\r\nc,d\r\n\r\ne\r\n",
            b"\n\na\n\nb",
            b"a,\"b,\nc\",d\ne\n",
            b"a\rb\r\n\rc\n",
            b"\xEF\xBB\xBFballot_id,rank_1\n1,x\n",
            b"\xEF\xBB\xBF\"q\"\n1\n\xEF\xBB\xBF\"x\"\n",
            b"x\r\n\"y\"\r\n\r\nz\r\n",
            b"\"unclosed,\n",
            b"a\"b,c\n",
            b"\r\r\r\n\n",
            b"",
        ];
        for case in cases {
            for chunk in [1, 2, 3, 7, 1 << 16] {
                assert_eq!(by_rows(case, chunk), by_crate(case), "{case:?}, {chunk}");
            }
        }
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_are_read_as_the_crate_reads_them(
            bytes in prop::collection::vec(
                prop::sample::select(b"ab,,\n\n\r\"\xEF\xBB\xBF ".to_vec()), 0..80),
            chunk in 1_usize..9,
        ) {
            prop_assert_eq!(by_rows(&bytes, chunk), by_crate(&bytes));
        }
    }
}
