//! A proposal's history: one revision at its own address (`/o/:slug/p/:number/r/:revision`)
//! and two revisions compared word by word (`/o/:slug/p/:number/compare?from=&to=`).

use crate::{
    actions::proposals::ProposalPath,
    api::proposals::{CompareView, RevisionView, compare_page, revision_page},
    components::diff::Diff,
    i18n::{use_language, use_t},
    pages::{load_error::LoadError, proposal::number_param},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// One revision.
#[component]
pub fn RevisionPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
            number_param(params.get("revision")),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number, revision)| {
        revision_page(slug, number, revision)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Revision page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Revision(page: RevisionView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let path = ProposalPath::new(&page.org.slug, page.number);
    let label = language.tr_with(
        "proposal-revision-number",
        "number",
        page.revision.number.to_string(),
    );
    let older = page.revision.number < page.latest;
    view! {
        <Title text=format!("{} · {label}", page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=path.page()>{language.tr_with("proposal-number", "number", page.number.to_string())}</a>
        </nav>
        <article class="proposal">
            <p class="eyebrow">{label} " · " {page.revision.author.clone()} " · " {page.revision.at.clone()}</p>
            {older.then(|| view! {
                <p class="notice">
                    {t("proposal-older-revision")} " "
                    <a href=path.page()>{t("proposal-see-latest")}</a> " · "
                    <a href=format!("{}/compare?from={}&to={}", path.page(), page.revision.number, page.latest)>{t("proposal-compare-with-latest")}</a>
                </p>
            })}
            <h1>{page.title.clone()}</h1>
            {(!page.revision.note.is_empty()).then(|| view! { <p class="note">{page.revision.note.clone()}</p> })}
            {(!page.summary.is_empty()).then(|| view! { <p class="lead prewrap">{page.summary.clone()}</p> })}
            <div class="markdown" inner_html=page.body_html.clone()></div>
        </article>
    }
}

/// Two revisions compared.
#[component]
pub fn ComparePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let params = params.read();
        let query = query.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
            query.get("from").and_then(|n| n.parse().ok()),
            query.get("to").and_then(|n| n.parse().ok()),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number, from, to)| {
        compare_page(slug, number, from, to)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Compare page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Compare(page: CompareView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let path = ProposalPath::new(&page.org.slug, page.number);
    let revision =
        move |n: i32| language.tr_with("proposal-revision-number", "number", n.to_string());
    let heading = language.tr_args(
        "proposal-compare-heading",
        &[
            ("from".into(), page.from.to_string()),
            ("to".into(), page.to.to_string()),
        ],
    );
    let choices = move |name: &'static str, chosen: i32| {
        let id = format!("compare-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{t(&format!("proposal-compare-{name}"))}</label>
                <select id=id name=name>
                    {page.revisions.iter().map(|r| view! {
                        <option value=r.number.to_string() selected=r.number == chosen>
                            {revision(r.number)} " · " {r.at.clone()}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <Title text=format!("{heading} · {}", page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=path.page()>{page.title.clone()}</a>
        </nav>
        <h1>{heading}</h1>
        <form method="get" action=format!("{}/compare", path.page()) class="inline-form">
            {choices("from", page.from)}
            {choices("to", page.to)}
            <button type="submit">{t("proposal-compare")}</button>
        </form>
        <p class="hint">{t("proposal-diff-legend")}</p>
        <h2>{t("field-proposal-title")}</h2>
        <Diff segments=page.title_diff.clone() />
        <h2>{t("field-proposal-summary")}</h2>
        <Diff segments=page.summary_diff.clone() />
        <h2>{t("field-proposal-body")}</h2>
        <Diff segments=page.body_diff.clone() />
    }
}
