//! Organisations, their groups, memberships, invitations and the audit chain
//! (decision-rules.md §1 and §8).

use crate::m20261123_000002_accounts::Accounts;
use sea_orm_migration::{prelude::*, schema::*};

/// Creates `organisations`, `memberships`, `groups`, `group_members`, `invitations`,
/// `audit_entries`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000003_organisations"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organisations::Table)
                    .if_not_exists()
                    .col(pk_uuid(Organisations::Id))
                    .col(string_len_uniq(Organisations::Slug, 50))
                    .col(string_len(Organisations::Name, 120))
                    .col(string_len(Organisations::TimeZone, 64))
                    .col(string_len(Organisations::DefaultLanguage, 8))
                    .col(text(Organisations::Description))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .if_not_exists()
                    .col(pk_uuid(Memberships::Id))
                    .col(uuid(Memberships::OrganisationId))
                    .col(uuid(Memberships::AccountId))
                    .col(string_len(Memberships::Role, 16))
                    .col(string_len(Memberships::State, 16))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .col(timestamp_with_time_zone(Memberships::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Memberships::Table, Memberships::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("memberships_one_per_account")
                    .table(Memberships::Table)
                    .col(Memberships::OrganisationId)
                    .col(Memberships::AccountId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Groups::Table)
                    .if_not_exists()
                    .col(pk_uuid(Groups::Id))
                    .col(uuid(Groups::OrganisationId))
                    .col(string_len(Groups::Slug, 50))
                    .col(string_len(Groups::Name, 120))
                    .col(text(Groups::Description))
                    .col(timestamp_with_time_zone(Groups::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Groups::Table, Groups::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .if_not_exists()
                    .name("groups_slug_per_organisation")
                    .table(Groups::Table)
                    .col(Groups::OrganisationId)
                    .col(Groups::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GroupMembers::Table)
                    .if_not_exists()
                    .col(uuid(GroupMembers::GroupId))
                    .col(uuid(GroupMembers::MembershipId))
                    .col(timestamp_with_time_zone(GroupMembers::AddedAt))
                    .primary_key(
                        Index::create()
                            .col(GroupMembers::GroupId)
                            .col(GroupMembers::MembershipId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(GroupMembers::Table, GroupMembers::GroupId)
                            .to(Groups::Table, Groups::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(GroupMembers::Table, GroupMembers::MembershipId)
                            .to(Memberships::Table, Memberships::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitations::Table)
                    .if_not_exists()
                    .col(pk_uuid(Invitations::Id))
                    .col(uuid(Invitations::OrganisationId))
                    // SHA-256 of the token in the link; a forged token matches nothing.
                    .col(string_len_uniq(Invitations::TokenHash, 64))
                    .col(string_len_null(Invitations::Email, 254))
                    .col(string_len(Invitations::Role, 16))
                    .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                    .col(integer_null(Invitations::MaxUses))
                    .col(integer(Invitations::Uses))
                    .col(uuid(Invitations::CreatedBy))
                    .col(timestamp_with_time_zone(Invitations::CreatedAt))
                    .col(timestamp_with_time_zone_null(Invitations::RevokedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Invitations::Table, Invitations::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEntries::Table)
                    .if_not_exists()
                    .col(uuid(AuditEntries::OrganisationId))
                    .col(big_integer(AuditEntries::Seq))
                    .col(string_len(AuditEntries::At, 40))
                    .col(string_len_null(AuditEntries::Actor, 64))
                    .col(string_len(AuditEntries::Kind, 64))
                    // The entry's data as canonical JSON text, hashed exactly as stored.
                    .col(text(AuditEntries::Data))
                    .col(string_len(AuditEntries::Hash, 64))
                    // (organisation, seq) is the key: two writers racing for the same next
                    // seq cannot both succeed, so the chain never forks.
                    .primary_key(
                        Index::create()
                            .col(AuditEntries::OrganisationId)
                            .col(AuditEntries::Seq),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuditEntries::Table, AuditEntries::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEntries::Table.into_iden(),
            Invitations::Table.into_iden(),
            GroupMembers::Table.into_iden(),
            Groups::Table.into_iden(),
            Memberships::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
pub(crate) enum Organisations {
    Table,
    Id,
    Slug,
    Name,
    TimeZone,
    DefaultLanguage,
    Description,
    CreatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum Memberships {
    Table,
    Id,
    OrganisationId,
    AccountId,
    Role,
    State,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub(crate) enum Groups {
    Table,
    Id,
    OrganisationId,
    Slug,
    Name,
    Description,
    CreatedAt,
}

#[derive(DeriveIden)]
enum GroupMembers {
    Table,
    GroupId,
    MembershipId,
    AddedAt,
}

#[derive(DeriveIden)]
enum Invitations {
    Table,
    Id,
    OrganisationId,
    TokenHash,
    Email,
    Role,
    ExpiresAt,
    MaxUses,
    Uses,
    CreatedBy,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum AuditEntries {
    Table,
    OrganisationId,
    Seq,
    At,
    Actor,
    Kind,
    Data,
    Hash,
}
