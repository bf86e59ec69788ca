//! Amendments to proposals (decision-rules.md §2), and the revision an accepted one became.

use crate::{m20261123_000003_organisations::Memberships, m20261206_000005_proposals::Proposals};
use sea_orm_migration::{prelude::*, schema::*};

/// Creates `amendments`; `proposal_revisions` gains `amendment` (the number of the amendment
/// a revision came from).
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000007_amendments"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Amendments::Table)
                    .if_not_exists()
                    .col(pk_uuid(Amendments::Id))
                    .col(uuid(Amendments::ProposalId))
                    // 1, 2, … within the proposal.
                    .col(integer(Amendments::Number))
                    .col(uuid(Amendments::AmenderId))
                    // The revision it changes.
                    .col(integer(Amendments::BaseRevision))
                    .col(text(Amendments::Title))
                    .col(text(Amendments::Summary))
                    .col(text(Amendments::Body))
                    .col(text(Amendments::Reason))
                    .col(string_len(Amendments::State, 16))
                    .col(timestamp_with_time_zone(Amendments::CreatedAt))
                    .col(uuid_null(Amendments::DecidedBy))
                    .col(timestamp_with_time_zone_null(Amendments::DecidedAt))
                    .col(text_null(Amendments::DeclineReason))
                    // The revision an accepted amendment became.
                    .col(integer_null(Amendments::Revision))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Amendments::Table, Amendments::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Amendments::Table, Amendments::AmenderId)
                            .to(Memberships::Table, Memberships::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("amendments_number")
                    .table(Amendments::Table)
                    .col(Amendments::ProposalId)
                    .col(Amendments::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ProposalRevisions::Table)
                    .add_column(integer_null(ProposalRevisions::Amendment))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ProposalRevisions::Table)
                    .drop_column(ProposalRevisions::Amendment)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(Amendments::Table)
                    .if_exists()
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Amendments {
    Table,
    Id,
    ProposalId,
    Number,
    AmenderId,
    BaseRevision,
    Title,
    Summary,
    Body,
    Reason,
    State,
    CreatedAt,
    DecidedBy,
    DecidedAt,
    DeclineReason,
    Revision,
}

#[derive(DeriveIden)]
enum ProposalRevisions {
    Table,
    Amendment,
}
