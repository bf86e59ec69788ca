//! Small reusable views.

pub mod language_picker;
pub mod layout;
