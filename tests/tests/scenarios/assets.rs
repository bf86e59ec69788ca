//! Page weight (issue #9, item 8): pages and data go out compressed, the bundle is served
//! precompressed under content-hashed names and cached for good.

use crate::helpers::{Db, spawn_app_with};

pub async fn the_bundle_is_served_precompressed_under_a_hashed_name_and_cached_for_good(db: Db) {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    let stem = "quorate-0123456789abcdef";
    std::fs::write(
        pkg.join(format!("{stem}.js")),
        "export default function(){}",
    )
    .unwrap();
    std::fs::write(pkg.join(format!("{stem}.js.br")), b"brotli bytes").unwrap();
    std::fs::write(pkg.join(format!("{stem}.js.gz")), b"gzip bytes").unwrap();
    std::fs::write(pkg.join(format!("{stem}_bg.wasm")), b"\0asm").unwrap();
    std::fs::write(pkg.join(format!("{stem}.css")), "body{}").unwrap();
    let root = site.path().to_path_buf();
    let app = spawn_app_with(db, move |config| config.site_root = root).await;

    // The page names the hashed files.
    let html = app.as_browser().page("/", 200).await;
    assert!(html.contains(&format!("/pkg/{stem}.js")), "{html}");
    assert!(html.contains(&format!("/pkg/{stem}_bg.wasm")), "{html}");
    assert!(html.contains(&format!("/pkg/{stem}.css")), "{html}");

    let get = |path: String, encoding: &'static str| {
        let request = app
            .client
            .get(format!("{}{path}", app.address))
            .header("accept-encoding", encoding);
        async move { request.send().await.unwrap() }
    };
    let response = get(format!("/pkg/{stem}.js"), "br, gzip").await;
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers.get("content-encoding").unwrap(), "br");
    assert_eq!(
        headers.get("cache-control").unwrap(),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), b"brotli bytes");
    let response = get(format!("/pkg/{stem}.js"), "gzip").await;
    assert_eq!(response.headers().get("content-encoding").unwrap(), "gzip");
    let response = get(format!("/pkg/{stem}.js"), "identity").await;
    assert!(response.headers().get("content-encoding").is_none());
    assert_eq!(
        response.text().await.unwrap(),
        "export default function(){}"
    );
    // A file without a hash in its name is revalidated.
    std::fs::write(pkg.join("quorate.js"), "old").unwrap();
    let response = get("/pkg/quorate.js".into(), "identity").await;
    assert_eq!(response.headers().get("cache-control").unwrap(), "no-cache");
}

pub async fn pages_are_compressed_when_the_browser_accepts_it(db: Db) {
    let app = spawn_app_with(db, |_| {}).await;
    for encoding in ["br", "gzip"] {
        let response = app
            .client
            .get(format!("{}/", app.address))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(
            response.headers().get("content-encoding").unwrap(),
            encoding,
            "the home page in {encoding}"
        );
    }
}
