//! A round's live participation as server-sent events: `GET /o/{slug}/rounds/{round}/live`
//! sends the round's state, ballots cast against the quorum and the time left
//! (`services::rounds::live`) now and whenever they change, checking every two seconds, and
//! ends once the round is no longer open. The round page's island listens with JavaScript;
//! without it the page shows the figures of its load time.

use crate::state::AppState;
use app::{
    domain::round::RoundState,
    services::{Ctx, rounds},
    session::RequestSession,
};
use axum::{
    Extension,
    extract::{Path, State},
    http::StatusCode,
    response::{
        IntoResponse, Response,
        sse::{Event, KeepAlive, Sse},
    },
};
use std::{convert::Infallible, time::Duration};

/// How often the figures are read again.
const EVERY: Duration = Duration::from_secs(2);

/// The event stream, or 404 for a round the asker may not see.
pub async fn events(
    State(state): State<AppState>,
    session: Option<Extension<RequestSession>>,
    Path((slug, round)): Path<(String, String)>,
) -> Response {
    let account = session.and_then(|Extension(s)| s.account);
    let Ok(id) = round.parse::<uuid::Uuid>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let read = move |db: sea_orm::DatabaseConnection, account, slug: String| async move {
        let ctx = Ctx {
            db,
            account,
            now: chrono::Utc::now(),
            mail: false,
            batches: Default::default(),
        };
        rounds::live(&ctx, &slug, id).await
    };
    let first = match read(state.db.clone(), account.clone(), slug.clone()).await {
        Ok(first) => first,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let db = state.db.clone();
    // The state carried from one event to the next: the figures to send at once (the first),
    // and whether the last event sent was the round's end.
    let stream = futures::stream::unfold((Some(first), false), move |(ready, over)| {
        let (db, account, slug) = (db.clone(), account.clone(), slug.clone());
        async move {
            if over {
                return None;
            }
            let figures = match ready {
                Some(figures) => figures,
                None => {
                    tokio::time::sleep(EVERY).await;
                    read(db, account, slug).await.ok()?
                }
            };
            let over = figures.state != RoundState::Open;
            let event: Result<Event, Infallible> =
                Ok(Event::default().data(serde_json::to_string(&figures).ok()?));
            Some((event, (None, over)))
        }
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
