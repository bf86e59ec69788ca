//! Quorate's counting engine (decision-rules.md §5–7, §10; counting-rules.md).
//!
//! Pure: no I/O beyond parsing from readers and writing to writers, no clock, no randomness
//! (the lot seed is passed in). All arithmetic is exact: integers, or the fixed point a rule
//! set prescribes. Builds for `wasm32-unknown-unknown` so the browser can validate ballots.
#![forbid(missing_docs, unsafe_code)]
#![deny(clippy::float_arithmetic)]

pub mod ballot;
pub mod config;
mod count;
pub mod error;
pub mod fixed;
pub mod formats;
pub mod methods;
mod per_option;
pub mod quorum;
pub mod report;
pub mod stage;
pub mod synthetic;
pub mod tie_break;
pub mod validate;

pub use count::{CountConfig, count, count_with_lot_ids};
pub use error::TallyError;
pub use report::{RctabMeta, Report};
pub use tie_break::seed_from_arg;
pub use validate::problems as validate;

#[cfg(test)]
pub(crate) mod test_support;
