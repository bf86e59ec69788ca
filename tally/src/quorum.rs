//! Quorum (decision-rules.md §5): ballots cast, abstentions included, against
//! `ceil(q × electorate)` or an absolute count.

use crate::{config::Quorum, error::TallyError};
use serde::Serialize;

/// Participation against the quorum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuorumReport {
    /// The rule.
    pub rule: Quorum,
    /// The electorate size, where given.
    pub electorate: Option<u64>,
    /// Ballots cast: the total weight of every ballot group, abstentions included.
    pub cast: u128,
    /// Ballots needed.
    pub needed: u128,
    /// Whether `cast ≥ needed`.
    pub met: bool,
}

/// Checks the quorum for `cast` ballots.
pub fn check(
    rule: &Quorum,
    cast: u128,
    electorate: Option<u64>,
) -> Result<QuorumReport, TallyError> {
    let needed = match *rule {
        Quorum::None => 0,
        Quorum::Count { count } => u128::from(count),
        Quorum::Fraction {
            numerator,
            denominator,
        } => {
            if denominator == 0 {
                return Err(TallyError::ZeroDenominator);
            }
            let e = u128::from(electorate.ok_or(TallyError::ElectorateRequired)?);
            let product = e
                .checked_mul(u128::from(numerator))
                .ok_or(TallyError::Overflow)?;
            product.div_ceil(u128::from(denominator))
        }
    };
    Ok(QuorumReport {
        rule: *rule,
        electorate,
        cast,
        needed,
        met: cast >= needed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fractional_quorum_rounds_up() {
        let half = Quorum::Fraction {
            numerator: 1,
            denominator: 2,
        };
        let r = check(&half, 5, Some(11)).expect("quorum");
        assert_eq!(r.needed, 6);
        assert!(!r.met);
        assert!(check(&half, 6, Some(11)).expect("quorum").met);
        let two_thirds = Quorum::Fraction {
            numerator: 2,
            denominator: 3,
        };
        assert_eq!(check(&two_thirds, 8, Some(12)).expect("quorum").needed, 8);
    }

    #[test]
    fn an_absolute_quorum_is_a_count_of_ballots() {
        let q = Quorum::Count { count: 10 };
        assert!(!check(&q, 9, None).expect("quorum").met);
        assert!(check(&q, 10, None).expect("quorum").met);
    }

    #[test]
    fn a_fractional_quorum_needs_the_electorate() {
        let q = Quorum::Fraction {
            numerator: 1,
            denominator: 2,
        };
        assert_eq!(check(&q, 3, None), Err(TallyError::ElectorateRequired));
    }
}
