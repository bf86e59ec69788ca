//! Markdown as people type it (proposal bodies, comments), rendered to HTML that is safe to
//! serve (spec §2: "rendered safely (no script, no raw HTML)").
//!
//! Two steps, each doing what it is good at: pulldown-cmark parses CommonMark (with tables and
//! strikethrough) and writes HTML, with any raw HTML in the text turned into plain text first,
//! so `<b>` reads as typed; then ammonia keeps only an allow-list of tags and attributes, only
//! `http`, `https` and `mailto` links, and adds `rel="nofollow ugc noopener"` to every link.
//! Headings are moved so the text's highest is an `<h2>`, under the page's own `<h1>`. Images are not shown (a remote image tracks who reads); their text is kept.

use crate::domain::document::Block;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// The HTML for `markdown`, sanitised.
pub fn to_html(markdown: &str) -> String {
    to_html_with_mentions(markdown, |_| None)
}

/// Like [`to_html`], with each `@name` outside code and links that `mention` knows (it gives
/// the link and the text to show) made a link.
pub fn to_html_with_mentions(
    markdown: &str,
    mention: impl Fn(&str) -> Option<(String, String)>,
) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let highest = highest_heading(markdown, options);
    let mut in_code = false;
    let mut in_link = false;
    let events = Parser::new_ext(markdown, options).flat_map(|event| {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Link { .. }) => in_link = true,
            Event::End(TagEnd::Link) => in_link = false,
            _ => {}
        }
        match event {
            Event::Text(text) if !in_code && !in_link && text.contains('@') => {
                with_mentions(&text, &mention)
            }
            other => vec![other],
        }
    });
    let events = events.filter_map(|event| match event {
        // Raw HTML is shown as the text it is.
        Event::Html(html) | Event::InlineHtml(html) => Some(Event::Text(html)),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Some(Event::Start(Tag::Heading {
            level: demoted(level, highest),
            id,
            classes,
            attrs,
        })),
        Event::End(TagEnd::Heading(level)) => {
            Some(Event::End(TagEnd::Heading(demoted(level, highest))))
        }
        // An image's alt text stays, as text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitiser().clean(&html).to_string()
}

/// `text` as events, each known mention a link.
fn with_mentions<'a>(
    text: &str,
    mention: &impl Fn(&str) -> Option<(String, String)>,
) -> Vec<Event<'a>> {
    let mut events = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        let (before, from_at) = rest.split_at(at);
        plain.push_str(before);
        let after = &from_at[1..];
        let name: String = after
            .chars()
            .take_while(|c| crate::domain::comment::is_name_char(*c))
            .collect();
        let name = name.trim_end_matches(['.', '-', '_']);
        let follows_word = plain.chars().last().is_some_and(char::is_alphanumeric);
        match (!follows_word && !name.is_empty())
            .then(|| mention(name))
            .flatten()
        {
            Some((href, shown)) => {
                events.push(Event::Text(std::mem::take(&mut plain).into()));
                events.push(Event::Start(Tag::Link {
                    link_type: pulldown_cmark::LinkType::Inline,
                    dest_url: href.into(),
                    title: "".into(),
                    id: "".into(),
                }));
                events.push(Event::Text(format!("@{shown}").into()));
                events.push(Event::End(TagEnd::Link));
                rest = &after[name.len()..];
            }
            None => {
                plain.push('@');
                rest = after;
            }
        }
    }
    plain.push_str(rest);
    events.push(Event::Text(plain.into()));
    events
}

/// The highest heading level the text uses (1 for `#`), or 2 when it has none.
fn highest_heading(markdown: &str, options: Options) -> usize {
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(2)
}

/// `level` moved so that the text's highest heading is an `<h2>`, under the page's `<h1>`
/// (the order below it stays as written).
fn demoted(level: HeadingLevel, highest: usize) -> HeadingLevel {
    let moved = (level as usize + 2).saturating_sub(highest).clamp(2, 6);
    HeadingLevel::try_from(moved).unwrap_or(HeadingLevel::H6)
}

fn sanitiser() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h2",
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

/// Typed Markdown as plain blocks for print (the PDF): paragraphs, headings under an agenda
/// item's (level 4 and lower), lists (nested ones flattened), tables and code, with inline
/// formatting dropped, a link's address kept after its text, and raw HTML kept as text.
pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut items: Vec<String> = Vec::new();
    let mut lists = 0usize;
    let mut table: Option<(Vec<String>, Vec<Vec<String>>)> = None;
    let mut row: Vec<String> = Vec::new();
    let mut links: Vec<String> = Vec::new();
    let mut code = String::new();
    let mut in_code = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                blocks.push(Block::Code {
                    text: std::mem::take(&mut code).trim_end().to_owned(),
                });
            }
            Event::Text(t) if in_code => code.push_str(&t),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop().filter(|u| !text.ends_with(u.as_str())) {
                    text.push_str(&format!(" ({url})"));
                }
            }
            Event::Start(Tag::List(_)) => {
                if lists > 0 && !text.trim().is_empty() {
                    items.push(std::mem::take(&mut text).trim().to_owned());
                }
                lists += 1;
            }
            Event::End(TagEnd::List(_)) => {
                lists = lists.saturating_sub(1);
                if lists == 0 && !items.is_empty() {
                    blocks.push(Block::List {
                        items: std::mem::take(&mut items),
                    });
                }
            }
            Event::End(TagEnd::Item) => {
                let item = std::mem::take(&mut text).trim().to_owned();
                if !item.is_empty() {
                    items.push(item);
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::HtmlBlock) if lists == 0 => {
                let paragraph = std::mem::take(&mut text).trim().to_owned();
                if !paragraph.is_empty() {
                    blocks.push(Block::paragraph(paragraph));
                }
            }
            Event::End(TagEnd::Paragraph) => text.push(' '),
            Event::End(TagEnd::Heading(level)) => {
                let level = u8::try_from(level as usize).unwrap_or(6);
                blocks.push(Block::heading(
                    level.saturating_add(3).min(6),
                    std::mem::take(&mut text).trim(),
                ));
            }
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new())),
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut text).trim().to_owned()),
            Event::End(TagEnd::TableHead) => {
                if let Some((head, _)) = table.as_mut() {
                    *head = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some((_, rows)) = table.as_mut() {
                    rows.push(std::mem::take(&mut row));
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((head, rows)) = table.take() {
                    blocks.push(Block::table(String::new(), head, rows));
                }
            }
            _ => {}
        }
    }
    let rest = text.trim();
    if !rest.is_empty() {
        blocks.push(Block::paragraph(rest));
    }
    blocks
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
    fn known_mentions_become_links_outside_code() {
        let html = to_html_with_mentions("Hi @ada and @nobody, see `@ada` and a@ada.org", |name| {
            (name == "ada").then(|| ("/o/coop/members#member-1".to_owned(), "Ada".to_owned()))
        });
        assert!(
            html.contains(
                r#"<a href="/o/coop/members#member-1" rel="nofollow ugc noopener">@Ada</a>"#
            ),
            "{html}"
        );
        assert!(html.contains("@nobody"), "{html}");
        assert!(html.contains("<code>@ada</code>"), "{html}");
        assert!(html.contains("a@ada.org"), "{html}");
    }

    #[test]
    fn headings_sit_below_the_page_headings_and_images_are_not_loaded() {
        let html = to_html("# Title\n\n![a cat](https://tracker.example/cat.png)");
        assert!(html.starts_with("<h2>Title</h2>"), "{html}");
        assert!(to_html("### Only\n\n#### Under").contains("<h2>Only</h2>\n<h3>Under</h3>"));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("a cat"), "{html}");
    }

    #[test]
    fn typed_markdown_becomes_plain_blocks_for_print() {
        use crate::domain::document::Block;
        let blocks = super::to_blocks(
            "# Budget\n\nWe agreed **all** of it, see [the plan](https://x.example/p).\n\n- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nquorate count\n```\n\n<script>x</script>",
        );
        assert_eq!(
            blocks,
            [
                Block::heading(4, "Budget"),
                Block::paragraph("We agreed all of it, see the plan (https://x.example/p)."),
                Block::List {
                    items: vec!["one".into(), "two".into(), "nested".into()]
                },
                Block::table(
                    "",
                    vec!["a".into(), "b".into()],
                    vec![vec!["1".into(), "2".into()]]
                ),
                Block::Code {
                    text: "quorate count".into()
                },
                Block::paragraph("<script>x</script>"),
            ]
        );
    }
}
