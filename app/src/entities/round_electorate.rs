//! The `round_electorate` table: who may vote in a round, taken when it opened.

use sea_orm::entity::prelude::*;

/// One voter of one round.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "round_electorate")]
pub struct Model {
    /// The round.
    #[sea_orm(primary_key, auto_increment = false)]
    pub round_id: Uuid,
    /// The voter's membership.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
