//! The counting methods of decision-rules.md §6, one module each. Per-option values are
//! [`crate::per_option::PerOption`]s indexed by checked options, never raw slices.
#![deny(clippy::indexing_slicing)]

pub mod approval;
pub mod borda;
pub mod consent;
pub mod dot;
pub mod irv;
pub mod majority;
pub mod quadratic;
pub(crate) mod ranked;
pub mod schulze;
pub mod score;
pub mod stv_meek;
pub mod stv_scottish;
pub mod totals;
