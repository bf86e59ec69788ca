//! `quorate backup PATH` (issue #13, online backup): a copy of the embedded SQLite database
//! taken while members vote restores to a database whose audit chain verifies and whose
//! ballots agree with their audit entries; PostgreSQL is pointed to pg_dump.

use super::rounds::{open_round, proposal, three, vote};
use crate::helpers::{Db, TestApp, quorate_bin, spawn_app};
use app::entities::{audit_entry, ballot};
use sea_orm::{ColumnTrait, Database, EntityTrait, QueryFilter};
use std::{path::Path, process::Output};

/// Runs `quorate ARGS` on the database at `url`.
pub(crate) fn quorate(app: &TestApp, url: &str, args: &[&str]) -> Output {
    std::process::Command::new(quorate_bin())
        .args(args)
        .env_remove("QUORATE_BIN")
        .env("QUORATE_DATABASE_URL", url)
        .env("QUORATE_LOG_LEVEL", "warn")
        .current_dir(app.db.dir.path())
        .output()
        .expect("quorate runs")
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).trim().to_owned()
}

pub async fn a_backup_taken_while_ballots_are_cast_restores_to_a_database_that_verifies(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Backups").await;
    let round = open_round(&coop.admin, number, &[("method", "majority")]).await;
    let copy = app.db.dir.path().join("backup.db");
    let copy_arg = copy.to_str().unwrap().to_owned();

    if matches!(db, Db::Postgres) {
        let output = quorate(&app, &app.db.url, &["backup", &copy_arg]);
        assert!(!output.status.success());
        assert!(stderr(&output).contains("pg_dump"), "{}", stderr(&output));
        assert!(!copy.exists(), "nothing written");
        return;
    }

    // 50 ballots (first ones and changes, by three members) while the backup runs.
    let voters = ["Ada", "Bea", "Carl"];
    let casting = futures::future::join_all((0..50).map(|i| {
        let voter = coop.browser(voters[i % 3]);
        let round = round.clone();
        async move {
            let choice = if i % 2 == 0 { "yes" } else { "no" };
            vote(voter, &round, &[("choice", choice)]).await.status()
        }
    }));
    let backup = {
        let url = app.db.url.clone();
        let dir = app.db.dir.path().to_owned();
        let copy_arg = copy_arg.clone();
        tokio::task::spawn_blocking(move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            std::process::Command::new(quorate_bin())
                .args(["backup", &copy_arg])
                .env_remove("QUORATE_BIN")
                .env("QUORATE_DATABASE_URL", &url)
                .current_dir(dir)
                .output()
                .expect("quorate runs")
        })
    };
    let (statuses, backup) = tokio::join!(casting, backup);
    assert!(statuses.iter().all(|s| s.as_u16() == 303), "{statuses:?}");
    let backup = backup.unwrap();
    assert!(backup.status.success(), "{}", stderr(&backup));
    assert!(String::from_utf8_lossy(&backup.stdout).starts_with("Backed up to "));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner reads a backup");
    }

    // Restored: the copy migrates (nothing to do), its audit chain verifies, and every ballot
    // in it has exactly as many audit entries as versions: no write is half in the copy.
    let restored = format!("sqlite://{}", copy.display());
    let migrated = quorate(&app, &restored, &["migrate"]);
    assert!(migrated.status.success(), "{}", stderr(&migrated));
    let verified = quorate(&app, &restored, &["audit", "verify", "--org", "coop"]);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(String::from_utf8_lossy(&verified.stdout).contains("holds"));
    let connection = Database::connect(restored.as_str()).await.unwrap();
    let ballots = ballot::Entity::find().all(&connection).await.unwrap();
    let entries = audit_entry::Entity::find()
        .filter(audit_entry::Column::Kind.is_in(["ballot.cast", "ballot.changed"]))
        .all(&connection)
        .await
        .unwrap();
    let versions: i64 = ballots.iter().map(|b| i64::from(b.version)).sum();
    assert_eq!(
        versions,
        entries.len() as i64,
        "ballots and audit entries agree"
    );
    connection.close().await.unwrap();

    // A second backup never overwrites the first; a missing database is not created.
    let again = quorate(&app, &app.db.url, &["backup", &copy_arg]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let nowhere = app.db.dir.path().join("none.db");
    let missing = quorate(
        &app,
        &format!("sqlite://{}", nowhere.display()),
        &["backup", "other.db"],
    );
    assert!(
        stderr(&missing).contains("there is no database"),
        "{}",
        stderr(&missing)
    );
    assert!(!Path::new(&nowhere).exists());
}
