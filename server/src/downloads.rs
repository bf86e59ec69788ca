//! A closed round's files at stable addresses: `GET /o/{slug}/rounds/{round}/{file}`, for
//! anyone who may view the organisation (`services::round_files` says what each holds; the
//! minutes, `minutes.md` and `minutes.json`, come from `api::round_minutes`).

use crate::state::AppState;
use app::{
    services::{Ctx, ServiceError, round_files},
    session::RequestSession,
};
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

/// Serves one file, or 404 for a round that is not closed, a file the method does not have,
/// or someone who may not see the organisation.
pub async fn file(
    State(state): State<AppState>,
    session: Option<Extension<RequestSession>>,
    Path((slug, round, name)): Path<(String, String, String)>,
) -> Response {
    let ctx = Ctx {
        db: state.db.clone(),
        account: session.and_then(|Extension(s)| s.account),
        now: chrono::Utc::now(),
        mail: false,
    };
    let Ok(round) = round.parse() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let file = if matches!(name.as_str(), "minutes.md" | "minutes.json") {
        app::api::round_minutes::download(&ctx, &slug, round, &name).await
    } else {
        round_files::download(&ctx, &slug, round, &name).await
    };
    match file {
        Ok((media_type, body)) => (
            [
                (header::CONTENT_TYPE, media_type.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"{name}\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(ServiceError::Internal(error)) => {
            tracing::error!(error = format!("{error:#}"), "a round file failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(ServiceError::Forbidden(_)) => StatusCode::FORBIDDEN.into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `GET /o/{slug}/meetings/{number}/minutes.md`: a meeting's minutes as Markdown, for anyone
/// who may view the organisation (`api::meetings`).
pub async fn meeting_minutes(
    State(state): State<AppState>,
    session: Option<Extension<RequestSession>>,
    Path((slug, number)): Path<(String, i32)>,
) -> Response {
    let ctx = Ctx {
        db: state.db.clone(),
        account: session.and_then(|Extension(s)| s.account),
        now: chrono::Utc::now(),
        mail: false,
    };
    match app::api::meetings::download(&ctx, &slug, number).await {
        Ok(body) => (
            [
                (
                    header::CONTENT_TYPE,
                    "text/markdown; charset=utf-8".to_owned(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("inline; filename=\"meeting-{number}.md\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(ServiceError::Internal(error)) => {
            tracing::error!(error = format!("{error:#}"), "meeting minutes failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(ServiceError::Forbidden(_)) => StatusCode::FORBIDDEN.into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}
