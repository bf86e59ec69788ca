//! Shared by the single-stage methods (counting-rules.md §6): a full ranking by exact
//! totals, highest first, ties broken by order or lot only where the winners need it.

use crate::{
    ballot::{Contest, OptionIndex},
    error::TallyError,
    per_option::{Opt, PerOption},
    tie_break::{TieBreaker, TieDecision},
};
use serde::Serialize;

/// The result of a single-stage method: totals, tiers of equal totals, winners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TotalsReport {
    /// Each option's exact total (ballot order; withdrawn options 0).
    pub totals: Vec<i128>,
    /// Options grouped by equal total, highest first (ballot order inside a tier).
    pub tiers: Vec<Vec<OptionIndex>>,
    /// The winners: the `k` highest totals, boundary ties broken by order or lot (§6.2).
    pub winners: Vec<OptionIndex>,
    /// Total weight of ballots that marked something.
    pub valid: u128,
    /// Total weight of blank ballots.
    pub blank: u128,
}

/// The options still in the count (not withdrawn), in ballot order.
pub(crate) fn active(contest: &Contest) -> Vec<OptionIndex> {
    (0..contest.options.len())
        .filter(|o| !contest.withdrawn.contains(o))
        .collect()
}

/// Ranks the active options by total and picks `k` winners (§6.2: options strictly above the
/// boundary tier win outright; the boundary tier is ordered by order/lot and its first ones
/// fill the remaining places; with fewer options than `k`, all win).
pub(crate) fn rank(
    totals: Vec<i128>,
    active: &[OptionIndex],
    k: usize,
    valid: u128,
    blank: u128,
    ties: &mut TieBreaker,
) -> Result<TotalsReport, TallyError> {
    let (options, by_option) = PerOption::from_vec(totals)?;
    let mut sorted = active
        .iter()
        .map(|&o| options.check(o))
        .collect::<Result<Vec<Opt>, _>>()?;
    sorted.sort_by(|a, b| by_option[*b].cmp(&by_option[*a]).then(a.cmp(b)));
    let mut tiers: Vec<Vec<OptionIndex>> = Vec::new();
    let mut last: Option<i128> = None;
    for o in sorted {
        match tiers.last_mut() {
            Some(tier) if last == Some(by_option[o]) => tier.push(o.index()),
            _ => tiers.push(vec![o.index()]),
        }
        last = Some(by_option[o]);
    }
    let totals = by_option.to_vec();
    let mut winners = Vec::with_capacity(k);
    for tier in &tiers {
        let places = k.saturating_sub(winners.len());
        if places == 0 {
            break;
        }
        if tier.len() <= places {
            winners.extend(tier.iter().copied());
        } else {
            let decision = if k == 1 {
                TieDecision::Winner
            } else {
                TieDecision::LastPlaces
            };
            let order = ties.order(decision, 1, tier)?;
            winners.extend(order.into_iter().take(places));
        }
    }
    Ok(TotalsReport {
        totals,
        tiers,
        winners,
        valid,
        blank,
    })
}

/// Adds `m · x` to a total, checked.
pub(crate) fn add_weighted(total: &mut i128, m: u64, x: i128) -> Result<(), TallyError> {
    let amount = x.checked_mul(i128::from(m)).ok_or(TallyError::Overflow)?;
    *total = total.checked_add(amount).ok_or(TallyError::Overflow)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TiePolicy;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("O{i}")).collect()
    }

    #[test]
    fn options_strictly_above_the_boundary_win_without_a_tie_break() {
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &names(4));
        let r = rank(vec![9, 5, 5, 1], &[0, 1, 2, 3], 1, 0, 0, &mut tb).expect("rank");
        assert_eq!(r.winners, vec![0]);
        assert!(tb.records().is_empty());
        assert_eq!(r.tiers, vec![vec![0], vec![1, 2], vec![3]]);
    }

    #[test]
    fn a_boundary_tie_is_ordered_and_only_the_places_left_are_filled() {
        // k = 2: O0 wins outright; O1, O2, O3 tie for the last place: order picks O1.
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &names(4));
        let r = rank(vec![9, 4, 4, 4], &[0, 1, 2, 3], 2, 0, 0, &mut tb).expect("rank");
        assert_eq!(r.winners, vec![0, 1]);
        assert_eq!(tb.records()[0].order, vec![1, 2, 3]);
        assert_eq!(tb.records()[0].decision, TieDecision::LastPlaces);
    }

    #[test]
    fn with_fewer_options_than_places_all_win() {
        let mut tb = TieBreaker::new(TiePolicy::Lot, None, &names(2));
        let r = rank(vec![3, 3], &[0, 1], 5, 0, 0, &mut tb).expect("rank");
        assert_eq!(r.winners, vec![0, 1]);
    }
}
