//! Borda count (counting-rules.md §6.1): with n options, rank k earns n − k points.

use crate::{
    ballot::{Contest, Marks},
    error::TallyError,
    methods::totals::{self, TotalsReport, add_weighted},
    per_option::Options,
    tie_break::TieBreaker,
};

/// Counts Borda points (total = Σ m · points); highest total wins.
pub fn count(contest: &Contest, ties: &mut TieBreaker) -> Result<TotalsReport, TallyError> {
    let active = totals::active(contest);
    let n = i128::try_from(active.len()).map_err(|_| TallyError::Overflow)?;
    let options = Options::new(contest.options.len())?;
    let mut in_count = options.filled(false);
    for &o in &active {
        in_count[options.check(o)?] = true;
    }
    let mut sums = options.filled(0_i128);
    let (mut valid, mut blank) = (0_u128, 0_u128);
    for group in &contest.ballots {
        let Marks::Ranking(ranks) = &group.marks else {
            continue;
        };
        let mut ranked = Vec::with_capacity(ranks.option_count());
        for o in ranks.options() {
            let o = options.check(o)?;
            if in_count[o] {
                ranked.push(o);
            }
        }
        if ranked.is_empty() {
            blank = blank.saturating_add(u128::from(group.weight));
            continue;
        }
        valid = valid.saturating_add(u128::from(group.weight));
        for (k, &o) in (1_i128..).zip(&ranked) {
            add_weighted(&mut sums[o], group.weight, n - k)?;
        }
    }
    totals::rank(sums.to_vec(), &active, 1, valid, blank, ties)
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
