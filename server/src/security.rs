//! Security headers and the same-origin rule for state-changing requests.
//!
//! Every response gets a Content-Security-Policy whose script nonce is fresh per request and
//! is also handed to the renderer (via [`CspNonce`] in the request's extensions) so that the
//! hydration script carries it; no other inline script can run. Leptos has no CSRF
//! protection of its own, so a POST (or any non-safe method) from another origin is refused.

use app::CspNonce;
use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::Engine as _;

/// Adds the CSP (with a per-request nonce) and the other security headers.
pub async fn headers(mut request: Request, next: Next) -> Response {
    let nonce = new_nonce();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    response
}

/// The policy: our own origin only; scripts only from our origin or carrying the nonce;
/// WebAssembly allowed to compile (the hydration bundle); never framed.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// 128 random bits, base64url: a fresh CSP nonce.
fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    // A failing system RNG is unrecoverable for a web server; an all-zero nonce would be
    // guessable, so fall back to a random UUID's bytes (also from the OS, via another path).
    if getrandom::fill(&mut bytes).is_err() {
        bytes = *uuid::Uuid::new_v4().as_bytes();
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The origin that browsers of this instance send, from the configured base URL.
#[derive(Clone, Debug)]
pub struct AllowedOrigin(pub String);

/// Refuses a state-changing request that a browser says came from another site.
pub async fn same_origin(
    State(allowed): State<AllowedOrigin>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe_method(request.method()) || is_same_origin(request.headers(), &allowed.0) {
        next.run(request).await
    } else {
        tracing::warn!(
            method = %request.method(),
            path = %request.uri().path(),
            origin = ?request.headers().get(header::ORIGIN),
            "refused a cross-origin request"
        );
        refusal()
    }
}

fn is_safe_method(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// Browsers send `Sec-Fetch-Site` and/or `Origin` with every POST. A request with neither
/// comes from a non-browser client, which cannot carry a victim's cookies: allowed.
pub fn is_same_origin(headers: &HeaderMap, allowed_origin: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none` = typed in the address bar or a bookmark; the user asked for it.
        if !matches!(site.to_str(), Ok("same-origin" | "none")) {
            return false;
        }
    }
    match headers.get(header::ORIGIN) {
        Some(origin) => origin
            .to_str()
            .is_ok_and(|o| o.eq_ignore_ascii_case(allowed_origin)),
        None => true,
    }
}

fn refusal() -> Response {
    let mut response = (
        StatusCode::FORBIDDEN,
        "Refused: this request came from another site. Quorate only accepts changes sent \
         from its own pages (rule: same-origin requests only).",
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    const HERE: &str = "https://vote.example.org";

    #[test]
    fn a_post_from_our_own_pages_is_allowed() {
        let h = headers(&[
            ("origin", "https://vote.example.org"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert!(is_same_origin(&h, HERE));
    }

    #[test]
    fn a_post_from_another_site_is_refused() {
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example")]),
            HERE
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            HERE
        ));
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "https://vote.example.org"),
                ("sec-fetch-site", "same-site")
            ]),
            HERE
        ));
        assert!(!is_same_origin(&headers(&[("origin", "null")]), HERE));
    }

    #[test]
    fn a_client_that_is_not_a_browser_is_not_a_csrf_vector() {
        assert!(is_same_origin(&HeaderMap::new(), HERE));
    }

    #[test]
    fn nonces_are_fresh_and_long() {
        let (a, b) = (new_nonce(), new_nonce());
        assert_ne!(a, b);
        assert_eq!(a.len(), 22);
        assert!(content_security_policy(&a).contains(&format!("'nonce-{a}'")));
    }
}
