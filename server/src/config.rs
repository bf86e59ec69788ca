//! Configuration: defaults, then `quorate.toml`, then `QUORATE_*` environment variables,
//! validated at start so that a mistake is one clear line, not a panic later.

use anyhow::{Context, bail};
use figment::{
    Figment,
    providers::{Env, Format, Serialized, Toml},
};
use serde::{Deserialize, Serialize};
use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

/// Where the default configuration file is looked for.
pub const DEFAULT_CONFIG_FILE: &str = "quorate.toml";

/// Everything the server can be told.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `sqlite://data/quorate.db` (the default) or `postgres://user:password@host/db`.
    pub database_url: String,
    /// The address to listen on.
    pub bind: String,
    /// The address people use to reach this server (for links and the same-origin check);
    /// default: `http://` plus the bound address.
    pub base_url: Option<String>,
    /// A tracing filter: `info`, `debug`, `quorate=debug,tower_http=info`, ...
    pub log_level: String,
    /// `text` for people, `json` for log collectors.
    pub log_format: LogFormat,
    /// The folder with the built browser assets (`pkg/quorate-<hash>.js`, ...).
    pub site_root: PathBuf,
    /// An SMTP server to send mail through: `smtp://user:password@mail.example.org:587?tls=required`
    /// (STARTTLS), `smtps://...:465` (TLS) or `smtp://localhost:25` (a local relay, plain);
    /// unset: no mail is sent (invitation links are copied by hand).
    #[serde(default)]
    pub smtp_url: Option<String>,
    /// The sender of Quorate's mail, e.g. `Quorate <quorate@example.org>`.
    #[serde(default)]
    pub mail_from: Option<String>,
    /// OpenID providers people can sign in with: `[[oidc]]` tables in `quorate.toml`, or
    /// `QUORATE_OIDC='[{id=keycloak,name=Keycloak,issuer="https://...",client_id=quorate,client_secret="..."}]'`.
    #[serde(default)]
    pub oidc: Vec<crate::oidc::ProviderConfig>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (addresses or networks:
    /// `["10.0.0.5", "10.1.0.0/16"]`); empty: the connecting address is the client.
    #[serde(default)]
    pub trusted_proxies: Vec<String>,
    /// Whether this process opens and closes rounds at their times (default: yes). Several
    /// processes on one database may all do it: each round still closes once.
    #[serde(default = "yes")]
    pub scheduler: bool,
}

fn yes() -> bool {
    true
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines with key=value fields.
    Text,
    /// One JSON object per line.
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://data/quorate.db".into(),
            bind: "127.0.0.1:3000".into(),
            base_url: None,
            log_level: "info".into(),
            log_format: LogFormat::Text,
            site_root: "target/site".into(),
            smtp_url: None,
            mail_from: None,
            oidc: Vec::new(),
            trusted_proxies: Vec::new(),
            scheduler: true,
        }
    }
}

impl Config {
    /// Loads and validates the configuration. `file` is an explicit configuration file
    /// (which must exist); without one, `./quorate.toml` is read if present.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Config> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                if !path.is_file() {
                    bail!("the configuration file {} does not exist", path.display());
                }
                figment = figment.merge(Toml::file_exact(path));
            }
            None => figment = figment.merge(Toml::file(DEFAULT_CONFIG_FILE)),
        }
        let config: Config = figment
            // Variables of the test tooling share the prefix; they are not settings.
            .merge(Env::prefixed("QUORATE_").ignore(&[
                "config",
                "bin",
                "test_postgres_url",
                "e2e_port",
                "skip_browser",
            ]))
            .extract()
            .map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks every value that can be checked without I/O.
    pub fn validate(&self) -> anyhow::Result<()> {
        self.bind_address()?;
        if let Some(base) = &self.base_url {
            origin_of(base).with_context(|| format!("invalid base_url {base:?}"))?;
        }
        crate::db::Engine::of(&self.database_url)?;
        self.mailer()?;
        crate::oidc::validate(&self.oidc)?;
        crate::client_address::TrustedProxies::parse(&self.trusted_proxies)?;
        tracing_subscriber::EnvFilter::try_new(&self.log_level)
            .with_context(|| format!("invalid log_level {:?}", self.log_level))?;
        Ok(())
    }

    /// The mailer, if SMTP is configured (both `smtp_url` and `mail_from`).
    pub fn mailer(&self) -> anyhow::Result<Option<crate::mail::Mailer>> {
        match (&self.smtp_url, &self.mail_from) {
            (Some(url), Some(from)) => crate::mail::Mailer::new(url, from).map(Some),
            (Some(_), None) => bail!("smtp_url is set but mail_from is not: set both"),
            (None, Some(_)) => bail!("mail_from is set but smtp_url is not: set both"),
            (None, None) => Ok(None),
        }
    }

    /// The socket address to bind.
    pub fn bind_address(&self) -> anyhow::Result<SocketAddr> {
        self.bind.parse().with_context(|| {
            format!(
                "invalid bind address {:?}: expected IP:PORT such as 127.0.0.1:3000",
                self.bind
            )
        })
    }
}

/// The origin (`scheme://host[:port]`, lowercase, no path) of an http(s) URL.
pub fn origin_of(url: &str) -> anyhow::Result<String> {
    let (scheme, rest) = url
        .split_once("://")
        .context("expected a URL such as https://vote.example.org")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        bail!("expected an http:// or https:// URL");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        bail!("expected a host name after {scheme}://");
    }
    let authority = authority.to_ascii_lowercase();
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_owned(),
        _ => authority,
    };
    Ok(format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_drop_paths_default_ports_and_case() {
        assert_eq!(
            origin_of("HTTPS://Vote.Example.org:443/co-op/").unwrap(),
            "https://vote.example.org"
        );
        assert_eq!(
            origin_of("http://127.0.0.1:3000").unwrap(),
            "http://127.0.0.1:3000"
        );
    }

    #[test]
    fn a_base_url_that_is_not_http_is_refused() {
        assert!(origin_of("ftp://example.org").is_err());
        assert!(origin_of("example.org").is_err());
        assert!(origin_of("http://").is_err());
        assert!(origin_of("http://user@evil.example").is_err());
    }

    #[test]
    fn the_defaults_are_valid() {
        Config::default().validate().unwrap();
    }

    #[test]
    fn a_bad_bind_address_names_the_expected_form() {
        let config = Config {
            bind: "localhost".into(),
            ..Config::default()
        };
        let message = format!("{:#}", config.validate().unwrap_err());
        assert!(message.contains("IP:PORT"), "{message}");
    }
}
