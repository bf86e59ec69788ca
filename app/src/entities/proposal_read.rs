//! The `proposal_reads` table: when each member last read each proposal (for "unread").

use sea_orm::entity::prelude::*;

/// One member's last reading of one proposal.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposal_reads")]
pub struct Model {
    /// The member.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
    /// The proposal.
    #[sea_orm(primary_key, auto_increment = false)]
    pub proposal_id: Uuid,
    /// When they last opened it.
    pub read_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
