//! The home page: what Quorate is for.

use crate::i18n::use_t;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_t();
    let features = [
        (
            "home-feature-proposals-title",
            "home-feature-proposals-text",
        ),
        ("home-feature-rounds-title", "home-feature-rounds-text"),
        ("home-feature-counts-title", "home-feature-counts-text"),
    ];
    view! {
        <Title text="" />
        <section class="hero" aria-labelledby="home-title">
            <h1 id="home-title">{t("home-title")}</h1>
            <p class="lead">{t("home-lead")}</p>
        </section>
        <ul class="features">
            {features
                .into_iter()
                .map(|(title, text)| {
                    view! {
                        <li class="card">
                            <h2>{t(title)}</h2>
                            <p>{t(text)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
