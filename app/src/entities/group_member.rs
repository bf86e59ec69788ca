//! The `group_members` table.

use sea_orm::entity::prelude::*;

/// One row of `group_members`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "group_members")]
pub struct Model {
    /// The group.
    #[sea_orm(primary_key, auto_increment = false)]
    pub group_id: Uuid,
    /// The membership in the group's organisation.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
    /// When they were added.
    pub added_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
