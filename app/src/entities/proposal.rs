//! The `proposals` table.

use crate::domain::proposal::ProposalState;
use sea_orm::entity::prelude::*;

/// One row of `proposals`: the proposal as it stands now (its latest text, for drafts the
/// only one).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The organisation.
    pub organisation_id: Uuid,
    /// The group it belongs to, if one.
    pub group_id: Option<Uuid>,
    /// Its number in the organisation (1, 2, …).
    pub number: i32,
    /// Where it stands.
    pub state: ProposalState,
    /// The latest title.
    #[sea_orm(column_type = "Text")]
    pub title: String,
    /// The latest summary.
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// The latest body (Markdown).
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// When discussion should end, if set.
    pub due_on: Option<Date>,
    /// How many times its text was saved.
    pub version: i32,
    /// The latest revision's number (0 while a draft).
    pub revision: i32,
    /// The membership that created it.
    pub created_by: Uuid,
    /// When it was created.
    pub created_at: ChronoDateTimeUtc,
    /// The latest change to it.
    pub active_at: ChronoDateTimeUtc,
    /// When it was published.
    pub published_at: Option<ChronoDateTimeUtc>,
    /// When it was withdrawn.
    pub withdrawn_at: Option<ChronoDateTimeUtc>,
    /// The membership that withdrew it.
    pub withdrawn_by: Option<Uuid>,
    /// Why it was withdrawn.
    #[sea_orm(column_type = "Text", nullable)]
    pub withdrawal_reason: Option<String>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
