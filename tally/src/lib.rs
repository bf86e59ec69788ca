//! Quorate's counting engine (decision-rules.md §5–7, §10; counting-rules.md).
//!
//! Pure: no I/O beyond parsing from readers and writing to writers, no clock, no randomness
//! (the lot seed is passed in). All arithmetic is exact: integers, or the fixed point a rule
//! set prescribes. Builds for `wasm32-unknown-unknown` so the browser can validate ballots.
#![forbid(missing_docs, unsafe_code)]
#![deny(clippy::float_arithmetic)]

pub mod ballot;
pub mod config;
pub mod error;
pub mod fixed;
pub mod formats;
pub mod methods;
pub mod report;
pub mod tie_break;
pub mod validate;

pub use error::TallyError;

#[cfg(test)]
pub(crate) mod test_support;
