//! Scenarios that must hold on every database engine: each `pub async fn NAME(db: Db)` in a
//! file declared below. `tests/build.rs` finds them all and lists them in `all_scenarios!`;
//! `sqlite.rs` and `postgres.rs` each run that list through [`engine_tests!`]. A new scenario
//! needs no list of its own; a new file needs its `pub mod` line here (the build says so).

pub mod addresses;
pub mod amendments;
pub mod assets;
pub mod backup;
pub mod binary;
pub mod calendar;
pub mod comments;
pub mod export;
pub mod identity;
pub mod long_lists;
pub mod meeting_records;
pub mod meetings;
pub mod minutes;
pub mod oidc;
pub mod proposal_injection;
pub mod proposals;
pub mod query_counts;
pub mod races;
pub mod rounds;
pub mod search;
pub mod security;
pub mod web;

// `all_scenarios!`, written by `tests/build.rs`.
include!(concat!(env!("OUT_DIR"), "/all_scenarios.rs"));
pub(crate) use all_scenarios;

/// Generates one `#[tokio::test]` per scenario for the given engine: every scenario
/// (`engine_tests!(Db::Sqlite)`), or only those listed after a `;`
/// (`engine_tests!(Db::Sqlite; web::migrating_again_changes_nothing)`).
#[macro_export]
macro_rules! engine_tests {
    ($db:expr; $($module:ident :: $name:ident),+ $(,)?) => {
        $(
            // Several worker threads, as `quorate serve` runs.
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                scenarios::$module::$name($db).await;
            }
        )+
    };
    ($db:expr) => {
        $crate::scenarios::all_scenarios!(engine_tests!($db));
    };
}
