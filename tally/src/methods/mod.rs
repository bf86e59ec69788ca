//! The counting methods of decision-rules.md §6, one module each.

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
