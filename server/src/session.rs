//! Finds the signed-in account for each request from the session cookie and puts it into
//! the request's extensions, where pages, server functions and form handlers read it.

use crate::state::AppState;
use app::{
    entities::organisation,
    i18n::{Language, OrganisationLanguage, cookie_value},
    services::sessions::{self, SESSION_COOKIE},
    session::RequestSession,
};
use axum::{
    extract::{Request, State},
    http::header,
    middleware::Next,
    response::Response,
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Resolves the session cookie (a missing, unknown or expired one means "nobody").
pub async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let token = request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|h| cookie_value(h, SESSION_COOKIE).map(str::to_owned));
    let mut session = RequestSession::default();
    if let Some(token) = token {
        match sessions::account_for(
            &state.db,
            &state.batches.sessions,
            &token,
            chrono::Utc::now(),
        )
        .await
        {
            Ok(Some(account)) => {
                session.token = Some(token);
                session.account = Some(account);
            }
            Ok(None) => {}
            Err(error) => tracing::error!(%error, "could not read the session"),
        }
    }
    request.extensions_mut().insert(session);
    // Pages only: a form post answers with a redirect, and looks the language up itself
    // when it answers with a page (`actions::render_page`), one statement fewer per post.
    if request.method() != axum::http::Method::POST
        && let Some(language) = organisation_language(&state, request.uri().path()).await
    {
        request.extensions_mut().insert(language);
    }
    next.run(request).await
}

/// On an organisation's pages (`/o/<slug>/...`), its default language.
pub async fn organisation_language(state: &AppState, path: &str) -> Option<OrganisationLanguage> {
    let slug = path.strip_prefix("/o/")?.split('/').next()?;
    let found = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(&state.db)
        .await
        .ok()??;
    Language::from_code(&found.default_language).map(OrganisationLanguage)
}

/// The `Set-Cookie` value that starts a session.
pub fn session_cookie(token: &str, secure: bool) -> String {
    let max_age = sessions::SESSION_LENGTH.num_seconds();
    format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value that ends a session in the browser.
pub fn clear_session_cookie(secure: bool) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}
