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
use std::net::SocketAddr;

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
    // Pages are the signed-in person's: never kept by the browser or a proxy, or Back after
    // signing out (or the next person at a shared computer) shows them again. The bundle
    // sets its own caching (`assets`).
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
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

/// The origins that browsers of this instance send: the configured base URL's, or, when
/// none is configured and the server listens on loopback, every spelling of this loopback
/// address (`localhost` is what most people type, `127.0.0.1` is what is printed).
#[derive(Clone, Debug)]
pub struct AllowedOrigin {
    /// The origin links and mail use (the base URL's).
    pub expected: String,
    /// Every origin accepted for a change.
    pub accepted: Vec<String>,
    /// The stylesheet's address, for the refusal page.
    pub stylesheet: String,
}

impl AllowedOrigin {
    /// From the configured base URL, or, without one, from the bound address.
    pub fn new(base_url: Option<&str>, local: SocketAddr) -> anyhow::Result<AllowedOrigin> {
        let expected = crate::config::origin_of(base_url.unwrap_or(&format!("http://{local}")))?;
        let mut accepted = vec![expected.clone()];
        if base_url.is_none() && local.ip().is_loopback() {
            let port = local.port();
            for host in ["127.0.0.1", "localhost", "[::1]"] {
                let origin = format!("http://{host}:{port}");
                if !accepted.contains(&origin) {
                    accepted.push(origin);
                }
            }
        }
        Ok(AllowedOrigin {
            expected,
            accepted,
            stylesheet: "/pkg/quorate.css".to_owned(),
        })
    }

    fn accepts(&self, origin: &str) -> bool {
        self.accepted.iter().any(|a| a.eq_ignore_ascii_case(origin))
    }
}

/// Refuses a state-changing request that a browser says came from another site.
pub async fn same_origin(
    State(allowed): State<AllowedOrigin>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe_method(request.method()) || is_same_origin(request.headers(), &allowed) {
        next.run(request).await
    } else {
        let origin = request
            .headers()
            .get(header::ORIGIN)
            .and_then(|o| o.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        tracing::warn!(
            method = %request.method(),
            path = %crate::redact::path(request.uri().path()),
            origin = %origin,
            "refused a cross-origin request"
        );
        refusal(&allowed.expected, &origin, &allowed.stylesheet)
    }
}

/// The largest form body taken (axum's own limit for forms, made explicit here).
pub const FORM_BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Refuses a posted form whose fields are not valid UTF-8 once percent-decoded. Browsers
/// always send UTF-8; left alone, the form parser would replace the bad bytes and store
/// the replacement characters in a name.
pub async fn utf8_forms(request: Request, next: Next) -> Response {
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_BODY_LIMIT).await else {
        return plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Refused: the form is larger than Quorate accepts (rule: forms up to 2 MiB).",
        );
    };
    if !form_is_utf8(&bytes) {
        return plain(
            StatusCode::BAD_REQUEST,
            "Refused: the form sent text that is not valid UTF-8 (rule: text must be UTF-8).",
        );
    }
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

/// Whether every name and value of an `application/x-www-form-urlencoded` body decodes to
/// UTF-8 (`+` is a space, `%XX` a byte; a `%` without two hex digits stands for itself, as
/// the form parser reads it).
pub fn form_is_utf8(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').all(|pair| {
        let mut decoded = Vec::with_capacity(pair.len());
        let mut i = 0;
        while let Some(&byte) = pair.get(i) {
            let hex = |at: usize| pair.get(at).and_then(|h| char::from(*h).to_digit(16));
            match (byte, hex(i + 1), hex(i + 2)) {
                (b'%', Some(high), Some(low)) => {
                    decoded.push(u8::try_from(high * 16 + low).unwrap_or(0));
                    i += 3;
                }
                (b'+', _, _) => {
                    decoded.push(b' ');
                    i += 1;
                }
                _ => {
                    decoded.push(byte);
                    i += 1;
                }
            }
        }
        std::str::from_utf8(&decoded).is_ok()
    })
}

fn plain(status: StatusCode, text: &'static str) -> Response {
    let mut response = (status, text).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn is_safe_method(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// Browsers send `Sec-Fetch-Site` and/or `Origin` with every POST. A request with neither
/// comes from a non-browser client, which cannot carry a victim's cookies: allowed.
pub fn is_same_origin(headers: &HeaderMap, allowed: &AllowedOrigin) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        // `none` = typed in the address bar or a bookmark; the user asked for it.
        if !matches!(site.to_str(), Ok("same-origin" | "none")) {
            return false;
        }
    }
    match headers.get(header::ORIGIN) {
        Some(origin) => origin.to_str().is_ok_and(|o| allowed.accepts(o)),
        None => true,
    }
}

/// A page (not a bare line) that says which address this Quorate expects and how an
/// administrator changes it.
fn refusal(expected: &str, origin: &str, stylesheet: &str) -> Response {
    let stylesheet = app::html::escape_text(stylesheet);
    let expected_html = app::html::escape_text(expected);
    let origin_html = if origin.is_empty() {
        "another site".to_owned()
    } else {
        format!("<code>{}</code>", app::html::escape_text(origin))
    };
    let body = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Refused: sent from another address · Quorate</title>\
         <link rel=\"stylesheet\" href=\"{stylesheet}\"></head><body><main id=\"main\">\
         <section class=\"message-page\" role=\"alert\" data-problem=\"cross_origin\">\
         <h1>Refused: this request came from another address</h1>\
         <p>Quorate only accepts changes sent from its own pages (rule: same-origin requests \
         only). This change was sent from {origin_html}, but this Quorate expects \
         <a href=\"{expected_html}/\"><code>{expected_html}</code></a>.</p>\
         <p>Open Quorate at <a href=\"{expected_html}/\">{expected_html}</a> and try again.</p>\
         <p>If people reach this Quorate at another address (a domain name, or behind a \
         reverse proxy), its administrator sets that address as <code>base_url</code> in \
         <code>quorate.toml</code> or the <code>QUORATE_BASE_URL</code> environment variable, \
         for example <code>base_url = \"https://vote.example.org\"</code>, and restarts it.</p>\
         </section></main></body></html>\n"
    );
    let mut response = (StatusCode::FORBIDDEN, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
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

    fn here() -> AllowedOrigin {
        AllowedOrigin::new(Some(HERE), "127.0.0.1:3000".parse().unwrap()).unwrap()
    }

    #[test]
    fn a_post_from_our_own_pages_is_allowed() {
        let h = headers(&[
            ("origin", "https://vote.example.org"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert!(is_same_origin(&h, &here()));
    }

    #[test]
    fn a_post_from_another_site_is_refused() {
        assert!(!is_same_origin(
            &headers(&[("origin", "https://evil.example")]),
            &here()
        ));
        assert!(!is_same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            &here()
        ));
        assert!(!is_same_origin(
            &headers(&[
                ("origin", "https://vote.example.org"),
                ("sec-fetch-site", "same-site")
            ]),
            &here()
        ));
        assert!(!is_same_origin(&headers(&[("origin", "null")]), &here()));
    }

    #[test]
    fn a_client_that_is_not_a_browser_is_not_a_csrf_vector() {
        assert!(is_same_origin(&HeaderMap::new(), &here()));
    }

    #[test]
    fn without_a_base_url_on_loopback_both_spellings_of_loopback_are_accepted() {
        let local = AllowedOrigin::new(None, "127.0.0.1:3000".parse().unwrap()).unwrap();
        for origin in [
            "http://127.0.0.1:3000",
            "http://localhost:3000",
            "http://[::1]:3000",
        ] {
            let h = headers(&[("origin", origin), ("sec-fetch-site", "same-origin")]);
            assert!(is_same_origin(&h, &local), "{origin}");
        }
        let other_port = headers(&[("origin", "http://localhost:3001")]);
        assert!(!is_same_origin(&other_port, &local));
    }

    #[test]
    fn with_a_base_url_only_its_origin_is_accepted() {
        let h = headers(&[("origin", "http://localhost:3000")]);
        assert!(!is_same_origin(&h, &here()));
        let public = AllowedOrigin::new(None, "0.0.0.0:3000".parse().unwrap()).unwrap();
        assert_eq!(public.accepted, vec!["http://0.0.0.0:3000".to_owned()]);
    }

    #[test]
    fn the_refusal_page_names_the_expected_address_and_base_url() {
        let response = refusal(
            "http://127.0.0.1:3000",
            "http://evil.example\"><b>",
            "/pkg/q.css",
        );
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let body = futures_body(response);
        assert!(body.contains("http://127.0.0.1:3000"));
        assert!(body.contains("base_url"));
        assert!(!body.contains("<b>"), "the origin is escaped");
    }

    fn futures_body(response: Response) -> String {
        let bytes = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[test]
    fn a_form_with_bytes_that_are_not_utf8_is_found() {
        assert!(form_is_utf8(b"name=Caf%C3%A9+Bar&slug=cafe"));
        assert!(form_is_utf8(b"name=100%&x=%zz"));
        assert!(!form_is_utf8(b"name=Caf%E9"));
        assert!(!form_is_utf8(b"display_name=%FF%FE"));
        assert!(!form_is_utf8(b"a=1&b=\xff"));
    }

    #[test]
    fn nonces_are_fresh_and_long() {
        let (a, b) = (new_nonce(), new_nonce());
        assert_ne!(a, b);
        assert_eq!(a.len(), 22);
        assert!(content_security_policy(&a).contains(&format!("'nonce-{a}'")));
    }
}
