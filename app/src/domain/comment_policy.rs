//! Who may do what with one comment (spec §1, §2): the proposal's policy
//! ([`super::proposal_policy`]) first, then the comment's own rule. Checked in this order:
//!
//! 1. Posting, editing and deleting need the proposal's `Comment` (an active member,
//!    observers included; the proposal in discussion).
//! 2. Editing and deleting are for the comment's author alone, whatever their role.
//! 3. Hiding needs to read the proposal and the organisation's `HideComment` (facilitators
//!    and admins); a comment can be hidden whatever the proposal's state (a thread that was
//!    closed by a withdrawal can still hold something that must go).

use crate::domain::{
    policy::{self, Action, Refusal},
    proposal_policy::{self, Facts, ProposalAction, Standing},
};
use serde::{Deserialize, Serialize};

/// What a person may try to do with a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentAction {
    /// Post a comment or a reply.
    Post,
    /// Change one's own comment (the earlier text kept).
    Edit,
    /// Delete one's own comment (its place kept).
    Delete,
    /// Hide someone's comment, with a reason.
    Hide,
}

impl CommentAction {
    /// Every action.
    pub const ALL: [CommentAction; 4] = [
        CommentAction::Post,
        CommentAction::Edit,
        CommentAction::Delete,
        CommentAction::Hide,
    ];
}

/// Decides whether `standing` may take `action` on a comment (written by them, if
/// `comment_author`) of a proposal with these `facts`.
pub fn authorise(
    action: CommentAction,
    standing: Standing,
    comment_author: bool,
    facts: Facts,
) -> Result<(), Refusal> {
    match action {
        CommentAction::Post => proposal_policy::authorise(ProposalAction::Comment, standing, facts),
        CommentAction::Edit | CommentAction::Delete => {
            proposal_policy::authorise(ProposalAction::Comment, standing, facts)?;
            if comment_author {
                Ok(())
            } else {
                Err(Refusal::NotCommentAuthor)
            }
        }
        CommentAction::Hide => {
            proposal_policy::authorise(ProposalAction::Read, standing, facts)?;
            policy::authorise(&standing.actor, Action::HideComment)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        policy::Actor,
        proposal::ProposalState,
        roles::{MembershipState, Role},
    };

    /// (who, standing, wrote the comment).
    fn people() -> Vec<(&'static str, Standing, bool)> {
        let member = |role, state, author, in_scope| Standing {
            actor: Actor::member(role, state),
            author,
            in_scope,
        };
        use MembershipState::{Active, Suspended};
        vec![
            (
                "non-member",
                Standing {
                    actor: Actor::account(None),
                    author: false,
                    in_scope: false,
                },
                false,
            ),
            (
                "observer",
                member(Role::Observer, Active, false, true),
                false,
            ),
            (
                "observer, its author",
                member(Role::Observer, Active, false, true),
                true,
            ),
            (
                "suspended member, its author",
                member(Role::Member, Suspended, false, true),
                true,
            ),
            (
                "member outside the group",
                member(Role::Member, Active, false, false),
                false,
            ),
            ("member", member(Role::Member, Active, false, true), false),
            (
                "member, its author",
                member(Role::Member, Active, false, true),
                true,
            ),
            (
                "proposal's co-author",
                member(Role::Member, Active, true, true),
                false,
            ),
            (
                "facilitator",
                member(Role::Facilitator, Active, false, true),
                false,
            ),
            ("admin", member(Role::Admin, Active, false, true), false),
        ]
    }

    /// One row per person: Post, Edit, Delete, Hide on a comment of a proposal in `state`.
    fn matrix(state: ProposalState) -> Vec<String> {
        let facts = Facts {
            state,
            round_open: false,
        };
        people()
            .into_iter()
            .map(|(who, standing, wrote)| {
                let cells: Vec<&str> = CommentAction::ALL
                    .into_iter()
                    .map(|action| match authorise(action, standing, wrote, facts) {
                        Ok(()) => "ok",
                        Err(refusal) => refusal.code(),
                    })
                    .collect();
                format!("{who}: {}", cells.join(" "))
            })
            .collect()
    }

    #[test]
    fn in_discussion_members_comment_authors_change_their_own_and_facilitators_hide() {
        assert_eq!(
            matrix(ProposalState::Discussion),
            [
                "non-member: not_a_member not_a_member not_a_member not_a_member",
                "observer: ok not_comment_author not_comment_author role_too_low",
                "observer, its author: ok ok ok role_too_low",
                "suspended member, its author: membership_not_active membership_not_active membership_not_active membership_not_active",
                "member outside the group: ok not_comment_author not_comment_author role_too_low",
                "member: ok not_comment_author not_comment_author role_too_low",
                "member, its author: ok ok ok role_too_low",
                "proposal's co-author: ok not_comment_author not_comment_author role_too_low",
                "facilitator: ok not_comment_author not_comment_author ok",
                "admin: ok not_comment_author not_comment_author ok",
            ]
        );
    }

    #[test]
    fn a_closed_thread_is_kept_and_can_still_be_moderated() {
        for state in [ProposalState::Withdrawn, ProposalState::Decided] {
            let rows = matrix(state);
            assert_eq!(
                rows[6],
                "member, its author: proposal_state proposal_state proposal_state role_too_low",
                "{state}"
            );
            assert_eq!(
                rows[8], "facilitator: proposal_state proposal_state proposal_state ok",
                "{state}"
            );
        }
    }
}
