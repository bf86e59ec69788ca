//! A ranked ballot stored flat: one `u32` per preference, most preferred first, a flag on each
//! option that shares the rank of the one before it (equal ranks only where marked), and an
//! optional last entry saying why the ballot stops there when a cast vote record said more
//! than it can count (an overvote, too many skipped ranks, a repeated option; RCTab's
//! inactive-ballot categories). One allocation per distinct ranking (the nested
//! `Vec<Vec<_>>` it replaces took one per rank); serde reads and writes the nested form, so
//! file formats and reports are unchanged.

use super::OptionIndex;
use serde::{Deserialize, Deserializer, Serialize, Serializer, de, ser::SerializeSeq};
use std::fmt;

/// Set on an entry whose option shares the rank of the entry before it.
const EQUAL: u32 = 1 << 31;
/// Entries from here on (flag clear) are not options but the reason the ballot ends.
const END: u32 = 0x7FFF_FF00;

/// Why a ballot stops counting after its last preference (RCTab `StatusForRound`; house style
/// `Exhaustion`). Quorate's own ballots always end with [`Exhaustion::NoContinuingOption`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Exhaustion {
    /// The ranking simply ends: once none of its options is continuing, the ballot is
    /// exhausted ("exhausted choices").
    #[default]
    NoContinuingOption,
    /// The cast vote record marked several options at the next rank, and the overvote rule
    /// exhausts the ballot there (RCTab `exhaustImmediately`).
    Overvote,
    /// The cast vote record skipped more consecutive ranks than allowed before its next mark
    /// (RCTab `maxSkippedRanksAllowed`).
    SkippedRank,
    /// The cast vote record ranked an option again, and the rules exhaust it there (RCTab
    /// `exhaustOnDuplicateCandidate`).
    RepeatedRank,
}

impl Exhaustion {
    /// Every reason, in the order of [`Exhaustion::code`].
    pub const ALL: [Exhaustion; 4] = [
        Exhaustion::NoContinuingOption,
        Exhaustion::Overvote,
        Exhaustion::SkippedRank,
        Exhaustion::RepeatedRank,
    ];

    /// 0 for the default, 1, 2, 3 for the others (their place in [`Exhaustion::ALL`]).
    pub fn code(self) -> usize {
        match self {
            Exhaustion::NoContinuingOption => 0,
            Exhaustion::Overvote => 1,
            Exhaustion::SkippedRank => 2,
            Exhaustion::RepeatedRank => 3,
        }
    }

    fn from_entry(entry: u32) -> Option<Exhaustion> {
        Exhaustion::ALL
            .into_iter()
            .skip(1)
            .find(|e| entry == END.saturating_add(u32::try_from(e.code()).unwrap_or(0)))
    }
}

/// Why a ranking could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RankingError {
    /// A rank with no option in it (ranks are consecutive; an empty ballot has no ranks).
    #[error("rank {rank} is empty; ranks must be consecutive")]
    EmptyRank {
        /// The rank, from 1.
        rank: usize,
    },
    /// An option index too large to store (at least 2,147,483,392).
    #[error("option {option} is beyond the options a ranking can hold")]
    OptionTooLarge {
        /// The index given.
        option: OptionIndex,
    },
}

/// A ranking, most preferred first. Each rank holds one option, or several ranked equal.
/// Empty (no rank) is an abstention, unless [`Ranking::exhaustion`] says the cast vote
/// record marked something that could not count.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Ranking {
    entries: Box<[u32]>,
}

impl Ranking {
    /// An empty ranking (an abstention).
    pub fn empty() -> Ranking {
        Ranking::default()
    }

    /// A ranking from ranks of options, most preferred first.
    pub fn from_ranks<R, O>(ranks: R) -> Result<Ranking, RankingError>
    where
        R: IntoIterator<Item = O>,
        O: IntoIterator<Item = OptionIndex>,
    {
        let mut entries = Vec::new();
        for (i, rank) in ranks.into_iter().enumerate() {
            let before = entries.len();
            for option in rank {
                let code = entry(option)?;
                let equal = entries.len() > before;
                entries.push(if equal { code | EQUAL } else { code });
            }
            if entries.len() == before {
                return Err(RankingError::EmptyRank {
                    rank: i.saturating_add(1),
                });
            }
        }
        Ok(Ranking {
            entries: entries.into_boxed_slice(),
        })
    }

    /// A ranking with one option per rank.
    pub fn strict(options: &[OptionIndex]) -> Result<Ranking, RankingError> {
        Ranking::from_ranks(options.iter().map(|&o| [o]))
    }

    /// The same preferences, ending for `exhaustion` after the last one.
    pub fn ending(mut self, exhaustion: Exhaustion) -> Ranking {
        let mut entries = self.entries.into_vec();
        if Ranking::end_of(&entries).is_some() {
            entries.pop();
        }
        if exhaustion != Exhaustion::NoContinuingOption {
            let code = u32::try_from(exhaustion.code()).unwrap_or(0);
            entries.push(END.saturating_add(code));
        }
        self.entries = entries.into_boxed_slice();
        self
    }

    /// Takes an encoding built by [`RankingBuilder`] (the readers' grouping key).
    pub(crate) fn from_entries(entries: Box<[u32]>) -> Ranking {
        Ranking { entries }
    }

    fn end_of(entries: &[u32]) -> Option<Exhaustion> {
        entries.last().copied().and_then(Exhaustion::from_entry)
    }

    /// The preference entries, without the closing reason.
    fn prefs(&self) -> &[u32] {
        match Ranking::end_of(&self.entries) {
            Some(_) => self.entries.split_last().map_or(&[], |(_, rest)| rest),
            None => &self.entries,
        }
    }

    /// Why the ballot stops after its last preference.
    pub fn exhaustion(&self) -> Exhaustion {
        Ranking::end_of(&self.entries).unwrap_or_default()
    }

    /// Whether the ranking has no rank at all.
    pub fn is_empty(&self) -> bool {
        self.prefs().is_empty()
    }

    /// Whether the ballot ranks nothing and says nothing else: an abstention (§0.2).
    pub fn is_abstention(&self) -> bool {
        self.entries.is_empty()
    }

    /// The number of options ranked (all ranks together).
    pub fn option_count(&self) -> usize {
        self.prefs().len()
    }

    /// The number of ranks.
    pub fn rank_count(&self) -> usize {
        self.prefs().iter().filter(|e| *e & EQUAL == 0).count()
    }

    /// Whether some rank holds several options.
    pub fn has_equal_ranks(&self) -> bool {
        self.prefs().iter().any(|e| e & EQUAL != 0)
    }

    /// Every ranked option, most preferred first (equal ranks in the order given).
    pub fn options(&self) -> impl Iterator<Item = OptionIndex> + '_ {
        self.prefs().iter().map(|&e| option_of(e))
    }

    /// Each option with its rank, from 0: `(rank, option)`.
    pub fn ranked_options(&self) -> impl Iterator<Item = (usize, OptionIndex)> + '_ {
        let mut rank = 0_usize;
        self.prefs().iter().enumerate().map(move |(i, &e)| {
            if i > 0 && e & EQUAL == 0 {
                rank = rank.saturating_add(1);
            }
            (rank, option_of(e))
        })
    }

    /// The ranks, most preferred first, each as its options.
    pub fn ranks(&self) -> impl Iterator<Item = Rank<'_>> + '_ {
        let prefs = self.prefs();
        let mut start = 0;
        std::iter::from_fn(move || {
            let rest = prefs.get(start..).filter(|rest| !rest.is_empty())?;
            let len = 1 + rest.iter().skip(1).take_while(|e| **e & EQUAL != 0).count();
            let entries = rest.get(..len)?;
            start += len;
            Some(Rank { entries })
        })
    }

    /// The ranking as nested ranks (the serde and file form).
    pub fn to_nested(&self) -> Vec<Vec<OptionIndex>> {
        self.ranks().map(|rank| rank.iter().collect()).collect()
    }
}

/// One rank of a [`Ranking`]: one option, or several ranked equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank<'a> {
    entries: &'a [u32],
}

impl Rank<'_> {
    /// The options of this rank.
    pub fn iter(&self) -> impl Iterator<Item = OptionIndex> + '_ {
        self.entries.iter().map(|&e| option_of(e))
    }

    /// How many options share this rank (at least 1).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Always false: a rank holds at least one option.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Builds rankings one option at a time into a reused buffer (the readers' fast path).
#[derive(Debug, Default, Clone)]
pub(crate) struct RankingBuilder {
    entries: Vec<u32>,
}

impl RankingBuilder {
    /// Starts a new ranking.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }

    /// Adds an option in a new rank, or in the rank of the option before it.
    pub(crate) fn push(
        &mut self,
        option: OptionIndex,
        same_rank: bool,
    ) -> Result<(), RankingError> {
        let code = entry(option)?;
        let equal = same_rank && !self.entries.is_empty();
        self.entries.push(if equal { code | EQUAL } else { code });
        Ok(())
    }

    /// Closes the ranking for `exhaustion` (nothing for the default).
    pub(crate) fn end(&mut self, exhaustion: Exhaustion) {
        if exhaustion != Exhaustion::NoContinuingOption {
            let code = u32::try_from(exhaustion.code()).unwrap_or(0);
            self.entries.push(END.saturating_add(code));
        }
    }

    /// The encoding so far: the key the readers group by.
    pub(crate) fn entries(&self) -> &[u32] {
        &self.entries
    }
}

fn entry(option: OptionIndex) -> Result<u32, RankingError> {
    u32::try_from(option)
        .ok()
        .filter(|code| *code < END)
        .ok_or(RankingError::OptionTooLarge { option })
}

fn option_of(entry: u32) -> OptionIndex {
    usize::try_from(entry & !EQUAL).unwrap_or(usize::MAX)
}

impl fmt::Debug for Ranking {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.exhaustion() {
            Exhaustion::NoContinuingOption => write!(f, "{:?}", self.to_nested()),
            end => write!(f, "{:?} then {end:?}", self.to_nested()),
        }
    }
}

/// Nested ranks (`[[0], [1, 2]]`), as `Vec<Vec<OptionIndex>>` was; a ranking that ends for
/// another reason than its options running out is `{"ranks": […], "exhaustion": "overvote"}`.
impl Serialize for Ranking {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.exhaustion() {
            Exhaustion::NoContinuingOption => {
                let mut seq = serializer.serialize_seq(Some(self.rank_count()))?;
                for rank in self.ranks() {
                    seq.serialize_element(&rank.iter().collect::<Vec<_>>())?;
                }
                seq.end()
            }
            exhaustion => Irregular {
                ranks: self.to_nested(),
                exhaustion,
            }
            .serialize(serializer),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Irregular {
    ranks: Vec<Vec<OptionIndex>>,
    exhaustion: Exhaustion,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Form {
    Nested(Vec<Vec<OptionIndex>>),
    Irregular(Irregular),
}

impl<'de> Deserialize<'de> for Ranking {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (ranks, exhaustion) = match Form::deserialize(deserializer)? {
            Form::Nested(ranks) => (ranks, Exhaustion::NoContinuingOption),
            Form::Irregular(Irregular { ranks, exhaustion }) => (ranks, exhaustion),
        };
        Ranking::from_ranks(ranks)
            .map(|r| r.ending(exhaustion))
            .map_err(de::Error::custom)
    }
}

impl TryFrom<Vec<Vec<OptionIndex>>> for Ranking {
    type Error = RankingError;

    fn try_from(ranks: Vec<Vec<OptionIndex>>) -> Result<Self, Self::Error> {
        Ranking::from_ranks(ranks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_stored_flat_and_read_back_nested() {
        let r = Ranking::from_ranks([vec![2], vec![0, 3], vec![1]]).unwrap();
        assert_eq!(r.to_nested(), vec![vec![2], vec![0, 3], vec![1]]);
        assert_eq!(r.options().collect::<Vec<_>>(), [2, 0, 3, 1]);
        assert_eq!(
            r.ranked_options().collect::<Vec<_>>(),
            [(0, 2), (1, 0), (1, 3), (2, 1)]
        );
        assert_eq!((r.rank_count(), r.option_count()), (3, 4));
        assert!(r.has_equal_ranks());
        assert!(!Ranking::strict(&[1, 0]).unwrap().has_equal_ranks());
    }

    #[test]
    fn an_empty_rank_cannot_be_built() {
        assert_eq!(
            Ranking::from_ranks([vec![1], vec![]]),
            Err(RankingError::EmptyRank { rank: 2 })
        );
        assert!(Ranking::strict(&[usize::MAX]).is_err());
    }

    #[test]
    fn the_reason_a_ballot_ends_is_kept_apart_from_its_options() {
        let r = Ranking::strict(&[4]).unwrap().ending(Exhaustion::Overvote);
        assert_eq!(r.options().collect::<Vec<_>>(), [4]);
        assert_eq!(r.exhaustion(), Exhaustion::Overvote);
        let at_once = Ranking::empty().ending(Exhaustion::SkippedRank);
        assert!(at_once.is_empty() && !at_once.is_abstention());
        assert!(Ranking::empty().is_abstention());
        assert_eq!(
            r.clone()
                .ending(Exhaustion::NoContinuingOption)
                .exhaustion(),
            Exhaustion::NoContinuingOption
        );
        assert_ne!(r, Ranking::strict(&[4]).unwrap());
    }

    #[test]
    fn serde_uses_the_nested_form() {
        let r = Ranking::from_ranks([vec![0], vec![1, 2]]).unwrap();
        let text = serde_json::to_string(&r).unwrap();
        assert_eq!(text, "[[0],[1,2]]");
        assert_eq!(serde_json::from_str::<Ranking>(&text).unwrap(), r);
        let irregular = r.clone().ending(Exhaustion::RepeatedRank);
        let text = serde_json::to_string(&irregular).unwrap();
        assert_eq!(
            text,
            r#"{"ranks":[[0],[1,2]],"exhaustion":"repeated_rank"}"#
        );
        assert_eq!(serde_json::from_str::<Ranking>(&text).unwrap(), irregular);
        assert!(serde_json::from_str::<Ranking>("[[0],[]]").is_err());
    }
}
