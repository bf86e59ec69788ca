//! `cargo bench -p quorate-tests --bench rounds_sqlite`: casting, closing and result-page speed
//! on SQLite (see `rounds`).
#![expect(
    dead_code,
    unused_imports,
    reason = "the bench uses part of the test harness"
)]

#[path = "../tests/helpers/mod.rs"]
mod helpers;
mod pages;
mod rounds;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    rounds::run(helpers::Db::Sqlite, "SQLite").await;
}
