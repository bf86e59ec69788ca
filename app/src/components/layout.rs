//! The frame of every page: skip link, header with the product name and language picker,
//! the main region, and the footer.

use crate::{components::language_picker::LanguagePicker, i18n::use_t};
use leptos::prelude::*;

/// Wraps a page's content in the site's header and footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_t();
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{t("product-name")}</span>
                <span class="brand-tagline">{t("product-tagline")}</span>
            </a>
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
