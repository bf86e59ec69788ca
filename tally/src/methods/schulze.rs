//! Schulze's method, winning votes (counting-rules.md §5): pairwise counts `d`, strongest
//! paths `p` (Floyd–Warshall in ballot order), the beat relation and the tiers.

use crate::{
    ballot::{Contest, Marks, OptionIndex},
    error::TallyError,
    per_option::{Opt, Options, PerOption, PerPair},
    tie_break::{TieBreaker, TieDecision},
};
use serde::Serialize;

/// The Schulze part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SchulzeReport {
    /// Total multiplicity of ballots ranking at least one option.
    pub valid: u128,
    /// Empty ballots (abstentions).
    pub undervotes: u128,
    /// `d[a][b]`: weight of ballots preferring a to b strictly (rows and columns in ballot
    /// order; withdrawn options have zero rows and columns).
    pub d: Vec<Vec<u128>>,
    /// `p[a][b]`: strength of the strongest path from a to b.
    pub p: Vec<Vec<u128>>,
    /// Tiers, best first; options in one tier are tied (listed in ballot order).
    pub tiers: Vec<Vec<OptionIndex>>,
    /// The full ranking: tier 1 in tie-break order, later tiers in ballot order.
    pub ranking: Vec<OptionIndex>,
    /// The winner: first of tier 1 after the tie break.
    pub winner: Option<OptionIndex>,
}

/// The most options a Schulze count takes: its matrices grow with the square of the options
/// (4,096 options = two 268 MB matrices), and a ballot file may name up to 100,000.
pub const MAX_OPTIONS: usize = 4_096;

/// Counts a contest by Schulze's method.
pub fn count(contest: &Contest, ties: &mut TieBreaker) -> Result<SchulzeReport, TallyError> {
    let n = contest.options.len();
    if n > MAX_OPTIONS {
        return Err(TallyError::TooManyOptions {
            options: n,
            max: MAX_OPTIONS,
        });
    }
    let options = Options::new(n)?;
    let mut active = options.filled(true);
    for &w in &contest.withdrawn {
        active[options.check(w)?] = false;
    }
    let (d, valid, undervotes) = pairwise(contest, options, &active)?;
    let p = strongest_paths(&d, options)?;
    let tiers = tiers(&p, options, &active)?;
    let mut ranking = Vec::with_capacity(n);
    for (i, tier) in tiers.iter().enumerate() {
        if i == 0 && tier.len() > 1 {
            ranking.extend(ties.order(TieDecision::Winner, 1, tier)?);
        } else {
            ranking.extend(tier.iter().copied());
        }
    }
    let to_rows = |m: &PerPair<u128>| {
        if n == 0 {
            Vec::new()
        } else {
            m.rows().map(<[u128]>::to_vec).collect::<Vec<_>>()
        }
    };
    Ok(SchulzeReport {
        valid,
        undervotes,
        d: to_rows(&d),
        p: to_rows(&p),
        winner: ranking.first().copied(),
        tiers,
        ranking,
    })
}

/// §5 step 1: `d`, with the valid and empty ballot weights.
fn pairwise(
    contest: &Contest,
    options: Options,
    active: &PerOption<bool>,
) -> Result<(PerPair<u128>, u128, u128), TallyError> {
    let mut d = options.pairs(0_u128)?;
    let mut level = options.filled(usize::MAX);
    let (mut valid, mut undervotes) = (0_u128, 0_u128);
    for group in &contest.ballots {
        let Marks::Ranking(ranks) = &group.marks else {
            continue;
        };
        let m = u128::from(group.weight);
        level.iter_mut().for_each(|(_, l)| *l = usize::MAX);
        let mut ranked = Vec::new();
        for (r, o) in ranks.ranked_options() {
            let o = options.check(o)?;
            if active[o] {
                level[o] = r;
                ranked.push(o);
            }
        }
        if ranked.is_empty() {
            undervotes = undervotes.saturating_add(m);
            continue;
        }
        valid = valid.saturating_add(m);
        for &a in &ranked {
            let la = level[a];
            let row = d.row_mut(a);
            for ((cell, &lb), &on) in row.iter_mut().zip(level.as_slice()).zip(active.as_slice()) {
                if on && lb > la {
                    *cell = cell.checked_add(m).ok_or(TallyError::Overflow)?;
                }
            }
        }
    }
    Ok((d, valid, undervotes))
}

/// §5 steps 2–3: winning-votes links, then widest paths in ballot order.
fn strongest_paths(d: &PerPair<u128>, options: Options) -> Result<PerPair<u128>, TallyError> {
    let mut p = options.pairs(0_u128)?;
    for a in options.all() {
        for b in options.all().filter(|&b| b != a) {
            if d[(a, b)] > d[(b, a)] {
                p[(a, b)] = d[(a, b)];
            }
        }
    }
    for i in options.all() {
        for j in options.all().filter(|&j| j != i) {
            let ji = p[(j, i)];
            if ji == 0 {
                continue;
            }
            for k in options.all().filter(|&k| k != i && k != j) {
                let via = ji.min(p[(i, k)]);
                if via > p[(j, k)] {
                    p[(j, k)] = via;
                }
            }
        }
    }
    Ok(p)
}

/// §5 steps 4–5: repeatedly take the options no remaining option beats.
fn tiers(
    p: &PerPair<u128>,
    options: Options,
    active: &PerOption<bool>,
) -> Result<Vec<Vec<OptionIndex>>, TallyError> {
    let mut remaining: Vec<Opt> = options.all().filter(|&o| active[o]).collect();
    let mut tiers = Vec::new();
    while !remaining.is_empty() {
        let tier: Vec<Opt> = remaining
            .iter()
            .copied()
            .filter(|&a| !remaining.iter().any(|&b| p[(b, a)] > p[(a, b)]))
            .collect();
        if tier.is_empty() {
            return Err(TallyError::Invariant(
                "Schulze beat relation has a cycle".into(),
            ));
        }
        remaining.retain(|o| !tier.contains(o));
        tiers.push(tier.into_iter().map(Opt::index).collect());
    }
    Ok(tiers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::TiePolicy, test_support::ranked};

    fn run(c: &Contest) -> SchulzeReport {
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &c.options);
        count(c, &mut tb).expect("count")
    }

    #[test]
    fn the_45_voter_example_elects_e_with_the_published_matrices() {
        let c = ranked(
            &["A", "B", "C", "D", "E"],
            1,
            &[
                "5 A>C>B>E>D",
                "5 A>D>E>C>B",
                "8 B>E>D>A>C",
                "3 C>A>B>E>D",
                "7 C>A>E>B>D",
                "2 C>B>A>D>E",
                "7 D>C>E>B>A",
                "8 E>B>A>D>C",
            ],
        );
        let r = run(&c);
        assert_eq!(
            r.d,
            vec![
                vec![0, 20, 26, 30, 22],
                vec![25, 0, 16, 33, 18],
                vec![19, 29, 0, 17, 24],
                vec![15, 12, 28, 0, 14],
                vec![23, 27, 21, 31, 0],
            ]
        );
        assert_eq!(
            r.p,
            vec![
                vec![0, 28, 28, 30, 24],
                vec![25, 0, 28, 33, 24],
                vec![25, 29, 0, 29, 24],
                vec![25, 28, 28, 0, 24],
                vec![25, 28, 28, 31, 0],
            ]
        );
        assert_eq!(r.tiers, vec![vec![4], vec![0], vec![2], vec![1], vec![3]]);
        assert_eq!(r.winner, Some(4));
    }

    #[test]
    fn unranked_options_lose_to_ranked_ones_and_equal_ranks_give_nothing() {
        let c = ranked(&["A", "B", "C"], 1, &["2 A=B", "1 C"]);
        let r = run(&c);
        assert_eq!(r.d, vec![vec![0, 0, 2], vec![0, 0, 2], vec![1, 1, 0]]);
        assert_eq!(r.tiers, vec![vec![0, 1], vec![2]]);
        assert_eq!(r.winner, Some(0));
    }

    #[test]
    fn a_tied_first_tier_is_broken_by_order_and_recorded() {
        let c = ranked(&["A", "B"], 1, &["1 B>A", "1 A>B"]);
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &c.options);
        let r = count(&c, &mut tb).expect("count");
        assert_eq!(r.tiers, vec![vec![0, 1]]);
        assert_eq!(r.winner, Some(0));
        assert_eq!(tb.records().len(), 1);
    }

    #[test]
    fn empty_ballots_are_undervotes() {
        let c = ranked(&["A", "B"], 1, &["3 ", "1 A"]);
        let r = run(&c);
        assert_eq!((r.valid, r.undervotes), (1, 3));
    }
}
