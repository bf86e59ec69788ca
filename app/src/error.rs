//! `AppError`: what a server function answers when it does not succeed. Internal causes are
//! logged on the server with a reference and never shown.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// An error a page can show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Nothing there, or nothing this person may know about.
    #[error("not found")]
    NotFound,
    /// Sign in first.
    #[error("sign in first")]
    SignInNeeded,
    /// The policy refused; the code names the rule (a translation key `problem-<code>`).
    #[error("refused: {code}")]
    Forbidden {
        /// Stable snake_case code of the refusal.
        code: String,
    },
    /// Something failed on our side; the reference matches the server's log line.
    #[error("internal error (ref {reference})")]
    Internal {
        /// A reference to quote to an administrator.
        reference: String,
    },
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Internal {
            reference: format!("transport: {value}"),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<crate::services::ServiceError> for AppError {
    fn from(error: crate::services::ServiceError) -> Self {
        use crate::{domain::policy::Refusal, services::ServiceError};
        match error {
            ServiceError::NotFound => AppError::NotFound,
            ServiceError::Forbidden(Refusal::NotSignedIn) => AppError::SignInNeeded,
            ServiceError::Forbidden(refusal) => AppError::Forbidden {
                code: refusal.code().to_owned(),
            },
            ServiceError::Invalid(problems) => AppError::Forbidden {
                code: problems
                    .first()
                    .map(|p| p.code.clone())
                    .unwrap_or_else(|| "invalid".into()),
            },
            ServiceError::Throttled(_) => AppError::Forbidden {
                code: "throttled".into(),
            },
            ServiceError::Internal(cause) => {
                let reference = uuid::Uuid::new_v4().simple().to_string();
                tracing::error!(%reference, error = ?cause, "internal error");
                AppError::Internal { reference }
            }
        }
    }
}
