//! What a service can answer besides success. Every refusal carries a stable code that is
//! also the translation key of its message (`locales/*/main.ftl`, prefixed `problem-`).

use crate::domain::policy::Refusal;

pub use crate::dto::Problem;

/// Why a service did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// Nothing there (or nothing this person may know about).
    #[error("not found")]
    NotFound,
    /// The policy refused the action.
    #[error("refused: {0}")]
    Forbidden(Refusal),
    /// The input broke one or more rules.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<Problem>),
    /// Too many attempts; try again after this many seconds.
    #[error("too many attempts; retry after {0} s")]
    Throttled(i64),
    /// Something failed on our side.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for ServiceError {
    fn from(error: sea_orm::DbErr) -> Self {
        ServiceError::Internal(error.into())
    }
}

impl ServiceError {
    /// A database error, told apart: a unique-constraint violation (on either engine) is the
    /// broken rule `problem()` names (two writers raced for one name; the loser is told as
    /// if it had come second), anything else is internal.
    pub fn unique_or(error: sea_orm::DbErr, problem: impl FnOnce() -> Problem) -> ServiceError {
        match error.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                ServiceError::Invalid(vec![problem()])
            }
            _ => error.into(),
        }
    }

    /// One invalid-input problem.
    pub fn invalid(field: Option<&str>, code: &str, message: impl Into<String>) -> ServiceError {
        ServiceError::Invalid(vec![Problem::new(field, code, message)])
    }
}

/// The result of a service.
pub type ServiceResult<T> = Result<T, ServiceError>;
