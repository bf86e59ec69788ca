//! The minutes of one decision (issue #13, decision-rules.md §9): taken from the record, never
//! retyped, as a print-ready page, Markdown and JSON; every typed text escaped where served.

use super::proposals::{draft, publish};
use super::rounds::{close_now, open_round, three, vote};
use crate::helpers::{Db, spawn_app};
use app::entities::audit_entry;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

fn select(html: &str, css: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap();
    document
        .select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

pub async fn a_decisions_minutes_come_from_the_record(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let title = r#"Roof <script>alert("t")</script> & | pipes"#;
    let bea = coop.browser("Bea");
    let number = draft(bea, title, "We install ten panels.", "").await;
    publish(bea, number).await;
    let ada = &coop.admin;
    let round = open_round(ada, number, &[("method", "consent")]).await;
    for (who, position, reason) in [
        ("Ada", "consent", ""),
        ("Bea", "concern", "Check the <b>budget</b>."),
        ("Carl", "stand_aside", ""),
    ] {
        let response = vote(
            coop.browser(who),
            &round,
            &[("position", position), ("reason", reason)],
        )
        .await;
        assert_eq!(response.status(), 303, "{who}");
    }
    // Before the close there are no minutes.
    let early = coop
        .browser("Carl")
        .get(&format!("/o/coop/rounds/{round}/minutes.md"))
        .await;
    assert_eq!(early.status(), 404);
    assert_eq!(close_now(ada, &round, "").await.status(), 303);

    // The round page links to them; the page holds the record.
    let carl = coop.browser("Carl");
    let page = carl.page(&format!("/o/coop/rounds/{round}"), 200).await;
    assert!(page.contains(&format!(r#"href="/o/coop/rounds/{round}/minutes""#)));
    let html = carl
        .page(&format!("/o/coop/rounds/{round}/minutes"), 200)
        .await;
    assert_eq!(
        select(&html, "h1"),
        [format!("Decision on proposal {number}: {title}")],
        "the title is text, not markup"
    );
    assert!(select(&html, "article script").is_empty() && select(&html, "article b").is_empty());
    let outcome = select(&html, ".minutes .outcome").join("");
    assert!(
        outcome.starts_with("Adopted by consent: 0 objections; quorum 3 of 3"),
        "{outcome}"
    );
    assert_eq!(
        select(&html, "[data-testid=concerns] li"),
        ["Check the <b>budget</b>."]
    );
    let rule = select(&html, "[data-testid=minutes-rule] li").join("\n");
    assert!(
        rule.contains("Adopted if nobody objects.") && rule.contains("Open ballot"),
        "{rule}"
    );
    // The audit entry named is the one that recorded the close.
    let closed = audit_entry::Entity::find()
        .filter(audit_entry::Column::Kind.eq("round.closed"))
        .order_by_desc(audit_entry::Column::Seq)
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    let audit = select(&html, "[data-testid=minutes-audit]").join("");
    assert_eq!(
        audit,
        format!(
            "The close is audit entry {}, hash {}.",
            closed.seq, closed.hash
        )
    );
    assert!(
        html.contains(
            "quorate export --org coop &gt; coop.json &amp;&amp; quorate verify coop.json"
        )
    );

    // Markdown: the same record; typed text cannot open HTML or break a table.
    let md = carl
        .get(&format!("/o/coop/rounds/{round}/minutes.md"))
        .await;
    assert_eq!(md.status(), 200);
    assert_eq!(md.headers()["content-type"], "text/markdown; charset=utf-8");
    let md = md.text().await.unwrap();
    assert!(
        md.starts_with(&format!(
            "# Decision on proposal {number}: Roof &lt;script&gt;alert(\"t\")&lt;/script&gt; &amp; \\| pipes\n"
        )),
        "{md}"
    );
    assert!(
        md.contains("**Adopted by consent: 0 objections; quorum 3 of 3"),
        "{md}"
    );
    assert!(md.contains("| I consent, with a concern | 1 |"), "{md}");
    assert!(
        md.contains("- Check the &lt;b&gt;budget&lt;/b&gt;."),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "audit entry {}, hash {}.",
            closed.seq, closed.hash
        )),
        "{md}"
    );
    assert!(md.contains("quorate verify coop.json"), "{md}");

    // JSON: the same fields, for tools.
    let json = carl
        .get(&format!("/o/coop/rounds/{round}/minutes.json"))
        .await
        .text()
        .await
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["title"], title);
    assert_eq!(json["audit_entry"][0], closed.seq);
    assert_eq!(
        json["details"]["consent"]["concerns"][0],
        "Check the <b>budget</b>."
    );

    // Nobody outside the organisation reads them.
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    for file in ["minutes", "minutes.md", "minutes.json"] {
        let response = outsider
            .get(&format!("/o/coop/rounds/{round}/{file}"))
            .await;
        assert_eq!(response.status(), 404, "{file}");
    }
}
