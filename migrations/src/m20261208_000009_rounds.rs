//! Decision rounds and ballots (decision-rules.md §3, §4): `rounds` with their whole
//! configuration and, once closed, the stored report; `round_options` in ballot order;
//! `round_electorate`, the snapshot taken at opening; `ballots`, the latest open ballot of
//! each voter (one per voter and round, a unique key); `secret_ballots`, keyed by a random id
//! and holding no member and no time (SQLite `WITHOUT ROWID`, so neither a rowid nor storage
//! order tells the casting order); and `voter_roll`, who has voted in a secret round.

use crate::{m20261123_000003_organisations::Memberships, m20261206_000005_proposals::Proposals};
use sea_orm_migration::{prelude::*, schema::*, sea_orm::DbBackend};

/// Creates the round and ballot tables.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261208_000009_rounds"
    }
}

const SQLITE_SECRET: &str = r#"
CREATE TABLE IF NOT EXISTS secret_ballots (
    id BLOB NOT NULL PRIMARY KEY,
    round_id BLOB NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    receipt TEXT NOT NULL,
    marks TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS secret_ballots_receipt ON secret_ballots (round_id, receipt);
"#;

const POSTGRES_SECRET: &str = r#"
CREATE TABLE IF NOT EXISTS secret_ballots (
    id UUID NOT NULL PRIMARY KEY,
    round_id UUID NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    receipt TEXT NOT NULL,
    marks TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS secret_ballots_receipt ON secret_ballots (round_id, receipt);
"#;

/// A foreign key from `from` to `to` that cascades deletes (shared by later migrations).
pub(crate) fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Rounds::Table)
                    .if_not_exists()
                    .col(pk_uuid(Rounds::Id))
                    .col(uuid(Rounds::OrganisationId))
                    .col(uuid(Rounds::ProposalId))
                    // 1, 2, … within the proposal.
                    .col(integer(Rounds::Number))
                    // The proposal's revision it decides (frozen while open).
                    .col(integer(Rounds::Revision))
                    .col(string_len(Rounds::State, 16))
                    // tally's `Method` and `Quorum` as JSON: the count reads them back as is.
                    .col(text(Rounds::Method))
                    .col(text(Rounds::Quorum))
                    .col(string_len(Rounds::TiePolicy, 32))
                    .col(boolean(Rounds::Secret))
                    .col(boolean(Rounds::RunningResults))
                    .col(boolean(Rounds::OnAmendments))
                    .col(timestamp_with_time_zone(Rounds::OpensAt))
                    .col(timestamp_with_time_zone(Rounds::ClosesAt))
                    .col(uuid(Rounds::CreatedBy))
                    .col(timestamp_with_time_zone(Rounds::CreatedAt))
                    .col(timestamp_with_time_zone_null(Rounds::OpenedAt))
                    .col(integer_null(Rounds::ElectorateSize))
                    .col(string_len_null(Rounds::ElectorateHash, 64))
                    .col(timestamp_with_time_zone_null(Rounds::ClosedAt))
                    .col(uuid_null(Rounds::ClosedBy))
                    .col(text_null(Rounds::CloseReason))
                    .col(timestamp_with_time_zone_null(Rounds::CancelledAt))
                    .col(uuid_null(Rounds::CancelledBy))
                    .col(text_null(Rounds::CancelReason))
                    // The tally report (JSON), its text, its SHA-256 and the lot seed.
                    .col(text_null(Rounds::Report))
                    .col(text_null(Rounds::ReportText))
                    .col(string_len_null(Rounds::Digest, 64))
                    .col(string_len_null(Rounds::Seed, 64))
                    .col(string_len_null(Rounds::Outcome, 16))
                    // The facilitator's outcome statement (Markdown), written after close.
                    .col(text_null(Rounds::Statement))
                    .foreign_key(&mut fk(
                        (Rounds::Table, Rounds::ProposalId),
                        (Proposals::Table, Proposals::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("rounds_number", vec![Rounds::ProposalId, Rounds::Number]),
            ("rounds_due", vec![Rounds::State, Rounds::ClosesAt]),
            (
                "rounds_organisation",
                vec![Rounds::OrganisationId, Rounds::State],
            ),
        ] {
            let mut index = Index::create()
                .if_not_exists()
                .name(name)
                .table(Rounds::Table)
                .to_owned();
            for column in columns {
                index.col(column);
            }
            if name == "rounds_number" {
                index.unique();
            }
            manager.create_index(index).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(RoundOptions::Table)
                    .if_not_exists()
                    .col(pk_uuid(RoundOptions::Id))
                    .col(uuid(RoundOptions::RoundId))
                    // 0, 1, … : the ballot order.
                    .col(integer(RoundOptions::Position))
                    .col(text(RoundOptions::Name))
                    // The amendment it stands for (none: the proposal as it is).
                    .col(integer_null(RoundOptions::Amendment))
                    .foreign_key(&mut fk(
                        (RoundOptions::Table, RoundOptions::RoundId),
                        (Rounds::Table, Rounds::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("round_options_position")
                    .table(RoundOptions::Table)
                    .col(RoundOptions::RoundId)
                    .col(RoundOptions::Position)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoundElectorate::Table)
                    .if_not_exists()
                    .col(uuid(RoundElectorate::RoundId))
                    .col(uuid(RoundElectorate::MembershipId))
                    .primary_key(
                        Index::create()
                            .col(RoundElectorate::RoundId)
                            .col(RoundElectorate::MembershipId),
                    )
                    .foreign_key(&mut fk(
                        (RoundElectorate::Table, RoundElectorate::RoundId),
                        (Rounds::Table, Rounds::Id),
                    ))
                    .foreign_key(&mut fk(
                        (RoundElectorate::Table, RoundElectorate::MembershipId),
                        (Memberships::Table, Memberships::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Ballots::Table)
                    .if_not_exists()
                    .col(pk_uuid(Ballots::Id))
                    .col(uuid(Ballots::RoundId))
                    .col(uuid(Ballots::MembershipId))
                    // tally's `Marks` as JSON.
                    .col(text(Ballots::Marks))
                    // 1 for the first ballot, then one more per change.
                    .col(integer(Ballots::Version))
                    .col(timestamp_with_time_zone(Ballots::CastAt))
                    .foreign_key(&mut fk(
                        (Ballots::Table, Ballots::RoundId),
                        (Rounds::Table, Rounds::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Ballots::Table, Ballots::MembershipId),
                        (Memberships::Table, Memberships::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // One ballot per voter and round, enforced by the database (spec §4).
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("ballots_one_per_voter")
                    .table(Ballots::Table)
                    .col(Ballots::RoundId)
                    .col(Ballots::MembershipId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VoterRoll::Table)
                    .if_not_exists()
                    .col(uuid(VoterRoll::RoundId))
                    .col(uuid(VoterRoll::MembershipId))
                    // The primary key is the "one secret ballot per voter" constraint.
                    .primary_key(
                        Index::create()
                            .col(VoterRoll::RoundId)
                            .col(VoterRoll::MembershipId),
                    )
                    .foreign_key(&mut fk(
                        (VoterRoll::Table, VoterRoll::RoundId),
                        (Rounds::Table, Rounds::Id),
                    ))
                    .foreign_key(&mut fk(
                        (VoterRoll::Table, VoterRoll::MembershipId),
                        (Memberships::Table, Memberships::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        let secret = match manager.get_database_backend() {
            DbBackend::Sqlite => SQLITE_SECRET,
            _ => POSTGRES_SECRET,
        };
        manager.get_connection().execute_unprepared(secret).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "secret_ballots",
            "voter_roll",
            "ballots",
            "round_electorate",
            "round_options",
            "rounds",
        ] {
            manager
                .drop_table(
                    Table::drop()
                        .table(Alias::new(table))
                        .if_exists()
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

/// `rounds` (later migrations add columns).
#[derive(DeriveIden)]
pub enum Rounds {
    /// The table.
    Table,
    /// Column.
    Id,
    /// Column.
    OrganisationId,
    /// Column.
    ProposalId,
    /// Column.
    Number,
    /// Column.
    Revision,
    /// Column.
    State,
    /// Column.
    Method,
    /// Column.
    Quorum,
    /// Column.
    TiePolicy,
    /// Column.
    Secret,
    /// Column.
    RunningResults,
    /// Column.
    OnAmendments,
    /// Column.
    OpensAt,
    /// Column.
    ClosesAt,
    /// Column.
    CreatedBy,
    /// Column.
    CreatedAt,
    /// Column.
    OpenedAt,
    /// Column.
    ElectorateSize,
    /// Column.
    ElectorateHash,
    /// Column.
    ClosedAt,
    /// Column.
    ClosedBy,
    /// Column.
    CloseReason,
    /// Column.
    CancelledAt,
    /// Column.
    CancelledBy,
    /// Column.
    CancelReason,
    /// Column.
    Report,
    /// Column.
    ReportText,
    /// Column.
    Digest,
    /// Column.
    Seed,
    /// Column.
    Outcome,
    /// Column.
    Statement,
    /// Column.
    ReminderHours,
}

#[derive(DeriveIden)]
enum RoundOptions {
    Table,
    Id,
    RoundId,
    Position,
    Name,
    Amendment,
}

#[derive(DeriveIden)]
enum RoundElectorate {
    Table,
    RoundId,
    MembershipId,
}

#[derive(DeriveIden)]
enum Ballots {
    Table,
    Id,
    RoundId,
    MembershipId,
    Marks,
    Version,
    CastAt,
}

#[derive(DeriveIden)]
enum VoterRoll {
    Table,
    RoundId,
    MembershipId,
}
