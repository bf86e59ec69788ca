//! The BLT reader's view of its input: one line at a time with its number, split into
//! tokens or quoted strings, and errors placed at a character column.

use crate::formats::{
    ParseError, Problem,
    error::{column_of, describe},
};
use std::io::BufRead;

/// A token of a ballot or header line: its bytes and where it starts in the line.
#[derive(Debug)]
pub(super) struct Token {
    pub(super) at: usize,
    pub(super) text: Vec<u8>,
}

/// The input, one line at a time, with the current line number for errors.
pub(super) struct Lines<R> {
    input: R,
    pub(super) line: Vec<u8>,
    number: u64,
}

impl<R: BufRead> Lines<R> {
    pub(super) fn new(input: R) -> Self {
        Lines {
            input,
            line: Vec::new(),
            number: 0,
        }
    }

    /// Moves to the next line holding something other than blanks and a comment; false at
    /// the end of the input.
    pub(super) fn next_significant(&mut self) -> Result<bool, ParseError> {
        loop {
            self.line.clear();
            let read = self.input.read_until(b'\n', &mut self.line).map_err(|e| {
                let message = e.to_string();
                ParseError::new(self.number.saturating_add(1), 0, Problem::Read { message })
            })?;
            if read == 0 {
                return Ok(false);
            }
            self.number = self.number.saturating_add(1);
            while self.line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                self.line.pop();
            }
            if self.number == 1 && self.line.starts_with(b"\xEF\xBB\xBF") {
                self.line.drain(..3);
            }
            let start = self.first_non_blank();
            if !matches!(self.line.get(start), None | Some(b'#')) {
                return Ok(true);
            }
        }
    }

    pub(super) fn first_non_blank(&self) -> usize {
        self.line
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(self.line.len())
    }

    /// Splits the current line into tokens at blanks, `=` being a token of its own, up to
    /// a `#`. A `(ballot id)` at the start is one token, blanks included.
    pub(super) fn tokens(&self) -> Vec<Token> {
        let mut tokens: Vec<Token> = Vec::new();
        let mut bytes = self.line.iter().copied().enumerate().peekable();
        while let Some((at, byte)) = bytes.next() {
            match byte {
                b'#' => break,
                b'(' if tokens.is_empty() => {
                    let mut text = vec![byte];
                    for (_, b) in bytes.by_ref() {
                        text.push(b);
                        if b == b')' {
                            break;
                        }
                    }
                    tokens.push(Token { at, text });
                }
                b'=' => tokens.push(Token {
                    at,
                    text: vec![b'='],
                }),
                b if b.is_ascii_whitespace() => {}
                _ => {
                    let mut text = vec![byte];
                    while let Some((_, b)) =
                        bytes.next_if(|(_, b)| !b.is_ascii_whitespace() && !b"#=".contains(b))
                    {
                        text.push(b);
                    }
                    tokens.push(Token { at, text });
                }
            }
        }
        tokens
    }

    /// The quoted strings of the current line, with where each starts. The first `required`
    /// strings must be there (else an error with `expected(k)` for the k-th); after them,
    /// text that is not a complete quoted string is free text: it and everything after it are
    /// ignored, and the result is `false` (nothing more is to be read).
    pub(super) fn quoted_strings(
        &self,
        expected: &dyn Fn(usize) -> String,
        required: usize,
        strings: &mut Vec<(usize, String)>,
    ) -> Result<bool, ParseError> {
        let mut at = 0;
        while let Some(&byte) = self.line.get(at) {
            let strict = strings.len() < required;
            if byte == b'#' {
                break;
            }
            if byte.is_ascii_whitespace() {
                at = at.saturating_add(1);
                continue;
            }
            let rest = self.line.get(at..).unwrap_or_default();
            if byte != b'"' {
                if !strict {
                    return Ok(false);
                }
                return Err(self.expected_at(at, expected(strings.len()), rest));
            }
            let inner = rest.get(1..).unwrap_or_default();
            let Some(length) = inner.iter().position(|b| *b == b'"') else {
                if !strict {
                    return Ok(false);
                }
                let end = self.line.len();
                return Err(self.expected_at(end, "a closing double quote", b""));
            };
            let text = inner.get(..length).unwrap_or_default();
            let Ok(text) = std::str::from_utf8(text) else {
                if !strict {
                    return Ok(false);
                }
                let message = "a name that is not valid UTF-8".to_owned();
                return Err(self.error_at(at, Problem::Read { message }));
            };
            strings.push((at, text.to_owned()));
            at = at.saturating_add(length).saturating_add(2);
        }
        Ok(true)
    }

    /// The current line's number, from 1.
    pub(super) fn line_number(&self) -> u64 {
        self.number
    }

    /// The character column, from 1, of byte offset `at` in the current line.
    pub(super) fn column(&self, at: usize) -> u64 {
        column_of(&self.line, at)
    }

    pub(super) fn error_at(&self, at: usize, problem: Problem) -> ParseError {
        ParseError::new(self.number, column_of(&self.line, at), problem)
    }

    pub(super) fn expected_at(
        &self,
        at: usize,
        expected: impl Into<String>,
        found: &[u8],
    ) -> ParseError {
        let found = if found.is_empty() {
            "the end of the line".to_owned()
        } else {
            describe(found)
        };
        ParseError::expected(self.number, column_of(&self.line, at), expected, found)
    }

    pub(super) fn error_at_end(&self, expected: impl Into<String>) -> ParseError {
        let line = self.number.saturating_add(1);
        ParseError::expected(line, 1, expected, "the end of the file")
    }
}
