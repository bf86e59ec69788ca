//! Proving e-mail addresses where Quorate sends mail (issue #8, item 5): sign-up by a mailed
//! link that reveals nothing about existing accounts, a change of address that waits for its
//! link, invitations for an address that need a proved one, and the invitation mail itself
//! as the proof.

use crate::helpers::{
    Db, GOOD_PASSWORD, TestApp,
    coop::invite,
    lookup::account_of,
    smtp::{MailSink, confirmation_token},
    spawn_app, spawn_app_with,
};
use app::{
    domain::roles::Role,
    entities::{account, email_confirmation, session},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

async fn with_mail(db: Db) -> (TestApp, MailSink) {
    let sink = MailSink::start().await;
    let url = sink.url.clone();
    let app = spawn_app_with(db, move |config| {
        config.smtp_url = Some(url);
        config.mail_from = Some("Quorate <quorate@example.org>".into());
    })
    .await;
    (app, sink)
}

pub async fn sign_up_by_mail_says_the_same_whether_or_not_the_address_has_an_account(db: Db) {
    let (app, sink) = with_mail(db).await;
    let form = |name: &'static str| {
        [
            ("display_name", name),
            ("email", "ana@example.org"),
            ("password", GOOD_PASSWORD),
        ]
    };
    let first = app.browser();
    first
        .post_redirects("/signup", &form("Ana"), "/email/sent")
        .await;
    assert!(
        account_of(&app, "ana@example.org").await.is_none(),
        "not before the link"
    );
    assert_eq!(
        session::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        0
    );
    let link = sink.wait_for(1).await[0].clone();
    assert!(link.contains("To: ana@example.org"), "{link}");
    let token = confirmation_token(&link).expect("a link");
    // Opening the link asks; only confirming acts (a mail scanner that opens links does
    // not create the account).
    let page = first.page(&format!("/email/confirm/{token}"), 200).await;
    assert!(page.contains("ana@example.org"));
    assert!(account_of(&app, "ana@example.org").await.is_none());
    first
        .post_redirects(&format!("/email/confirm/{token}"), &[], "/")
        .await;
    let ana = account_of(&app, "ana@example.org").await.expect("created");
    assert!(ana.email_verified_at.is_some());
    assert!(
        first
            .page("/account", 200)
            .await
            .contains("ana@example.org")
    );
    // The link works once.
    let again = app.browser();
    again.page(&format!("/email/confirm/{token}"), 422).await;

    // Someone else signing up with that address gets the very same answer; the owner is
    // told by mail.
    let other = app.browser();
    other
        .post_redirects("/signup", &form("Mallory"), "/email/sent")
        .await;
    let messages = sink.wait_for(2).await;
    let notice = &messages[1];
    assert!(notice.contains("To: ana@example.org"));
    assert!(notice.contains("has an account already") || notice.contains("which has an"));
    assert!(
        confirmation_token(notice).is_none(),
        "no link that would do anything"
    );
    assert_eq!(
        account_of(&app, "ana@example.org")
            .await
            .unwrap()
            .display_name,
        "Ana"
    );
}

pub async fn a_changed_address_waits_for_its_link(db: Db) {
    let (app, sink) = with_mail(db).await;
    let ana = app.browser();
    ana.sign_up_by_mail("Ana", "ana@example.org", &sink).await;
    ana.post_redirects(
        "/account/profile",
        &[
            ("display_name", "Ana"),
            ("email", "ana@new.example.org"),
            ("language", ""),
        ],
        "/account?email_sent=1",
    )
    .await;
    let before = account_of(&app, "ana@example.org")
        .await
        .expect("unchanged");
    assert!(before.email_verified_at.is_some());
    let token = sink.wait_for_confirmation("ana@new.example.org", 0).await;
    ana.post_redirects(&format!("/email/confirm/{token}"), &[], "/account")
        .await;
    let after = account_of(&app, "ana@new.example.org")
        .await
        .expect("changed");
    assert_eq!(after.id, before.id);
    assert!(after.email_verified_at.is_some());
}

pub async fn without_mail_a_changed_address_is_taken_at_once_and_unproved(db: Db) {
    let app = spawn_app(db).await;
    let ana = app.browser();
    ana.sign_up("Ana", "ana@example.org").await;
    ana.post_redirects(
        "/account/profile",
        &[
            ("display_name", "Ana"),
            ("email", "ana@new.example.org"),
            ("language", ""),
        ],
        "/account",
    )
    .await;
    let after = account_of(&app, "ana@new.example.org")
        .await
        .expect("changed");
    assert!(after.email_verified_at.is_none());
    assert!(
        ana.page("/account", 200)
            .await
            .contains("cannot confirm addresses")
    );
}

pub async fn an_invitation_for_an_address_needs_an_account_that_proved_it(db: Db) {
    let (app, sink) = with_mail(db).await;
    let ada = app.browser();
    ada.sign_up_by_mail("Ada", "ada@example.org", &sink).await;
    ada.create_organisation("The Co-op", "coop").await;
    let link = invite(&ada, "coop", "bea@example.org", Role::Member, Some(1)).await;
    // An account that only claims the address (made before mail was set up) is refused.
    let claimed = app.browser();
    account::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        email: Set("bea@example.org".into()),
        email_key: Set("bea@example.org".into()),
        display_name: Set("Not Bea".into()),
        password_hash: Set(Some(
            app::services::accounts::hash_password(GOOD_PASSWORD).unwrap(),
        )),
        language: Set(None),
        created_at: Set(chrono::Utc::now()),
        email_verified_at: Set(None),
    }
    .insert(&app.connection)
    .await
    .unwrap();
    claimed.sign_in("bea@example.org").await;
    let response = claimed.post_form(&link, &[]).await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("data-problem=\"invitation_address_unconfirmed\"")
    );
    // Another address is refused outright.
    let mallory = app.browser();
    mallory
        .sign_up_by_mail("Mallory", "mallory@example.org", &sink)
        .await;
    let response = mallory.post_form(&link, &[]).await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("data-problem=\"invitation_for_another_address\"")
    );
    // Proving the address from the account page makes it acceptable.
    claimed
        .post_redirects("/account/email", &[], "/account?email_sent=1")
        .await;
    let proof = sink.wait_for_confirmation("bea@example.org", 0).await;
    claimed
        .post_redirects(&format!("/email/confirm/{proof}"), &[], "/account")
        .await;
    claimed.post_redirects(&link, &[], "/o/coop").await;
}

pub async fn signing_up_from_an_invitation_mailed_to_the_address_needs_no_other_proof(db: Db) {
    let (app, sink) = with_mail(db).await;
    let ada = app.browser();
    ada.sign_up_by_mail("Ada", "ada@example.org", &sink).await;
    ada.create_organisation("The Co-op", "coop").await;
    let next = invite(&ada, "coop", "bea@example.org", Role::Member, Some(1)).await;
    let bea = app.browser();
    bea.post_redirects(
        "/signup",
        &[
            ("display_name", "Bea"),
            ("email", "bea@example.org"),
            ("password", GOOD_PASSWORD),
            ("next", next.as_str()),
        ],
        &next,
    )
    .await;
    assert!(
        account_of(&app, "bea@example.org")
            .await
            .unwrap()
            .email_verified_at
            .is_some()
    );
    bea.post_redirects(&next, &[], "/o/coop").await;
    // From the same link with another address: a mailed link, as any sign-up.
    let next = invite(&ada, "coop", "cai@example.org", Role::Member, Some(1)).await;
    app.browser()
        .post_redirects(
            "/signup",
            &[
                ("display_name", "Dee"),
                ("email", "dee@example.org"),
                ("password", GOOD_PASSWORD),
                ("next", next.as_str()),
            ],
            "/email/sent",
        )
        .await;
    assert!(account_of(&app, "dee@example.org").await.is_none());
    let pending = email_confirmation::Entity::find()
        .filter(email_confirmation::Column::Email.eq("dee@example.org"))
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pending.next_path.as_deref(), Some(next.as_str()));
}
