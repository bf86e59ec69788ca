//! The page shown when something failed on our side. It gives a reference that matches the
//! request id in the server's logs, and never the error itself.

use crate::i18n::use_t;
use leptos::prelude::*;
use leptos_meta::Title;

/// A failure we could not recover from, with the request's reference.
#[component]
pub fn ErrorPage(
    /// The request id to quote to an administrator, if known.
    #[prop(optional, into)]
    reference: Option<String>,
) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    let t = use_t();
    let language = crate::i18n::use_language();
    view! {
        <Title text=t("error-title") />
        <section class="message-page" role="alert">
            <h1>{t("error-title")}</h1>
            <p>{t("error-text")}</p>
            {reference.map(|r| view! { <p class="reference">{language.tr_with("error-reference", "reference", r)}</p> })}
        </section>
    }
}
