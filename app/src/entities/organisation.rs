//! The `organisations` table.

use sea_orm::entity::prelude::*;

/// One row of `organisations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Unique URL slug.
    #[sea_orm(unique)]
    pub slug: String,
    /// Display name.
    pub name: String,
    /// IANA time zone name.
    pub time_zone: String,
    /// Default language code.
    pub default_language: String,
    /// Free text.
    #[sea_orm(column_type = "Text")]
    pub description: String,
    /// When it was created.
    pub created_at: ChronoDateTimeUtc,
    /// The paper minutes are printed on: `a4` or `letter`.
    pub paper: String,
    /// Whether a round opened from a meeting's agenda counts quorum against the members
    /// present at the meeting.
    pub quorum_from_attendance: bool,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
