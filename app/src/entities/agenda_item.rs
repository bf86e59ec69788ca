//! The `agenda_items` table: a meeting's agenda in order, each with its notes.

use sea_orm::entity::prelude::*;

/// One item.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    /// Its id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The meeting.
    pub meeting_id: Uuid,
    /// 1, 2, … : the agenda's order.
    pub position: i32,
    /// Its title.
    pub title: String,
    /// The proposal it is about (of the same organisation).
    pub proposal_id: Option<Uuid>,
    /// Its notes (Markdown).
    pub notes: String,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
