//! The `quorate` binary's library: configuration, database, HTTP stack and commands. The
//! binary in `main.rs` only calls [`cli::main`]; tests build the same router in-process.

pub mod actions;
pub mod assets;
mod audit_cli;
mod backup;
mod calendar;
pub mod cli;
pub mod client_address;
pub mod config;
pub mod count;
pub mod db;
mod demo;
mod demo_proposals;
mod demo_rounds;
mod downloads;
mod export;
mod health;
mod import;
mod instance;
mod language;
mod live;
pub mod mail;
pub mod oidc;
mod pdf;
mod redact;
pub mod scheduler;
mod security;
mod session;
pub mod startup;
pub mod state;
pub mod telemetry;

pub use config::Config;
pub use startup::Application;
