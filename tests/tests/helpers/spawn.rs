//! Starting Quorate for a test: in-process on a random port, or the real binary.

use super::{Db, TestDb};
use server::{Application, Config};
use std::path::PathBuf;

/// A running instance and a client for it.
pub struct TestApp {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// A client that keeps cookies and does not follow redirects (tests look at them).
    pub client: reqwest::Client,
    /// The database the instance uses.
    pub db: TestDb,
    /// The instance's own pool, to reach behind its back (e.g. to close it).
    pub connection: sea_orm::DatabaseConnection,
}

impl TestApp {
    /// `GET path` with this app's own client.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.as_browser().get(path).await
    }

    /// `POST path` with a form, from our own pages, with this app's own client.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.as_browser().post_form(path, form).await
    }

    /// This app's own client as a [`Browser`] (it shares the cookie jar).
    pub fn as_browser(&self) -> Browser {
        Browser {
            address: self.address.clone(),
            client: self.client.clone(),
        }
    }

    /// Another browser (its own cookies) on the same instance.
    pub fn browser(&self) -> Browser {
        Browser {
            address: self.address.clone(),
            client: new_client(),
        }
    }
}

/// A person's browser: its own cookie jar, no redirects followed.
pub struct Browser {
    /// `http://127.0.0.1:PORT`
    pub address: String,
    /// The client.
    pub client: reqwest::Client,
}

impl Browser {
    /// `GET path`.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("the server answers")
    }

    /// The HTML of `GET path`, asserting the status.
    pub async fn page(&self, path: &str, status: u16) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        response.text().await.expect("a body")
    }

    /// `POST path` with a form, from our own pages.
    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .header("origin", &self.address)
            .header("sec-fetch-site", "same-origin")
            .form(form)
            .send()
            .await
            .expect("the server answers")
    }

    /// Posts and asserts a redirect to `location`.
    pub async fn post_redirects(&self, path: &str, form: &[(&str, &str)], location: &str) {
        let response = self.post_form(path, form).await;
        let status = response.status().as_u16();
        let found = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = response.text().await.unwrap_or_default();
        assert_eq!(
            (status, found.as_str()),
            (303, location),
            "POST {path}: {body}"
        );
    }

    /// Signs up (and so in) with a good password.
    pub async fn sign_up(&self, name: &str, email: &str) {
        self.post_redirects(
            "/signup",
            &[
                ("display_name", name),
                ("email", email),
                ("password", GOOD_PASSWORD),
            ],
            "/",
        )
        .await;
    }

    /// Signs up where Quorate sends mail: the form says "check your e-mail", the mailed link
    /// asks to confirm, and confirming creates the account and signs it in.
    pub async fn sign_up_by_mail(&self, name: &str, email: &str, sink: &super::smtp::MailSink) {
        let known = sink.confirmation_tokens(email).len();
        self.post_redirects(
            "/signup",
            &[
                ("display_name", name),
                ("email", email),
                ("password", GOOD_PASSWORD),
            ],
            "/email/sent",
        )
        .await;
        let token = sink.wait_for_confirmation(email, known).await;
        self.page(&format!("/email/confirm/{token}"), 200).await;
        self.post_redirects(&format!("/email/confirm/{token}"), &[], "/")
            .await;
    }

    /// Signs in with the good password (a second device of someone who signed up).
    pub async fn sign_in(&self, email: &str) {
        self.post_redirects(
            "/signin",
            &[("email", email), ("password", GOOD_PASSWORD)],
            "/",
        )
        .await;
    }

    /// Creates an organisation with this slug and returns nothing; asserts success.
    pub async fn create_organisation(&self, name: &str, slug: &str) {
        self.post_redirects(
            "/orgs/new",
            &[
                ("name", name),
                ("slug", slug),
                ("time_zone", "Europe/Madrid"),
                ("default_language", "en"),
                ("description", "A co-op for tests"),
            ],
            &format!("/o/{slug}"),
        )
        .await;
    }
}

/// A password that passes every rule.
pub const GOOD_PASSWORD: &str = "correct horse battery staple";

fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        // A request that hangs fails the test instead of stalling the suite.
        .timeout(std::time::Duration::from_secs(30))
        .cookie_store(true)
        .build()
        .expect("an HTTP client")
}

/// Builds the application exactly as `quorate serve` does, on port 0, and serves it in the
/// background for the rest of the test.
pub async fn spawn_app(db: Db) -> TestApp {
    spawn_app_with(db, |_| {}).await
}

/// Like [`spawn_app`], with the configuration adjusted first (SMTP, OpenID providers, ...).
pub async fn spawn_app_with(db: Db, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let db = TestDb::new(db).await;
    let mut config = Config {
        database_url: db.url.clone(),
        bind: "127.0.0.1:0".into(),
        site_root: workspace_root().join("target/site"),
        log_level: "warn".into(),
        ..Config::default()
    };
    adjust(&mut config);
    let app = Application::build(config).await.expect("the app starts");
    // Where the test reaches it (not the configured base URL, which may name a proxy).
    let address = format!("http://127.0.0.1:{}", app.port());
    let connection = app.database();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let client = new_client();
    TestApp {
        address,
        client,
        db,
        connection,
    }
}

/// A second instance on the same database as `app`, whose every SQL statement is counted
/// (sea-orm's metric callback): its address and the counter. Cookies are per host, not per
/// port, so a browser signed in on `app` is signed in here too.
pub async fn counting_instance(
    app: &TestApp,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::{Arc, atomic::AtomicUsize, atomic::Ordering};
    let counter = Arc::new(AtomicUsize::new(0));
    let mut connection = server::db::connect(&app.db.url)
        .await
        .expect("a connection");
    let counted = Arc::clone(&counter);
    connection.set_metric_callback(move |_| {
        counted.fetch_add(1, Ordering::SeqCst);
    });
    let config = Config {
        database_url: app.db.url.clone(),
        bind: "127.0.0.1:0".into(),
        site_root: workspace_root().join("target/site"),
        log_level: "warn".into(),
        // The scheduler's own queries (due rounds, every few seconds) would be counted with
        // the page's whenever a tick fell inside a request.
        scheduler: false,
        ..Config::default()
    };
    let instance = Application::build_on(config, connection)
        .await
        .expect("the counting instance starts");
    let address = format!("http://127.0.0.1:{}", instance.port());
    tokio::spawn(instance.run_until_stopped(std::future::pending()));
    (address, counter)
}

/// The repository's root folder.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// The built `quorate` binary (`QUORATE_BIN`, or target/debug/quorate).
pub fn quorate_bin() -> PathBuf {
    let path = std::env::var_os("QUORATE_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/quorate"));
    assert!(
        path.is_file(),
        "{} is missing: build it first with `cargo build -p server`",
        path.display()
    );
    path
}
