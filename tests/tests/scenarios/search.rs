//! Search over real HTTP on both engines (issue #11): every word typed must appear; only what
//! the searcher may read is found (no one else's drafts, no hidden or deleted comments, no
//! other organisation); edits are found at once; matches are marked in the snippet; what is
//! typed into the box stays text and never reaches an engine as syntax.

use super::comments::post;
use super::proposals::{draft, publish};
use super::security::foreign_markup;
use crate::helpers::{Browser, Db, spawn_app};
use app::domain::roles::Role;
use scraper::{Html, Selector};

/// The results of searching for `query`, as (link, marked words) per result.
async fn search(who: &Browser, query: &str, page: u64) -> (Vec<(String, Vec<String>)>, String) {
    let q = app::actions::encode_component(query);
    let html = who
        .page(&format!("/o/coop/search?q={q}&page={page}"), 200)
        .await;
    let document = Html::parse_document(&html);
    let item = Selector::parse(".search-results > li").unwrap();
    let link = Selector::parse("a").unwrap();
    let mark = Selector::parse("mark").unwrap();
    let found = document
        .select(&item)
        .map(|li| {
            let href = li
                .select(&link)
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default()
                .to_owned();
            let marks = li
                .select(&mark)
                .map(|m| m.text().collect::<String>().to_lowercase())
                .collect();
            (href, marks)
        })
        .collect();
    (found, html)
}

fn links(found: &[(String, Vec<String>)]) -> Vec<String> {
    let mut links: Vec<String> = found.iter().map(|(l, _)| l.clone()).collect();
    links.sort();
    links
}

pub async fn search_finds_only_what_the_searcher_may_read(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .build()
        .await;
    let (ada, bea, carl) = (&coop.admin, coop.browser("Bea"), coop.browser("Carl"));
    let garden = draft(
        bea,
        "Community garden",
        "We build a compost heap by the shed.",
        "",
    )
    .await;
    publish(bea, garden).await;
    let secret = draft(
        bea,
        "Batteries",
        "Compost-powered batteries, still a draft.",
        "",
    )
    .await;
    let visible = post(carl, garden, "The compost needs turning every week.", "").await;
    let hidden = post(carl, garden, "Compost rumours about a neighbour.", "").await;
    ada.post_redirects(
        &format!("/o/coop/p/{garden}/c/{hidden}/hide"),
        &[("reason", "Personal")],
        &format!("/o/coop/p/{garden}#comment-{hidden}"),
    )
    .await;
    let deleted = post(carl, garden, "Compost or not, I retract this.", "").await;
    carl.post_redirects(
        &format!("/o/coop/p/{garden}/c/{deleted}/delete"),
        &[("confirmed", "yes")],
        &format!("/o/coop/p/{garden}#comment-{deleted}"),
    )
    .await;
    // Another organisation's proposal with the same word.
    let other = app.browser();
    other.sign_up("Olga", "olga@example.org").await;
    other.create_organisation("Elsewhere", "elsewhere").await;
    let elsewhere = other
        .post_form(
            "/o/elsewhere/proposals/new",
            &[("title", "Compost elsewhere"), ("body", "Compost.")],
        )
        .await;
    assert_eq!(elsewhere.status(), 303);

    let proposal = format!("/o/coop/p/{garden}");
    let expected = links(&[
        (proposal.clone(), vec![]),
        (format!("{proposal}#comment-{visible}"), vec![]),
    ]);
    // Everyone, the facilitator and the hidden comment's author included, finds the proposal
    // and the visible comment only.
    for (who, browser) in [("ada", ada), ("carl", carl)] {
        let (found, _) = search(browser, "compost", 1).await;
        assert_eq!(links(&found), expected, "{who}");
        assert!(
            found.iter().all(|(_, marks)| marks == &["compost"]),
            "{who}: the match is marked: {found:?}"
        );
    }
    // The draft's author finds it too; nobody else does.
    let (found, _) = search(bea, "compost", 1).await;
    assert_eq!(found.len(), 3);
    assert!(links(&found).contains(&format!("/o/coop/p/{secret}")));
    // Every word must appear, in any case and order.
    let (found, _) = search(carl, "WEEK turning", 1).await;
    assert_eq!(links(&found), [format!("{proposal}#comment-{visible}")]);
    let (found, _) = search(carl, "compost elephant", 1).await;
    assert!(found.is_empty());
    // An edit is found at once, and what it replaced no longer is.
    carl.post_redirects(
        &format!("/o/coop/p/{garden}/c/{visible}/edit"),
        &[("body", "The heap needs turning every fortnight.")],
        &format!("/o/coop/p/{garden}#comment-{visible}"),
    )
    .await;
    assert_eq!(search(carl, "fortnight", 1).await.0.len(), 1);
    assert!(search(carl, "week", 1).await.0.is_empty());
    // Someone outside the organisation cannot search it.
    other.page("/o/coop/search?q=compost", 404).await;
}

pub async fn search_results_come_a_page_at_a_time(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let number = draft(ada, "Bike shed", "A shed for bikes.", "").await;
    publish(ada, number).await;
    for i in 0..24 {
        post(ada, number, &format!("Bike idea number {i}."), "").await;
    }
    let (first, html) = search(ada, "bike", 1).await;
    assert_eq!(first.len(), 20);
    assert!(html.contains("rel=\"next\""));
    let (second, html) = search(ada, "bike", 2).await;
    assert_eq!(second.len(), 5, "24 comments and the proposal");
    assert!(html.contains("rel=\"prev\"") && !html.contains("rel=\"next\""));
    let mut all = links(&first);
    all.extend(links(&second));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 25, "no result twice");
}

pub async fn what_is_typed_into_search_stays_text(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let number = draft(ada, "Alert", "alert script img onerror src x 1", "").await;
    publish(ada, number).await;
    for query in [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "title:alert OR NEAR(alert script) NOT \"",
        "alert* ^script -img",
        "' OR 1=1 --",
        "\u{2}alert\u{3}",
        "",
        "     ",
        &"alert ".repeat(500),
    ] {
        let (found, html) = search(ada, query, 1).await;
        let foreign = foreign_markup(&html);
        assert!(foreign.is_empty(), "{query:?}: {foreign:#?}");
        if query.contains("alert") && query.len() < 1_000 && !query.contains("NOT") {
            assert!(
                !found.is_empty(),
                "{query:?} finds the proposal by its words"
            );
        }
    }
}
