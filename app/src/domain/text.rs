//! Rules for the text people type: no control characters.
//!
//! A name is one line. Control characters in it (a line break, a tab, ESC, NUL, the C1 set)
//! are never typed on purpose: they break layouts and logs, let a name rewrite a terminal
//! (`quorate audit verify` prints names), and PostgreSQL refuses NUL outright. So single-line
//! fields refuse every control character, and multi-line fields (descriptions) refuse all
//! but line breaks and tabs.

/// Whether a field is one line (a name) or several (a description).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A name, an address: no line breaks.
    Single,
    /// A description: line breaks and tabs allowed.
    Multi,
}

/// The stable code of the rule, also its i18n key (`problem-control_characters`).
pub const CONTROL_CHARACTERS: &str = "control_characters";

/// The English message of the rule.
pub const CONTROL_CHARACTERS_MESSAGE: &str =
    "This text must not contain control characters (such as escape codes or NUL).";

/// Whether `text` holds a control character its kind of field refuses.
pub fn has_control_characters(text: &str, lines: Lines) -> bool {
    text.chars()
        .any(|c| c.is_control() && !(lines == Lines::Multi && matches!(c, '\n' | '\r' | '\t')))
}

/// `text` with every control character written as a visible escape (`\u{1b}`), for printing
/// stored text to a terminal or a log, where it must not act.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_an_escape_a_nul_or_a_line_break_is_refused() {
        for name in [
            "Bea\u{1b}[2J",
            "Bea\0",
            "Bea\r\nX-Header: 1",
            "Bea\tB",
            "Bea\u{85}",
        ] {
            assert!(has_control_characters(name, Lines::Single), "{name:?}");
        }
        assert!(!has_control_characters(
            "Beatriz Núñez-O'Brien 🌱",
            Lines::Single
        ));
    }

    #[test]
    fn a_description_may_have_line_breaks_and_tabs_but_not_escapes() {
        assert!(!has_control_characters(
            "Line one\r\nLine\ttwo\n",
            Lines::Multi
        ));
        assert!(has_control_characters(
            "Text\u{1b}]0;title\u{7}",
            Lines::Multi
        ));
        assert!(has_control_characters("Text\0", Lines::Multi));
    }

    #[test]
    fn escaped_controls_cannot_act_on_a_terminal() {
        assert_eq!(escape_controls("A\u{1b}[31mB\n"), "A\\u{1b}[31mB\\u{a}");
        assert_eq!(escape_controls("Café"), "Café");
    }
}
