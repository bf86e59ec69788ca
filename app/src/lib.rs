//! Quorate's user interface: the HTML shell, the routes, pages and components. Compiled for
//! the server (`ssr`: renders HTML) and for the browser (`hydrate`: makes it interactive).
//! Every page works without JavaScript: forms post and redirect.
// Leptos view types nest deeply; the member table needs more than the default 128.
#![recursion_limit = "256"]

pub mod actions;
pub mod api;
pub mod components;
pub mod domain;
pub mod dto;
#[cfg(feature = "ssr")]
pub mod entities;
pub mod error;
pub mod html;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod services;
pub mod session;

use components::layout::Layout;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The CSP nonce of the current request, put into the request's extensions by the server's
/// security middleware, so the hydration script carries the same nonce as the header.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// The whole HTML document, rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    provide_request_nonce();
    i18n::provide_language();
    let language = i18n::use_language();
    view! {
        <!DOCTYPE html>
        <html lang=language.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <ShownAtScript />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[cfg(feature = "ssr")]
fn provide_request_nonce() {
    let nonce = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
}

#[cfg(not(feature = "ssr"))]
fn provide_request_nonce() {}

/// The page a form post's answer shows, when that is not the address posted to (a form
/// sent back with problems is rendered as its page, at the action's URL).
#[derive(Debug, Clone)]
pub struct ShownAt(pub String);

/// When the answer shows another page than the address posted to, points the address bar
/// at that page, so that a reload shows the page rather than posting again.
#[component]
fn ShownAtScript() -> impl IntoView {
    let shown_at = use_context::<ShownAt>();
    let nonce = leptos::nonce::use_nonce().map(|n| n.to_string());
    shown_at.map(|ShownAt(path)| {
        let script = format!(
            "history.replaceState(null,\"\",{});",
            html::script_string(&path)
        );
        view! { <script nonce=nonce inner_html=script></script> }
    })
}

/// The application: layout and routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    i18n::provide_language();
    session::provide_page_context();
    let t = i18n::use_t();
    let stylesheet = session::use_stylesheet();
    view! {
        <Stylesheet id="quorate" href=stylesheet />
        // leptos_meta writes the title into <head> unescaped on the server, so the one
        // formatter every page's title goes through escapes it there (in the browser it
        // sets `document.title`, which is text).
        <Title formatter=move |page: String| {
            let title = if page.is_empty() { t("product-name") } else { format!("{page} · Quorate") };
            html::title_markup(title)
        } />
        <Router>
            <Layout>
                <ErrorBoundary fallback=|_errors| view! { <pages::error::ErrorPage /> }>
                    <Routes fallback=pages::not_found::NotFoundPage>
                        // Pages that load data render whole before sending (SsrMode::Async),
                        // so they are complete without JavaScript.
                        <Route path=path!("/") view=pages::home::HomePage ssr=SsrMode::Async />
                        <Route path=path!("/signup") view=pages::sign_up::SignUpPage />
                        <Route path=path!("/signin") view=pages::sign_in::SignInPage />
                        <Route path=path!("/account") view=pages::account::AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/orgs/new") view=pages::organisation_new::NewOrganisationPage />
                        <Route path=path!("/o/:slug") view=pages::organisation::OrganisationPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/settings") view=pages::organisation_settings::OrganisationSettingsPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/members") view=pages::members::MembersPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/members/:membership/:change") view=pages::member_change::MemberChangePage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/groups") view=pages::groups::GroupsPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/search") view=pages::search::SearchPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/proposals/new") view=pages::proposal_new::NewProposalPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number") view=pages::proposal::ProposalPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/edit") view=pages::proposal_edit::EditProposalPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/r/:revision") view=pages::proposal_history::RevisionPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/c/:comment/edit") view=pages::comments::CommentEditPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/c/:comment/delete") view=pages::comments::CommentDeletePage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/c/:comment/hide") view=pages::comments::CommentHidePage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/compare") view=pages::proposal_history::ComparePage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/amendments/new") view=pages::amendments::NewAmendmentPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/a/:amendment") view=pages::amendments::AmendmentPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/p/:number/rounds/new") view=pages::rounds::NewRoundPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/rounds/:round") view=pages::rounds::RoundPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/rounds/:round/minutes") view=pages::round_minutes::RoundMinutesPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/meetings") view=pages::meetings::MeetingsPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/meetings/:number") view=pages::meetings::MeetingPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/meetings/:number/minutes") view=pages::meeting_minutes::MeetingMinutesPage ssr=SsrMode::Async />
                        <Route path=path!("/o/:slug/invitations") view=pages::invitations::InvitationsPage ssr=SsrMode::Async />
                        <Route path=path!("/invite/:token") view=pages::invitation_accept::InvitationAcceptPage ssr=SsrMode::Async />
                        <Route path=path!("/email/sent") view=pages::email::EmailSentPage />
                        <Route path=path!("/email/confirm/:token") view=pages::email::ConfirmAddressPage ssr=SsrMode::Async />
                    </Routes>
                </ErrorBoundary>
            </Layout>
        </Router>
    }
}
