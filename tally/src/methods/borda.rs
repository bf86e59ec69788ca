//! Borda count (counting-rules.md §6.1): with n options, rank k earns n − k points.

use crate::{
    ballot::{Contest, Marks},
    error::TallyError,
    methods::totals::{self, TotalsReport, add_weighted},
    tie_break::TieBreaker,
};

/// Counts Borda points (total = Σ m · points); highest total wins.
pub fn count(contest: &Contest, ties: &mut TieBreaker) -> Result<TotalsReport, TallyError> {
    let active = totals::active(contest);
    let n = i128::try_from(active.len()).map_err(|_| TallyError::Overflow)?;
    let mut sums = vec![0_i128; contest.options.len()];
    let (mut valid, mut blank) = (0_u128, 0_u128);
    for group in &contest.ballots {
        let Marks::Ranking(ranks) = &group.marks else {
            continue;
        };
        let ranked: Vec<_> = ranks
            .iter()
            .flatten()
            .filter(|o| active.contains(o))
            .collect();
        if ranked.is_empty() {
            blank = blank.saturating_add(u128::from(group.weight));
            continue;
        }
        valid = valid.saturating_add(u128::from(group.weight));
        for (k, &&o) in (1_i128..).zip(&ranked) {
            if let Some(t) = sums.get_mut(o) {
                add_weighted(t, group.weight, n - k)?;
            }
        }
    }
    totals::rank(sums, &active, 1, valid, blank, ties)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::TiePolicy, test_support::ranked};

    #[test]
    fn a_first_preference_earns_n_minus_one_even_when_alone() {
        let c = ranked(&["A", "B", "C"], 1, &["2 A", "3 B>C>A"]);
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &c.options);
        let r = count(&c, &mut tb).expect("count");
        // A: 2×2 + 3×0 = 4; B: 3×2 = 6; C: 3×1 = 3.
        assert_eq!(r.totals, vec![4, 6, 3]);
        assert_eq!(r.winners, vec![1]);
    }
}
