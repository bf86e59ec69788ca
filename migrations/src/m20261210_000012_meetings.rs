//! Meetings and their minutes (decision-rules.md §9): `meetings` (details, state of the
//! minutes and their version), `meeting_attendance` (who attended, who sent apologies) and
//! `agenda_items` in order, each with its notes and, optionally, the proposal it is about.

use crate::{
    m20261123_000003_organisations::{Memberships, Organisations},
    m20261206_000005_proposals::Proposals,
    m20261208_000009_rounds::fk,
};
use sea_orm_migration::{prelude::*, schema::*};

/// Creates the meeting tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261210_000012_meetings"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .if_not_exists()
                    .col(pk_uuid(Meetings::Id))
                    .col(uuid(Meetings::OrganisationId))
                    // 1, 2, … within the organisation: the meeting's address.
                    .col(integer(Meetings::Number))
                    .col(string_len(Meetings::Title, 200))
                    .col(timestamp_with_time_zone(Meetings::StartsAt))
                    .col(string_len(Meetings::Place, 200))
                    .col(string_len(Meetings::Link, 500))
                    // Memberships; none when not chosen yet.
                    .col(uuid_null(Meetings::FacilitatorId))
                    .col(uuid_null(Meetings::MinuteTakerId))
                    // Guests by name, one per line.
                    .col(text(Meetings::Guests))
                    .col(string_len(Meetings::State, 16))
                    // The minutes' version: 1 when approved, +1 for each correction.
                    .col(integer(Meetings::Version))
                    .col(uuid(Meetings::CreatedBy))
                    .col(timestamp_with_time_zone(Meetings::CreatedAt))
                    .col(timestamp_with_time_zone_null(Meetings::HeldAt))
                    .col(timestamp_with_time_zone_null(Meetings::ApprovedAt))
                    .col(uuid_null(Meetings::ApprovedBy))
                    .foreign_key(&mut fk(
                        (Meetings::Table, Meetings::OrganisationId),
                        (Organisations::Table, Organisations::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("meetings_number")
                    .table(Meetings::Table)
                    .col(Meetings::OrganisationId)
                    .col(Meetings::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MeetingAttendance::Table)
                    .if_not_exists()
                    .col(uuid(MeetingAttendance::MeetingId))
                    .col(uuid(MeetingAttendance::MembershipId))
                    // `present` or `apologies`; absent members have no row.
                    .col(string_len(MeetingAttendance::Status, 16))
                    .primary_key(
                        Index::create()
                            .col(MeetingAttendance::MeetingId)
                            .col(MeetingAttendance::MembershipId),
                    )
                    .foreign_key(&mut fk(
                        (MeetingAttendance::Table, MeetingAttendance::MeetingId),
                        (Meetings::Table, Meetings::Id),
                    ))
                    .foreign_key(&mut fk(
                        (MeetingAttendance::Table, MeetingAttendance::MembershipId),
                        (Memberships::Table, Memberships::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AgendaItems::Table)
                    .if_not_exists()
                    .col(pk_uuid(AgendaItems::Id))
                    .col(uuid(AgendaItems::MeetingId))
                    // 1, 2, … : the agenda's order.
                    .col(integer(AgendaItems::Position))
                    .col(string_len(AgendaItems::Title, 200))
                    .col(uuid_null(AgendaItems::ProposalId))
                    .col(text(AgendaItems::Notes))
                    .foreign_key(&mut fk(
                        (AgendaItems::Table, AgendaItems::MeetingId),
                        (Meetings::Table, Meetings::Id),
                    ))
                    .foreign_key(&mut fk(
                        (AgendaItems::Table, AgendaItems::ProposalId),
                        (Proposals::Table, Proposals::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AgendaItems::Table.into_iden(),
            MeetingAttendance::Table.into_iden(),
            Meetings::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

/// `meetings`.
#[derive(DeriveIden)]
pub enum Meetings {
    /// The table.
    Table,
    /// Column.
    Id,
    /// Column.
    OrganisationId,
    /// Column.
    Number,
    /// Column.
    Title,
    /// Column.
    StartsAt,
    /// Column.
    Place,
    /// Column.
    Link,
    /// Column.
    FacilitatorId,
    /// Column.
    MinuteTakerId,
    /// Column.
    Guests,
    /// Column.
    State,
    /// Column.
    Version,
    /// Column.
    CreatedBy,
    /// Column.
    CreatedAt,
    /// Column.
    HeldAt,
    /// Column.
    ApprovedAt,
    /// Column.
    ApprovedBy,
}

/// `meeting_attendance`.
#[derive(DeriveIden)]
pub enum MeetingAttendance {
    /// The table.
    Table,
    /// Column.
    MeetingId,
    /// Column.
    MembershipId,
    /// Column.
    Status,
}

/// `agenda_items`.
#[derive(DeriveIden)]
pub enum AgendaItems {
    /// The table.
    Table,
    /// Column.
    Id,
    /// Column.
    MeetingId,
    /// Column.
    Position,
    /// Column.
    Title,
    /// Column.
    ProposalId,
    /// Column.
    Notes,
}
