//! What to do with a verified OpenID Connect sign-in (spec §1 "People and roles"): an identity
//! is the provider's (issuer, subject); it signs in to the account it is linked to. A new
//! identity is linked to an existing account only by that account's signed-in owner (linking
//! from `/account`), never because an e-mail address matches: a provider that lets people
//! claim any address must not open someone else's account.

use uuid::Uuid;

/// The e-mail address an ID token states, as far as the provider vouches for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClaimedEmail {
    /// The token has no `email` claim.
    Missing,
    /// An address the provider does not say it verified.
    Unverified(String),
    /// An address the provider verified (or one the configuration trusts).
    Verified(String),
}

/// What Quorate knows about the person coming back from the provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    /// The account the identity is linked to already, if any.
    pub linked_account: Option<Uuid>,
    /// The signed-in account that started the flow to link this provider, if any.
    pub linking_account: Option<Uuid>,
    /// The token's e-mail address.
    pub email: ClaimedEmail,
    /// An existing account with the token's e-mail address, if any.
    pub email_account: Option<Uuid>,
}

/// The decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Sign in to this account (the identity is linked to it).
    SignIn(Uuid),
    /// Link the identity to this account (its owner asked, signed in), then sign in.
    Link(Uuid),
    /// Create an account with this (verified) address, link the identity, and sign in.
    Create(String),
    /// Do nothing; tell the person why.
    Refuse(OidcRefusal),
}

/// Why a verified sign-in still does not sign anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OidcRefusal {
    /// The identity is linked to another account than the one asking to link it.
    IdentityLinkedElsewhere,
    /// An account with the token's address exists: its owner must sign in (password) and
    /// link the provider from the account page.
    EmailHasAccount,
    /// The token carries no e-mail address, and an account needs one.
    NoEmail,
    /// The provider does not vouch for the address.
    EmailUnverified,
}

impl OidcRefusal {
    /// The stable snake_case code, also the i18n key (`problem-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            OidcRefusal::IdentityLinkedElsewhere => "oidc_identity_linked_elsewhere",
            OidcRefusal::EmailHasAccount => "oidc_email_has_account",
            OidcRefusal::NoEmail => "oidc_no_email",
            OidcRefusal::EmailUnverified => "oidc_email_unverified",
        }
    }

    /// The English message, for logs and clients that do not translate.
    pub fn message(self) -> &'static str {
        match self {
            OidcRefusal::IdentityLinkedElsewhere => {
                "This sign-in is linked to another Quorate account already."
            }
            OidcRefusal::EmailHasAccount => {
                "An account with this e-mail address exists. Sign in with its password, then link the provider on your account page."
            }
            OidcRefusal::NoEmail => "The provider did not tell us an e-mail address.",
            OidcRefusal::EmailUnverified => "The provider has not verified your e-mail address.",
        }
    }
}

/// Decides what a verified sign-in does. Order matters: a known identity always wins (it
/// was linked on purpose), then an explicit link request, and only then a new account.
pub fn decide(arrival: &Arrival) -> Decision {
    match (arrival.linked_account, arrival.linking_account) {
        (Some(linked), Some(linking)) if linked != linking => {
            Decision::Refuse(OidcRefusal::IdentityLinkedElsewhere)
        }
        (Some(linked), _) => Decision::SignIn(linked),
        (None, Some(linking)) => Decision::Link(linking),
        (None, None) => match (&arrival.email, arrival.email_account) {
            (_, Some(_)) => Decision::Refuse(OidcRefusal::EmailHasAccount),
            (ClaimedEmail::Missing, None) => Decision::Refuse(OidcRefusal::NoEmail),
            (ClaimedEmail::Unverified(_), None) => Decision::Refuse(OidcRefusal::EmailUnverified),
            (ClaimedEmail::Verified(address), None) => Decision::Create(address.clone()),
        },
    }
}

/// Whether unlinking one of an account's identities would leave it with no way to sign in:
/// no password, and that identity the only one.
pub fn unlinking_leaves_no_way_in(has_password: bool, linked_identities: usize) -> bool {
    !has_password && linked_identities <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn arrival(linked: Option<Uuid>, linking: Option<Uuid>) -> Arrival {
        Arrival {
            linked_account: linked,
            linking_account: linking,
            email: ClaimedEmail::Verified("ana@example.org".into()),
            email_account: None,
        }
    }

    #[test]
    fn a_known_identity_signs_in_to_its_account() {
        assert_eq!(decide(&arrival(Some(id(1)), None)), Decision::SignIn(id(1)));
    }

    #[test]
    fn a_known_identity_signs_in_even_when_its_address_belongs_to_another_account() {
        let a = Arrival {
            email_account: Some(id(2)),
            ..arrival(Some(id(1)), None)
        };
        assert_eq!(decide(&a), Decision::SignIn(id(1)));
    }

    #[test]
    fn linking_an_identity_already_linked_to_the_same_account_just_signs_in() {
        assert_eq!(
            decide(&arrival(Some(id(1)), Some(id(1)))),
            Decision::SignIn(id(1))
        );
    }

    #[test]
    fn an_identity_linked_to_another_account_cannot_be_linked_again() {
        assert_eq!(
            decide(&arrival(Some(id(1)), Some(id(2)))),
            Decision::Refuse(OidcRefusal::IdentityLinkedElsewhere)
        );
    }

    #[test]
    fn a_new_identity_is_linked_to_the_signed_in_owner_who_asked() {
        let a = Arrival {
            email: ClaimedEmail::Missing,
            email_account: Some(id(3)),
            ..arrival(None, Some(id(2)))
        };
        assert_eq!(decide(&a), Decision::Link(id(2)));
    }

    #[test]
    fn a_matching_address_never_links_an_existing_account_by_itself() {
        for email in [
            ClaimedEmail::Verified("ana@example.org".into()),
            ClaimedEmail::Unverified("ana@example.org".into()),
        ] {
            let a = Arrival {
                email,
                email_account: Some(id(3)),
                ..arrival(None, None)
            };
            assert_eq!(decide(&a), Decision::Refuse(OidcRefusal::EmailHasAccount));
        }
    }

    #[test]
    fn a_new_person_with_a_verified_address_gets_a_new_account() {
        assert_eq!(
            decide(&arrival(None, None)),
            Decision::Create("ana@example.org".into())
        );
    }

    #[test]
    fn a_new_person_without_a_verified_address_is_refused() {
        let missing = Arrival {
            email: ClaimedEmail::Missing,
            ..arrival(None, None)
        };
        assert_eq!(decide(&missing), Decision::Refuse(OidcRefusal::NoEmail));
        let unverified = Arrival {
            email: ClaimedEmail::Unverified("ana@example.org".into()),
            ..arrival(None, None)
        };
        assert_eq!(
            decide(&unverified),
            Decision::Refuse(OidcRefusal::EmailUnverified)
        );
    }

    #[test]
    fn every_refusal_has_an_oidc_code() {
        for refusal in [
            OidcRefusal::IdentityLinkedElsewhere,
            OidcRefusal::EmailHasAccount,
            OidcRefusal::NoEmail,
            OidcRefusal::EmailUnverified,
        ] {
            assert!(refusal.code().starts_with("oidc_"));
            assert!(!refusal.message().is_empty());
        }
    }

    #[test]
    fn the_last_way_to_sign_in_cannot_be_unlinked() {
        assert!(unlinking_leaves_no_way_in(false, 1));
        assert!(!unlinking_leaves_no_way_in(false, 2));
        assert!(!unlinking_leaves_no_way_in(true, 1));
    }
}
