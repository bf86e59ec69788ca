//! Sociocratic consent (decision-rules.md §6): adopted when quorum is met and objections
//! are at most `max_objections`. Objections and concerns keep their reasons.

use crate::{
    ballot::{ConsentPosition, Contest, Marks},
    error::TallyError,
};
use serde::Serialize;

/// The consent part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentReport {
    /// Weight of `consent` positions.
    pub consent: u128,
    /// Weight of `concern` positions.
    pub concern: u128,
    /// Weight of `stand aside` positions.
    pub stand_aside: u128,
    /// Weight of `object` positions (the number compared with `max_objections`).
    pub object: u128,
    /// Objections tolerated.
    pub max_objections: u32,
    /// Every objection with its reason, in ballot order.
    pub objections: Vec<Reasoned>,
    /// Every concern with its reason where given, in ballot order.
    pub concerns: Vec<Reasoned>,
    /// Whether the objections are within the limit (the outcome also needs quorum).
    pub within_limit: bool,
}

/// A position with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reasoned {
    /// The ballot group's weight.
    pub weight: u64,
    /// The reason given, if any.
    pub reason: Option<String>,
}

/// Counts consent positions.
pub fn count(contest: &Contest, max_objections: u32) -> Result<ConsentReport, TallyError> {
    let mut r = ConsentReport {
        consent: 0,
        concern: 0,
        stand_aside: 0,
        object: 0,
        max_objections,
        objections: Vec::new(),
        concerns: Vec::new(),
        within_limit: false,
    };
    for group in &contest.ballots {
        let Marks::Consent { position, reason } = &group.marks else {
            continue;
        };
        let m = u128::from(group.weight);
        let slot = match position {
            ConsentPosition::Consent => &mut r.consent,
            ConsentPosition::Concern => &mut r.concern,
            ConsentPosition::StandAside => &mut r.stand_aside,
            ConsentPosition::Object => &mut r.object,
        };
        *slot = slot.checked_add(m).ok_or(TallyError::Overflow)?;
        let entry = Reasoned {
            weight: group.weight,
            reason: reason.clone(),
        };
        match position {
            ConsentPosition::Object => r.objections.push(entry),
            ConsentPosition::Concern => r.concerns.push(entry),
            _ => {}
        }
    }
    r.within_limit = r.object <= u128::from(max_objections);
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::with_marks;

    fn pos(position: ConsentPosition, reason: Option<&str>) -> Marks {
        Marks::Consent {
            position,
            reason: reason.map(str::to_owned),
        }
    }

    #[test]
    fn one_objection_blocks_by_default_and_reasons_are_kept() {
        let c = with_marks(
            &["proposal"],
            vec![
                (3, pos(ConsentPosition::Consent, None)),
                (1, pos(ConsentPosition::Concern, Some("cost"))),
                (1, pos(ConsentPosition::StandAside, None)),
                (1, pos(ConsentPosition::Object, Some("unsafe"))),
            ],
        );
        let r = count(&c, 0).expect("count");
        assert_eq!(
            (r.consent, r.concern, r.stand_aside, r.object),
            (3, 1, 1, 1)
        );
        assert!(!r.within_limit);
        assert_eq!(r.objections[0].reason.as_deref(), Some("unsafe"));
        assert_eq!(r.concerns[0].reason.as_deref(), Some("cost"));
        assert!(count(&c, 1).expect("count").within_limit);
    }
}
