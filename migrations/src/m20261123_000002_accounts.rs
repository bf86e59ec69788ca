//! Accounts and how people prove who they are (decision-rules.md §1): password accounts,
//! database sessions, login throttling, and OpenID Connect identities and flows.

use sea_orm_migration::{prelude::*, schema::*};

/// Creates `accounts`, `sessions`, `login_throttle`, `oidc_identities`, `oidc_flows`.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000002_accounts"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Accounts::Table)
                    .if_not_exists()
                    .col(pk_uuid(Accounts::Id))
                    .col(string_len(Accounts::Email, 254))
                    // Lowercased e-mail: one account per address whatever its case.
                    .col(string_len_uniq(Accounts::EmailKey, 254))
                    .col(string_len(Accounts::DisplayName, 120))
                    .col(text_null(Accounts::PasswordHash))
                    .col(string_len_null(Accounts::Language, 8))
                    .col(timestamp_with_time_zone(Accounts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .if_not_exists()
                    // SHA-256 of the cookie's token: a database leak yields no usable cookie.
                    .col(string_len(Sessions::IdHash, 64).primary_key())
                    .col(uuid(Sessions::AccountId))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Sessions::Table, Sessions::AccountId)
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
                    .name("sessions_account")
                    .table(Sessions::Table)
                    .col(Sessions::AccountId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .if_not_exists()
                    // `account:<email key>` or `address:<ip>`.
                    .col(string_len(LoginThrottle::Key, 300).primary_key())
                    .col(integer(LoginThrottle::Failures))
                    .col(timestamp_with_time_zone(LoginThrottle::WindowStart))
                    .col(timestamp_with_time_zone_null(LoginThrottle::LockedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OidcIdentities::Table)
                    .if_not_exists()
                    .col(string_len(OidcIdentities::Issuer, 300))
                    .col(string_len(OidcIdentities::Subject, 255))
                    .col(uuid(OidcIdentities::AccountId))
                    .col(timestamp_with_time_zone(OidcIdentities::LinkedAt))
                    .primary_key(
                        Index::create()
                            .col(OidcIdentities::Issuer)
                            .col(OidcIdentities::Subject),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OidcIdentities::Table, OidcIdentities::AccountId)
                            .to(Accounts::Table, Accounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OidcFlows::Table)
                    .if_not_exists()
                    .col(string_len(OidcFlows::State, 64).primary_key())
                    .col(string_len(OidcFlows::Provider, 64))
                    .col(string_len(OidcFlows::Nonce, 64))
                    .col(string_len(OidcFlows::PkceVerifier, 128))
                    // Set when a signed-in person links a provider to their account.
                    .col(uuid_null(OidcFlows::LinkAccountId))
                    .col(text(OidcFlows::ReturnTo))
                    .col(timestamp_with_time_zone(OidcFlows::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OidcFlows::Table.into_iden(),
            OidcIdentities::Table.into_iden(),
            LoginThrottle::Table.into_iden(),
            Sessions::Table.into_iden(),
            Accounts::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

/// `accounts`
#[derive(DeriveIden)]
pub enum Accounts {
    /// The table.
    Table,
    /// Column.
    Id,
    /// Column.
    Email,
    /// Column.
    EmailKey,
    /// Column.
    DisplayName,
    /// Column.
    PasswordHash,
    /// Column.
    Language,
    /// Column.
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    IdHash,
    AccountId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Failures,
    WindowStart,
    LockedUntil,
}

#[derive(DeriveIden)]
enum OidcIdentities {
    Table,
    Issuer,
    Subject,
    AccountId,
    LinkedAt,
}

#[derive(DeriveIden)]
enum OidcFlows {
    Table,
    State,
    Provider,
    Nonce,
    PkceVerifier,
    LinkAccountId,
    ReturnTo,
    CreatedAt,
}
