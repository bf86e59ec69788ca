//! `GET /calendar/{token}.ics`: an account's calendar feed (`services::calendar`). The token
//! is the only credential, as calendar apps send no cookies; an unknown or turned-off
//! address is 404, the same as one that never existed.

use crate::state::AppState;
use axum::{
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

/// Serves the feed.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match app::services::calendar::feed(&state.db, token, &state.base_url, chrono::Utc::now()).await
    {
        Ok(Some(text)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "inline; filename=\"quorate.ics\"",
                ),
            ],
            text,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(error = %error, "a calendar feed failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
