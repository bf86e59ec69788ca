//! Amendments (decision-rules.md §2): a member proposes a new text for a proposal in
//! discussion, with a reason; its authors accept it (it becomes the next revision, credited to
//! the amender) or decline it with a reason. Every amendment and its outcome stays visible.
//!
//! | state      | accept | decline | (rounds issue) put to a vote |
//! |------------|--------|---------|------------------------------|
//! | `open`     | yes    | yes     | yes                          |
//! | `accepted` | no     | no      | no                           |
//! | `declined` | no     | no      | no                           |
//!
//! Decided (the spec is silent): an amendment is made against one revision. Once the proposal
//! has a newer revision, accepting it would silently undo the changes in between, so it is
//! refused ([`AmendmentProblem::Outdated`]); the authors may still decline it, and the amender
//! may propose it again against the newer text.

use crate::domain::{proposal::ProposalText, rule::Rule};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where an amendment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum),
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::N(16))",
        rename_all = "snake_case"
    )
)]
pub enum AmendmentState {
    /// Waiting for the authors (or, with the rounds issue, a vote).
    Open,
    /// Accepted by an author: it became the next revision.
    Accepted,
    /// Declined by an author, with a reason.
    Declined,
}

impl AmendmentState {
    /// The stable snake_case code (stored, and the suffix of its translation key).
    pub fn code(self) -> &'static str {
        match self {
            AmendmentState::Open => "open",
            AmendmentState::Accepted => "accepted",
            AmendmentState::Declined => "declined",
        }
    }
}

impl fmt::Display for AmendmentState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Something wrong with an amendment, or with deciding it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmendmentProblem {
    /// The amendment's text is the proposal's text: nothing to amend.
    Unchanged,
    /// The amendment was decided already.
    Decided {
        /// How.
        state: AmendmentState,
    },
    /// The proposal got a newer revision while the amender wrote.
    Stale {
        /// The revision the amender started from.
        base: i32,
        /// The proposal's revision now.
        current: i32,
    },
    /// The proposal has a newer revision than the one the amendment changes.
    Outdated {
        /// The revision the amendment was made against.
        base: i32,
        /// The proposal's revision now.
        current: i32,
    },
}

impl Rule for AmendmentProblem {
    fn code(&self) -> &'static str {
        match self {
            AmendmentProblem::Unchanged => "amendment_unchanged",
            AmendmentProblem::Decided { .. } => "amendment_decided",
            AmendmentProblem::Stale { .. } => "amendment_stale",
            AmendmentProblem::Outdated { .. } => "amendment_outdated",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            AmendmentProblem::Decided { state } => {
                vec![("state".to_owned(), state.code().to_owned())]
            }
            AmendmentProblem::Stale { base, current }
            | AmendmentProblem::Outdated { base, current } => {
                crate::domain::rule::args([("base", base as &dyn ToString), ("current", current)])
            }
            AmendmentProblem::Unchanged => Vec::new(),
        }
    }
}

impl fmt::Display for AmendmentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmendmentProblem::Unchanged => {
                f.write_str("The amendment's text is the same as the proposal's: change something.")
            }
            AmendmentProblem::Decided { state } => {
                write!(f, "This amendment was {state} already.")
            }
            AmendmentProblem::Stale { base, current } => write!(
                f,
                "The proposal got revision {current} while you wrote against revision {base}: \
                 look at the newer text, then send your amendment again."
            ),
            AmendmentProblem::Outdated { base, current } => write!(
                f,
                "This amendment changes revision {base}, but the proposal is at revision \
                 {current} now: accepting it would undo the changes in between. Decline it, \
                 or ask for it again against the newer text."
            ),
        }
    }
}

/// Checks a proposed amendment, written against revision `base`, against the proposal's
/// `current` revision and text.
pub fn check_new(
    text: &ProposalText,
    base: i32,
    current: (i32, &ProposalText),
) -> Result<(), AmendmentProblem> {
    if base != current.0 {
        Err(AmendmentProblem::Stale {
            base,
            current: current.0,
        })
    } else if text == current.1 {
        Err(AmendmentProblem::Unchanged)
    } else {
        Ok(())
    }
}

/// Checks that an amendment in `state` may be declined (an outdated one may).
pub fn check_decline(state: AmendmentState) -> Result<(), AmendmentProblem> {
    match state {
        AmendmentState::Open => Ok(()),
        state => Err(AmendmentProblem::Decided { state }),
    }
}

/// Checks that an amendment in `state`, made against revision `base`, may be accepted while
/// the proposal is at revision `current`.
pub fn check_accept(
    state: AmendmentState,
    base: i32,
    current: i32,
) -> Result<(), AmendmentProblem> {
    check_decline(state)?;
    if base == current {
        Ok(())
    } else {
        Err(AmendmentProblem::Outdated { base, current })
    }
}

/// The change note of the revision an accepted amendment becomes.
pub fn revision_note(number: i32, reason: &str) -> String {
    let line = reason.lines().next().unwrap_or_default();
    let mut note = format!("Amendment {number}: {line}");
    if note.chars().count() > crate::domain::proposal::NOTE_MAX_CHARS {
        note = note
            .chars()
            .take(crate::domain::proposal::NOTE_MAX_CHARS - 1)
            .collect();
        note.push('…');
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(body: &str) -> ProposalText {
        ProposalText::parse("A title", "", body).expect("valid")
    }

    #[test]
    fn an_amendment_must_change_something() {
        assert_eq!(
            check_new(&text("Same"), 1, (1, &text("Same"))),
            Err(AmendmentProblem::Unchanged)
        );
        assert_eq!(check_new(&text("New"), 1, (1, &text("Old"))), Ok(()));
    }

    #[test]
    fn an_amendment_is_written_against_the_latest_revision() {
        assert_eq!(
            check_new(&text("New"), 1, (2, &text("Old"))),
            Err(AmendmentProblem::Stale {
                base: 1,
                current: 2
            })
        );
    }

    #[test]
    fn only_open_amendments_against_the_current_revision_are_accepted() {
        assert_eq!(check_accept(AmendmentState::Open, 2, 2), Ok(()));
        assert_eq!(
            check_accept(AmendmentState::Open, 1, 2),
            Err(AmendmentProblem::Outdated {
                base: 1,
                current: 2
            })
        );
        for state in [AmendmentState::Accepted, AmendmentState::Declined] {
            assert_eq!(
                check_accept(state, 2, 2),
                Err(AmendmentProblem::Decided { state })
            );
            assert_eq!(
                check_decline(state),
                Err(AmendmentProblem::Decided { state })
            );
        }
        // An outdated amendment can still be declined.
        assert_eq!(check_decline(AmendmentState::Open), Ok(()));
    }

    #[test]
    fn the_revision_note_names_the_amendment_and_fits_the_note_limit() {
        assert_eq!(
            revision_note(3, "Shorter hours\nbecause…"),
            "Amendment 3: Shorter hours"
        );
        let long = revision_note(1, &"x".repeat(2_000));
        assert_eq!(
            long.chars().count(),
            crate::domain::proposal::NOTE_MAX_CHARS
        );
        assert!(long.ends_with('…'));
    }

    #[test]
    fn problems_have_stable_codes_and_arguments() {
        let outdated = AmendmentProblem::Outdated {
            base: 1,
            current: 3,
        };
        assert_eq!(outdated.code(), "amendment_outdated");
        assert_eq!(
            outdated.args(),
            vec![
                ("base".to_owned(), "1".to_owned()),
                ("current".to_owned(), "3".to_owned())
            ]
        );
        assert!(outdated.to_string().contains("revision 3"));
    }
}
