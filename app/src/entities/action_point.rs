//! The `action_points` table: what an agenda item left someone to do, by when.

use sea_orm::entity::prelude::*;

/// One action point.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "action_points")]
pub struct Model {
    /// Its id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The agenda item.
    pub agenda_item_id: Uuid,
    /// 1, 2, … within the item.
    pub position: i32,
    /// What is to be done.
    pub text: String,
    /// Who does it (a membership of the organisation).
    pub owner_id: Option<Uuid>,
    /// By when.
    pub due: Option<chrono::NaiveDate>,
    /// When it was marked done.
    pub done_at: Option<ChronoDateTimeUtc>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
