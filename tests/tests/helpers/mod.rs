//! Test harness: a real database per test (a temp SQLite file, or a fresh PostgreSQL schema),
//! the real application on a random port, and a real HTTP client.

pub mod coop;
pub mod db;
pub mod lookup;
pub mod oidc;
pub mod smtp;
pub mod spawn;

pub use db::{Db, TestDb};
pub use spawn::{Browser, GOOD_PASSWORD, TestApp, quorate_bin, spawn_app, spawn_app_with};
