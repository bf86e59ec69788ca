//! The `oidc_flows` table: one row per sign-in started at an OpenID provider and not yet
//! finished. The callback deletes it, so a replayed callback finds nothing.

use sea_orm::entity::prelude::*;

/// One row of `oidc_flows`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_flows")]
pub struct Model {
    /// The `state` parameter sent to the provider (random; also in the browser's cookie).
    #[sea_orm(primary_key, auto_increment = false)]
    pub state: String,
    /// The configured provider's id.
    pub provider: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE code verifier.
    pub pkce_verifier: String,
    /// Set when a signed-in person links the provider to their account.
    pub link_account_id: Option<Uuid>,
    /// Where to go once signed in (a local path).
    pub return_to: String,
    /// When the flow started (older flows are refused and swept).
    pub created_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
