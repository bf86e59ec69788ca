//! Invitations into an organisation (spec §1 "People and roles": admins invite): a role, an
//! expiry, single, limited or unlimited use, revocable. The server generates a random token,
//! e-mails or shows it once, and stores only [`token_hash`] of it, so a forged or mistyped token
//! is simply not found ([`InvitationProblem::InvitationNotFound`]).

use crate::domain::{digest::sha256_hex, roles::Role};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest an invitation may stay valid, in days.
pub const MAX_VALIDITY_DAYS: i64 = 90;

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
    /// A new invitation must expire in the future.
    InvitationExpiryInPast,
    /// A new invitation must expire within [`MAX_VALIDITY_DAYS`].
    InvitationExpiryTooFar {
        /// The greatest validity, in days.
        max_days: i64,
    },
    /// A use limit must be at least 1 (or no limit at all).
    InvitationZeroUses,
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
            InvitationProblem::InvitationExpiryInPast => "invitation_expiry_in_past",
            InvitationProblem::InvitationExpiryTooFar { .. } => "invitation_expiry_too_far",
            InvitationProblem::InvitationZeroUses => "invitation_zero_uses",
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
            InvitationProblem::InvitationExpiryInPast => {
                f.write_str("An invitation must expire in the future.")
            }
            InvitationProblem::InvitationExpiryTooFar { max_days } => {
                write!(f, "An invitation must expire within {max_days} days.")
            }
            InvitationProblem::InvitationZeroUses => {
                f.write_str("An invitation must allow at least one use.")
            }
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

/// What is wrong with creating an invitation by someone with role `inviter`: expiring at
/// `expires_at`, with `max_uses`, giving `role`; empty if nothing.
pub fn new_invitation_problems(
    inviter: Role,
    role: Role,
    expires_at: DateTime<Utc>,
    max_uses: Option<u32>,
    now: DateTime<Utc>,
) -> Vec<InvitationProblem> {
    let mut problems = Vec::new();
    if !invitation_roles_allowed(inviter).contains(&role) {
        problems.push(InvitationProblem::InvitationRoleNotAllowed { role });
    }
    if expires_at <= now {
        problems.push(InvitationProblem::InvitationExpiryInPast);
    } else if expires_at - now > Duration::days(MAX_VALIDITY_DAYS) {
        problems.push(InvitationProblem::InvitationExpiryTooFar {
            max_days: MAX_VALIDITY_DAYS,
        });
    }
    if max_uses == Some(0) {
        problems.push(InvitationProblem::InvitationZeroUses);
    }
    problems
}

/// The roles someone with role `inviter` may hand out: an admin any role (spec §1: admins
/// invite); nobody else invites.
pub fn invitation_roles_allowed(inviter: Role) -> &'static [Role] {
    match inviter {
        Role::Admin => &Role::ALL,
        Role::Observer | Role::Member | Role::Facilitator => &[],
    }
}

/// The hash stored for an invitation token: lowercase hex SHA-256 of the token's UTF-8 bytes.
/// Look invitations up by this; never store the token.
pub fn token_hash(token: &str) -> String {
    sha256_hex(&[token.as_bytes()])
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
    fn token_hashes_are_lowercase_hex_sha256() {
        // printf 'abc' | sha256sum
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_ne!(token_hash("abc"), token_hash("abd"));
    }

    #[test]
    fn an_admin_may_invite_with_any_role_and_nobody_else_may_invite() {
        assert_eq!(invitation_roles_allowed(Role::Admin), Role::ALL);
        for role in [Role::Observer, Role::Member, Role::Facilitator] {
            assert!(invitation_roles_allowed(role).is_empty());
        }
    }

    #[test]
    fn a_new_invitation_must_expire_in_the_next_90_days_and_allow_a_use() {
        let now = at(1, 0);
        assert!(
            new_invitation_problems(Role::Admin, Role::Admin, at(8, 0), Some(1), now).is_empty()
        );
        let codes = |expires, uses, inviter| {
            new_invitation_problems(inviter, Role::Member, expires, uses, now)
                .iter()
                .map(InvitationProblem::code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(now, None, Role::Admin), ["invitation_expiry_in_past"]);
        let far = now + Duration::days(91);
        assert_eq!(codes(far, None, Role::Admin), ["invitation_expiry_too_far"]);
        assert_eq!(
            codes(at(2, 0), Some(0), Role::Admin),
            ["invitation_zero_uses"]
        );
        assert_eq!(
            codes(at(2, 0), None, Role::Facilitator),
            ["invitation_role_not_allowed"]
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
