//! The `comment_mentions` table: the members a comment mentions (`@name`).

use sea_orm::entity::prelude::*;

/// One member mentioned in one comment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comment_mentions")]
pub struct Model {
    /// The comment.
    #[sea_orm(primary_key, auto_increment = false)]
    pub comment_id: Uuid,
    /// The member mentioned.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
