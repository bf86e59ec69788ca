//! The web shell over real HTTP: health, pages, languages, security headers.

use crate::helpers::{Db, spawn_app};
use reqwest::StatusCode;

pub async fn healthz_answers_ok_while_the_database_is_reachable(db: Db) {
    let app = spawn_app(db).await;
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");
}

pub async fn healthz_answers_503_when_the_database_is_gone(db: Db) {
    let app = spawn_app(db).await;
    app.connection.close_by_ref().await.unwrap();
    let response = app.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
}

pub async fn the_home_page_renders_in_english_by_default(db: Db) {
    let app = spawn_app(db).await;
    let response = app.get("/").await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en">"#), "{html}");
    assert!(html.contains("Decide together, on your own server"));
    assert!(html.contains("<title>Quorate</title>"));
}

pub async fn the_browser_language_is_used_when_there_is_no_choice_yet(db: Db) {
    let app = spawn_app(db).await;
    let html = app
        .client
        .get(format!("{}/", app.address))
        .header("accept-language", "es-ES,es;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="es">"#));
    assert!(html.contains("Decidir en común, en vuestro propio servidor"));
}

pub async fn choosing_a_language_keeps_it_across_pages(db: Db) {
    let app = spawn_app(db).await;
    let response = app
        .post_form(
            "/language",
            &[("language", "es"), ("return_to", "/missing?x=1")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/missing?x=1");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("quorate_lang=es;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"));

    // The cookie wins over the browser's own preference, on every page.
    for path in ["/", "/missing"] {
        let html = app
            .client
            .get(format!("{}{path}", app.address))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(r#"<html lang="es">"#), "{path}");
    }
}

pub async fn an_unknown_language_is_refused_with_the_rule(db: Db) {
    let app = spawn_app(db).await;
    let response = app
        .post_form("/language", &[("language", "xx"), ("return_to", "/")])
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(response.headers().get("set-cookie").is_none());
    let text = response.text().await.unwrap();
    assert!(text.contains("choose one of en, es"), "{text}");
}

pub async fn an_unknown_page_answers_404_with_a_page_that_says_so(db: Db) {
    let app = spawn_app(db).await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let html = response.text().await.unwrap();
    assert!(html.contains("Page not found"));
    assert!(html.contains(r#"href="/""#));
}

pub async fn a_cross_origin_post_is_refused_and_changes_nothing(db: Db) {
    let app = spawn_app(db).await;
    let from_another_site = app
        .client
        .post(format!("{}/language", app.address))
        .header("origin", "https://evil.example")
        .form(&[("language", "es"), ("return_to", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(from_another_site.status(), StatusCode::FORBIDDEN);
    assert!(from_another_site.headers().get("set-cookie").is_none());
    assert!(
        from_another_site
            .text()
            .await
            .unwrap()
            .contains("same-origin")
    );

    let cross_site_fetch = app
        .client
        .post(format!("{}/language", app.address))
        .header("sec-fetch-site", "cross-site")
        .form(&[("language", "es")])
        .send()
        .await
        .unwrap();
    assert_eq!(cross_site_fetch.status(), StatusCode::FORBIDDEN);

    // The language stayed as it was.
    let html = app.get("/").await.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en">"#));
}

pub async fn the_csp_nonce_matches_the_hydration_script(db: Db) {
    let app = spawn_app(db).await;
    let response = app.get("/").await;
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the CSP")
        .to_owned();
    assert!(nonce.len() >= 22, "a nonce of at least 128 bits: {nonce}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    let html = response.text().await.unwrap();
    assert!(
        html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)),
        "the hydration script carries the header's nonce"
    );
    // Every inline script carries it; none goes without.
    assert_eq!(
        html.matches("<script").count(),
        html.matches(&format!(r#"nonce="{nonce}""#)).count()
    );
    // A second page gets a different nonce.
    let again = app.get("/").await;
    assert_ne!(
        again.headers()["content-security-policy"].to_str().unwrap(),
        csp
    );
}

pub async fn every_response_carries_the_security_headers_and_a_request_id(db: Db) {
    let app = spawn_app(db).await;
    for path in ["/", "/healthz", "/nowhere"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(
            headers["referrer-policy"], "strict-origin-when-cross-origin",
            "{path}"
        );
        assert!(headers.contains_key("content-security-policy"), "{path}");
        let id = headers["x-request-id"].to_str().unwrap();
        assert!(uuid::Uuid::parse_str(id).is_ok(), "{path}: {id}");
    }
}

pub async fn migrating_again_changes_nothing(db: Db) {
    let app = spawn_app(db).await;
    let instance_id = || async {
        use sea_orm::{ConnectionTrait, Statement};
        let backend = app.connection.get_database_backend();
        app.connection
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT value FROM instance_settings WHERE key = 'instance_id'",
            ))
            .await
            .unwrap()
            .expect("the instance id row")
            .try_get::<String>("", "value")
            .unwrap()
    };
    let before = instance_id().await;
    // As `quorate migrate` would, through a connection of its own, twice.
    let second = server::db::connect(&app.db.url).await.unwrap();
    server::db::migrate(&second).await.unwrap();
    server::db::migrate(&second).await.unwrap();
    assert_eq!(instance_id().await, before);
}

/// Building an application (as every test and every `quorate serve` does) while another in
/// the same process renders pages that load data: no page waits forever (leptos#4773, see
/// `server::startup::page_routes`).
pub async fn pages_keep_loading_while_another_application_is_built(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    ada.create_organisation("The Co-op", "coop").await;
    let builder = {
        let connection = app.connection.clone();
        let site_root = crate::helpers::spawn::workspace_root().join("target/site");
        tokio::spawn(async move {
            for _ in 0..40 {
                let config = server::Config {
                    site_root: site_root.clone(),
                    ..server::Config::default()
                };
                let local = "127.0.0.1:0".parse().unwrap();
                let router =
                    server::startup::build_router(&config, connection.clone(), "http://x", local);
                drop(router.expect("a router"));
                tokio::task::yield_now().await;
            }
        })
    };
    let mut loads = 0;
    while !builder.is_finished() || loads < 10 {
        // The dashboard reads the organisation through a resource.
        let html = ada.page("/o/coop", 200).await;
        assert!(html.contains("The Co-op"), "{html}");
        loads += 1;
    }
    builder.await.unwrap();
}
