//! Proving addresses and keeping track of sign-in methods (issue: e-mail addresses were never
//! verified; linked identities were not listed): when an account proved its e-mail address,
//! pending confirmations (sign-up and change of address, sent by mail), and which configured
//! provider an OpenID identity came through and when it was last used.

use sea_orm_migration::{prelude::*, schema::*};

/// Adds `accounts.email_verified_at`, `oidc_identities.provider` and `.last_used_at`, and
/// creates `email_confirmations`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000004_address_proof"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Accounts::Table)
                    .add_column(timestamp_with_time_zone_null(Accounts::EmailVerifiedAt))
                    .to_owned(),
            )
            .await?;
        // SQLite alters one column per statement.
        manager
            .alter_table(
                Table::alter()
                    .table(OidcIdentities::Table)
                    .add_column(string_len(OidcIdentities::Provider, 64).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OidcIdentities::Table)
                    .add_column(timestamp_with_time_zone_null(OidcIdentities::LastUsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmailConfirmations::Table)
                    .if_not_exists()
                    // SHA-256 of the mailed link's token.
                    .col(string_len(EmailConfirmations::TokenHash, 64).primary_key())
                    // `sign_up` (the account is created on confirmation) or `change`.
                    .col(string_len(EmailConfirmations::Purpose, 16))
                    .col(string_len(EmailConfirmations::Email, 254))
                    // For a change: the account whose address changes.
                    .col(uuid_null(EmailConfirmations::AccountId))
                    // For a sign-up: what the account is created with.
                    .col(string_len_null(EmailConfirmations::DisplayName, 120))
                    .col(text_null(EmailConfirmations::PasswordHash))
                    .col(string_len_null(EmailConfirmations::NextPath, 600))
                    .col(timestamp_with_time_zone(EmailConfirmations::CreatedAt))
                    .col(timestamp_with_time_zone(EmailConfirmations::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(EmailConfirmations::Table, EmailConfirmations::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(EmailConfirmations::Table).to_owned())
            .await?;
        for (table, column) in [
            (
                OidcIdentities::Table.into_iden(),
                OidcIdentities::LastUsedAt.into_iden(),
            ),
            (
                OidcIdentities::Table.into_iden(),
                OidcIdentities::Provider.into_iden(),
            ),
            (
                Accounts::Table.into_iden(),
                Accounts::EmailVerifiedAt.into_iden(),
            ),
        ] {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    EmailVerifiedAt,
}

#[derive(DeriveIden)]
enum OidcIdentities {
    Table,
    Provider,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum EmailConfirmations {
    Table,
    TokenHash,
    Purpose,
    Email,
    AccountId,
    DisplayName,
    PasswordHash,
    NextPath,
    CreatedAt,
    ExpiresAt,
}
