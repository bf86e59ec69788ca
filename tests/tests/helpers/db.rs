//! Databases for tests: opened through the same `server::db::connect` as production.

use sea_orm::{ConnectionTrait, Database};
use tempfile::TempDir;

/// The engine a scenario runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    /// A temp SQLite file.
    Sqlite,
    /// A fresh schema in the PostgreSQL database `test`.
    Postgres,
}

/// The PostgreSQL server the tests use (`QUORATE_TEST_POSTGRES_URL` overrides it).
pub fn postgres_admin_url() -> String {
    std::env::var("QUORATE_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A database that exists for one test and is removed afterwards.
pub struct TestDb {
    /// The URL to hand to Quorate.
    pub url: String,
    /// The folder holding the SQLite file (removed on drop).
    pub dir: TempDir,
    schema: Option<String>,
}

impl TestDb {
    /// Creates an empty database of the given engine.
    pub async fn new(db: Db) -> TestDb {
        let dir = tempfile::tempdir().expect("a temp folder");
        match db {
            Db::Sqlite => {
                let url = format!("sqlite://{}/data/quorate.db", dir.path().display());
                TestDb {
                    url,
                    dir,
                    schema: None,
                }
            }
            Db::Postgres => {
                let schema = format!("test_{}", uuid::Uuid::new_v4().simple());
                let admin = Database::connect(postgres_admin_url())
                    .await
                    .expect("PostgreSQL on 127.0.0.1:5432 (database `test`) must be running");
                admin
                    .execute_unprepared(&format!("CREATE SCHEMA {schema}"))
                    .await
                    .expect("create a test schema");
                let base = postgres_admin_url();
                let separator = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{separator}options[search_path]={schema}");
                TestDb {
                    url,
                    dir,
                    schema: Some(schema),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(schema) = self.schema.take() else {
            return;
        };
        // Drop runs outside async code: use a small runtime of its own on another thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async {
                if let Ok(admin) = Database::connect(postgres_admin_url()).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                        .await;
                }
            });
        })
        .join();
    }
}
