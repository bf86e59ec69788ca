//! The readers' grouping key: a ranking as it is read, packed into 16 bytes when it fits
//! (nearly always: at most 15 options ranked, each numbered below 127), else in the flat
//! [`Ranking`] encoding.
//!
//! Why pack: a large file of nearly all-distinct rankings spends most of its grouping time
//! hashing and comparing keys and allocating one per new ranking. A packed key hashes with
//! one multiplication, compares in two instructions and sits in the table itself; the
//! [`Ranking`] is built once, when the groups are handed out.

use crate::ballot::{Exhaustion, OptionIndex, Ranking, RankingBuilder, RankingError};
use std::hash::{Hash, Hasher};

/// Up to 15 entries of one byte, most preferred first, then zero bytes: `option + 1`, with the
/// top bit set when the option shares the rank of the one before it. The last byte is the
/// [`Exhaustion::code`]. Byte `i` is byte `i % 8` (little-endian) of `low` for `i < 8`, of
/// `high` after.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Packed {
    low: u64,
    high: u64,
}

/// Entries a packed key holds (the 16th byte is the exhaustion code).
const ENTRIES: usize = 15;
/// Options below this fit in an entry byte beside its flag, with 0 left for "no entry".
const OPTIONS: OptionIndex = 127;
const EQUAL: u8 = 0x80;

impl Hash for Packed {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // One call: foldhash mixes a `u128` with a single folded multiplication.
        state.write_u128(u128::from(self.low) | u128::from(self.high).wrapping_shl(64));
    }
}

impl Packed {
    /// Not a packed ranking (its last byte is no exhaustion code): marks a group whose key is
    /// a long one, in the list of keys by place.
    pub(crate) const LONG: Packed = Packed {
        low: 0,
        high: u64::MAX,
    };

    fn byte(self, i: usize) -> u8 {
        let (word, at) = if i < 8 {
            (self.low, i)
        } else {
            (self.high, i.saturating_sub(8))
        };
        let shift = u32::try_from(at.saturating_mul(8)).unwrap_or(0);
        u8::try_from(word.wrapping_shr(shift) & 0xFF).unwrap_or(0)
    }

    /// Sets byte `i` (below 16).
    fn set_byte(&mut self, i: usize, byte: u8) {
        let (word, at) = if i < 8 {
            (&mut self.low, i)
        } else {
            (&mut self.high, i.saturating_sub(8))
        };
        let shift = u32::try_from(at.saturating_mul(8)).unwrap_or(0);
        *word = (*word & !0xFF_u64.wrapping_shl(shift)) | u64::from(byte).wrapping_shl(shift);
    }

    /// Each option with whether it shares the rank of the option before it, in order.
    pub(crate) fn options(self) -> impl Iterator<Item = (OptionIndex, bool)> {
        (0..ENTRIES)
            .map(move |i| self.byte(i))
            .take_while(|byte| *byte != 0)
            .map(|byte| {
                let option = OptionIndex::from(byte & !EQUAL).saturating_sub(1);
                (option, byte & EQUAL != 0)
            })
    }

    pub(crate) fn exhaustion(self) -> Exhaustion {
        let code = usize::from(self.byte(ENTRIES));
        Exhaustion::ALL.get(code).copied().unwrap_or_default()
    }

    /// This key with option `i` renumbered by `bytes`: `bytes[i + 1]` is the entry byte of
    /// option `i`'s new number (see [`Packed::renumbering`]), 0 when that number does not
    /// pack. `None` when some option's does not.
    pub(crate) fn renumber(self, bytes: &[u8; 128]) -> Option<Packed> {
        let mut out = Packed::default();
        for i in 0..ENTRIES {
            let byte = self.byte(i);
            if byte == 0 {
                break;
            }
            let to = bytes.get(usize::from(byte & !EQUAL)).copied().unwrap_or(0);
            if to == 0 {
                return None;
            }
            out.set_byte(i, to | (byte & EQUAL));
        }
        out.set_byte(ENTRIES, self.byte(ENTRIES));
        Some(out)
    }

    /// The table [`Packed::renumber`] reads for a renumbering `map` (option `i` becomes
    /// `map[i]`).
    pub(crate) fn renumbering(map: &[OptionIndex]) -> [u8; 128] {
        let mut bytes = [0_u8; 128];
        for (slot, to) in bytes.iter_mut().skip(1).zip(map) {
            if *to < OPTIONS {
                *slot = u8::try_from(to.saturating_add(1)).unwrap_or(0);
            }
        }
        bytes
    }

    /// The [`Ranking`] this key stands for (one allocation; `scratch` is reused).
    pub(crate) fn to_ranking(self, scratch: &mut RankingBuilder) -> Ranking {
        scratch.clear();
        for (option, same_rank) in self.options() {
            // Cannot fail: every option of a packed key is below 127.
            let _ = scratch.push(option, same_rank);
        }
        scratch.end(self.exhaustion());
        Ranking::from_entries(scratch.entries().into())
    }
}

/// A [`Packed`] key as a grouping table stores it: the same 16 bytes as four `u32`s, aligned
/// to 4 bytes, so that a table entry (this key and a `u32` place) takes 20 bytes instead of
/// 24: a sixth less table memory. Keys are built as [`Packed`] (aligned words are faster to
/// build byte by byte) and turned into this to be looked up, which costs two moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stored([u32; 4]);

impl Hash for Stored {
    fn hash<H: Hasher>(&self, state: &mut H) {
        Packed::from(*self).hash(state);
    }
}

impl From<Packed> for Stored {
    fn from(packed: Packed) -> Stored {
        let word =
            |w: u64, shift: u32| u32::try_from(w.wrapping_shr(shift) & 0xFFFF_FFFF).unwrap_or(0);
        Stored([
            word(packed.low, 0),
            word(packed.low, 32),
            word(packed.high, 0),
            word(packed.high, 32),
        ])
    }
}

impl From<Stored> for Packed {
    fn from(Stored([a, b, c, d]): Stored) -> Packed {
        Packed {
            low: u64::from(a) | u64::from(b).wrapping_shl(32),
            high: u64::from(c) | u64::from(d).wrapping_shl(32),
        }
    }
}

/// A key being built: packed while it fits, then in the flat encoding.
#[derive(Debug, Clone)]
pub(crate) struct KeyBuilder {
    packed: Packed,
    /// Entries so far, or `None` once the ranking no longer fits a packed key (then `long`
    /// holds it).
    len: Option<usize>,
    long: RankingBuilder,
}

impl Default for KeyBuilder {
    fn default() -> Self {
        KeyBuilder {
            packed: Packed::default(),
            len: Some(0),
            long: RankingBuilder::default(),
        }
    }
}

/// A finished key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key<'a> {
    Packed(Packed),
    Long(&'a [u32]),
}

impl KeyBuilder {
    pub(crate) fn clear(&mut self) {
        self.packed = Packed::default();
        self.len = Some(0);
        self.long.clear();
    }

    /// Adds an option in a new rank, or in the rank of the option before it.
    pub(crate) fn push(
        &mut self,
        option: OptionIndex,
        same_rank: bool,
    ) -> Result<(), RankingError> {
        match self.len {
            Some(len) if len < ENTRIES && option < OPTIONS => {
                let equal = if same_rank && len > 0 { EQUAL } else { 0 };
                let byte = u8::try_from(option.saturating_add(1)).unwrap_or(0) | equal;
                self.packed.set_byte(len, byte);
                self.len = Some(len.saturating_add(1));
                Ok(())
            }
            Some(_) => {
                // It no longer fits: on in the flat encoding, from what was packed.
                self.len = None;
                self.long.clear();
                for (option, same_rank) in self.packed.options() {
                    self.long.push(option, same_rank)?;
                }
                self.long.push(option, same_rank)
            }
            None => self.long.push(option, same_rank),
        }
    }

    /// Closes the key for `exhaustion` (nothing for the default).
    pub(crate) fn end(&mut self, exhaustion: Exhaustion) {
        match self.len {
            Some(_) => {
                let code = u8::try_from(exhaustion.code()).unwrap_or(0);
                self.packed.set_byte(ENTRIES, code);
            }
            None => self.long.end(exhaustion),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == Some(0)
    }

    pub(crate) fn key(&self) -> Key<'_> {
        match self.len {
            Some(_) => Key::Packed(self.packed),
            None => Key::Long(self.long.entries()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn built(ranks: &[Vec<usize>], end: Exhaustion) -> KeyBuilder {
        let mut builder = KeyBuilder::default();
        builder.clear();
        for rank in ranks {
            for (i, option) in rank.iter().enumerate() {
                builder.push(*option, i > 0).unwrap();
            }
        }
        builder.end(end);
        builder
    }

    proptest! {
        #[test]
        fn a_stored_key_is_the_packed_key(low in any::<u64>(), high in any::<u64>()) {
            let packed = Packed { low, high };
            prop_assert_eq!(Packed::from(Stored::from(packed)), packed);
        }

        #[test]
        fn a_packed_key_gives_back_its_ranking(
            ranks in prop::collection::vec(prop::collection::vec(0_usize..140, 1..3), 0..10),
            end in prop::sample::select(Exhaustion::ALL.to_vec()),
        ) {
            let builder = built(&ranks, end);
            let ranking = Ranking::from_ranks(ranks.clone()).unwrap().ending(end);
            let fits = ranks.iter().flatten().count() <= ENTRIES
                && ranks.iter().flatten().all(|o| *o < OPTIONS);
            match builder.key() {
                Key::Packed(packed) => {
                    prop_assert!(fits);
                    prop_assert_ne!(packed, Packed::LONG);
                    prop_assert_eq!(packed.to_ranking(&mut RankingBuilder::default()), ranking);
                }
                Key::Long(entries) => {
                    prop_assert!(!fits);
                    prop_assert_eq!(Ranking::from_entries(entries.into()), ranking);
                }
            }
        }

        #[test]
        fn renumbering_byte_by_byte_is_renumbering_the_ranking(
            ranks in prop::collection::vec(prop::collection::vec(0_usize..127, 1..3), 0..8),
            shift in 0_usize..200,
        ) {
            let map: Vec<usize> = (0..127_usize)
                .map(|o| o.wrapping_mul(7).wrapping_add(shift) % 200)
                .collect();
            let Key::Packed(packed) = built(&ranks, Exhaustion::Overvote).key() else {
                return Ok(());
            };
            let renumbered: Vec<Vec<usize>> =
                ranks.iter().map(|rank| rank.iter().map(|o| map[*o]).collect()).collect();
            let want = built(&renumbered, Exhaustion::Overvote);
            match packed.renumber(&Packed::renumbering(&map)) {
                Some(got) => prop_assert_eq!(Key::Packed(got), want.key()),
                None => prop_assert!(matches!(want.key(), Key::Long(_))),
            }
        }
    }
}
