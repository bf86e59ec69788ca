//! Quadratic voting (counting-rules.md §6.5): result Σ m · v per option; each ballot's credits
//! Σ v² and the total Σ m · Σ v² are reported.

use crate::{
    ballot::{Contest, Marks},
    error::TallyError,
    methods::totals::{self, TotalsReport, add_weighted},
    per_option::Options,
    tie_break::TieBreaker,
};
use serde::Serialize;

/// The quadratic part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuadraticReport {
    /// Voice credits per voter (B).
    pub budget: u32,
    /// Sums, tiers and winner (sums may be negative).
    pub result: TotalsReport,
    /// Credits spent by each ballot group (Σ v² of one of its ballots), in contest order.
    pub credits: Vec<GroupCredits>,
    /// Σ m · (Σ v²) over all ballots.
    pub credits_total: u128,
}

/// Credits spent by one ballot group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupCredits {
    /// Index of the ballot group in the contest.
    pub group: usize,
    /// Its multiplicity.
    pub weight: u64,
    /// Σ v² of one of its ballots.
    pub credits: u128,
}

/// Counts quadratic votes.
pub fn count(
    contest: &Contest,
    budget: u32,
    ties: &mut TieBreaker,
) -> Result<QuadraticReport, TallyError> {
    let active = totals::active(contest);
    let options = Options::new(contest.options.len())?;
    let mut sums = options.filled(0_i128);
    let mut credits = Vec::new();
    let mut credits_total = 0_u128;
    let (mut valid, mut blank) = (0_u128, 0_u128);
    for (group, ballot) in contest.ballots.iter().enumerate() {
        let Marks::Points(marks) = &ballot.marks else {
            continue;
        };
        let mut spent = 0_u128;
        let mut any = false;
        for &(o, v) in marks.iter().filter(|(o, _)| active.contains(o)) {
            any = true;
            add_weighted(&mut sums[options.check(o)?], ballot.weight, i128::from(v))?;
            let square = u128::from(v.unsigned_abs()).pow(2);
            spent = spent.checked_add(square).ok_or(TallyError::Overflow)?;
        }
        let m = u128::from(ballot.weight);
        if any {
            valid = valid.saturating_add(m)
        } else {
            blank = blank.saturating_add(m)
        }
        let weighted = spent.checked_mul(m).ok_or(TallyError::Overflow)?;
        credits_total = credits_total
            .checked_add(weighted)
            .ok_or(TallyError::Overflow)?;
        credits.push(GroupCredits {
            group,
            weight: ballot.weight,
            credits: spent,
        });
    }
    let result = totals::rank(sums.to_vec(), &active, 1, valid, blank, ties)?;
    Ok(QuadraticReport {
        budget,
        result,
        credits,
        credits_total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::TiePolicy, test_support::with_marks};

    #[test]
    fn sums_and_credits_are_weighted_exactly_and_negative_sums_rank_last() {
        let c = with_marks(
            &["A", "B", "C"],
            vec![
                (2, Marks::Points(vec![(0, 3), (1, -1)])),
                (1, Marks::Points(vec![(1, -4), (2, 2)])),
            ],
        );
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &c.options);
        let r = count(&c, 100, &mut tb).expect("count");
        assert_eq!(r.result.totals, vec![6, -6, 2]);
        assert_eq!(r.result.tiers, vec![vec![0], vec![2], vec![1]]);
        assert_eq!(
            r.credits.iter().map(|g| g.credits).collect::<Vec<_>>(),
            vec![10, 20]
        );
        assert_eq!(r.credits_total, 40);
    }
}
