//! Dot voting (counting-rules.md §6.4): up to `P` points per ballot, points per option shown.

use crate::{
    ballot::Contest,
    error::TallyError,
    methods::{score, totals::TotalsReport},
    tie_break::TieBreaker,
};

/// Counts dot votes: total = Σ m · points; highest total wins. The budget was checked by
/// validation before the count.
pub fn count(contest: &Contest, ties: &mut TieBreaker) -> Result<TotalsReport, TallyError> {
    score::points(contest, ties)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ballot::Marks, config::TiePolicy, test_support::with_marks};

    #[test]
    fn equal_dot_totals_for_first_are_broken_by_ballot_order() {
        let c = with_marks(
            &["A", "B"],
            vec![
                (1, Marks::Points(vec![(0, 3), (1, 7)])),
                (1, Marks::Points(vec![(0, 7)])),
            ],
        );
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &c.options);
        let r = count(&c, &mut tb).expect("count");
        assert_eq!(r.totals, vec![10, 7]);
        assert_eq!(r.winners, vec![0]);
        let c = with_marks(&["A", "B"], vec![(1, Marks::Points(vec![(0, 5), (1, 5)]))]);
        let r = count(&c, &mut tb).expect("count");
        assert_eq!(r.winners, vec![0]);
        assert_eq!(tb.records().len(), 1);
    }
}
