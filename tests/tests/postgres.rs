//! Every scenario on PostgreSQL (127.0.0.1:5432, database `test`), each test in a fresh
//! schema that is dropped afterwards. The test command skips this suite loudly when
//! PostgreSQL is not running, and fails instead when CI is set.

mod helpers;
mod scenarios;

/// Test names start with `postgres::`, so the test command can skip exactly this suite.
mod postgres {
    use crate::{helpers::Db, scenarios};

    crate::engine_tests!(Db::Postgres);
}
