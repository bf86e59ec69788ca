//! Calendar feeds (issue #13, item 3): a member's secret address lists the closing times of
//! the rounds they can vote in, escaped as iCalendar text; a new address replaces the old,
//! turning it off ends it, and nobody else can make or end one for them.

use super::proposals::{draft, location, publish};
use super::rounds::{local_in, open_round};
use crate::helpers::{Browser, Db, spawn_app};
use app::{domain::roles::Role, entities::calendar_feed};
use sea_orm::{EntityTrait, PaginatorTrait};

/// Makes (or replaces) `who`'s address and reads it off the page that answers.
pub(crate) async fn make_address(who: &Browser) -> String {
    let response = who.post_form("/account/calendar", &[]).await;
    assert_eq!(response.status(), 201);
    let html = response.text().await.unwrap();
    let document = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("#calendar-address").unwrap();
    let address = document
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr("value"))
        .expect("the address is shown once")
        .to_owned();
    assert!(address.ends_with(".ics"), "{address}");
    address
}

/// `GET` of an absolute feed address with `who`'s client (no cookie is needed).
pub(crate) async fn fetch(who: &Browser, address: &str) -> reqwest::Response {
    let path = address
        .split_once("/calendar/")
        .map(|(_, rest)| rest)
        .unwrap();
    who.get(&format!("/calendar/{path}")).await
}

fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

pub async fn a_calendar_feed_lists_the_rounds_a_member_can_vote_in(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .member("Obe", Role::Observer)
        .group("Housing", "housing")
        .build()
        .await;
    let ada = &coop.admin;
    let bea = coop.browser("Bea");
    // Bea joins Housing; Carl does not.
    let bea_id = crate::helpers::lookup::membership_of(&app, "coop", coop.email("Bea"))
        .await
        .id
        .to_string();
    let added = ada
        .post_form(
            "/o/coop/groups/housing/members/add",
            &[("membership", &bea_id)],
        )
        .await;
    assert_eq!(added.status(), 303, "{}", location(&added));
    // An open round for everyone, titled to test the escaping; a scheduled one for Housing.
    let title = "Trees; oaks, pines \\ more";
    let number = draft(bea, title, "We plant trees.", "").await;
    publish(bea, number).await;
    let everyone = open_round(ada, number, &[("method", "majority")]).await;
    let number = draft(bea, "Housing rules", "Quiet after ten.", "housing").await;
    publish(bea, number).await;
    let opens = local_in(3 * 24 * 3600);
    let housing = open_round(ada, number, &[("method", "majority"), ("opens_at", &opens)]).await;

    let address = make_address(bea).await;
    let visitor = app.browser();
    let response = fetch(&visitor, &address).await;
    assert_eq!(
        response.status(),
        200,
        "no cookie needed: the address is the key"
    );
    assert_eq!(
        response.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let lines = unfolded(&response.text().await.unwrap());
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    let uids: Vec<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(
        uids,
        [
            &format!("UID:round-{everyone}@quorate"),
            &format!("UID:round-{housing}@quorate")
        ]
    );
    assert!(
        lines.contains(&"SUMMARY:Closes: Trees\\; oaks\\, pines \\\\ more (The Co-op)".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with(&format!("/o/coop/rounds/{everyone}")))
    );

    // Carl is not in Housing; an observer votes in nothing.
    let carl = make_address(coop.browser("Carl")).await;
    let text = fetch(&visitor, &carl).await.text().await.unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    let obe = make_address(coop.browser("Obe")).await;
    let text = fetch(&visitor, &obe).await.text().await.unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 0, "{text}");

    // A new address replaces the old one; turning it off ends it.
    let again = make_address(bea).await;
    assert_ne!(again, address);
    assert_eq!(fetch(&visitor, &address).await.status(), 404);
    assert_eq!(fetch(&visitor, &again).await.status(), 200);
    let page = bea.page("/account", 200).await;
    assert!(
        page.contains("You have a calendar address, made on"),
        "listed"
    );
    assert!(
        !page.contains(&again),
        "an address is shown once, never again"
    );
    let off = bea.post_form("/account/calendar/off", &[]).await;
    assert_eq!(off.status(), 303);
    assert_eq!(fetch(&visitor, &again).await.status(), 404);
    assert_eq!(
        fetch(&visitor, "x/calendar/not-a-token.ics").await.status(),
        404
    );

    // Someone signed out makes and ends nothing; the stored rows are hashes, not addresses.
    let before = calendar_feed::Entity::find()
        .count(&app.connection)
        .await
        .unwrap();
    let refused = visitor.post_form("/account/calendar", &[]).await;
    assert_ne!(refused.status(), 201);
    assert!(!refused.text().await.unwrap().contains("calendar-address"));
    let refused = visitor.post_form("/account/calendar/off", &[]).await;
    assert_ne!(refused.status(), 200);
    assert_eq!(
        calendar_feed::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        before
    );
    for row in calendar_feed::Entity::find()
        .all(&app.connection)
        .await
        .unwrap()
    {
        assert!(!carl.contains(&row.token_hash) && !obe.contains(&row.token_hash));
        assert_eq!(row.token_hash.len(), 64);
    }
}
