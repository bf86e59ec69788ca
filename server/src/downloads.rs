//! Files at stable addresses, for anyone who may view the organisation:
//! `GET /o/{slug}/rounds/{round}/{file}`, a closed round's files (`services::round_files` says
//! what each holds; its minutes, `minutes.md`, `minutes.json` and `minutes.pdf`, come from
//! `api::round_minutes`), and `GET /o/{slug}/meetings/{number}/{file}`, a meeting's minutes
//! (`minutes.md`, `minutes.json`, `minutes.pdf`, and `minutes-vN.*` for an approved version,
//! from `api::meeting_minutes`) and its calendar entry (`meeting.ics`). PDFs are drawn here
//! (`pdf`), off the async runtime.

use crate::state::AppState;
use app::{
    api::meeting_minutes::MinutesFile,
    services::{Ctx, ServiceError, ServiceResult, round_files},
    session::RequestSession,
};
use axum::{
    Extension,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

fn ctx_of(state: &AppState, session: Option<Extension<RequestSession>>) -> Ctx {
    Ctx {
        db: state.db.clone(),
        account: session.and_then(|Extension(s)| s.account),
        now: chrono::Utc::now(),
        mail: false,
        batches: state.batches.clone(),
    }
}

/// The answer for a file, or for why there is none.
async fn answer(name: &str, file: ServiceResult<MinutesFile>) -> Response {
    let file = match file {
        Ok(MinutesFile::Text(media_type, body)) => Ok((media_type, body.into_bytes())),
        Ok(MinutesFile::Pdf(document)) => {
            match tokio::task::spawn_blocking(move || crate::pdf::minutes(&document)).await {
                Ok(Ok(pdf)) => Ok(("application/pdf", pdf)),
                Ok(Err(error)) => Err(ServiceError::Internal(anyhow::anyhow!("a PDF: {error}"))),
                Err(error) => Err(ServiceError::Internal(anyhow::anyhow!("a PDF: {error}"))),
            }
        }
        Err(error) => Err(error),
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
            tracing::error!(
                error = format!("{error:#}"),
                file = name,
                "a download failed"
            );
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(ServiceError::Forbidden(_)) => StatusCode::FORBIDDEN.into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Serves one file of a round, or 404 for a round that is not closed, a file the method
/// does not have, or someone who may not see the organisation.
pub async fn file(
    State(state): State<AppState>,
    session: Option<Extension<RequestSession>>,
    Path((slug, round, name)): Path<(String, String, String)>,
) -> Response {
    let ctx = ctx_of(&state, session);
    let Ok(round) = round.parse() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let file = if matches!(name.as_str(), "minutes.md" | "minutes.json" | "minutes.pdf") {
        app::api::round_minutes::download(&ctx, &slug, round, &name).await
    } else {
        round_files::download(&ctx, &slug, round, &name)
            .await
            .map(|(media_type, body)| MinutesFile::Text(media_type, body))
    };
    answer(&name, file).await
}

/// Serves one file of a meeting.
pub async fn meeting_file(
    State(state): State<AppState>,
    session: Option<Extension<RequestSession>>,
    Path((slug, number, name)): Path<(String, i32, String)>,
) -> Response {
    let ctx = ctx_of(&state, session);
    let file = if name == "meeting.ics" {
        app::services::calendar::meeting_ics(&ctx, &slug, number, &state.base_url)
            .await
            .map(|body| MinutesFile::Text("text/calendar; charset=utf-8", body))
    } else {
        app::api::meeting_minutes::download(&ctx, &slug, number, &name).await
    };
    let name = match name.as_str() {
        "meeting.ics" => format!("meeting-{number}.ics"),
        other => format!("meeting-{number}-{other}"),
    };
    answer(&name, file).await
}
