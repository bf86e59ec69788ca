//! Lists that grow with the organisation come a page at a time (issue #11): the members list,
//! 50 a page, with plain previous/next links; no member on two pages, none left out; a
//! mention's link opens the page that holds the member.

use crate::helpers::{Db, lookup, spawn_app};
use app::domain::roles::{MembershipState, Role};
use app::entities::{account, membership};
use chrono::Utc;
use sea_orm::{ActiveValue::Set, EntityTrait};
use uuid::Uuid;

/// The member names on one page of the list, and its previous/next links.
fn names_and_links(html: &str) -> (Vec<String>, Option<String>, Option<String>) {
    let document = scraper::Html::parse_document(html);
    let name = scraper::Selector::parse("table.members tbody th").unwrap();
    let link = |rel: &str| {
        let selector = scraper::Selector::parse(&format!("a[rel={rel}]")).unwrap();
        document
            .select(&selector)
            .next()
            .and_then(|a| a.value().attr("href"))
            .map(str::to_owned)
    };
    let names = document
        .select(&name)
        .map(|th| th.text().collect::<String>().trim().to_owned())
        .collect();
    (names, link("prev"), link("next"))
}

pub async fn the_members_list_comes_fifty_at_a_time(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let org = lookup::organisation_id(&app, "coop").await;
    // Sixty more members, written straight into the tables (signing sixty people up over
    // HTTP would test sign-up, not the list).
    let now = Utc::now();
    for i in 0..60 {
        let id = Uuid::new_v4();
        let email = format!("member{i:02}@example.org");
        account::Entity::insert(account::ActiveModel {
            id: Set(id),
            email: Set(email.clone()),
            email_key: Set(email),
            display_name: Set(format!("Member {i:02}")),
            password_hash: Set(None),
            language: Set(None),
            created_at: Set(now),
            email_verified_at: Set(None),
        })
        .exec(&app.connection)
        .await
        .unwrap();
        membership::Entity::insert(membership::ActiveModel {
            id: Set(Uuid::new_v4()),
            organisation_id: Set(org),
            account_id: Set(id),
            role: Set(Role::Member),
            state: Set(MembershipState::Active),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .exec(&app.connection)
        .await
        .unwrap();
    }
    let (first, previous, next) = names_and_links(&coop.admin.page("/o/coop/members", 200).await);
    assert_eq!(first.len(), 50);
    assert_eq!(previous, None);
    assert_eq!(next.as_deref(), Some("/o/coop/members?page=2"));
    let (second, previous, next) =
        names_and_links(&coop.admin.page("/o/coop/members?page=2", 200).await);
    assert_eq!(second.len(), 11, "61 members in all, the admin included");
    assert_eq!(previous.as_deref(), Some("/o/coop/members?page=1"));
    assert_eq!(next, None);
    let mut everyone = first;
    everyone.extend(second);
    everyone.sort();
    everyone.dedup();
    assert_eq!(everyone.len(), 61, "nobody twice, nobody left out");
    // A mention links to the page that holds the member.
    let last = lookup::membership_of(&app, "coop", "member59@example.org").await;
    let html = coop
        .admin
        .page(&format!("/o/coop/members?member={}", last.id), 200)
        .await;
    assert!(html.contains(&format!("id=\"member-{}\"", last.id)));
    // A page past the end is an empty page, not an error.
    let (beyond, _, _) = names_and_links(&coop.admin.page("/o/coop/members?page=9", 200).await);
    assert!(beyond.is_empty());
}
