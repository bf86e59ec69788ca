//! Signing in with OpenID providers (spec §1 "People and roles"): `GET /auth/oidc/{id}/start`
//! and `GET /auth/oidc/{id}/callback`, plain routes so the redirects work without JavaScript.
//!
//! A flow is bound to the browser that started it twice over: the `state` the provider sends
//! back must equal the one in our short-lived `quorate_oidc_state` cookie, and must name a
//! flow row, which the callback deletes before anything else (so a replayed callback finds
//! nothing). Every failure renders the sign-in page with a problem that says what happened;
//! none writes anything.

mod protocol;
mod provider_config;

pub use provider_config::{ProviderConfig, validate};

use crate::{
    actions::{render_page, see_other, session},
    session::session_cookie,
    startup::AppState,
};
use app::actions::local_path;
use app::{
    dto::{FormState, Problem},
    entities::oidc_flow,
    i18n::cookie_value,
    services::{ServiceError, oidc, sessions},
    session::OidcProviders,
};
use axum::{
    extract::{Path, Query, State},
    http::{HeaderValue, StatusCode, header, request::Parts},
    response::Response,
};
use serde::Deserialize;
use std::sync::Arc;

/// The cookie that binds a flow to the browser that started it.
pub const STATE_COOKIE: &str = "quorate_oidc_state";

/// The configured providers and the HTTP client that talks to them.
#[derive(Clone)]
pub struct Providers {
    providers: Arc<Vec<ProviderConfig>>,
    http: openidconnect::reqwest::Client,
}

impl Providers {
    /// Checks the configuration and builds the HTTP client.
    pub fn new(providers: &[ProviderConfig]) -> anyhow::Result<Providers> {
        validate(providers)?;
        Ok(Providers {
            providers: Arc::new(providers.to_vec()),
            http: protocol::http_client()?,
        })
    }

    /// The provider with this id.
    fn get(&self, id: &str) -> Option<&ProviderConfig> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The (id, button label) pairs the pages list.
    pub fn for_pages(&self) -> OidcProviders {
        OidcProviders(
            self.providers
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
        )
    }
}

/// Why a sign-in with a provider did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// No provider has this id.
    UnknownProvider,
    /// The provider did not answer, or answered with something that is not OpenID Connect.
    ProviderUnavailable,
    /// The person declined at the provider (`error=access_denied`).
    Denied,
    /// The provider sent another error back.
    ProviderError,
    /// The callback's `state` is not the one this browser started with.
    StateMismatch,
    /// No flow with this state (never started, already used, or too old).
    FlowUnknown,
    /// The person who started a linking flow is no longer signed in here.
    LinkSessionChanged,
    /// The provider refused to exchange the code.
    ExchangeRefused,
    /// The ID token's signature or claims did not check out.
    TokenInvalid,
    /// The ID token's nonce is not the one this flow sent.
    NonceMismatch,
}

impl Failure {
    /// The stable code, also the i18n key (`problem-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Failure::UnknownProvider => "oidc_unknown_provider",
            Failure::ProviderUnavailable => "oidc_provider_unavailable",
            Failure::Denied => "oidc_denied",
            Failure::ProviderError => "oidc_provider_error",
            Failure::StateMismatch => "oidc_state_mismatch",
            Failure::FlowUnknown => "oidc_flow_unknown",
            Failure::LinkSessionChanged => "oidc_link_session_changed",
            Failure::ExchangeRefused => "oidc_exchange_refused",
            Failure::TokenInvalid => "oidc_token_invalid",
            Failure::NonceMismatch => "oidc_nonce_mismatch",
        }
    }

    /// The English message, for logs and clients that do not translate.
    pub fn message(self) -> &'static str {
        match self {
            Failure::UnknownProvider => "There is no such sign-in provider here.",
            Failure::ProviderUnavailable => {
                "The sign-in provider cannot be reached or did not answer properly. Try again later."
            }
            Failure::Denied => "Sign-in was cancelled at the provider.",
            Failure::ProviderError => "The sign-in provider reported an error.",
            Failure::StateMismatch => {
                "This sign-in did not start in this browser, so it was refused. Start again."
            }
            Failure::FlowUnknown => {
                "This sign-in link was used already or has expired. Start again."
            }
            Failure::LinkSessionChanged => {
                "You are no longer signed in to the account you were linking. Sign in and start again."
            }
            Failure::ExchangeRefused => {
                "The sign-in provider did not confirm the sign-in. Start again."
            }
            Failure::TokenInvalid => "The sign-in provider's answer did not pass our checks.",
            Failure::NonceMismatch => {
                "The sign-in provider's answer belongs to another sign-in. Start again."
            }
        }
    }

    /// The HTTP status: 502 when the provider is at fault, 404 for an unknown provider,
    /// 400 for everything a browser (or an attacker) sent.
    pub fn status(self) -> StatusCode {
        match self {
            Failure::UnknownProvider => StatusCode::NOT_FOUND,
            Failure::ProviderUnavailable | Failure::ExchangeRefused | Failure::TokenInvalid => {
                StatusCode::BAD_GATEWAY
            }
            Failure::Denied
            | Failure::ProviderError
            | Failure::StateMismatch
            | Failure::FlowUnknown
            | Failure::LinkSessionChanged
            | Failure::NonceMismatch => StatusCode::BAD_REQUEST,
        }
    }
}

/// `?next=/path` on the start link.
#[derive(Debug, Deserialize)]
pub struct StartQuery {
    #[serde(default)]
    next: String,
}

/// `GET /auth/oidc/{provider}/start`: records a flow and sends the browser to the provider.
/// A signed-in person starts a linking flow (the identity is linked to their account).
pub async fn start(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    Query(query): Query<StartQuery>,
    parts: Parts,
) -> Response {
    let Some(provider) = state.oidc.get(&provider_id) else {
        return failed(&state, &parts, Failure::UnknownProvider, false).await;
    };
    let client = match protocol::discover(
        &state.oidc.http,
        provider,
        redirect_uri(&state, provider),
    )
    .await
    {
        Ok(client) => client,
        Err(failure) => return failed(&state, &parts, failure, false).await,
    };
    let authorization = protocol::authorize(&client);
    let now = chrono::Utc::now();
    let flow = oidc_flow::Model {
        state: authorization.state.clone(),
        provider: provider.id.clone(),
        nonce: authorization.nonce,
        pkce_verifier: authorization.pkce_verifier,
        link_account_id: session(&parts).account.map(|a| a.id),
        return_to: local_path(&query.next).to_owned(),
        created_at: now,
    };
    if let Err(error) = oidc::begin(&state.db, flow, now).await {
        return internal(&state, &parts, error).await;
    }
    let mut response = see_other(&authorization.url);
    set_cookie(
        &mut response,
        &state_cookie(&authorization.state, state.secure_cookies),
    );
    response
}

/// What the provider sends back.
#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    error: Option<String>,
}

/// `GET /auth/oidc/{provider}/callback`: checks the state, takes the flow, exchanges the code,
/// checks the ID token, then signs in, links or creates the account (`domain::oidc::decide`).
pub async fn callback(
    State(state): State<AppState>,
    Path(provider_id): Path<String>,
    Query(query): Query<CallbackQuery>,
    parts: Parts,
) -> Response {
    let mut response = finish_callback(&state, &parts, &provider_id, query).await;
    // The state cookie is single-use whatever happened.
    set_cookie(&mut response, &clear_state_cookie(state.secure_cookies));
    response
}

async fn finish_callback(
    state: &AppState,
    parts: &Parts,
    provider_id: &str,
    query: CallbackQuery,
) -> Response {
    let Some(provider) = state.oidc.get(provider_id) else {
        return failed(state, parts, Failure::UnknownProvider, false).await;
    };
    // 1. The browser must be the one that started this flow.
    let cookie = parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|h| cookie_value(h, STATE_COOKIE).map(str::to_owned));
    let Some(query_state) = query
        .state
        .filter(|s| cookie.as_deref() == Some(s.as_str()))
    else {
        return failed(state, parts, Failure::StateMismatch, false).await;
    };
    // 2. Take the flow: from here on, this state cannot be used again.
    let now = chrono::Utc::now();
    let flow = match oidc::take(&state.db, &query_state, &provider.id, now).await {
        Ok(Some(flow)) => flow,
        Ok(None) => return failed(state, parts, Failure::FlowUnknown, false).await,
        Err(error) => return internal(state, parts, error).await,
    };
    let linking = flow.link_account_id.is_some();
    if let Some(error) = query.error {
        let failure = match error.as_str() {
            "access_denied" => Failure::Denied,
            _ => Failure::ProviderError,
        };
        tracing::info!(provider = %provider.id, %error, "the provider sent an error back");
        return failed(state, parts, failure, linking).await;
    }
    let current = session(parts);
    if flow.link_account_id.is_some()
        && flow.link_account_id != current.account.as_ref().map(|a| a.id)
    {
        // No longer signed in as that account: the sign-in page, not the account page.
        return failed(state, parts, Failure::LinkSessionChanged, false).await;
    }
    let Some(code) = query.code else {
        return failed(state, parts, Failure::ProviderError, linking).await;
    };
    // 3. Exchange the code and check the ID token.
    let client =
        match protocol::discover(&state.oidc.http, provider, redirect_uri(state, provider)).await {
            Ok(client) => client,
            Err(failure) => return failed(state, parts, failure, linking).await,
        };
    let identity = match protocol::finish(
        &state.oidc.http,
        &client,
        provider,
        code,
        flow.pkce_verifier,
        flow.nonce,
    )
    .await
    {
        Ok(identity) => identity,
        Err(failure) => return failed(state, parts, failure, linking).await,
    };
    // 4. Sign in, link or create, by the rule; then a new session, as a password sign-in.
    let result = async {
        let account = oidc::complete(&state.db, &identity, flow.link_account_id, now).await?;
        sessions::rotate(&state.db, current.token.as_deref(), account.id, now).await
    }
    .await;
    match result {
        Ok(token) => {
            let mut response = see_other(local_path(&flow.return_to));
            set_cookie(&mut response, &session_cookie(&token, state.secure_cookies));
            response
        }
        Err(ServiceError::Invalid(problems)) => {
            render(state, parts, problems, StatusCode::CONFLICT, linking).await
        }
        Err(error) => internal(state, parts, error).await,
    }
}

fn redirect_uri(state: &AppState, provider: &ProviderConfig) -> String {
    format!("{}/auth/oidc/{}/callback", state.base_url, provider.id)
}

async fn failed(state: &AppState, parts: &Parts, failure: Failure, linking: bool) -> Response {
    let problem = Problem::new(None, failure.code(), failure.message());
    render(state, parts, vec![problem], failure.status(), linking).await
}

/// The sign-in page (or, for a linking flow, the account page) with the problems.
async fn render(
    state: &AppState,
    parts: &Parts,
    problems: Vec<Problem>,
    status: StatusCode,
    linking: bool,
) -> Response {
    let (page, form) = match linking {
        true => ("/account", "oidc_link"),
        false => ("/signin", "signin"),
    };
    let form_state = FormState {
        form: form.to_owned(),
        values: Default::default(),
        problems,
    };
    render_page(state, parts, page, form_state, status).await
}

async fn internal(state: &AppState, parts: &Parts, error: ServiceError) -> Response {
    crate::actions::refused(state, parts, "/signin", "signin", Default::default(), error).await
}

fn set_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Lax, so the cookie comes along on the provider's top-level redirect back to us.
fn state_cookie(value: &str, secure: bool) -> String {
    let max_age = oidc::FLOW_LIFETIME.num_seconds();
    format!(
        "{STATE_COOKIE}={value}; Path=/auth/oidc; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

fn clear_state_cookie(secure: bool) -> String {
    format!(
        "{STATE_COOKIE}=; Path=/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Failure; 10] = [
        Failure::UnknownProvider,
        Failure::ProviderUnavailable,
        Failure::Denied,
        Failure::ProviderError,
        Failure::StateMismatch,
        Failure::FlowUnknown,
        Failure::LinkSessionChanged,
        Failure::ExchangeRefused,
        Failure::TokenInvalid,
        Failure::NonceMismatch,
    ];

    #[test]
    fn no_failure_is_a_server_error_of_ours() {
        for failure in ALL {
            assert!(failure.code().starts_with("oidc_"));
            assert_ne!(failure.status(), StatusCode::INTERNAL_SERVER_ERROR);
            assert!(!failure.message().is_empty());
        }
    }

    #[test]
    fn the_state_cookie_is_http_only_lax_and_short_lived() {
        let cookie = state_cookie("abc", true);
        assert!(cookie.starts_with("quorate_oidc_state=abc;"));
        for part in [
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
            "Max-Age=900",
            "Path=/auth/oidc",
        ] {
            assert!(cookie.contains(part), "{cookie}");
        }
        assert!(!state_cookie("abc", false).contains("Secure"));
        assert!(clear_state_cookie(false).contains("Max-Age=0"));
    }
}
