//! The browser bundle (`target/site/pkg`): content-hashed file names, served precompressed
//! (brotli, gzip, made at build time by `scripts/build.sh`) and cached for good.
//!
//! `scripts/build.sh` names the files `quorate-<hash>.js`, `quorate-<hash>_bg.wasm` and
//! `quorate-<hash>.css`, where the hash covers all three: a new build is a new address, so a
//! browser may keep a file forever (`Cache-Control: immutable`) and never runs a stale one.
//! A bundle without a hash (`cargo leptos watch`) is served as `quorate.*` and revalidated.

use axum::{
    Router,
    http::{HeaderValue, Request, header},
    middleware::{self, Next},
    response::Response,
};
use std::path::Path;
use tower_http::services::ServeDir;

/// The bundle's base name in `site_root/pkg`: `quorate-<hash>` if the build hashed it, else
/// `quorate`.
pub fn bundle_name(site_root: &Path) -> String {
    let hashed = std::fs::read_dir(site_root.join("pkg"))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".js").map(str::to_owned))
        .filter(|stem| is_hashed(stem))
        .max();
    hashed.unwrap_or_else(|| "quorate".to_owned())
}

/// Whether a file stem is `quorate-<hex hash>` (optionally followed by `_bg`).
fn is_hashed(stem: &str) -> bool {
    stem.strip_prefix("quorate-")
        .map(|rest| rest.strip_suffix("_bg").unwrap_or(rest))
        .is_some_and(|hash| hash.len() >= 8 && hash.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `/pkg/*`: the bundle, precompressed when the browser accepts it, cached for a year when
/// its name is hashed.
pub fn routes<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let files = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/pkg", files)
        .layer(middleware::from_fn(cache_control))
}

async fn cache_control(request: Request<axum::body::Body>, next: Next) -> Response {
    let stem = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .and_then(|file| file.split('.').next())
        .unwrap_or_default()
        .to_owned();
    let mut response = next.run(request).await;
    let policy = if is_hashed(&stem) && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_from_plain_ones() {
        assert!(is_hashed("quorate-0123abcd4567"));
        assert!(is_hashed("quorate-0123abcd4567_bg"));
        assert!(!is_hashed("quorate"));
        assert!(!is_hashed("quorate_bg"));
        assert!(!is_hashed("quorate-latest"));
    }

    #[test]
    fn the_newest_hashed_bundle_is_found_else_the_plain_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(bundle_name(dir.path()), "quorate");
        std::fs::create_dir(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join("pkg/quorate.js"), "").unwrap();
        assert_eq!(bundle_name(dir.path()), "quorate");
        std::fs::write(dir.path().join("pkg/quorate-00ff00ff00ff.js"), "").unwrap();
        assert_eq!(bundle_name(dir.path()), "quorate-00ff00ff00ff");
    }
}
