//! Comments on proposals, their earlier versions and mentions, and what each member last read
//! (decision-rules.md §2).

use crate::{m20261123_000003_organisations::Memberships, m20261206_000005_proposals::Proposals};
use sea_orm_migration::{prelude::*, schema::*};

/// Creates `comments`, `comment_versions`, `comment_mentions`, `proposal_reads`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000006_comments"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Comments::Table)
                    .if_not_exists()
                    .col(pk_uuid(Comments::Id))
                    .col(uuid(Comments::ProposalId))
                    .col(uuid_null(Comments::ParentId))
                    .col(integer(Comments::Depth))
                    .col(uuid(Comments::AuthorId))
                    .col(text(Comments::Body))
                    .col(timestamp_with_time_zone(Comments::CreatedAt))
                    .col(timestamp_with_time_zone_null(Comments::EditedAt))
                    .col(timestamp_with_time_zone_null(Comments::DeletedAt))
                    .col(timestamp_with_time_zone_null(Comments::HiddenAt))
                    .col(uuid_null(Comments::HiddenBy))
                    .col(text_null(Comments::HiddenReason))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Comments::Table, Comments::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Comments::Table, Comments::AuthorId)
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
                    .name("comments_by_proposal")
                    .table(Comments::Table)
                    .col(Comments::ProposalId)
                    .col(Comments::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommentVersions::Table)
                    .if_not_exists()
                    .col(pk_uuid(CommentVersions::Id))
                    .col(uuid(CommentVersions::CommentId))
                    // The text as it was until `replaced_at`.
                    .col(text(CommentVersions::Body))
                    .col(timestamp_with_time_zone(CommentVersions::ReplacedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommentVersions::Table, CommentVersions::CommentId)
                            .to(Comments::Table, Comments::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommentMentions::Table)
                    .if_not_exists()
                    .col(uuid(CommentMentions::CommentId))
                    .col(uuid(CommentMentions::MembershipId))
                    .primary_key(
                        Index::create()
                            .col(CommentMentions::CommentId)
                            .col(CommentMentions::MembershipId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommentMentions::Table, CommentMentions::CommentId)
                            .to(Comments::Table, Comments::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProposalReads::Table)
                    .if_not_exists()
                    .col(uuid(ProposalReads::MembershipId))
                    .col(uuid(ProposalReads::ProposalId))
                    .col(timestamp_with_time_zone(ProposalReads::ReadAt))
                    .primary_key(
                        Index::create()
                            .col(ProposalReads::MembershipId)
                            .col(ProposalReads::ProposalId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProposalReads::Table, ProposalReads::ProposalId)
                            .to(Proposals::Table, Proposals::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProposalReads::Table.into_iden(),
            CommentMentions::Table.into_iden(),
            CommentVersions::Table.into_iden(),
            Comments::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
    ProposalId,
    ParentId,
    Depth,
    AuthorId,
    Body,
    CreatedAt,
    EditedAt,
    DeletedAt,
    HiddenAt,
    HiddenBy,
    HiddenReason,
}

#[derive(DeriveIden)]
enum CommentVersions {
    Table,
    Id,
    CommentId,
    Body,
    ReplacedAt,
}

#[derive(DeriveIden)]
enum CommentMentions {
    Table,
    CommentId,
    MembershipId,
}

#[derive(DeriveIden)]
enum ProposalReads {
    Table,
    MembershipId,
    ProposalId,
    ReadAt,
}
