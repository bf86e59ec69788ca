//! Decision rounds over real HTTP (issue #12, decision-rules.md §3–§7): a facilitator
//! confirms a round's rule and opens it, members vote with the method's form, the server
//! refuses what breaks a rule (naming it, keeping what was typed), and the round closes
//! exactly once, counted by `tally`, with its result, ballots and files published.

use super::{
    amendments::propose,
    proposals::{audit_kinds, draft, location, problem_codes, publish, stored},
};
use crate::helpers::{Browser, Db, TestApp, coop::Coop, lookup, spawn_app};
use app::{
    domain::{proposal::ProposalState, roles::Role, round::RoundState},
    entities::{ballot, round, secret_ballot, voter_roll},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use std::time::Duration;

/// `at` from now (seconds) as the organisation's zone (Europe/Madrid) writes it.
pub(crate) fn local_in(seconds: i64) -> String {
    let at = chrono::Utc::now() + chrono::Duration::seconds(seconds);
    at.with_timezone(&chrono_tz::Europe::Madrid)
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

/// A week from now, as the form's control sends it.
fn next_week() -> String {
    local_in(7 * 24 * 3600)
}

/// Creates and confirms a round on proposal `number` with `fields` (method and its
/// parameters, options, …; a closing time a week away unless given). Returns its id.
pub(crate) async fn open_round(
    facilitator: &Browser,
    number: i32,
    fields: &[(&str, &str)],
) -> String {
    let response = create_round(facilitator, number, fields, true).await;
    assert_eq!(response.status(), 303, "the round is created");
    let at = location(&response);
    at.trim_start_matches("/o/coop/rounds/").to_owned()
}

/// Posts the round form (confirmed or not).
async fn create_round(
    facilitator: &Browser,
    number: i32,
    fields: &[(&str, &str)],
    confirm: bool,
) -> reqwest::Response {
    let closes = next_week();
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    if !fields.iter().any(|(k, _)| *k == "closes_at") {
        form.push(("closes_at", &closes));
    }
    if confirm {
        form.push(("confirm", "yes"));
    }
    facilitator
        .post_form(&format!("/o/coop/p/{number}/rounds/new"), &form)
        .await
}

/// Casts a ballot; returns the response.
pub(crate) async fn vote(
    voter: &Browser,
    round: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    voter
        .post_form(&format!("/o/coop/rounds/{round}/ballot"), fields)
        .await
}

async fn stored_round(app: &TestApp, id: &str) -> round::Model {
    round::Entity::find_by_id(id.parse::<uuid::Uuid>().unwrap())
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap()
}

/// A published proposal by Bea, numbered as returned.
pub(crate) async fn proposal(coop: &Coop, title: &str) -> i32 {
    let bea = coop.browser("Bea");
    let number = draft(bea, title, "We install ten panels.", "").await;
    publish(bea, number).await;
    number
}

/// Ada (admin), Bea and Carl (members): three voters.
pub(crate) async fn three(app: &TestApp) -> Coop {
    app.coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .build()
        .await
}

/// The text of the elements matching `selector`.
fn text_of(html: &str, selector: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) async fn close_now(
    facilitator: &Browser,
    round: &str,
    reason: &str,
) -> reqwest::Response {
    facilitator
        .post_form(
            &format!("/o/coop/rounds/{round}/close"),
            &[("reason", reason)],
        )
        .await
}

pub async fn a_two_thirds_majority_is_met_exactly_under_at_least_and_not_under_more_than(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let ada = &coop.admin;
    for (comparison, adopted) in [("at-least", true), ("more-than", false)] {
        let number = proposal(&coop, &format!("Solar roof {comparison}")).await;
        let fields = [
            ("method", "majority"),
            ("threshold", "2/3"),
            ("comparison", comparison),
            ("quorum", "1/3"),
        ];
        // First the rule in plain words, nothing stored.
        let preview = create_round(ada, number, &fields, false).await;
        assert_eq!(preview.status(), 201);
        let html = preview.text().await.unwrap();
        let statement = text_of(&html, ".statement");
        let words = if adopted {
            "at least 2/3"
        } else {
            "more than 2/3"
        };
        assert!(
            statement.contains(&format!(
                "Adopted if {words} of the votes for or against are yes."
            )),
            "{statement}"
        );
        assert!(
            statement.contains("At least 1 of the 3 members of The Co-op must take part."),
            "{statement}"
        );
        assert!(statement.contains("(Europe/Madrid)"), "{statement}");
        assert_eq!(
            round::Entity::find().count(&app.connection).await.unwrap() as usize,
            usize::from(!adopted)
        );
        let id = open_round(ada, number, &fields).await;
        assert_eq!(stored_round(&app, &id).await.state, RoundState::Open);
        for (who, choice) in [("Ada", "yes"), ("Bea", "yes"), ("Carl", "no")] {
            let response = vote(coop.browser(who), &id, &[("choice", choice)]).await;
            assert_eq!(response.status(), 303, "{who} votes");
        }
        // Everyone voted: a facilitator may close without a reason.
        assert_eq!(close_now(ada, &id, "").await.status(), 303);
        let closed = stored_round(&app, &id).await;
        assert_eq!(closed.state, RoundState::Closed);
        let page = coop
            .browser("Carl")
            .page(&format!("/o/coop/rounds/{id}"), 200)
            .await;
        let outcome = text_of(&page, ".outcome");
        if adopted {
            assert!(
                outcome.starts_with(
                    "Adopted: 2 yes of 3 counted (66.7 %), threshold 2/3; quorum 3 of 3"
                ),
                "{outcome}"
            );
        } else {
            assert!(
                outcome.starts_with("Not adopted: 2 yes of 3 counted"),
                "{outcome}"
            );
        }
        // After the close members see who voted what (an open ballot).
        let ballots = text_of(&page, "#ballots ~ div table");
        assert!(
            ballots.contains("Carl") && ballots.contains("no"),
            "{ballots}"
        );
        // With quorum met, the proposal is decided.
        assert_eq!(stored(&app, number).await.state, ProposalState::Decided);
    }
    let kinds = audit_kinds(&app).await;
    for kind in [
        "round.created",
        "round.opened",
        "ballot.cast",
        "round.closed",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
}

pub async fn an_objection_needs_a_reason_and_an_open_ballot_can_change_until_close(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Solar roof").await;
    let id = open_round(&coop.admin, number, &[("method", "consent")]).await;
    let carl = coop.browser("Carl");
    let refused = vote(carl, &id, &[("position", "object"), ("reason", "  ")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert_eq!(problem_codes(&html), ["objection_without_reason"]);
    // The form keeps the position chosen.
    assert!(
        html.contains(r#"id="ballot-position-object" name="position" value="object" checked"#),
        "kept"
    );
    assert_eq!(
        ballot::Entity::find().count(&app.connection).await.unwrap(),
        0
    );
    let accepted = vote(
        carl,
        &id,
        &[("position", "object"), ("reason", "The roof leaks.")],
    )
    .await;
    assert_eq!(accepted.status(), 303);
    // Changed before close: the latest counts, both versions are in the audit chain.
    let changed = vote(
        carl,
        &id,
        &[("position", "concern"), ("reason", "Fix the roof first.")],
    )
    .await;
    assert_eq!(changed.status(), 303);
    let stored_ballot = ballot::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored_ballot.version, 2);
    let kinds = audit_kinds(&app).await;
    assert!(
        kinds.contains(&"ballot.cast".to_owned()) && kinds.contains(&"ballot.changed".to_owned())
    );
    // Closing early without everyone having voted needs a reason.
    let refused = close_now(&coop.admin, &id, "").await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["round_early_close_needs_reason"]
    );
    assert_eq!(
        close_now(&coop.admin, &id, "The meeting decided now.")
            .await
            .status(),
        303
    );
    let page = carl.page(&format!("/o/coop/rounds/{id}"), 200).await;
    assert!(text_of(&page, ".outcome").starts_with("Adopted by consent: 0 objections"));
    assert!(
        text_of(&page, ".report").contains("Fix the roof first."),
        "the concern's reason is in the report"
    );
    // And on the page itself: the positions counted, the concern with its reason.
    assert_eq!(
        text_of(&page, "[data-testid=concerns]").trim(),
        "Fix the roof first."
    );
    let positions = text_of(&page, "[data-testid=positions] tbody");
    assert!(
        positions.contains("I consent, with a concern1") && positions.contains("I object0"),
        "{positions}"
    );
}

pub async fn each_method_refuses_a_ballot_that_breaks_its_rule_and_counts_the_rest(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let (ada, bea, carl) = (&coop.admin, coop.browser("Bea"), coop.browser("Carl"));
    let options = ("options", "Oak\nPine\nElm");

    // Dot vote over its points: refused, naming the total.
    let number = proposal(&coop, "Trees (dot)").await;
    let dot = open_round(ada, number, &[("method", "dot"), ("points", "10"), options]).await;
    let refused = vote(bea, &dot, &[("o0", "6"), ("o1", "5")]).await;
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert_eq!(problem_codes(&html), ["points_over_budget"]);
    assert!(
        html.contains("11 points given; each member has 10"),
        "the total is named"
    );
    assert_eq!(
        vote(bea, &dot, &[("o0", "6"), ("o1", "4")]).await.status(),
        303
    );

    // Quadratic over budget: refused with its cost.
    let number = proposal(&coop, "Trees (quadratic)").await;
    let quadratic = open_round(
        ada,
        number,
        &[("method", "quadratic"), ("credits", "100"), options],
    )
    .await;
    let refused = vote(bea, &quadratic, &[("o0", "8"), ("o1", "7")]).await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("This ballot costs 113 voice credits; each member has 100.")
    );
    let refused = vote(bea, &quadratic, &[("o0", "-3")]).await;
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["negative_votes_not_allowed"]
    );

    // IRV: an option at two ranks is refused; ballots ranked with selects count.
    let number = proposal(&coop, "Trees (irv)").await;
    let irv = open_round(ada, number, &[("method", "irv"), options]).await;
    let refused = vote(bea, &irv, &[("rank1", "1"), ("rank2", "1")]).await;
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["duplicate_option"]
    );
    assert_eq!(
        vote(ada, &irv, &[("rank1", "0"), ("rank2", "1")])
            .await
            .status(),
        303
    );
    assert_eq!(
        vote(bea, &irv, &[("rank1", "1"), ("rank2", "0")])
            .await
            .status(),
        303
    );
    assert_eq!(
        vote(carl, &irv, &[("rank1", "2"), ("rank2", "0")])
            .await
            .status(),
        303
    );
    assert_eq!(close_now(ada, &irv, "").await.status(), 303);
    let page = bea.page(&format!("/o/coop/rounds/{irv}"), 200).await;
    // Elm is eliminated; Carl's ballot moves to Oak, which wins 2 to 1.
    assert!(
        text_of(&page, ".outcome").starts_with("Decided: Oak."),
        "{}",
        text_of(&page, ".outcome")
    );
    assert!(
        text_of(&page, ".result table").contains("Elm"),
        "the stage table lists every option"
    );
    // What happened at each stage: Elm out at stage 1, its one ballot on to Oak.
    let first = text_of(&page, "[data-testid=stage-notes] tbody tr:first-child td");
    assert!(first.contains("Elm") && first.contains("Oak 1"), "{first}");

    // Schulze takes equal ranks.
    let number = proposal(&coop, "Trees (schulze)").await;
    let schulze = open_round(ada, number, &[("method", "schulze"), options]).await;
    assert_eq!(
        vote(bea, &schulze, &[("o0", "1"), ("o1", "1"), ("o2", "2")])
            .await
            .status(),
        303
    );
    assert_eq!(close_now(ada, &schulze, "Bea alone.").await.status(), 303);
    let page = carl.page(&format!("/o/coop/rounds/{schulze}"), 200).await;
    // Bea ranked Oak and Pine equal above Elm: one ballot prefers each of them to Elm,
    // none prefers one to the other, and the tie between them is broken and said so.
    assert_eq!(
        text_of(&page, "[data-testid=pairwise] tbody tr:first-child"),
        "Oak—01"
    );
    assert_eq!(
        text_of(&page, "[data-testid=pairwise] tbody tr:nth-child(3)"),
        "Elm00—"
    );
    assert!(
        text_of(&page, "[data-testid=ties]").contains("Oak, Pine were tied for the win"),
        "{}",
        text_of(&page, "[data-testid=ties]")
    );

    // Approval beyond its options' count is fine; a score outside 0..5 is not.
    let number = proposal(&coop, "Trees (score)").await;
    let score = open_round(ada, number, &[("method", "score"), options]).await;
    let refused = vote(bea, &score, &[("o0", "6")]).await;
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["score_out_of_range"]
    );

    // STV with two seats: the two largest factions each get a seat.
    let number = proposal(&coop, "Board (stv)").await;
    let stv = open_round(
        ada,
        number,
        &[("method", "stv-scottish"), ("seats", "2"), options],
    )
    .await;
    assert_eq!(vote(ada, &stv, &[("rank1", "0")]).await.status(), 303);
    assert_eq!(
        vote(bea, &stv, &[("rank1", "0"), ("rank2", "1")])
            .await
            .status(),
        303
    );
    assert_eq!(vote(carl, &stv, &[("rank1", "1")]).await.status(), 303);
    assert_eq!(close_now(ada, &stv, "").await.status(), 303);
    let page = carl.page(&format!("/o/coop/rounds/{stv}"), 200).await;
    assert!(
        text_of(&page, ".outcome").starts_with("Decided: Oak, Pine."),
        "{}",
        text_of(&page, ".outcome")
    );
    // The BLT and the RCTab summary exist for a ranked round; counting the BLT with tally
    // again gives the same winners.
    let blt = carl.get(&format!("/o/coop/rounds/{stv}/ballots.blt")).await;
    assert_eq!(blt.status(), 200);
    let file = tally::formats::blt::read(blt.text().await.unwrap().as_bytes()).unwrap();
    assert_eq!(file.contest.seats, 2);
    let summary = carl
        .get(&format!("/o/coop/rounds/{stv}/summary.rctab.json"))
        .await;
    assert_eq!(summary.status(), 200);
}

pub async fn a_secret_ballot_is_final_and_its_receipt_is_found_after_close(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Solar roof").await;
    let id = open_round(
        &coop.admin,
        number,
        &[("method", "majority"), ("secret", "on")],
    )
    .await;
    let bea = coop.browser("Bea");
    let before = bea.page(&format!("/o/coop/rounds/{id}"), 200).await;
    assert!(
        before.contains("once cast it is final"),
        "the page says so before casting"
    );
    assert!(
        before.contains("show your ballot to someone else"),
        "and that a receipt proves a ballot"
    );
    let cast = vote(bea, &id, &[("choice", "yes")]).await;
    assert_eq!(cast.status(), 201);
    let receipt = text_of(&cast.text().await.unwrap(), "[data-testid=receipt]");
    assert_eq!(receipt.trim().len(), 19, "a receipt code: {receipt}");
    let again = vote(bea, &id, &[("choice", "no")]).await;
    assert_eq!(again.status(), 422);
    assert_eq!(
        problem_codes(&again.text().await.unwrap()),
        ["ballot_already_cast"]
    );
    assert_eq!(
        vote(coop.browser("Carl"), &id, &[("choice", "no")])
            .await
            .status(),
        201
    );
    // The audit entry of a secret ballot names no one.
    let org = lookup::organisation_id(&app, "coop").await;
    let entries = app::services::audit::entries(&app.connection, org)
        .await
        .unwrap();
    for entry in entries.iter().filter(|e| e.kind == "ballot.cast") {
        assert_eq!(entry.actor, None);
        assert!(!entry.data.contains("member"), "{}", entry.data);
    }
    // While open, facilitators see who voted, never how.
    let roll = coop.admin.page(&format!("/o/coop/rounds/{id}"), 200).await;
    assert!(text_of(&roll, ".roll").contains("Bea · voted"));
    assert_eq!(close_now(&coop.admin, &id, "Enough.").await.status(), 303);
    let code = receipt.trim();
    let found = bea
        .page(
            &format!("/o/coop/rounds/{id}?receipt={}", code.to_lowercase()),
            200,
        )
        .await;
    assert!(
        text_of(&found, "[data-testid=receipt-lookup]")
            .contains(&format!("Receipt {code} was counted as: yes"))
    );
    // The published ballots file holds the receipts, and counting it gives the stored report.
    let file = bea.get(&format!("/o/coop/rounds/{id}/ballots.json")).await;
    let text = file.text().await.unwrap();
    assert!(text.contains(code), "{text}");
    let read = tally::formats::json::read(text.as_bytes()).unwrap();
    let stored = stored_round(&app, &id).await;
    let config = tally::CountConfig {
        method: read.method.unwrap(),
        tie_policy: read.tie_policy.unwrap(),
        seed: None,
        quorum: read.quorum.unwrap(),
        electorate: read.electorate,
        rctab: Default::default(),
    };
    let mut contest = read.contest;
    contest.ballots = tally::ballot::group_ballots(contest.ballots);
    let report = tally::count(&contest, &config).unwrap();
    let stored_report: serde_json::Value =
        serde_json::from_str(stored.report.as_deref().unwrap()).unwrap();
    assert_eq!(
        serde_json::to_value(&report.outcome).unwrap(),
        stored_report["outcome"]
    );
    assert_eq!(
        serde_json::to_value(&report.details).unwrap(),
        stored_report["details"]
    );
}

pub async fn the_secret_ballot_table_holds_no_voter_no_time_and_no_order(db: Db) {
    let app = spawn_app(db).await;
    let backend = app.connection.get_database_backend();
    let columns_sql = match backend {
        sea_orm::DbBackend::Sqlite => "SELECT name FROM pragma_table_info('secret_ballots') ORDER BY cid".to_owned(),
        _ => "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'secret_ballots' AND table_schema = current_schema() ORDER BY ordinal_position".to_owned(),
    };
    let rows = app
        .connection
        .query_all_raw(Statement::from_string(backend, columns_sql))
        .await
        .unwrap();
    let columns: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("", "name").unwrap())
        .collect();
    assert_eq!(columns, ["id", "round_id", "receipt", "marks"]);
    match backend {
        sea_orm::DbBackend::Sqlite => {
            let sql: String = app
                .connection
                .query_one_raw(Statement::from_string(
                    backend,
                    "SELECT sql FROM sqlite_master WHERE name = 'secret_ballots'",
                ))
                .await
                .unwrap()
                .unwrap()
                .try_get("", "sql")
                .unwrap();
            assert!(sql.contains("WITHOUT ROWID"), "{sql}");
        }
        _ => {
            // No column takes its value from a sequence.
            let defaults = app
                .connection
                .query_all_raw(Statement::from_string(
                    backend,
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'secret_ballots' AND table_schema = current_schema() AND column_default IS NOT NULL",
                ))
                .await
                .unwrap();
            assert!(defaults.is_empty());
        }
    }
    // Rows cast in one order come back in key order, which the random ids decide.
    let coop = three(&app).await;
    let number = proposal(&coop, "Solar roof").await;
    let id = open_round(
        &coop.admin,
        number,
        &[("method", "majority"), ("secret", "on")],
    )
    .await;
    for who in ["Ada", "Bea", "Carl"] {
        assert_eq!(
            vote(coop.browser(who), &id, &[("choice", "yes")])
                .await
                .status(),
            201
        );
    }
    let stored = secret_ballot::Entity::find()
        .all(&app.connection)
        .await
        .unwrap();
    let mut ids: Vec<uuid::Uuid> = stored.iter().map(|b| b.id).collect();
    let as_read = ids.clone();
    ids.sort();
    if backend == sea_orm::DbBackend::Sqlite {
        assert_eq!(as_read, ids, "stored in key order, not casting order");
    }
    assert!(
        stored.iter().all(|b| b.id.get_version_num() == 4),
        "random ids"
    );
    assert_eq!(
        voter_roll::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        3
    );
}

pub async fn fifty_simultaneous_ballots_by_one_member_give_one_ballot(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let bea = coop.browser("Bea");
    // A secret round: one ballot, 49 clear refusals.
    let number = proposal(&coop, "Secret").await;
    let secret = open_round(
        &coop.admin,
        number,
        &[("method", "majority"), ("secret", "on")],
    )
    .await;
    let statuses = futures::future::join_all((0..50).map(|_| async {
        vote(bea, &secret, &[("choice", "yes")])
            .await
            .status()
            .as_u16()
    }))
    .await;
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 422).count(),
        49,
        "{statuses:?}"
    );
    assert_eq!(
        secret_ballot::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        voter_roll::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        1
    );
    // An open round: one ballot, at its fiftieth version.
    let number = proposal(&coop, "Open").await;
    let open = open_round(&coop.admin, number, &[("method", "majority")]).await;
    let statuses = futures::future::join_all((0..50).map(|_| async {
        vote(bea, &open, &[("choice", "no")])
            .await
            .status()
            .as_u16()
    }))
    .await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
    let ballots = ballot::Entity::find().all(&app.connection).await.unwrap();
    assert_eq!(ballots.len(), 1);
    assert_eq!(ballots[0].version, 50);
    // Every version is in the audit chain (one cast, 49 changes), which still verifies.
    let kinds = audit_kinds(&app).await;
    let changed = kinds.iter().filter(|k| *k == "ballot.changed").count();
    assert_eq!(changed, 49, "{kinds:?}");
    lookup::assert_chain_verifies(&app, "coop").await;
}

/// Ballots are written in batches; should the database refuse a batch as a whole, each of
/// its ballots is written again alone, so one ballot cannot take the others down with it.
/// Here a trigger makes the database refuse every abstention (as a fault would), and Bea's
/// abstentions arrive at once with Carl's ballots.
pub async fn a_ballot_the_database_refuses_does_not_take_its_batch_down(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Fault").await;
    let round = open_round(&coop.admin, number, &[("method", "majority")]).await;
    let backend = app.connection.get_database_backend();
    let refuse: &[&str] = match backend {
        sea_orm::DbBackend::Sqlite => &[
            "CREATE TRIGGER refuse_abstentions BEFORE INSERT ON ballots \
             WHEN NEW.marks LIKE '%abstain%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
        ],
        _ => &[
            "CREATE FUNCTION refuse_abstentions() RETURNS trigger AS $$ BEGIN \
             IF NEW.marks::text LIKE '%abstain%' THEN RAISE EXCEPTION 'refused by the test'; \
             END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_abstentions BEFORE INSERT ON ballots \
             FOR EACH ROW EXECUTE FUNCTION refuse_abstentions()",
        ],
    };
    for sql in refuse {
        app.connection
            .execute_raw(Statement::from_string(backend, *sql))
            .await
            .unwrap();
    }
    let (bea, carl) = (coop.browser("Bea"), coop.browser("Carl"));
    let ballots = (0..20).map(|i| {
        let round = round.clone();
        async move {
            let (who, choice) = if i % 2 == 0 {
                ("Bea", "abstain")
            } else {
                ("Carl", if i % 4 == 1 { "yes" } else { "no" })
            };
            let voter = if who == "Bea" { bea } else { carl };
            let status = vote(voter, &round, &[("choice", choice)])
                .await
                .status()
                .as_u16();
            (who, status)
        }
    });
    let statuses = futures::future::join_all(ballots).await;
    for (who, status) in &statuses {
        match *who {
            "Carl" => assert_eq!(*status, 303, "Carl's ballots are written: {statuses:?}"),
            _ => assert_eq!(*status, 500, "Bea's are refused: {statuses:?}"),
        }
    }
    let stored = ballot::Entity::find().all(&app.connection).await.unwrap();
    assert_eq!(stored.len(), 1, "Carl's ballot only: {stored:?}");
    assert_eq!(stored[0].version, 10, "all ten of Carl's versions");
    let kinds = audit_kinds(&app).await;
    let cast = kinds
        .iter()
        .filter(|k| *k == "ballot.cast" || *k == "ballot.changed")
        .count();
    assert_eq!(cast, 10, "Carl's ten, none of Bea's: {kinds:?}");
    lookup::assert_chain_verifies(&app, "coop").await;
}

/// Spawns another instance of the application on `app`'s database, with its own scheduler.
async fn another_instance(app: &TestApp) {
    let config = server::config::Config {
        database_url: app.db.url.clone(),
        bind: "127.0.0.1:0".into(),
        site_root: crate::helpers::spawn::workspace_root().join("target/site"),
        log_level: "warn".into(),
        ..server::config::Config::default()
    };
    let instance = server::startup::Application::build(config).await.unwrap();
    tokio::spawn(instance.run_until_stopped(std::future::pending()));
}

pub async fn rounds_due_together_close_exactly_once_under_three_schedulers(db: Db) {
    let app = spawn_app(db).await;
    another_instance(&app).await;
    another_instance(&app).await;
    let coop = three(&app).await;
    // Twenty rounds (fifty on PostgreSQL) closing at one instant, each with a ballot.
    let count = if app.connection.get_database_backend() == sea_orm::DbBackend::Postgres {
        50
    } else {
        20
    };
    let mut ids = Vec::new();
    for i in 0..count {
        let number = proposal(&coop, &format!("Due {i}")).await;
        let id = open_round(&coop.admin, number, &[("method", "majority")]).await;
        assert_eq!(
            vote(coop.browser("Bea"), &id, &[("choice", "yes")])
                .await
                .status(),
            303
        );
        ids.push(id);
    }
    // All due at one instant (moved there behind the application's back, so that creating
    // them takes as long as it likes); nobody looks: the schedulers close them.
    round::Entity::update_many()
        .col_expr(
            round::Column::ClosesAt,
            sea_orm::sea_query::Expr::value(chrono::Utc::now()),
        )
        .exec(&app.connection)
        .await
        .unwrap();
    let mut closed = 0;
    for _ in 0..120 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        closed = round::Entity::find()
            .filter(round::Column::State.eq(RoundState::Closed))
            .count(&app.connection)
            .await
            .unwrap();
        if closed == count as u64 {
            break;
        }
    }
    assert_eq!(closed, count as u64, "every round closed");
    // Give the schedulers time for a second close, which must not happen.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let kinds = audit_kinds(&app).await;
    assert_eq!(
        kinds.iter().filter(|k| *k == "round.closed").count(),
        count as usize,
        "one close entry each"
    );
    for id in &ids {
        let r = stored_round(&app, id).await;
        assert!(
            r.digest.is_some() && r.report.is_some(),
            "one stored result"
        );
        assert_eq!(r.outcome.as_deref(), Some("adopted"));
    }
}

pub async fn a_scheduled_round_opens_on_time_with_the_electorate_of_that_moment(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Later").await;
    let opens = local_in(3);
    let id = open_round(
        &coop.admin,
        number,
        &[("method", "majority"), ("opens_at", &opens)],
    )
    .await;
    assert_eq!(stored_round(&app, &id).await.state, RoundState::Scheduled);
    let refused = vote(coop.browser("Bea"), &id, &[("choice", "yes")]).await;
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["round_state"]
    );
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        if stored_round(&app, &id).await.state == RoundState::Open {
            break;
        }
    }
    let opened = stored_round(&app, &id).await;
    assert_eq!(opened.state, RoundState::Open);
    assert_eq!(opened.electorate_size, Some(3));
    assert_eq!(opened.electorate_hash.as_deref().map(str::len), Some(64));
    // Someone who joins now is not in the snapshot.
    let link = coop.invite("dee@example.org", Role::Member, Some(1)).await;
    let dee = app.browser();
    dee.sign_up("Dee", "dee@example.org").await;
    dee.post_redirects(&link, &[], "/o/coop").await;
    let refused = vote(&dee, &id, &[("choice", "yes")]).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["not_in_electorate"]
    );
}

pub async fn only_facilitators_run_rounds_and_only_the_electorate_votes(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Obe", Role::Observer)
        .member("Fay", Role::Facilitator)
        .member("Sue", Role::Member)
        .group("Housing", "housing")
        .build()
        .await;
    let number = proposal(&coop, "Solar roof").await;
    // A member cannot start a round; a facilitator can.
    let refused = create_round(
        coop.browser("Carl"),
        number,
        &[("method", "majority")],
        true,
    )
    .await;
    assert_eq!(refused.status(), 403);
    let id = open_round(coop.browser("Fay"), number, &[("method", "majority")]).await;
    // Suspend Sue after the round opened: she stays in the electorate but cannot act.
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
    for (who, browser, status, code) in [
        ("a non-member", &outsider, 404, None),
        (
            "an observer",
            coop.browser("Obe"),
            403,
            Some("observers_do_not_vote"),
        ),
        (
            "a suspended member",
            coop.browser("Sue"),
            403,
            Some("membership_not_active"),
        ),
    ] {
        let response = vote(browser, &id, &[("choice", "yes")]).await;
        assert_eq!(response.status(), status, "{who}");
        if let Some(code) = code {
            assert_eq!(
                problem_codes(&response.text().await.unwrap()),
                [code],
                "{who}"
            );
        }
    }
    assert_eq!(
        vote(coop.browser("Carl"), &id, &[("choice", "yes")])
            .await
            .status(),
        303
    );
    // Only facilitators extend, close or cancel.
    for action in ["extend", "close", "cancel"] {
        let response = coop
            .browser("Carl")
            .post_form(
                &format!("/o/coop/rounds/{id}/{action}"),
                &[("reason", "Why not"), ("closes_at", &next_week())],
            )
            .await;
        assert_eq!(response.status(), 403, "{action}");
        let response = outsider
            .post_form(
                &format!("/o/coop/rounds/{id}/{action}"),
                &[("reason", "Why not")],
            )
            .await;
        assert_eq!(response.status(), 404, "{action}");
    }
    // A group's round: its members vote, others are not in the electorate.
    let group_number = {
        let bea = coop.browser("Bea");
        let member = lookup::membership_of(&app, "coop", coop.email("Bea")).await;
        coop.admin
            .post_redirects(
                "/o/coop/groups/housing/members/add",
                &[("membership", &member.id.to_string())],
                "/o/coop/groups",
            )
            .await;
        let number = draft(bea, "Housing roof", "Fix it.", "housing").await;
        publish(bea, number).await;
        number
    };
    let group_round =
        open_round(coop.browser("Fay"), group_number, &[("method", "majority")]).await;
    assert_eq!(
        stored_round(&app, &group_round).await.electorate_size,
        Some(1)
    );
    let refused = vote(coop.browser("Carl"), &group_round, &[("choice", "yes")]).await;
    assert_eq!(refused.status(), 403);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["not_in_electorate"]
    );
    assert_eq!(
        vote(coop.browser("Bea"), &group_round, &[("choice", "yes")])
            .await
            .status(),
        303
    );
}

pub async fn a_rounds_configuration_is_checked_and_frozen_once_open(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Trees").await;
    let ada = &coop.admin;
    let past = local_in(-3600);
    let response = create_round(
        ada,
        number,
        &[
            ("method", "irv"),
            ("options", "Oak\noak"),
            ("closes_at", &past),
        ],
        true,
    )
    .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    let mut codes = problem_codes(&html);
    codes.sort();
    assert_eq!(codes, ["round_closes_too_early", "round_duplicate_option"]);
    assert!(html.contains("Oak\noak"), "the form keeps what was typed");
    let response = create_round(
        ada,
        number,
        &[
            ("method", "approval"),
            ("winners", "three"),
            ("quorum", "12"),
        ],
        true,
    )
    .await;
    let mut codes = problem_codes(&response.text().await.unwrap());
    codes.sort();
    assert_eq!(codes, ["round_not_a_number"]);
    let response = create_round(
        ada,
        number,
        &[("method", "majority"), ("quorum", "12")],
        true,
    )
    .await;
    assert_eq!(
        problem_codes(&response.text().await.unwrap()),
        ["round_quorum_beyond_electorate"]
    );
    // The reminder's lead time: up to two weeks before closing.
    let response = create_round(
        ada,
        number,
        &[("method", "majority"), ("reminder_hours", "400")],
        true,
    )
    .await;
    let html = response.text().await.unwrap();
    assert_eq!(problem_codes(&html), ["round_reminder_range"]);
    assert!(
        html.contains(r#"value="400""#),
        "the form keeps what was typed"
    );
    assert_eq!(
        round::Entity::find().count(&app.connection).await.unwrap(),
        0,
        "nothing stored"
    );
    let id = open_round(
        ada,
        number,
        &[("method", "majority"), ("reminder_hours", "6")],
    )
    .await;
    assert_eq!(stored_round(&app, &id).await.reminder_hours, 6);
    let page = ada.page(&format!("/o/coop/rounds/{id}"), 200).await;
    assert!(
        text_of(&page, ".statement")
            .contains("Members who have not voted are reminded 6 h before it closes."),
        "{}",
        text_of(&page, ".statement")
    );
    // One round at a time; the proposal's text is frozen while it is open.
    let again = create_round(ada, number, &[("method", "majority")], true).await;
    assert_eq!(
        problem_codes(&again.text().await.unwrap()),
        ["round_already_active"]
    );
    let edit = super::proposals::edit(coop.browser("Bea"), number, 2, "New text", "").await;
    assert_eq!(edit.status(), 403);
    // Extending must move the close later, with a reason.
    let earlier = local_in(3600);
    let response = ada
        .post_form(
            &format!("/o/coop/rounds/{id}/extend"),
            &[("closes_at", &earlier), ("reason", "More time")],
        )
        .await;
    assert_eq!(
        problem_codes(&response.text().await.unwrap()),
        ["round_extension_not_later"]
    );
    let later = local_in(14 * 24 * 3600);
    let response = ada
        .post_form(
            &format!("/o/coop/rounds/{id}/extend"),
            &[("closes_at", &later), ("reason", "More time")],
        )
        .await;
    assert_eq!(response.status(), 303);
    // Cancelling needs a reason, and a cancelled round takes no ballot.
    let response = ada
        .post_form(&format!("/o/coop/rounds/{id}/cancel"), &[("reason", "")])
        .await;
    assert_eq!(response.status(), 422);
    let response = ada
        .post_form(
            &format!("/o/coop/rounds/{id}/cancel"),
            &[("reason", "Wrong text")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let refused = vote(coop.browser("Bea"), &id, &[("choice", "yes")]).await;
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["round_state"]
    );
    let kinds = audit_kinds(&app).await;
    assert!(
        kinds.contains(&"round.extended".to_owned())
            && kinds.contains(&"round.cancelled".to_owned())
    );
}

pub async fn a_round_over_amendments_makes_the_winner_the_next_revision(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Solar roof").await;
    let carl = coop.browser("Carl");
    assert_eq!(
        propose(carl, number, 1, "We install twelve panels.", "More sun.")
            .await
            .status(),
        303
    );
    let id = open_round(
        &coop.admin,
        number,
        &[("method", "irv"), ("options_from", "amendments")],
    )
    .await;
    let page = carl.page(&format!("/o/coop/rounds/{id}"), 200).await;
    assert!(
        page.contains("Amendment 1: Solar roof"),
        "the amendment is an option"
    );
    for who in ["Ada", "Bea", "Carl"] {
        assert_eq!(
            vote(coop.browser(who), &id, &[("rank1", "1"), ("rank2", "0")])
                .await
                .status(),
            303
        );
    }
    assert_eq!(close_now(&coop.admin, &id, "").await.status(), 303);
    let decided = stored(&app, number).await;
    assert_eq!(decided.state, ProposalState::Decided);
    assert_eq!(decided.revision, 2);
    assert_eq!(decided.body, "We install twelve panels.");
}

pub async fn a_round_without_quorum_leaves_the_proposal_in_discussion(db: Db) {
    let app = spawn_app(db).await;
    let coop = three(&app).await;
    let number = proposal(&coop, "Solar roof").await;
    let id = open_round(
        &coop.admin,
        number,
        &[("method", "majority"), ("quorum", "2/3")],
    )
    .await;
    assert_eq!(
        vote(coop.browser("Bea"), &id, &[("choice", "yes")])
            .await
            .status(),
        303
    );
    let page = coop
        .browser("Bea")
        .page(&format!("/o/coop/rounds/{id}"), 200)
        .await;
    assert!(
        text_of(&page, "[data-testid=participation]")
            .contains("1 of 3 have voted; the quorum needs 2.")
    );
    assert_eq!(
        close_now(&coop.admin, &id, "Out of time").await.status(),
        303
    );
    let page = coop
        .browser("Bea")
        .page(&format!("/o/coop/rounds/{id}"), 200)
        .await;
    assert!(
        text_of(&page, ".outcome").starts_with("No quorum: 1 ballots were cast and 2 were needed.")
    );
    assert_eq!(stored(&app, number).await.state, ProposalState::Discussion);
    // A facilitator may open another round.
    open_round(&coop.admin, number, &[("method", "majority")]).await;
    // The organisation's page lists it, with whether you voted.
    let home = coop.browser("Bea").page("/o/coop", 200).await;
    assert!(text_of(&home, ".rounds").contains("waiting for your vote"));
}

/// Each round's state and how many `round.closed` entries name it; asserts that every round is
/// either open with no result and no entry, or closed with one result and one entry.
async fn closed_once_or_open(app: &TestApp, attempt: usize) -> usize {
    let rounds = round::Entity::find().all(&app.connection).await.unwrap();
    let org = lookup::organisation_id(app, "coop").await;
    let entries = app::services::audit::entries(&app.connection, org)
        .await
        .unwrap();
    let mut closed = 0;
    for r in rounds {
        let needle = format!("\"round\":\"{}\"", r.id);
        let entries = entries
            .iter()
            .filter(|e| e.kind == "round.closed" && e.data.contains(&needle))
            .count();
        match r.state {
            RoundState::Open => {
                assert!(
                    r.report.is_none() && r.digest.is_none(),
                    "attempt {attempt}: open with a result"
                );
                assert_eq!(entries, 0, "attempt {attempt}: open with a close entry");
            }
            RoundState::Closed => {
                assert!(
                    r.report.is_some() && r.digest.is_some(),
                    "attempt {attempt}: closed without a result"
                );
                assert_eq!(entries, 1, "attempt {attempt}: one close entry");
                closed += 1;
            }
            other => panic!("attempt {attempt}: a round is {other}"),
        }
    }
    assert!(
        app::services::audit::verify(&app.connection, org)
            .await
            .unwrap()
            .is_ok(),
        "attempt {attempt}: the audit chain holds"
    );
    closed
}

/// Starts `quorate serve` on `app`'s database and waits until it answers.
async fn serve_binary(app: &TestApp) -> (std::process::Child, Duration) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("127.0.0.1:{port}");
    let started = std::time::Instant::now();
    let child = std::process::Command::new(crate::helpers::quorate_bin())
        .arg("serve")
        .env_remove("QUORATE_BIN")
        .env("QUORATE_DATABASE_URL", &app.db.url)
        .env("QUORATE_BIND", &address)
        .env("QUORATE_LOG_LEVEL", "warn")
        .current_dir(app.db.dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if client
            .get(format!("http://{address}/healthz"))
            .send()
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    (child, started.elapsed())
}

pub async fn a_process_killed_while_closing_leaves_each_round_open_or_closed_once(db: Db) {
    // The test's own instance schedules nothing: only the binary closes rounds.
    let app = crate::helpers::spawn_app_with(db, |config| config.scheduler = false).await;
    let coop = three(&app).await;
    let batch = 5;
    let attempts = 10;
    let mut ids = Vec::new();
    for i in 0..batch * attempts {
        let number = proposal(&coop, &format!("Due {i}")).await;
        let id = open_round(
            &coop.admin,
            number,
            &[("method", "irv"), ("options", "Oak\nPine\nElm")],
        )
        .await;
        for (who, first, second) in [("Ada", "0", "1"), ("Bea", "1", "0"), ("Carl", "2", "0")] {
            let ranks = [("rank1", first), ("rank2", second)];
            assert_eq!(vote(coop.browser(who), &id, &ranks).await.status(), 303);
        }
        ids.push(id.parse::<uuid::Uuid>().unwrap());
    }
    // Each attempt makes another batch due, starts the binary and kills it (SIGKILL) at a
    // different moment after it starts answering.
    let delays = [0, 3, 7, 12, 20, 30, 45, 70, 110, 160];
    for (attempt, delay) in delays.iter().enumerate() {
        let due: Vec<uuid::Uuid> = ids
            .iter()
            .skip(attempt * batch)
            .take(batch)
            .copied()
            .collect();
        round::Entity::update_many()
            .col_expr(
                round::Column::ClosesAt,
                sea_orm::sea_query::Expr::value(chrono::Utc::now()),
            )
            .filter(round::Column::Id.is_in(due))
            .exec(&app.connection)
            .await
            .unwrap();
        let (mut child, _) = serve_binary(&app).await;
        tokio::time::sleep(Duration::from_millis(*delay)).await;
        child.kill().unwrap();
        child.wait().unwrap();
        let closed = closed_once_or_open(&app, attempt).await;
        eprintln!("attempt {attempt}: killed {delay} ms after answering; {closed} rounds closed");
    }
    // Started again, it closes what is left, once.
    let (mut child, _) = serve_binary(&app).await;
    for _ in 0..100 {
        // Only the count while it runs: rows and audit entries read one after the other could
        // straddle a close. Everything is checked once it has stopped.
        let closed = round::Entity::find()
            .filter(round::Column::State.eq(RoundState::Closed))
            .count(&app.connection)
            .await
            .unwrap();
        if closed == ids.len() as u64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let closed = closed_once_or_open(&app, attempts).await;
    assert_eq!(closed, ids.len(), "every round closed in the end");
    let outcomes: Vec<Option<String>> = round::Entity::find()
        .all(&app.connection)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.outcome)
        .collect();
    assert!(outcomes.iter().all(|o| o.as_deref() == Some("elected")));
}
