//! Score voting (counting-rules.md §6.3): 0–5 per option, a blank option scores 0.

use crate::{
    ballot::{Contest, Marks},
    error::TallyError,
    methods::totals::{self, TotalsReport, add_weighted},
    per_option::Options,
    tie_break::TieBreaker,
};

/// Counts scores (total = Σ m · score); highest total wins.
pub fn count(contest: &Contest, ties: &mut TieBreaker) -> Result<TotalsReport, TallyError> {
    points(contest, ties)
}

/// Sums `Points` ballots (score and dot vote share this): total = Σ m · points.
pub(crate) fn points(contest: &Contest, ties: &mut TieBreaker) -> Result<TotalsReport, TallyError> {
    let active = totals::active(contest);
    let options = Options::new(contest.options.len())?;
    let mut sums = options.filled(0_i128);
    let (mut valid, mut blank) = (0_u128, 0_u128);
    for group in &contest.ballots {
        let Marks::Points(marks) = &group.marks else {
            continue;
        };
        let marked: Vec<_> = marks.iter().filter(|(o, _)| active.contains(o)).collect();
        if marked.is_empty() {
            blank = blank.saturating_add(u128::from(group.weight));
            continue;
        }
        valid = valid.saturating_add(u128::from(group.weight));
        for &&(o, x) in &marked {
            add_weighted(&mut sums[options.check(o)?], group.weight, i128::from(x))?;
        }
    }
    totals::rank(sums.to_vec(), &active, 1, valid, blank, ties)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{config::TiePolicy, test_support::with_marks};

    #[test]
    fn the_highest_weighted_score_wins_and_blanks_score_zero() {
        let c = with_marks(
            &["A", "B"],
            vec![
                (2, Marks::Points(vec![(0, 5)])),
                (3, Marks::Points(vec![(0, 1), (1, 4)])),
            ],
        );
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &c.options);
        let r = count(&c, &mut tb).expect("count");
        assert_eq!(r.totals, vec![13, 12]);
        assert_eq!(r.winners, vec![0]);
    }
}
