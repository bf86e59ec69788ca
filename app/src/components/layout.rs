//! The frame of every page: skip link, header with the product name, the signed-in person's
//! links and the language picker, the main region, and the footer.

use crate::{
    actions::{Action, NoPath, accounts::SignOut},
    components::{action_form::ActionForm, language_picker::LanguagePicker},
    i18n::use_t,
    session::use_current_user,
};
use leptos::prelude::*;

/// Wraps a page's content in the site's header and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_t();
    let user = use_current_user();
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{t("product-name")}</span>
                <span class="brand-tagline">{t("product-tagline")}</span>
            </a>
            <nav class="account-nav" aria-label=t("nav-account")>
                {match user {
                    Some(user) => view! {
                        <a href="/account">{user.display_name}</a>
                        <ActionForm target=SignOut::target(&NoPath {}) class="inline-form">
                            <button type="submit" class="link-button">{t("nav-sign-out")}</button>
                        </ActionForm>
                    }
                    .into_any(),
                    None => view! {
                        <a href="/signin">{t("nav-sign-in")}</a>
                        <a href="/signup">{t("nav-sign-up")}</a>
                    }
                    .into_any(),
                }}
            </nav>
            <LanguagePicker />
        </header>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t("footer-text")} " " {t("footer-source")}</p>
        </footer>
    }
}
