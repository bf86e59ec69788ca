//! The `invitations` table.

use crate::domain::roles::Role;
use sea_orm::entity::prelude::*;

/// One row of `invitations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitations")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The organisation.
    pub organisation_id: Uuid,
    /// SHA-256 (hex) of the token in the link.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// The address it was sent to, if any.
    pub email: Option<String>,
    /// The role it grants, stored as its code.
    pub role: Role,
    /// When it stops working.
    pub expires_at: ChronoDateTimeUtc,
    /// How many times it can be used (`None`: until it expires).
    pub max_uses: Option<i32>,
    /// How many times it was used.
    pub uses: i32,
    /// The admin who created it.
    pub created_by: Uuid,
    /// When it was created.
    pub created_at: ChronoDateTimeUtc,
    /// When it was revoked.
    pub revoked_at: Option<ChronoDateTimeUtc>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
