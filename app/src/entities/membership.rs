//! The `memberships` table.

use crate::domain::roles::{MembershipState, Role};
use sea_orm::entity::prelude::*;

/// One row of `memberships`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memberships")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The organisation.
    pub organisation_id: Uuid,
    /// The account.
    pub account_id: Uuid,
    /// The role, stored as its code (`observer`, `member`, `facilitator` or `admin`).
    pub role: Role,
    /// Where the member stands, stored as its code (`invited`, `active`, `suspended` or `left`).
    pub state: MembershipState,
    /// When the membership began.
    pub created_at: ChronoDateTimeUtc,
    /// When role or state last changed.
    pub updated_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
