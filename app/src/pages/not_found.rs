//! The page for an address that matches no route; answered with status 404.

use crate::i18n::use_t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Any unknown path.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let t = use_t();
    view! {
        <Title text=t("not-found-title") />
        <section class="message-page">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-text")}</p>
            <p>
                <a href="/">{t("not-found-home-link")}</a>
            </p>
        </section>
    }
}
