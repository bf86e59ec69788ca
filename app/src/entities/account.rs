//! The `accounts` table.

use sea_orm::entity::prelude::*;

/// One row of `accounts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The e-mail address as typed.
    pub email: String,
    /// The e-mail address lowercased: unique.
    #[sea_orm(unique)]
    pub email_key: String,
    /// How the person is shown.
    pub display_name: String,
    /// Argon2id PHC string; `None` for accounts that only sign in with OpenID Connect.
    pub password_hash: Option<String>,
    /// Preferred language code.
    pub language: Option<String>,
    /// When the account was created.
    pub created_at: ChronoDateTimeUtc,
    /// When the account proved it controls `email` (a mailed link, an invitation mailed to
    /// it, or a provider that vouches for it); `None`: never proved.
    pub email_verified_at: Option<ChronoDateTimeUtc>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
