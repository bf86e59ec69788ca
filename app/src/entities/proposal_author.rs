//! The `proposal_authors` table: who may edit a proposal (its author and co-authors).

use sea_orm::entity::prelude::*;

/// One author of one proposal.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposal_authors")]
pub struct Model {
    /// The proposal.
    #[sea_orm(primary_key, auto_increment = false)]
    pub proposal_id: Uuid,
    /// The author's membership.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
    /// When they became an author.
    pub added_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
