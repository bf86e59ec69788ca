//! How an OpenID provider is configured (`[[oidc]]` in `quorate.toml`, or `QUORATE_OIDC`) and
//! the checks made at start.

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use std::{collections::HashSet, fmt};

/// One OpenID provider people can sign in with.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderConfig {
    /// A short name used in URLs: `/auth/oidc/<id>/callback` (lowercase letters, digits, `-`, `_`).
    pub id: String,
    /// The label on the sign-in button ("Sign in with <name>").
    pub name: String,
    /// The issuer URL; `<issuer>/.well-known/openid-configuration` must answer.
    pub issuer: String,
    /// The client id registered at the provider.
    pub client_id: String,
    /// The client secret registered at the provider (never logged).
    pub client_secret: String,
    /// Treat the provider's e-mail addresses as verified even when its ID tokens do not say
    /// `email_verified: true` (for providers that omit the claim and check addresses themselves).
    #[serde(default)]
    pub trust_email: bool,
}

impl fmt::Debug for ProviderConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderConfig")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &"****")
            .field("trust_email", &self.trust_email)
            .finish()
    }
}

/// Checks every provider, and that no two share an id.
pub fn validate(providers: &[ProviderConfig]) -> anyhow::Result<()> {
    let mut seen = HashSet::new();
    for provider in providers {
        provider
            .validate()
            .with_context(|| format!("invalid OpenID provider {:?}", provider.id))?;
        if !seen.insert(provider.id.as_str()) {
            bail!(
                "two OpenID providers have the id {:?}: give each its own",
                provider.id
            );
        }
    }
    Ok(())
}

impl ProviderConfig {
    fn validate(&self) -> anyhow::Result<()> {
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 64
            && self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !id_ok {
            bail!("id must be 1 to 64 lowercase letters, digits, '-' or '_'");
        }
        if self.name.trim().is_empty() {
            bail!("name (the button label) is empty");
        }
        let issuer = openidconnect::url::Url::parse(&self.issuer)
            .with_context(|| format!("issuer {:?} is not a URL", self.issuer))?;
        if !matches!(issuer.scheme(), "http" | "https") || issuer.host_str().is_none() {
            bail!(
                "issuer {:?} must be an http:// or https:// URL with a host",
                self.issuer
            );
        }
        if self.client_id.trim().is_empty() {
            bail!("client_id is empty");
        }
        if self.client_secret.is_empty() {
            bail!("client_secret is empty");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use figment::providers::Format;

    fn provider(id: &str, issuer: &str) -> ProviderConfig {
        ProviderConfig {
            id: id.into(),
            name: "Keycloak".into(),
            issuer: issuer.into(),
            client_id: "quorate".into(),
            client_secret: "s3cret".into(),
            trust_email: false,
        }
    }

    fn error(providers: &[ProviderConfig]) -> String {
        format!("{:#}", validate(providers).unwrap_err())
    }

    #[test]
    fn well_formed_providers_are_accepted() {
        validate(&[
            provider("keycloak", "https://id.example.org/realms/coop"),
            provider("local_dev-1", "http://127.0.0.1:8080"),
        ])
        .unwrap();
    }

    #[test]
    fn two_providers_with_one_id_are_refused() {
        let message = error(&[
            provider("keycloak", "https://a.example.org"),
            provider("keycloak", "https://b.example.org"),
        ]);
        assert!(message.contains("two OpenID providers"), "{message}");
    }

    #[test]
    fn an_issuer_that_is_not_an_http_url_is_refused() {
        for issuer in ["id.example.org", "ftp://id.example.org", "https://", ""] {
            let message = error(&[provider("keycloak", issuer)]);
            assert!(message.contains("issuer"), "{issuer}: {message}");
            assert!(message.contains("\"keycloak\""), "{message}");
        }
    }

    #[test]
    fn ids_that_do_not_fit_in_a_url_path_are_refused() {
        for id in ["", "Key Cloak", "a/b", "ü"] {
            let message = error(&[provider(id, "https://id.example.org")]);
            assert!(message.contains("id must be"), "{id}: {message}");
        }
    }

    #[test]
    fn empty_names_client_ids_and_secrets_are_refused() {
        let mut p = provider("k", "https://id.example.org");
        p.name = " ".into();
        assert!(error(&[p]).contains("name"));
        let mut p = provider("k", "https://id.example.org");
        p.client_id = String::new();
        assert!(error(&[p]).contains("client_id"));
        let mut p = provider("k", "https://id.example.org");
        p.client_secret = String::new();
        assert!(error(&[p]).contains("client_secret"));
    }

    #[test]
    fn providers_read_from_toml_tables() {
        let toml = r#"
            [[oidc]]
            id = "keycloak"
            name = "Keycloak"
            issuer = "https://id.example.org/realms/coop"
            client_id = "quorate"
            client_secret = "s3cret"

            [[oidc]]
            id = "authentik"
            name = "Authentik"
            issuer = "https://auth.example.org/application/o/quorate/"
            client_id = "q"
            client_secret = "s"
            trust_email = true
        "#;
        let providers: Vec<ProviderConfig> =
            figment::Figment::from(figment::providers::Toml::string(toml))
                .extract_inner("oidc")
                .unwrap();
        assert_eq!(
            providers[0],
            provider("keycloak", "https://id.example.org/realms/coop")
        );
        assert!(providers[1].trust_email);
        validate(&providers).unwrap();
    }

    #[test]
    fn providers_read_from_one_environment_variable() {
        // The value of QUORATE_OIDC as the README shows it, parsed as figment parses
        // environment values.
        let value: figment::value::Value = r#"[{id="keycloak",name="Keycloak",issuer="https://id.example.org/realms/coop",client_id="quorate",client_secret="s3cret"}]"#
            .parse()
            .unwrap();
        let providers: Vec<ProviderConfig> =
            figment::Figment::from(figment::providers::Serialized::default("oidc", value))
                .extract_inner("oidc")
                .unwrap();
        assert_eq!(
            providers,
            vec![provider("keycloak", "https://id.example.org/realms/coop")]
        );
    }

    #[test]
    fn the_secret_is_never_in_debug_output() {
        let shown = format!("{:?}", provider("k", "https://id.example.org"));
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
