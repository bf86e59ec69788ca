//! Who is signed in, as the pages see it. The server's session middleware puts a
//! [`RequestSession`] into each request's extensions; pages read the signed-in person through
//! [`use_current_user`], which the browser receives with the page when it hydrates.

use crate::dto::CurrentUser;
use leptos::prelude::*;

/// What the session middleware found for this request (server only).
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default)]
pub struct RequestSession {
    /// The cookie's session token, if the cookie named a live session.
    pub token: Option<String>,
    /// The signed-in account.
    pub account: Option<crate::entities::account::Model>,
}

/// The database, provided to Leptos (pages and server functions) by the server.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct Database(pub sea_orm::DatabaseConnection);

/// Whether this instance sends mail (provided by the server from its configuration).
#[cfg(feature = "ssr")]
#[derive(Clone, Copy, Debug, Default)]
pub struct MailConfigured(pub bool);

/// This request's session (server only; empty outside a request).
#[cfg(feature = "ssr")]
pub fn request_session() -> RequestSession {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestSession>().cloned())
        .unwrap_or_default()
}

/// The services' context for this request: database, signed-in account, and now.
#[cfg(feature = "ssr")]
pub fn service_ctx() -> Result<crate::services::Ctx, crate::error::AppError> {
    let db = use_context::<Database>().ok_or_else(|| crate::error::AppError::Internal {
        reference: "no database in context".into(),
    })?;
    Ok(crate::services::Ctx {
        db: db.0,
        account: request_session().account,
        now: chrono::Utc::now(),
        mail: use_context::<MailConfigured>().is_some_and(|m| m.0),
        batches: use_context::<crate::services::Batches>().ok_or_else(|| {
            crate::error::AppError::Internal {
                reference: "no batches in context".into(),
            }
        })?,
    })
}

/// What every page of this request shares, decided by the server and handed to the
/// browser once with the page: the signed-in person, the form sent back with problems (if
/// this answer is one), and the OpenID providers. Provided once, at the top of the app, so
/// that every component rendered later in the browser (not only while hydrating) sees the
/// same as the server did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageContext {
    /// The signed-in person.
    pub user: Option<CurrentUser>,
    /// The form sent back with problems, if any.
    pub form_state: Option<crate::dto::FormState>,
    /// The configured OpenID providers (id, label).
    pub oidc_providers: Vec<(String, String)>,
    /// The stylesheet's address (content-hashed by the build).
    pub stylesheet: String,
}

/// The stylesheet's address, provided by the server (the build names it by its content).
#[derive(Clone, Debug, Default)]
pub struct Stylesheet(pub String);

/// Reads the request's [`PageContext`] on the server (or the one sent with the page, in the
/// browser) and provides it to every component below.
pub fn provide_page_context() {
    let context = SharedValue::new(|| PageContext {
        user: current_user_on_server(),
        form_state: form_state_on_server(),
        oidc_providers: oidc_providers_on_server(),
        stylesheet: stylesheet_on_server(),
    })
    .into_inner();
    provide_context(context);
}

fn page_context() -> PageContext {
    use_context::<PageContext>().unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn stylesheet_on_server() -> String {
    use_context::<Stylesheet>()
        .map(|s| s.0)
        .unwrap_or_else(|| "/pkg/quorate.css".to_owned())
}

#[cfg(not(feature = "ssr"))]
fn stylesheet_on_server() -> String {
    String::new()
}

/// The stylesheet's address for this page.
pub fn use_stylesheet() -> String {
    page_context().stylesheet
}

/// The signed-in person, if any.
pub fn use_current_user() -> Option<CurrentUser> {
    page_context().user
}

#[cfg(feature = "ssr")]
fn current_user_on_server() -> Option<CurrentUser> {
    request_session().account.map(|a| CurrentUser {
        id: a.id.to_string(),
        display_name: a.display_name,
        email: a.email,
        language: a.language,
    })
}

#[cfg(not(feature = "ssr"))]
fn current_user_on_server() -> Option<CurrentUser> {
    None
}

/// The form sent back with problems, if this page is answering one (see `dto::FormState`).
pub fn use_form_state(form: &'static str) -> crate::dto::FormState {
    page_context()
        .form_state
        .filter(|s| s.form == form)
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn form_state_on_server() -> Option<crate::dto::FormState> {
    use_context::<crate::dto::FormState>()
}

#[cfg(not(feature = "ssr"))]
fn form_state_on_server() -> Option<crate::dto::FormState> {
    None
}

/// The OpenID providers people can sign in with, as (id, button label); the server provides
/// it to every page from its configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OidcProviders(pub Vec<(String, String)>);

/// The configured OpenID providers (id, label), handed to the browser with the page.
pub fn use_oidc_providers() -> Vec<(String, String)> {
    page_context().oidc_providers
}

#[cfg(feature = "ssr")]
fn oidc_providers_on_server() -> Vec<(String, String)> {
    use_context::<OidcProviders>()
        .map(|p| p.0)
        .unwrap_or_default()
}

#[cfg(not(feature = "ssr"))]
fn oidc_providers_on_server() -> Vec<(String, String)> {
    Vec::new()
}

/// The link that starts signing in (or linking) with a provider, coming back to `next`.
pub fn oidc_start_href(id: &str, next: &str) -> String {
    let mut href = format!("/auth/oidc/{id}/start");
    if !next.is_empty() {
        href.push_str("?next=");
        for byte in next.bytes() {
            match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                    href.push(char::from(byte));
                }
                _ => href.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    href
}

/// Where to go after signing in or up: the `next` query parameter, if it is a local path.
pub fn use_next_path() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || {
        query
            .read()
            .get("next")
            .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::oidc_start_href;

    #[test]
    fn the_start_link_escapes_the_return_path() {
        assert_eq!(oidc_start_href("kc", ""), "/auth/oidc/kc/start");
        assert_eq!(
            oidc_start_href("kc", "/o/coop?tab=a&b=ü"),
            "/auth/oidc/kc/start?next=/o/coop%3Ftab%3Da%26b%3D%C3%BC"
        );
    }
}
