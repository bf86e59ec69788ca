//! Amendments over real HTTP (issue #11, decision-rules.md §2): a member proposes a new text
//! with a reason; the proposal's authors accept it (the next revision, credited to the
//! amender) or decline it with a reason; both outcomes stay visible with the diff; and every
//! refusal names its rule and changes nothing.

use super::proposals::{
    audit_kinds, draft, edit, location, problem_codes, publish, revisions, stored,
};
use crate::helpers::{Browser, Db, TestApp, coop::Coop, lookup, spawn_app};
use app::domain::{amendment::AmendmentState, roles::Role};
use app::entities::amendment;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// Proposes an amendment to proposal `number` against revision `base`.
pub(crate) async fn propose(
    amender: &Browser,
    number: i32,
    base: i32,
    body: &str,
    reason: &str,
) -> reqwest::Response {
    amender
        .post_form(
            &format!("/o/coop/p/{number}/amendments/new"),
            &[
                ("title", "Solar roof"),
                ("summary", ""),
                ("body", body),
                ("reason", reason),
                ("base", &base.to_string()),
            ],
        )
        .await
}

async fn amendments(app: &TestApp, number: i32) -> Vec<amendment::Model> {
    let id = stored(app, number).await.id;
    amendment::Entity::find()
        .filter(amendment::Column::ProposalId.eq(id))
        .order_by_asc(amendment::Column::Number)
        .all(&app.connection)
        .await
        .unwrap()
}

/// The co-op with Ada (its admin) and two members, Bea and Carl.
async fn bea_and_carl(app: &TestApp) -> Coop {
    app.coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .build()
        .await
}

/// The text of the page's element matching `selector`.
fn text_of(html: &str, selector: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

pub async fn an_accepted_amendment_becomes_the_next_revision_credited_to_its_amender(db: Db) {
    let app = spawn_app(db).await;
    let coop = bea_and_carl(&app).await;
    let (bea, carl) = (coop.browser("Bea"), coop.browser("Carl"));
    let number = draft(bea, "Solar roof", "We install ten panels.", "").await;
    publish(bea, number).await;
    // The form starts from the latest text.
    let form = carl
        .page(&format!("/o/coop/p/{number}/amendments/new"), 200)
        .await;
    assert!(form.contains("We install ten panels."));
    let response = propose(carl, number, 1, "We install twelve panels.", "More sun.").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), format!("/o/coop/p/{number}/a/1"));
    // Proposing changes nothing yet, and everyone sees it with what it changes.
    assert_eq!(stored(&app, number).await.body, "We install ten panels.");
    let page = coop
        .admin
        .page(&format!("/o/coop/p/{number}/a/1"), 200)
        .await;
    assert!(text_of(&page, ".diff del").contains("[-ten-]"));
    assert!(text_of(&page, ".diff ins").contains("[+twelve+]"));
    assert!(text_of(&page, ".amendment").contains("More sun."));
    assert!(
        !page.contains("/a/1/accept"),
        "only the authors are offered accepting"
    );
    let proposal_page = carl.page(&format!("/o/coop/p/{number}"), 200).await;
    assert!(text_of(&proposal_page, ".amendments").contains("Carl"));
    // The author accepts: the next revision, credited to Carl.
    let page = bea.page(&format!("/o/coop/p/{number}/a/1"), 200).await;
    assert!(page.contains(&format!("/o/coop/p/{number}/a/1/accept")));
    bea.post_redirects(
        &format!("/o/coop/p/{number}/a/1/accept"),
        &[],
        &format!("/o/coop/p/{number}/a/1"),
    )
    .await;
    let proposal = stored(&app, number).await;
    assert_eq!(proposal.body, "We install twelve panels.");
    assert_eq!(proposal.revision, 2);
    let stored_revisions = revisions(&app, number).await;
    let carl_member = lookup::membership_of(&app, "coop", "carl@example.org").await;
    assert_eq!(stored_revisions[1].author_id, carl_member.id);
    assert_eq!(stored_revisions[1].amendment, Some(1));
    assert_eq!(stored_revisions[1].note, "Amendment 1: More sun.");
    let decided = &amendments(&app, number).await[0];
    assert_eq!(decided.state, AmendmentState::Accepted);
    assert_eq!(decided.revision, Some(2));
    let kinds = audit_kinds(&app).await;
    assert_eq!(
        kinds[kinds.len() - 2..],
        ["amendment.proposed", "amendment.accepted"]
    );
    // The outcome stays visible, with the diff, and links to the revision it became.
    let page = carl.page(&format!("/o/coop/p/{number}/a/1"), 200).await;
    assert!(page.contains(&format!("/o/coop/p/{number}/r/2")));
    assert!(text_of(&page, ".diff ins").contains("[+twelve+]"));
    // Once decided, never again.
    let again = bea
        .post_form(&format!("/o/coop/p/{number}/a/1/accept"), &[])
        .await;
    assert_eq!(again.status(), 422);
    assert_eq!(
        problem_codes(&again.text().await.unwrap()),
        ["amendment_decided"]
    );
    assert_eq!(revisions(&app, number).await.len(), 2);
}

pub async fn a_declined_amendment_stays_visible_with_its_reason(db: Db) {
    let app = spawn_app(db).await;
    let coop = bea_and_carl(&app).await;
    let (bea, carl) = (coop.browser("Bea"), coop.browser("Carl"));
    let number = draft(bea, "Solar roof", "Ten panels.", "").await;
    publish(bea, number).await;
    assert_eq!(
        propose(carl, number, 1, "Forty panels.", "Go big.")
            .await
            .status(),
        303
    );
    // Declining needs a reason, and the form keeps nothing it should not.
    let refused = bea
        .post_form(
            &format!("/o/coop/p/{number}/a/1/decline"),
            &[("reason", "  ")],
        )
        .await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        problem_codes(&refused.text().await.unwrap()),
        ["text_length"]
    );
    assert_eq!(
        amendments(&app, number).await[0].state,
        AmendmentState::Open
    );
    bea.post_redirects(
        &format!("/o/coop/p/{number}/a/1/decline"),
        &[("reason", "The roof holds twenty at most.")],
        &format!("/o/coop/p/{number}/a/1"),
    )
    .await;
    let declined = &amendments(&app, number).await[0];
    assert_eq!(declined.state, AmendmentState::Declined);
    assert_eq!(
        declined.decline_reason.as_deref(),
        Some("The roof holds twenty at most.")
    );
    assert_eq!(stored(&app, number).await.body, "Ten panels.");
    assert_eq!(revisions(&app, number).await.len(), 1);
    let page = carl.page(&format!("/o/coop/p/{number}/a/1"), 200).await;
    let notice = text_of(&page, ".notice");
    assert!(
        notice.contains("The roof holds twenty at most."),
        "{notice}"
    );
    assert!(notice.contains("Bea"), "{notice}");
    assert!(text_of(&page, ".diff ins").contains("[+Forty+]"));
    assert_eq!(
        audit_kinds(&app).await.last().map(String::as_str),
        Some("amendment.declined")
    );
}

pub async fn amendments_are_refused_where_the_rules_say(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Obi", Role::Observer)
        .member("Fay", Role::Facilitator)
        .group("Housing", "housing")
        .build()
        .await;
    let (bea, carl, obi, fay) = (
        coop.browser("Bea"),
        coop.browser("Carl"),
        coop.browser("Obi"),
        coop.browser("Fay"),
    );
    let number = draft(bea, "Solar roof", "Ten panels.", "").await;
    // A draft cannot be amended: to anyone but its authors it does not exist.
    assert_eq!(propose(carl, number, 0, "Mine", "Why").await.status(), 404);
    publish(bea, number).await;
    let refusals: [(&Browser, i32, &str, &str, u16, &str); 4] = [
        // Observers read and comment but never author.
        (obi, 1, "Other", "Why", 403, "role_too_low"),
        // The same text is no amendment.
        (carl, 1, "Ten panels.", "Why", 422, "amendment_unchanged"),
        // Written against a revision that is not the latest.
        (carl, 0, "Other", "Why", 422, "amendment_stale"),
        // A reason is required.
        (carl, 1, "Other", "", 422, "text_length"),
    ];
    for (who, base, body, reason, status, code) in refusals {
        let response = propose(who, number, base, body, reason).await;
        assert_eq!(response.status(), status, "{code}");
        let html = response.text().await.unwrap();
        assert_eq!(problem_codes(&html), [code]);
        if status == 422 {
            assert!(html.contains(body), "the form keeps what was typed");
        }
    }
    assert!(amendments(&app, number).await.is_empty(), "nothing stored");
    assert_eq!(
        propose(carl, number, 1, "Eleven panels.", "Why")
            .await
            .status(),
        303
    );
    // Only the authors decide: not the amender, not a facilitator, not an admin.
    for (who, browser) in [("carl", carl), ("fay", fay), ("ada", &coop.admin)] {
        for action in ["accept", "decline"] {
            let response = browser
                .post_form(
                    &format!("/o/coop/p/{number}/a/1/{action}"),
                    &[("reason", "No")],
                )
                .await;
            assert_eq!(response.status(), 403, "{who} {action}");
            assert_eq!(
                problem_codes(&response.text().await.unwrap()),
                ["not_an_author"],
                "{who} {action}"
            );
        }
    }
    // Someone outside the organisation, and someone signed out.
    let outsider = app.browser();
    outsider.sign_up("Out", "out@example.org").await;
    assert_eq!(
        propose(&outsider, number, 1, "Mine", "Why").await.status(),
        404
    );
    let response = outsider
        .post_form(&format!("/o/coop/p/{number}/a/1/accept"), &[])
        .await;
    assert_eq!(response.status(), 404);
    let nobody = app.browser();
    let response = propose(&nobody, number, 1, "Mine", "Why").await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/signin?next="));
    // The authors edit after the amendment was written: accepting it would undo that edit.
    let version = stored(&app, number).await.version;
    assert_eq!(
        edit(bea, number, version, "Ten panels, south side.", "")
            .await
            .status(),
        303
    );
    let outdated = bea
        .post_form(&format!("/o/coop/p/{number}/a/1/accept"), &[])
        .await;
    assert_eq!(outdated.status(), 422);
    assert_eq!(
        problem_codes(&outdated.text().await.unwrap()),
        ["amendment_outdated"]
    );
    assert_eq!(stored(&app, number).await.body, "Ten panels, south side.");
    // It can still be declined.
    bea.post_redirects(
        &format!("/o/coop/p/{number}/a/1/decline"),
        &[("reason", "Superseded by revision 2.")],
        &format!("/o/coop/p/{number}/a/1"),
    )
    .await;
    // A group's proposal is amended by the group's members only.
    let bea_member = lookup::membership_of(&app, "coop", "bea@example.org").await;
    coop.admin
        .post_redirects(
            "/o/coop/groups/housing/members/add",
            &[("membership", &bea_member.id.to_string())],
            "/o/coop/groups",
        )
        .await;
    let housing = draft(bea, "Rents", "Rents stay.", "housing").await;
    publish(bea, housing).await;
    let response = propose(carl, housing, 1, "Rents fall.", "Why").await;
    assert_eq!(response.status(), 403);
    assert_eq!(
        problem_codes(&response.text().await.unwrap()),
        ["not_in_group"]
    );
    // A withdrawn proposal takes no amendments.
    bea.post_redirects(
        &format!("/o/coop/p/{number}/withdraw"),
        &[("reason", "Later.")],
        &format!("/o/coop/p/{number}"),
    )
    .await;
    let response = propose(carl, number, 2, "Other", "Why").await;
    assert_eq!(response.status(), 403);
    assert_eq!(
        problem_codes(&response.text().await.unwrap()),
        ["proposal_state"]
    );
    assert_eq!(amendments(&app, number).await.len(), 1);
}

/// Two authors decide the same amendment at the same moment, one accepting and one
/// declining: it is decided exactly once (the organisation is locked before it is read).
pub async fn an_amendment_is_decided_exactly_once(db: Db) {
    let app = spawn_app(db).await;
    let coop = bea_and_carl(&app).await;
    let (ada, bea, carl) = (&coop.admin, coop.browser("Bea"), coop.browser("Carl"));
    let number = draft(ada, "Solar roof", "Text 0", "").await;
    let bea_member = lookup::membership_of(&app, "coop", "bea@example.org").await;
    ada.post_redirects(
        &format!("/o/coop/p/{number}/authors"),
        &[("membership", &bea_member.id.to_string())],
        &format!("/o/coop/p/{number}"),
    )
    .await;
    publish(ada, number).await;
    for round in 1..=4 {
        let base = stored(&app, number).await.revision;
        let body = format!("Text {round}");
        assert_eq!(
            propose(carl, number, base, &body, "Why").await.status(),
            303
        );
        let (accept_path, decline_path) = (
            format!("/o/coop/p/{number}/a/{round}/accept"),
            format!("/o/coop/p/{number}/a/{round}/decline"),
        );
        let (accept, decline) = tokio::join!(
            ada.post_form(&accept_path, &[]),
            bea.post_form(&decline_path, &[("reason", "No")]),
        );
        let mut statuses = [accept.status().as_u16(), decline.status().as_u16()];
        statuses.sort_unstable();
        assert_eq!(statuses, [303, 422], "round {round}");
    }
    let decided = amendments(&app, number).await;
    let accepted = decided
        .iter()
        .filter(|a| a.state == AmendmentState::Accepted)
        .count();
    assert!(decided.iter().all(|a| a.state != AmendmentState::Open));
    assert_eq!(revisions(&app, number).await.len(), 1 + accepted);
    let kinds = audit_kinds(&app).await;
    let outcomes = kinds
        .iter()
        .filter(|k| *k == "amendment.accepted" || *k == "amendment.declined")
        .count();
    assert_eq!(outcomes, 4, "one outcome per amendment in the audit chain");
}
