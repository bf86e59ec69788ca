//! Cutting a file held in memory into parts of whole rows, for reading them in parallel.

use super::{next, reader};
use crate::formats::{
    ParseError,
    parts::{Part, cut},
};
use csv::ByteRecord;

/// Splits a whole file into its header row and up to `parts` parts of whole rows from the
/// `first_vote_row`-th record on (the records between are not read, as RCTab skips them).
/// Cuts fall on line ends outside quoted fields.
pub fn split(
    bytes: &[u8],
    first_vote_row: u64,
    parts: usize,
) -> Result<(ByteRecord, Vec<Part<'_>>), ParseError> {
    let mut reader = reader(bytes);
    let mut header = ByteRecord::new();
    if !next(&mut reader, &mut header, 0)? {
        let expected = "a header row naming the candidates";
        return Err(ParseError::expected(1, 1, expected, "the end of the file"));
    }
    let mut skipped = ByteRecord::new();
    for _ in 0..first_vote_row.saturating_sub(2) {
        if !next(&mut reader, &mut skipped, 0)? {
            break;
        }
    }
    let position = reader.position();
    let start = usize::try_from(position.byte()).unwrap_or(bytes.len());
    let line = position.line();
    let body = bytes.get(start..).unwrap_or_default();
    Ok((header, cut(body, line, parts.max(1))))
}
