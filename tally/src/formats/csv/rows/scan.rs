//! Finding a row's end and its commas in one pass, eight bytes at a time.
//!
//! Ballot rows are short (30 to 50 bytes) and hold a comma every few bytes, at no regular
//! place: a `memchr` call per comma (or per row end) costs more than the cell it finds, and a
//! branch per byte is often mispredicted. Here each 8-byte word is compared with `\n`, `,`,
//! `"` and `\r` at once (the usual SWAR test for a zero byte), and only the commas' positions
//! are walked.

/// What [`line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scanned {
    /// Where the first `\n` is, if there is one.
    pub newline: Option<usize>,
    /// Whether a `"` or a `\r` comes before it (or anywhere, without a `\n`).
    pub special: bool,
}

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The top bit of each byte of `word` that is `byte`, and no other bit (exact: no carries
/// cross bytes).
#[inline(always)]
fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ ONES.wrapping_mul(u64::from(byte));
    !((x & LOW7).wrapping_add(LOW7) | x | LOW7)
}

/// Scans `bytes` up to the first `\n`, pushing the position of each comma before it onto
/// `commas` (cleared first).
pub(super) fn line(bytes: &[u8], commas: &mut Vec<usize>) -> Scanned {
    commas.clear();
    let mut special = false;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0_usize;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if let Some(at) = word_scan(word, base, commas, &mut special) {
            return Scanned {
                newline: Some(at),
                special,
            };
        }
        base = base.saturating_add(8);
    }
    // The last bytes, padded with zeros (which are none of the bytes looked for).
    let mut last = [0_u8; 8];
    for (slot, byte) in last.iter_mut().zip(chunks.remainder()) {
        *slot = *byte;
    }
    let newline = word_scan(u64::from_le_bytes(last), base, commas, &mut special);
    Scanned { newline, special }
}

/// One word of [`line`], its first byte at `base`: the position of its first `\n`, if any.
#[inline(always)]
fn word_scan(word: u64, base: usize, commas: &mut Vec<usize>, special: &mut bool) -> Option<usize> {
    let newlines = bytes_equal(word, b'\n');
    // The bytes before the first `\n` (all of them without one): below the lowest set bit,
    // moved down from the top of its byte to the bottom.
    let before = if newlines == 0 {
        u64::MAX
    } else {
        (newlines & newlines.wrapping_neg())
            .wrapping_shr(7)
            .wrapping_sub(1)
    };
    *special |= (bytes_equal(word, b'"') | bytes_equal(word, b'\r')) & before != 0;
    let mut found = bytes_equal(word, b',') & before;
    while found != 0 {
        let byte = usize::try_from(found.trailing_zeros() / 8).unwrap_or(0);
        commas.push(base.saturating_add(byte));
        found &= found.wrapping_sub(1);
    }
    (newlines != 0).then(|| {
        let byte = usize::try_from(newlines.trailing_zeros() / 8).unwrap_or(0);
        base.saturating_add(byte)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_scan_finds_what_a_plain_loop_finds(
            bytes in prop::collection::vec(
                prop::sample::select(b"a,\n\r\"\0\x80\xFF\x7F\x2C\x0B".to_vec()), 0..40),
        ) {
            let end = bytes.iter().position(|b| *b == b'\n');
            let line = &bytes[..end.unwrap_or(bytes.len())];
            let want: Vec<usize> = (0..line.len()).filter(|i| line[*i] == b',').collect();
            let special = line.iter().any(|b| *b == b'"' || *b == b'\r');
            let mut commas = vec![99];
            let got = super::line(&bytes, &mut commas);
            prop_assert_eq!(got, Scanned { newline: end, special });
            prop_assert_eq!(commas, want);
        }
    }
}
