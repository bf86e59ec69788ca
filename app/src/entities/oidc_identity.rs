//! The `oidc_identities` table: which account an OpenID provider's person (issuer, subject)
//! signs in to.

use sea_orm::entity::prelude::*;

/// One row of `oidc_identities`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oidc_identities")]
pub struct Model {
    /// The provider's issuer URL, exactly as its ID tokens state it.
    #[sea_orm(primary_key, auto_increment = false)]
    pub issuer: String,
    /// The provider's stable identifier for the person (`sub`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    /// The account this identity signs in to.
    pub account_id: Uuid,
    /// When it was linked.
    pub linked_at: ChronoDateTimeUtc,
    /// The configured provider's id it came through (empty for identities linked before
    /// this was recorded).
    pub provider: String,
    /// When it was last used to sign in.
    pub last_used_at: Option<ChronoDateTimeUtc>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
