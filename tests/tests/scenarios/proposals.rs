//! Proposals over real HTTP (issue #11, decision-rules.md §2): drafts, co-authors,
//! publishing, numbered revisions and stale edits, withdrawal, groups, bad input, and text
//! that must stay text.

use crate::helpers::{Browser, Db, TestApp, lookup, spawn_app};
use app::domain::roles::Role;
use app::entities::{proposal, proposal_revision};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// Drafts a proposal as `author` and returns its number.
pub(crate) async fn draft(author: &Browser, title: &str, body: &str, group: &str) -> i32 {
    let response = author
        .post_form(
            "/o/coop/proposals/new",
            &[
                ("title", title),
                ("summary", ""),
                ("body", body),
                ("due_on", ""),
                ("group", group),
            ],
        )
        .await;
    let status = response.status().as_u16();
    let location = location(&response);
    assert_eq!(status, 303, "{}", response.text().await.unwrap_or_default());
    location.rsplit('/').next().unwrap().parse().unwrap()
}

pub(crate) fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

pub(crate) async fn publish(author: &Browser, number: i32) {
    author
        .post_redirects(
            &format!("/o/coop/p/{number}/publish"),
            &[],
            &format!("/o/coop/p/{number}"),
        )
        .await;
}

pub(crate) async fn stored(app: &TestApp, number: i32) -> proposal::Model {
    let org = lookup::organisation_id(app, "coop").await;
    proposal::Entity::find()
        .filter(proposal::Column::OrganisationId.eq(org))
        .filter(proposal::Column::Number.eq(number))
        .one(&app.connection)
        .await
        .unwrap()
        .expect("the proposal")
}

pub(crate) async fn revisions(app: &TestApp, number: i32) -> Vec<proposal_revision::Model> {
    let id = stored(app, number).await.id;
    proposal_revision::Entity::find()
        .filter(proposal_revision::Column::ProposalId.eq(id))
        .order_by_asc(proposal_revision::Column::Number)
        .all(&app.connection)
        .await
        .unwrap()
}

pub(crate) async fn edit(
    author: &Browser,
    number: i32,
    version: i32,
    body: &str,
    note: &str,
) -> reqwest::Response {
    author
        .post_form(
            &format!("/o/coop/p/{number}/edit"),
            &[
                ("title", "Solar roof"),
                ("summary", ""),
                ("body", body),
                ("due_on", ""),
                ("note", note),
                ("version", &version.to_string()),
            ],
        )
        .await
}

pub(crate) fn problem_codes(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    // A form's problem summary, or the page that says an action is not allowed.
    let selector =
        scraper::Selector::parse(".problem-summary [data-problem], .message-page[data-problem]")
            .unwrap();
    document
        .select(&selector)
        .filter_map(|e| e.value().attr("data-problem").map(str::to_owned))
        .collect()
}

pub(crate) async fn audit_kinds(app: &TestApp) -> Vec<String> {
    let org = lookup::organisation_id(app, "coop").await;
    app::services::audit::entries(&app.connection, org)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect()
}

pub async fn a_draft_is_its_authors_alone_until_published(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let people = [&coop.admin, coop.browser("Bea")];
    let (ada, bea) = (&people[0], &people[1]);
    let number = draft(bea, "Solar roof", "We install panels.", "").await;
    // Not even an admin sees someone else's draft: not in the list, and "not found".
    ada.page(&format!("/o/coop/p/{number}"), 404).await;
    assert!(!ada.page("/o/coop", 200).await.contains("Solar roof"));
    assert!(bea.page("/o/coop", 200).await.contains("Solar roof"));
    assert_eq!(stored(&app, number).await.revision, 0);
    assert!(
        !audit_kinds(&app)
            .await
            .iter()
            .any(|k| k.starts_with("proposal.")),
        "a draft leaves nothing in the organisation's audit chain"
    );
    publish(bea, number).await;
    let page = ada.page(&format!("/o/coop/p/{number}"), 200).await;
    assert!(page.contains("We install panels."));
    let revisions = revisions(&app, number).await;
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].number, 1);
    assert_eq!(
        audit_kinds(&app).await.last().unwrap(),
        "proposal.published"
    );
    // Publishing twice is refused by the proposal's state.
    let again = bea
        .post_form(&format!("/o/coop/p/{number}/publish"), &[])
        .await;
    assert_eq!(again.status(), 403);
    assert_eq!(
        problem_codes(&again.text().await.unwrap()),
        ["proposal_state"]
    );
}

pub async fn edits_make_numbered_revisions_and_a_stale_edit_is_refused(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let people = [&coop.admin, coop.browser("Bea")];
    let (ada, bea) = (&people[0], &people[1]);
    let number = draft(ada, "Solar roof", "We buy ten panels.", "").await;
    let co_author = lookup::membership_of(&app, "coop", "bea@example.org").await;
    ada.post_redirects(
        &format!("/o/coop/p/{number}/authors"),
        &[("membership", &co_author.id.to_string())],
        &format!("/o/coop/p/{number}"),
    )
    .await;
    publish(ada, number).await;
    let version = stored(&app, number).await.version;
    // Bea saves revision 2 from the current version.
    let saved = edit(bea, number, version, "We buy twelve panels.", "Twelve fit").await;
    assert_eq!(saved.status(), 303);
    // Ada started from the same version: refused, nothing stored, her text kept, the newer
    // text and what changed shown.
    let stale = edit(ada, number, version, "We buy eleven panels.", "").await;
    assert_eq!(stale.status(), 422);
    let html = stale.text().await.unwrap();
    assert_eq!(problem_codes(&html), ["edit_conflict"]);
    let document = scraper::Html::parse_document(&html);
    let text = |css: &str| -> Vec<String> {
        document
            .select(&scraper::Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(text("textarea[name=body]"), ["We buy eleven panels."]);
    assert!(text(".conflict ins")[0].contains("twelve"), "{html}");
    assert!(text(".conflict del")[0].contains("ten"), "{html}");
    let revisions_now = revisions(&app, number).await;
    assert_eq!(revisions_now.len(), 2);
    assert_eq!(revisions_now[1].body, "We buy twelve panels.");
    assert_eq!(revisions_now[1].note, "Twelve fit");
    // The form now carries the stored version: saving again is her decision.
    let current = stored(&app, number).await.version;
    assert!(html.contains(&format!("name=\"version\" value=\"{current}\"")));
    assert_eq!(
        edit(ada, number, current, "We buy eleven panels.", "")
            .await
            .status(),
        303
    );
    // Saving the same text again is "nothing changed".
    let same = edit(ada, number, current + 1, "We buy eleven panels.", "").await;
    assert_eq!(same.status(), 422);
    assert_eq!(
        problem_codes(&same.text().await.unwrap()),
        ["proposal_unchanged"]
    );
    // Every revision stays readable; any two compare word by word.
    assert!(
        ada.page(&format!("/o/coop/p/{number}/r/1"), 200)
            .await
            .contains("We buy ten panels.")
    );
    let compared = ada
        .page(&format!("/o/coop/p/{number}/compare?from=1&to=3"), 200)
        .await;
    let document = scraper::Html::parse_document(&compared);
    let changed: Vec<String> = document
        .select(&scraper::Selector::parse(".diff ins, .diff del").unwrap())
        .map(|e| e.text().collect::<String>())
        .collect();
    assert!(changed.iter().any(|c| c.contains("ten")), "{changed:?}");
    assert!(changed.iter().any(|c| c.contains("eleven")), "{changed:?}");
    ada.page(&format!("/o/coop/p/{number}/r/9"), 404).await;
    let kinds = audit_kinds(&app).await;
    assert_eq!(
        kinds.iter().filter(|k| *k == "proposal.revised").count(),
        2,
        "{kinds:?}"
    );
}

pub async fn only_authors_edit_and_co_authors_are_active_members_who_may_author(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Obi", Role::Observer)
        .member("Sue", Role::Member)
        .build()
        .await;
    let people = [
        &coop.admin,
        coop.browser("Bea"),
        coop.browser("Carl"),
        coop.browser("Obi"),
        coop.browser("Sue"),
    ];
    let (ada, bea, carl, obi) = (&people[0], &people[1], &people[2], &people[3]);
    let sue = lookup::membership_of(&app, "coop", "sue@example.org").await;
    ada.post_redirects(
        &format!("/o/coop/members/{}/suspend", sue.id),
        &[],
        "/o/coop/members",
    )
    .await;
    // Observers read and comment but never author.
    let refused = obi
        .post_form(
            "/o/coop/proposals/new",
            &[("title", "Mine"), ("body", "Text")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["role_too_low"]
    );
    let number = draft(bea, "Solar roof", "Text", "").await;
    publish(bea, number).await;
    let version = stored(&app, number).await.version;
    // Someone who is not an author may not edit, whatever their role.
    for (who, browser) in [("carl", carl), ("ada", ada)] {
        let response = edit(browser, number, version, "Changed", "").await;
        assert_eq!(response.status(), 403, "{who}");
        assert_eq!(
            problem_codes(&response.text().await.unwrap()),
            ["not_an_author"],
            "{who}"
        );
    }
    // Co-authors: not an observer, not a suspended member, not twice.
    for (email, code) in [
        ("obi@example.org", "co_author_observer"),
        ("sue@example.org", "co_author_not_active"),
        ("bea@example.org", "already_an_author"),
    ] {
        let member = lookup::membership_of(&app, "coop", email).await;
        let response = bea
            .post_form(
                &format!("/o/coop/p/{number}/authors"),
                &[("membership", &member.id.to_string())],
            )
            .await;
        assert_eq!(response.status(), 422, "{email}");
        assert_eq!(
            problem_codes(&response.text().await.unwrap()),
            [code],
            "{email}"
        );
    }
    let carl_member = lookup::membership_of(&app, "coop", "carl@example.org").await;
    bea.post_redirects(
        &format!("/o/coop/p/{number}/authors"),
        &[("membership", &carl_member.id.to_string())],
        &format!("/o/coop/p/{number}"),
    )
    .await;
    assert_eq!(
        edit(carl, number, version, "Carl's text", "")
            .await
            .status(),
        303
    );
    assert_eq!(stored(&app, number).await.body, "Carl's text");
    assert!(
        audit_kinds(&app)
            .await
            .contains(&"proposal.co_author_added".to_owned())
    );
}

pub async fn group_proposals_are_authored_by_the_groups_members(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .build()
        .await;
    let people = [&coop.admin, coop.browser("Bea"), coop.browser("Carl")];
    let (ada, bea, carl) = (&people[0], &people[1], &people[2]);
    ada.post_redirects(
        "/o/coop/groups",
        &[
            ("name", "Housing"),
            ("slug", "housing"),
            ("description", ""),
        ],
        "/o/coop/groups",
    )
    .await;
    let bea_member = lookup::membership_of(&app, "coop", "bea@example.org").await;
    ada.post_redirects(
        "/o/coop/groups/housing/members/add",
        &[("membership", &bea_member.id.to_string())],
        "/o/coop/groups",
    )
    .await;
    let outside = carl
        .post_form(
            "/o/coop/proposals/new",
            &[("title", "Flat 12"), ("body", "Text"), ("group", "housing")],
        )
        .await;
    assert_eq!(outside.status(), 403);
    assert_eq!(
        problem_codes(&outside.text().await.unwrap()),
        ["not_in_group"]
    );
    let unknown = bea
        .post_form(
            "/o/coop/proposals/new",
            &[("title", "Flat 12"), ("body", "Text"), ("group", "nope")],
        )
        .await;
    assert_eq!(unknown.status(), 422);
    let number = draft(bea, "Flat 12", "Text", "housing").await;
    let carl_member = lookup::membership_of(&app, "coop", "carl@example.org").await;
    let refused = bea
        .post_form(
            &format!("/o/coop/p/{number}/authors"),
            &[("membership", &carl_member.id.to_string())],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["co_author_not_in_group"]
    );
    publish(bea, number).await;
    let everyone = draft(carl, "Bike shed", "Text", "").await;
    publish(carl, everyone).await;
    // The list shows a group's proposals alone when asked.
    let housing = carl.page("/o/coop?group=housing", 200).await;
    assert!(housing.contains("Flat 12") && !housing.contains("Bike shed"));
    let all = carl.page("/o/coop", 200).await;
    assert!(all.contains("Flat 12") && all.contains("Bike shed"));
    assert!(
        !carl
            .page("/o/coop?group=nope", 200)
            .await
            .contains("Flat 12")
    );
    // The whole organisation reads it.
    assert!(
        carl.page(&format!("/o/coop/p/{number}"), 200)
            .await
            .contains("Housing")
    );
}

pub async fn withdrawing_needs_a_reason_and_ends_editing(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let people = [&coop.admin, coop.browser("Bea")];
    let bea = &people[1];
    let number = draft(bea, "Solar roof", "Text", "").await;
    // A draft is not withdrawn: it is simply not published.
    let early = bea
        .post_form(&format!("/o/coop/p/{number}/withdraw"), &[("reason", "No")])
        .await;
    assert_eq!(early.status(), 403);
    publish(bea, number).await;
    let empty = bea
        .post_form(
            &format!("/o/coop/p/{number}/withdraw"),
            &[("reason", "   ")],
        )
        .await;
    assert_eq!(empty.status(), 422);
    assert_eq!(problem_codes(&empty.text().await.unwrap()), ["text_length"]);
    assert_eq!(
        stored(&app, number).await.state,
        app::domain::proposal::ProposalState::Discussion
    );
    bea.post_redirects(
        &format!("/o/coop/p/{number}/withdraw"),
        &[("reason", "The council does it for us.")],
        &format!("/o/coop/p/{number}"),
    )
    .await;
    let page = people[0].page(&format!("/o/coop/p/{number}"), 200).await;
    assert!(page.contains("The council does it for us."));
    let version = stored(&app, number).await.version;
    let response = edit(bea, number, version, "Changed", "").await;
    assert_eq!(response.status(), 403);
    assert_eq!(
        problem_codes(&response.text().await.unwrap()),
        ["proposal_state"]
    );
    assert_eq!(
        audit_kinds(&app).await.last().unwrap(),
        "proposal.withdrawn"
    );
}

pub async fn bad_proposal_input_is_refused_by_rule_and_nothing_is_stored(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let people = [&coop.admin];
    let ada = &people[0];
    let megabyte = "a".repeat(1_000_000);
    let long_title = "t".repeat(201);
    let cases: [(&str, &str, &str, &str); 5] = [
        (&long_title, "Text", "", "text_length"),
        ("Title", " \n ", "", "text_length"),
        ("Title", &megabyte, "", "text_length"),
        ("Title", "Text", "5/12/2026", "due_date_malformed"),
        ("Title", "Text", "2001-01-01", "due_date_in_the_past"),
    ];
    for (title, body, due_on, code) in cases {
        let response = ada
            .post_form(
                "/o/coop/proposals/new",
                &[("title", title), ("body", body), ("due_on", due_on)],
            )
            .await;
        assert_eq!(response.status(), 422, "{code}");
        let html = response.text().await.unwrap();
        assert_eq!(problem_codes(&html), [code]);
        if body.len() < 100 && !body.trim().is_empty() {
            // What was typed is kept.
            assert!(html.contains(&format!(">{body}</textarea>")), "{code}");
        }
    }
    let org = lookup::organisation_id(&app, "coop").await;
    let count = proposal::Entity::find()
        .filter(proposal::Column::OrganisationId.eq(org))
        .all(&app.connection)
        .await
        .unwrap()
        .len();
    assert_eq!(count, 0, "nothing stored");
}

pub async fn people_without_standing_cannot_reach_or_change_proposals(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let people = [&coop.admin, coop.browser("Bea")];
    let bea = &people[1];
    let number = draft(bea, "Solar roof", "Text", "").await;
    publish(bea, number).await;
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    outsider.page(&format!("/o/coop/p/{number}"), 404).await;
    let version = stored(&app, number).await.version;
    for (path, form) in [
        (
            "/o/coop/proposals/new".to_owned(),
            vec![("title", "T"), ("body", "B")],
        ),
        (format!("/o/coop/p/{number}/publish"), vec![]),
        (
            format!("/o/coop/p/{number}/withdraw"),
            vec![("reason", "mine now")],
        ),
    ] {
        let response = outsider.post_form(&path, &form).await;
        assert_eq!(response.status(), 404, "{path}");
    }
    let response = edit(&outsider, number, version, "Mine", "").await;
    assert_eq!(response.status(), 404);
    // Signed out: sent to sign in.
    let nobody = app.browser();
    let response = edit(&nobody, number, version, "Mine", "").await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/signin?next="));
    assert_eq!(stored(&app, number).await.body, "Text", "nothing changed");
    assert_eq!(stored(&app, number).await.version, version);
}

/// Two authors save against the same version at the same moment: one revision is made, the
/// other edit is refused as stale (the organisation is locked before the version is read).
pub async fn two_authors_saving_at_once_make_one_revision(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let people = [&coop.admin, coop.browser("Bea")];
    let (ada, bea) = (&people[0], &people[1]);
    let number = draft(ada, "Solar roof", "Text", "").await;
    let co_author = lookup::membership_of(&app, "coop", "bea@example.org").await;
    ada.post_redirects(
        &format!("/o/coop/p/{number}/authors"),
        &[("membership", &co_author.id.to_string())],
        &format!("/o/coop/p/{number}"),
    )
    .await;
    publish(ada, number).await;
    let version = stored(&app, number).await.version;
    for round in 0..5 {
        let version = version + round;
        let (ada_text, bea_text) = (format!("Ada's text {round}"), format!("Bea's text {round}"));
        let (a, b) = tokio::join!(
            edit(ada, number, version, &ada_text, ""),
            edit(bea, number, version, &bea_text, ""),
        );
        let mut statuses = [a.status().as_u16(), b.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [303, 422], "round {round}");
    }
    let revisions = revisions(&app, number).await;
    assert_eq!(revisions.len(), 6);
    let numbers: Vec<i32> = revisions.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
}
