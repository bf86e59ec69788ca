//! What every broken rule of the domain has in common: a stable snake_case code (also its
//! translation key, `problem-<code>`), the rule's numbers for the message (`min`, `max`,
//! `actual`, ...) and an English sentence. Pages and tests show and check the code and the
//! numbers; the sentence is for logs and clients that do not translate.

use std::fmt;

/// A broken rule.
pub trait Rule: fmt::Display {
    /// The stable snake_case code.
    fn code(&self) -> &'static str;

    /// The rule's arguments for the translated message (none by default).
    fn args(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// The arguments `(name, value)` of a rule, from numbers or codes.
pub fn args<const N: usize>(pairs: [(&str, &dyn ToString); N]) -> Vec<(String, String)> {
    pairs
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value.to_string()))
        .collect()
}
