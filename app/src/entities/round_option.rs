//! The `round_options` table: a round's options in ballot order.

use sea_orm::entity::prelude::*;

/// One option of a round.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "round_options")]
pub struct Model {
    /// Primary key (the lot hashes it, counting-rules.md §1.4).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// 0, 1, …: the ballot order.
    pub position: i32,
    /// Its name.
    #[sea_orm(column_type = "Text")]
    pub name: String,
    /// The amendment it stands for; none for the proposal as it is (or a plain option).
    pub amendment: Option<i32>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
