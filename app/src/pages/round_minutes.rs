//! `/o/:slug/rounds/:round/minutes`: the minutes of one decision as a print-ready page (the
//! print stylesheet drops the navigation), with the same record as Markdown and JSON.

use crate::{
    actions::{proposals::ProposalPath, rounds::RoundPath},
    api::round_minutes::{MinutesView, round_minutes},
    components::result_details::ResultDetailsView,
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The page.
#[component]
pub fn RoundMinutesPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("round").unwrap_or_default(),
        )
    };
    let data = Resource::new_blocking(key, |(slug, round)| round_minutes(slug, round));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Minutes page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Minutes(page: MinutesView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let m = page.minutes;
    let round = RoundPath::new(&m.slug, &m.round_id).page();
    let proposal = ProposalPath::new(&m.slug, m.proposal).page();
    let heading = language.tr_args(
        "minutes-heading",
        &[
            ("number".to_owned(), m.proposal.to_string()),
            ("title".to_owned(), m.title.clone()),
        ],
    );
    let subtitle = language.tr_args(
        "minutes-round",
        &[
            ("round".to_owned(), m.round.to_string()),
            ("revision".to_owned(), m.revision.to_string()),
        ],
    );
    view! {
        <Title text=format!("{} · {}", t("minutes-title"), heading) />
        <nav class="breadcrumbs no-print" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / "
            <a href=format!("/o/{}", m.slug)>{m.organisation.clone()}</a> " / "
            <a href=proposal>{m.title.clone()}</a> " / "
            <a href=round.clone()>{language.tr_with("round-number", "number", m.round.to_string())}</a>
        </nav>
        <article class="minutes">
            <p class="eyebrow">{t("minutes-title")} " · " {m.organisation.clone()}</p>
            <h1>{heading}</h1>
            <p>{subtitle}</p>
            <h2>{t("round-rule")}</h2>
            <ul data-testid="minutes-rule">
                {m.rule.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                <li>{m.method.clone()}</li>
                <li>{m.secrecy.clone()}</li>
                <li>{t("round-opens")} ": " {m.opened.clone()}</li>
                <li>{t("minutes-closed")} ": " {m.closed.clone()}</li>
                {m.closed_early.clone().map(|reason| view! { <li>{t("minutes-closed-early")} ": " {reason}</li> })}
            </ul>
            <h2>{t("round-result")}</h2>
            <p class="outcome"><strong>{m.outcome.clone()}</strong></p>
            {m.table.clone().map(|table| view! { <crate::components::result_details::StageTableView table /> })}
            <ResultDetailsView details=m.details.clone() />
            {page.statement_html.clone().map(|html| view! {
                <h2>{t("round-outcome-statement")}</h2>
                <div class="markdown" inner_html=html></div>
            })}
            <h2>{t("minutes-check")}</h2>
            <p>{t("round-digest")} " " <code class="hash">{m.digest.clone()}</code></p>
            {m.audit_entry.clone().map(|(seq, hash)| view! {
                <p data-testid="minutes-audit">{language.tr_args("minutes-audit-entry", &[
                    ("seq".to_owned(), seq.to_string()),
                    ("hash".to_owned(), hash),
                ])}</p>
            })}
            <p>{t("minutes-verify")}</p>
            <pre class="report"><code>{m.verify.clone()}</code></pre>
        </article>
        <p class="no-print">
            {t("minutes-downloads")} " "
            <a href=format!("{round}/minutes.md")>"minutes.md"</a> " · "
            <a href=format!("{round}/minutes.json")>"minutes.json"</a>
        </p>
    }
}
