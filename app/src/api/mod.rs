//! Server functions that pages read their data through: one per page, returning that page's
//! one view (its DTO, defined beside it). Thin: each builds the services' context, loads and
//! authorises the organisation once, calls services and turns rows into the view, with the
//! policy's actions the viewer may take. State changes go through the declared actions
//! (`crate::actions`), so they work the same with JavaScript off.

pub mod accounts;
pub mod groups;
pub mod invitations;
pub mod members;
pub mod organisations;
