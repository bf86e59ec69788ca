//! Server functions that pages read their data through: one per page, returning that page's
//! one view (its DTO, defined beside it). Thin: each builds the services' context, loads and
//! authorises the organisation once, calls services and turns rows into the view, with the
//! policy's actions the viewer may take. State changes go through the declared actions
//! (`crate::actions`), so they work the same with JavaScript off.

pub mod accounts;
pub mod amendments;
pub mod comments;
pub mod groups;
pub mod invitations;
pub mod meeting_minutes;
pub mod meetings;
pub mod members;
pub mod organisations;
pub mod proposals;
pub mod round_details;
pub mod round_minutes;
pub mod rounds;
pub mod search;

/// An instant as pages show it: in the organisation's time zone, with the zone named
/// (spec §11), e.g. `2026-12-05 18:00 (Europe/Madrid)`.
#[cfg(feature = "ssr")]
pub(crate) fn local_time(at: chrono::DateTime<chrono::Utc>, zone: &str) -> String {
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => format!(
            "{} ({zone})",
            at.with_timezone(&tz).format("%Y-%m-%d %H:%M")
        ),
        Err(_) => format!("{} (UTC)", at.format("%Y-%m-%d %H:%M")),
    }
}
