//! The `ballots` table: the latest ballot of each voter in an open-ballot round (every
//! version is in the audit chain). Unique per round and voter.

use sea_orm::entity::prelude::*;

/// One voter's ballot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ballots")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// The voter.
    pub membership_id: Uuid,
    /// `tally::ballot::Marks` as JSON.
    #[sea_orm(column_type = "Text")]
    pub marks: String,
    /// 1, then one more per change.
    pub version: i32,
    /// When this version was cast.
    pub cast_at: ChronoDateTimeUtc,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
