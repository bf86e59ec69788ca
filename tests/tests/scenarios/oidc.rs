//! Signing in with an OpenID provider, against a real one on loopback (npm `oidc-provider`):
//! the whole way through its login and consent pages, and each way a callback is refused
//! (wrong state, replayed, wrong nonce) without changing data.

use crate::helpers::{
    Browser, Db, TestApp,
    oidc::{
        PROVIDER_ID, PROVIDER_NAME, free_port, provider_config, sign_in_through_provider,
        spawn_app_with_provider, through_provider,
    },
    spawn_app_with,
};
use app::entities::{account, oidc_flow, oidc_identity, session};
use sea_orm::{EntityTrait, PaginatorTrait, sea_query::Expr};

async fn counts(app: &TestApp) -> (u64, u64, u64) {
    (
        account::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        oidc_identity::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        session::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
    )
}

/// Whether this browser is signed in as `email` (the account page shows the address).
async fn signed_in_as(browser: &Browser, email: &str) -> bool {
    let response = browser.get("/account").await;
    response.status().as_u16() == 200 && response.text().await.unwrap().contains(email)
}

/// GETs an absolute URL with this browser; returns status, whether a session cookie was set,
/// and the body.
async fn fetch(browser: &Browser, url: reqwest::Url) -> (u16, bool, String) {
    let response = browser.client.get(url).send().await.unwrap();
    let status = response.status().as_u16();
    let session_cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .any(|c| c.to_str().unwrap().starts_with("quorate_session="));
    (status, session_cookie, response.text().await.unwrap())
}

fn start_path() -> String {
    format!("/auth/oidc/{PROVIDER_ID}/start?next=/account")
}

pub async fn signing_in_with_an_openid_provider_creates_an_account_and_signs_in(db: Db) {
    let (app, provider) = spawn_app_with_provider(db).await;
    let browser = app.browser();
    let page = browser.page("/signin", 200).await;
    assert!(
        page.contains(&format!("href=\"/auth/oidc/{PROVIDER_ID}/start\"")),
        "{page}"
    );
    assert!(page.contains(&format!("Sign in with {PROVIDER_NAME}")));

    sign_in_through_provider(&browser, "alice", "/account").await;
    assert!(signed_in_as(&browser, "alice@example.org").await);
    let alice = account::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(alice.display_name, "Alice");
    assert_eq!(alice.password_hash, None);
    let identity = oidc_identity::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (identity.issuer.as_str(), identity.subject.as_str()),
        (provider.issuer.as_str(), "alice")
    );
    assert_eq!(identity.account_id, alice.id);
    assert_eq!(
        oidc_flow::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        0,
        "the flow is used up"
    );
}

pub async fn a_second_sign_in_with_the_same_identity_reuses_the_account(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    sign_in_through_provider(&app.browser(), "alice", "/account").await;
    let other = app.browser();
    sign_in_through_provider(&other, "alice", "/account").await;
    assert!(signed_in_as(&other, "alice@example.org").await);
    // Signing in again in a browser that is signed in rotates its session.
    sign_in_through_provider(&other, "alice", "/account").await;
    assert_eq!(counts(&app).await, (1, 1, 2));
}

pub async fn a_callback_with_a_tampered_state_is_refused_and_signs_nobody_in(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    let browser = app.browser();
    let mut callback = through_provider(&browser, &start_path(), "alice").await;
    let tampered: Vec<(String, String)> = callback
        .query_pairs()
        .map(|(k, v)| match k.as_ref() {
            "state" => (k.into_owned(), format!("{v}x")),
            _ => (k.into_owned(), v.into_owned()),
        })
        .collect();
    let genuine = callback.clone();
    callback.query_pairs_mut().clear().extend_pairs(tampered);
    let (status, session_cookie, body) = fetch(&browser, callback).await;
    assert_eq!(status, 400, "{body}");
    assert!(!session_cookie);
    assert!(body.contains("did not start in this browser"), "{body}");
    assert_eq!(counts(&app).await, (0, 0, 0));

    // Another browser that is handed the genuine callback URL (login CSRF) is refused too.
    let (status, session_cookie, body) = fetch(&app.browser(), genuine).await;
    assert_eq!((status, session_cookie), (400, false), "{body}");
    assert!(body.contains("did not start in this browser"), "{body}");
    assert_eq!(counts(&app).await, (0, 0, 0));
    assert!(!signed_in_as(&browser, "alice@example.org").await);
}

pub async fn a_replayed_callback_is_refused(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    let browser = app.browser();
    let callback = through_provider(&browser, &start_path(), "alice").await;
    let state = callback
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let (status, session_cookie, _) = fetch(&browser, callback.clone()).await;
    assert_eq!((status, session_cookie), (303, true));
    assert_eq!(counts(&app).await, (1, 1, 1));

    // The same browser again: its state cookie is spent.
    let (status, session_cookie, body) = fetch(&browser, callback.clone()).await;
    assert_eq!((status, session_cookie), (400, false), "{body}");
    // An attacker who copied the URL and the state cookie: the flow is gone.
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(callback)
        .header("cookie", format!("quorate_oidc_state={state}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(
        response
            .headers()
            .get("set-cookie")
            .is_none_or(|c| { !c.to_str().unwrap().starts_with("quorate_session=") })
    );
    let body = response.text().await.unwrap();
    assert!(body.contains("used already or has expired"), "{body}");
    assert_eq!(counts(&app).await, (1, 1, 1), "nothing changed");
}

pub async fn an_id_token_with_another_nonce_is_refused(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    let browser = app.browser();
    let callback = through_provider(&browser, &start_path(), "alice").await;
    // The token the provider issues carries the nonce sent at the start; make ours differ.
    oidc_flow::Entity::update_many()
        .col_expr(oidc_flow::Column::Nonce, Expr::value("another-nonce"))
        .exec(&app.connection)
        .await
        .unwrap();
    let (status, session_cookie, body) = fetch(&browser, callback).await;
    assert_eq!((status, session_cookie), (400, false), "{body}");
    assert!(body.contains("belongs to another sign-in"), "{body}");
    assert_eq!(counts(&app).await, (0, 0, 0));
}

pub async fn an_address_with_a_password_account_is_not_linked_automatically(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    app.browser().sign_up("Alice", "alice@example.org").await;
    let browser = app.browser();
    let callback = through_provider(&browser, &start_path(), "alice").await;
    let (status, session_cookie, body) = fetch(&browser, callback).await;
    assert_eq!((status, session_cookie), (409, false), "{body}");
    assert!(body.contains("Sign in with its password"), "{body}");
    assert_eq!(
        counts(&app).await,
        (1, 0, 1),
        "only the password sign-up's session"
    );
    assert!(!signed_in_as(&browser, "alice@example.org").await);
}

pub async fn a_signed_in_owner_links_a_provider_and_then_signs_in_with_it(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    let owner = app.browser();
    owner.sign_up("Alice", "alice@example.org").await;
    let page = owner.page("/account", 200).await;
    assert!(page.contains(&format!("Link {PROVIDER_NAME}")), "{page}");
    assert!(page.contains(&format!(
        "href=\"/auth/oidc/{PROVIDER_ID}/start?next=/account\""
    )));
    // The provider may call the person anything: linking goes by who is signed in here.
    sign_in_through_provider(&owner, "alice-at-work", "/account").await;
    assert!(signed_in_as(&owner, "alice@example.org").await);
    let alice = account::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    let identity = oidc_identity::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (identity.subject.as_str(), identity.account_id),
        ("alice-at-work", alice.id)
    );

    let elsewhere = app.browser();
    sign_in_through_provider(&elsewhere, "alice-at-work", "/account").await;
    assert!(signed_in_as(&elsewhere, "alice@example.org").await);
    assert_eq!(counts(&app).await.0, 1, "no second account");
}

pub async fn declining_at_the_provider_is_refused_with_a_clear_page(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    let browser = app.browser();
    let start = browser.get(&start_path()).await;
    assert_eq!(start.status().as_u16(), 303);
    let to = reqwest::Url::parse(start.headers()["location"].to_str().unwrap()).unwrap();
    let state = to
        .query_pairs()
        .find(|(k, _)| k == "state")
        .unwrap()
        .1
        .into_owned();
    let denied = format!("/auth/oidc/{PROVIDER_ID}/callback?error=access_denied&state={state}");
    let response = browser.get(&denied).await;
    assert_eq!(response.status().as_u16(), 400);
    let body = response.text().await.unwrap();
    assert!(body.contains("cancelled at the provider"), "{body}");
    assert_eq!(counts(&app).await, (0, 0, 0));
}

pub async fn a_provider_that_is_down_gives_a_clear_page(db: Db) {
    let closed = format!("http://127.0.0.1:{}", free_port());
    let app = spawn_app_with(db, |config| config.oidc = vec![provider_config(&closed)]).await;
    let response = app.browser().get(&start_path()).await;
    assert_eq!(response.status().as_u16(), 502);
    let body = response.text().await.unwrap();
    assert!(body.contains("cannot be reached"), "{body}");
    assert_eq!(
        oidc_flow::Entity::find()
            .count(&app.connection)
            .await
            .unwrap(),
        0
    );
    let unknown = app.browser().get("/auth/oidc/nope/start").await;
    assert_eq!(unknown.status().as_u16(), 404);
}

pub async fn a_link_finished_after_signing_out_links_nothing(db: Db) {
    let (app, _provider) = spawn_app_with_provider(db).await;
    let owner = app.browser();
    owner.sign_up("Alice", "alice@example.org").await;
    let callback = through_provider(&owner, &start_path(), "alice-at-work").await;
    owner.post_redirects("/signout", &[], "/").await;
    let (status, session_cookie, body) = fetch(&owner, callback).await;
    assert_eq!((status, session_cookie), (400, false), "{body}");
    assert!(body.contains("no longer signed in"), "{body}");
    assert_eq!(counts(&app).await, (1, 0, 0));
}

pub async fn the_account_page_lists_linked_providers_and_never_unlinks_the_last_way_in(db: Db) {
    let (app, provider) = spawn_app_with_provider(db).await;
    let alice = app.browser();
    sign_in_through_provider(&alice, "alice", "/account").await;
    let page = alice.page("/account", 200).await;
    assert!(
        page.contains(PROVIDER_NAME),
        "the provider is listed: {page}"
    );
    assert!(page.contains("Your only way to sign in"), "{page}");
    let identity = oidc_identity::Entity::find()
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(identity.provider, PROVIDER_ID);
    assert!(identity.last_used_at.is_some());
    let unlink = [("issuer", provider.issuer.as_str()), ("subject", "alice")];
    // The only way in: refused, and the identity stays.
    let response = alice.post_form("/account/identities/unlink", &unlink).await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("data-problem=\"last_sign_in_method\"")
    );
    assert_eq!(counts(&app).await.1, 1);
    // With a password set, unlinking is allowed.
    alice
        .post_redirects(
            "/account/password",
            &[
                ("current_password", ""),
                ("new_password", crate::helpers::GOOD_PASSWORD),
            ],
            "/account",
        )
        .await;
    // Someone else cannot unlink Alice's identity: for them it does not exist.
    let bob = app.browser();
    bob.sign_up("Bob", "bob@example.org").await;
    let response = bob.post_form("/account/identities/unlink", &unlink).await;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(counts(&app).await.1, 1);
    alice
        .post_redirects("/account/identities/unlink", &unlink, "/account")
        .await;
    assert_eq!(counts(&app).await.1, 0);
}
