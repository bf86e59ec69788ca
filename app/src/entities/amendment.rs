//! The `amendments` table: new texts members propose for a proposal in discussion.

use crate::domain::amendment::AmendmentState;
use sea_orm::entity::prelude::*;

/// One amendment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "amendments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The proposal it amends.
    pub proposal_id: Uuid,
    /// 1, 2, … within the proposal (its address).
    pub number: i32,
    /// The member who proposed it.
    pub amender_id: Uuid,
    /// The revision it changes.
    pub base_revision: i32,
    /// The new title.
    #[sea_orm(column_type = "Text")]
    pub title: String,
    /// The new summary.
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// The new body (Markdown).
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// Why, in the amender's words.
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// Open, accepted or declined.
    pub state: AmendmentState,
    /// When it was proposed.
    pub created_at: ChronoDateTimeUtc,
    /// The author who accepted or declined it.
    pub decided_by: Option<Uuid>,
    /// When.
    pub decided_at: Option<ChronoDateTimeUtc>,
    /// Why it was declined.
    #[sea_orm(column_type = "Text", nullable)]
    pub decline_reason: Option<String>,
    /// The revision it became, once accepted.
    pub revision: Option<i32>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
