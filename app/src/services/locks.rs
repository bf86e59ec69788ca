//! Lock first, then check, then write. Every write whose rule depends on what else is in
//! the database ("the last admin", "the last use of an invitation", "the last way to sign
//! in") starts here: the transaction opens and takes the lock before anything is read, so a
//! second writer waits for the first to commit and then decides on what it wrote.
//!
//! - PostgreSQL: `SELECT … FOR UPDATE` on the row that owns the rule (the organisation, the
//!   account). Writers to other organisations do not wait.
//! - SQLite: `BEGIN IMMEDIATE` takes the database's one write lock at the start, so a second
//!   writer waits (up to the busy timeout) instead of failing later with "database is
//!   locked" when a read transaction tries to become a write.

use super::ServiceResult;
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, SqliteTransactionMode,
    Statement, TransactionOptions, TransactionTrait,
};
use uuid::Uuid;

/// Opens a write transaction (on SQLite holding the write lock from the start).
pub async fn begin_write(db: &DatabaseConnection) -> ServiceResult<DatabaseTransaction> {
    let options = TransactionOptions {
        sqlite_transaction_mode: (db.get_database_backend() == DbBackend::Sqlite)
            .then_some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    };
    Ok(db.begin_with_options(options).await?)
}

/// Opens a write transaction holding the organisation's lock.
pub async fn begin_for_organisation(
    db: &DatabaseConnection,
    organisation_id: Uuid,
) -> ServiceResult<DatabaseTransaction> {
    let txn = begin_write(db).await?;
    lock_row(&txn, "organisations", organisation_id).await?;
    Ok(txn)
}

/// Opens a write transaction holding the account's lock.
pub async fn begin_for_account(
    db: &DatabaseConnection,
    account_id: Uuid,
) -> ServiceResult<DatabaseTransaction> {
    let txn = begin_write(db).await?;
    lock_row(&txn, "accounts", account_id).await?;
    Ok(txn)
}

/// Locks one row by id inside `txn` (PostgreSQL; on SQLite the transaction already holds the
/// database's write lock).
pub async fn lock_row(
    txn: &DatabaseTransaction,
    table: &'static str,
    id: Uuid,
) -> ServiceResult<()> {
    if txn.get_database_backend() == DbBackend::Postgres {
        txn.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE"),
            [id.into()],
        ))
        .await?;
    }
    Ok(())
}
