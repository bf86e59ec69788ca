//! Page data about the signed-in person's account, and mailed confirmation links.

use crate::{dto::CurrentUser, error::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A sign-in method linked to the account (an OpenID identity).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedIdentity {
    /// The provider's name as configured (its issuer if it is no longer configured).
    pub provider: String,
    /// The issuer URL (sent back to unlink).
    pub issuer: String,
    /// The subject at the issuer (sent back to unlink).
    pub subject: String,
    /// When it was linked (RFC 3339).
    pub linked_at: String,
    /// When it was last used to sign in (RFC 3339), if ever recorded.
    pub last_used_at: Option<String>,
}

/// The account page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    /// The person.
    pub user: CurrentUser,
    /// Whether the address is proved.
    pub email_verified: bool,
    /// Whether this instance sends mail (so addresses can be proved).
    pub mail: bool,
    /// Whether the account has a password.
    pub has_password: bool,
    /// The linked sign-in methods.
    pub identities: Vec<LinkedIdentity>,
    /// When the calendar address was made (RFC 3339), if there is one.
    pub calendar_since: Option<String>,
}

/// The signed-in person's account page.
#[server(endpoint = "account_page")]
pub async fn account_page() -> Result<AccountView, AppError> {
    crate::error::answer(
        async move {
            let ctx = crate::session::service_ctx()?;
            let account = ctx.account.clone().ok_or(AppError::SignInNeeded)?;
            let providers = use_context::<crate::session::OidcProviders>().unwrap_or_default();
            let identities = crate::services::oidc::linked(&ctx.db, account.id)
                .await?
                .into_iter()
                .map(|identity| LinkedIdentity {
                    provider: providers
                        .0
                        .iter()
                        .find(|(id, _)| *id == identity.provider)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_else(|| identity.issuer.clone()),
                    issuer: identity.issuer,
                    subject: identity.subject,
                    linked_at: identity.linked_at.to_rfc3339(),
                    last_used_at: identity.last_used_at.map(|t| t.to_rfc3339()),
                })
                .collect();
            let calendar_since = crate::services::calendar::made_at(&ctx.db, account.id)
                .await?
                .map(|t| t.to_rfc3339());
            Ok(AccountView {
                calendar_since,
                email_verified: account.email_verified_at.is_some(),
                mail: ctx.mail,
                has_password: account.password_hash.is_some(),
                identities,
                user: CurrentUser {
                    id: account.id.to_string(),
                    display_name: account.display_name,
                    email: account.email,
                    language: account.language,
                },
            })
        }
        .await,
    )
}

/// What a mailed confirmation link would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationOffer {
    /// The address it proves.
    pub email: String,
    /// Whether following it creates the account (else it changes an account's address).
    pub creates_account: bool,
}

/// The confirmation page's data, if the link works.
#[server(endpoint = "confirmation_preview")]
pub async fn confirmation_preview(token: String) -> Result<ConfirmationOffer, AppError> {
    crate::error::answer(
        async move {
            use crate::services::addresses::{Purpose, peek};
            let ctx = crate::session::service_ctx()?;
            let (purpose, email) = peek(&ctx.db, &token, ctx.now).await?;
            Ok(ConfirmationOffer {
                email,
                creates_account: purpose == Purpose::SignUp,
            })
        }
        .await,
    )
}
