//! A meeting's record beyond its first cut (issue #13, decision-rules.md §9), over real HTTP:
//! action points and who may mark them done; corrections of approved minutes as new,
//! visible versions, each approval in the audit chain with the digest of what it approved;
//! rounds opened from an agenda item, counting quorum against the members present where the
//! organisation says so; the minutes as a print page, JSON and a PDF read back with poppler
//! (text and image) in two languages and on both papers; one meeting as an `.ics` file.

use super::proposals::{audit_kinds, draft, location, problem_codes, publish};
use super::rounds::{close_now, local_in, open_round, vote};
use crate::helpers::{Browser, Db, TestApp, lookup, spawn_app};
use app::{
    domain::roles::Role,
    entities::{audit_entry, meeting_version, round},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::process::Command;

fn select(html: &str, css: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(css).unwrap();
    document
        .select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// A meeting (number 1) created by `who`, starting in an hour.
async fn meeting(who: &Browser, title: &str) -> String {
    let starts = local_in(3600);
    let created = who
        .post_form(
            "/o/coop/meetings/new",
            &[
                ("title", title),
                ("starts_at", starts.as_str()),
                ("place", "The hall"),
                ("link", ""),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    location(&created)
}

/// The id of the agenda item titled `title`, read off the meeting's page.
pub(crate) async fn item_id(who: &Browser, page: &str, title: &str) -> String {
    let html = who.page(page, 200).await;
    let document = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("li.agenda-item").unwrap();
    let title_selector = scraper::Selector::parse("h3").unwrap();
    document
        .select(&selector)
        .find(|li| {
            li.select(&title_selector)
                .next()
                .is_some_and(|h| h.text().collect::<String>() == title)
        })
        .and_then(|li| li.value().id())
        .map(|id| id.trim_start_matches("item-").to_owned())
        .expect("the item is on the page")
}

async fn membership_id(app: &TestApp, email: &str) -> String {
    lookup::membership_of(app, "coop", email)
        .await
        .id
        .to_string()
}

/// Writes `bytes` to a temporary file and runs a poppler tool on it; its standard output.
pub(crate) fn poppler(tool: &str, bytes: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("minutes.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&pdf)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (poppler-utils): {e}"));
    assert!(output.status.success(), "{tool}: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Renders the first page to PNG with pdftoppm; its bytes.
fn first_page_png(bytes: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("minutes.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let out = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&out)
        .status()
        .expect("pdftoppm runs (poppler-utils)");
    assert!(status.success());
    std::fs::read(dir.path().join("page.png")).unwrap()
}

pub(crate) async fn pdf(who: &Browser, path: &str) -> Vec<u8> {
    let response = who.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let bytes = response.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with(b"%PDF-"), "{path}");
    // QUORATE_TEST_PDF_DIR=/some/dir keeps each PDF the tests read, to look at.
    if let Ok(dir) = std::env::var("QUORATE_TEST_PDF_DIR") {
        let name = path.trim_start_matches('/').replace('/', "_");
        std::fs::write(std::path::Path::new(&dir).join(name), &bytes).unwrap();
    }
    bytes
}

pub async fn action_points_and_corrections_keep_every_approved_version(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Fay", Role::Facilitator)
        .member("Obe", Role::Observer)
        .build()
        .await;
    let (bea, carl, fay) = (
        coop.browser("Bea"),
        coop.browser("Carl"),
        coop.browser("Fay"),
    );
    let page = meeting(fay, "Spring meeting").await;
    assert_eq!(
        fay.post_form(
            &format!("{page}/items"),
            &[
                ("title", "Hall"),
                ("proposal", ""),
                ("notes", "We need a hall.")
            ],
        )
        .await
        .status(),
        303
    );
    let item = item_id(bea, &page, "Hall").await;
    let bea_id = membership_id(&app, coop.email("Bea")).await;
    let add = format!("{page}/items/{item}/actions");
    let action = [
        ("item", item.as_str()),
        ("text", "Book the hall"),
        ("owner", bea_id.as_str()),
        ("due", "2027-01-15"),
    ];
    // Only facilitators add action points; nobody outside sees the organisation.
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    for (who, browser, status) in [
        ("a non-member", &outsider, 404),
        ("an observer", coop.browser("Obe"), 403),
        ("a member", bea, 403),
    ] {
        assert_eq!(
            browser.post_form(&add, &action).await.status(),
            status,
            "{who}"
        );
    }
    // Bad input named, what was typed kept.
    let refused = fay
        .post_form(
            &add,
            &[
                ("item", item.as_str()),
                ("text", "Ask <b>Joan</b>"),
                ("owner", "not-a-member"),
                ("due", "15/01/2027"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert_eq!(problem_codes(&html), ["due_date_malformed"]);
    assert!(
        html.contains("Ask &lt;b&gt;Joan&lt;/b&gt;"),
        "kept, as text"
    );
    let unknown_owner = fay
        .post_form(
            &add,
            &[
                ("item", item.as_str()),
                ("text", "Ask Joan"),
                ("owner", &uuid::Uuid::new_v4().to_string()),
                ("due", ""),
            ],
        )
        .await;
    assert_eq!(
        problem_codes(&unknown_owner.text().await.unwrap()),
        ["meeting_person_unknown"]
    );
    assert_eq!(fay.post_form(&add, &action).await.status(), 303);
    let html = bea.page(&page, 200).await;
    let listed = select(&html, "[data-testid=actions] li").join("\n");
    assert!(
        listed.contains("Book the hall (Owner: Bea · Due: 2027-01-15)"),
        "{listed}"
    );
    let action_id = scraper::Html::parse_document(&html)
        .select(&scraper::Selector::parse("[data-testid=actions] li").unwrap())
        .next()
        .and_then(|li| li.value().id())
        .unwrap()
        .trim_start_matches("action-")
        .to_owned();
    let mark = format!("{page}/actions/{action_id}");
    // Its owner marks it done; another member may not; a facilitator may undo it.
    assert_eq!(
        carl.post_form(&mark, &[("done", "true")]).await.status(),
        403
    );
    assert_eq!(
        bea.post_form(&mark, &[("done", "true")]).await.status(),
        303
    );
    assert!(
        select(&bea.page(&page, 200).await, "[data-testid=actions] li")
            .join("")
            .contains("Done")
    );

    // Approved as version 1; the audit entry carries the digest of the version kept.
    assert_eq!(
        fay.post_form(&format!("{page}/hold"), &[]).await.status(),
        303
    );
    assert_eq!(
        fay.post_form(&format!("{page}/approve"), &[])
            .await
            .status(),
        303
    );
    // Approved minutes are read-only, but an action is still followed up.
    assert_eq!(
        problem_codes(&fay.post_form(&add, &action).await.text().await.unwrap()),
        ["meeting_state"]
    );
    assert_eq!(
        fay.post_form(&mark, &[("done", "false")]).await.status(),
        303
    );
    // A correction: only facilitators, and only with a reason.
    let correct = format!("{page}/correct");
    assert_eq!(
        bea.post_form(&correct, &[("reason", "Typo")])
            .await
            .status(),
        403
    );
    let no_reason = fay.post_form(&correct, &[("reason", "  ")]).await;
    assert_eq!(
        problem_codes(&no_reason.text().await.unwrap()),
        ["text_length"]
    );
    assert_eq!(
        fay.post_form(&correct, &[("reason", "The hall is the big one.")])
            .await
            .status(),
        303
    );
    let reopened = bea.page(&page, 200).await;
    assert_eq!(
        select(&reopened, "[data-testid=correcting]"),
        ["Reopened for a correction: The hall is the big one."]
    );
    assert_eq!(
        fay.post_form(
            &format!("{page}/items/{item}"),
            &[
                ("item", item.as_str()),
                ("title", "Hall"),
                ("proposal", ""),
                ("notes", "We need the big hall."),
            ],
        )
        .await
        .status(),
        303
    );
    // Reopened minutes are approved again, not held again.
    assert_eq!(
        problem_codes(
            &fay.post_form(&format!("{page}/hold"), &[])
                .await
                .text()
                .await
                .unwrap()
        ),
        ["meeting_state"]
    );
    assert_eq!(
        fay.post_form(&format!("{page}/approve"), &[])
            .await
            .status(),
        303
    );
    let kinds = audit_kinds(&app).await;
    assert!(kinds.contains(&"meeting.reopened".to_owned()));

    // Both versions are kept, listed, and readable as approved.
    let html = bea.page(&page, 200).await;
    let versions = select(&html, "[data-testid=versions] li");
    assert_eq!(versions.len(), 2, "{versions:?}");
    assert!(
        versions[1].ends_with(": The hall is the big one."),
        "{versions:?}"
    );
    let stored = meeting_version::Entity::find()
        .order_by_asc(meeting_version::Column::Version)
        .all(&app.connection)
        .await
        .unwrap();
    assert_eq!(stored.iter().map(|v| v.version).collect::<Vec<_>>(), [1, 2]);
    let approvals = audit_entry::Entity::find()
        .filter(audit_entry::Column::Kind.eq("meeting.minutes_approved"))
        .order_by_asc(audit_entry::Column::Seq)
        .all(&app.connection)
        .await
        .unwrap();
    for (entry, version) in approvals.iter().zip(&stored) {
        let data: serde_json::Value = serde_json::from_str(&entry.data).unwrap();
        assert_eq!(data["version"], version.version);
        assert_eq!(data["digest"], version.digest.as_str());
    }
    let old = bea.get(&format!("{page}/minutes-v1.md")).await;
    assert_eq!(old.status(), 200);
    let old = old.text().await.unwrap();
    assert!(old.contains("We need a hall."), "{old}");
    assert!(old.contains("(version 1)"), "{old}");
    let current = bea
        .get(&format!("{page}/minutes.md"))
        .await
        .text()
        .await
        .unwrap();
    assert!(current.contains("We need the big hall."), "{current}");
    assert!(
        current.contains("Version 2, approved on") && current.contains("The hall is the big one."),
        "{current}"
    );
    assert!(
        current.contains("| Book the hall | Bea | 2027-01-15 |  |"),
        "{current}"
    );
    let print = bea.page(&format!("{page}/minutes?version=1"), 200).await;
    assert!(print.contains("We need a hall.") && !print.contains("big hall"));
    assert_eq!(
        bea.get(&format!("{page}/minutes-v9.md")).await.status(),
        404
    );
    let json: serde_json::Value = serde_json::from_str(
        &bea.get(&format!("{page}/minutes.json"))
            .await
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(json["version"], 2);
    assert_eq!(json["items"][0]["actions"][0]["owner"], "Bea");
    assert_eq!(json["approval"]["digest"], stored[1].digest.as_str());
    assert_eq!(
        outsider.get(&format!("{page}/minutes.json")).await.status(),
        404
    );
    for path in [
        format!("{page}/correct"),
        mark.clone(),
        "/o/coop/meetings/settings".to_owned(),
    ] {
        assert_eq!(
            outsider
                .post_form(&path, &[("reason", "x"), ("done", "true"), ("paper", "a4")])
                .await
                .status(),
            404,
            "{path}"
        );
    }
    assert_eq!(
        bea.post_form("/o/coop/meetings/settings", &[("paper", "a4")])
            .await
            .status(),
        403
    );
}

pub async fn a_round_opened_from_an_agenda_item_counts_quorum_against_the_members_present(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Dan", Role::Member)
        .member("Fay", Role::Facilitator)
        .build()
        .await;
    let (ada, bea, fay) = (&coop.admin, coop.browser("Bea"), coop.browser("Fay"));
    // Only admins choose the meeting settings.
    let settings = [("paper", "letter"), ("quorum_from_attendance", "true")];
    assert_eq!(
        fay.post_form("/o/coop/meetings/settings", &settings)
            .await
            .status(),
        403
    );
    let bad = ada
        .post_form("/o/coop/meetings/settings", &[("paper", "a3")])
        .await;
    assert_eq!(
        problem_codes(&bad.text().await.unwrap()),
        ["meeting_paper_unknown"]
    );
    assert_eq!(
        ada.post_form("/o/coop/meetings/settings", &settings)
            .await
            .status(),
        303
    );
    let org = lookup::organisation(&app, "coop").await.unwrap();
    assert_eq!(
        (org.paper.as_str(), org.quorum_from_attendance),
        ("letter", true)
    );

    let number = draft(bea, "Bike shed", "Paint it green.", "").await;
    publish(bea, number).await;
    let page = meeting(fay, "General meeting").await;
    // Two of the five members present.
    let fields = [
        (
            format!(
                "attendance-{}",
                membership_id(&app, coop.email("Ada")).await
            ),
            "present",
        ),
        (
            format!(
                "attendance-{}",
                membership_id(&app, coop.email("Bea")).await
            ),
            "present",
        ),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        fay.post_form(&format!("{page}/attendance"), &fields)
            .await
            .status(),
        303
    );
    assert_eq!(
        fay.post_form(
            &format!("{page}/items"),
            &[
                ("title", "Bike shed"),
                ("proposal", &number.to_string()),
                ("notes", "")
            ],
        )
        .await
        .status(),
        303
    );
    let item = item_id(fay, &page, "Bike shed").await;
    // The item offers the round, carrying itself to the form.
    let html = fay.page(&page, 200).await;
    let offer = format!("/o/coop/p/{number}/rounds/new?agenda_item={item}");
    assert!(
        html.contains(&offer.replace('&', "&amp;")) || html.contains(&offer),
        "{html}"
    );
    let form = fay.page(&offer, 200).await;
    assert!(
        form.contains(&format!(r#"name="agenda_item" value="{item}""#)),
        "{form}"
    );

    // Another proposal's item, or a made-up one, is refused.
    let other = draft(bea, "Other", "Text.", "").await;
    publish(bea, other).await;
    let wrong = fay
        .post_form(
            &format!("/o/coop/p/{other}/rounds/new"),
            &[
                ("method", "majority"),
                ("agenda_item", item.as_str()),
                ("closes_at", &local_in(86_400)),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(
        problem_codes(&wrong.text().await.unwrap()),
        ["round_agenda_item_unknown"]
    );
    // The rule names the meeting: half of the two present, not of the five members.
    let preview = fay
        .post_form(
            &format!("/o/coop/p/{number}/rounds/new"),
            &[
                ("method", "majority"),
                ("quorum", "1/2"),
                ("agenda_item", item.as_str()),
                ("closes_at", &local_in(86_400)),
            ],
        )
        .await;
    let preview = preview.text().await.unwrap();
    assert!(
        preview.contains("At least 1 of the 2 members present at General meeting must take part."),
        "{preview}"
    );
    let round = open_round(
        fay,
        number,
        &[
            ("method", "majority"),
            ("quorum", "1/2"),
            ("agenda_item", item.as_str()),
        ],
    )
    .await;
    let stored = round::Entity::find_by_id(round.parse::<uuid::Uuid>().unwrap())
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.quorum_base, Some(2));
    assert_eq!(stored.electorate_size, Some(5), "everyone may still vote");
    let voted = vote(bea, &round, &[("choice", "yes")]).await;
    assert_eq!(
        voted.status(),
        303,
        "{:?}",
        problem_codes(&voted.text().await.unwrap())
    );
    assert_eq!(
        close_now(ada, &round, "The meeting ended.").await.status(),
        303
    );
    // One ballot meets the quorum of the two present (it would not of all five).
    let result = bea.page(&format!("/o/coop/rounds/{round}"), 200).await;
    assert!(result.contains("quorum 1 of 2"), "{result}");
    let minutes = bea
        .get(&format!("{page}/minutes.md"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        minutes.contains(&format!("#### Decision on proposal {number}: Bike shed")),
        "the round is in the meeting's minutes: {minutes}"
    );
    // The PDF is on the organisation's paper.
    let bytes = pdf(bea, &format!("{page}/minutes.pdf")).await;
    let info = poppler("pdfinfo", &bytes, &[]);
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

pub async fn minutes_print_as_a_pdf_a_chair_can_sign_in_the_organisations_language(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .build()
        .await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let number = draft(bea, "Solar <b>roof</b>", "Ten panels.", "").await;
    publish(bea, number).await;
    // A ranked round, so the minutes hold a table of stages.
    let round = open_round(
        ada,
        number,
        &[("method", "irv"), ("options", "Oak\nPine\nElm")],
    )
    .await;
    for (who, first, second) in [("Ada", "0", "1"), ("Bea", "1", "0"), ("Carl", "2", "0")] {
        let response = vote(
            coop.browser(who),
            &round,
            &[("rank1", first), ("rank2", second)],
        )
        .await;
        assert_eq!(response.status(), 303, "{who}");
    }
    assert_eq!(close_now(ada, &round, "").await.status(), 303);
    let page = meeting(ada, "Annual general meeting").await;
    assert_eq!(
        ada.post_form(
            &format!("{page}/items"),
            &[
                ("title", "Solar"),
                ("proposal", &number.to_string()),
                ("notes", "# Discussion\n\nWe *agreed*. `#panic(\"x\")`"),
            ],
        )
        .await
        .status(),
        303
    );
    assert_eq!(
        ada.post_form(&format!("{page}/hold"), &[]).await.status(),
        303
    );
    assert_eq!(
        ada.post_form(&format!("{page}/approve"), &[])
            .await
            .status(),
        303
    );
    let approval = audit_entry::Entity::find()
        .filter(audit_entry::Column::Kind.eq("meeting.minutes_approved"))
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();

    // English, A4: the decision table, the quorum line, the audit hash, page numbers and
    // lines to sign, all read back from the PDF's text.
    let bytes = pdf(bea, &format!("{page}/minutes.pdf")).await;
    let text = poppler("pdftotext", &bytes, &["-layout"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Minutes: Annual general meeting",
        "Decision on proposal",
        "Solar <b>roof</b>",
        "Quorum 3 of 3",
        "Totals at each stage",
        "What happened at each stage",
        approval.hash.as_str(),
        "Page 1 of",
        "Chair",
        "Minute-taker",
        "#panic(\"x\")",
    ] {
        assert!(flat.contains(expected), "{expected:?} in: {flat}");
    }
    let info = poppler("pdfinfo", &bytes, &[]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let png = first_page_png(&bytes);
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 2_000);

    // The organisation writes Catalan: the same PDF in Catalan.
    let org = lookup::organisation(&app, "coop").await.unwrap();
    assert_eq!(
        ada.post_form(
            "/o/coop/settings",
            &[
                ("name", org.name.as_str()),
                ("slug", "coop"),
                ("time_zone", org.time_zone.as_str()),
                ("default_language", "ca"),
                ("description", ""),
            ],
        )
        .await
        .status(),
        303
    );
    let bytes = pdf(bea, &format!("{page}/minutes.pdf")).await;
    let flat = poppler("pdftotext", &bytes, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in ["Pàgina 1 de", "Data", approval.hash.as_str()] {
        assert!(flat.contains(expected), "{expected:?} in: {flat}");
    }
    assert!(!flat.contains("Page 1 of"), "{flat}");
    assert!(!first_page_png(&bytes).is_empty());

    // One decision's minutes print too; the print page has no navigation when printed.
    let decision = pdf(bea, &format!("/o/coop/rounds/{round}/minutes.pdf")).await;
    let flat = poppler("pdftotext", &decision, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("Solar <b>roof</b>"), "{flat}");
    let print = bea.page(&format!("{page}/minutes"), 200).await;
    assert!(print.contains(r#"class="breadcrumbs no-print""#));
    assert!(
        select(&print, "article.minutes b").is_empty(),
        "typed text stays text"
    );
    assert_eq!(select(&print, ".signatures .signature").len(), 4);

    // The meeting as a calendar file, and in the member's feed.
    let ics = bea.get(&format!("{page}/meeting.ics")).await;
    assert_eq!(ics.status(), 200);
    assert_eq!(
        ics.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let ics = ics.text().await.unwrap();
    assert!(ics.contains("SUMMARY:Annual general meeting"), "{ics}");
    assert!(ics.contains("LOCATION:The hall"), "{ics}");
    let address = super::calendar::make_address(bea).await;
    let feed = super::calendar::fetch(bea, &address)
        .await
        .text()
        .await
        .unwrap();
    let feed = feed.replace("\r\n ", "");
    assert!(
        feed.contains("SUMMARY:Annual general meeting (The Co-op)"),
        "{feed}"
    );
    assert!(feed.contains("LOCATION:The hall"), "{feed}");
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    for file in ["meeting.ics", "minutes.pdf", "minutes.md", "minutes.json"] {
        assert_eq!(
            outsider.get(&format!("{page}/{file}")).await.status(),
            404,
            "{file}"
        );
    }
}
