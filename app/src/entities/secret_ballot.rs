//! The `secret_ballots` table (decision-rules.md §4): keyed by a random id, with no member,
//! no time and no sequence. SQLite stores it `WITHOUT ROWID`, in key order.

use sea_orm::entity::prelude::*;

/// One secret ballot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "secret_ballots")]
pub struct Model {
    /// A random id (UUID v4).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The round.
    pub round_id: Uuid,
    /// The receipt code given to the voter.
    pub receipt: String,
    /// `tally::ballot::Marks` as JSON.
    #[sea_orm(column_type = "Text")]
    pub marks: String,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
