//! Full-text search (issue #11): what a person types turned into a query each engine reads
//! safely, and an engine's snippet turned into text with its matches marked.
//!
//! Both engines find the items that hold every word typed (in any order, any case):
//! SQLite's FTS5 with the `unicode61` tokenizer (accents folded), PostgreSQL's `tsvector`
//! with the `simple` configuration (no stemming, so both find the same words). A person's
//! text never reaches either engine's query syntax: it is cut into words here, and each word
//! is quoted (FTS5) or passed as a bound value to `plainto_tsquery` (PostgreSQL).

use serde::{Deserialize, Serialize};

/// The most characters of a query that are read.
pub const QUERY_MAX_CHARS: usize = 200;
/// The most words of a query that are used.
pub const QUERY_MAX_WORDS: usize = 12;

/// Where a match starts in an engine's snippet (a control character no stored text holds:
/// the text rules refuse them).
pub const MARK_START: char = '\u{2}';
/// Where a match ends.
pub const MARK_END: char = '\u{3}';

/// The words of a query, lowercased, at most [`QUERY_MAX_WORDS`]; empty when there is
/// nothing to look for.
pub fn words(query: &str) -> Vec<String> {
    let query: String = query.chars().take(QUERY_MAX_CHARS).collect();
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(QUERY_MAX_WORDS)
        .collect()
}

/// The FTS5 query for `words`: each word quoted (so no word is read as an operator or a
/// column), all of them required.
pub fn fts5_query(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text for PostgreSQL's `plainto_tsquery`: the words, space-separated.
pub fn plain_query(words: &[String]) -> String {
    words.join(" ")
}

/// One piece of a snippet: text, and whether it is a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    /// The text, shown as text.
    pub text: String,
    /// Whether it matched the query.
    pub mark: bool,
}

/// Cuts an engine's snippet at its match markers into pieces; a marker left open or a stray
/// end marker is dropped, never shown.
pub fn pieces(snippet: &str) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut mark = false;
    let mut text = String::new();
    let flush = |text: &mut String, mark: bool, out: &mut Vec<Piece>| {
        if !text.is_empty() {
            out.push(Piece {
                text: std::mem::take(text),
                mark,
            });
        }
    };
    for c in snippet.chars() {
        match c {
            MARK_START => {
                flush(&mut text, mark, &mut out);
                mark = true;
            }
            MARK_END => {
                flush(&mut text, mark, &mut out);
                mark = false;
            }
            c => text.push(c),
        }
    }
    flush(&mut text, mark, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_cut_into_lowercase_words() {
        assert_eq!(
            words("  Solar-Roof, BATTERY! "),
            ["solar", "roof", "battery"]
        );
        assert_eq!(words("Café über"), ["café", "über"]);
        assert!(words(" \"*()^ ").is_empty());
        assert_eq!(words(&"a ".repeat(100)).len(), QUERY_MAX_WORDS);
    }

    #[test]
    fn no_word_reaches_fts5_as_syntax() {
        // Operators and column filters come out as quoted words.
        let query = fts5_query(&words("title:x OR NEAR(a b) NOT y*"));
        assert_eq!(
            query,
            "\"title\" \"x\" \"or\" \"near\" \"a\" \"b\" \"not\" \"y\""
        );
        // A quote cannot survive `words`, and would be doubled if it did.
        assert_eq!(fts5_query(&["a\"b".to_owned()]), "\"a\"\"b\"");
    }

    #[test]
    fn snippets_become_marked_pieces() {
        assert_eq!(
            pieces("we \u{2}install\u{3} panels"),
            [
                Piece {
                    text: "we ".into(),
                    mark: false
                },
                Piece {
                    text: "install".into(),
                    mark: true
                },
                Piece {
                    text: " panels".into(),
                    mark: false
                },
            ]
        );
        assert_eq!(
            pieces("\u{3}odd\u{2}"),
            [Piece {
                text: "odd".into(),
                mark: false
            }]
        );
        assert!(pieces("").is_empty());
    }

    #[test]
    fn markup_in_a_snippet_stays_text() {
        let found = pieces("<script>\u{2}alert\u{3}</script>");
        assert_eq!(found[0].text, "<script>");
        assert_eq!(found[1].text, "alert");
        assert!(found[1].mark);
    }
}
