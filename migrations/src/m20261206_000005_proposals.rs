//! Proposals, their authors and their numbered revisions (decision-rules.md §2).

use crate::m20261123_000003_organisations::{Groups, Memberships, Organisations};
use sea_orm_migration::{prelude::*, schema::*};

/// Creates `proposals`, `proposal_authors`, `proposal_revisions`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000005_proposals"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Proposals::Table)
                    .if_not_exists()
                    .col(pk_uuid(Proposals::Id))
                    .col(uuid(Proposals::OrganisationId))
                    // Proposals of a group: its members author (and will vote).
                    .col(uuid_null(Proposals::GroupId))
                    // 1, 2, 3, … within the organisation: "proposal 12" in minutes and links.
                    .col(integer(Proposals::Number))
                    .col(string_len(Proposals::State, 16))
                    .col(text(Proposals::Title))
                    .col(text(Proposals::Summary))
                    .col(text(Proposals::Body))
                    .col(date_null(Proposals::DueOn))
                    // Every save of the text counts one up (drafts too): an edit names the
                    // version it started from, and a newer one refuses it.
                    .col(integer(Proposals::Version))
                    // The latest revision's number; 0 while a draft.
                    .col(integer(Proposals::Revision))
                    .col(uuid(Proposals::CreatedBy))
                    .col(timestamp_with_time_zone(Proposals::CreatedAt))
                    // The latest change to it (lists show newest activity first).
                    .col(timestamp_with_time_zone(Proposals::ActiveAt))
                    .col(timestamp_with_time_zone_null(Proposals::PublishedAt))
                    .col(timestamp_with_time_zone_null(Proposals::WithdrawnAt))
                    .col(uuid_null(Proposals::WithdrawnBy))
                    .col(text_null(Proposals::WithdrawalReason))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposals::Table, Proposals::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Proposals::Table, Proposals::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("proposals_number_per_organisation")
                    .table(Proposals::Table)
                    .col(Proposals::OrganisationId)
                    .col(Proposals::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("proposals_by_activity")
                    .table(Proposals::Table)
                    .col(Proposals::OrganisationId)
                    .col(Proposals::ActiveAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalAuthors::Table)
                    .if_not_exists()
                    .col(uuid(ProposalAuthors::ProposalId))
                    .col(uuid(ProposalAuthors::MembershipId))
                    .col(timestamp_with_time_zone(ProposalAuthors::AddedAt))
                    .primary_key(
                        Index::create()
                            .col(ProposalAuthors::ProposalId)
                            .col(ProposalAuthors::MembershipId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalAuthors::Table, ProposalAuthors::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalAuthors::Table, ProposalAuthors::MembershipId)
                            .to(Memberships::Table, Memberships::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalRevisions::Table)
                    .if_not_exists()
                    .col(pk_uuid(ProposalRevisions::Id))
                    .col(uuid(ProposalRevisions::ProposalId))
                    .col(integer(ProposalRevisions::Number))
                    .col(integer(ProposalRevisions::Version))
                    .col(text(ProposalRevisions::Title))
                    .col(text(ProposalRevisions::Summary))
                    .col(text(ProposalRevisions::Body))
                    .col(uuid(ProposalRevisions::AuthorId))
                    .col(text(ProposalRevisions::Note))
                    // SHA-256 of the text's canonical JSON, as the audit chain records it.
                    .col(string_len(ProposalRevisions::Digest, 64))
                    .col(timestamp_with_time_zone(ProposalRevisions::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalRevisions::Table, ProposalRevisions::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("proposal_revisions_number")
                    .table(ProposalRevisions::Table)
                    .col(ProposalRevisions::ProposalId)
                    .col(ProposalRevisions::Number)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProposalRevisions::Table.into_iden(),
            ProposalAuthors::Table.into_iden(),
            Proposals::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum Proposals {
    Table,
    Id,
    OrganisationId,
    GroupId,
    Number,
    State,
    Title,
    Summary,
    Body,
    DueOn,
    Version,
    Revision,
    CreatedBy,
    CreatedAt,
    ActiveAt,
    PublishedAt,
    WithdrawnAt,
    WithdrawnBy,
    WithdrawalReason,
}

#[derive(DeriveIden)]
enum ProposalAuthors {
    Table,
    ProposalId,
    MembershipId,
    AddedAt,
}

#[derive(DeriveIden)]
enum ProposalRevisions {
    Table,
    Id,
    ProposalId,
    Number,
    Version,
    Title,
    Summary,
    Body,
    AuthorId,
    Note,
    Digest,
    CreatedAt,
}
