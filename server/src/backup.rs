//! `quorate backup PATH`: a consistent copy of the embedded SQLite database, taken while the
//! server runs. SQLite's `VACUUM INTO` reads one snapshot, so a write in flight is either
//! wholly in the copy or not at all, and the server keeps writing meanwhile (WAL). PostgreSQL
//! has its own tools (`pg_dump`, docs/backup.md).

use anyhow::{Context, bail};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use std::path::Path;

/// Copies the database behind `db` into a new file at `path`.
pub async fn run(db: &DatabaseConnection, path: &Path) -> anyhow::Result<()> {
    if db.get_database_backend() != DbBackend::Sqlite {
        bail!(
            "quorate backup copies the embedded SQLite database; back up PostgreSQL with \
             pg_dump (see docs/backup.md)"
        );
    }
    if path.exists() {
        bail!(
            "{} already exists; a backup never overwrites a file",
            path.display()
        );
    }
    let target = path
        .to_str()
        .context("the backup's path must be valid UTF-8")?;
    let migrated = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'organisations'",
        ))
        .await?
        .is_some();
    if !migrated {
        bail!("the database holds no Quorate data yet (run `quorate migrate` first)");
    }
    db.execute_raw(Statement::from_sql_and_values(
        DbBackend::Sqlite,
        "VACUUM INTO ?",
        [target.into()],
    ))
    .await
    .with_context(|| format!("cannot write the backup to {}", path.display()))?;
    // The copy holds everything the database does (sessions, ballots): only its owner reads it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot restrict who may read {}", path.display()))?;
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    println!("Backed up to {} ({size} bytes).", path.display());
    Ok(())
}
