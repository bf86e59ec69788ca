//! Who may do what with one proposal (spec §1, §2): the organisation's policy
//! ([`super::policy`]) first, then the proposal's own facts. Checked in this order, so the
//! refusal names the first thing to fix:
//!
//! 1. Reading: a draft is visible to its authors only (anyone else is told it does not
//!    exist); a published proposal to everyone who may view the organisation.
//! 2. The organisation's policy for the action's kind: authoring (`DraftProposal`: an active
//!    member, facilitator or admin; never an observer) or commenting (`Comment`: any active
//!    member, observers included).
//! 3. Authoring in a group's proposal needs membership of the group; commenting does not (a
//!    group proposal is visible to the whole organisation).
//! 4. Editing, adding co-authors, publishing, withdrawing and deciding amendments are for its
//!    authors.
//! 5. The proposal's state (table in [`super::proposal`]).
//! 6. While a decision round on it is open, its text is frozen (no edit, no amendment
//!    accepted or declined: the round may be deciding between them).
//!
//! Decided (the spec is silent): facilitators and admins have no power over someone else's
//! proposal text (they moderate comments); only authors withdraw, and only a published
//! proposal (a draft is simply left unpublished); any member who may author in the scope may
//! propose an amendment, its authors included.

use crate::domain::{
    policy::{self, Action, Actor, Refusal},
    proposal::ProposalState,
};
use serde::{Deserialize, Serialize};

/// What a person may try to do with one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalAction {
    /// Read it, its revisions and their differences.
    Read,
    /// Change its text (a draft in place; after publication, a new revision).
    Edit,
    /// Make another member an author.
    AddCoAuthor,
    /// Move a draft to discussion (revision 1).
    Publish,
    /// Withdraw it from discussion, with a reason.
    Withdraw,
    /// Comment on it.
    Comment,
    /// Propose an amendment.
    Amend,
    /// Accept or decline an amendment (accepting makes the next revision).
    DecideAmendment,
}

impl ProposalAction {
    /// Every action.
    pub const ALL: [ProposalAction; 8] = [
        ProposalAction::Read,
        ProposalAction::Edit,
        ProposalAction::AddCoAuthor,
        ProposalAction::Publish,
        ProposalAction::Withdraw,
        ProposalAction::Comment,
        ProposalAction::Amend,
        ProposalAction::DecideAmendment,
    ];

    /// The organisation's action this one needs first.
    fn organisation_action(self) -> Action {
        match self {
            ProposalAction::Read => Action::ViewOrganisation,
            ProposalAction::Comment => Action::Comment,
            ProposalAction::Edit
            | ProposalAction::AddCoAuthor
            | ProposalAction::Publish
            | ProposalAction::Withdraw
            | ProposalAction::Amend
            | ProposalAction::DecideAmendment => Action::DraftProposal,
        }
    }

    /// Whether the action writes the proposal's text or authorship.
    fn authors_it(self) -> bool {
        !matches!(self, ProposalAction::Read | ProposalAction::Comment)
    }

    /// Whether it changes the proposal's text (frozen while a round on it is open).
    fn changes_text(self) -> bool {
        matches!(self, ProposalAction::Edit | ProposalAction::DecideAmendment)
    }

    /// Whether only its authors may take it.
    fn authors_only(self) -> bool {
        matches!(
            self,
            ProposalAction::Edit
                | ProposalAction::AddCoAuthor
                | ProposalAction::Publish
                | ProposalAction::Withdraw
                | ProposalAction::DecideAmendment
        )
    }

    /// Whether the proposal's state allows it.
    fn allowed_in(self, state: ProposalState) -> bool {
        use ProposalState::{Discussion, Draft};
        match self {
            ProposalAction::Read => true,
            ProposalAction::Edit | ProposalAction::AddCoAuthor => state.is_open(),
            ProposalAction::Publish => state == Draft,
            ProposalAction::Withdraw
            | ProposalAction::Comment
            | ProposalAction::Amend
            | ProposalAction::DecideAmendment => state == Discussion,
        }
    }
}

/// Who is asking, as seen from one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Their standing in the organisation.
    pub actor: Actor,
    /// Whether they are one of its authors.
    pub author: bool,
    /// Whether they may author in its scope: always for an organisation's proposal; for a
    /// group's, whether they are a member of the group.
    pub in_scope: bool,
}

/// What is true of the proposal now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// Its state.
    pub state: ProposalState,
    /// Whether a decision round on it is open.
    pub round_open: bool,
}

/// Decides whether `standing` may take `action` on a proposal with these `facts`. A refused
/// [`ProposalAction::Read`] of a draft is `NotAnAuthor`, which callers answer as "not found".
pub fn authorise(action: ProposalAction, standing: Standing, facts: Facts) -> Result<(), Refusal> {
    // Step 1: drafts are their authors' alone.
    if facts.state == ProposalState::Draft && !standing.author {
        policy::authorise(&standing.actor, Action::ViewOrganisation)?;
        return Err(Refusal::NotAnAuthor);
    }
    // Step 2.
    policy::authorise(&standing.actor, action.organisation_action())?;
    // Step 3.
    if action.authors_it() && !standing.in_scope {
        return Err(Refusal::NotInGroup);
    }
    // Step 4.
    if action.authors_only() && !standing.author {
        return Err(Refusal::NotAnAuthor);
    }
    // Step 5.
    if !action.allowed_in(facts.state) {
        return Err(Refusal::ProposalState { state: facts.state });
    }
    // Step 6.
    if action.changes_text() && facts.round_open {
        return Err(Refusal::RoundOpen);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roles::{MembershipState, Role};

    fn people() -> [(&'static str, Standing); 10] {
        let member = |role, state, author, in_scope| Standing {
            actor: Actor::member(role, state),
            author,
            in_scope,
        };
        use MembershipState::{Active, Suspended};
        [
            (
                "signed out",
                Standing {
                    actor: Actor::Anonymous,
                    author: false,
                    in_scope: false,
                },
            ),
            (
                "non-member",
                Standing {
                    actor: Actor::account(None),
                    author: false,
                    in_scope: false,
                },
            ),
            ("observer", member(Role::Observer, Active, false, true)),
            (
                "suspended author",
                member(Role::Member, Suspended, true, true),
            ),
            (
                "member outside the group",
                member(Role::Member, Active, false, false),
            ),
            ("member", member(Role::Member, Active, false, true)),
            ("author", member(Role::Member, Active, true, true)),
            // A co-author is an author like the first (`proposal_authors` holds both).
            ("co-author", member(Role::Member, Active, true, true)),
            (
                "facilitator",
                member(Role::Facilitator, Active, false, true),
            ),
            ("admin", member(Role::Admin, Active, false, true)),
        ]
    }

    fn cell(outcome: Result<(), Refusal>) -> &'static str {
        match outcome {
            Ok(()) => "ok",
            Err(refusal) => refusal.code(),
        }
    }

    /// One row per person: the outcome of Read, Edit, AddCoAuthor, Publish, Withdraw,
    /// Comment, Amend, DecideAmendment on a proposal in `state`.
    fn matrix(state: ProposalState, round_open: bool) -> Vec<String> {
        let facts = Facts { state, round_open };
        people()
            .into_iter()
            .map(|(who, standing)| {
                let cells: Vec<_> = ProposalAction::ALL
                    .into_iter()
                    .map(|action| cell(authorise(action, standing, facts)))
                    .collect();
                format!("{who}: {}", cells.join(" "))
            })
            .collect()
    }

    #[test]
    fn a_draft_is_its_authors_alone() {
        assert_eq!(
            matrix(ProposalState::Draft, false),
            [
                "signed out: not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in",
                "non-member: not_a_member not_a_member not_a_member not_a_member not_a_member not_a_member not_a_member not_a_member",
                "observer: not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author",
                "suspended author: membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active",
                "member outside the group: not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author",
                "member: not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author",
                "author: ok ok ok ok proposal_state proposal_state proposal_state proposal_state",
                "co-author: ok ok ok ok proposal_state proposal_state proposal_state proposal_state",
                "facilitator: not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author",
                "admin: not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author not_an_author",
            ]
        );
    }

    #[test]
    fn a_proposal_in_discussion_is_read_by_all_and_written_by_its_authors() {
        assert_eq!(
            matrix(ProposalState::Discussion, false),
            [
                "signed out: not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in not_signed_in",
                "non-member: not_a_member not_a_member not_a_member not_a_member not_a_member not_a_member not_a_member not_a_member",
                "observer: ok role_too_low role_too_low role_too_low role_too_low ok role_too_low role_too_low",
                "suspended author: membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active membership_not_active",
                "member outside the group: ok not_in_group not_in_group not_in_group not_in_group ok not_in_group not_in_group",
                "member: ok not_an_author not_an_author not_an_author not_an_author ok ok not_an_author",
                "author: ok ok ok proposal_state ok ok ok ok",
                "co-author: ok ok ok proposal_state ok ok ok ok",
                "facilitator: ok not_an_author not_an_author not_an_author not_an_author ok ok not_an_author",
                "admin: ok not_an_author not_an_author not_an_author not_an_author ok ok not_an_author",
            ]
        );
    }

    #[test]
    fn a_round_in_progress_freezes_the_text_only() {
        let rows = matrix(ProposalState::Discussion, true);
        assert_eq!(
            rows[6],
            "author: ok round_open ok proposal_state ok ok ok round_open"
        );
    }

    #[test]
    fn decided_and_withdrawn_proposals_are_read_only() {
        for state in [ProposalState::Decided, ProposalState::Withdrawn] {
            let rows = matrix(state, false);
            assert_eq!(
                rows[6],
                "author: ok proposal_state proposal_state proposal_state proposal_state proposal_state proposal_state proposal_state",
                "{state}"
            );
            assert!(rows[2].starts_with("observer: ok "), "{state}");
        }
    }
}
