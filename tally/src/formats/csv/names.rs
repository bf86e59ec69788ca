//! Option names and their indices, fixed in advance or numbered as they first appear.
//!
//! Every cell of every row is looked up here, so the lookup is on the hot path, and a
//! contest has a few options, often a dozen. The first [`SLOTS`] names or so are found without
//! hashing their bytes: a name's length and first eight bytes (its [`Head`], two loads) pick a
//! slot in a small table, and the name there is the one when its head is the same (names up
//! to eight bytes long are then equal; longer ones are compared). A hash lookup took about
//! three times as long. Names that find their slot taken, and all names once there are many,
//! go through a hash table.

use super::{MAX_OPTIONS, ParseError, Problem, describe};
use std::collections::HashMap;

/// Slots of the small table (a power of two, so that a slot is the top bits of a product).
const SLOTS: usize = 256;

/// A name's length and a word made of its bytes: equal heads mean equal names up to eight
/// bytes long, and equal first eight bytes for longer ones (whose length may saturate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    word: u64,
    len: u32,
}

/// A slot of the small table: a name's head and index (16 bytes, so the table is 4 KiB).
#[derive(Debug, Clone, Copy)]
struct Slot {
    word: u64,
    len: u32,
    /// [`Slot::EMPTY`]'s: no name.
    index: u32,
}

impl Slot {
    const EMPTY: Slot = Slot {
        word: 0,
        len: 0,
        index: u32::MAX,
    };

    fn head(self) -> Head {
        Head {
            word: self.word,
            len: self.len,
        }
    }
}

impl Head {
    fn of(name: &[u8]) -> Head {
        let u32_at =
            |chunk: Option<&[u8; 4]>| u64::from(u32::from_le_bytes(*chunk.unwrap_or(&[0; 4])));
        let byte_at = |i: usize| u64::from(name.get(i).copied().unwrap_or(0));
        let len = name.len();
        let word = match len {
            // Two overlapping reads cover 4 to 7 bytes; with the length they tell the bytes.
            8.. => u64::from_le_bytes(*name.first_chunk().unwrap_or(&[0; 8])),
            4..=7 => u32_at(name.first_chunk()) | u32_at(name.last_chunk()).wrapping_shl(32),
            _ => {
                byte_at(0)
                    | byte_at(len / 2).wrapping_shl(8)
                    | byte_at(len.saturating_sub(1)).wrapping_shl(16)
            }
        };
        Head {
            word,
            len: u32::try_from(len).unwrap_or(u32::MAX),
        }
    }

    /// The name's slot in the small table.
    fn slot(self) -> usize {
        let mixed = (self.word ^ u64::from(self.len))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_shr(56);
        usize::try_from(mixed).unwrap_or(0)
    }
}

#[derive(Debug)]
pub(super) struct Names {
    /// Slot by slot, the name there, if any.
    slots: Box<[Slot; SLOTS]>,
    /// Every name's index.
    index: HashMap<Box<[u8]>, usize, foldhash::fast::RandomState>,
    /// Every name, by index.
    pub names: Vec<String>,
    /// Whether names beyond those given in advance are an error.
    fixed: bool,
}

impl Names {
    /// The names of `order` (which must differ), or none yet.
    pub fn new(order: Option<&[String]>) -> Result<Self, ParseError> {
        let mut names = Names {
            slots: Box::new([Slot::EMPTY; SLOTS]),
            index: HashMap::default(),
            names: Vec::new(),
            fixed: false,
        };
        for name in order.unwrap_or_default() {
            if names.index.contains_key(name.as_bytes()) {
                let name = name.clone();
                return Err(ParseError::whole(Problem::DuplicateName { name }));
            }
            names.insert(name.as_bytes(), name.clone())?;
        }
        names.fixed = order.is_some();
        Ok(names)
    }

    /// The index of `name`, numbering it if it is new (an error if the names are fixed, or
    /// if it is not UTF-8). `line` and `column` place the error.
    pub fn index(&mut self, name: &[u8], line: u64, column: u64) -> Result<usize, ParseError> {
        if let Some(index) = self.find(name) {
            return Ok(index);
        }
        if self.fixed {
            let expected = "one of the options of the given order";
            return Err(ParseError::expected(line, column, expected, describe(name)));
        }
        let text = std::str::from_utf8(name).map_err(|_| {
            let message = "an option name that is not valid UTF-8".to_owned();
            ParseError::new(line, column, Problem::Read { message })
        })?;
        self.insert(name, text.to_owned())
            .map_err(|error| ParseError {
                line,
                column,
                ..error
            })
    }

    /// The index of a known name: what [`Names::index`] gives without numbering a new one
    /// (apart so that it inlines into the loop over cells).
    #[inline(always)]
    pub fn find(&self, name: &[u8]) -> Option<usize> {
        let head = Head::of(name);
        if let Some(slot) = self.slots.get(head.slot()) {
            let index = usize::try_from(slot.index).unwrap_or(usize::MAX);
            let long = name.len() > 8;
            let same = || self.names.get(index).is_some_and(|n| n.as_bytes() == name);
            if slot.head() == head && slot.index != u32::MAX && (!long || same()) {
                return Some(index);
            }
        }
        self.index.get(name).copied()
    }

    fn insert(&mut self, name: &[u8], text: String) -> Result<usize, ParseError> {
        let index = self.names.len();
        if index >= MAX_OPTIONS {
            return Err(ParseError::whole(Problem::TooManyOptions));
        }
        let head = Head::of(name);
        if let (Some(slot), Ok(small)) = (self.slots.get_mut(head.slot()), u32::try_from(index))
            && slot.index == u32::MAX
            && small != u32::MAX
        {
            *slot = Slot {
                word: head.word,
                len: head.len,
                index: small,
            };
        }
        self.index.insert(name.into(), index);
        self.names.push(text);
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_by_scan_and_by_hash_alike() {
        let mut names = Names::new(None).unwrap();
        let spelled: Vec<String> = (0..SLOTS * 2)
            .map(|i| format!("{}{i}", "n".repeat(i % 11)))
            .collect();
        for (i, name) in spelled.iter().enumerate() {
            assert_eq!(names.index(name.as_bytes(), 1, 1), Ok(i));
            for (j, earlier) in spelled.iter().enumerate().take(i + 1) {
                assert_eq!(names.find(earlier.as_bytes()), Some(j));
            }
            assert_eq!(names.find(b"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"), None);
            assert_eq!(names.find(b""), None);
        }
    }

    #[test]
    fn a_name_of_zero_bytes_is_not_an_empty_name() {
        let mut names = Names::new(None).unwrap();
        assert_eq!(names.index(b"\0", 1, 1), Ok(0));
        assert_eq!(names.find(b""), None);
        assert_eq!(names.find(b"\0\0"), None);
        assert_eq!(names.index(b"", 1, 1), Ok(1));
    }
}
