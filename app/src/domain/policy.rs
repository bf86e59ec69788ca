//! The one authorisation policy: who may do what in an organisation (spec §1 "People and
//! roles"). Every server function calls [`authorise`] before it loads or writes anything; the
//! browser calls it only to hide buttons.
//!
//! The rules, checked in this order so the refusal names the first thing to fix:
//! 1. Signed out: refused with `not_signed_in` (every action needs an account).
//! 2. `CreateOrganisation` needs only an account.
//! 3. `AcceptInvitation`: refused with `already_a_member` if active, `membership_not_active`
//!    if suspended (an invitation does not lift a suspension); otherwise allowed, also with no
//!    membership row at all (the invitation itself is checked by `invitation::check`).
//! 4. No membership row in the organisation: `not_a_member`.
//! 5. `LeaveOrganisation`: an active or suspended member may leave, whatever their role (the
//!    last-admin rule needs the organisation's numbers and lives in `membership::transition`).
//! 6. Any other action needs an `active` membership (spec §1: only active members act), else
//!    `membership_not_active` with the state.
//! 7. `Vote`: observers are refused with `observers_do_not_vote`; every other role votes.
//! 8. Otherwise the action's minimum role applies (roles are cumulative), else `role_too_low`.
//!
//! Decided (the spec is silent): reading the organisation, its members and its audit log is open
//! to every active member including observers, and closed to invited, suspended and former
//! members; groups are managed by admins; hiding a comment is a facilitator's job (spec §2).

use crate::domain::roles::{Membership, MembershipState, Role};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Who is asking, as seen from the organisation concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    /// Nobody is signed in.
    Anonymous,
    /// A signed-in account, with its membership row in the organisation concerned, if any.
    Account {
        /// The account's membership of the organisation concerned; `None` if it has no row.
        membership: Option<Membership>,
    },
}

impl Actor {
    /// A signed-in account with this (optional) membership row, e.g. straight from a query.
    pub fn account(membership: Option<Membership>) -> Actor {
        Actor::Account { membership }
    }

    /// A signed-in account holding `role` in state `state` in the organisation concerned.
    pub fn member(role: Role, state: MembershipState) -> Actor {
        Actor::account(Some(Membership::new(role, state)))
    }
}

/// Everything a person may try to do in or around an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Read the organisation's pages: proposals, rounds, results, meetings.
    ViewOrganisation,
    /// Change name, slug, time zone, default language or description.
    EditOrganisationSettings,
    /// See the member list.
    ViewMembers,
    /// Create invitations.
    InviteMembers,
    /// List, revoke or change pending invitations.
    ManageInvitations,
    /// Change someone's role.
    ChangeRole,
    /// Suspend an active member.
    SuspendMember,
    /// Reinstate a suspended member.
    ReinstateMember,
    /// Remove a member (they become `left`).
    RemoveMember,
    /// Leave the organisation oneself.
    LeaveOrganisation,
    /// Accept an invitation to the organisation (the token is checked by `invitation::check`).
    AcceptInvitation,
    /// Create a group (working group, circle).
    CreateGroup,
    /// Add people to a group or take them out.
    ManageGroupMembers,
    /// Read the audit log (spec §8).
    ViewAuditLog,
    /// Export the whole organisation as JSON (spec §14).
    ExportOrganisation,
    /// Draft a proposal or revise one's own.
    DraftProposal,
    /// Comment on a proposal.
    Comment,
    /// Hide a comment, with a reason (spec §2).
    HideComment,
    /// Cast or change a ballot.
    Vote,
    /// Create, schedule or open a decision round.
    OpenRound,
    /// Close, extend or cancel a decision round.
    CloseRound,
    /// Run a meeting and keep its minutes.
    RunMeeting,
    /// Write a round's outcome statement.
    WriteOutcome,
    /// Export minutes.
    ExportMinutes,
    /// Create a new organisation (any signed-in account).
    CreateOrganisation,
}

impl Action {
    /// Every action, in declaration order.
    pub const ALL: [Action; 25] = [
        Action::ViewOrganisation,
        Action::EditOrganisationSettings,
        Action::ViewMembers,
        Action::InviteMembers,
        Action::ManageInvitations,
        Action::ChangeRole,
        Action::SuspendMember,
        Action::ReinstateMember,
        Action::RemoveMember,
        Action::LeaveOrganisation,
        Action::AcceptInvitation,
        Action::CreateGroup,
        Action::ManageGroupMembers,
        Action::ViewAuditLog,
        Action::ExportOrganisation,
        Action::DraftProposal,
        Action::Comment,
        Action::HideComment,
        Action::Vote,
        Action::OpenRound,
        Action::CloseRound,
        Action::RunMeeting,
        Action::WriteOutcome,
        Action::ExportMinutes,
        Action::CreateOrganisation,
    ];

    /// The least role that may take this action while active, for actions decided by role
    /// alone; `None` for the actions with their own rule (create, accept, leave).
    pub fn minimum_role(self) -> Option<Role> {
        match self {
            Action::ViewOrganisation
            | Action::ViewMembers
            | Action::ViewAuditLog
            | Action::Comment => Some(Role::Observer),
            Action::DraftProposal | Action::Vote => Some(Role::Member),
            Action::HideComment
            | Action::OpenRound
            | Action::CloseRound
            | Action::RunMeeting
            | Action::WriteOutcome
            | Action::ExportMinutes => Some(Role::Facilitator),
            Action::EditOrganisationSettings
            | Action::InviteMembers
            | Action::ManageInvitations
            | Action::ChangeRole
            | Action::SuspendMember
            | Action::ReinstateMember
            | Action::RemoveMember
            | Action::CreateGroup
            | Action::ManageGroupMembers
            | Action::ExportOrganisation => Some(Role::Admin),
            Action::LeaveOrganisation | Action::AcceptInvitation | Action::CreateOrganisation => {
                None
            }
        }
    }
}

/// Why an action was refused. Each variant has a stable snake_case [`Refusal::code`], which is
/// also its i18n key (`refusal-<code>` style keys are the caller's choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Refusal {
    /// Nobody is signed in.
    NotSignedIn,
    /// The account has no membership in the organisation.
    NotAMember,
    /// The membership exists but is not active (spec §1: only active members act).
    MembershipNotActive {
        /// The membership's current state.
        state: MembershipState,
    },
    /// The member's role is below the one the action needs.
    RoleTooLow {
        /// The least role that may take the action.
        needed: Role,
        /// The member's role.
        has: Role,
    },
    /// Observers read and comment but never vote (spec §1).
    ObserversDoNotVote,
    /// The account is already an active member, so there is no invitation to accept.
    AlreadyAMember,
    /// Only a proposal's authors (its author and co-authors) may do this.
    NotAnAuthor,
    /// Only members of the proposal's group may author in it (spec §1).
    NotInGroup,
    /// The proposal's state does not allow this (see `domain::proposal`).
    ProposalState {
        /// The proposal's state.
        state: crate::domain::proposal::ProposalState,
    },
    /// A decision round on the proposal is open: its text is frozen (spec §2).
    RoundOpen,
    /// Only a comment's author edits or deletes it.
    NotCommentAuthor,
    /// Only the members who could vote when the round opened vote in it (spec §3).
    NotInElectorate,
}

impl Refusal {
    /// The stable snake_case code, also the i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::NotSignedIn => "not_signed_in",
            Refusal::NotAMember => "not_a_member",
            Refusal::MembershipNotActive { .. } => "membership_not_active",
            Refusal::RoleTooLow { .. } => "role_too_low",
            Refusal::ObserversDoNotVote => "observers_do_not_vote",
            Refusal::AlreadyAMember => "already_a_member",
            Refusal::NotAnAuthor => "not_an_author",
            Refusal::NotInGroup => "not_in_group",
            Refusal::ProposalState { .. } => "proposal_state",
            Refusal::RoundOpen => "round_open",
            Refusal::NotCommentAuthor => "not_comment_author",
            Refusal::NotInElectorate => "not_in_electorate",
        }
    }

    /// The refusal's arguments for its translated message.
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            Refusal::MembershipNotActive { state } => {
                vec![("state".to_owned(), state.code().to_owned())]
            }
            Refusal::RoleTooLow { needed, has } => vec![
                ("needed".to_owned(), needed.code().to_owned()),
                ("has".to_owned(), has.code().to_owned()),
            ],
            Refusal::ProposalState { state } => {
                vec![("state".to_owned(), state.code().to_owned())]
            }
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotSignedIn => f.write_str("You need to sign in to do this."),
            Refusal::NotAMember => f.write_str("Only members of this organisation can do this."),
            Refusal::MembershipNotActive { state } => write!(
                f,
                "Only active members can do this, and your membership is {state}."
            ),
            Refusal::RoleTooLow { needed, has } => write!(
                f,
                "This needs the {needed} role or higher, and your role is {has}."
            ),
            Refusal::ObserversDoNotVote => {
                f.write_str("Observers read and comment but do not vote.")
            }
            Refusal::AlreadyAMember => f.write_str("You are already an active member."),
            Refusal::NotAnAuthor => f.write_str("Only the proposal's authors can do this."),
            Refusal::NotInGroup => f.write_str("Only members of the proposal's group can do this."),
            Refusal::ProposalState { state } => {
                write!(f, "This cannot be done while the proposal is {state}.")
            }
            Refusal::RoundOpen => {
                f.write_str("A decision round on this proposal is open, so its text cannot change.")
            }
            Refusal::NotCommentAuthor => f.write_str("Only a comment's author can do this."),
            Refusal::NotInElectorate => {
                f.write_str("Only the members who could vote when the round opened can vote in it.")
            }
        }
    }
}

impl std::error::Error for Refusal {}

/// Decides whether `actor` may take `action` in the organisation their membership belongs to.
/// See the module documentation for the order of the checks.
pub fn authorise(actor: &Actor, action: Action) -> Result<(), Refusal> {
    let Actor::Account { membership } = actor else {
        return Err(Refusal::NotSignedIn);
    };
    if action == Action::CreateOrganisation {
        return Ok(());
    }
    if action == Action::AcceptInvitation {
        return may_accept_invitation(membership.as_ref());
    }
    let Some(membership) = membership else {
        return Err(Refusal::NotAMember);
    };
    match action {
        Action::LeaveOrganisation => may_leave(membership.state),
        _ => may_act(membership, action),
    }
}

/// Step 3: an invitation may be accepted by an account with no membership yet, or an invited
/// or former one; not by an active member (nothing to accept) nor a suspended one.
fn may_accept_invitation(membership: Option<&Membership>) -> Result<(), Refusal> {
    let Some(Membership { state, .. }) = membership.copied() else {
        return Ok(());
    };
    match state {
        MembershipState::Active => Err(Refusal::AlreadyAMember),
        MembershipState::Suspended => Err(Refusal::MembershipNotActive { state }),
        MembershipState::Invited | MembershipState::Left => Ok(()),
    }
}

/// Step 5: active and suspended members may leave; invited and former members have nothing to
/// leave.
fn may_leave(state: MembershipState) -> Result<(), Refusal> {
    match state {
        MembershipState::Active | MembershipState::Suspended => Ok(()),
        MembershipState::Invited | MembershipState::Left => {
            Err(Refusal::MembershipNotActive { state })
        }
    }
}

/// Steps 6 to 8: an active membership with a high enough role.
fn may_act(membership: &Membership, action: Action) -> Result<(), Refusal> {
    if !membership.state.may_act() {
        return Err(Refusal::MembershipNotActive {
            state: membership.state,
        });
    }
    if action == Action::Vote && !membership.role.may_vote() {
        return Err(Refusal::ObserversDoNotVote);
    }
    // Every action reaching here has a minimum role; admin is the safe default otherwise.
    let needed = action.minimum_role().unwrap_or(Role::Admin);
    if membership.role >= needed {
        Ok(())
    } else {
        Err(Refusal::RoleTooLow {
            needed,
            has: membership.role,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_codes_are_stable_snake_case() {
        let refusals = [
            Refusal::NotSignedIn,
            Refusal::NotAMember,
            Refusal::MembershipNotActive {
                state: MembershipState::Left,
            },
            Refusal::RoleTooLow {
                needed: Role::Admin,
                has: Role::Member,
            },
            Refusal::ObserversDoNotVote,
            Refusal::AlreadyAMember,
            Refusal::NotAnAuthor,
            Refusal::NotInGroup,
            Refusal::ProposalState {
                state: crate::domain::proposal::ProposalState::Draft,
            },
            Refusal::RoundOpen,
            Refusal::NotCommentAuthor,
        ];
        let codes: Vec<&str> = refusals.iter().map(Refusal::code).collect();
        assert_eq!(
            codes,
            [
                "not_signed_in",
                "not_a_member",
                "membership_not_active",
                "role_too_low",
                "observers_do_not_vote",
                "already_a_member",
                "not_an_author",
                "not_in_group",
                "proposal_state",
                "round_open",
                "not_comment_author"
            ]
        );
    }

    #[test]
    fn messages_name_the_rule_and_the_facts() {
        let too_low = Refusal::RoleTooLow {
            needed: Role::Facilitator,
            has: Role::Member,
        };
        assert_eq!(
            too_low.to_string(),
            "This needs the facilitator role or higher, and your role is member."
        );
        let suspended = Refusal::MembershipNotActive {
            state: MembershipState::Suspended,
        };
        assert_eq!(
            suspended.to_string(),
            "Only active members can do this, and your membership is suspended."
        );
    }

    #[test]
    fn an_actor_is_built_from_a_membership_row() {
        let row = Some(Membership::new(Role::Admin, MembershipState::Active));
        assert_eq!(
            Actor::account(row),
            Actor::member(Role::Admin, MembershipState::Active)
        );
        assert_eq!(authorise(&Actor::account(row), Action::ChangeRole), Ok(()));
    }

    #[test]
    fn refusals_serialise_with_their_code_as_a_tag() {
        let json = serde_json::to_value(Refusal::RoleTooLow {
            needed: Role::Admin,
            has: Role::Observer,
        })
        .ok();
        assert_eq!(
            json,
            Some(serde_json::json!({"code": "role_too_low", "needed": "admin", "has": "observer"}))
        );
    }

    /// The nine kinds of people the issue names, in the matrix's column order. Invited,
    /// suspended and former members hold the member role.
    fn people() -> [(&'static str, Actor); 9] {
        use MembershipState::{Active, Invited, Left, Suspended};
        [
            ("logged-out", Actor::Anonymous),
            ("non-member", Actor::account(None)),
            ("invited", Actor::member(Role::Member, Invited)),
            ("suspended", Actor::member(Role::Member, Suspended)),
            ("left", Actor::member(Role::Member, Left)),
            ("observer", Actor::member(Role::Observer, Active)),
            ("member", Actor::member(Role::Member, Active)),
            ("facilitator", Actor::member(Role::Facilitator, Active)),
            ("admin", Actor::member(Role::Admin, Active)),
        ]
    }

    /// A short rendering of an outcome for the matrix (not a second copy of the rules).
    fn cell(outcome: Result<(), Refusal>) -> String {
        match outcome {
            Ok(()) => "ok".to_owned(),
            Err(Refusal::NotSignedIn) => "signin".to_owned(),
            Err(Refusal::NotAMember) => "nonmember".to_owned(),
            Err(Refusal::MembershipNotActive { state }) => state.code().to_owned(),
            Err(Refusal::RoleTooLow { needed, .. }) => format!("needs {needed}"),
            Err(Refusal::ObserversDoNotVote) => "no vote".to_owned(),
            Err(Refusal::AlreadyAMember) => "already".to_owned(),
            // Proposal refusals come from `proposal_policy`, never from `authorise`.
            Err(other) => other.code().to_owned(),
        }
    }

    #[test]
    fn the_full_matrix_of_actions_and_people_is_as_written() {
        const ADMIN: [&str; 9] = [
            "signin",
            "nonmember",
            "invited",
            "suspended",
            "left",
            "needs admin",
            "needs admin",
            "needs admin",
            "ok",
        ];
        const FACILITATOR: [&str; 9] = [
            "signin",
            "nonmember",
            "invited",
            "suspended",
            "left",
            "needs facilitator",
            "needs facilitator",
            "ok",
            "ok",
        ];
        const MEMBER: [&str; 9] = [
            "signin",
            "nonmember",
            "invited",
            "suspended",
            "left",
            "needs member",
            "ok",
            "ok",
            "ok",
        ];
        const READER: [&str; 9] = [
            "signin",
            "nonmember",
            "invited",
            "suspended",
            "left",
            "ok",
            "ok",
            "ok",
            "ok",
        ];
        #[rustfmt::skip]
        let expected: [(Action, [&str; 9]); 25] = [
            // action                      logged-out non-member invited suspended left observer member facilitator admin
            (Action::ViewOrganisation,         READER),
            (Action::EditOrganisationSettings, ADMIN),
            (Action::ViewMembers,              READER),
            (Action::InviteMembers,            ADMIN),
            (Action::ManageInvitations,        ADMIN),
            (Action::ChangeRole,               ADMIN),
            (Action::SuspendMember,            ADMIN),
            (Action::ReinstateMember,          ADMIN),
            (Action::RemoveMember,             ADMIN),
            (Action::LeaveOrganisation,        ["signin", "nonmember", "invited", "ok", "left", "ok", "ok", "ok", "ok"]),
            (Action::AcceptInvitation,         ["signin", "ok", "ok", "suspended", "ok", "already", "already", "already", "already"]),
            (Action::CreateGroup,              ADMIN),
            (Action::ManageGroupMembers,       ADMIN),
            (Action::ViewAuditLog,             READER),
            (Action::ExportOrganisation,       ADMIN),
            (Action::DraftProposal,            MEMBER),
            (Action::Comment,                  READER),
            (Action::HideComment,              FACILITATOR),
            (Action::Vote,                     ["signin", "nonmember", "invited", "suspended", "left", "no vote", "ok", "ok", "ok"]),
            (Action::OpenRound,                FACILITATOR),
            (Action::CloseRound,               FACILITATOR),
            (Action::RunMeeting,               FACILITATOR),
            (Action::WriteOutcome,             FACILITATOR),
            (Action::ExportMinutes,            FACILITATOR),
            (Action::CreateOrganisation,       ["signin", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ];
        let listed: Vec<Action> = expected.iter().map(|(action, _)| *action).collect();
        assert_eq!(
            listed,
            Action::ALL,
            "the table lists every action once, in order"
        );
        for (action, row) in expected {
            for ((who, actor), want) in people().iter().zip(row) {
                let got = cell(authorise(actor, action));
                assert_eq!(got, want, "{action:?} by {who}");
            }
        }
    }

    #[test]
    fn a_suspended_admin_cannot_use_admin_powers() {
        let actor = Actor::member(Role::Admin, MembershipState::Suspended);
        assert_eq!(
            authorise(&actor, Action::ChangeRole),
            Err(Refusal::MembershipNotActive {
                state: MembershipState::Suspended
            })
        );
    }

    #[test]
    fn a_former_admin_cannot_rejoin_by_themselves_but_may_accept_a_new_invitation() {
        let actor = Actor::member(Role::Admin, MembershipState::Left);
        assert!(authorise(&actor, Action::ReinstateMember).is_err());
        assert_eq!(authorise(&actor, Action::AcceptInvitation), Ok(()));
    }

    #[test]
    fn every_action_is_listed_once_in_all() {
        for (i, a) in Action::ALL.iter().enumerate() {
            for b in Action::ALL.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
    }
}
