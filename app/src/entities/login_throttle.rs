//! The `login_throttle` table.

use sea_orm::entity::prelude::*;

/// One row of `login_throttle`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_throttle")]
pub struct Model {
    /// `account:<email key>` or `address:<ip>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Failed attempts in the current window.
    pub failures: i32,
    /// When the current window started.
    pub window_start: ChronoDateTimeUtc,
    /// Attempts are refused until then.
    pub locked_until: Option<ChronoDateTimeUtc>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
