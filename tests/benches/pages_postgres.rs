//! `cargo bench -p quorate-tests --bench pages_postgres`: page speed on PostgreSQL (see
//! `pages`); needs the test server at 127.0.0.1:5432.
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
    pages::run(helpers::Db::Postgres, "PostgreSQL").await;
}
