//! Seeded, deterministic synthetic ballots for benchmarks and property tests. Not used by any
//! count: the engine itself has no randomness.
//!
//! The generator is a hand-written SplitMix64 (no `rand` crate), so the same seed gives the
//! same ballots on every platform, wasm included. Ballots look like real ranked elections:
//! voters belong to a few factions, each with its own preferred order; first preferences are
//! skewed towards a few popular options; most voters rank only a few options.

use crate::ballot::{BallotGroup, Contest, Marks, OptionIndex, Ranking, group_ballots};

/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, well-mixed 64-bit generator.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n` (0 when `n` is 0), by multiply-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(n);
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// An index in `0..weights.len()` drawn with probability proportional to its weight.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// Option names `Option 01`, `Option 02`, … in ballot order.
pub fn option_names(options: usize) -> Vec<String> {
    (1..=options).map(|i| format!("Option {i:02}")).collect()
}

/// A ranked contest of `ballots` voters (weight 1 each) over `options` options, grouped
/// (identical rankings merged), one seat. Same seed, same contest.
pub fn ranked_contest(seed: u64, ballots: usize, options: usize) -> Contest {
    ranked_contest_with_seats(seed, ballots, options, 1)
}

/// [`ranked_contest`] for an STV count with `seats` seats.
pub fn ranked_contest_with_seats(seed: u64, ballots: usize, options: usize, seats: u32) -> Contest {
    let mut rng = SplitMix64::new(seed);
    let factions = factions(&mut rng, options);
    let faction_weights: Vec<u64> = (0..factions.len()).map(|i| 8 >> i.min(3)).collect();
    let mut raw = Vec::with_capacity(ballots.min(1 << 20));
    for _ in 0..ballots {
        let f = rng.weighted(&faction_weights);
        let order = factions.get(f).map(Vec::as_slice).unwrap_or(&[]);
        raw.push(BallotGroup {
            weight: 1,
            marks: Marks::Ranking(ranking(&mut rng, order)),
        });
    }
    Contest {
        title: format!("synthetic {seed}"),
        options: option_names(options),
        withdrawn: Vec::new(),
        seats,
        tie_order: None,
        // Re-allocate the groups one after another: the raw ballots' memory is freed, and the
        // groups sit together in memory as a parser that groups while streaming would leave them.
        ballots: group_ballots(raw).to_vec(),
    }
}

/// Four factions, each a preferred order of all options (a random shuffle).
fn factions(rng: &mut SplitMix64, options: usize) -> Vec<Vec<OptionIndex>> {
    (0..4)
        .map(|_| {
            let mut order: Vec<OptionIndex> = (0..options).collect();
            for i in (1..order.len()).rev() {
                let j = usize::try_from(rng.below(u64::try_from(i + 1).unwrap_or(u64::MAX)))
                    .unwrap_or(0);
                order.swap(i, j);
            }
            order
        })
        .collect()
}

/// One voter's ranking: preferences drawn from the faction's order with weights falling
/// steeply with position; length geometric (each further rank with probability 3/5).
fn ranking(rng: &mut SplitMix64, order: &[OptionIndex]) -> Ranking {
    let mut left: Vec<OptionIndex> = order.to_vec();
    let mut out = Vec::new();
    while !left.is_empty() {
        let weights: Vec<u64> = (0..left.len()).map(|i| 64 >> i.min(6)).collect();
        let pick = rng.weighted(&weights);
        out.push(left.remove(pick));
        if rng.below(5) >= 3 {
            break;
        }
    }
    // Option indices come from `0..options`, far below what a ranking can hold.
    Ranking::strict(&out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_contest() {
        assert_eq!(ranked_contest(7, 500, 6), ranked_contest(7, 500, 6));
        assert_ne!(ranked_contest(7, 500, 6), ranked_contest(8, 500, 6));
    }

    #[test]
    fn every_ballot_is_counted_once_and_ranks_no_option_twice() {
        let c = ranked_contest(1, 2_000, 8);
        assert_eq!(c.total_weight(), 2_000);
        for g in &c.ballots {
            let Marks::Ranking(ranking) = &g.marks else {
                panic!("ranked")
            };
            let mut seen: Vec<_> = ranking.options().collect();
            assert!(!seen.is_empty());
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), ranking.rank_count());
        }
        assert!(c.ballots.len() < 2_000, "identical ballots are grouped");
    }
}
