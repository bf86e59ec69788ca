//! The `email_confirmations` table: links mailed to prove an address, for a sign-up (the
//! account is created when the link is used) or a change of address.

use sea_orm::entity::prelude::*;

/// One row of `email_confirmations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_confirmations")]
pub struct Model {
    /// SHA-256 (hex) of the link's token; the token itself is only in the mail.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    /// `sign_up` or `change`.
    pub purpose: String,
    /// The address being proved.
    pub email: String,
    /// For a change: the account whose address changes.
    pub account_id: Option<Uuid>,
    /// For a sign-up: the display name the account gets.
    pub display_name: Option<String>,
    /// For a sign-up: the password's Argon2id hash.
    pub password_hash: Option<String>,
    /// For a sign-up: where to go once confirmed (a local path).
    pub next_path: Option<String>,
    /// When it was created.
    pub created_at: ChronoDateTimeUtc,
    /// When the link stops working.
    pub expires_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
