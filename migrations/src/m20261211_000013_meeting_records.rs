//! What meetings need beyond their first cut (decision-rules.md §9): action points on agenda
//! items; every approved version of the minutes kept as it was approved (a correction is a
//! new, visible version); rounds opened from an agenda item, with the meeting's attendance as
//! their quorum reference where the organisation says so; and the organisation's paper size
//! for printed minutes.

use crate::{
    m20261123_000003_organisations::{Memberships, Organisations},
    m20261208_000009_rounds::{Rounds, fk},
    m20261210_000012_meetings::{AgendaItems, Meetings},
};
use sea_orm_migration::{prelude::*, schema::*};

/// Adds `action_points`, `meeting_versions` and the new columns.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261211_000013_meeting_records"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            // `a4` or `letter`: the paper minutes are printed on.
            string_len(Added::Paper, 16).default("a4").to_owned(),
            // Whether a round opened from a meeting's agenda counts its quorum against the
            // members present at that meeting rather than its whole electorate.
            boolean(Added::QuorumFromAttendance)
                .default(false)
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisations::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            // The agenda item the round was opened from.
            uuid_null(Added::AgendaItemId).to_owned(),
            // Members present at that meeting when the round opened, when they are the
            // quorum's reference; none: the electorate is.
            integer_null(Added::QuorumBase).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Rounds::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Meetings::Table)
                    // Why approved minutes were reopened for a correction, until approved again.
                    .add_column(text_null(Added::CorrectionReason))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ActionPoints::Table)
                    .if_not_exists()
                    .col(pk_uuid(ActionPoints::Id))
                    .col(uuid(ActionPoints::AgendaItemId))
                    // 1, 2, … within the item.
                    .col(integer(ActionPoints::Position))
                    .col(string_len(ActionPoints::Text, 500))
                    // A membership; none when nobody was named.
                    .col(uuid_null(ActionPoints::OwnerId))
                    .col(date_null(ActionPoints::Due))
                    .col(timestamp_with_time_zone_null(ActionPoints::DoneAt))
                    .foreign_key(&mut fk(
                        (ActionPoints::Table, ActionPoints::AgendaItemId),
                        (AgendaItems::Table, AgendaItems::Id),
                    ))
                    .foreign_key(&mut fk(
                        (ActionPoints::Table, ActionPoints::OwnerId),
                        (Memberships::Table, Memberships::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingVersions::Table)
                    .if_not_exists()
                    .col(uuid(MeetingVersions::MeetingId))
                    .col(integer(MeetingVersions::Version))
                    .col(timestamp_with_time_zone(MeetingVersions::ApprovedAt))
                    .col(uuid(MeetingVersions::ApprovedBy))
                    // Empty for version 1; the correction's reason after.
                    .col(text(MeetingVersions::Reason))
                    .col(string_len(MeetingVersions::Digest, 64))
                    // The minutes as approved (their JSON), never changed.
                    .col(text(MeetingVersions::Record))
                    .primary_key(
                        Index::create()
                            .col(MeetingVersions::MeetingId)
                            .col(MeetingVersions::Version),
                    )
                    .foreign_key(&mut fk(
                        (MeetingVersions::Table, MeetingVersions::MeetingId),
                        (Meetings::Table, Meetings::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MeetingVersions::Table.into_iden(),
            ActionPoints::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for (table, column) in [
            (Meetings::Table.into_iden(), Added::CorrectionReason),
            (Rounds::Table.into_iden(), Added::QuorumBase),
            (Rounds::Table.into_iden(), Added::AgendaItemId),
            (
                Organisations::Table.into_iden(),
                Added::QuorumFromAttendance,
            ),
            (Organisations::Table.into_iden(), Added::Paper),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Columns this migration adds to existing tables.
#[derive(DeriveIden, Clone, Copy)]
enum Added {
    Paper,
    QuorumFromAttendance,
    AgendaItemId,
    QuorumBase,
    CorrectionReason,
}

/// `action_points`.
#[derive(DeriveIden)]
pub enum ActionPoints {
    /// The table.
    Table,
    Id,
    AgendaItemId,
    Position,
    Text,
    OwnerId,
    Due,
    DoneAt,
}

/// `meeting_versions`.
#[derive(DeriveIden)]
pub enum MeetingVersions {
    /// The table.
    Table,
    MeetingId,
    Version,
    ApprovedAt,
    ApprovedBy,
    Reason,
    Digest,
    Record,
}
