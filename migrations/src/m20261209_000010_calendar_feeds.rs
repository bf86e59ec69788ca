//! Calendar feeds (issue #13, item 3): one secret feed address per account, kept only as the
//! SHA-256 of its token, so the database alone cannot be used to read anyone's calendar.

use crate::m20261123_000002_accounts::Accounts;
use sea_orm_migration::{prelude::*, schema::*};

/// Creates `calendar_feeds`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261209_000010_calendar_feeds"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeeds::Table)
                    .if_not_exists()
                    // One feed per account: a new address replaces the old one.
                    .col(uuid(CalendarFeeds::AccountId).primary_key())
                    .col(string_len_uniq(CalendarFeeds::TokenHash, 64))
                    .col(timestamp_with_time_zone(CalendarFeeds::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CalendarFeeds::Table, CalendarFeeds::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CalendarFeeds::Table).to_owned())
            .await
    }
}

/// `calendar_feeds`.
#[derive(DeriveIden)]
pub enum CalendarFeeds {
    /// The table.
    Table,
    /// The account whose feed it is.
    AccountId,
    /// SHA-256 (hex) of the token in the feed's address.
    TokenHash,
    /// When the address was made.
    CreatedAt,
}
