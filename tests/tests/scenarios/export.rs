//! `quorate export --org SLUG` and `quorate verify FILE` (issue #13, decision-rules.md §8):
//! an export verifies with every closed round counted again, and each kind of tampering is
//! named precisely; a truncated file or another schema version is refused with the reason.

use super::backup::{quorate as quorate_at, stderr};
use super::rounds::{close_now, open_round, proposal, three, vote};
use crate::helpers::{Db, TestApp, lookup, spawn_app};
use app::domain::roles::Role;
use serde_json::Value;
use std::process::Output;

fn quorate(app: &TestApp, args: &[&str]) -> Output {
    quorate_at(app, &app.db.url, args)
}

/// Writes `document` to a file and verifies it: (success, what it printed).
fn verify(app: &TestApp, name: &str, document: &str) -> (bool, String) {
    let path = app.db.dir.path().join(name);
    std::fs::write(&path, document).unwrap();
    let output = quorate(app, &["verify", path.to_str().unwrap()]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

fn round_of(document: &mut Value, secret: bool) -> &mut Value {
    document["rounds"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["secret"] == secret && r["state"] == "closed")
        .unwrap()
}

pub async fn an_export_verifies_and_names_each_kind_of_tampering(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let ada = &coop.admin;
    // An open IRV round and a secret majority round, both closed.
    let number = proposal(&coop, "Trees").await;
    let irv = open_round(
        ada,
        number,
        &[("method", "irv"), ("options", "Oak\nPine\nElm")],
    )
    .await;
    for (who, ranks) in [
        ("Ada", ["0", "1"]),
        ("Bea", ["1", "0"]),
        ("Carl", ["2", "0"]),
    ] {
        let response = vote(
            coop.browser(who),
            &irv,
            &[("rank1", ranks[0]), ("rank2", ranks[1])],
        )
        .await;
        assert_eq!(response.status(), 303);
    }
    assert_eq!(close_now(ada, &irv, "").await.status(), 303);
    let number = proposal(&coop, "Budget").await;
    let secret = open_round(ada, number, &[("method", "majority"), ("secret", "on")]).await;
    for who in ["Ada", "Bea", "Carl"] {
        let response = vote(coop.browser(who), &secret, &[("choice", "yes")]).await;
        assert_eq!(response.status(), 201, "{who}");
    }
    assert_eq!(close_now(ada, &secret, "").await.status(), 303);
    // A meeting whose minutes were approved.
    approved_meeting(ada, None).await;

    let exported = quorate(&app, &["export", "--org", "coop"]);
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let text = String::from_utf8(exported.stdout).unwrap();
    let document: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(document["format"], "quorate-organisation-export");
    assert_eq!(document["version"], 2);
    let (ok, said) = verify(&app, "org.json", &text);
    assert!(ok, "{said}");
    assert!(said.contains("2 rounds recounted, all equal."), "{said}");
    // The secret round's ballots carry receipts and no member.
    let mut copy = document.clone();
    let ballots = round_of(&mut copy, true)["ballots"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(ballots.len(), 3);
    assert!(
        ballots
            .iter()
            .all(|b| b.get("member").is_none() && b["receipt"].is_string())
    );

    // A changed ballot: Carl's open ballot now ranks Pine first.
    let mut changed = document.clone();
    let carl_id = changed["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Carl")
        .unwrap()["id"]
        .clone();
    let round = round_of(&mut changed, false);
    let carls = round["ballots"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|b| b["member"] == carl_id)
        .unwrap();
    carls["marks"] = serde_json::json!({ "ranking": [[1]] });
    let (ok, said) = verify(&app, "changed-ballot.json", &changed.to_string());
    assert!(!ok);
    assert!(
        said.contains("Round 1 of proposal 1: the ballot of Carl differs from the one the audit chain recorded at entry"),
        "{said}"
    );

    // A removed ballot in the secret round.
    let mut removed = document.clone();
    let round = round_of(&mut removed, true);
    let gone = round["ballots"].as_array_mut().unwrap().remove(0);
    let (ok, said) = verify(&app, "removed-ballot.json", &removed.to_string());
    assert!(!ok);
    let receipt = gone["receipt"].as_str().unwrap();
    assert!(
        said.contains(&format!("the ballot with receipt {receipt} is missing")),
        "{said}"
    );
    assert!(
        said.contains("2 ballots are exported, but 3 were counted at its close"),
        "{said}"
    );

    // A changed audit entry.
    let mut entry = document.clone();
    let entries = entry["audit"].as_array_mut().unwrap();
    entries[2]["data"]["tampered"] = Value::Bool(true);
    let seq = entries[2]["seq"].as_u64().unwrap();
    let (ok, said) = verify(&app, "changed-entry.json", &entry.to_string());
    assert!(!ok);
    assert!(
        said.contains(&format!("The audit chain breaks at entry {seq}")),
        "{said}"
    );

    // A changed stored result: the report says something else.
    let mut result = document.clone();
    let round = round_of(&mut result, true);
    let report = round["result"]["report"]
        .as_str()
        .unwrap()
        .replace("adopted", "not-adopted");
    round["result"]["report"] = Value::String(report);
    let (ok, said) = verify(&app, "changed-result.json", &result.to_string());
    assert!(!ok);
    assert!(
        said.contains("Round 1 of proposal 2: the stored result was changed"),
        "{said}"
    );

    // A changed meeting record: its approved version no longer gives its digest.
    let mut minutes = document.clone();
    let version = &mut minutes["meetings"][0]["versions"][0];
    let record = version["record"]
        .as_str()
        .unwrap()
        .replace("We met.", "We never met.");
    version["record"] = Value::String(record);
    let (ok, said) = verify(&app, "changed-minutes.json", &minutes.to_string());
    assert!(!ok);
    assert!(
        said.contains("Meeting 1, version 1 of its minutes: the approved record gives the digest"),
        "{said}"
    );

    // Not an export at all, cut short, or of another version: one clear line, exit 1.
    let (ok, said) = verify(&app, "truncated.json", &text[..text.len() / 2]);
    assert!(
        !ok && said.contains("not a complete JSON document"),
        "{said}"
    );
    let mut later = document.clone();
    later["version"] = Value::from(3);
    let (ok, said) = verify(&app, "later.json", &later.to_string());
    assert!(!ok && said.contains("schema version 3"), "{said}");
    assert_eq!(said.trim().lines().count(), 1, "{said}");
}

pub async fn only_admins_download_the_organisations_export(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Obe", Role::Observer)
        .member("Fay", Role::Facilitator)
        .member("Sue", Role::Admin)
        .group("Housing", "housing")
        .build()
        .await;
    let sue = lookup::membership_of(&app, "coop", coop.email("Sue"))
        .await
        .id;
    coop.admin
        .post_redirects(
            &format!("/o/coop/members/{sue}/suspend"),
            &[],
            "/o/coop/members",
        )
        .await;
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    let anonymous = app.browser();
    for (who, browser, status) in [
        ("someone not signed in", &anonymous, 403),
        ("a non-member", &outsider, 404),
        ("an observer", coop.browser("Obe"), 403),
        ("a member", coop.browser("Bea"), 403),
        ("a facilitator", coop.browser("Fay"), 403),
        ("a suspended admin", coop.browser("Sue"), 403),
    ] {
        let response = browser.get("/o/coop/export.json").await;
        assert_eq!(response.status(), status, "{who}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("quorate-organisation-export"), "{who}");
    }
    let response = coop.admin.get("/o/coop/export.json").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"coop.json\""
    );
    let document = app::domain::export::read(&response.text().await.unwrap()).unwrap();
    assert_eq!(document.organisation.slug, "coop");
    assert_eq!(document.members.len(), 5);
    assert!(app::domain::export::verify(&document).holds());
    // The admin's settings page links to it; nobody else's does.
    let page = coop.admin.page("/o/coop/settings", 200).await;
    assert!(page.contains(r#"href="/o/coop/export.json""#));
}

/// The export minus its instance fields (`exported_at`, `instance`: docs/formats.md).
fn record(text: &str) -> Value {
    let mut document: Value = serde_json::from_str(text).unwrap();
    let object = document.as_object_mut().unwrap();
    object.remove("exported_at");
    object.remove("instance");
    document
}

pub async fn an_export_imported_into_the_other_engine_exports_the_same(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Fay", Role::Facilitator)
        .group("Housing", "housing")
        .build()
        .await;
    let ada = &coop.admin;
    // A proposal with an amendment, a comment hidden by a facilitator and a reply.
    let number = proposal(&coop, "Trees").await;
    let amended = super::amendments::propose(
        coop.browser("Carl"),
        number,
        1,
        "Plant oaks.",
        "Oaks live longer.",
    )
    .await;
    assert_eq!(amended.status(), 303);
    let comment = super::comments::post(coop.browser("Bea"), number, "Something rude.", "").await;
    super::comments::post(coop.browser("Carl"), number, "Please be kind.", &comment).await;
    let hidden = coop
        .browser("Fay")
        .post_form(
            &format!("/o/coop/p/{number}/c/{comment}/hide"),
            &[("reason", "Personal attack")],
        )
        .await;
    assert_eq!(hidden.status(), 303);
    // A closed open-ballot round, a closed secret round, a scheduled one.
    let irv = open_round(
        ada,
        number,
        &[("method", "irv"), ("options", "Oak\nPine\nElm")],
    )
    .await;
    for (who, first) in [("Ada", "0"), ("Bea", "1"), ("Carl", "0")] {
        let response = vote(coop.browser(who), &irv, &[("rank1", first)]).await;
        assert_eq!(response.status(), 303);
    }
    assert_eq!(close_now(ada, &irv, "Enough.").await.status(), 303);
    let budget = proposal(&coop, "Budget").await;
    let secret = open_round(ada, budget, &[("method", "majority"), ("secret", "on")]).await;
    for who in ["Bea", "Carl"] {
        assert_eq!(
            vote(coop.browser(who), &secret, &[("choice", "no")])
                .await
                .status(),
            201
        );
    }
    assert_eq!(close_now(ada, &secret, "Enough.").await.status(), 303);
    let later = proposal(&coop, "Later").await;
    // A meeting, its attendance the quorum reference; the scheduled round comes from it.
    assert_eq!(
        ada.post_form(
            "/o/coop/meetings/settings",
            &[("paper", "letter"), ("quorum_from_attendance", "true")],
        )
        .await
        .status(),
        303
    );
    let item = approved_meeting(ada, Some(later)).await;
    let opens = super::rounds::local_in(7 * 24 * 3600);
    let closes = super::rounds::local_in(8 * 24 * 3600);
    open_round(
        ada,
        later,
        &[
            ("method", "consent"),
            ("opens_at", &opens),
            ("closes_at", &closes),
            ("agenda_item", &item),
        ],
    )
    .await;

    let exported = quorate(&app, &["export", "--org", "coop"]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let first = String::from_utf8(exported.stdout).unwrap();
    let file = app.db.dir.path().join("coop.json");
    std::fs::write(&file, &first).unwrap();
    let file_arg = file.to_str().unwrap();
    let document = record(&first);
    assert_eq!(document["groups"][0]["slug"], "housing");
    let comments = document["proposals"][0]["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 2);
    assert_eq!(
        comments[0]["hidden_reason"], "Personal attack",
        "hidden ones flagged"
    );
    assert_eq!(
        document["proposals"][0]["amendments"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(document["rounds"].as_array().unwrap().len(), 3);
    assert_eq!(document["organisation"]["paper"], "letter");
    assert_eq!(document["rounds"][2]["agenda_item"], item.as_str());
    let meeting = &document["meetings"][0];
    assert_eq!(meeting["items"][0]["actions"][0]["text"], "Book the hall");
    assert_eq!(meeting["versions"].as_array().unwrap().len(), 1);

    // Into the other engine, and out again: the same record.
    let other = if matches!(db, Db::Sqlite) {
        Db::Postgres
    } else {
        Db::Sqlite
    };
    let target = crate::helpers::TestDb::new(other).await;
    let imported = quorate_at(&app, &target.url, &["import", file_arg]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let said = String::from_utf8_lossy(&imported.stdout);
    assert!(said.starts_with("Imported "), "{said}");
    assert!(said.contains("the audit chain holds"), "{said}");
    let again = quorate_at(&app, &target.url, &["export", "--org", "coop"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let second = String::from_utf8(again.stdout).unwrap();
    assert_eq!(
        record(&second),
        document,
        "export, import into the other engine, export again"
    );
    let verified = quorate_at(&app, &target.url, &["audit", "verify", "--org", "coop"]);
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stdout)
    );

    // Refused, changing nothing: the same organisation again, a tampered export, an open round.
    let twice = quorate_at(&app, &target.url, &["import", file_arg]);
    assert!(!twice.status.success());
    assert!(
        stderr(&twice).contains("is already here, so nothing was imported"),
        "{}",
        stderr(&twice)
    );
    let fresh = crate::helpers::TestDb::new(other).await;
    let mut tampered: Value = serde_json::from_str(&first).unwrap();
    let entries = tampered["audit"].as_array_mut().unwrap();
    entries[1]["data"]["tampered"] = Value::Bool(true);
    let tampered_file = app.db.dir.path().join("tampered.json");
    std::fs::write(&tampered_file, tampered.to_string()).unwrap();
    let refused = quorate_at(
        &app,
        &fresh.url,
        &["import", tampered_file.to_str().unwrap()],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains(
            "does not verify, so nothing was imported: The audit chain breaks at entry 2"
        ),
        "{}",
        stderr(&refused)
    );
    let empty = quorate_at(&app, &fresh.url, &["export", "--org", "coop"]);
    assert!(
        stderr(&empty).contains("there is no organisation"),
        "{}",
        stderr(&empty)
    );
    let open = proposal(&coop, "Open").await;
    open_round(ada, open, &[("method", "majority")]).await;
    let with_open = quorate(&app, &["export", "--org", "coop"]);
    std::fs::write(&file, &with_open.stdout).unwrap();
    let refused = quorate_at(&app, &fresh.url, &["import", file_arg]);
    assert!(
        stderr(&refused).contains("is still open"),
        "{}",
        stderr(&refused)
    );
}

/// A meeting with one agenda item (about proposal `about`, if any) and an action point,
/// held and approved by `admin`; the item's id.
async fn approved_meeting(admin: &crate::helpers::Browser, about: Option<i32>) -> String {
    let starts = super::rounds::local_in(3600);
    let created = admin
        .post_form(
            "/o/coop/meetings/new",
            &[
                ("title", "General meeting"),
                ("starts_at", starts.as_str()),
                ("place", "The hall"),
                ("link", ""),
            ],
        )
        .await;
    assert_eq!(created.status(), 303);
    let page = super::proposals::location(&created);
    let proposal = about.map(|n| n.to_string()).unwrap_or_default();
    let added = admin
        .post_form(
            &format!("{page}/items"),
            &[
                ("title", "Hall"),
                ("proposal", &proposal),
                ("notes", "We met."),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let html = admin.page(&page, 200).await;
    let item = scraper::Html::parse_document(&html)
        .select(&scraper::Selector::parse("li.agenda-item").unwrap())
        .next()
        .and_then(|li| li.value().id())
        .unwrap()
        .trim_start_matches("item-")
        .to_owned();
    let action = admin
        .post_form(
            &format!("{page}/items/{item}/actions"),
            &[
                ("item", &item),
                ("text", "Book the hall"),
                ("owner", ""),
                ("due", "2027-02-01"),
            ],
        )
        .await;
    assert_eq!(action.status(), 303);
    for step in ["hold", "approve"] {
        assert_eq!(
            admin
                .post_form(&format!("{page}/{step}"), &[])
                .await
                .status(),
            303,
            "{step}"
        );
    }
    item
}
