//! Decision rules as pure functions over plain data (no I/O, no clock: `now` is passed in).
//! No cfg gate: the same rules run on the server, which enforces them, and in the browser,
//! which only uses them to hide what a person may not do.

pub mod amendment;
pub mod audit;
pub mod ballot;
pub mod canonical_json;
pub mod comment;
pub mod comment_policy;
pub mod diff;
pub mod digest;
pub mod document;
pub mod email;
pub mod export;
pub mod group;
pub mod ical;
pub mod invitation;
pub mod meeting;
pub mod membership;
pub mod oidc;
pub mod organisation;
pub mod password;
pub mod policy;
pub mod profile;
pub mod proposal;
pub mod proposal_policy;
pub mod roles;
pub mod round;
pub mod round_form;
pub mod rule;
pub mod search;
pub mod text;
pub mod throttle;
