//! One module per route.

pub mod account;
pub mod amendments;
pub mod comments;
pub mod email;
pub mod error;
pub mod groups;
pub mod home;
pub mod invitation_accept;
pub mod invitations;
pub mod load_error;
pub mod meetings;
pub mod member_change;
pub mod members;
pub mod not_found;
pub mod organisation;
pub mod organisation_new;
pub mod organisation_settings;
pub mod proposal;
pub mod proposal_edit;
pub mod proposal_history;
pub mod proposal_new;
pub mod round_minutes;
pub mod rounds;
pub mod search;
pub mod sign_in;
pub mod sign_up;
