//! Approval voting with `k` winners (counting-rules.md §6.2).

use crate::{
    ballot::{Contest, Marks},
    error::TallyError,
    methods::totals::{self, TotalsReport, add_weighted},
    per_option::Options,
    tie_break::TieBreaker,
};

/// Counts approvals: total = Σ m over ballots approving the option; the `winners` highest win.
pub fn count(
    contest: &Contest,
    winners: u32,
    ties: &mut TieBreaker,
) -> Result<TotalsReport, TallyError> {
    if winners == 0 {
        return Err(TallyError::ZeroSeats);
    }
    let active = totals::active(contest);
    let options = Options::new(contest.options.len())?;
    let mut sums = options.filled(0_i128);
    let (mut valid, mut blank) = (0_u128, 0_u128);
    for group in &contest.ballots {
        let Marks::Approval(approved) = &group.marks else {
            continue;
        };
        let marked: Vec<_> = approved.iter().filter(|o| active.contains(o)).collect();
        if marked.is_empty() {
            blank = blank.saturating_add(u128::from(group.weight));
            continue;
        }
        valid = valid.saturating_add(u128::from(group.weight));
        for &o in marked {
            add_weighted(&mut sums[options.check(o)?], group.weight, 1)?;
        }
    }
    let k = usize::try_from(winners).map_err(|_| TallyError::Overflow)?;
    totals::rank(sums.to_vec(), &active, k, valid, blank, ties)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::TiePolicy, test_support::with_marks};

    #[test]
    fn the_two_most_approved_options_win() {
        let c = with_marks(
            &["A", "B", "C"],
            vec![
                (3, Marks::Approval(vec![0, 1])),
                (2, Marks::Approval(vec![2])),
                (1, Marks::Approval(vec![1])),
            ],
        );
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &c.options);
        let r = count(&c, 2, &mut tb).expect("count");
        assert_eq!(r.totals, vec![3, 4, 2]);
        assert_eq!(r.winners, vec![1, 0]);
    }

    #[test]
    fn a_tie_for_the_last_seat_is_broken_by_lot() {
        let c = with_marks(
            &["Oak", "Pine", "Elm"],
            vec![
                (2, Marks::Approval(vec![0, 1, 2])),
                (1, Marks::Approval(vec![0])),
            ],
        );
        let seed = crate::tie_break::seed_from_arg("quorate lot example");
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenLot, Some(&seed), &c.options);
        let r = count(&c, 2, &mut tb).expect("count");
        // Oak 3 wins outright; Pine and Elm tie at 2; the lot puts Pine before Elm.
        assert_eq!(r.winners, vec![0, 1]);
    }
}
