//! `cargo bench -p quorate-tests --bench pages_sqlite`: page speed on SQLite (see `pages`).
#![expect(
    dead_code,
    unused_imports,
    reason = "the bench uses part of the test harness"
)]

#[path = "../tests/helpers/mod.rs"]
mod helpers;
mod pages;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    pages::run(helpers::Db::Sqlite, "SQLite").await;
}
