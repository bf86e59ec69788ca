//! `/o/:slug/search?q=`: full-text search over the organisation's proposals and comments
//! (a GET form, so it works without JavaScript), each result with its match marked.

use crate::{
    actions::encode_component,
    api::search::{SearchHit, SearchView, search_page},
    components::pagination::Pagination,
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let query = query.read();
        (
            params.read().get("slug").unwrap_or_default(),
            query.get("q"),
            query.get("page").and_then(|p| p.parse::<u64>().ok()),
        )
    };
    let data = Resource::new_blocking(key, |(slug, q, page)| search_page(slug, q, page));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Results page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The search form (also on the organisation's page).
#[component]
pub fn SearchForm(
    /// The organisation's web address.
    slug: String,
    /// What is in the box.
    #[prop(optional, into)]
    query: String,
) -> impl IntoView {
    let t = use_t();
    view! {
        <form method="get" action=format!("/o/{slug}/search") role="search" class="inline-form">
            <label for="search-q">{t("search-label")}</label>
            <input id="search-q" type="search" name="q" value=query maxlength="200" />
            <button type="submit">{t("search-button")}</button>
        </form>
    }
}

#[component]
fn Results(page: SearchView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let base = format!("/o/{}", page.org.slug);
    let href = {
        let base = base.clone();
        let q = encode_component(&page.query);
        move |n: u64| format!("{base}/search?q={q}&page={n}")
    };
    let heading = if page.searched {
        language.tr_with("search-results-for", "query", page.query.clone())
    } else {
        t("search-title")
    };
    view! {
        <Title text=format!("{heading} · {}", page.org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{page.org.name.clone()}</a>
        </nav>
        <h1>{heading}</h1>
        <SearchForm slug=page.org.slug.clone() query=page.query.clone() />
        {(page.searched && page.hits.is_empty()).then(|| view! { <p>{t("search-none")}</p> })}
        <ol class="search-results">
            {page.hits.iter().map(|hit| view! { <Hit hit=hit.clone() base=base.clone() /> }).collect_view()}
        </ol>
        <Pagination
            page=page.page
            previous=(page.page > 1).then(|| href(page.page - 1))
            next=page.more.then(|| href(page.page + 1))
        />
    }
}

#[component]
fn Hit(hit: SearchHit, base: String) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let proposal = format!("{base}/p/{}", hit.number);
    let (href, kind) = match &hit.comment {
        Some(id) => (format!("{proposal}#comment-{id}"), t("search-kind-comment")),
        None => (proposal, t("search-kind-proposal")),
    };
    let number = language.tr_with("proposal-number", "number", hit.number.to_string());
    view! {
        <li>
            <p><a href=href>{hit.title.clone()}</a> " · " {number} " · " {kind}</p>
            <p class="snippet">
                {hit.snippet.iter().map(|piece| if piece.mark {
                    view! { <mark>{piece.text.clone()}</mark> }.into_any()
                } else {
                    piece.text.clone().into_any()
                }).collect_view()}
            </p>
        </li>
    }
}
