//! Invitations into an organisation (spec §1 "People and roles": admins invite): a role, an
//! expiry, single, limited or unlimited use, revocable. The server generates a random token,
//! e-mails or shows it once, and stores only [`token_hash`] of it, so a forged or mistyped token
//! is simply not found ([`InvitationProblem::InvitationNotFound`]). The service stores the
//! hash (`services::tokens::token_hash`).

use crate::{
    domain::{
        email::normalise_email,
        roles::{MembershipState, Role},
        rule::{Rule, args},
    },
    dto::Problem,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The shortest an invitation may stay valid, in days.
pub const MIN_VALIDITY_DAYS: i64 = 1;
/// The longest an invitation may stay valid, in days.
pub const MAX_VALIDITY_DAYS: i64 = 90;
/// The fewest uses an invitation with a limit may allow.
pub const MIN_USES: u32 = 1;
/// The most uses an invitation with a limit may allow.
pub const MAX_USES: u32 = 10_000;

/// An invitation as stored (the token itself is never stored, only its hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// The role the invited person gets on accepting.
    pub role: Role,
    /// The instant from which the invitation no longer works.
    pub expires_at: DateTime<Utc>,
    /// How many times it may be accepted: `Some(1)` for single use, `None` for no limit
    /// (until it expires or is revoked).
    pub max_uses: Option<u32>,
    /// How many times it has been accepted.
    pub uses: u32,
    /// Whether an admin revoked it.
    pub revoked: bool,
}

/// Why an invitation cannot be used, or cannot be created as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum InvitationProblem {
    /// No invitation has this token's hash: forged, mistyped, or deleted.
    InvitationNotFound,
    /// An admin revoked the invitation.
    InvitationRevoked,
    /// The invitation expired.
    InvitationExpired {
        /// When it expired.
        expired_at: DateTime<Utc>,
    },
    /// The invitation has been accepted as many times as it allows.
    InvitationUsedUp {
        /// How many uses it allowed.
        max_uses: u32,
    },
    /// The role asked for is not one of Quorate's roles.
    RoleUnknown,
    /// A new invitation must expire after [`MIN_VALIDITY_DAYS`] to [`MAX_VALIDITY_DAYS`] days.
    ExpiryOutOfRange {
        /// The fewest days.
        min: i64,
        /// The most days.
        max: i64,
    },
    /// A use limit must be [`MIN_USES`] to [`MAX_USES`] (or no limit at all).
    MaxUsesOutOfRange {
        /// The fewest uses.
        min: u32,
        /// The most uses.
        max: u32,
    },
    /// The inviter may not hand out this role.
    InvitationRoleNotAllowed {
        /// The role asked for.
        role: Role,
    },
    /// The invitation is for another e-mail address than the account's.
    InvitationForAnotherAddress,
    /// The invitation is for the account's address, but the account has not proved that it
    /// controls it (required where Quorate can send mail).
    InvitationAddressUnconfirmed,
}

impl InvitationProblem {
    /// The stable snake_case code, also the i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            InvitationProblem::InvitationNotFound => "invitation_not_found",
            InvitationProblem::InvitationRevoked => "invitation_revoked",
            InvitationProblem::InvitationExpired { .. } => "invitation_expired",
            InvitationProblem::InvitationUsedUp { .. } => "invitation_used_up",
            InvitationProblem::RoleUnknown => "role_unknown",
            InvitationProblem::ExpiryOutOfRange { .. } => "expiry_out_of_range",
            InvitationProblem::MaxUsesOutOfRange { .. } => "max_uses_out_of_range",
            InvitationProblem::InvitationRoleNotAllowed { .. } => "invitation_role_not_allowed",
            InvitationProblem::InvitationForAnotherAddress => "invitation_for_another_address",
            InvitationProblem::InvitationAddressUnconfirmed => "invitation_address_unconfirmed",
        }
    }
}

impl fmt::Display for InvitationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvitationProblem::InvitationNotFound => {
                f.write_str("This invitation link is not valid. Ask an admin for a new one.")
            }
            InvitationProblem::InvitationRevoked => {
                f.write_str("This invitation was withdrawn by an admin.")
            }
            InvitationProblem::InvitationExpired { expired_at } => write!(
                f,
                "This invitation expired on {} UTC.",
                expired_at.format("%Y-%m-%d %H:%M")
            ),
            InvitationProblem::InvitationUsedUp { max_uses } => write!(
                f,
                "This invitation has already been used the {max_uses} time(s) it allows."
            ),
            InvitationProblem::RoleUnknown => f.write_str("Choose one of the roles offered."),
            InvitationProblem::ExpiryOutOfRange { min, max } => {
                write!(f, "An invitation expires after {min} to {max} days.")
            }
            InvitationProblem::MaxUsesOutOfRange { min, max } => write!(
                f,
                "Allow between {min} and {max} uses, or leave it empty for no limit."
            ),
            InvitationProblem::InvitationRoleNotAllowed { role } => {
                write!(f, "You may not invite people with the {role} role.")
            }
            InvitationProblem::InvitationForAnotherAddress => f.write_str(
                "This invitation is for another e-mail address. Sign in with that address.",
            ),
            InvitationProblem::InvitationAddressUnconfirmed => f.write_str(
                "This invitation is for your e-mail address, which you have not confirmed yet: \
                 confirm it from your account page, then open the invitation again.",
            ),
        }
    }
}

impl std::error::Error for InvitationProblem {}

impl Rule for InvitationProblem {
    fn code(&self) -> &'static str {
        InvitationProblem::code(self)
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            InvitationProblem::InvitationUsedUp { max_uses } => args([("max", max_uses)]),
            InvitationProblem::ExpiryOutOfRange { min, max } => {
                args([("min", min as &dyn ToString), ("max", max)])
            }
            InvitationProblem::MaxUsesOutOfRange { min, max } => {
                args([("min", min as &dyn ToString), ("max", max)])
            }
            InvitationProblem::InvitationRoleNotAllowed { role } => args([("role", &role.code())]),
            _ => Vec::new(),
        }
    }
}

/// An invitation as an admin asks for it, every field checked: what the services take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRequest {
    /// The address it is for (normalised), or `None` for a link anyone may use.
    pub email: Option<String>,
    /// The role it gives.
    pub role: Role,
    /// Days from now until it expires, [`MIN_VALIDITY_DAYS`] to [`MAX_VALIDITY_DAYS`].
    pub valid_for_days: i64,
    /// How many people may use it, [`MIN_USES`] to [`MAX_USES`]; `None`: no limit.
    pub max_uses: Option<u32>,
}

impl InvitationRequest {
    /// Checks the invitation form's fields as typed (each trimmed): an address or nothing,
    /// a role code, a number of days, and a number of uses or nothing. Every problem is
    /// named with its field.
    pub fn parse(
        email: &str,
        role: &str,
        expires_in_days: &str,
        max_uses: &str,
    ) -> Result<InvitationRequest, Vec<Problem>> {
        let mut problems = Vec::new();
        let role = Role::from_code(role.trim());
        if role.is_none() {
            problems.push(Problem::broken(
                Some("role"),
                &InvitationProblem::RoleUnknown,
            ));
        }
        let days = expires_in_days
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|d| (MIN_VALIDITY_DAYS..=MAX_VALIDITY_DAYS).contains(d));
        if days.is_none() {
            let problem = InvitationProblem::ExpiryOutOfRange {
                min: MIN_VALIDITY_DAYS,
                max: MAX_VALIDITY_DAYS,
            };
            problems.push(Problem::broken(Some("expires_in_days"), &problem));
        }
        let uses = match max_uses.trim() {
            "" => Some(None),
            text => text
                .parse::<u32>()
                .ok()
                .filter(|n| (MIN_USES..=MAX_USES).contains(n))
                .map(Some),
        };
        if uses.is_none() {
            let problem = InvitationProblem::MaxUsesOutOfRange {
                min: MIN_USES,
                max: MAX_USES,
            };
            problems.push(Problem::broken(Some("max_uses"), &problem));
        }
        let email = match email.trim() {
            "" => Some(None),
            typed => match normalise_email(typed) {
                Ok(address) => Some(Some(address)),
                Err(problem) => {
                    problems.push(Problem::broken(Some("email"), &problem));
                    None
                }
            },
        };
        match (email, role, days, uses) {
            (Some(email), Some(role), Some(valid_for_days), Some(max_uses))
                if problems.is_empty() =>
            {
                Ok(InvitationRequest {
                    email,
                    role,
                    valid_for_days,
                    max_uses,
                })
            }
            _ => Err(problems),
        }
    }
}

/// Who is accepting an invitation, as far as its address binding cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acceptor<'a> {
    /// The account's address key (lowercased).
    pub email_key: &'a str,
    /// Whether the account proved that it controls that address.
    pub email_verified: bool,
}

/// Whether an invitation bound to `invited_key` (an address key, if bound) may be accepted
/// by `acceptor`. The addresses must match; where addresses can be verified (Quorate sends
/// mail), the account must also have proved its address, or anyone could claim an
/// invitation by typing its address into their account.
pub fn address_check(
    invited_key: Option<&str>,
    acceptor: Acceptor<'_>,
    verification_possible: bool,
) -> Result<(), InvitationProblem> {
    let Some(invited) = invited_key else {
        return Ok(());
    };
    if invited != acceptor.email_key {
        return Err(InvitationProblem::InvitationForAnotherAddress);
    }
    if verification_possible && !acceptor.email_verified {
        return Err(InvitationProblem::InvitationAddressUnconfirmed);
    }
    Ok(())
}

/// Whether `inv` can be accepted at `now`: not revoked, not expired (it stops working at
/// `expires_at` exactly), not used up. Checked in that order.
pub fn check(inv: &Invitation, now: DateTime<Utc>) -> Result<(), InvitationProblem> {
    if inv.revoked {
        return Err(InvitationProblem::InvitationRevoked);
    }
    if now >= inv.expires_at {
        return Err(InvitationProblem::InvitationExpired {
            expired_at: inv.expires_at,
        });
    }
    match inv.max_uses {
        Some(max_uses) if inv.uses >= max_uses => {
            Err(InvitationProblem::InvitationUsedUp { max_uses })
        }
        _ => Ok(()),
    }
}

/// [`check`] for the result of looking a token's hash up: `None` (a forged or unknown token)
/// is [`InvitationProblem::InvitationNotFound`].
pub fn check_found(inv: Option<&Invitation>, now: DateTime<Utc>) -> Result<(), InvitationProblem> {
    inv.ok_or(InvitationProblem::InvitationNotFound)
        .and_then(|inv| check(inv, now))
}

/// The invitation after one more acceptance.
pub fn record_use(inv: &Invitation) -> Invitation {
    Invitation {
        uses: inv.uses.saturating_add(1),
        ..inv.clone()
    }
}

/// Whether someone with role `inviter` may hand out the role `request` asks for.
pub fn may_give_role(inviter: Role, request: &InvitationRequest) -> Result<(), InvitationProblem> {
    if invitation_roles_allowed(inviter).contains(&request.role) {
        Ok(())
    } else {
        Err(InvitationProblem::InvitationRoleNotAllowed { role: request.role })
    }
}

/// Whether someone whose membership of the organisation is in `existing` state (or who has
/// none) may join it by an invitation: an active member is one already, and a suspended
/// member stays suspended (an invitation does not lift a suspension, spec §1). Invited and
/// former members join (again) with the invitation's role.
pub fn may_join(existing: Option<MembershipState>) -> Result<(), JoinRefusal> {
    match existing {
        Some(MembershipState::Active) => Err(JoinRefusal::AlreadyAMember),
        Some(MembershipState::Suspended) => Err(JoinRefusal::Suspended),
        Some(MembershipState::Invited | MembershipState::Left) | None => Ok(()),
    }
}

/// Why someone cannot join by an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinRefusal {
    /// They are an active member already (`already_a_member`, a broken rule: 422).
    AlreadyAMember,
    /// They are suspended (the policy's `membership_not_active`: 403).
    Suspended,
}

/// The roles someone with role `inviter` may hand out: an admin any role (spec §1: admins
/// invite); nobody else invites.
pub fn invitation_roles_allowed(inviter: Role) -> &'static [Role] {
    match inviter {
        Role::Admin => &Role::ALL,
        Role::Observer | Role::Member | Role::Facilitator => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn invitation(max_uses: Option<u32>, uses: u32) -> Invitation {
        Invitation {
            role: Role::Member,
            expires_at: at(10, 12),
            max_uses,
            uses,
            revoked: false,
        }
    }

    #[test]
    fn a_fresh_invitation_can_be_accepted_before_it_expires() {
        assert_eq!(check(&invitation(Some(1), 0), at(10, 11)), Ok(()));
    }

    #[test]
    fn an_invitation_stops_working_at_its_expiry_instant() {
        assert_eq!(
            check(&invitation(None, 0), at(10, 12)),
            Err(InvitationProblem::InvitationExpired {
                expired_at: at(10, 12)
            })
        );
    }

    #[test]
    fn a_single_use_invitation_is_used_up_after_one_acceptance() {
        let used = record_use(&invitation(Some(1), 0));
        assert_eq!(
            check(&used, at(1, 0)),
            Err(InvitationProblem::InvitationUsedUp { max_uses: 1 })
        );
    }

    #[test]
    fn a_limited_invitation_works_until_its_last_use() {
        assert_eq!(check(&invitation(Some(3), 2), at(1, 0)), Ok(()));
        assert!(check(&invitation(Some(3), 3), at(1, 0)).is_err());
    }

    #[test]
    fn an_unlimited_invitation_is_never_used_up() {
        assert_eq!(check(&invitation(None, u32::MAX), at(1, 0)), Ok(()));
        assert_eq!(record_use(&invitation(None, u32::MAX)).uses, u32::MAX);
    }

    #[test]
    fn a_revoked_invitation_is_refused_before_anything_else() {
        let inv = Invitation {
            revoked: true,
            ..invitation(Some(1), 1)
        };
        assert_eq!(
            check(&inv, at(20, 0)),
            Err(InvitationProblem::InvitationRevoked)
        );
    }

    #[test]
    fn a_forged_token_is_not_found() {
        assert_eq!(
            check_found(None, at(1, 0)),
            Err(InvitationProblem::InvitationNotFound)
        );
        assert_eq!(check_found(Some(&invitation(None, 0)), at(1, 0)), Ok(()));
    }

    #[test]
    fn an_admin_may_invite_with_any_role_and_nobody_else_may_invite() {
        assert_eq!(invitation_roles_allowed(Role::Admin), Role::ALL);
        for role in [Role::Observer, Role::Member, Role::Facilitator] {
            assert!(invitation_roles_allowed(role).is_empty());
        }
    }

    fn codes(result: Result<InvitationRequest, Vec<Problem>>) -> Vec<(String, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field.unwrap_or_default(), p.code))
            .collect()
    }

    #[test]
    fn a_request_is_read_from_what_was_typed() {
        assert_eq!(
            InvitationRequest::parse(" Bea@Example.ORG ", "facilitator", " 7 ", ""),
            Ok(InvitationRequest {
                email: Some("Bea@example.org".into()),
                role: Role::Facilitator,
                valid_for_days: 7,
                max_uses: None,
            })
        );
        assert_eq!(
            InvitationRequest::parse("", "member", "90", "10000").map(|r| r.max_uses),
            Ok(Some(10_000))
        );
    }

    #[test]
    fn a_request_names_every_field_that_breaks_a_rule_with_the_rules_numbers() {
        let problems = InvitationRequest::parse("not an address", "owner", "91", "0")
            .err()
            .unwrap_or_default();
        let fields: Vec<_> = problems
            .iter()
            .map(|p| p.field.clone().unwrap_or_default())
            .collect();
        assert_eq!(fields, ["role", "expires_in_days", "max_uses", "email"]);
        assert_eq!(problems[1].code, "expiry_out_of_range");
        assert_eq!(
            problems[1].args,
            [
                ("min".to_owned(), "1".to_owned()),
                ("max".to_owned(), "90".to_owned())
            ]
        );
        assert_eq!(problems[2].args[1], ("max".to_owned(), "10000".to_owned()));
        assert_eq!(
            codes(InvitationRequest::parse("", "member", "0", "-1")),
            [
                (
                    "expires_in_days".to_owned(),
                    "expiry_out_of_range".to_owned()
                ),
                ("max_uses".to_owned(), "max_uses_out_of_range".to_owned())
            ]
        );
        assert!(InvitationRequest::parse("", "member", "1", "1").is_ok());
    }

    #[test]
    fn only_an_admin_may_give_a_role_by_invitation() {
        let Ok(request) = InvitationRequest::parse("", "admin", "7", "1") else {
            panic!("a valid request");
        };
        assert_eq!(may_give_role(Role::Admin, &request), Ok(()));
        assert_eq!(
            may_give_role(Role::Facilitator, &request),
            Err(InvitationProblem::InvitationRoleNotAllowed { role: Role::Admin })
        );
    }

    #[test]
    fn active_and_suspended_members_cannot_join_again_and_former_members_can() {
        assert_eq!(may_join(None), Ok(()));
        assert_eq!(may_join(Some(MembershipState::Left)), Ok(()));
        assert_eq!(may_join(Some(MembershipState::Invited)), Ok(()));
        assert_eq!(
            may_join(Some(MembershipState::Active)),
            Err(JoinRefusal::AlreadyAMember)
        );
        assert_eq!(
            may_join(Some(MembershipState::Suspended)),
            Err(JoinRefusal::Suspended)
        );
    }

    #[test]
    fn problems_explain_themselves() {
        let expired = InvitationProblem::InvitationExpired {
            expired_at: at(10, 12),
        };
        assert_eq!(expired.code(), "invitation_expired");
        assert_eq!(
            expired.to_string(),
            "This invitation expired on 2026-03-10 12:00 UTC."
        );
    }

    #[test]
    fn an_invitation_for_an_address_is_only_for_that_address() {
        let bea = Acceptor {
            email_key: "bea@example.org",
            email_verified: true,
        };
        assert_eq!(address_check(None, bea, true), Ok(()));
        assert_eq!(address_check(Some("bea@example.org"), bea, true), Ok(()));
        assert_eq!(
            address_check(Some("ana@example.org"), bea, false),
            Err(InvitationProblem::InvitationForAnotherAddress)
        );
    }

    #[test]
    fn where_mail_can_verify_an_address_an_unproved_address_is_not_enough() {
        let unproved = Acceptor {
            email_key: "bea@example.org",
            email_verified: false,
        };
        assert_eq!(
            address_check(Some("bea@example.org"), unproved, true),
            Err(InvitationProblem::InvitationAddressUnconfirmed)
        );
        // Without mail nothing can be proved: the address alone decides (and the admin's
        // page says so).
        assert_eq!(
            address_check(Some("bea@example.org"), unproved, false),
            Ok(())
        );
    }
}
