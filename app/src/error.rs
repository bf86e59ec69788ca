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
        /// The rule's arguments (e.g. `state` = `suspended`).
        #[serde(default)]
        args: Vec<(String, String)>,
    },
    /// The input broke a rule (answered 422).
    #[error("invalid: {code}")]
    Invalid {
        /// Stable snake_case code of the first broken rule.
        code: String,
    },
    /// Too many attempts (answered 429).
    #[error("too many attempts")]
    Throttled {
        /// Seconds until another attempt is taken.
        retry_after: i64,
    },
    /// Something failed on our side; the reference matches the server's log line.
    #[error("internal error (ref {reference})")]
    Internal {
        /// A reference to quote to an administrator.
        reference: String,
    },
}

impl AppError {
    /// A refusal by code, without arguments.
    pub fn forbidden(code: &str) -> AppError {
        AppError::Forbidden {
            code: code.to_owned(),
            args: Vec::new(),
        }
    }

    /// The HTTP status this error is answered with: a refusal is never a 500.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::SignInNeeded => 401,
            AppError::Forbidden { .. } => 403,
            AppError::Invalid { .. } => 422,
            AppError::Throttled { .. } => 429,
            AppError::Internal { .. } => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Internal {
            reference: format!("transport: {value}"),
        }
    }
}

/// A server function's result, with the HTTP status of its error set on the response
/// (server functions would otherwise answer every error with 500). Every server function
/// returns through this.
#[cfg(feature = "ssr")]
pub fn answer<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result
        && let (Some(response), Ok(status)) = (
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
            http::StatusCode::from_u16(error.status()),
        )
    {
        response.set_status(status);
        if let AppError::Throttled { retry_after } = error
            && let Ok(value) = http::HeaderValue::from_str(&retry_after.to_string())
        {
            response.insert_header(http::header::RETRY_AFTER, value);
        }
    }
    result
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
                args: refusal.args(),
            },
            ServiceError::Invalid(problems) => AppError::Invalid {
                code: problems
                    .first()
                    .map(|p| p.code.clone())
                    .unwrap_or_else(|| "invalid".into()),
            },
            ServiceError::Throttled(retry_after) => AppError::Throttled { retry_after },
            ServiceError::Internal(cause) => {
                let reference = uuid::Uuid::new_v4().simple().to_string();
                tracing::error!(%reference, error = ?cause, "internal error");
                AppError::Internal { reference }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AppError;

    #[test]
    fn refusals_are_answered_with_their_own_status_not_500() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::SignInNeeded.status(), 401);
        assert_eq!(AppError::forbidden("role_too_low").status(), 403);
        assert_eq!(AppError::Invalid { code: "x".into() }.status(), 422);
        assert_eq!(AppError::Throttled { retry_after: 3 }.status(), 429);
        assert_eq!(
            AppError::Internal {
                reference: "r".into()
            }
            .status(),
            500
        );
    }
}
