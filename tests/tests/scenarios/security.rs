//! Issue #8: what an attacker and a newcomer meet. User text never reaches HTML unescaped
//! (checked by parsing the served pages, `<head>` included), refused posts keep their page,
//! both loopback spellings work, control characters and bad UTF-8 are refused by rule,
//! server functions answer refusals with their own status, and dead ends explain themselves.

use crate::helpers::{
    Browser, Db, TestApp,
    coop::invite,
    lookup::{account_of, membership_of, organisation_id},
    spawn_app, spawn_app_with,
};
use app::{
    domain::roles::{MembershipState, Role},
    entities::{account, membership, organisation},
};
use scraper::{Html, Selector};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

/// Texts that would add an element, an attribute or a script if they reached the HTML
/// unescaped anywhere: in text, in an attribute, in `<title>`, `<textarea>`, `<style>`.
pub const PAYLOADS: [&str; 11] = [
    r#"T</title><meta http-equiv="refresh" content="0;url=https://evil.example/x">"#,
    r#"</style><b data-injected="style">x</b>"#,
    r#"</script><script data-injected="script">window.__pwned=1</script>"#,
    r#"</textarea><b data-injected="textarea">x</b>"#,
    r#"" autofocus onfocus="window.__pwned=1" data-injected="dq"#,
    r#"' onmouseover='window.__pwned=1' data-injected='sq"#,
    "javascript:window.__pwned=1",
    r#"<img src=x onerror="window.__pwned=1" data-injected="img">"#,
    r#"&lt;b data-injected="entity"&gt;x&lt;/b&gt;"#,
    "&amp;lt;&#60;&#x3c;",
    r#"<meta name="injected" content="x">"#,
];

/// Everything in a page that the page did not put there itself: injected elements and
/// attributes, event handlers, `javascript:` links, scripts without our nonce or bundle.
pub fn foreign_markup(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let mut found = Vec::new();
    let select = |css: &str| Selector::parse(css).unwrap();
    for css in [
        "[data-injected]",
        "meta[http-equiv]",
        "meta[name=injected]",
        "a[href^='javascript:']",
        "[src^='javascript:']",
        "form[action^='javascript:']",
        "style",
        "img",
        "b",
    ] {
        for element in document.select(&select(css)) {
            found.push(format!("{css}: {}", element.html()));
        }
    }
    for element in document.select(&select("*")) {
        for (name, _) in element.value().attrs() {
            if name.starts_with("on") || name == "autofocus" {
                found.push(format!("attribute {name} on <{}>", element.value().name()));
            }
        }
    }
    for script in document.select(&select("script")) {
        let value = script.value();
        let ours = value.attr("nonce").is_some()
            || value
                .attr("src")
                .is_some_and(|src| src.starts_with("/pkg/"));
        if !ours {
            found.push(format!("script: {}", script.html()));
        }
    }
    found
}

/// The text of the page's `<title>`.
pub fn title_of(html: &str) -> String {
    let document = Html::parse_document(html);
    document
        .select(&Selector::parse("title").unwrap())
        .next()
        .map(|t| t.text().collect())
        .unwrap_or_default()
}

/// All the text of a page (what a person reads), `<head>` excluded.
fn body_text(html: &str) -> String {
    let document = Html::parse_document(html);
    document
        .select(&Selector::parse("body").unwrap())
        .next()
        .map(|b| b.text().collect())
        .unwrap_or_default()
}

fn assert_clean(html: &str, page: &str, payload: &str) {
    let foreign = foreign_markup(html);
    assert!(
        foreign.is_empty(),
        "{page} with {payload:?} has markup it did not put there: {foreign:#?}"
    );
}

pub async fn user_text_never_reaches_the_html_unescaped(db: Db) {
    let app = spawn_app(db).await;
    for (i, payload) in PAYLOADS.iter().enumerate() {
        let slug = format!("inj-{i}");
        let person = app.browser();
        let name = format!("P{i} {payload}");
        let email = format!("p{i}@example.org");
        person
            .post_redirects(
                "/signup",
                &[
                    ("display_name", name.as_str()),
                    ("email", email.as_str()),
                    ("password", crate::helpers::GOOD_PASSWORD),
                ],
                "/",
            )
            .await;
        person
            .post_redirects(
                "/orgs/new",
                &[
                    ("name", payload),
                    ("slug", &slug),
                    ("time_zone", "Europe/Madrid"),
                    ("default_language", "en"),
                    ("description", payload),
                ],
                &format!("/o/{slug}"),
            )
            .await;
        person
            .post_redirects(
                &format!("/o/{slug}/groups"),
                &[
                    ("name", payload),
                    ("slug", "group"),
                    ("description", payload),
                ],
                &format!("/o/{slug}/groups"),
            )
            .await;
        let link = invite(&person, &slug, "", Role::Member, Some(1)).await;
        let membership = membership_of(&app, &slug, &email).await.id;
        let pages = [
            "/".to_owned(),
            format!("/o/{slug}"),
            format!("/o/{slug}/members"),
            format!("/o/{slug}/groups"),
            format!("/o/{slug}/invitations"),
            format!("/o/{slug}/settings"),
            format!("/o/{slug}/members/{membership}/leave"),
            "/account".to_owned(),
        ];
        for page in &pages {
            let html = person.page(page, 200).await;
            assert_clean(&html, page, payload);
        }
        // The title carries the name as text, exactly as typed.
        let dashboard = person.page(&format!("/o/{slug}"), 200).await;
        assert_eq!(title_of(&dashboard), format!("{payload} · Quorate"));
        assert!(body_text(&dashboard).contains(payload), "{dashboard}");
        // Someone else opening the invitation link sees the name, and nothing else.
        let visitor = app.browser();
        let html = visitor.page(&link, 200).await;
        assert_clean(&html, "/invite/…", payload);
        // A form sent back keeps what was typed, escaped in its attributes and text.
        let response = person
            .post_form(
                &format!("/o/{slug}/settings"),
                &[
                    ("name", payload),
                    ("slug", "Not A Slug"),
                    ("time_zone", "Europe/Madrid"),
                    ("default_language", "en"),
                    ("description", payload),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap();
        assert_clean(&html, "settings sent back", payload);
        let response = person
            .post_form(
                "/account/profile",
                &[
                    ("display_name", &name),
                    ("email", "not an address"),
                    ("language", ""),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422);
        let html = response.text().await.unwrap();
        assert_clean(&html, "account sent back", payload);
    }
}

pub async fn a_refused_post_answers_with_its_page_and_points_the_address_bar_there(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let me = membership_of(&app, "coop", "ada@example.org").await.id;
    let response = ada
        .post_form(
            &format!("/o/coop/members/{me}/role"),
            &[("form_id", "member"), ("role", "member")],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.unwrap();
    assert_eq!(title_of(&html), "Members · The Co-op · Quorate");
    assert!(
        html.contains("data-problem=\"last_admin_cannot_be_demoted\""),
        "{html}"
    );
    // Before the bundle hydrates, the address bar moves to the page shown (the browser's
    // router then matches the page the server rendered, instead of "not found").
    let document = Html::parse_document(&html);
    let script = document
        .select(&Selector::parse("head script[nonce]").unwrap())
        .map(|s| s.inner_html())
        .find(|s| s.contains("replaceState"))
        .expect("a script that points the address bar at the page");
    assert_eq!(
        script,
        r#"history.replaceState(null,"","/o/coop/members");"#
    );
    assert_eq!(
        membership_of(&app, "coop", "ada@example.org").await.role,
        Role::Admin
    );
}

pub async fn both_loopback_spellings_are_accepted_and_a_refusal_says_which_address(db: Db) {
    let app = spawn_app(db).await;
    let port = app.address.rsplit(':').next().unwrap().to_owned();
    for (i, origin) in [
        format!("http://localhost:{port}"),
        format!("http://127.0.0.1:{port}"),
    ]
    .into_iter()
    .enumerate()
    {
        let response = app
            .client
            .post(format!("{}/signup", app.address))
            .header("origin", &origin)
            .header("sec-fetch-site", "same-origin")
            .form(&[
                ("display_name", "Ana"),
                ("email", format!("ana{i}@example.org").as_str()),
                ("password", crate::helpers::GOOD_PASSWORD),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 303, "from {origin}");
    }
    let response = app
        .client
        .post(format!("{}/signup", app.address))
        .header("origin", "https://evil.example")
        .form(&[("display_name", "Eve")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    assert!(
        response
            .headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = response.text().await.unwrap();
    assert!(html.contains(&format!("http://127.0.0.1:{port}")), "{html}");
    assert!(html.contains("base_url"), "{html}");
    assert!(html.contains("<title>"), "a page with a title: {html}");
}

pub async fn with_a_base_url_only_its_origin_may_post(db: Db) {
    let app = spawn_app_with(db, |config| {
        config.base_url = Some("https://vote.example.org".into());
    })
    .await;
    let response = app
        .client
        .post(format!("{}/signup", app.address))
        .header("origin", app.address.replace("127.0.0.1", "localhost"))
        .form(&[("display_name", "Ana")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    let html = response.text().await.unwrap();
    assert!(html.contains("https://vote.example.org"), "{html}");
}

pub async fn names_with_control_characters_are_refused_by_rule(db: Db) {
    let app = spawn_app(db).await;
    let ana = app.browser();
    let response = ana
        .post_form(
            "/signup",
            &[
                ("display_name", "Ana\u{1b}[2J"),
                ("email", "ana@example.org"),
                ("password", crate::helpers::GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("data-problem=\"control_characters\""),
        "{html}"
    );
    ana.sign_up("Ana", "ana@example.org").await;
    // NUL would make PostgreSQL fail the statement: refused by the rule first.
    for name in ["Co\0op", "Co\r\nop", "Co\u{7}op"] {
        let response = ana
            .post_form(
                "/orgs/new",
                &[
                    ("name", name),
                    ("slug", "coop"),
                    ("time_zone", "UTC"),
                    ("default_language", "en"),
                    ("description", ""),
                ],
            )
            .await;
        assert_eq!(response.status().as_u16(), 422, "{name:?}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains("data-problem=\"control_characters\""),
            "{html}"
        );
    }
    // A description may break lines, but not hold NUL.
    ana.post_redirects(
        "/orgs/new",
        &[
            ("name", "The Co-op"),
            ("slug", "coop"),
            ("time_zone", "UTC"),
            ("default_language", "en"),
            ("description", "Line one\r\nLine two"),
        ],
        "/o/coop",
    )
    .await;
    let response = ana
        .post_form(
            "/o/coop/groups",
            &[
                ("name", "Finance"),
                ("slug", "finance"),
                ("description", "a\0b"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        organisation::Entity::find()
            .all(&app.connection)
            .await
            .unwrap()
            .len()
            == 1
    );
}

pub async fn a_form_that_is_not_utf8_is_refused_and_stores_nothing(db: Db) {
    let app = spawn_app(db).await;
    let response = app
        .client
        .post(format!("{}/signup", app.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            "display_name=Ana%FF%FE&email=ana%40example.org&password=correct+horse+battery+staple",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await.unwrap().contains("UTF-8"));
    assert!(
        account::Entity::find()
            .all(&app.connection)
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn server_functions_answer_refusals_with_their_own_status(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let call = |browser: &Browser, path: &'static str, slug: &'static str| {
        let request = browser
            .client
            .post(format!("{}/api/{path}", browser.address))
            .header("origin", browser.address.as_str())
            .header("accept", "application/json")
            .form(&[("slug", slug)]);
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(call(ada, "organisation_page", "coop").await, 200);
    assert_eq!(call(ada, "organisation_page", "nowhere").await, 404);
    let stranger = app.browser();
    assert_eq!(call(&stranger, "organisation_members", "coop").await, 401);
    stranger.sign_up("Sam", "sam@example.org").await;
    assert_eq!(call(&stranger, "organisation_members", "coop").await, 404);
}

pub async fn the_language_cookie_is_secure_under_an_https_base_url(db: Db) {
    let app = spawn_app_with(db, |config| {
        config.base_url = Some("https://vote.example.org".into());
    })
    .await;
    let response = app
        .client
        .post(format!("{}/language", app.address))
        .header("origin", "https://vote.example.org")
        .form(&[("language", "es"), ("return_to", "/")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 303);
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(cookie.starts_with("quorate_lang=es;"), "{cookie}");
    assert!(cookie.contains("; Secure"), "{cookie}");
}

pub async fn a_suspended_member_is_told_why_and_shown_the_way_home(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let id = membership_of(&app, "coop", "bea@example.org").await.id;
    ada.post_redirects(
        &format!("/o/coop/members/{id}/suspend"),
        &[],
        "/o/coop/members",
    )
    .await;
    let html = bea.page("/o/coop", 403).await;
    assert_eq!(title_of(&html), "Not allowed · Quorate");
    assert!(body_text(&html).contains("suspended"), "{html}");
    assert!(body_text(&html).contains("reinstate"), "{html}");
    let document = Html::parse_document(&html);
    assert!(
        document
            .select(&Selector::parse("main a[href='/']").unwrap())
            .next()
            .is_some(),
        "a way home"
    );
    // An invited person who has not accepted is told how to join.
    let max = app.browser();
    max.sign_up("Max", "max@example.org").await;
    let max_id = account_of(&app, "max@example.org")
        .await
        .expect("the account")
        .id;
    membership::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        organisation_id: Set(organisation_id(&app, "coop").await),
        account_id: Set(max_id),
        role: Set(Role::Member),
        state: Set(MembershipState::Invited),
        created_at: Set(chrono::Utc::now()),
        updated_at: Set(chrono::Utc::now()),
    }
    .insert(&app.connection)
    .await
    .unwrap();
    let html = max.page("/o/coop", 403).await;
    assert!(body_text(&html).contains("invitation link"), "{html}");
}

pub async fn the_web_address_is_suggested_from_the_name_when_left_empty(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    let form = |name: &'static str| {
        [
            ("name", name),
            ("slug", ""),
            ("time_zone", "Europe/Madrid"),
            ("default_language", "en"),
            ("description", ""),
        ]
    };
    ada.post_redirects(
        "/orgs/new",
        &form("Cooperativa l'Hort Vell"),
        "/o/cooperativa-lhort-vell",
    )
    .await;
    // Taken: the next free one.
    ada.post_redirects(
        "/orgs/new",
        &form("Cooperativa L'Hort Vell"),
        "/o/cooperativa-lhort-vell-2",
    )
    .await;
    // Nothing to make it from: the form says the address is needed, and keeps the name.
    let response = ada.post_form("/orgs/new", &form("合作社")).await;
    assert_eq!(response.status().as_u16(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("data-problem=\"slug_empty\""), "{html}");
    assert!(html.contains("value=\"合作社\""), "{html}");
}

pub async fn the_time_zone_is_chosen_from_the_iana_zones_grouped_by_region(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    let html = ada.page("/orgs/new", 200).await;
    let document = Html::parse_document(&html);
    let select = Selector::parse("select[name=time_zone]").unwrap();
    let zones = document.select(&select).next().expect("a select of zones");
    let groups: Vec<String> = zones
        .select(&Selector::parse("optgroup").unwrap())
        .map(|g| g.value().attr("label").unwrap().to_owned())
        .collect();
    assert!(groups.contains(&"Europe".to_owned()) && groups.contains(&"America".to_owned()));
    let madrid = zones
        .select(&Selector::parse("optgroup[label=Europe] option[value='Europe/Madrid']").unwrap())
        .next();
    assert!(madrid.is_some());
    // The label on it names it (accessible), and an unknown zone is still refused by rule.
    assert!(html.contains("<label for=\"organisation-time_zone\">"));
    let response = ada
        .post_form(
            "/orgs/new",
            &[
                ("name", "Coop"),
                ("slug", "coop"),
                ("time_zone", "Mars/Olympus"),
                ("default_language", "en"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("data-problem=\"time_zone_unknown\"")
    );
}

pub async fn removing_and_leaving_ask_first(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().member("Bea", Role::Member).build().await;
    let (ada, bea) = (&coop.admin, coop.browser("Bea"));
    let id = membership_of(&app, "coop", "bea@example.org").await.id;
    let remove = format!("/o/coop/members/{id}/remove");
    // Without the confirmation, the answer is the page that asks; nothing changes.
    ada.post_redirects(&remove, &[("confirmed", "")], &remove)
        .await;
    assert_eq!(
        membership_of(&app, "coop", "bea@example.org").await.state,
        MembershipState::Active
    );
    let html = ada.page(&remove, 200).await;
    assert!(
        body_text(&html).contains("Remove Bea from this organisation?"),
        "{html}"
    );
    assert!(html.contains("name=\"confirmed\" value=\"yes\""), "{html}");
    // Someone else cannot even see the question.
    bea.page(&remove, 403).await;
    ada.post_redirects(&remove, &[("confirmed", "yes")], "/o/coop/members")
        .await;
    assert_eq!(
        membership_of(&app, "coop", "bea@example.org").await.state,
        MembershipState::Left
    );

    // Leaving asks too.
    let link = coop.invite("", Role::Member, Some(1)).await;
    bea.post_redirects(&link, &[], "/o/coop").await;
    let leave = format!("/o/coop/members/{id}/leave");
    bea.post_redirects(&leave, &[], &leave).await;
    assert_eq!(
        membership_of(&app, "coop", "bea@example.org").await.state,
        MembershipState::Active
    );
    let html = bea.page(&leave, 200).await;
    assert!(body_text(&html).contains("Leave The Co-op?"), "{html}");
    bea.post_redirects(&leave, &[("confirmed", "yes")], "/")
        .await;
    assert_eq!(
        membership_of(&app, "coop", "bea@example.org").await.state,
        MembershipState::Left
    );
}

pub async fn every_organisation_page_has_its_breadcrumb_and_the_group_form_its_own_hint(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    for page in [
        "/o/coop/settings",
        "/o/coop/members",
        "/o/coop/groups",
        "/o/coop/invitations",
    ] {
        let html = ada.page(page, 200).await;
        let document = Html::parse_document(&html);
        let crumbs: Vec<String> = document
            .select(&Selector::parse("nav.breadcrumbs a").unwrap())
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect();
        assert_eq!(crumbs, vec!["/", "/o/coop"], "{page}");
    }
    let html = ada.page("/o/coop/groups", 200).await;
    assert!(
        !html.contains("/o/green-valley-co-op"),
        "the group hint is about groups"
    );
    assert!(html.contains("names the group inside the organisation"));
}

pub async fn without_mail_the_invitations_page_says_addresses_cannot_be_verified(db: Db) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let ada = &coop.admin;
    let html = ada.page("/o/coop/invitations", 200).await;
    assert!(
        html.contains("data-notice=\"addresses-unverifiable\""),
        "{html}"
    );
    assert!(body_text(&html).contains("cannot check that people own the addresses"));
}

async fn sign_in_from(
    app: &TestApp,
    browser: &Browser,
    client: &str,
    password: &str,
) -> reqwest::Response {
    browser
        .client
        .post(format!("{}/signin", app.address))
        .header("origin", app.address.as_str())
        .header("x-forwarded-for", client)
        .form(&[("email", "ada@example.org"), ("password", password)])
        .send()
        .await
        .unwrap()
}

pub async fn a_guesser_elsewhere_does_not_lock_the_owner_out(db: Db) {
    // Behind a trusted proxy (this test's own loopback connection), each client is the
    // address the proxy saw.
    let app = spawn_app_with(db, |config| {
        config.trusted_proxies = vec!["127.0.0.1".into()];
    })
    .await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let guesser = app.browser();
    let mut statuses = Vec::new();
    for _ in 0..8 {
        statuses.push(
            sign_in_from(&app, &guesser, "203.0.113.66", "wrong wrong wrong")
                .await
                .status()
                .as_u16(),
        );
    }
    assert!(
        statuses.contains(&429),
        "the guesser is slowed down: {statuses:?}"
    );
    // The owner, from another address, signs in at once with the right password.
    let owner = app.browser();
    let response = sign_in_from(&app, &owner, "198.51.100.7", crate::helpers::GOOD_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 303);
}

pub async fn an_untrusted_connection_cannot_pick_its_address(db: Db) {
    let app = spawn_app(db).await;
    app.browser().sign_up("Ada", "ada@example.org").await;
    let guesser = app.browser();
    let mut last = 0;
    for i in 0..6 {
        // A new forged address every time: ignored, so the pair counter still counts.
        let forged = format!("198.51.100.{i}");
        last = sign_in_from(&app, &guesser, &forged, "wrong wrong wrong")
            .await
            .status()
            .as_u16();
    }
    assert_eq!(last, 429);
}

pub async fn a_huge_address_is_stored_as_a_short_key_and_old_counters_are_swept(db: Db) {
    use app::entities::login_throttle;
    let app = spawn_app(db).await;
    let huge = "a".repeat(1_500_000);
    let response = app
        .browser()
        .post_form("/signin", &[("email", huge.as_str()), ("password", "x")])
        .await;
    assert_eq!(response.status().as_u16(), 422);
    let rows = login_throttle::Entity::find()
        .all(&app.connection)
        .await
        .unwrap();
    assert_eq!(rows.len(), 3, "pair, account and address");
    assert!(
        rows.iter().all(|r| r.key.len() <= 80),
        "{:?}",
        rows.iter().map(|r| r.key.len()).collect::<Vec<_>>()
    );
    // A counter from two days ago is gone after the next failure.
    let old = chrono::Utc::now() - chrono::Duration::days(2);
    login_throttle::ActiveModel {
        key: Set("pair:old".into()),
        failures: Set(3),
        window_start: Set(old),
        locked_until: Set(None),
    }
    .insert(&app.connection)
    .await
    .unwrap();
    app.browser()
        .post_form("/signin", &[("email", "x@example.org"), ("password", "x")])
        .await;
    assert!(
        login_throttle::Entity::find_by_id("pair:old".to_owned())
            .one(&app.connection)
            .await
            .unwrap()
            .is_none()
    );
}

pub async fn pages_are_never_kept_by_the_browser(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    for page in ["/", "/account", "/signin"] {
        let response = ada.get(page).await;
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{page}"
        );
    }
}
