//! Membership transitions: accept, suspend, reinstate, remove, leave, change role (spec §1
//! "People and roles"). Who may ask for a change is [`crate::domain::policy::authorise`]'s
//! job; this module says whether the change is possible from the member's current state and
//! keeps the organisation from losing its last active admin.
//!
//! | change             | from                      | to        | also refused when                  |
//! |--------------------|---------------------------|-----------|------------------------------------|
//! | `AcceptInvitation` | invited                   | active    |                                    |
//! | `Suspend`          | active                    | suspended | the member is the last active admin|
//! | `Reinstate`        | suspended                 | active    |                                    |
//! | `Remove`           | invited, active, suspended| left      | the member is the last active admin|
//! | `Leave`            | active, suspended         | left      | the member is the last active admin|
//! | `ChangeRole(r)`    | active                    | active    | `r` is the current role; demoting the last active admin |
//!
//! The role is kept through every state change, so a reinstated member has their old role back.

use crate::domain::roles::{Membership, MembershipState, Role};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A change to one person's membership, as asked for by them or by an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", content = "role", rename_all = "snake_case")]
pub enum MembershipChange {
    /// The invited person accepts (invited → active).
    AcceptInvitation,
    /// An admin suspends an active member.
    Suspend,
    /// An admin reinstates a suspended member.
    Reinstate,
    /// An admin removes a member (→ left).
    Remove,
    /// The member leaves by themselves (→ left).
    Leave,
    /// An admin gives an active member a new role.
    ChangeRole(Role),
}

impl MembershipChange {
    /// A stable snake_case code for the change, e.g. for messages and audit kinds.
    pub fn code(self) -> &'static str {
        match self {
            MembershipChange::AcceptInvitation => "accept_invitation",
            MembershipChange::Suspend => "suspend",
            MembershipChange::Reinstate => "reinstate",
            MembershipChange::Remove => "remove",
            MembershipChange::Leave => "leave",
            MembershipChange::ChangeRole(_) => "change_role",
        }
    }
}

/// What the transition needs to know about the organisation as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgAdmins {
    /// How many members are `active` with the `admin` role, the member concerned included.
    pub active_admins: u32,
}

/// Why a membership change is not possible. Each variant has a stable snake_case
/// [`RuleViolation::code`], also its i18n key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum RuleViolation {
    /// The change does not apply to a member in this state.
    InvalidTransition {
        /// The member's current state.
        from: MembershipState,
        /// The change asked for.
        change: MembershipChange,
    },
    /// The last active admin cannot leave: the organisation would have nobody to run it.
    LastAdminCannotLeave,
    /// The last active admin cannot be given a lower role.
    LastAdminCannotBeDemoted,
    /// The last active admin cannot be suspended.
    LastAdminCannotBeSuspended,
    /// The last active admin cannot be removed.
    LastAdminCannotBeRemoved,
    /// The member already has the role asked for.
    RoleUnchanged {
        /// The member's current (and asked-for) role.
        role: Role,
    },
}

impl RuleViolation {
    /// The stable snake_case code, also the i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            RuleViolation::InvalidTransition { .. } => "invalid_transition",
            RuleViolation::LastAdminCannotLeave => "last_admin_cannot_leave",
            RuleViolation::LastAdminCannotBeDemoted => "last_admin_cannot_be_demoted",
            RuleViolation::LastAdminCannotBeSuspended => "last_admin_cannot_be_suspended",
            RuleViolation::LastAdminCannotBeRemoved => "last_admin_cannot_be_removed",
            RuleViolation::RoleUnchanged { .. } => "role_unchanged",
        }
    }
}

impl fmt::Display for RuleViolation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuleViolation::InvalidTransition { from, change } => write!(
                f,
                "A membership that is {from} cannot {}.",
                change_phrase(*change)
            ),
            RuleViolation::LastAdminCannotLeave => f.write_str(
                "The last active admin cannot leave; make another member an admin first.",
            ),
            RuleViolation::LastAdminCannotBeDemoted => f.write_str(
                "The last active admin cannot be given a lower role; make another member an admin first.",
            ),
            RuleViolation::LastAdminCannotBeSuspended => f.write_str(
                "The last active admin cannot be suspended; make another member an admin first.",
            ),
            RuleViolation::LastAdminCannotBeRemoved => f.write_str(
                "The last active admin cannot be removed; make another member an admin first.",
            ),
            RuleViolation::RoleUnchanged { role } => {
                write!(f, "This member already has the {role} role.")
            }
        }
    }
}

impl std::error::Error for RuleViolation {}

/// Applies `change` to the membership `current`, returning the new membership or the rule it
/// would break. `org` counts the organisation's active admins, `current` included if it is one.
pub fn transition(
    current: &Membership,
    change: MembershipChange,
    org: &OrgAdmins,
) -> Result<Membership, RuleViolation> {
    use MembershipState::{Active, Invited, Left, Suspended};
    let invalid = RuleViolation::InvalidTransition {
        from: current.state,
        change,
    };
    let last_admin = is_last_active_admin(current, org);
    match (change, current.state) {
        (MembershipChange::AcceptInvitation, Invited) => Ok(with_state(current, Active)),
        (MembershipChange::Suspend, Active) if last_admin => {
            Err(RuleViolation::LastAdminCannotBeSuspended)
        }
        (MembershipChange::Suspend, Active) => Ok(with_state(current, Suspended)),
        (MembershipChange::Reinstate, Suspended) => Ok(with_state(current, Active)),
        (MembershipChange::Remove, Invited | Active | Suspended) if last_admin => {
            Err(RuleViolation::LastAdminCannotBeRemoved)
        }
        (MembershipChange::Remove, Invited | Active | Suspended) => Ok(with_state(current, Left)),
        (MembershipChange::Leave, Active | Suspended) if last_admin => {
            Err(RuleViolation::LastAdminCannotLeave)
        }
        (MembershipChange::Leave, Active | Suspended) => Ok(with_state(current, Left)),
        (MembershipChange::ChangeRole(role), Active) => change_role(current, role, last_admin),
        _ => Err(invalid),
    }
}

/// Whether `member` is the only active admin left, so losing them leaves nobody to run the
/// organisation.
pub fn is_last_active_admin(member: &Membership, org: &OrgAdmins) -> bool {
    member.role == Role::Admin && member.state == MembershipState::Active && org.active_admins <= 1
}

/// `ChangeRole` on an active member: refuse no-ops and demoting the last active admin.
fn change_role(
    current: &Membership,
    role: Role,
    last_admin: bool,
) -> Result<Membership, RuleViolation> {
    if role == current.role {
        return Err(RuleViolation::RoleUnchanged { role });
    }
    if last_admin && role < Role::Admin {
        return Err(RuleViolation::LastAdminCannotBeDemoted);
    }
    Ok(Membership::new(role, current.state))
}

fn with_state(current: &Membership, state: MembershipState) -> Membership {
    Membership::new(current.role, state)
}

/// The verb phrase for a change, used in the `invalid_transition` message.
fn change_phrase(change: MembershipChange) -> &'static str {
    match change {
        MembershipChange::AcceptInvitation => "accept an invitation",
        MembershipChange::Suspend => "be suspended",
        MembershipChange::Reinstate => "be reinstated",
        MembershipChange::Remove => "be removed",
        MembershipChange::Leave => "leave",
        MembershipChange::ChangeRole(_) => "have its role changed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MembershipState::{Active, Invited, Left, Suspended};

    fn m(role: Role, state: MembershipState) -> Membership {
        Membership::new(role, state)
    }

    const ONE_ADMIN: OrgAdmins = OrgAdmins { active_admins: 1 };
    const TWO_ADMINS: OrgAdmins = OrgAdmins { active_admins: 2 };

    #[test]
    fn accepting_an_invitation_makes_the_member_active_with_the_invited_role() {
        let got = transition(
            &m(Role::Facilitator, Invited),
            MembershipChange::AcceptInvitation,
            &ONE_ADMIN,
        );
        assert_eq!(got, Ok(m(Role::Facilitator, Active)));
    }

    #[test]
    fn an_active_member_is_suspended_and_reinstated_with_their_role() {
        let suspended = transition(
            &m(Role::Member, Active),
            MembershipChange::Suspend,
            &ONE_ADMIN,
        );
        assert_eq!(suspended, Ok(m(Role::Member, Suspended)));
        let back = transition(
            &m(Role::Member, Suspended),
            MembershipChange::Reinstate,
            &ONE_ADMIN,
        );
        assert_eq!(back, Ok(m(Role::Member, Active)));
    }

    #[test]
    fn a_member_can_leave_while_active_or_suspended() {
        for state in [Active, Suspended] {
            let got = transition(&m(Role::Member, state), MembershipChange::Leave, &ONE_ADMIN);
            assert_eq!(got, Ok(m(Role::Member, Left)));
        }
    }

    #[test]
    fn an_admin_removes_an_invited_active_or_suspended_member() {
        for state in [Invited, Active, Suspended] {
            let got = transition(
                &m(Role::Observer, state),
                MembershipChange::Remove,
                &ONE_ADMIN,
            );
            assert_eq!(got, Ok(m(Role::Observer, Left)));
        }
    }

    #[test]
    fn the_last_active_admin_cannot_leave() {
        let got = transition(&m(Role::Admin, Active), MembershipChange::Leave, &ONE_ADMIN);
        assert_eq!(got, Err(RuleViolation::LastAdminCannotLeave));
    }

    #[test]
    fn an_admin_can_leave_when_another_admin_is_active() {
        let got = transition(
            &m(Role::Admin, Active),
            MembershipChange::Leave,
            &TWO_ADMINS,
        );
        assert_eq!(got, Ok(m(Role::Admin, Left)));
    }

    #[test]
    fn a_suspended_admin_is_not_the_last_active_admin_and_may_leave() {
        let got = transition(
            &m(Role::Admin, Suspended),
            MembershipChange::Leave,
            &ONE_ADMIN,
        );
        assert_eq!(got, Ok(m(Role::Admin, Left)));
    }

    #[test]
    fn the_last_active_admin_cannot_be_demoted_suspended_or_removed() {
        let admin = m(Role::Admin, Active);
        for role in [Role::Observer, Role::Member, Role::Facilitator] {
            let got = transition(&admin, MembershipChange::ChangeRole(role), &ONE_ADMIN);
            assert_eq!(got, Err(RuleViolation::LastAdminCannotBeDemoted));
        }
        assert_eq!(
            transition(&admin, MembershipChange::Suspend, &ONE_ADMIN),
            Err(RuleViolation::LastAdminCannotBeSuspended)
        );
        assert_eq!(
            transition(&admin, MembershipChange::Remove, &ONE_ADMIN),
            Err(RuleViolation::LastAdminCannotBeRemoved)
        );
    }

    #[test]
    fn an_admin_can_be_demoted_when_another_admin_is_active() {
        let got = transition(
            &m(Role::Admin, Active),
            MembershipChange::ChangeRole(Role::Member),
            &TWO_ADMINS,
        );
        assert_eq!(got, Ok(m(Role::Member, Active)));
    }

    #[test]
    fn a_zero_admin_count_is_treated_as_the_last_admin() {
        // A stale count must not let the organisation lose its last admin.
        let got = transition(
            &m(Role::Admin, Active),
            MembershipChange::Leave,
            &OrgAdmins { active_admins: 0 },
        );
        assert_eq!(got, Err(RuleViolation::LastAdminCannotLeave));
    }

    #[test]
    fn roles_change_only_for_active_members() {
        for state in [Invited, Suspended, Left] {
            let got = transition(
                &m(Role::Member, state),
                MembershipChange::ChangeRole(Role::Admin),
                &ONE_ADMIN,
            );
            assert_eq!(
                got,
                Err(RuleViolation::InvalidTransition {
                    from: state,
                    change: MembershipChange::ChangeRole(Role::Admin)
                })
            );
        }
    }

    #[test]
    fn promoting_a_member_keeps_them_active() {
        let got = transition(
            &m(Role::Member, Active),
            MembershipChange::ChangeRole(Role::Admin),
            &ONE_ADMIN,
        );
        assert_eq!(got, Ok(m(Role::Admin, Active)));
    }

    #[test]
    fn giving_a_member_the_role_they_have_is_refused() {
        let got = transition(
            &m(Role::Member, Active),
            MembershipChange::ChangeRole(Role::Member),
            &ONE_ADMIN,
        );
        assert_eq!(
            got,
            Err(RuleViolation::RoleUnchanged { role: Role::Member })
        );
    }

    #[test]
    fn changes_from_the_wrong_state_are_invalid_transitions() {
        let cases = [
            (Active, MembershipChange::AcceptInvitation),
            (Left, MembershipChange::AcceptInvitation),
            (Invited, MembershipChange::Suspend),
            (Suspended, MembershipChange::Suspend),
            (Active, MembershipChange::Reinstate),
            (Left, MembershipChange::Reinstate),
            (Left, MembershipChange::Remove),
            (Invited, MembershipChange::Leave),
            (Left, MembershipChange::Leave),
        ];
        for (from, change) in cases {
            let got = transition(&m(Role::Member, from), change, &TWO_ADMINS);
            assert_eq!(
                got,
                Err(RuleViolation::InvalidTransition { from, change }),
                "{change:?} from {from}"
            );
        }
    }

    #[test]
    fn violations_have_stable_codes_and_messages_that_name_the_rule() {
        let v = RuleViolation::InvalidTransition {
            from: Left,
            change: MembershipChange::Reinstate,
        };
        assert_eq!(v.code(), "invalid_transition");
        assert_eq!(
            v.to_string(),
            "A membership that is left cannot be reinstated."
        );
        assert_eq!(
            RuleViolation::LastAdminCannotLeave.code(),
            "last_admin_cannot_leave"
        );
        assert_eq!(
            RuleViolation::LastAdminCannotBeDemoted.code(),
            "last_admin_cannot_be_demoted"
        );
        assert_eq!(
            RuleViolation::LastAdminCannotBeSuspended.code(),
            "last_admin_cannot_be_suspended"
        );
        assert_eq!(
            RuleViolation::LastAdminCannotBeRemoved.code(),
            "last_admin_cannot_be_removed"
        );
        assert_eq!(
            RuleViolation::RoleUnchanged { role: Role::Admin }.code(),
            "role_unchanged"
        );
    }
}
