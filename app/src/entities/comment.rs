//! The `comments` table.

use sea_orm::entity::prelude::*;

/// One comment on a proposal.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "comments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The proposal.
    pub proposal_id: Uuid,
    /// The comment it replies to, if a reply.
    pub parent_id: Option<Uuid>,
    /// 0 for a comment, 1 for a reply, … at most `comment::MAX_DEPTH`.
    pub depth: i32,
    /// The author's membership.
    pub author_id: Uuid,
    /// The text (Markdown), as last saved.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// When it was posted.
    pub created_at: ChronoDateTimeUtc,
    /// When it was last edited.
    pub edited_at: Option<ChronoDateTimeUtc>,
    /// When its author deleted it.
    pub deleted_at: Option<ChronoDateTimeUtc>,
    /// When a facilitator hid it.
    pub hidden_at: Option<ChronoDateTimeUtc>,
    /// The facilitator who hid it.
    pub hidden_by: Option<Uuid>,
    /// Why it was hidden.
    #[sea_orm(column_type = "Text", nullable)]
    pub hidden_reason: Option<String>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
