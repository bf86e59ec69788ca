//! A real OpenID provider on loopback (npm `oidc-provider`, started from
//! `end2end/oidc/provider.mjs`), and a person's way through it: Quorate's start link, the
//! provider's own login and consent forms, and back to Quorate's callback.

use super::{Browser, Db, TestApp, spawn::workspace_root, spawn_app_with};
use reqwest::Url;
use server::oidc::ProviderConfig;
use std::{process::Stdio, time::Duration};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

/// The provider id Quorate is configured with in these tests.
pub const PROVIDER_ID: &str = "test";
/// The provider's button label.
pub const PROVIDER_NAME: &str = "Test ID";
const CLIENT_ID: &str = "quorate";
const CLIENT_SECRET: &str = "quorate-test-secret";

/// A running provider; killed when dropped.
pub struct OidcProvider {
    /// `http://127.0.0.1:PORT`
    pub issuer: String,
    _child: Child,
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Quorate's configuration for a provider at `issuer`.
pub fn provider_config(issuer: &str) -> ProviderConfig {
    ProviderConfig {
        id: PROVIDER_ID.into(),
        name: PROVIDER_NAME.into(),
        issuer: issuer.into(),
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        trust_email: false,
    }
}

impl OidcProvider {
    /// Starts the provider on `port`, accepting `redirect_uri`, and waits until it listens;
    /// `None` if it exits first (another test took the port after `free_port` chose it).
    pub async fn try_start(port: u16, redirect_uri: &str) -> Option<OidcProvider> {
        let end2end = workspace_root().join("end2end");
        assert!(
            end2end.join("node_modules/oidc-provider").is_dir(),
            "end2end/node_modules/oidc-provider is missing: run scripts/install-tools.sh \
             (or `npm ci` in end2end)"
        );
        let mut child = Command::new("node")
            .arg("oidc/provider.mjs")
            .arg(port.to_string())
            .current_dir(&end2end)
            .env("OIDC_CLIENT_ID", CLIENT_ID)
            .env("OIDC_CLIENT_SECRET", CLIENT_SECRET)
            .env("OIDC_REDIRECT_URIS", redirect_uri)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("node runs (Node.js 20 or later must be on PATH)");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await.unwrap() {
                if line.starts_with("ready") {
                    return true;
                }
            }
            false
        })
        .await;
        match ready {
            Ok(true) => {}
            Ok(false) => return None,
            Err(_) => panic!("the OpenID provider did not start within 30 s"),
        }
        // Keep draining its output so it never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Some(OidcProvider {
            issuer: format!("http://127.0.0.1:{port}"),
            _child: child,
        })
    }
}

/// Quorate configured with a provider, and that provider running. The provider's port is
/// chosen before Quorate is configured with it, so another test can take it in between: then
/// both start again on another port (three tries).
pub async fn spawn_app_with_provider(db: Db) -> (TestApp, OidcProvider) {
    for _ in 0..3 {
        let port = free_port();
        let issuer = format!("http://127.0.0.1:{port}");
        let app = spawn_app_with(db, |config| config.oidc = vec![provider_config(&issuer)]).await;
        let redirect = format!("{}/auth/oidc/{PROVIDER_ID}/callback", app.address);
        if let Some(provider) = OidcProvider::try_start(port, &redirect).await {
            return (app, provider);
        }
    }
    panic!("the OpenID provider exited before it listened, three times");
}

/// Follows `start_path` on Quorate through the provider's login (as `login`, any password)
/// and consent, and returns the callback URL the provider sends the browser back to,
/// without fetching it.
pub async fn through_provider(browser: &Browser, start_path: &str, login: &str) -> Url {
    let start = browser.get(start_path).await;
    assert_eq!(start.status().as_u16(), 303, "GET {start_path}");
    let mut url = location(&start, &Url::parse(&browser.address).unwrap());
    let callback_prefix = format!("{}/auth/oidc/", browser.address);
    for _ in 0..20 {
        if url.as_str().starts_with(&callback_prefix) {
            return url;
        }
        let response = browser.client.get(url.clone()).send().await.unwrap();
        if response.status().is_redirection() {
            url = location(&response, &url);
            continue;
        }
        assert_eq!(response.status().as_u16(), 200, "GET {url}");
        let page = response.text().await.unwrap();
        let action = form_action(&page).unwrap_or_else(|| panic!("a form at {url}: {page}"));
        let target = url.join(&action).unwrap();
        let fields: Vec<(&str, &str)> = if page.contains(r#"name="login""#) {
            vec![("prompt", "login"), ("login", login), ("password", "any")]
        } else {
            vec![("prompt", "consent")]
        };
        let posted = browser
            .client
            .post(target.clone())
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert!(posted.status().is_redirection(), "POST {target}");
        url = location(&posted, &target);
    }
    panic!("the provider never sent the browser back to Quorate");
}

/// Signs in through the provider and asserts Quorate's redirect to `next`.
pub async fn sign_in_through_provider(browser: &Browser, login: &str, next: &str) {
    let start = format!("/auth/oidc/{PROVIDER_ID}/start?next={next}");
    let callback = through_provider(browser, &start, login).await;
    let response = browser.client.get(callback).send().await.unwrap();
    let status = response.status().as_u16();
    let to = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    let body = response.text().await.unwrap();
    assert_eq!((status, to.as_deref()), (303, Some(next)), "{body}");
}

fn location(response: &reqwest::Response, base: &Url) -> Url {
    let to = response.headers()["location"].to_str().unwrap();
    base.join(to).unwrap()
}

fn form_action(page: &str) -> Option<String> {
    let start = page.find("<form")?;
    let rest = page.get(start..)?;
    let after = rest.get(rest.find(r#"action=""#)? + 8..)?;
    let action = after.get(..after.find('"')?)?;
    Some(action.replace("&amp;", "&"))
}
