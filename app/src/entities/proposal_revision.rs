//! The `proposal_revisions` table: every published text of a proposal, numbered.

use sea_orm::entity::prelude::*;

/// One revision.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposal_revisions")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The proposal.
    pub proposal_id: Uuid,
    /// 1 for the published text, then 2, 3, …
    pub number: i32,
    /// The proposal's version this revision saved.
    pub version: i32,
    /// The title.
    #[sea_orm(column_type = "Text")]
    pub title: String,
    /// The summary.
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    /// The body (Markdown).
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// The membership credited with it.
    pub author_id: Uuid,
    /// The change note (may be empty).
    #[sea_orm(column_type = "Text")]
    pub note: String,
    /// SHA-256 of the text (`ProposalText::digest`).
    pub digest: String,
    /// When it was saved.
    pub created_at: ChronoDateTimeUtc,
    /// The amendment it came from, if an accepted amendment.
    pub amendment: Option<i32>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
