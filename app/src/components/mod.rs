//! Small reusable views.

pub mod action_form;
pub mod charts;
pub mod diff;
pub mod forms;
pub mod language_picker;
pub mod layout;
pub mod live_round;
pub mod organisation_fields;
pub mod pagination;
pub mod points_ballot;
pub mod ranked_ballot;
pub mod result_details;
