//! Roles and membership states of a person in one organisation (spec §1 "People and roles").
//!
//! Roles are cumulative: a facilitator can do everything a member can, and an admin everything
//! a facilitator can. An observer reads and comments but never votes. Only `active` members act.
//! Each value has a stable snake_case code, which is what the database stores; on the server
//! both enums are also sea-orm `ActiveEnum`s over the same codes, so entities hold them as
//! they are (no strings to compare, no migration).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A person's role in one organisation, ordered from least to most powerful
/// (`Observer < Member < Facilitator < Admin`), so `role >= Role::Facilitator` reads as
/// "at least a facilitator".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
pub enum Role {
    /// Reads and comments, never votes (spec §1).
    Observer,
    /// Drafts proposals, comments, votes.
    Member,
    /// A member who also opens and closes rounds, runs meetings, writes outcomes, exports minutes.
    Facilitator,
    /// A facilitator who also invites, suspends, changes roles and edits settings.
    Admin,
}

/// Where a person stands in one organisation's membership (spec §1).
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
pub enum MembershipState {
    /// Invited but has not accepted yet; cannot act.
    Invited,
    /// A full member who can act according to their role.
    Active,
    /// Suspended by an admin; cannot act until reinstated.
    Suspended,
    /// Left or was removed; cannot act.
    Left,
}

/// A person's membership of one organisation: their role there and where they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Membership {
    /// The role held in the organisation (kept while suspended, invited or left).
    pub role: Role,
    /// Where the person stands in the organisation.
    pub state: MembershipState,
}

impl Membership {
    /// A membership with this role and state.
    pub fn new(role: Role, state: MembershipState) -> Membership {
        Membership { role, state }
    }
}

impl Role {
    /// Every role, from least to most powerful.
    pub const ALL: [Role; 4] = [Role::Observer, Role::Member, Role::Facilitator, Role::Admin];

    /// The stable snake_case code stored in the database and used as an i18n key suffix.
    pub fn code(self) -> &'static str {
        match self {
            Role::Observer => "observer",
            Role::Member => "member",
            Role::Facilitator => "facilitator",
            Role::Admin => "admin",
        }
    }

    /// Parses a code written by [`Role::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.code() == code)
    }

    /// Whether this role may vote: every role except observer (spec §1).
    pub fn may_vote(self) -> bool {
        self != Role::Observer
    }
}

impl MembershipState {
    /// Every membership state, in lifecycle order.
    pub const ALL: [MembershipState; 4] = [
        MembershipState::Invited,
        MembershipState::Active,
        MembershipState::Suspended,
        MembershipState::Left,
    ];

    /// The stable snake_case code stored in the database and used as an i18n key suffix.
    pub fn code(self) -> &'static str {
        match self {
            MembershipState::Invited => "invited",
            MembershipState::Active => "active",
            MembershipState::Suspended => "suspended",
            MembershipState::Left => "left",
        }
    }

    /// Parses a code written by [`MembershipState::code`]; `None` for anything else.
    pub fn from_code(code: &str) -> Option<MembershipState> {
        MembershipState::ALL
            .into_iter()
            .find(|state| state.code() == code)
    }

    /// Whether a member in this state may act at all: only `active` (spec §1).
    pub fn may_act(self) -> bool {
        self == MembershipState::Active
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for MembershipState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_are_the_stored_snake_case_names() {
        let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes, ["observer", "member", "facilitator", "admin"]);
    }

    #[test]
    fn membership_state_codes_are_the_stored_snake_case_names() {
        let codes: Vec<&str> = MembershipState::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes, ["invited", "active", "suspended", "left"]);
    }

    #[test]
    fn every_code_parses_back_to_its_value() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for state in MembershipState::ALL {
            assert_eq!(MembershipState::from_code(state.code()), Some(state));
        }
    }

    #[test]
    fn unknown_or_differently_cased_codes_do_not_parse() {
        assert_eq!(Role::from_code("Admin"), None);
        assert_eq!(Role::from_code(""), None);
        assert_eq!(MembershipState::from_code("ACTIVE"), None);
        assert_eq!(MembershipState::from_code("removed"), None);
    }

    #[test]
    fn roles_are_ordered_from_observer_to_admin() {
        assert!(Role::Observer < Role::Member);
        assert!(Role::Member < Role::Facilitator);
        assert!(Role::Facilitator < Role::Admin);
    }

    #[test]
    fn observers_never_vote_and_every_other_role_may() {
        assert!(!Role::Observer.may_vote());
        assert!(Role::Member.may_vote());
        assert!(Role::Facilitator.may_vote());
        assert!(Role::Admin.may_vote());
    }

    #[test]
    fn only_active_members_act() {
        assert!(MembershipState::Active.may_act());
        assert!(!MembershipState::Invited.may_act());
        assert!(!MembershipState::Suspended.may_act());
        assert!(!MembershipState::Left.may_act());
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_database_stores_the_same_codes() {
        use sea_orm::ActiveEnum;
        for role in Role::ALL {
            assert_eq!(role.to_value(), role.code());
            assert_eq!(
                Role::try_from_value(&role.code().to_owned()).ok(),
                Some(role)
            );
        }
        for state in MembershipState::ALL {
            assert_eq!(state.to_value(), state.code());
            assert_eq!(
                MembershipState::try_from_value(&state.code().to_owned()).ok(),
                Some(state)
            );
        }
    }

    #[test]
    fn serde_uses_the_same_codes() {
        assert_eq!(
            serde_json::to_string(&Role::Facilitator).ok().as_deref(),
            Some("\"facilitator\"")
        );
        assert_eq!(
            serde_json::to_string(&MembershipState::Suspended)
                .ok()
                .as_deref(),
            Some("\"suspended\"")
        );
    }
}
