//! Database entities (server only). Views never see these; services turn them into DTOs.

pub mod account;
pub mod amendment;
pub mod audit_entry;
pub mod ballot;
pub mod comment;
pub mod comment_mention;
pub mod comment_version;
pub mod email_confirmation;
pub mod group;
pub mod group_member;
pub mod invitation;
pub mod login_throttle;
pub mod membership;
pub mod oidc_flow;
pub mod oidc_identity;
pub mod organisation;
pub mod proposal;
pub mod proposal_author;
pub mod proposal_read;
pub mod proposal_revision;
pub mod round;
pub mod round_electorate;
pub mod round_option;
pub mod secret_ballot;
pub mod session;
pub mod voter_roll;
