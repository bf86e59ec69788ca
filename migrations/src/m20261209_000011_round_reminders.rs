//! A round's reminder lead time (spec §12: members who have not voted are reminded, by
//! default 24 h before closing, configurable per round).

use crate::m20261208_000009_rounds::Rounds;
use sea_orm_migration::{prelude::*, schema::*};

/// Adds `rounds.reminder_hours` (0: no reminder).
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261209_000011_round_reminders"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Rounds::Table)
                    .add_column(integer(Rounds::ReminderHours).default(24))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Rounds::Table)
                    .drop_column(Rounds::ReminderHours)
                    .to_owned(),
            )
            .await
    }
}
