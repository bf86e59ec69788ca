//! The `voter_roll` table: who has voted in a secret round, and nothing else.

use sea_orm::entity::prelude::*;

/// One member who voted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "voter_roll")]
pub struct Model {
    /// The round.
    #[sea_orm(primary_key, auto_increment = false)]
    pub round_id: Uuid,
    /// The voter.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
