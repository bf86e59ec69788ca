//! The counting methods of decision-rules.md §6, one module each.

pub mod irv;
pub(crate) mod ranked;
pub mod schulze;
pub mod stv_meek;
pub mod stv_scottish;
