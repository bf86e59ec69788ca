//! Invariants under real concurrent requests (lock first, then check, then write): the last
//! admin stays, the last use of an invitation is used once, and many writers to one
//! organisation on SQLite wait for each other instead of failing.

use crate::helpers::{
    Browser, Db,
    coop::invite,
    lookup::{active_admins, membership_of},
    spawn_app,
};
use app::domain::roles::Role;
use sea_orm::EntityTrait;

/// Posts a change and returns its status.
async fn post(browser: &Browser, path: String, form: Vec<(&'static str, &'static str)>) -> u16 {
    browser.post_form(&path, &form).await.status().as_u16()
}

pub async fn two_admins_demoting_each_other_at_once_leave_one_admin(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    let ben = app.browser();
    ben.sign_up("Ben", "ben@example.org").await;
    for round in 0..5 {
        let slug = format!("coop-{round}");
        ada.create_organisation("The Co-op", &slug).await;
        let link = invite(&ada, &slug, "", Role::Admin, Some(1)).await;
        ben.post_redirects(&link, &[], &format!("/o/{slug}")).await;
        let ada_id = membership_of(&app, &slug, "ada@example.org").await.id;
        let ben_id = membership_of(&app, &slug, "ben@example.org").await.id;
        let (a, b) = tokio::join!(
            post(
                &ada,
                format!("/o/{slug}/members/{ben_id}/role"),
                vec![("role", "member")]
            ),
            post(
                &ben,
                format!("/o/{slug}/members/{ada_id}/role"),
                vec![("role", "member")]
            ),
        );
        // One wins; the other is decided after it: refused as the last admin's demotion
        // (422), or, already demoted, as no longer an admin (403).
        let mut statuses = [a, b];
        statuses.sort_unstable();
        assert!(
            statuses == [303, 403] || statuses == [303, 422],
            "round {round}: {statuses:?}"
        );
        assert_eq!(active_admins(&app, &slug).await, 1, "round {round}");
    }
}

pub async fn two_people_taking_the_last_use_of_an_invitation_give_one_membership(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let bea = app.browser();
    bea.sign_up("Bea", "bea@example.org").await;
    let cai = app.browser();
    cai.sign_up("Cai", "cai@example.org").await;
    for round in 0..5 {
        let link = coop.invite("", Role::Member, Some(1)).await;
        let (b, c) = tokio::join!(
            post(&bea, link.clone(), vec![]),
            post(&cai, link.clone(), vec![]),
        );
        let mut statuses = [b, c];
        statuses.sort_unstable();
        assert_eq!(statuses, [303, 422], "round {round}");
        // Reset for the next round: whoever got in leaves.
        let (winner, email) = if b == 303 {
            (&bea, "bea@example.org")
        } else {
            (&cai, "cai@example.org")
        };
        let id = membership_of(&app, "coop", email).await.id;
        winner
            .post_redirects(
                &format!("/o/coop/members/{id}/leave"),
                &[("confirmed", "yes")],
                "/",
            )
            .await;
    }
}

pub async fn twenty_writers_to_one_organisation_all_get_an_answer_not_an_error(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    // Twenty requests at once, each on its own task (the client shares Ada's cookies).
    let mut writers = tokio::task::JoinSet::new();
    for i in 0..20 {
        let ada = Browser {
            address: ada.address.clone(),
            client: ada.client.clone(),
        };
        writers.spawn(async move {
            let slug = format!("group-{i}");
            let form = [
                ("name", slug.as_str()),
                ("slug", slug.as_str()),
                ("description", ""),
            ];
            ada.post_form("/o/coop/groups", &form)
                .await
                .status()
                .as_u16()
        });
    }
    let statuses = writers.join_all().await;
    assert!(statuses.iter().all(|s| *s == 303), "{statuses:?}");
}

pub async fn wrong_passwords_at_the_same_moment_are_all_counted_and_none_fails(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let mut guesses = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let guesser = app.browser();
        guesses.spawn(async move {
            guesser
                .post_form(
                    "/signin",
                    &[
                        ("email", "ada@example.org"),
                        ("password", "wrong wrong wrong"),
                    ],
                )
                .await
                .status()
                .as_u16()
        });
    }
    let statuses = guesses.join_all().await;
    assert!(
        statuses.iter().all(|s| *s == 422 || *s == 429),
        "every guess is refused by a rule: {statuses:?}"
    );
    // Every failure was counted: the pair's counter says ten (or is waiting).
    let rows = app::entities::login_throttle::Entity::find()
        .all(&app.connection)
        .await
        .unwrap();
    let pair = rows.iter().find(|r| r.key.starts_with("pair:")).unwrap();
    assert_eq!(
        pair.failures,
        i32::try_from(statuses.iter().filter(|s| **s == 422).count()).unwrap()
    );
}
