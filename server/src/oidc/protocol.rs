//! The OpenID Connect protocol steps, with the `openidconnect` crate: discovery, the
//! authorization URL (PKCE S256, state, nonce), the code exchange, and the ID token's checks
//! (signature with the provider's JWKS, issuer, audience, expiry, nonce, access-token hash).

use super::{Failure, ProviderConfig};
use app::{domain::oidc::ClaimedEmail, services::oidc::VerifiedIdentity};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, TokenResponse,
    core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata},
    reqwest,
};
use std::time::Duration;

/// A client for one provider, built from its discovered metadata.
pub type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The HTTP client for talking to providers: redirects off (the crate's advice against
/// SSRF) and timeouts, so a provider that hangs gives a clear page rather than a hung one.
pub fn http_client() -> anyhow::Result<reqwest::Client> {
    reqwest::ClientBuilder::new()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(15))
        .build()
        .map_err(|e| anyhow::anyhow!("cannot build the HTTP client for OpenID providers: {e}"))
}

/// Discovers the provider's metadata and keys (each time: a provider that rotates its keys
/// is never seen with stale ones) and builds a client with our redirect URI.
pub async fn discover(
    http: &reqwest::Client,
    provider: &ProviderConfig,
    redirect_uri: String,
) -> Result<Client, Failure> {
    let issuer = IssuerUrl::new(provider.issuer.clone()).map_err(|error| {
        tracing::warn!(provider = %provider.id, %error, "bad issuer URL");
        Failure::ProviderUnavailable
    })?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http)
        .await
        .map_err(|error| {
            tracing::warn!(provider = %provider.id, error = %error_chain(&error), "OpenID discovery failed");
            Failure::ProviderUnavailable
        })?;
    let redirect = RedirectUrl::new(redirect_uri).map_err(|error| {
        tracing::error!(provider = %provider.id, %error, "bad redirect URI");
        Failure::ProviderUnavailable
    })?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(provider.client_id.clone()),
        Some(ClientSecret::new(provider.client_secret.clone())),
    )
    .set_redirect_uri(redirect))
}

/// What the start of a flow produces: where to send the browser and what to remember.
pub struct Authorization {
    /// The provider's authorization URL with all parameters.
    pub url: String,
    /// The `state` parameter.
    pub state: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE verifier for the code exchange.
    pub pkce_verifier: String,
}

/// Builds the authorization request: code flow, scopes `openid email profile`, PKCE S256.
pub fn authorize(client: &Client) -> Authorization {
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .add_scope(Scope::new("profile".into()))
        .set_pkce_challenge(challenge)
        .url();
    Authorization {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    }
}

/// Exchanges the code (with the PKCE verifier) and checks the ID token.
pub async fn finish(
    http: &reqwest::Client,
    client: &Client,
    provider: &ProviderConfig,
    code: String,
    pkce_verifier: String,
    nonce: String,
) -> Result<VerifiedIdentity, Failure> {
    let request = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|error| {
            tracing::warn!(provider = %provider.id, %error, "the provider has no token endpoint");
            Failure::ProviderUnavailable
        })?;
    let response = request
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier))
        .request_async(http)
        .await
        .map_err(|error| {
            tracing::warn!(provider = %provider.id, error = %error_chain(&error), "code exchange failed");
            match error {
                RequestTokenError::ServerResponse(_) => Failure::ExchangeRefused,
                _ => Failure::ProviderUnavailable,
            }
        })?;
    let id_token = response.id_token().ok_or_else(|| {
        tracing::warn!(provider = %provider.id, "the token response has no ID token");
        Failure::TokenInvalid
    })?;
    let verifier = client.id_token_verifier();
    let claims = id_token
        .claims(&verifier, &Nonce::new(nonce))
        .map_err(|error| {
            tracing::warn!(provider = %provider.id, %error, "the ID token was refused");
            match error {
                ClaimsVerificationError::InvalidNonce(_) => Failure::NonceMismatch,
                _ => Failure::TokenInvalid,
            }
        })?;
    // The access token must be the one the ID token was issued with (OIDC Core §3.1.3.8).
    if let Some(expected) = claims.access_token_hash() {
        let actual = id_token
            .signing_alg()
            .ok()
            .zip(id_token.signing_key(&verifier).ok())
            .and_then(|(alg, key)| {
                AccessTokenHash::from_token(response.access_token(), alg, key).ok()
            });
        if actual.as_ref() != Some(expected) {
            tracing::warn!(provider = %provider.id, "the access token hash does not match");
            return Err(Failure::TokenInvalid);
        }
    }
    let email = match claims.email() {
        None => ClaimedEmail::Missing,
        Some(address) if claims.email_verified() == Some(true) || provider.trust_email => {
            ClaimedEmail::Verified(address.to_string())
        }
        Some(address) => ClaimedEmail::Unverified(address.to_string()),
    };
    let name = claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.to_string())
        .or_else(|| claims.preferred_username().map(|u| u.to_string()));
    Ok(VerifiedIdentity {
        provider: provider.id.clone(),
        issuer: claims.issuer().to_string(),
        subject: claims.subject().to_string(),
        email,
        name,
    })
}

/// An error with its causes, for the log.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
