//! Grouping the ballots of a file read in parallel parts, itself in parallel.
//!
//! Why: merging the parts' groups one part after the other (renumbering each later part's
//! rankings and inserting them into the first part's table) took a quarter of the time of a
//! two-thread read of a file of nearly all-distinct rankings, on one thread. Here each part
//! hands over its ballots in order ([`PartBallots`]), and each thread groups one shard of all
//! of them: the rankings whose hash falls in its shard, from every part, in file order. A
//! group's place is where its ranking first appears, so the shards' groups, merged by place,
//! come out in order of first appearance: the one-pass result.
//!
//! A part that repeats its rankings (a real election) groups them as it reads, and hands over
//! groups instead of ballots; one whose first 65,536 ballots are mostly distinct stops doing
//! so (it would only cost), as the RCTab reader's row cache does.

use super::{
    Ballot, Ballots, OptionIndex, Overflow, Packed, RankError, RankingBuilder, Table,
    key::{Key, KeyBuilder},
};
use crate::ballot::{BallotGroup, Exhaustion, Marks};
use std::hash::BuildHasher;

/// Ballots read before a part decides whether grouping them as it reads pays.
const TRIAL: usize = 1 << 16;

/// A part's ballots, in order: groups while grouping pays, then ballots one by one.
#[derive(Debug, Default)]
pub(crate) struct PartBallots {
    ballot: Ballot,
    /// The groups of the ballots read so far, while grouping as the part reads pays.
    cache: Option<Table>,
    /// Ballots read into `cache`.
    cached: usize,
    /// Whether the part stopped grouping (then `entries` holds its groups, then ballots).
    listing: bool,
    /// Keys (as the part numbers its options; [`Packed::LONG`] for one in `long`) with their
    /// weights, in order of first appearance; a key may come back.
    entries: Vec<(Packed, u64)>,
    /// The long keys of `entries`, in order.
    long: Vec<Box<[u32]>>,
}

/// Adds a key to the list of a part's entries (a long one to its long keys too).
fn list(entries: &mut Vec<(Packed, u64)>, long: &mut Vec<Box<[u32]>>, key: Key<'_>, weight: u64) {
    match key {
        Key::Packed(packed) => entries.push((packed, weight)),
        Key::Long(key) => {
            entries.push((Packed::LONG, weight));
            long.push(key.into());
        }
    }
}

impl PartBallots {
    /// Moves the cached groups, in order, to the front of the list.
    fn flush(&mut self) {
        if let Some(cache) = self.cache.take() {
            self.entries.reserve(cache.len());
            for (key, weight) in cache.into_ordered() {
                list(&mut self.entries, &mut self.long, key.as_key(), weight);
            }
        }
    }
}

impl Ballots for PartBallots {
    fn begin(&mut self) {
        self.ballot.begin();
    }

    fn push(&mut self, option: OptionIndex, same_rank: bool) -> Result<(), RankError> {
        self.ballot.push(option, same_rank)
    }

    fn finish(&mut self, weight: u64) -> Result<(), Overflow> {
        if weight == 0 {
            return Ok(());
        }
        let key = self.ballot.end(Exhaustion::NoContinuingOption);
        if self.listing {
            list(&mut self.entries, &mut self.long, key, weight);
            return Ok(());
        }
        let cache = self.cache.get_or_insert_with(Table::default);
        cache.add(key, weight)?;
        self.cached = self.cached.saturating_add(1);
        if self.cached == TRIAL && cache.len() > TRIAL / 2 {
            self.flush();
            self.listing = true;
        }
        Ok(())
    }
}

/// A part's ballots and how its options are numbered in the whole file.
#[derive(Debug)]
pub(crate) struct Numbered {
    ballots: PartBallots,
    /// Option `i` of the part is option `map[i]` of the file, with the table that renumbers
    /// packed keys; `None`: the same numbers.
    map: Option<(Vec<OptionIndex>, [u8; 128])>,
}

impl Numbered {
    /// `map` is one-to-one.
    pub(crate) fn new(mut ballots: PartBallots, map: Vec<OptionIndex>) -> Numbered {
        ballots.flush();
        let same = map.iter().enumerate().all(|(i, to)| i == *to);
        Numbered {
            ballots,
            map: (!same).then(|| {
                let bytes = Packed::renumbering(&map);
                (map, bytes)
            }),
        }
    }
}

/// The ballots of all `parts` (in file order) grouped in order of first appearance, by up to
/// `threads` threads. Fails only when a group's weight would overflow.
pub(crate) fn group(parts: &[Numbered], threads: usize) -> Result<Vec<BallotGroup>, Overflow> {
    let shards: Vec<usize> = (0..threads.max(1)).collect();
    let hasher = foldhash::fast::RandomState::default();
    let results = super::super::parts::in_parallel(
        &shards,
        |&shard| group_shard(parts, shard, shards.len(), &hasher),
        || Err(Overflow),
    );
    let mut groups = Vec::with_capacity(results.len());
    for result in results {
        groups.push(result?);
    }
    Ok(merge(groups))
}

/// The groups of shard `shard` of `shards`, each with the place of its first entry.
fn group_shard(
    parts: &[Numbered],
    shard: usize,
    shards: usize,
    hasher: &foldhash::fast::RandomState,
) -> Result<Vec<(u64, BallotGroup)>, Overflow> {
    let mut table = Table::default();
    let mut firsts: Vec<u64> = Vec::new();
    let mut mapped = KeyBuilder::default();
    let mut place = 0_u64;
    for part in parts {
        let mut long = part.ballots.long.iter();
        for &(packed, weight) in &part.ballots.entries {
            let at = place;
            place = place.saturating_add(1);
            let key = if packed == Packed::LONG {
                Key::Long(long.next().ok_or(Overflow)?)
            } else {
                Key::Packed(packed)
            };
            let key = match &part.map {
                None => key,
                // Most keys renumber byte by byte; one whose new numbers do not pack, and a
                // long one, are built again.
                Some((map, bytes)) => match key {
                    Key::Packed(packed) => match packed.renumber(bytes) {
                        Some(packed) => Key::Packed(packed),
                        None => renumber(key, map, &mut mapped)?,
                    },
                    Key::Long(_) => renumber(key, map, &mut mapped)?,
                },
            };
            if shards > 1 && shard_of(key, shards, hasher) != shard {
                continue;
            }
            if table.add(key, weight)? == firsts.len() {
                firsts.push(at);
            }
        }
    }
    let mut scratch = RankingBuilder::default();
    let ordered = table.into_ordered();
    let mut groups = Vec::with_capacity(firsts.len());
    for ((key, weight), first) in ordered.zip(firsts) {
        let marks = Marks::Ranking(key.into_ranking(&mut scratch));
        groups.push((first, BallotGroup { weight, marks }));
    }
    Ok(groups)
}

/// `key` with option `i` renumbered `map[i]` (built in `into`).
fn renumber<'a>(
    key: Key<'_>,
    map: &[OptionIndex],
    into: &'a mut KeyBuilder,
) -> Result<Key<'a>, Overflow> {
    into.clear();
    let exhaustion = match key {
        Key::Packed(packed) => {
            for (option, same_rank) in packed.options() {
                let to = map.get(option).copied().ok_or(Overflow)?;
                into.push(to, same_rank).map_err(|_| Overflow)?;
            }
            packed.exhaustion()
        }
        Key::Long(entries) => {
            let ranking = crate::ballot::Ranking::from_entries(entries.into());
            let mut last_rank = None;
            for (rank, option) in ranking.ranked_options() {
                let same_rank = last_rank == Some(rank);
                last_rank = Some(rank);
                let to = map.get(option).copied().ok_or(Overflow)?;
                into.push(to, same_rank).map_err(|_| Overflow)?;
            }
            ranking.exhaustion()
        }
    };
    into.end(exhaustion);
    Ok(into.key())
}

/// Which of `shards` shards `key` belongs to (the hash, scaled to the range).
fn shard_of(key: Key<'_>, shards: usize, hasher: &foldhash::fast::RandomState) -> usize {
    let hash = match key {
        Key::Packed(packed) => hasher.hash_one(packed),
        Key::Long(entries) => hasher.hash_one(entries),
    };
    let scaled = u128::from(hash).wrapping_mul(u128::try_from(shards).unwrap_or(1));
    usize::try_from(scaled.wrapping_shr(64)).unwrap_or(0)
}

/// The groups of every shard, in order of their places (each shard's are in order already).
fn merge(shards: Vec<Vec<(u64, BallotGroup)>>) -> Vec<BallotGroup> {
    let total = shards.iter().map(Vec::len).sum();
    let mut heads: Vec<_> = shards
        .into_iter()
        .map(|groups| groups.into_iter().peekable())
        .collect();
    let mut out = Vec::with_capacity(total);
    loop {
        let next = heads
            .iter_mut()
            .enumerate()
            .filter_map(|(i, head)| head.peek().map(|(first, _)| (*first, i)))
            .min();
        let Some((_, i)) = next else { break };
        if let Some((_, group)) = heads.get_mut(i).and_then(Iterator::next) {
            out.push(group);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::group::RankingGroups;

    /// A seeded ranking of 3 to 20 of 200 options (some above 127, so some keys are long and
    /// some become long or short when renumbered), a few with equal ranks; every fourth one
    /// repeats an earlier one.
    fn rankings(count: usize, seed: u64) -> Vec<Vec<(usize, bool)>> {
        let mut state = seed;
        let mut next = move |below: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from((state >> 33).checked_rem(below).unwrap()).unwrap()
        };
        let mut out: Vec<Vec<(usize, bool)>> = Vec::with_capacity(count);
        for i in 0..count {
            if i % 4 == 3 {
                let again = out[next(u64::try_from(i).unwrap())].clone();
                out.push(again);
                continue;
            }
            let len = next(18).wrapping_add(3);
            let mut options: Vec<usize> = Vec::with_capacity(len);
            while options.len() < len {
                let option = if next(10) == 0 { next(200) } else { next(12) };
                if !options.contains(&option) {
                    options.push(option);
                }
            }
            out.push(options.into_iter().map(|o| (o, next(8) == 0)).collect());
        }
        out
    }

    fn weight(i: usize) -> u64 {
        u64::try_from(i % 3).unwrap().wrapping_add(1)
    }

    fn read(ballots: &mut impl Ballots, ranking: &[(usize, bool)], weight: u64) {
        ballots.begin();
        for &(option, same_rank) in ranking {
            ballots.push(option, same_rank).unwrap();
        }
        ballots.finish(weight).unwrap();
    }

    #[test]
    fn shards_group_as_one_pass_does() {
        // Enough ballots for the parts to stop grouping as they read (mostly distinct), and
        // parts that number the options their own way.
        let all = rankings(4 * TRIAL, 7);
        let mut one_pass = RankingGroups::default();
        for (i, ranking) in all.iter().enumerate() {
            read(&mut one_pass, ranking, weight(i));
        }
        let want = one_pass.into_groups();
        let parts = all.chunks(all.len() / 3 + 1);
        for threads in [1, 2, 3] {
            let mut numbered = Vec::new();
            let mut at = 0;
            for (p, part) in parts.clone().enumerate() {
                // Part p numbers option o as (o + 37 p) mod 200.
                let local = |o: usize| (o + 37 * p) % 200;
                let mut ballots = PartBallots::default();
                for ranking in part {
                    let renumbered: Vec<(usize, bool)> =
                        ranking.iter().map(|&(o, same)| (local(o), same)).collect();
                    read(&mut ballots, &renumbered, weight(at));
                    at += 1;
                }
                let mut map = vec![0; 200];
                for o in 0..200 {
                    map[local(o)] = o;
                }
                assert!(ballots.listing, "the part stops grouping as it reads");
                numbered.push(Numbered::new(ballots, map));
            }
            assert_eq!(
                group(&numbered, threads).unwrap(),
                want,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_part_of_repeated_rankings_hands_over_its_groups() {
        let mut ballots = PartBallots::default();
        for i in 0..2 * TRIAL {
            read(&mut ballots, &[(i % 5, false)], 1);
        }
        let numbered = Numbered::new(ballots, (0..5).collect());
        assert_eq!(numbered.ballots.entries.len(), 5);
        assert!(numbered.map.is_none());
        let groups = group(&[numbered], 2).unwrap();
        assert_eq!(groups.len(), 5);
        let total: u64 = groups.iter().map(|g| g.weight).sum();
        assert_eq!(usize::try_from(total).unwrap(), 2 * TRIAL);
    }

    #[test]
    fn weights_that_overflow_across_parts_are_refused() {
        let part = || {
            let mut ballots = PartBallots::default();
            read(&mut ballots, &[(0, false)], u64::MAX);
            Numbered::new(ballots, vec![0])
        };
        assert_eq!(group(&[part(), part()], 2), Err(Overflow));
    }
}
