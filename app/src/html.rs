//! Escaping for the few places where text is written into HTML by hand rather than by the
//! view macros (which escape): the page title and inline script data.

/// Text made safe as the content of an element such as `<title>`: `&`, `<` and `>` become
/// entities (quotes need no escaping outside attributes).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page title as it goes into the HTML: escaped on the server, where leptos_meta
/// writes it into `<head>` as markup; unchanged in the browser, where it becomes
/// `document.title` (text).
pub fn title_markup(title: String) -> String {
    if cfg!(feature = "ssr") {
        escape_text(&title)
    } else {
        title
    }
}

/// A JavaScript string literal for `text` that is safe inside an inline `<script>`: JSON
/// quoting, with `<`, `>`, `&` and the line separators written as escapes so the text can
/// neither close the script element nor break the literal.
pub fn script_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_title_tag_in_text_becomes_harmless() {
        assert_eq!(
            escape_text(r#"T</title><meta http-equiv="refresh">"#),
            r#"T&lt;/title&gt;&lt;meta http-equiv="refresh"&gt;"#
        );
        assert_eq!(escape_text("Fish & Chips"), "Fish &amp; Chips");
    }

    #[test]
    fn a_script_string_cannot_close_the_script_or_the_literal() {
        let quoted = script_string("/o/a\"</script><script>alert(1)</script>\u{2028}\n");
        assert!(!quoted.contains("</script"));
        assert!(!quoted.contains('\n'));
        assert_eq!(
            quoted.matches('"').count(),
            3,
            "the two quotes and an escaped one"
        );
        assert_eq!(
            quoted,
            r#""/o/a\"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u2028\u000a""#
        );
    }
}
