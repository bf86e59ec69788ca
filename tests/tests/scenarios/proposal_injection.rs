//! Text typed into proposals stays text (issue #11): more than forty filter-evasion payloads
//! (script tags, event handlers, `javascript:` and `data:` URLs, SVG, entity tricks, nested
//! Markdown links) go in through the title, summary, body, change note, a comment and an
//! amendment (its text, its reason, the reason it is declined), as a person types them. Each
//! is stored exactly as typed and, on every page that shows it (`<head>` included), parsed
//! HTML holds no element, attribute, script or link it did not put there.

use super::security::{PAYLOADS as NAME_PAYLOADS, foreign_markup, title_of};
use crate::helpers::{Db, lookup, spawn_app};
use app::entities::{amendment, proposal, proposal_revision};
use scraper::{Html, Selector};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// Markdown and HTML payloads from well-known filter-evasion lists (OWASP's XSS filter
/// evasion cheat sheet, PortSwigger's XSS cheat sheet, Markdown-specific link tricks).
const MARKDOWN_PAYLOADS: [&str; 34] = [
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](java\tscript:alert(1))",
    "[x]( javascript:alert(1) )",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    "![x](https://tracker.example/pixel.png)",
    "[a](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
    "[[x](javascript:alert(1))](https://ok.example)",
    "[x]: javascript:alert(1)\n\n[link][x]",
    "<javascript:alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<object data=javascript:alert(1)></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<base href=javascript:alert(1)//>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<!--<img src=x onerror=alert(1)>-->",
    "\"><svg/onload=alert(1)>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "```\n</code></pre><script>alert(1)</script>\n```",
];

/// Links and sources in rendered Markdown that go anywhere but the web or mail, or lack the
/// `rel` every user link carries.
fn unsafe_links(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let everything = Selector::parse(".markdown *").unwrap();
    let mut found = Vec::new();
    for element in document.select(&everything) {
        let value = element.value();
        for (name, target) in value.attrs() {
            if !(name.ends_with("href") || name == "src") {
                continue;
            }
            let safe = value.name() == "a"
                && name == "href"
                && ["http://", "https://", "mailto:"]
                    .iter()
                    .any(|scheme| target.starts_with(scheme))
                && value.attr("rel") == Some("nofollow ugc noopener");
            if !safe {
                found.push(element.html());
            }
        }
    }
    found
}

fn single_line(payload: &str) -> bool {
    !payload.contains(['\n', '\t'])
}

pub async fn proposal_text_stays_text_on_every_page(db: Db) {
    let app = spawn_app(db).await;
    let ada = app.browser();
    ada.sign_up("Ada", "ada@example.org").await;
    ada.create_organisation("The Co-op", "coop").await;
    let payloads: Vec<&str> = NAME_PAYLOADS
        .iter()
        .chain(MARKDOWN_PAYLOADS.iter())
        .copied()
        .collect();
    assert!(payloads.len() >= 40, "at least forty payloads");
    let org = lookup::organisation_id(&app, "coop").await;
    for (index, payload) in payloads.iter().enumerate() {
        let number = index + 1;
        // Titles and change notes are one line: multi-line payloads go into them flattened.
        let title = if single_line(payload) {
            (*payload).to_owned()
        } else {
            payload.replace(['\n', '\t'], " ")
        };
        let created = ada
            .post_form(
                "/o/coop/proposals/new",
                &[
                    ("title", &title),
                    ("summary", payload),
                    ("body", payload),
                    ("due_on", ""),
                    ("group", ""),
                ],
            )
            .await;
        assert_eq!(created.status(), 303, "{payload:?}");
        let base = format!("/o/coop/p/{number}");
        ada.post_redirects(&format!("{base}/publish"), &[], &base)
            .await;
        let stored = proposal::Entity::find()
            .filter(proposal::Column::OrganisationId.eq(org))
            .filter(proposal::Column::Number.eq(i32::try_from(number).unwrap()))
            .one(&app.connection)
            .await
            .unwrap()
            .unwrap();
        let edited_body = format!("{payload} 2");
        ada.post_redirects(
            &format!("{base}/edit"),
            &[
                ("title", &title),
                ("summary", payload),
                ("body", &edited_body),
                ("due_on", ""),
                ("note", &title),
                ("version", &stored.version.to_string()),
            ],
            &base,
        )
        .await;
        // A comment with the payload, and a reply quoting it.
        let comment = ada
            .post_form(&format!("{base}/comments"), &[("body", payload)])
            .await;
        assert_eq!(comment.status(), 303, "{payload:?}");
        // An amendment with the payload in its text and reason, declined with it as reason.
        let amended_body = format!("{payload} 3");
        ada.post_redirects(
            &format!("{base}/amendments/new"),
            &[
                ("title", &title),
                ("summary", payload),
                ("body", &amended_body),
                ("reason", payload),
                ("base", "2"),
            ],
            &format!("{base}/a/1"),
        )
        .await;
        ada.post_redirects(
            &format!("{base}/a/1/decline"),
            &[("reason", payload)],
            &format!("{base}/a/1"),
        )
        .await;
        let amendment = amendment::Entity::find()
            .filter(amendment::Column::ProposalId.eq(stored.id))
            .one(&app.connection)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(amendment.reason, payload.trim(), "{payload:?}");
        assert_eq!(amendment.decline_reason.as_deref(), Some(payload.trim()));
        assert_eq!(amendment.body, amended_body.trim_end(), "{payload:?}");
        // Stored exactly as typed (a title trimmed, a body's trailing blanks dropped).
        let stored = proposal::Entity::find_by_id(stored.id)
            .one(&app.connection)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.title, title.trim(), "{payload:?}");
        assert_eq!(stored.summary, payload.trim_end(), "{payload:?}");
        assert_eq!(stored.body, edited_body.trim_end(), "{payload:?}");
        let revision = proposal_revision::Entity::find()
            .filter(proposal_revision::Column::ProposalId.eq(stored.id))
            .filter(proposal_revision::Column::Number.eq(2))
            .one(&app.connection)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(revision.note, title.trim(), "{payload:?}");
        for path in [
            "/o/coop".to_owned(),
            base.clone(),
            format!("{base}/edit"),
            format!("{base}/r/1"),
            format!("{base}/r/2"),
            format!("{base}/compare?from=1&to=2"),
            format!("{base}/a/1"),
            format!("{base}/amendments/new"),
        ] {
            let html = ada.page(&path, 200).await;
            let foreign = foreign_markup(&html);
            assert!(
                foreign.is_empty(),
                "{path} with {payload:?} has markup it did not put there: {foreign:#?}"
            );
            let links = unsafe_links(&html);
            assert!(links.is_empty(), "{path} with {payload:?}: {links:#?}");
            if path != "/o/coop" {
                let shown = title_of(&html);
                assert!(
                    shown.contains(title.trim()),
                    "{path}: the tab title shows {payload:?} as typed, not {shown:?}"
                );
            }
        }
    }
}
