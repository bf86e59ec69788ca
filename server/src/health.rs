//! `GET /healthz`: 200 when the database answers, 503 when it does not (for load balancers
//! and process supervisors).

use crate::state::AppState;
use axum::{extract::State, http::StatusCode};

/// Pings the database.
pub async fn check(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
