//! The `calendar_feeds` table: an account's secret calendar address, as the hash of its token.

use sea_orm::entity::prelude::*;

/// One account's feed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feeds")]
pub struct Model {
    /// The account.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: Uuid,
    /// SHA-256 (hex) of the address's token.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// When the address was made.
    pub created_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
