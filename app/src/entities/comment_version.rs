//! The `comment_versions` table: a comment's earlier texts, kept when it is edited.

use sea_orm::entity::prelude::*;

/// One earlier text of a comment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comment_versions")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The comment.
    pub comment_id: Uuid,
    /// The text as it was.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// When an edit replaced it.
    pub replaced_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
