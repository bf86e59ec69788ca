//! Errors of the ballot file readers and writers: every read error names where it is
//! (line and column, both from 1) and what was wrong.

use std::fmt;

/// A ballot file could not be read. Displays as `line 4, column 7: expected a candidate
/// number from 1 to 5, found 9`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ParseError {
    /// The line, from 1; 0 when the problem concerns the file as a whole (a CDF reference
    /// that points nowhere, a missing contest).
    pub line: u64,
    /// The column, from 1, counted in characters (CSV: the field number); 0 when unknown.
    pub column: u64,
    /// What was wrong.
    pub problem: Problem,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (0, _) => write!(f, "{}", self.problem),
            (line, 0) => write!(f, "line {line}: {}", self.problem),
            (line, column) => write!(f, "line {line}, column {column}: {}", self.problem),
        }
    }
}

impl ParseError {
    /// An error at a position.
    pub fn new(line: u64, column: u64, problem: Problem) -> Self {
        ParseError {
            line,
            column,
            problem,
        }
    }

    /// "expected `expected`, found `found`" at a position.
    pub fn expected(
        line: u64,
        column: u64,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        ParseError::new(
            line,
            column,
            Problem::Expected {
                expected: expected.into(),
                found: found.into(),
            },
        )
    }

    /// A problem with no single position (CDF references).
    pub fn whole(problem: Problem) -> Self {
        ParseError::new(0, 0, problem)
    }
}

/// What was wrong with a ballot file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Something other than what the format allows at this point.
    #[error("expected {expected}, found {found}")]
    Expected {
        /// What the format allows here, in words.
        expected: String,
        /// What the file has instead, in words.
        found: String,
    },
    /// One ballot ranks (or approves, or scores) the same option twice.
    #[error("{option} appears more than once on this ballot")]
    RepeatedOption {
        /// The option's name, or its number where names are not known yet (BLT).
        option: String,
    },
    /// Two options have the same name.
    #[error("the option name {name:?} is used twice")]
    DuplicateName {
        /// The repeated name.
        name: String,
    },
    /// Identical ballots whose weights add up to more than 2^64 - 1.
    #[error("the ballots' weights add up to more than {}", u64::MAX)]
    WeightOverflow,
    /// More options than [`super::MAX_OPTIONS`].
    #[error("more than {} options", super::MAX_OPTIONS)]
    TooManyOptions,
    /// The input could not be read (an I/O error, or bytes that are not UTF-8 where text is
    /// needed).
    #[error("could not read the input: {message}")]
    Read {
        /// The reader's message.
        message: String,
    },
    /// A CDF reference, contest or structure that does not fit (the message says which).
    #[error("{message}")]
    Invalid {
        /// What is wrong, naming the record.
        message: String,
    },
}

/// A contest could not be written in the chosen format.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The writer failed.
    #[error("could not write: {0}")]
    Io(#[from] std::io::Error),
    /// The contest holds something the format cannot express (the message says what).
    #[error("cannot write this contest: {0}")]
    Unrepresentable(String),
}

/// Describes a token for "found …" in messages: as is when it is a plain word or number,
/// else quoted and shortened.
pub(crate) fn describe(token: &[u8]) -> String {
    if token.is_empty() {
        return "nothing".to_owned();
    }
    let plain = |b: &u8| b.is_ascii_alphanumeric() || b"-+._=".contains(b);
    if token.len() <= 40 && token.iter().all(plain) {
        return String::from_utf8_lossy(token).into_owned();
    }
    let text = String::from_utf8_lossy(token);
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    format!("{short:?}")
}

/// The 1-based character column of byte offset `at` in `line` (UTF-8 continuation bytes
/// are not counted).
pub(crate) fn column_of(line: &[u8], at: usize) -> u64 {
    let before = line.get(..at).unwrap_or(line);
    let chars = before.iter().filter(|b| (**b & 0xC0) != 0x80).count();
    u64::try_from(chars).unwrap_or(u64::MAX).saturating_add(1)
}
