//! What every request handler can reach (a leaf module: handlers import it, and it imports
//! no handler).

use app::session::{Database, MailConfigured};
use axum::extract::FromRef;
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    /// Leptos' settings (site root, output name, ...).
    pub leptos_options: LeptosOptions,
    /// The database pool.
    pub db: DatabaseConnection,
    /// The address people reach this instance at (for links).
    pub base_url: String,
    /// Whether cookies get `Secure` (the base URL is https).
    pub secure_cookies: bool,
    /// How mail is sent, if it is configured.
    pub mailer: Option<crate::mail::Mailer>,
    /// The OpenID providers people can sign in with.
    pub oidc: crate::oidc::Providers,
    /// The reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: crate::client_address::TrustedProxies,
    /// The work its requests share in batches (ballots, session look-ups).
    pub batches: app::services::Batches,
}

impl AppState {
    /// What every page render is given (pages, form answers, the not-found page).
    pub fn provide_contexts(&self) -> impl Fn() + Clone + Send + Sync + 'static {
        let db = self.db.clone();
        let oidc = self.oidc.for_pages();
        let mail = MailConfigured(self.mailer.is_some());
        let batches = self.batches.clone();
        let stylesheet =
            app::session::Stylesheet(format!("/pkg/{}.css", self.leptos_options.output_name));
        move || {
            provide_context(Database(db.clone()));
            provide_context(oidc.clone());
            provide_context(mail);
            provide_context(batches.clone());
            provide_context(stylesheet.clone());
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
