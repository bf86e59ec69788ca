//! Every declared action (`app::actions`), mounted through one generic handler: parse the
//! path and the form, call the action, answer. 303 on success; on a refusal the page that
//! holds the form, with the problems and the values kept: 422 for broken rules, 403 when the
//! policy refuses, 404 for someone with no standing, 429 with `Retry-After` when throttled.
//! This is the same with JavaScript on or off (the enhanced form reads the same answers).

use crate::{
    session::{clear_session_cookie, session_cookie},
    state::AppState,
};
use app::{
    actions::{ActionCtx, Done, Mount, Next, Outgoing, Perform, SessionChange, local_path},
    dto::{FormState, Problem},
    i18n::OrganisationLanguage,
    services::{Ctx, ServiceError},
    session::RequestSession,
    shell,
};
use axum::{
    Form, Router,
    body::Body,
    extract::{ConnectInfo, RawPathParams, Request, State},
    http::{HeaderValue, Method, StatusCode, Uri, header, request::Parts},
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use leptos::prelude::provide_context;
use std::{collections::BTreeMap, net::SocketAddr};

/// The router with every listed action mounted (and nothing else posts).
pub fn mount(router: Router<AppState>) -> Router<AppState> {
    app::actions::mount_all(Mounter(router)).0
}

struct Mounter(Router<AppState>);

impl Mount for Mounter {
    fn mount<A: Perform>(self) -> Self {
        Mounter(self.0.route(A::ROUTE, post(handle::<A>)))
    }
}

async fn handle<A: Perform>(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    params: Result<RawPathParams, axum::extract::rejection::RawPathParamsRejection>,
    parts: Parts,
    Form(form): Form<A::Form>,
) -> Response {
    let fields: serde_json::Map<String, serde_json::Value> = params
        .iter()
        .flat_map(|p| p.iter())
        .map(|(name, value)| (name.to_owned(), value.into()))
        .collect();
    let Ok(path) = serde_json::from_value::<A::Path>(fields.into()) else {
        // The route names the fields, the path type must take them: a test checks each.
        return refused(
            &state,
            &parts,
            parts.uri.path(),
            "",
            BTreeMap::new(),
            ServiceError::NotFound,
        )
        .await;
    };
    let ctx = action_ctx(&state, &parts, peer);
    let mut response = match A::perform(&ctx, &path, &form).await {
        Ok(done) => answer(&state, &parts, A::page(&path, &form), done).await,
        Err(error) => {
            let page = A::page(&path, &form);
            refused(&state, &parts, &page, A::FORM, A::kept(&form), error).await
        }
    };
    response.headers_mut().insert(
        ACTION_HEADER,
        HeaderValue::from_static(app::actions::name_of::<A>()),
    );
    response
}

/// Names the action that answered (`app::actions::name_of`).
pub const ACTION_HEADER: &str = "quorate-action";

fn action_ctx(state: &AppState, parts: &Parts, peer: SocketAddr) -> ActionCtx {
    let session = parts
        .extensions
        .get::<RequestSession>()
        .cloned()
        .unwrap_or_default();
    let forwarded: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    ActionCtx {
        services: Ctx {
            db: state.db.clone(),
            account: session.account,
            now: chrono::Utc::now(),
            mail: state.mailer.is_some(),
            batches: state.batches.clone(),
        },
        session: session.token,
        client: state
            .trusted_proxies
            .client(peer.ip(), &forwarded)
            .to_string(),
        base_url: state.base_url.clone(),
        posted_to: parts.uri.path().to_owned(),
    }
}

/// Answers a performed action: mail first (in the background), then the session cookie and
/// the redirect or the page.
async fn answer(state: &AppState, parts: &Parts, page: String, done: Done) -> Response {
    for mail in &done.mail {
        send(state, mail);
    }
    let mut response = match done.next {
        Next::SeeOther(path) => Redirect::to(local_path(&path)).into_response(),
        Next::Created(shown) => render_page(state, parts, &page, shown, StatusCode::CREATED).await,
    };
    let cookie = match done.session {
        SessionChange::Keep => None,
        SessionChange::Start(token) => Some(session_cookie(&token, state.secure_cookies)),
        SessionChange::End => Some(clear_session_cookie(state.secure_cookies)),
    };
    if let Some(value) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Sends one mail in the background (no mailer: nothing to send).
fn send(state: &AppState, mail: &Outgoing) {
    let Some(mailer) = &state.mailer else {
        return;
    };
    match mail {
        Outgoing::Address(mail) => {
            let (to, subject, body) = crate::mail::address_mail(&state.base_url, mail);
            mailer.send_later(&to, subject, body);
        }
        Outgoing::Letter { to, subject, body } => {
            mailer.send_later(to, subject.clone(), body.clone());
        }
    }
}

/// 303 See Other (to the provider, for OpenID sign-in; callers check local paths).
pub fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// This request's session, as the middleware found it.
pub fn session(parts: &Parts) -> RequestSession {
    parts
        .extensions
        .get::<RequestSession>()
        .cloned()
        .unwrap_or_default()
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
    if parts.extensions.get::<OrganisationLanguage>().is_none()
        && let Some(language) = crate::session::organisation_language(state, page_path).await
    {
        request.extensions_mut().insert(language);
    }
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

/// Answers a refusal on the page that holds the form.
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
