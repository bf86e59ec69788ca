//! Comments on proposals over real HTTP (issue #11, decision-rules.md §2): threads and
//! replies, editing with earlier versions kept, deleting, hiding by facilitators, mentions,
//! the preview, unread markers, and every refusal.

use crate::helpers::{Browser, Db, lookup, spawn_app};
use app::{
    domain::roles::Role,
    entities::{comment, comment_mention},
};
use scraper::{Html, Selector};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Drafts and publishes a proposal as `author`; returns its number.
async fn published(author: &Browser, title: &str) -> i32 {
    let response = author
        .post_form(
            "/o/coop/proposals/new",
            &[("title", title), ("body", "We decide.")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let number: i32 = location.rsplit('/').next().unwrap().parse().unwrap();
    author
        .post_redirects(&format!("/o/coop/p/{number}/publish"), &[], &location)
        .await;
    number
}

/// Posts a comment (a reply to `parent`, unless empty) and returns its id, from the address
/// the answer goes to (the comment in its thread).
pub(crate) async fn post(who: &Browser, number: i32, body: &str, parent: &str) -> String {
    let response = who
        .post_form(
            &format!("/o/coop/p/{number}/comments"),
            &[("body", body), ("parent", parent)],
        )
        .await;
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(status, 303, "{}", response.text().await.unwrap_or_default());
    location
        .rsplit_once("#comment-")
        .expect("the answer points at the comment")
        .1
        .to_owned()
}

fn codes(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector =
        Selector::parse(".problem-summary [data-problem], .message-page[data-problem]").unwrap();
    document
        .select(&selector)
        .filter_map(|e| e.value().attr("data-problem").map(str::to_owned))
        .collect()
}

fn texts(html: &str, css: &str) -> Vec<String> {
    Html::parse_document(html)
        .select(&Selector::parse(css).unwrap())
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

pub async fn members_and_observers_comment_and_reply_in_threads(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Obi", Role::Observer)
        .build()
        .await;
    let (ada, bea, obi) = (&coop.admin, coop.browser("Bea"), coop.browser("Obi"));
    let number = published(ada, "Solar roof").await;
    ada.page(&format!("/o/coop/p/{number}"), 200).await;
    let first = post(bea, number, "I **agree**.", "").await;
    let reply = post(obi, number, "Observers comment too.", &first).await;
    // Replies indent to a limit, then say whom they answer.
    let mut parent = reply.clone();
    for depth in 2..=5 {
        parent = post(bea, number, &format!("Depth {depth}"), &parent).await;
    }
    let second = post(ada, number, "A new thread.", "").await;
    let page = ada.page(&format!("/o/coop/p/{number}"), 200).await;
    let order: Vec<String> = Html::parse_document(&page)
        .select(&Selector::parse("li.comment").unwrap())
        .map(|e| e.value().attr("id").unwrap().to_owned())
        .collect();
    assert_eq!(order.first().unwrap(), &format!("comment-{first}"));
    assert_eq!(order.get(1).unwrap(), &format!("comment-{reply}"));
    assert_eq!(order.last().unwrap(), &format!("comment-{second}"));
    assert_eq!(
        texts(&page, &format!("#comment-{first} .markdown strong")),
        ["agree"]
    );
    let deepest = texts(&page, &format!("#comment-{parent} .comment-meta"));
    assert!(deepest[0].contains("Replying to Bea"), "{deepest:?}");
    assert!(page.contains("class=\"comment depth-4\""));
    // The list counts comments and marks what the viewer has not seen.
    assert!(texts(&ada.page("/o/coop", 200).await, ".proposal-list li")[0].contains("7 comments"));
    post(bea, number, "One more.", "").await;
    let list = ada.page("/o/coop", 200).await;
    assert_eq!(texts(&list, ".proposal-list .unread"), ["New"]);
    ada.page(&format!("/o/coop/p/{number}"), 200).await;
    assert!(texts(&ada.page("/o/coop", 200).await, ".proposal-list .unread").is_empty());
}

pub async fn comments_are_refused_where_the_rules_say(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let one = published(ada, "One").await;
    let two = published(ada, "Two").await;
    let on_one = post(bea, one, "On one.", "").await;
    for (body, parent, code) in [
        (" ", "", "text_length"),
        ("Reply", on_one.as_str(), "reply_elsewhere"),
        ("Reply", "not-an-id", "reply_elsewhere"),
    ] {
        let response = bea
            .post_form(
                &format!("/o/coop/p/{two}/comments"),
                &[("body", body), ("parent", parent)],
            )
            .await;
        assert_eq!(response.status(), 422, "{code}");
        assert_eq!(codes(&response.text().await.unwrap()), [code]);
    }
    let long = "a".repeat(10_001);
    let response = bea
        .post_form(&format!("/o/coop/p/{two}/comments"), &[("body", &long)])
        .await;
    assert_eq!(codes(&response.text().await.unwrap()), ["text_length"]);
    // No comments on a draft (nobody else sees it) or a withdrawn proposal.
    ada.post_redirects(
        &format!("/o/coop/p/{two}/withdraw"),
        &[("reason", "Done")],
        &format!("/o/coop/p/{two}"),
    )
    .await;
    let response = bea
        .post_form(&format!("/o/coop/p/{two}/comments"), &[("body", "Late")])
        .await;
    assert_eq!(response.status(), 403);
    assert_eq!(codes(&response.text().await.unwrap()), ["proposal_state"]);
    // Someone with no standing: not found; signed out: to sign in.
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    let response = outsider
        .post_form(&format!("/o/coop/p/{one}/comments"), &[("body", "Hi")])
        .await;
    assert_eq!(response.status(), 404);
    let response = app
        .browser()
        .post_form(&format!("/o/coop/p/{one}/comments"), &[("body", "Hi")])
        .await;
    assert_eq!(response.status(), 303);
    let comments = comment::Entity::find().all(&app.connection).await.unwrap();
    assert_eq!(comments.len(), 1, "only the one comment was stored");
}

pub async fn authors_edit_and_delete_their_comments_and_the_thread_keeps_its_place(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Cy", Role::Member)
        .build()
        .await;
    let (ada, bea, cy) = (&coop.admin, coop.browser("Bea"), coop.browser("Cy"));
    let number = published(ada, "Solar roof").await;
    let id = post(bea, number, "Ten panels.", "").await;
    let reply = post(cy, number, "Why ten?", &id).await;
    let edit = format!("/o/coop/p/{number}/c/{id}/edit");
    // Only its author edits it.
    let refused = cy.post_form(&edit, &[("body", "Mine now")]).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(
        codes(&refused.text().await.unwrap()),
        ["not_comment_author"]
    );
    bea.page(&edit, 200).await;
    bea.post_redirects(
        &edit,
        &[("body", "Twelve panels.")],
        &format!("/o/coop/p/{number}#comment-{id}"),
    )
    .await;
    let same = bea.post_form(&edit, &[("body", "Twelve panels.")]).await;
    assert_eq!(codes(&same.text().await.unwrap()), ["comment_unchanged"]);
    let page = cy.page(&format!("/o/coop/p/{number}"), 200).await;
    let selector = format!("#comment-{id}");
    assert!(texts(&page, &format!("{selector} .edited"))[0].starts_with("edited"));
    assert_eq!(
        texts(&page, &format!("{selector} > .markdown")),
        ["Twelve panels."]
    );
    assert_eq!(
        texts(&page, &format!("{selector} .earlier .markdown")),
        ["Ten panels."]
    );
    // Deleting asks first; then the text goes and the reply stays.
    let delete = format!("/o/coop/p/{number}/c/{id}/delete");
    let refused = cy.post_form(&delete, &[("confirmed", "yes")]).await;
    assert_eq!(refused.status(), 403);
    bea.post_redirects(&delete, &[], &delete).await;
    assert!(
        bea.page(&delete, 200)
            .await
            .contains("Delete this comment?")
    );
    bea.post_redirects(
        &delete,
        &[("confirmed", "yes")],
        &format!("/o/coop/p/{number}#comment-{id}"),
    )
    .await;
    let page = cy.page(&format!("/o/coop/p/{number}"), 200).await;
    assert_eq!(
        texts(&page, &format!("{selector} .removed")),
        ["Comment deleted."]
    );
    assert!(!page.contains("Twelve panels") && !page.contains("Ten panels"));
    assert_eq!(
        texts(&page, &format!("#comment-{reply} .markdown")),
        ["Why ten?"]
    );
    let stored = comment::Entity::find_by_id(uuid::Uuid::parse_str(&id).unwrap())
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.body, "", "the text is gone from the database too");
    bea.page(&edit, 404).await;
}

pub async fn facilitators_hide_comments_with_a_reason(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Cy", Role::Member)
        .member("Fay", Role::Facilitator)
        .build()
        .await;
    let (ada, bea, cy, fay) = (
        &coop.admin,
        coop.browser("Bea"),
        coop.browser("Cy"),
        coop.browser("Fay"),
    );
    let number = published(ada, "Solar roof").await;
    let id = post(bea, number, "Something rude.", "").await;
    let hide = format!("/o/coop/p/{number}/c/{id}/hide");
    let refused = cy.post_form(&hide, &[("reason", "I dislike it")]).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(codes(&refused.text().await.unwrap()), ["role_too_low"]);
    let empty = fay.post_form(&hide, &[("reason", " ")]).await;
    assert_eq!(codes(&empty.text().await.unwrap()), ["text_length"]);
    fay.post_redirects(
        &hide,
        &[("reason", "Personal attack")],
        &format!("/o/coop/p/{number}#comment-{id}"),
    )
    .await;
    let again = fay.post_form(&hide, &[("reason", "Twice")]).await;
    assert_eq!(
        codes(&again.text().await.unwrap()),
        ["comment_hidden_already"]
    );
    let selector = format!("#comment-{id}");
    let for_cy = cy.page(&format!("/o/coop/p/{number}"), 200).await;
    assert!(texts(&for_cy, &format!("{selector} .removed"))[0].contains("Personal attack"));
    assert!(
        !for_cy.contains("Something rude."),
        "hidden from other members"
    );
    for (who, browser) in [("author", bea), ("facilitator", fay)] {
        let page = browser.page(&format!("/o/coop/p/{number}"), 200).await;
        assert!(page.contains("Something rude."), "{who} still reads it");
    }
    assert!(
        lookup::audit_kinds(&app, "coop")
            .await
            .contains(&"comment.hidden".to_owned())
    );
}

pub async fn mentions_link_to_members_and_are_recorded(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Cy", Role::Member)
        .build()
        .await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let number = published(ada, "Solar roof").await;
    let id = post(bea, number, "Thanks @Cy and @nobody, see `@Cy`.", "").await;
    let cy = lookup::membership_of(&app, "coop", coop.email("Cy")).await;
    let page = ada.page(&format!("/o/coop/p/{number}"), 200).await;
    let links: Vec<(String, String)> = Html::parse_document(&page)
        .select(&Selector::parse(&format!("#comment-{id} .markdown a")).unwrap())
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_owned(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        links,
        [(
            format!("/o/coop/members?member={}#member-{}", cy.id, cy.id),
            "@Cy".to_owned()
        )]
    );
    let members = ada.page("/o/coop/members", 200).await;
    assert!(members.contains(&format!("id=\"member-{}\"", cy.id)));
    let mentioned: Vec<uuid::Uuid> = comment_mention::Entity::find()
        .filter(comment_mention::Column::CommentId.eq(uuid::Uuid::parse_str(&id).unwrap()))
        .all(&app.connection)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.membership_id)
        .collect();
    assert_eq!(mentioned, [cy.id]);
}

pub async fn the_preview_renders_on_the_server_and_stores_nothing(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let number = published(ada, "Solar roof").await;
    let response = ada
        .post_form(
            &format!("/o/coop/p/{number}/comments"),
            &[("body", "Is **this** right?"), ("preview", "yes")],
        )
        .await;
    assert_eq!(response.status(), 201);
    let html = response.text().await.unwrap();
    assert_eq!(texts(&html, ".preview .markdown strong"), ["this"]);
    assert_eq!(texts(&html, "textarea[name=body]"), ["Is **this** right?"]);
    assert!(
        comment::Entity::find()
            .all(&app.connection)
            .await
            .unwrap()
            .is_empty()
    );
}
