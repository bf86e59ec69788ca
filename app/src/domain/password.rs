//! Password rules for local accounts (issue "Identity and membership"; spec §1 "People and
//! roles" needs people to be who they say): long enough, not absurdly long, not a common
//! password, and not built from the person's own e-mail address or name.
//!
//! Length is counted in characters (Unicode scalar values), not bytes, so "contraseña" has 10.
//! The common-password list (`common_passwords.txt`, one lowercase password a line) holds the
//! 1,000 most common passwords of the SecLists "10-million-password-list-top-1000" (MIT licence,
//! Daniel Miessler and contributors; one slur left out) plus common passwords of ten characters
//! or more, since those are the ones the length rule lets through. It is compared
//! case-insensitively.

use crate::domain::rule::{Rule, args};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The fewest characters a password may have.
pub const MIN_CHARS: usize = 10;
/// The most characters a password may have (hashing very long inputs is a denial of service).
pub const MAX_CHARS: usize = 1024;
/// Parts of an e-mail address or name shorter than this are not looked for inside passwords:
/// "al" would rule out "ballroom dancing".
const MIN_PERSONAL_PART: usize = 4;

const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

/// Something wrong with a proposed password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PasswordProblem {
    /// Fewer than [`MIN_CHARS`] characters.
    PasswordTooShort {
        /// The least number of characters.
        min: usize,
        /// How many the password has.
        actual: usize,
    },
    /// More than [`MAX_CHARS`] characters.
    PasswordTooLong {
        /// The greatest number of characters.
        max: usize,
        /// How many the password has.
        actual: usize,
    },
    /// The password is on the list of common passwords.
    PasswordCommon,
    /// The password is or contains the e-mail address's part before the `@`.
    PasswordContainsEmail,
    /// The password is or contains the person's name.
    PasswordContainsName,
}

impl PasswordProblem {
    /// The stable snake_case code, also the i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            PasswordProblem::PasswordTooShort { .. } => "password_too_short",
            PasswordProblem::PasswordTooLong { .. } => "password_too_long",
            PasswordProblem::PasswordCommon => "password_common",
            PasswordProblem::PasswordContainsEmail => "password_contains_email",
            PasswordProblem::PasswordContainsName => "password_contains_name",
        }
    }
}

impl fmt::Display for PasswordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PasswordProblem::PasswordTooShort { min, actual } => write!(
                f,
                "The password must have at least {min} characters (it has {actual})."
            ),
            PasswordProblem::PasswordTooLong { max, actual } => write!(
                f,
                "The password must have at most {max} characters (it has {actual})."
            ),
            PasswordProblem::PasswordCommon => f.write_str(
                "The password is one of the most common passwords; choose one nobody would guess.",
            ),
            PasswordProblem::PasswordContainsEmail => {
                f.write_str("The password must not contain your e-mail address.")
            }
            PasswordProblem::PasswordContainsName => {
                f.write_str("The password must not contain your name.")
            }
        }
    }
}

impl std::error::Error for PasswordProblem {}

impl Rule for PasswordProblem {
    fn code(&self) -> &'static str {
        PasswordProblem::code(self)
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            PasswordProblem::PasswordTooShort { min, actual } => {
                args([("min", min as &dyn ToString), ("actual", actual)])
            }
            PasswordProblem::PasswordTooLong { max, actual } => {
                args([("max", max as &dyn ToString), ("actual", actual)])
            }
            _ => Vec::new(),
        }
    }
}

/// Every problem with `password` for the person with this e-mail address and display name;
/// empty if the password is acceptable.
pub fn password_problems(password: &str, email: &str, display_name: &str) -> Vec<PasswordProblem> {
    let mut problems = Vec::new();
    let actual = password.chars().count();
    if actual < MIN_CHARS {
        problems.push(PasswordProblem::PasswordTooShort {
            min: MIN_CHARS,
            actual,
        });
    }
    if actual > MAX_CHARS {
        problems.push(PasswordProblem::PasswordTooLong {
            max: MAX_CHARS,
            actual,
        });
        // Nothing else is worth checking on a text this long.
        return problems;
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        problems.push(PasswordProblem::PasswordCommon);
    }
    if contains_email(&lower, email) {
        problems.push(PasswordProblem::PasswordContainsEmail);
    }
    if contains_name(&lower, display_name) {
        problems.push(PasswordProblem::PasswordContainsName);
    }
    problems
}

/// Whether the lowercased password is on the common-password list.
fn is_common(lower: &str) -> bool {
    COMMON_PASSWORDS.lines().any(|line| line.trim() == lower)
}

/// Whether the lowercased password is or contains the e-mail's local part.
fn contains_email(lower: &str, email: &str) -> bool {
    let local = email
        .trim()
        .split('@')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    contains_personal(lower, &local)
}

/// Whether the lowercased password is or contains the name, with or without its spaces, or a
/// word of it.
fn contains_name(lower: &str, display_name: &str) -> bool {
    let name = display_name.trim().to_lowercase();
    let joined: String = name.split_whitespace().collect();
    contains_personal(lower, &name)
        || contains_personal(lower, &joined)
        || name
            .split_whitespace()
            .any(|word| contains_personal(lower, word))
}

/// Equal to `part` always counts; containing it counts once `part` is long enough to mean
/// something.
fn contains_personal(lower: &str, part: &str) -> bool {
    if part.is_empty() {
        return false;
    }
    lower == part || (part.chars().count() >= MIN_PERSONAL_PART && lower.contains(part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(password: &str) -> Vec<&'static str> {
        password_problems(password, "ana.garcia@example.org", "Ana García")
            .iter()
            .map(PasswordProblem::code)
            .collect()
    }

    #[test]
    fn a_long_uncommon_password_has_no_problems() {
        assert!(codes("correct horse battery").is_empty());
    }

    #[test]
    fn a_password_of_nine_characters_is_too_short_and_says_how_long_it_is() {
        let problems = password_problems("abcdefgh9", "x@example.org", "X");
        assert_eq!(
            problems,
            [PasswordProblem::PasswordTooShort { min: 10, actual: 9 }]
        );
        assert_eq!(
            problems.first().map(ToString::to_string).as_deref(),
            Some("The password must have at least 10 characters (it has 9).")
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // "ñandúñandú" is 10 characters but 14 bytes; "ñandúñand" is 9 characters, 12 bytes.
        assert!(!codes("ñandúñandú").contains(&"password_too_short"));
        assert!(codes("ñandúñand").contains(&"password_too_short"));
    }

    #[test]
    fn a_password_over_1024_characters_is_too_long() {
        let long = "x".repeat(1025);
        assert_eq!(codes(&long), ["password_too_long"]);
        assert!(codes(&"x".repeat(1024)).is_empty());
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(codes("password123"), ["password_common"]);
        assert_eq!(codes("QwertyUiop"), ["password_common"]);
        assert_eq!(codes("1234567890"), ["password_common"]);
    }

    #[test]
    fn a_short_common_password_has_both_problems() {
        assert_eq!(codes("dragon"), ["password_too_short", "password_common"]);
    }

    #[test]
    fn the_common_password_list_is_about_a_thousand_lowercase_lines() {
        let lines: Vec<&str> = COMMON_PASSWORDS.lines().collect();
        assert!(lines.len() >= 1000, "{} lines", lines.len());
        assert!(
            lines
                .iter()
                .all(|l| !l.is_empty() && *l == l.to_lowercase())
        );
    }

    #[test]
    fn a_password_containing_the_email_local_part_is_refused() {
        assert_eq!(codes("ana.garcia2024!"), ["password_contains_email"]);
        assert_eq!(codes("ANA.GARCIA@example"), ["password_contains_email"]);
    }

    #[test]
    fn a_password_containing_the_name_is_refused() {
        assert_eq!(codes("garcía-rules-ok"), ["password_contains_name"]);
        assert_eq!(codes("xxanagarcíaxx"), ["password_contains_name"]);
    }

    #[test]
    fn short_name_parts_are_only_refused_when_they_are_the_whole_password() {
        // "Ana" is three letters: "bananas everywhere" must not be refused for it.
        assert!(codes("bananas everywhere").is_empty());
        let problems = password_problems("al", "al@example.org", "Al");
        let codes: Vec<&str> = problems.iter().map(PasswordProblem::code).collect();
        assert_eq!(
            codes,
            [
                "password_too_short",
                "password_contains_email",
                "password_contains_name"
            ]
        );
    }

    #[test]
    fn empty_or_odd_email_and_name_do_not_panic() {
        assert!(password_problems("a fine long password", "", "").is_empty());
        assert!(password_problems("a fine long password", "@@@", "   ").is_empty());
        assert_eq!(codes(""), ["password_too_short"]);
    }
}
