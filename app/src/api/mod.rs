//! Server functions that pages read their data through. Thin: each builds the services'
//! context, calls one service and turns rows into DTOs. State changes go through plain form
//! posts (`server/src/forms`), so they work the same with JavaScript off.

pub mod accounts;
pub mod organisations;
