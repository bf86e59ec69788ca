//! Plain HTML form posts: each handler calls one service, then redirects (post-redirect-get)
//! or, when a rule was broken, renders the page again with what the person entered and what
//! was wrong. This is the same with JavaScript on or off.

pub mod accounts;
pub mod organisations;

use crate::state::AppState;
use app::{
    dto::{FormState, Problem},
    services::{Ctx, ServiceError},
    session::RequestSession,
    shell,
};
use axum::{
    body::Body,
    extract::Request,
    http::{HeaderValue, Method, StatusCode, Uri, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
};
use leptos::prelude::provide_context;
use std::collections::BTreeMap;

/// The services' context for a form post.
pub fn ctx(state: &AppState, parts: &Parts) -> Ctx {
    Ctx {
        db: state.db.clone(),
        account: session(parts).account,
        now: chrono::Utc::now(),
        mail: state.mailer.is_some(),
    }
}

/// This request's session, as the middleware found it.
pub fn session(parts: &Parts) -> RequestSession {
    parts
        .extensions
        .get::<RequestSession>()
        .cloned()
        .unwrap_or_default()
}

/// 303 See Other to a local path.
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// A redirect that also sets a cookie.
pub fn see_other_with_cookie(path: &str, cookie: &str) -> Response {
    let mut response = see_other(path);
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Only a path on this site (never an open redirect), defaulting to `/`.
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control);
    if ok { next } else { "/" }
}

/// The values to send back: everything but passwords and our own hidden fields.
pub fn kept_values(fields: &[(&str, &str)]) -> BTreeMap<String, String> {
    fields
        .iter()
        .filter(|(name, _)| !name.contains("password"))
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

/// Renders the page at `page_path` (a GET of it) with `form_state` in context, answering
/// with `status` (the handler knows best what happened).
pub async fn render_page(
    state: &AppState,
    parts: &Parts,
    page_path: &str,
    form_state: FormState,
    status: StatusCode,
) -> Response {
    let mut request = Request::new(Body::empty());
    *request.method_mut() = Method::GET;
    *request.uri_mut() = page_path
        .parse::<Uri>()
        .unwrap_or_else(|_| Uri::from_static("/"));
    *request.headers_mut() = parts.headers.clone();
    *request.extensions_mut() = parts.extensions.clone();
    // Leptos routes by the original URI when axum recorded one: point it at the page.
    let page_uri = request.uri().clone();
    request
        .extensions_mut()
        .insert(axum::extract::OriginalUri(page_uri));
    let options = state.leptos_options.clone();
    let contexts = state.provide_contexts();
    // Answering a post with a page: the browser is told which page it shows (and a reload
    // then reads that page instead of posting again).
    let shown_at = app::ShownAt(page_path.to_owned());
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            contexts();
            provide_context(shown_at.clone());
            provide_context(form_state.clone());
        },
        move || shell(options.clone()),
    );
    let mut response = handler(request).await;
    *response.status_mut() = status;
    response
}

/// Answers a service's refusal on the page that holds the form.
pub async fn refused(
    state: &AppState,
    parts: &Parts,
    page_path: &str,
    form: &str,
    values: BTreeMap<String, String>,
    error: ServiceError,
) -> Response {
    let retry_after = match &error {
        ServiceError::Throttled(seconds) => Some(*seconds),
        _ => None,
    };
    let (status, problems) = match error {
        ServiceError::Invalid(problems) => (StatusCode::UNPROCESSABLE_ENTITY, problems),
        ServiceError::Forbidden(app::domain::policy::Refusal::NotSignedIn) => {
            // Back to the page holding the form once signed in.
            return see_other(&format!("/signin?next={}", local_path(page_path)));
        }
        ServiceError::Forbidden(refusal) => (
            StatusCode::FORBIDDEN,
            vec![Problem::new(None, refusal.code(), refusal.to_string())],
        ),
        ServiceError::Throttled(seconds) => (
            StatusCode::TOO_MANY_REQUESTS,
            vec![Problem::new(None, "throttled", "Too many attempts.").arg("seconds", seconds)],
        ),
        ServiceError::NotFound => {
            return render_page(
                state,
                parts,
                parts.uri.path(),
                FormState::default(),
                StatusCode::NOT_FOUND,
            )
            .await;
        }
        ServiceError::Internal(cause) => {
            let reference = uuid::Uuid::new_v4().simple().to_string();
            tracing::error!(%reference, error = ?cause, "a form post failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                vec![
                    Problem::new(
                        None,
                        "internal",
                        format!("Something went wrong (ref {reference})."),
                    )
                    .arg("reference", reference),
                ],
            )
        }
    };
    let form_state = FormState {
        form: form.to_owned(),
        values,
        problems,
    };
    let mut response = render_page(state, parts, page_path, form_state, status).await;
    if let Some(value) = retry_after.and_then(|s| HeaderValue::from_str(&s.to_string()).ok()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
