//! Meetings (issue #13, decision-rules.md §9) over real HTTP: a facilitator creates a
//! meeting, records attendance, builds the agenda (a proposal of another organisation is
//! refused), marks it held and approves the minutes, which are then read-only and carry the
//! decisions from the record.

use super::proposals::{audit_kinds, draft, location, problem_codes, publish};
use super::rounds::{close_now, local_in, open_round, vote};
use crate::helpers::{Db, lookup, spawn_app};
use app::domain::roles::Role;

pub async fn a_facilitator_runs_a_meeting_whose_minutes_come_from_the_record(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Fay", Role::Facilitator)
        .member("Obe", Role::Observer)
        .build()
        .await;
    let ada = &coop.admin;
    let (bea, fay) = (coop.browser("Bea"), coop.browser("Fay"));
    // A decision to discuss: Solar roof, adopted by majority.
    let number = draft(bea, "Solar roof", "We install ten panels.", "").await;
    publish(bea, number).await;
    let round = open_round(ada, number, &[("method", "majority")]).await;
    for who in ["Ada", "Bea", "Carl", "Fay"] {
        assert_eq!(
            vote(coop.browser(who), &round, &[("choice", "yes")])
                .await
                .status(),
            303
        );
    }
    assert_eq!(close_now(ada, &round, "").await.status(), 303);
    // Another organisation with a proposal 2.
    let other = app
        .coop()
        .admin("Zed")
        .named("Other Co-op", "other")
        .build()
        .await;
    for title in ["One", "Two"] {
        let response = other
            .admin
            .post_form(
                "/o/other/proposals/new",
                &[
                    ("title", title),
                    ("summary", ""),
                    ("body", "Text."),
                    ("due_on", ""),
                    ("group", ""),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "{title}");
    }

    let starts = local_in(3600);
    let details = [
        ("title", "General meeting"),
        ("starts_at", starts.as_str()),
        ("place", "The hall"),
        ("link", ""),
    ];
    // Only facilitators (and admins) create meetings; nobody outside sees the organisation.
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    for (who, browser, status) in [
        ("a non-member", &outsider, 404),
        ("an observer", coop.browser("Obe"), 403),
        ("a member", bea, 403),
    ] {
        let response = browser.post_form("/o/coop/meetings/new", &details).await;
        assert_eq!(response.status(), status, "{who}");
    }
    // Bad input: each rule named, what was typed kept.
    let refused = fay
        .post_form(
            "/o/coop/meetings/new",
            &[
                ("title", " "),
                ("starts_at", "tomorrow"),
                ("link", "javascript:alert(1)"),
                ("place", "Hall <b>"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    let mut codes = problem_codes(&html);
    codes.sort();
    assert_eq!(
        codes,
        ["meeting_link_not_web", "round_not_a_time", "text_length"]
    );
    assert!(html.contains("Hall &lt;b&gt;"), "kept, as text");
    let created = fay.post_form("/o/coop/meetings/new", &details).await;
    assert_eq!(created.status(), 303);
    assert_eq!(location(&created), "/o/coop/meetings/1");

    // Attendance: members present or with apologies, and a guest.
    let mut ids = Vec::new();
    for name in ["Ada", "Bea", "Carl"] {
        ids.push(
            lookup::membership_of(&app, "coop", coop.email(name))
                .await
                .id
                .to_string(),
        );
    }
    let (ada_id, bea_id, carl_id) = (&ids[0], &ids[1], &ids[2]);
    let fields = [
        (format!("attendance-{ada_id}"), "present"),
        (format!("attendance-{bea_id}"), "present"),
        (format!("attendance-{carl_id}"), "apologies"),
        ("guests".to_owned(), "Dora (auditor)"),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let saved = fay
        .post_form("/o/coop/meetings/1/attendance", &fields)
        .await;
    assert_eq!(saved.status(), 303);

    // The agenda: another organisation's proposal is refused, this one's is taken.
    let refused = fay
        .post_form(
            "/o/coop/meetings/1/items",
            &[("title", "Theirs"), ("proposal", "2"), ("notes", "")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["meeting_proposal_unknown"]
    );
    let added = fay
        .post_form(
            "/o/coop/meetings/1/items",
            &[
                ("title", "Solar roof decision"),
                ("proposal", &number.to_string()),
                ("notes", "We agreed to start in spring."),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let page = bea.page("/o/coop/meetings/1", 200).await;
    assert!(page.contains("We agreed to start in spring."));
    assert!(
        page.contains("Adopted: 4 yes of 4 counted"),
        "the decision, from the record"
    );
    assert!(page.contains(&format!(r#"href="/o/coop/rounds/{round}/minutes""#)));

    // Held, then approved by a facilitator (not by a member); read-only afterwards.
    assert_eq!(
        fay.post_form("/o/coop/meetings/1/approve", &[])
            .await
            .status(),
        422,
        "not held yet"
    );
    assert_eq!(
        fay.post_form("/o/coop/meetings/1/hold", &[]).await.status(),
        303
    );
    assert_eq!(
        bea.post_form("/o/coop/meetings/1/approve", &[])
            .await
            .status(),
        403
    );
    assert_eq!(
        fay.post_form("/o/coop/meetings/1/approve", &[])
            .await
            .status(),
        303
    );
    let kinds = audit_kinds(&app).await;
    for kind in [
        "meeting.created",
        "meeting.held",
        "meeting.minutes_approved",
    ] {
        assert!(kinds.contains(&kind.to_owned()), "{kind}");
    }
    let late = fay
        .post_form(
            "/o/coop/meetings/1/items",
            &[("title", "Late"), ("proposal", ""), ("notes", "")],
        )
        .await;
    assert_eq!(late.status(), 422);
    assert_eq!(
        problem_codes(&late.text().await.unwrap()),
        ["meeting_state"]
    );
    let late = fay
        .post_form("/o/coop/meetings/1/attendance", &fields)
        .await;
    assert_eq!(
        problem_codes(&late.text().await.unwrap()),
        ["meeting_state"]
    );

    // The minutes as Markdown: people, notes, the decision's own minutes, the approval, and
    // lines to sign.
    let md = bea.get("/o/coop/meetings/1/minutes.md").await;
    assert_eq!(md.status(), 200);
    let md = md.text().await.unwrap();
    assert!(md.starts_with("# Minutes: General meeting\n"), "{md}");
    assert!(md.contains("- Place: The hall"), "{md}");
    let present = md
        .lines()
        .find(|l| l.starts_with("- Present: "))
        .unwrap_or_default();
    assert!(
        present.contains("Ada") && present.contains("Bea") && !present.contains("Carl"),
        "{present}"
    );
    assert!(md.contains("- Apologies: Carl"), "{md}");
    assert!(md.contains("- Guests: Dora (auditor)"), "{md}");
    assert!(md.contains("### 1. Solar roof decision"), "{md}");
    assert!(md.contains("We agreed to start in spring."), "{md}");
    assert!(
        md.contains(&format!("#### Decision on proposal {number}: Solar roof")),
        "{md}"
    );
    assert!(md.contains("**Adopted: 4 yes of 4 counted"), "{md}");
    assert!(md.contains("Minutes approved on"), "{md}");
    assert!(
        md.contains("Chair: ______") && md.contains("Minute-taker: ______"),
        "{md}"
    );
    assert_eq!(
        outsider.get("/o/coop/meetings/1/minutes.md").await.status(),
        404
    );
    assert_eq!(outsider.get("/o/coop/meetings/1").await.status(), 404);
}

/// Every text typed into a meeting (title, place, guests, an item's title and notes, an
/// action point) stays text on the meetings list, the meeting's page and its minutes to
/// print, `<head>` included, and is printed as typed in its PDF.
pub async fn text_typed_into_a_meeting_stays_text(db: Db) {
    use super::security::{PAYLOADS, foreign_markup, title_of};
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let starts = local_in(3600);
    let markdown = [
        "[x](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<img src=x onerror=alert(1)>",
    ];
    for (i, payload) in PAYLOADS.iter().chain(markdown.iter()).enumerate() {
        let title = format!("M{i} {payload}");
        let created = ada
            .post_form(
                "/o/coop/meetings/new",
                &[
                    ("title", title.as_str()),
                    ("starts_at", starts.as_str()),
                    ("place", payload),
                    ("link", ""),
                    ("guests", payload),
                ],
            )
            .await;
        assert_eq!(created.status(), 303, "{payload}");
        let page = location(&created);
        let added = ada
            .post_form(
                &format!("{page}/items"),
                &[("title", payload), ("proposal", ""), ("notes", payload)],
            )
            .await;
        assert_eq!(added.status(), 303, "{payload}");
        let item = super::meeting_records::item_id(ada, &page, payload).await;
        let action = ada
            .post_form(
                &format!("{page}/items/{item}/actions"),
                &[
                    ("item", item.as_str()),
                    ("text", payload),
                    ("owner", ""),
                    ("due", ""),
                ],
            )
            .await;
        assert_eq!(action.status(), 303, "{payload}");
        for at in [page.clone(), format!("{page}/minutes")] {
            let html = ada.page(&at, 200).await;
            let foreign = foreign_markup(&html);
            assert!(foreign.is_empty(), "{at} with {payload:?}: {foreign:#?}");
            // The title element holds the typed title as text ("Minutes: …" when printed).
            assert!(
                title_of(&html).contains(&title),
                "{payload}: {}",
                title_of(&html)
            );
        }
        // The PDF prints it as typed (line breaks aside).
        let bytes = super::meeting_records::pdf(ada, &format!("{page}/minutes.pdf")).await;
        let text: String = super::meeting_records::poppler("pdftotext", &bytes, &[])
            .split_whitespace()
            .collect();
        let typed: String = payload.split_whitespace().collect();
        assert!(text.contains(&typed), "{payload:?} in {text}");
    }
    let list = ada.page("/o/coop/meetings", 200).await;
    assert!(
        foreign_markup(&list).is_empty(),
        "{:#?}",
        foreign_markup(&list)
    );
}
