//! The home page: what Quorate is for; for a signed-in person their organisations; on an
//! empty instance, the first steps (create an account, then an organisation).

use crate::{
    api::organisations::{HomeView, home_data},
    domain::roles::MembershipState,
    i18n::{use_language, use_t},
    session::use_current_user,
};
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_t();
    let data = Resource::new_blocking(|| (), |_| home_data());
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
        <Suspense>
            {move || Suspend::new(async move {
                data.await.ok().map(|data| view! { <Personal data /> })
            })}
        </Suspense>
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

#[component]
fn Personal(data: HomeView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let user = use_current_user();
    match user {
        None if data.first_run => view! {
            <section class="card first-run" aria-labelledby="first-run-title">
                <h2 id="first-run-title">{t("first-run-title")}</h2>
                <ol>
                    <li>{t("first-run-account")} " " <a href="/signup">{t("nav-sign-up")}</a></li>
                    <li>{t("first-run-organisation")}</li>
                    <li>{t("first-run-invite")}</li>
                </ol>
            </section>
        }
        .into_any(),
        None => view! {
            <p class="actions">
                <a href="/signin">{t("nav-sign-in")}</a> " · " <a href="/signup">{t("nav-sign-up")}</a>
            </p>
        }
        .into_any(),
        Some(_) => view! {
            <section aria-labelledby="your-orgs-title">
                <h2 id="your-orgs-title">{t("home-your-organisations")}</h2>
                {if data.organisations.is_empty() {
                    view! { <p>{t("home-no-organisations")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="org-list">
                            {data.organisations.into_iter().map(|o| view! {
                                <li>
                                    <a href=format!("/o/{}", o.slug)>{o.name}</a>
                                    " · " {language.tr(&format!("role-{}", o.role))}
                                    {(o.state != MembershipState::Active).then(|| format!(" ({})", language.tr(&format!("state-{}", o.state))))}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <p><a class="button" href="/orgs/new">{t("org-new-title")}</a></p>
            </section>
        }
        .into_any(),
    }
}
