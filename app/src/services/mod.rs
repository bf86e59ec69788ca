//! Orchestration (server only). Every service runs in the same order: authorise (domain
//! policy) → load → apply the domain rules → write in one transaction → append to the audit
//! chain. Services hold no HTTP and no HTML; handlers and server functions stay thin.

pub mod accounts;
pub mod addresses;
pub mod amendments;
pub mod audit;
pub mod ballot_queue;
pub mod ballots;
pub mod batch;
pub mod calendar;
pub mod closing;
pub mod comments;
pub mod error;
pub mod groups;
pub mod invitations;
pub mod locks;
pub mod meetings;
pub mod members;
pub mod oidc;
pub mod organisations;
pub mod proposals;
pub mod round_files;
pub mod rounds;
pub mod search;
pub mod sessions;
pub mod throttle;
pub mod tokens;

pub use error::{Problem, ServiceError, ServiceResult};

use crate::entities::account;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

/// What a service needs to know about the request: the database, who is acting, and when.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The signed-in account, if any.
    pub account: Option<account::Model>,
    /// The instant the request is handled at (services never read the clock).
    pub now: DateTime<Utc>,
    /// Whether this instance sends mail, so that addresses can be proved by a mailed link
    /// (and an invitation for an address needs a proved one).
    pub mail: bool,
    /// This instance's batches of concurrent work (`batch`): shared by its requests.
    pub batches: Batches,
}

/// The work this instance does in batches when many ask at once (`batch`). One per
/// instance, shared by all its requests (cloning shares it); each `Default` is a new one.
#[derive(Clone, Default)]
pub struct Batches {
    /// The ballots waiting to be written, by organisation (`ballot_queue`).
    pub ballots: std::sync::Arc<ballot_queue::Queues>,
    /// The sessions waiting to be looked up (`sessions::account_for`).
    pub sessions: std::sync::Arc<sessions::Lookups>,
}

impl std::fmt::Debug for Batches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Batches")
    }
}

impl Ctx {
    /// The signed-in account, or a refusal naming the rule.
    pub fn signed_in(&self) -> ServiceResult<&account::Model> {
        self.account.as_ref().ok_or(ServiceError::Forbidden(
            crate::domain::policy::Refusal::NotSignedIn,
        ))
    }
}
