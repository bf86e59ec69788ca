//! The `meeting_versions` table: each approved version of a meeting's minutes, kept as it
//! was approved (version 1, then one per correction).

use sea_orm::entity::prelude::*;

/// One approved version.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_versions")]
pub struct Model {
    /// The meeting.
    #[sea_orm(primary_key, auto_increment = false)]
    pub meeting_id: Uuid,
    /// 1, 2, …
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: i32,
    /// When it was approved.
    pub approved_at: ChronoDateTimeUtc,
    /// Who approved it (membership).
    pub approved_by: Uuid,
    /// Why it corrects the one before (empty for version 1).
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    /// The SHA-256 the audit chain records for it.
    pub digest: String,
    /// The minutes as approved (JSON of `api::meeting_minutes::MeetingRecord`).
    #[sea_orm(column_type = "Text")]
    pub record: String,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
