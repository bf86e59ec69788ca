//! Majority and supermajority (decision-rules.md §5, §6): `yes / base` against `p/q`,
//! compared exactly by integer cross-multiplication.

use crate::{
    ballot::{Choice, Contest, Marks},
    config::{Comparison, Threshold, ThresholdBase},
    error::TallyError,
    fixed::compare_fractions,
};
use serde::Serialize;
use std::cmp::Ordering;

/// The majority part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MajorityReport {
    /// Weight of `yes`.
    pub yes: u128,
    /// Weight of `no`.
    pub no: u128,
    /// Weight of `abstain`.
    pub abstain: u128,
    /// The threshold applied.
    pub threshold: Threshold,
    /// The base `yes` was divided by.
    pub base: u128,
    /// Whether `yes / base` passes the threshold (the outcome also needs quorum).
    pub passes: bool,
}

/// Counts a yes/no/abstain vote and judges it by the threshold.
pub fn count(
    contest: &Contest,
    threshold: &Threshold,
    electorate: Option<u64>,
) -> Result<MajorityReport, TallyError> {
    if threshold.denominator == 0 {
        return Err(TallyError::ZeroDenominator);
    }
    let (mut yes, mut no, mut abstain) = (0_u128, 0_u128, 0_u128);
    for group in &contest.ballots {
        let Marks::YesNo(choice) = &group.marks else {
            continue;
        };
        let slot = match choice {
            Choice::Yes => &mut yes,
            Choice::No => &mut no,
            Choice::Abstain => &mut abstain,
        };
        *slot = slot
            .checked_add(u128::from(group.weight))
            .ok_or(TallyError::Overflow)?;
    }
    let base = match threshold.base {
        ThresholdBase::VotesCast => yes.checked_add(no),
        ThresholdBase::AllBallots => yes.checked_add(no).and_then(|x| x.checked_add(abstain)),
        ThresholdBase::Electorate => Some(u128::from(
            electorate.ok_or(TallyError::ElectorateRequired)?,
        )),
    }
    .ok_or(TallyError::Overflow)?;
    Ok(MajorityReport {
        yes,
        no,
        abstain,
        threshold: *threshold,
        base,
        passes: passes(yes, base, threshold),
    })
}

/// `yes / base` against `numerator / denominator`; an empty base never passes.
pub fn passes(yes: u128, base: u128, threshold: &Threshold) -> bool {
    if base == 0 || threshold.denominator == 0 {
        return false;
    }
    let order = compare_fractions(
        yes,
        base,
        u128::from(threshold.numerator),
        u128::from(threshold.denominator),
    );
    match threshold.comparison {
        Comparison::MoreThan => order == Ordering::Greater,
        Comparison::AtLeast => order != Ordering::Less,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::with_marks;

    fn vote(yes: u64, no: u64, abstain: u64) -> Contest {
        with_marks(
            &["proposal"],
            vec![
                (yes, Marks::YesNo(Choice::Yes)),
                (no, Marks::YesNo(Choice::No)),
                (abstain, Marks::YesNo(Choice::Abstain)),
            ],
        )
    }

    fn threshold(
        numerator: u32,
        denominator: u32,
        comparison: Comparison,
        base: ThresholdBase,
    ) -> Threshold {
        Threshold {
            numerator,
            denominator,
            comparison,
            base,
        }
    }

    #[test]
    fn yes_equal_to_no_under_more_than_half_is_not_adopted() {
        let r = count(&vote(5, 5, 3), &Threshold::default(), None).expect("count");
        assert_eq!((r.yes, r.no, r.abstain, r.base), (5, 5, 3, 10));
        assert!(!r.passes);
        assert!(
            count(&vote(6, 5, 3), &Threshold::default(), None)
                .expect("count")
                .passes
        );
    }

    #[test]
    fn exactly_two_thirds_passes_at_least_but_not_more_than() {
        let at_least = threshold(2, 3, Comparison::AtLeast, ThresholdBase::VotesCast);
        let more_than = threshold(2, 3, Comparison::MoreThan, ThresholdBase::VotesCast);
        assert!(
            count(&vote(20, 10, 0), &at_least, None)
                .expect("count")
                .passes
        );
        assert!(
            !count(&vote(20, 10, 0), &more_than, None)
                .expect("count")
                .passes
        );
        assert!(
            !count(&vote(19, 10, 0), &at_least, None)
                .expect("count")
                .passes
        );
    }

    #[test]
    fn abstentions_count_in_the_all_ballots_base() {
        let t = threshold(1, 2, Comparison::MoreThan, ThresholdBase::AllBallots);
        let r = count(&vote(6, 2, 5), &t, None).expect("count");
        assert_eq!(r.base, 13);
        assert!(!r.passes);
    }

    #[test]
    fn the_electorate_base_needs_the_electorate() {
        let t = threshold(1, 2, Comparison::MoreThan, ThresholdBase::Electorate);
        assert_eq!(
            count(&vote(6, 0, 0), &t, None),
            Err(TallyError::ElectorateRequired)
        );
        let r = count(&vote(6, 0, 0), &t, Some(12)).expect("count");
        assert!(!r.passes);
        assert!(count(&vote(7, 0, 0), &t, Some(12)).expect("count").passes);
    }
}
