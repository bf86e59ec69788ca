//! Accounts, sessions, organisations, memberships and invitations over real HTTP: what a
//! person can do, and every way a wrong or hostile request is refused without changing data.

use crate::helpers::{
    Browser, Db, GOOD_PASSWORD,
    lookup::{audit_kinds, membership_of, membership_state, organisation},
    spawn_app,
};
use app::{
    domain::roles::{MembershipState, Role},
    entities::{account, invitation, membership},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

pub async fn signing_up_signs_in_with_a_safe_session_cookie(db: Db) {
    let app = spawn_app(db).await;
    let response = app
        .post_form(
            "/signup",
            &[
                ("display_name", "Ada Lovelace"),
                ("email", "Ada@Example.org"),
                ("password", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("quorate_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let html = app.get("/account").await.text().await.unwrap();
    // The domain is stored lowercased; the part before @ as typed.
    assert!(
        html.contains("Ada@example.org"),
        "the account page shows the address"
    );
}

pub async fn a_weak_password_is_refused_and_the_form_keeps_the_rest(db: Db) {
    let app = spawn_app(db).await;
    let response = app
        .post_form(
            "/signup",
            &[
                ("display_name", "Ada"),
                ("email", "ada@example.org"),
                ("password", "password123"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("at least 10 characters") || html.contains("most common"));
    assert!(
        html.contains(r#"value="ada@example.org""#),
        "the e-mail is kept"
    );
    assert!(
        !html.contains("password123"),
        "the password is never sent back"
    );
    assert!(html.contains(r#"aria-invalid="true""#));
    let accounts = account::Entity::find().all(&app.connection).await.unwrap();
    assert!(accounts.is_empty(), "no account was created");
}

pub async fn a_second_account_with_the_same_address_is_refused(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let response = app
        .browser()
        .post_form(
            "/signup",
            &[
                ("display_name", "Impostor"),
                ("email", "ADA@example.org"),
                ("password", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("exists already"));
    let accounts = account::Entity::find().all(&app.connection).await.unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].display_name, "Ada");
}

pub async fn a_wrong_password_and_an_unknown_address_get_the_same_answer(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let wrong = app
        .post_form(
            "/signin",
            &[("email", "ada@example.org"), ("password", "not it at all")],
        )
        .await;
    let unknown = app
        .post_form(
            "/signin",
            &[
                ("email", "nobody@example.org"),
                ("password", "not it at all"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(unknown.status(), 422);
    let message = "The e-mail address or the password is not right.";
    assert!(wrong.text().await.unwrap().contains(message));
    assert!(unknown.text().await.unwrap().contains(message));
}

pub async fn sign_in_is_throttled_after_repeated_failures(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let attacker = app.browser();
    async fn guess(browser: &Browser) -> reqwest::Response {
        browser
            .post_form(
                "/signin",
                &[
                    ("email", "ada@example.org"),
                    ("password", "guess guess guess"),
                ],
            )
            .await
    }
    // Three mistakes cost nothing; the fourth makes the next try wait.
    for _ in 0..4 {
        assert_eq!(guess(&attacker).await.status(), 422);
    }
    let response = guess(&attacker).await;
    assert_eq!(response.status(), 429);
    let retry: i64 = response
        .headers()
        .get("retry-after")
        .expect("Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&retry), "{retry}");
    assert!(response.text().await.unwrap().contains("Too many attempts"));
}

pub async fn signing_in_rotates_and_signing_out_ends_the_session(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let first = app
        .post_form(
            "/signin",
            &[("email", "ada@example.org"), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(first.status(), 303);
    let first_cookie = first.headers()["set-cookie"].to_str().unwrap().to_owned();
    let second = app
        .post_form(
            "/signin",
            &[("email", "ada@example.org"), ("password", GOOD_PASSWORD)],
        )
        .await;
    let second_cookie = second.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert_ne!(
        first_cookie, second_cookie,
        "a new session at every sign-in"
    );

    let out = app.post_form("/signout", &[]).await;
    assert_eq!(out.status(), 303);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );

    // Replaying the old cookies gets nobody signed in.
    for cookie in [first_cookie, second_cookie] {
        let token = cookie.split(';').next().unwrap().to_owned();
        let response = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{}/account", app.address))
            .header("cookie", token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "sent to sign in");
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/signin")
        );
    }
}

pub async fn a_tampered_session_cookie_signs_nobody_in(db: Db) {
    let app = spawn_app(db).await;
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/account", app.address))
        .header("cookie", "quorate_session=forged-token-value")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/signin?next=/account");
}

pub async fn a_password_change_ends_the_other_sessions(db: Db) {
    let app = spawn_app(db).await;
    let laptop = app.browser();
    laptop.sign_up("Ada", "ada@example.org").await;
    let phone = app.browser();
    phone.sign_in("ada@example.org").await;
    laptop
        .post_redirects(
            "/account/password",
            &[
                ("current_password", GOOD_PASSWORD),
                ("new_password", "a new and better passphrase"),
            ],
            "/account",
        )
        .await;
    assert_eq!(
        laptop.get("/account").await.status(),
        200,
        "this session stays"
    );
    assert_eq!(
        phone.get("/account").await.status(),
        303,
        "the other one ends"
    );
}

pub async fn creating_an_organisation_makes_its_creator_admin_and_starts_the_audit_chain(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    ada.create_organisation("Green Valley", "green-valley")
        .await;
    assert_eq!(
        membership_state(&app, "green-valley", "ada@example.org").await,
        (Role::Admin, MembershipState::Active)
    );
    let html = ada.page("/o/green-valley", 200).await;
    assert!(html.contains("Green Valley") && html.contains("Administrator"));
    assert_eq!(
        audit_kinds(&app, "green-valley").await,
        ["organisation.created"]
    );
    let home = ada.page("/", 200).await;
    assert!(home.contains(r#"href="/o/green-valley""#));
}

pub async fn signed_out_people_cannot_create_organisations(db: Db) {
    let app = spawn_app(db).await;
    let response = app
        .post_form(
            "/orgs/new",
            &[
                ("name", "X"),
                ("slug", "x-coop"),
                ("time_zone", "UTC"),
                ("default_language", "en"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert!(
        response.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/signin")
    );
    assert!(organisation(&app, "x-coop").await.is_none());
}

pub async fn bad_settings_are_refused_by_rule_and_nothing_changes(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .named("Green Valley", "green-valley")
        .build()
        .await;
    let ada = &coop.admin;
    let response = ada
        .post_form(
            "/o/green-valley/settings",
            &[
                ("name", "Renamed"),
                ("slug", "Not A Slug!"),
                ("time_zone", "Mars/Olympus"),
                ("default_language", "en"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains(r#"value="Renamed""#),
        "the entered name is kept"
    );
    assert!(html.contains("organisation-slug") && html.contains("organisation-time_zone"));
    assert_eq!(
        organisation(&app, "green-valley")
            .await
            .map(|o| o.name)
            .as_deref(),
        Some("Green Valley")
    );
}

pub async fn only_admins_change_settings(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Facilitator).build().await;
    let bea = coop.browser("Bea");
    let response = bea
        .post_form(
            "/o/coop/settings",
            &[
                ("name", "Bea's now"),
                ("slug", "coop"),
                ("time_zone", "UTC"),
                ("default_language", "en"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Your role does not allow this.")
    );
    assert_eq!(
        organisation(&app, "coop").await.map(|o| o.name).as_deref(),
        Some("The Co-op")
    );
}

pub async fn an_admin_changes_settings_and_the_change_is_audited(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .named("Green Valley", "green-valley")
        .build()
        .await;
    let ada = &coop.admin;
    ada.post_redirects(
        "/o/green-valley/settings",
        &[
            ("name", "Green Valley Co-op"),
            ("slug", "gvc"),
            ("time_zone", "America/Bogota"),
            ("default_language", "es"),
            ("description", "Ahora en Bogotá"),
        ],
        "/o/gvc",
    )
    .await;
    assert_eq!(
        organisation(&app, "gvc").await.map(|o| o.name).as_deref(),
        Some("Green Valley Co-op")
    );
    assert_eq!(
        audit_kinds(&app, "gvc").await,
        ["organisation.created", "organisation.settings_changed"]
    );
}

pub async fn an_invitation_link_makes_a_new_person_an_active_member(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Facilitator).build().await;
    let ada = &coop.admin;
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await,
        (Role::Facilitator, MembershipState::Active)
    );
    let members = ada.page("/o/coop/members", 200).await;
    assert!(members.contains("Bea") && members.contains("bea@example.org"));
    assert_eq!(
        audit_kinds(&app, "coop").await,
        [
            "organisation.created",
            "invitation.created",
            "invitation.accepted"
        ]
    );
}

pub async fn used_up_forged_revoked_and_expired_invitations_are_refused(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let ada = &coop.admin;
    let late = app.browser();
    late.sign_up("Cy", "cy@example.org").await;

    // The link was for one person and Bea used it.
    let used = invitation::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(used.uses, 1);
    let forged = late
        .post_form("/invite/this-is-not-a-real-token", &[])
        .await;
    assert_eq!(forged.status(), 422);
    assert!(forged.text().await.unwrap().contains("not valid"));

    let revoked = coop.invite("", Role::Member, None).await;
    let row = invitation::Entity::find()
        .filter(invitation::Column::Uses.eq(0))
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    ada.post_redirects(
        &format!("/o/coop/invitations/{}/revoke", row.id),
        &[],
        "/o/coop/invitations",
    )
    .await;
    let response = late.post_form(&revoked, &[]).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("withdrawn"));

    let expired = coop.invite("", Role::Member, Some(5)).await;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let row = invitation::Entity::find()
        .filter(invitation::Column::RevokedAt.is_null())
        .filter(invitation::Column::Uses.eq(0))
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    let mut active: invitation::ActiveModel = row.into();
    active.expires_at = Set(chrono::Utc::now() - chrono::Duration::hours(1));
    active.update(&app.connection).await.unwrap();
    let response = late.post_form(&expired, &[]).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("expired"));

    let members = membership::Entity::find()
        .all(&app.connection)
        .await
        .unwrap();
    assert_eq!(members.len(), 2, "Cy joined nothing");

    // A single-use link works once: Cy gets in, Dee is turned away.
    let single = coop.invite("", Role::Member, Some(1)).await;
    late.post_redirects(&single, &[], "/o/coop").await;
    let dee = app.browser();
    dee.sign_up("Dee", "dee@example.org").await;
    let response = dee.post_form(&single, &[]).await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("used as often as it allows")
    );
    let members = membership::Entity::find()
        .all(&app.connection)
        .await
        .unwrap();
    assert_eq!(members.len(), 3, "Cy joined, Dee did not");
}

pub async fn a_member_of_one_organisation_cannot_reach_another(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Admin).build().await;
    let bea = coop.browser("Bea");
    app.coop()
        .admin("Dee")
        .named("Other Co-op", "other")
        .build()
        .await;
    let dee = membership_of(&app, "other", "dee@example.org").await.id;

    // Bea is an admin of `coop`, and nothing of `other`.
    bea.page("/o/other", 404).await;
    bea.page("/o/other/members", 404).await;
    let settings = bea
        .post_form(
            "/o/other/settings",
            &[
                ("name", "Taken over"),
                ("slug", "other"),
                ("time_zone", "UTC"),
                ("default_language", "en"),
            ],
        )
        .await;
    assert_eq!(settings.status(), 404);
    // Guessing ids: Dee's membership through Bea's own organisation's path.
    let through_own = bea
        .post_form(&format!("/o/coop/members/{dee}/suspend"), &[])
        .await;
    assert_eq!(through_own.status(), 404);
    let direct = bea
        .post_form(&format!("/o/other/members/{dee}/suspend"), &[])
        .await;
    assert_eq!(direct.status(), 404);
    assert_eq!(
        organisation(&app, "other").await.map(|o| o.name).as_deref(),
        Some("Other Co-op")
    );
    assert_eq!(
        membership_state(&app, "other", "dee@example.org").await.1,
        MembershipState::Active
    );
}

pub async fn admins_change_roles_suspend_and_reinstate(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let id = membership_of(&app, "coop", "bea@example.org").await.id;
    ada.post_redirects(
        &format!("/o/coop/members/{id}/role"),
        &[("role", "facilitator")],
        "/o/coop/members",
    )
    .await;
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await.0,
        Role::Facilitator
    );
    ada.post_redirects(
        &format!("/o/coop/members/{id}/suspend"),
        &[],
        "/o/coop/members",
    )
    .await;
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await.1,
        MembershipState::Suspended
    );

    // Suspended: Bea may no longer see or do anything in the organisation.
    bea.page("/o/coop", 403).await;
    let invite_attempt = bea
        .post_form(
            "/o/coop/invitations",
            &[("role", "member"), ("expires_in_days", "3")],
        )
        .await;
    assert_eq!(invite_attempt.status(), 403);

    ada.post_redirects(
        &format!("/o/coop/members/{id}/reinstate"),
        &[],
        "/o/coop/members",
    )
    .await;
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await,
        (Role::Facilitator, MembershipState::Active)
    );
    let kinds = audit_kinds(&app, "coop").await;
    assert!(kinds.ends_with(&[
        "member.role_changed".to_owned(),
        "member.suspended".to_owned(),
        "member.reinstated".to_owned()
    ]));
}

pub async fn members_and_observers_cannot_manage_members_or_invite(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Observer).build().await;
    let bea = coop.browser("Bea");
    let ada_id = membership_of(&app, "coop", "ada@example.org").await.id;
    let invite_attempt = bea
        .post_form(
            "/o/coop/invitations",
            &[("role", "admin"), ("expires_in_days", "3")],
        )
        .await;
    assert_eq!(invite_attempt.status(), 403);
    let demote = bea
        .post_form(
            &format!("/o/coop/members/{ada_id}/role"),
            &[("role", "observer")],
        )
        .await;
    assert_eq!(demote.status(), 403);
    assert_eq!(
        membership_state(&app, "coop", "ada@example.org").await.0,
        Role::Admin
    );
    let invitations = invitation::Entity::find()
        .all(&app.connection)
        .await
        .unwrap();
    assert_eq!(invitations.len(), 1, "only Ada's invitation exists");
}

pub async fn the_last_admin_can_neither_leave_nor_be_demoted(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let ada_id = membership_of(&app, "coop", "ada@example.org").await.id;
    let leave = ada
        .post_form(
            &format!("/o/coop/members/{ada_id}/leave"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(leave.status(), 422);
    assert!(leave.text().await.unwrap().contains("last administrator"));
    let demote = ada
        .post_form(
            &format!("/o/coop/members/{ada_id}/role"),
            &[("role", "member")],
        )
        .await;
    assert_eq!(demote.status(), 422);
    assert_eq!(
        membership_state(&app, "coop", "ada@example.org").await,
        (Role::Admin, MembershipState::Active)
    );
    // A member can leave.
    let bea_id = membership_of(&app, "coop", "bea@example.org").await.id;
    bea.post_redirects(
        &format!("/o/coop/members/{bea_id}/leave"),
        &[("confirmed", "yes")],
        "/",
    )
    .await;
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await.1,
        MembershipState::Left
    );
}

pub async fn nobody_leaves_on_someone_elses_behalf(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let ada = &coop.admin;
    let bea_id = membership_of(&app, "coop", "bea@example.org").await.id;
    let response = ada
        .post_form(
            &format!("/o/coop/members/{bea_id}/leave"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert_eq!(
        ada.get(&format!("/o/coop/members/{bea_id}/leave"))
            .await
            .status(),
        404
    );
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await.1,
        MembershipState::Active
    );
}

pub async fn signing_out_everywhere_else_keeps_only_this_session(db: Db) {
    let app = spawn_app(db).await;
    let laptop = app.browser();
    laptop.sign_up("Ada", "ada@example.org").await;
    let phone = app.browser();
    phone.sign_in("ada@example.org").await;
    laptop
        .post_redirects("/account/sessions", &[], "/account")
        .await;
    assert_eq!(laptop.get("/account").await.status(), 200);
    assert_eq!(phone.get("/account").await.status(), 303);
}

pub async fn the_account_language_wins_over_the_browser(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    ada.post_redirects(
        "/account/profile",
        &[
            ("display_name", "Ada"),
            ("email", "ada@example.org"),
            ("language", "es"),
        ],
        "/account",
    )
    .await;
    let html = ada
        .client
        .get(format!("{}/", app.address))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="es">"#));
    let refused = ada
        .post_form(
            "/account/profile",
            &[
                ("display_name", ""),
                ("email", "not an address"),
                ("language", "xx"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let stored = account::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.display_name.as_str(), stored.email.as_str()),
        ("Ada", "ada@example.org")
    );
}

pub async fn admins_make_groups_of_active_members(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    ada.post_redirects(
        "/o/coop/groups",
        &[
            ("name", "Finance"),
            ("slug", "finance"),
            ("description", "Money"),
        ],
        "/o/coop/groups",
    )
    .await;
    let bea_id = membership_of(&app, "coop", coop.email("Bea"))
        .await
        .id
        .to_string();
    ada.post_redirects(
        "/o/coop/groups/finance/members/add",
        &[("membership", &bea_id)],
        "/o/coop/groups",
    )
    .await;
    let page = bea.page("/o/coop/groups", 200).await;
    assert!(page.contains("Finance") && page.contains("Bea"));

    // A member may look but not manage; a bad slug is refused by rule.
    let by_member = bea
        .post_form("/o/coop/groups", &[("name", "Mine"), ("slug", "mine")])
        .await;
    assert_eq!(by_member.status(), 403);
    let bad = ada
        .post_form(
            "/o/coop/groups",
            &[("name", "Second"), ("slug", "Finance!")],
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains(r#"value="Second""#));

    ada.post_redirects(
        &format!("/o/coop/groups/finance/members/{bea_id}/remove"),
        &[],
        "/o/coop/groups",
    )
    .await;
    let kinds = audit_kinds(&app, "coop").await;
    assert!(kinds.ends_with(&[
        "group.created".to_owned(),
        "group.member_added".to_owned(),
        "group.member_removed".to_owned()
    ]));
}

pub async fn a_cross_origin_sign_in_is_refused_and_starts_no_session(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let response = app
        .client
        .post(format!("{}/signin", app.address))
        .header("origin", "https://evil.example")
        .form(&[("email", "ada@example.org"), ("password", GOOD_PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(response.headers().get("set-cookie").is_none());
}

pub async fn an_invitation_to_an_address_is_mailed_when_smtp_is_configured(db: Db) {
    let sink = crate::helpers::smtp::MailSink::start().await;
    let url = sink.url.clone();
    let app = crate::helpers::spawn_app_with(db, move |config| {
        config.smtp_url = Some(url);
        config.mail_from = Some("Quorate <quorate@example.org>".into());
    })
    .await;
    let ada = app.browser();
    ada.sign_up_by_mail("Ada", "ada@example.org", &sink).await;
    ada.create_organisation("The Co-op", "coop").await;
    let response = ada
        .post_form(
            "/o/coop/invitations",
            &[
                ("email", "bea@example.org"),
                ("role", "member"),
                ("expires_in_days", "7"),
                ("max_uses", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 201);
    let html = response.text().await.unwrap();
    let messages = sink.wait_for(2).await;
    assert_eq!(messages.len(), 2, "the confirmation, then the invitation");
    let message = &messages[1];
    assert!(message.contains("To: bea@example.org"), "{message}");
    assert!(
        message.contains("Subject: Ada invites you to The Co-op on Quorate"),
        "{message}"
    );
    let token = html
        .split("/invite/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(
        message.contains(token),
        "the mail carries the same link: {message}"
    );
}

pub async fn an_organisations_pages_use_its_default_language_until_a_person_picks(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    ada.post_redirects(
        "/orgs/new",
        &[
            ("name", "Cooperativa"),
            ("slug", "coop-es"),
            ("time_zone", "Europe/Madrid"),
            ("default_language", "es"),
        ],
        "/o/coop-es",
    )
    .await;
    let lang_of = |html: &str| html.contains(r#"<html lang="es">"#);
    let page = ada.page("/o/coop-es", 200).await;
    assert!(
        lang_of(&page),
        "the organisation's default, over the browser's English"
    );
    assert!(
        !lang_of(&ada.page("/", 200).await),
        "elsewhere the browser decides"
    );
    ada.post_redirects(
        "/language",
        &[("language", "en"), ("return_to", "/o/coop-es")],
        "/o/coop-es",
    )
    .await;
    assert!(
        !lang_of(&ada.page("/o/coop-es", 200).await),
        "a person's pick wins"
    );
}

pub async fn revoking_an_invitation_twice_changes_nothing_and_says_so(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    coop.invite("", Role::Member, Some(1)).await;
    let row = invitation::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    let revoke = format!("/o/coop/invitations/{}/revoke", row.id);
    ada.post_redirects(&revoke, &[], "/o/coop/invitations")
        .await;
    let first = invitation::Entity::find_by_id(row.id)
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    let entries = audit_kinds(&app, "coop").await;

    let again = ada.post_form(&revoke, &[]).await;
    assert_eq!(again.status(), 422);
    let html = again.text().await.unwrap();
    assert!(
        html.contains(r#"data-problem="invitation_revoked""#),
        "{html}"
    );
    let after = invitation::Entity::find_by_id(row.id)
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        after.revoked_at, first.revoked_at,
        "the first revocation stands"
    );
    assert_eq!(audit_kinds(&app, "coop").await, entries, "no second entry");
}

pub async fn a_former_member_rejoins_with_the_new_invitations_role(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Facilitator).build().await;
    let bea = coop.browser("Bea");
    let bea_id = membership_of(&app, "coop", "bea@example.org").await.id;
    bea.post_redirects(
        &format!("/o/coop/members/{bea_id}/leave"),
        &[("confirmed", "yes")],
        "/",
    )
    .await;
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await,
        (Role::Facilitator, MembershipState::Left)
    );
    bea.page("/o/coop/members", 403).await;

    let link = coop.invite("", Role::Observer, Some(1)).await;
    bea.post_redirects(&link, &[], "/o/coop").await;
    // The same membership again (its history stays one), now as the invitation says.
    assert_eq!(
        membership_of(&app, "coop", "bea@example.org").await.id,
        bea_id
    );
    assert_eq!(
        membership_state(&app, "coop", "bea@example.org").await,
        (Role::Observer, MembershipState::Active)
    );
    let page = bea.page("/o/coop", 200).await;
    assert!(page.contains("Observer"), "{page}");
}

pub async fn only_admins_add_and_remove_group_members(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Facilitator)
        .group("Finance", "finance")
        .build()
        .await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let ada_id = membership_of(&app, "coop", coop.email("Ada"))
        .await
        .id
        .to_string();
    let bea_id = membership_of(&app, "coop", coop.email("Bea"))
        .await
        .id
        .to_string();
    ada.post_redirects(
        "/o/coop/groups/finance/members/add",
        &[("membership", &ada_id)],
        "/o/coop/groups",
    )
    .await;
    let entries = audit_kinds(&app, "coop").await;

    // A facilitator may look, but neither add (themself or anyone) nor remove.
    let add = bea
        .post_form(
            "/o/coop/groups/finance/members/add",
            &[("membership", &bea_id)],
        )
        .await;
    assert_eq!(add.status(), 403);
    let remove = bea
        .post_form(
            &format!("/o/coop/groups/finance/members/{ada_id}/remove"),
            &[],
        )
        .await;
    assert_eq!(remove.status(), 403);
    // Someone signed out is sent to sign in, and changes nothing either.
    let visitor = app.browser();
    let response = visitor
        .post_form(
            "/o/coop/groups/finance/members/add",
            &[("membership", &bea_id)],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(audit_kinds(&app, "coop").await, entries);
    let page = ada.page("/o/coop/groups", 200).await;
    let document = scraper::Html::parse_document(&page);
    let in_group: Vec<String> = document
        .select(&scraper::Selector::parse("section.group > ul > li").unwrap())
        .map(|li| li.text().next().unwrap_or_default().trim().to_owned())
        .collect();
    assert_eq!(in_group, ["Ada"], "{page}");
}

/// The router is built from `app::actions::listed()`: every listed action answers at its
/// route (its name in the `Quorate-Action` header), and every form any page shows posts to
/// a listed route.
pub async fn every_action_is_mounted_and_every_form_posts_to_one(db: Db) {
    use scraper::{Html, Selector};
    let app = spawn_app(db).await;
    let listed = app::actions::listed();
    let visitor = app.browser();
    for action in &listed {
        let path = action
            .route
            .split('/')
            .map(|segment| match segment.starts_with('{') {
                true => "x",
                false => segment,
            })
            .collect::<Vec<_>>()
            .join("/");
        let response = visitor.post_form(&path, &[]).await;
        let answered_by = response
            .headers()
            .get("quorate-action")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert_eq!(answered_by, action.name, "POST {path}");
    }

    // Every page a person reaches, signed in, with a group, an invitation and a member.
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .group("Finance", "finance")
        .build()
        .await;
    let ada = &coop.admin;
    let link = coop.invite("", Role::Member, Some(1)).await;
    let bea_id = membership_of(&app, "coop", "bea@example.org").await.id;
    let ada_id = membership_of(&app, "coop", "ada@example.org").await.id;
    // A draft (1) and a published proposal (2) with a comment, to see their forms too.
    for title in ["Draft", "Published"] {
        ada.post_form(
            "/o/coop/proposals/new",
            &[("title", title), ("body", "Text")],
        )
        .await;
    }
    ada.post_form("/o/coop/p/2/publish", &[]).await;
    ada.post_form("/o/coop/p/2/comments", &[("body", "A comment")])
        .await;
    let comment = app::entities::comment::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .expect("the comment")
        .id;
    let pages = [
        "/".to_owned(),
        "/orgs/new".to_owned(),
        "/account".to_owned(),
        "/o/coop".to_owned(),
        "/o/coop/members".to_owned(),
        "/o/coop/groups".to_owned(),
        "/o/coop/invitations".to_owned(),
        "/o/coop/settings".to_owned(),
        format!("/o/coop/members/{bea_id}/remove"),
        format!("/o/coop/members/{ada_id}/leave"),
        link.clone(),
        "/o/coop/proposals/new".to_owned(),
        "/o/coop/p/1".to_owned(),
        "/o/coop/p/1/edit".to_owned(),
        "/o/coop/p/2".to_owned(),
        "/o/coop/p/2/edit".to_owned(),
        format!("/o/coop/p/2/c/{comment}/edit"),
        format!("/o/coop/p/2/c/{comment}/delete"),
    ];
    let visitor_pages = ["/signin", "/signup", link.as_str()];
    let matches = |action: &str| {
        listed.iter().any(|l| {
            let (route, path): (Vec<_>, Vec<_>) =
                (l.route.split('/').collect(), action.split('/').collect());
            route.len() == path.len()
                && route
                    .iter()
                    .zip(&path)
                    .all(|(r, p)| r.starts_with('{') || r == p)
        })
    };
    let forms = Selector::parse("form[method=post]").unwrap();
    let mut seen = 0;
    for (who, page) in pages
        .iter()
        .map(|p| (ada, p.as_str()))
        .chain(visitor_pages.iter().map(|p| (&visitor, *p)))
    {
        let html = who.page(page, 200).await;
        for form in Html::parse_document(&html).select(&forms) {
            let action = form.value().attr("action").unwrap_or_default();
            // The language picker keeps a preference in a cookie: not a state change.
            if action == "/language" {
                continue;
            }
            assert!(
                matches(action),
                "{page}: a form posts to {action:?}, which no action serves"
            );
            seen += 1;
        }
    }
    assert!(seen >= 25, "only {seen} forms seen");
}

/// Session look-ups arriving together are done in one batch (`services::batch`): each
/// request must still get its own account, an expired session must still end, and a forged
/// cookie must still sign nobody in.
pub async fn requests_arriving_together_each_get_their_own_session(db: Db) {
    use app::entities::session;
    use sea_orm::sea_query::Expr;
    let app = spawn_app(db).await;
    let mut people = Vec::new();
    for i in 0..12 {
        let browser = app.browser();
        let name = format!("Person {i:02} Quill");
        browser
            .sign_up(&name, &format!("person{i}@example.org"))
            .await;
        people.push((browser, name));
    }
    let expired = app.browser();
    expired.sign_up("Old Session", "old@example.org").await;
    let old = crate::helpers::lookup::account_of(&app, "old@example.org")
        .await
        .unwrap();
    session::Entity::update_many()
        .col_expr(
            session::Column::ExpiresAt,
            Expr::value(chrono::Utc::now() - chrono::Duration::minutes(1)),
        )
        .filter(session::Column::AccountId.eq(old.id))
        .exec(&app.connection)
        .await
        .unwrap();
    let forged = Browser {
        address: app.address.clone(),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(reqwest::header::HeaderMap::from_iter([(
                reqwest::header::COOKIE,
                "quorate_session=forged-token-value".parse().unwrap(),
            )]))
            .build()
            .unwrap(),
    };

    // Three requests per person, all sent at once, with the expired and the forged ones.
    let own = people.iter().flat_map(|(browser, name)| {
        (0..3).map(move |_| async move { (name.clone(), browser.get("/account").await) })
    });
    let strangers = [&expired, &forged]
        .map(|browser| async move { (String::new(), browser.get("/account").await) });
    let (own, strangers) = tokio::join!(
        futures::future::join_all(own),
        futures::future::join_all(strangers)
    );
    for (name, response) in own {
        assert_eq!(response.status(), 200, "{name} is signed in");
        let page = response.text().await.unwrap();
        assert!(page.contains(&name), "{name} sees their own account");
        for (_, other) in people.iter().filter(|(_, other)| *other != name) {
            assert!(
                !page.contains(other.as_str()),
                "{name} sees {other}'s account"
            );
        }
    }
    for (_, response) in strangers {
        assert_eq!(response.status(), 303, "nobody signed in");
        assert_eq!(response.headers()["location"], "/signin?next=/account");
    }
    // Ended just after the answers, so as not to hold up the look-ups.
    let mut left = Vec::new();
    for _ in 0..100 {
        left = session::Entity::find()
            .filter(session::Column::AccountId.eq(old.id))
            .all(&app.connection)
            .await
            .unwrap();
        if left.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(left.is_empty(), "the expired session was ended: {left:?}");
}
