//! The start of a BLT file: `candidates seats`, then, before the first ballot, withdrawn
//! candidates (OpenSTV's negative numbers, Droop's `[withdrawn 4 7]`) and Droop's tie-break
//! order `[tie 3 2 1]`, in any order and on as many lines as they take.

use super::{
    lines::{Lines, Token},
    parse_number,
};
use crate::{
    ballot::OptionIndex,
    formats::{MAX_OPTIONS, ParseError},
};
use std::io::BufRead;

/// What the header and its option lines say.
pub(super) struct Header {
    /// The number of candidates.
    pub(super) candidates: usize,
    /// The number of seats.
    pub(super) seats: u32,
    /// Withdrawn candidates (0-based), in the order the file names them.
    pub(super) withdrawn: Vec<OptionIndex>,
    /// The `[tie …]` order (0-based), if the file gives one.
    pub(super) tie_order: Option<Vec<OptionIndex>>,
}

/// Reads `candidates seats` and the option lines after it; leaves `lines` on the first ballot
/// line (or the `0` that ends an empty ballot list), whose tokens are returned.
pub(super) fn read(lines: &mut Lines<impl BufRead>) -> Result<(Header, Vec<Token>), ParseError> {
    let (candidates, seats) = counts(lines)?;
    let mut header = Header {
        candidates,
        seats,
        withdrawn: Vec::new(),
        tie_order: None,
    };
    loop {
        if !lines.next_significant()? {
            return Err(lines.error_at_end("a ballot line or 0 (the end of the ballots)"));
        }
        let tokens = lines.tokens();
        let is_option = tokens.first().is_some_and(|t| {
            t.text.starts_with(b"[") || (t.text.starts_with(b"-") && t.text.len() > 1)
        });
        if !is_option {
            return Ok((header, tokens));
        }
        header.read_options(lines, tokens)?;
    }
}

/// `candidates seats`.
fn counts(lines: &mut Lines<impl BufRead>) -> Result<(usize, u32), ParseError> {
    const CANDIDATES: &str = "the number of candidates (from 1)";
    if !lines.next_significant()? {
        return Err(lines.error_at_end(CANDIDATES));
    }
    let tokens = lines.tokens();
    let mut tokens = tokens.iter();
    let Some(first) = tokens.next() else {
        return Err(lines.expected_at(lines.line.len(), CANDIDATES, b""));
    };
    let candidates = parse_number(&first.text)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| (1..=MAX_OPTIONS).contains(n))
        .ok_or_else(|| {
            let expected = format!("the number of candidates, from 1 to {MAX_OPTIONS}");
            lines.expected_at(first.at, expected, &first.text)
        })?;
    let seats_expected = format!("the number of seats, from 1 to {candidates}");
    let Some(second) = tokens.next() else {
        return Err(lines.expected_at(lines.line.len(), seats_expected, b""));
    };
    let seats = parse_number(&second.text)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1 && usize::try_from(*n).is_ok_and(|n| n <= candidates))
        .ok_or_else(|| lines.expected_at(second.at, seats_expected, &second.text))?;
    if let Some(extra) = tokens.next() {
        return Err(lines.expected_at(extra.at, "the end of the line", &extra.text));
    }
    Ok((candidates, seats))
}

/// An open `[name …` group: which option, and the items read so far with where each is
/// (line, column), for errors found when the group closes.
struct Open {
    name: Vec<u8>,
    items: Vec<(u64, u64, OptionIndex)>,
}

impl Header {
    /// One line of withdrawn numbers and `[…]` groups; a group may go on over later lines.
    fn read_options(
        &mut self,
        lines: &mut Lines<impl BufRead>,
        mut tokens: Vec<Token>,
    ) -> Result<(), ParseError> {
        let mut open: Option<Open> = None;
        loop {
            for token in &tokens {
                open = self.option_token(lines, token, open)?;
            }
            let Some(group) = &open else {
                return Ok(());
            };
            if !lines.next_significant()? {
                let name = String::from_utf8_lossy(&group.name).into_owned();
                return Err(lines.error_at_end(format!("\"]\" to close [{name} …]")));
            }
            tokens = lines.tokens();
        }
    }

    fn option_token(
        &mut self,
        lines: &Lines<impl BufRead>,
        token: &Token,
        open: Option<Open>,
    ) -> Result<Option<Open>, ParseError> {
        let text = token.text.as_slice();
        let Some(mut group) = open else {
            if let Some(name) = text.strip_prefix(b"[") {
                let (name, closed) = match name.strip_suffix(b"]") {
                    Some(name) => (name, true),
                    None => (name, false),
                };
                if name != b"tie" && name != b"withdrawn" {
                    let expected = "[tie …] or [withdrawn …]";
                    return Err(lines.expected_at(token.at, expected, text));
                }
                if name == b"tie" && self.tie_order.is_some() {
                    let (line, column) = (lines.line_number(), lines.column(token.at));
                    let found = "a second [tie …]";
                    return Err(ParseError::expected(line, column, "one [tie …]", found));
                }
                let group = Open {
                    name: name.to_vec(),
                    items: Vec::new(),
                };
                return if closed {
                    self.close(lines, token, group).map(|()| None)
                } else {
                    Ok(Some(group))
                };
            }
            let number = self.candidate(lines, token.at, text.strip_prefix(b"-"), text, true)?;
            self.withdraw(lines, token, number)?;
            return Ok(None);
        };
        let (item, closed) = match text.strip_suffix(b"]") {
            Some(item) => (item, true),
            None => (text, false),
        };
        if !item.is_empty() {
            let index = self.candidate(lines, token.at, Some(item), item, false)?;
            let (line, column) = (lines.line_number(), lines.column(token.at));
            group.items.push((line, column, index));
        }
        if closed {
            self.close(lines, token, group)?;
            return Ok(None);
        }
        Ok(Some(group))
    }

    /// A candidate number from 1 (`negated`: written `-n`).
    fn candidate(
        &self,
        lines: &Lines<impl BufRead>,
        at: usize,
        digits: Option<&[u8]>,
        found: &[u8],
        negated: bool,
    ) -> Result<OptionIndex, ParseError> {
        digits
            .and_then(parse_number)
            .and_then(|n| usize::try_from(n).ok())
            .filter(|n| (1..=self.candidates).contains(n))
            .map(|n| n.saturating_sub(1))
            .ok_or_else(|| {
                let expected = if negated {
                    format!("a withdrawn candidate from -1 to -{}", self.candidates)
                } else {
                    format!("a candidate number from 1 to {}", self.candidates)
                };
                lines.expected_at(at, expected, found)
            })
    }

    fn withdraw(
        &mut self,
        lines: &Lines<impl BufRead>,
        token: &Token,
        index: OptionIndex,
    ) -> Result<(), ParseError> {
        if self.withdrawn.contains(&index) {
            let (line, column) = (lines.line_number(), lines.column(token.at));
            return Err(withdrawn_twice(line, column, index));
        }
        self.withdrawn.push(index);
        Ok(())
    }

    /// A complete `[withdrawn …]` or `[tie …]`.
    fn close(
        &mut self,
        lines: &Lines<impl BufRead>,
        token: &Token,
        group: Open,
    ) -> Result<(), ParseError> {
        if group.name == b"withdrawn" {
            for (line, column, index) in group.items {
                if self.withdrawn.contains(&index) {
                    return Err(withdrawn_twice(line, column, index));
                }
                self.withdrawn.push(index);
            }
            return Ok(());
        }
        let mut order = Vec::with_capacity(self.candidates);
        for (line, column, index) in group.items {
            if order.contains(&index) {
                let found = format!("candidate {} again", index.saturating_add(1));
                let expected = "each candidate once in [tie …]";
                return Err(ParseError::expected(line, column, expected, found));
            }
            order.push(index);
        }
        if order.len() != self.candidates {
            let expected = format!("all {} candidates in [tie …]", self.candidates);
            let found = format!("{} of them", order.len());
            return Err(ParseError::expected(
                lines.line_number(),
                lines.column(token.at),
                expected,
                found,
            ));
        }
        self.tie_order = Some(order);
        Ok(())
    }
}

fn withdrawn_twice(line: u64, column: u64, index: OptionIndex) -> ParseError {
    let found = format!("candidate {} again", index.saturating_add(1));
    ParseError::expected(line, column, "each withdrawn candidate once", found)
}
