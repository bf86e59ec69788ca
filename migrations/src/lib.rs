//! Quorate's database schema, as ordered migrations that run on SQLite and PostgreSQL alike.
//! `quorate migrate` and `quorate serve` apply them; each is applied once (sea-orm records
//! applied migrations in `seaql_migrations`), so running them again changes nothing.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_instance_settings;
mod m20261123_000002_accounts;
mod m20261123_000003_organisations;
mod m20261201_000004_address_proof;
mod m20261206_000005_proposals;
mod m20261206_000006_comments;
mod m20261207_000007_amendments;
mod m20261207_000008_search;
mod m20261208_000009_rounds;
mod m20261209_000010_calendar_feeds;
mod m20261209_000011_round_reminders;
mod m20261210_000012_meetings;
mod m20261211_000013_meeting_records;

/// Every migration, oldest first.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_instance_settings::Migration),
            Box::new(m20261123_000002_accounts::Migration),
            Box::new(m20261123_000003_organisations::Migration),
            Box::new(m20261201_000004_address_proof::Migration),
            Box::new(m20261206_000005_proposals::Migration),
            Box::new(m20261206_000006_comments::Migration),
            Box::new(m20261207_000007_amendments::Migration),
            Box::new(m20261207_000008_search::Migration),
            Box::new(m20261208_000009_rounds::Migration),
            Box::new(m20261209_000010_calendar_feeds::Migration),
            Box::new(m20261209_000011_round_reminders::Migration),
            Box::new(m20261210_000012_meetings::Migration),
            Box::new(m20261211_000013_meeting_records::Migration),
        ]
    }
}
