//! Markdown as people type it (proposal bodies, comments), rendered to HTML that is safe to
//! serve (spec §2: "rendered safely (no script, no raw HTML)").
//!
//! Two steps, each doing what it is good at: pulldown-cmark parses CommonMark (with tables and
//! strikethrough) and writes HTML, with any raw HTML in the text turned into plain text first,
//! so `<b>` reads as typed; then ammonia keeps only an allow-list of tags and attributes, only
//! `http`, `https` and `mailto` links, and adds `rel="nofollow ugc noopener"` to every link.
//! Headings are moved down two levels, so a body's `# Heading` sits under the page's own
//! headings. Images are not shown (a remote image tracks who reads); their text is kept.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// The HTML for `markdown`, sanitised.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        // Raw HTML is shown as the text it is.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: demoted(level),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demoted(level)))),
        // An image's alt text stays, as text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitiser().clean(&html).to_string()
}

fn demoted(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn sanitiser() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("th", ["align"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("nofollow ugc noopener"))
        .strip_comments(true);
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_html("Some *emphasis* and **strength**.\n\n- one\n- two\n"),
            "<p>Some <em>emphasis</em> and <strong>strength</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        );
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("Hello <script>alert(1)</script> <b onmouseover=x>bold</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn only_web_and_mail_links_are_kept_and_they_say_so() {
        let html = to_html(
            "[a](https://example.org) [b](javascript:alert(1)) [c](data:text/html,x) [d](mailto:a@b.c)",
        );
        assert!(
            html.contains(r#"<a href="https://example.org" rel="nofollow ugc noopener">a</a>"#),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:"), "{html}");
        assert!(html.contains("mailto:a@b.c"), "{html}");
    }

    #[test]
    fn headings_sit_below_the_page_headings_and_images_are_not_loaded() {
        let html = to_html("# Title\n\n![a cat](https://tracker.example/cat.png)");
        assert!(html.starts_with("<h3>Title</h3>"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a cat"), "{html}");
    }
}
