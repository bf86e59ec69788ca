//! Every scenario on PostgreSQL (127.0.0.1:5432, database `test`), each test in a fresh
//! schema that is dropped afterwards. The test command skips this suite loudly when
//! PostgreSQL is not running, and fails instead when CI is set.

mod helpers;
mod scenarios;

use helpers::Db;

engine_tests!(Db::Postgres);
