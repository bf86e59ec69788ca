//! `/o/:slug/meetings/:number/minutes`: a meeting's minutes as a print-ready page (the print
//! stylesheet drops the navigation and starts each decision on a new page), with the same
//! record as Markdown, JSON and PDF; `?version=N` shows an approved version as it was
//! approved.

use crate::{
    api::meeting_minutes::{MeetingMinutesView, meeting_minutes},
    domain::document::Block,
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The page.
#[component]
pub fn MeetingMinutesPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params
                .get("number")
                .and_then(|n| n.parse::<i32>().ok())
                .unwrap_or(0),
            query
                .read()
                .get("version")
                .and_then(|v| v.parse::<i32>().ok()),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number, version)| {
        meeting_minutes(slug, number, version)
    });
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
fn Minutes(page: MeetingMinutesView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let r = page.record;
    let meeting = format!("/o/{}/meetings/{}", r.slug, r.number);
    let stem = match page.asked {
        Some(v) => format!("minutes-v{v}"),
        None => "minutes".to_owned(),
    };
    let heading = language.tr_with("meeting-minutes-heading", "title", r.title.clone());
    view! {
        <Title text=heading />
        <nav class="breadcrumbs no-print" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / "
            <a href=format!("/o/{}", r.slug)>{r.organisation.clone()}</a> " / "
            <a href=format!("/o/{}/meetings", r.slug)>{t("meetings-title")}</a> " / "
            <a href=meeting.clone()>{r.title.clone()}</a>
        </nav>
        <article class="minutes" data-testid="meeting-minutes">
            <p class="eyebrow">{t("minutes-title")} " · " {language.tr_with("meeting-version", "version", r.version.to_string())}</p>
            <DocumentBlocks blocks=page.blocks />
        </article>
        <p class="no-print">
            {t("minutes-downloads")} " "
            <a href=format!("{meeting}/{stem}.pdf")>"PDF"</a> " · "
            <a href=format!("{meeting}/{stem}.md")>"Markdown"</a> " · "
            <a href=format!("{meeting}/{stem}.json")>"JSON"</a>
        </p>
        {(page.versions.len() > 1 || page.asked.is_some()).then(|| view! {
            <nav class="no-print" aria-label=t("meeting-versions")>
                <p>{t("meeting-versions")} ": "
                    {page.versions.iter().map(|v| view! {
                        <a href=format!("{meeting}/minutes?version={v}")>{language.tr_with("meeting-version", "version", v.to_string())}</a> " "
                    }).collect_view()}
                    <a href=format!("{meeting}/minutes")>{t("meeting-current-text")}</a>
                </p>
            </nav>
        })}
    }
}

/// A document's blocks as HTML: typed plain text as text, typed Markdown as rendered and
/// sanitised by the server, a table's caption as its caption.
#[component]
pub fn DocumentBlocks(blocks: Vec<Block>) -> impl IntoView {
    blocks
        .into_iter()
        .map(|block| match block {
            Block::Heading { level, text } => match level {
                1 => view! { <h1>{text}</h1> }.into_any(),
                2 => view! { <h2>{text}</h2> }.into_any(),
                3 => view! { <h3>{text}</h3> }.into_any(),
                4 => view! { <h4 class="decision-start">{text}</h4> }.into_any(),
                5 => view! { <h5>{text}</h5> }.into_any(),
                _ => view! { <h6>{text}</h6> }.into_any(),
            },
            Block::Paragraph { text } => view! { <p>{text}</p> }.into_any(),
            Block::Strong { text } => view! { <p><strong>{text}</strong></p> }.into_any(),
            Block::List { items } => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
            .into_any(),
            Block::Table {
                caption,
                head,
                rows,
            } => view! {
                <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
                    <table>
                        {(!caption.is_empty()).then(|| view! { <caption>{caption.clone()}</caption> })}
                        <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| view! {
                                <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any(),
            Block::Code { text } => view! { <pre class="report"><code>{text}</code></pre> }.into_any(),
            Block::Markdown { html, .. } => view! { <div class="markdown" inner_html=html></div> }.into_any(),
            Block::Signatures { labels, date } => view! {
                <div class="signatures">
                    {labels.into_iter().map(|label| {
                        let date = date.clone();
                        view! {
                            <div class="signature"><span class="sign-line"></span><span>{label}</span></div>
                            <div class="signature"><span class="sign-line"></span><span>{date}</span></div>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any(),
        })
        .collect_view()
}
