//! The `sessions` table.

use sea_orm::entity::prelude::*;

/// One row of `sessions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    /// SHA-256 (hex) of the session token in the cookie.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id_hash: String,
    /// Whose session.
    pub account_id: Uuid,
    /// When it started.
    pub created_at: ChronoDateTimeUtc,
    /// When it ends.
    pub expires_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
