//! The one way Quorate opens its database, for both engines: SQLite (embedded, one file,
//! WAL) for a single co-op, PostgreSQL (a pool shared by several server processes) for a
//! federation. Production, `quorate migrate` and the tests all come through [`connect`].

use anyhow::{Context, bail};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
    TransactionTrait,
    sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous},
};
use std::{path::PathBuf, time::Duration};

/// The database engines Quorate runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

impl Engine {
    /// The engine a database URL names, or a clear refusal.
    pub fn of(url: &str) -> anyhow::Result<Engine> {
        let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Engine::Sqlite),
            "postgres" | "postgresql" => Ok(Engine::Postgres),
            _ => bail!(
                "unsupported database URL {}: it must start with sqlite:// or postgres://",
                mask_password(url)
            ),
        }
    }
}

/// How long a SQLite writer waits for another writer before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Opens the database at `url`, creating an SQLite file (and its folder) when missing.
/// Errors name the URL with its password masked.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    let engine = Engine::of(url)?;
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    match engine {
        Engine::Sqlite => {
            prepare_sqlite_folder(url)?;
            options
                // WAL lets readers work while one writer writes.
                .max_connections(8)
                .map_sqlx_sqlite_opts(|o| {
                    o.create_if_missing(true)
                        .journal_mode(SqliteJournalMode::Wal)
                        .synchronous(SqliteSynchronous::Normal)
                        .busy_timeout(SQLITE_BUSY_TIMEOUT)
                        .foreign_keys(true)
                });
        }
        Engine::Postgres => {
            options.max_connections(16).min_connections(1);
        }
    }
    let connection = Database::connect(options)
        .await
        .with_context(|| format!("cannot open the database {}", mask_password(url)))?;
    connection
        .ping()
        .await
        .with_context(|| format!("cannot reach the database {}", mask_password(url)))?;
    Ok(connection)
}

/// Connects to a database that must exist already (tools that read one, like `backup`):
/// an SQLite file that is not there is an error, not a new empty database.
pub async fn connect_existing(url: &str) -> anyhow::Result<DatabaseConnection> {
    if let Some(path) = sqlite_path(url).filter(|p| !p.exists()) {
        anyhow::bail!("there is no database at {}", path.display());
    }
    connect(url).await
}

/// Applies pending migrations. On PostgreSQL an advisory lock makes server processes that
/// start together migrate one after another.
pub async fn migrate(connection: &DatabaseConnection) -> anyhow::Result<()> {
    apply_migrations(connection)
        .await
        .context("cannot migrate the database")
}

async fn apply_migrations(connection: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    match connection.get_database_backend() {
        DbBackend::Postgres => {
            let transaction = connection.begin().await?;
            transaction
                .execute_raw(Statement::from_string(
                    DbBackend::Postgres,
                    // An arbitrary constant naming "Quorate's migrations".
                    "SELECT pg_advisory_xact_lock(7283514021)",
                ))
                .await?;
            Migrator::up(&transaction, None).await?;
            transaction.commit().await?;
        }
        _ => Migrator::up(connection, None).await?,
    }
    Ok(())
}

/// The file an `sqlite:` URL points at, if it is a file (not `:memory:`).
fn sqlite_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

/// Creates the database's folder and checks that it is writable, so that a wrong location
/// is reported plainly rather than as SQLite's "unable to open database file".
fn prepare_sqlite_folder(url: &str) -> anyhow::Result<()> {
    let Some(path) = sqlite_path(url) else {
        return Ok(());
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("cannot create the data folder {}", folder.display()))?;
    let probe = folder.join(".quorate-write-check");
    std::fs::write(&probe, b"")
        .with_context(|| format!("the data folder {} is not writable", folder.display()))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// The URL with any password replaced by `****`, safe to print and log.
pub fn mask_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:****@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_masked_and_nothing_else_changes() {
        assert_eq!(
            mask_password("postgres://quorate:s3cr:et@db.example:5432/quorate?sslmode=require"),
            "postgres://quorate:****@db.example:5432/quorate?sslmode=require"
        );
        assert_eq!(
            mask_password("postgres://quorate@db/quorate"),
            "postgres://quorate@db/quorate"
        );
        assert_eq!(
            mask_password("sqlite://data/quorate.db"),
            "sqlite://data/quorate.db"
        );
    }

    #[test]
    fn only_sqlite_and_postgres_urls_are_accepted() {
        assert_eq!(Engine::of("sqlite://x.db").unwrap(), Engine::Sqlite);
        assert_eq!(Engine::of("postgresql://h/db").unwrap(), Engine::Postgres);
        let refusal = Engine::of("mysql://root:pw@h/db").unwrap_err().to_string();
        assert!(refusal.contains("sqlite:// or postgres://"), "{refusal}");
        assert!(!refusal.contains("pw"), "{refusal}");
    }

    #[test]
    fn sqlite_paths_are_read_from_urls() {
        assert_eq!(
            sqlite_path("sqlite://data/quorate.db?mode=rwc"),
            Some(PathBuf::from("data/quorate.db"))
        );
        assert_eq!(
            sqlite_path("sqlite:///var/lib/q.db"),
            Some(PathBuf::from("/var/lib/q.db"))
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
    }
}
