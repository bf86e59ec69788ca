//! Merging identical ballots while a file streams in (counting-rules.md §0.1), keeping the
//! order in which each distinct ballot first appears, as [`crate::ballot::group_ballots`]
//! does. Rankings are keyed by a packed copy of the ranking when it fits (nearly always; see
//! [`key`]), else by their flat encoding (the one [`Ranking`] stores), so a ballot already
//! seen costs a lookup and no allocation; each distinct ranking's [`Ranking`] is built once,
//! in order, when the groups are handed out.

mod key;
pub(crate) mod shards;

use crate::ballot::{BallotGroup, Exhaustion, Marks, OptionIndex, Ranking, RankingBuilder};
use key::{Key, KeyBuilder, Packed, Stored};
use std::collections::HashMap;

/// foldhash, seeded per process: a ranking is hashed for every ballot read, and SipHash (the
/// standard one) took a fifth of the read time. Results never depend on it (groups come out in
/// order of first appearance).
type Hasher = foldhash::fast::RandomState;

/// Where a distinct ballot first appeared, and its summed weight.
#[derive(Debug, Clone, Copy)]
struct Slot {
    first: u64,
    weight: u64,
}

/// Why a ranking could not be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RankError {
    /// The option is already on this ballot.
    Repeated,
    /// The option index is beyond `MAX_OPTIONS`.
    TooLarge,
}

/// The ballot being read: its key so far, and which options it holds already.
#[derive(Debug, Default)]
pub(crate) struct Ballot {
    key: KeyBuilder,
    /// `seen[option] == stamp` when the option is already on the current ballot.
    seen: Vec<u64>,
    stamp: u64,
}

impl Ballot {
    /// Starts a new ballot.
    pub(crate) fn begin(&mut self) {
        self.key.clear();
        self.stamp = self.stamp.wrapping_add(1);
    }

    /// Adds an option: in a new rank, or in the same rank as the option pushed before it.
    pub(crate) fn push(&mut self, option: OptionIndex, same_rank: bool) -> Result<(), RankError> {
        if option >= super::MAX_OPTIONS {
            return Err(RankError::TooLarge);
        }
        if self.seen.len() <= option {
            self.seen.resize(option.saturating_add(1), 0);
        }
        match self.seen.get_mut(option) {
            Some(stamp) if *stamp == self.stamp => return Err(RankError::Repeated),
            Some(stamp) => *stamp = self.stamp,
            None => return Err(RankError::TooLarge),
        }
        self.key
            .push(option, same_rank)
            .map_err(|_| RankError::TooLarge)
    }

    /// Ends the ballot for `exhaustion`: its key.
    pub(crate) fn end(&mut self, exhaustion: Exhaustion) -> Key<'_> {
        self.key.end(exhaustion);
        self.key.key()
    }
}

/// Where a reader puts the ballots it reads: [`RankingGroups`] (one pass) or
/// [`shards::PartBallots`] (a part of a file read in parallel).
pub(crate) trait Ballots {
    /// Starts a new ballot.
    fn begin(&mut self);
    /// Adds an option to the current ballot: in a new rank, or in the same rank as the option
    /// pushed before it (equal ranks).
    fn push(&mut self, option: OptionIndex, same_rank: bool) -> Result<(), RankError>;
    /// Ends the current ballot with its weight (0 drops it).
    fn finish(&mut self, weight: u64) -> Result<(), Overflow>;
}

/// Rankings grouped as they are read: call [`RankingGroups::begin`], push each option,
/// then [`RankingGroups::finish`] with the ballot's weight.
#[derive(Debug, Default)]
pub(crate) struct RankingGroups {
    ballot: Ballot,
    table: Table,
}

/// The distinct rankings, by place in order of first appearance, and where each is.
#[derive(Debug, Default)]
struct Table {
    /// The place of each distinct ranking that packs (20 bytes an entry: see [`Stored`]).
    packed: HashMap<Stored, u32, Hasher>,
    /// The place of each distinct ranking that does not.
    long: HashMap<Box<[u32]>, usize, Hasher>,
    /// The summed weight of each distinct ranking, by place.
    weights: Vec<u64>,
}

/// A group's key, owned, as [`RankingGroups::into_ordered`] hands it out.
pub(crate) enum OwnedKey {
    Packed(Packed),
    Long(Box<[u32]>),
}

impl OwnedKey {
    fn as_key(&self) -> Key<'_> {
        match self {
            OwnedKey::Packed(packed) => Key::Packed(*packed),
            OwnedKey::Long(entries) => Key::Long(entries),
        }
    }

    /// The [`Ranking`] of this key (`scratch` is reused; a long key moves in as is).
    fn into_ranking(self, scratch: &mut RankingBuilder) -> Ranking {
        match self {
            OwnedKey::Packed(packed) => packed.to_ranking(scratch),
            OwnedKey::Long(entries) => Ranking::from_entries(entries),
        }
    }
}

impl Table {
    /// Adds `weight` to the group of `key`, making it the next group if it is new: its
    /// place. A ranking seen before costs a lookup and no allocation.
    fn add(&mut self, key: Key<'_>, weight: u64) -> Result<usize, Overflow> {
        let next = self.weights.len();
        let at = match key {
            Key::Packed(packed) => {
                let place = u32::try_from(next).map_err(|_| Overflow)?;
                let at = *self.packed.entry(Stored::from(packed)).or_insert(place);
                usize::try_from(at).map_err(|_| Overflow)?
            }
            Key::Long(entries) => match self.long.get(entries) {
                Some(&at) => at,
                None => {
                    self.long.insert(entries.into(), next);
                    next
                }
            },
        };
        if at == next {
            self.weights.push(weight);
            return Ok(at);
        }
        self.add_weight(at, weight)?;
        Ok(at)
    }

    fn add_weight(&mut self, place: usize, weight: u64) -> Result<(), Overflow> {
        let slot = self.weights.get_mut(place).ok_or(Overflow)?;
        *slot = slot.checked_add(weight).ok_or(Overflow)?;
        Ok(())
    }

    fn len(&self) -> usize {
        self.weights.len()
    }

    /// The keys with their weights, in order of first appearance.
    fn into_ordered(self) -> impl Iterator<Item = (OwnedKey, u64)> {
        let Table {
            packed,
            long,
            weights,
        } = self;
        // Each key goes straight to its place (no sort); the table is freed as it goes, before
        // the caller builds its result. Keeping the keys in order while reading instead took
        // more memory for no gain in time.
        let mut keys = vec![Packed::LONG; weights.len()];
        for (key, at) in packed {
            if let Some(slot) = usize::try_from(at).ok().and_then(|at| keys.get_mut(at)) {
                *slot = Packed::from(key);
            }
        }
        // Long keys are rare: sorted by place, they come out where `keys` still says long.
        let mut long: Vec<(usize, Box<[u32]>)> =
            long.into_iter().map(|(key, at)| (at, key)).collect();
        long.sort_unstable_by_key(|(at, _)| *at);
        let mut long = long.into_iter().map(|(_, key)| key);
        keys.into_iter()
            .zip(weights)
            .filter_map(move |(key, weight)| {
                let key = if key == Packed::LONG {
                    OwnedKey::Long(long.next()?)
                } else {
                    OwnedKey::Packed(key)
                };
                Some((key, weight))
            })
    }
}

impl RankingGroups {
    /// Starts a new ballot.
    pub(crate) fn begin(&mut self) {
        self.ballot.begin();
    }

    /// Adds an option to the current ballot: in a new rank, or in the same rank as the option
    /// pushed before it (equal ranks).
    pub(crate) fn push(&mut self, option: OptionIndex, same_rank: bool) -> Result<(), RankError> {
        self.ballot.push(option, same_rank)
    }

    /// Whether the current ballot has no option yet.
    pub(crate) fn is_empty(&self) -> bool {
        self.ballot.key.is_empty()
    }

    /// Ends the current ballot, adding `weight` to its group. Ballots of weight 0 are
    /// dropped. Fails only when the group's weight would overflow.
    pub(crate) fn finish(&mut self, weight: u64) -> Result<(), Overflow> {
        self.finish_ending(weight, Exhaustion::NoContinuingOption)
            .map(|_| ())
    }

    /// [`RankingGroups::finish`] for a ballot that stops for `exhaustion` after its last
    /// option (a cast vote record's overvote or skipped ranks). Returns the group's place
    /// (`None` for weight 0), for [`RankingGroups::add_weight`].
    pub(crate) fn finish_ending(
        &mut self,
        weight: u64,
        exhaustion: Exhaustion,
    ) -> Result<Option<usize>, Overflow> {
        if weight == 0 {
            return Ok(None);
        }
        let key = self.ballot.end(exhaustion);
        self.table.add(key, weight).map(Some)
    }

    /// Adds `weight` to the group at `place`.
    pub(crate) fn add_weight(&mut self, place: usize, weight: u64) -> Result<(), Overflow> {
        self.table.add_weight(place, weight)
    }

    /// How many distinct rankings there are so far.
    fn len(&self) -> usize {
        self.table.len()
    }

    /// Adds the groups of `later` (read from a later part of the same input) after these:
    /// the result is what reading both parts one after the other would give.
    pub(crate) fn append(&mut self, later: RankingGroups) -> Result<(), Overflow> {
        self.table.packed.reserve(later.table.packed.len());
        for (key, weight) in later.into_ordered() {
            self.table.add(key.as_key(), weight)?;
        }
        Ok(())
    }

    /// The keys with their weights, in order of first appearance.
    fn into_ordered(self) -> impl Iterator<Item = (OwnedKey, u64)> {
        self.table.into_ordered()
    }

    /// The groups in order of first appearance, each [`Ranking`] built now (a long key moves
    /// into its [`Ranking`] as is).
    pub(crate) fn into_groups(self) -> Vec<BallotGroup> {
        let mut scratch = RankingBuilder::default();
        let len = self.len();
        // The table is freed here, before the result takes its room.
        let ordered = self.into_ordered();
        let mut groups = Vec::with_capacity(len);
        groups.extend(ordered.map(|(key, weight)| BallotGroup {
            weight,
            marks: Marks::Ranking(key.into_ranking(&mut scratch)),
        }));
        groups
    }
}

impl Ballots for RankingGroups {
    fn begin(&mut self) {
        RankingGroups::begin(self);
    }

    fn push(&mut self, option: OptionIndex, same_rank: bool) -> Result<(), RankError> {
        RankingGroups::push(self, option, same_rank)
    }

    fn finish(&mut self, weight: u64) -> Result<(), Overflow> {
        RankingGroups::finish(self, weight)
    }
}

/// Weights of identical ballots overflowed `u64`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Overflow;

/// Any ballots grouped as they are read (JSON, where marks of every kind occur).
#[derive(Debug, Default)]
pub(crate) struct MarksGroups {
    groups: HashMap<Marks, Slot, Hasher>,
}

impl MarksGroups {
    /// Adds a ballot; weight 0 is dropped. Fails only when a group's weight would overflow.
    pub(crate) fn add(&mut self, marks: Marks, weight: u64) -> Result<(), Overflow> {
        if weight == 0 {
            return Ok(());
        }
        if let Some(slot) = self.groups.get_mut(&marks) {
            slot.weight = slot.weight.checked_add(weight).ok_or(Overflow)?;
            return Ok(());
        }
        let first = u64::try_from(self.groups.len()).unwrap_or(u64::MAX);
        self.groups.insert(marks, Slot { first, weight });
        Ok(())
    }

    /// The groups in order of first appearance.
    pub(crate) fn into_groups(self) -> Vec<BallotGroup> {
        let mut entries: Vec<(Slot, Marks)> = self
            .groups
            .into_iter()
            .map(|(marks, slot)| (slot, marks))
            .collect();
        entries.sort_unstable_by_key(|(slot, _)| slot.first);
        entries
            .into_iter()
            .map(|(slot, marks)| BallotGroup {
                weight: slot.weight,
                marks,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ballot(groups: &mut RankingGroups, ranks: &[&[usize]], weight: u64) {
        groups.begin();
        for rank in ranks {
            for (i, option) in rank.iter().enumerate() {
                groups.push(*option, i > 0).unwrap();
            }
        }
        groups.finish(weight).unwrap();
    }

    #[test]
    fn identical_rankings_merge_in_order_of_first_appearance() {
        let mut groups = RankingGroups::default();
        ballot(&mut groups, &[&[2], &[0]], 1);
        ballot(&mut groups, &[&[0, 1]], 2);
        ballot(&mut groups, &[&[2], &[0]], 3);
        ballot(&mut groups, &[], 1);
        let out = groups.into_groups();
        assert_eq!(
            out,
            vec![
                BallotGroup {
                    weight: 4,
                    marks: Marks::Ranking(Ranking::from_ranks([vec![2], vec![0]]).unwrap())
                },
                BallotGroup {
                    weight: 2,
                    marks: Marks::Ranking(Ranking::from_ranks([vec![0, 1]]).unwrap())
                },
                BallotGroup {
                    weight: 1,
                    marks: Marks::Ranking(Ranking::empty())
                },
            ]
        );
    }

    #[test]
    fn an_option_twice_on_one_ballot_is_refused_but_not_on_the_next() {
        let mut groups = RankingGroups::default();
        groups.begin();
        groups.push(1, false).unwrap();
        assert_eq!(groups.push(1, true), Err(RankError::Repeated));
        groups.begin();
        assert_eq!(groups.push(1, false), Ok(()));
    }

    #[test]
    fn appending_a_later_part_gives_what_reading_both_parts_gives() {
        type Ballots<'a> = &'a [(&'a [&'a [usize]], u64)];
        let parts: [Ballots; 2] = [
            &[(&[&[1], &[0]], 1), (&[&[2]], 1)],
            &[(&[&[3]], 2), (&[&[2]], 5), (&[&[1], &[0]], 1)],
        ];
        let mut whole = RankingGroups::default();
        let mut split = [RankingGroups::default(), RankingGroups::default()];
        for (part, groups) in parts.iter().zip(&mut split) {
            for (ranks, weight) in *part {
                ballot(&mut whole, ranks, *weight);
                ballot(groups, ranks, *weight);
            }
        }
        let [mut first, second] = split;
        first.append(second).unwrap();
        assert_eq!(first.into_groups(), whole.into_groups());
    }

    #[test]
    fn a_ballot_that_ends_on_an_overvote_is_its_own_group() {
        let mut groups = RankingGroups::default();
        for end in [Exhaustion::Overvote, Exhaustion::NoContinuingOption] {
            groups.begin();
            groups.push(0, false).unwrap();
            groups.finish_ending(1, end).unwrap();
        }
        let out = groups.into_groups();
        assert_eq!(out.len(), 2);
        let Marks::Ranking(r) = &out[0].marks else {
            unreachable!()
        };
        assert_eq!(r.exhaustion(), Exhaustion::Overvote);
    }

    #[test]
    fn weights_that_overflow_are_refused() {
        let mut groups = RankingGroups::default();
        groups.begin();
        groups.finish(u64::MAX).unwrap();
        groups.begin();
        assert_eq!(groups.finish(1), Err(Overflow));
    }
}
