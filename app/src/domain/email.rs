//! E-mail addresses of accounts and invitations (spec §1 "People and roles"): a basic shape
//! check and one normal form. The address is kept as typed except for the domain, which is
//! lowercased; uniqueness uses [`email_key`], the whole address lowercased, since in practice
//! no mail provider treats `Ana@` and `ana@` as different people.
//!
//! The shape check is deliberately basic (a confirmation e-mail is the real test): at most 254
//! characters, no whitespace, exactly one `@` with something before it, and a domain with a dot
//! that neither starts nor ends with a dot nor has two in a row.

use crate::domain::rule::{Rule, args};
use serde::{Deserialize, Serialize};
use std::fmt;

/// How many hours a mailed link (proving an address) works.
pub const LINK_LIFETIME_HOURS: i64 = 24;

/// The longest address accepted, in characters (RFC 5321's path limit less the brackets).
pub const MAX_CHARS: usize = 254;

/// Why a text is not an acceptable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum EmailProblem {
    /// Nothing was typed.
    EmailEmpty,
    /// Longer than [`MAX_CHARS`].
    EmailTooLong {
        /// The greatest number of characters.
        max: usize,
        /// How many the address has.
        actual: usize,
    },
    /// Spaces or other whitespace inside the address.
    EmailHasSpaces,
    /// No `@`, or more than one.
    EmailNotOneAt,
    /// Nothing before the `@`.
    EmailNoLocalPart,
    /// The part after the `@` is not a domain name with a dot.
    EmailBadDomain,
}

impl EmailProblem {
    /// The stable snake_case code, also the i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            EmailProblem::EmailEmpty => "email_empty",
            EmailProblem::EmailTooLong { .. } => "email_too_long",
            EmailProblem::EmailHasSpaces => "email_has_spaces",
            EmailProblem::EmailNotOneAt => "email_not_one_at",
            EmailProblem::EmailNoLocalPart => "email_no_local_part",
            EmailProblem::EmailBadDomain => "email_bad_domain",
        }
    }
}

impl fmt::Display for EmailProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EmailProblem::EmailEmpty => f.write_str("Enter an e-mail address."),
            EmailProblem::EmailTooLong { max, actual } => write!(
                f,
                "An e-mail address must have at most {max} characters (this one has {actual})."
            ),
            EmailProblem::EmailHasSpaces => {
                f.write_str("An e-mail address must not contain spaces.")
            }
            EmailProblem::EmailNotOneAt => {
                f.write_str("An e-mail address must contain exactly one @.")
            }
            EmailProblem::EmailNoLocalPart => {
                f.write_str("An e-mail address needs a name before the @.")
            }
            EmailProblem::EmailBadDomain => {
                f.write_str("An e-mail address needs a domain after the @, such as example.org.")
            }
        }
    }
}

impl std::error::Error for EmailProblem {}

impl Rule for EmailProblem {
    fn code(&self) -> &'static str {
        EmailProblem::code(self)
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            EmailProblem::EmailTooLong { max, actual } => {
                args([("max", max as &dyn ToString), ("actual", actual)])
            }
            _ => Vec::new(),
        }
    }
}

/// The address to store: trimmed, the domain lowercased, the part before `@` as typed; or the
/// first problem with its shape.
pub fn normalise_email(s: &str) -> Result<String, EmailProblem> {
    let trimmed = s.trim();
    let chars = trimmed.chars().count();
    if chars == 0 {
        return Err(EmailProblem::EmailEmpty);
    }
    if chars > MAX_CHARS {
        return Err(EmailProblem::EmailTooLong {
            max: MAX_CHARS,
            actual: chars,
        });
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Err(EmailProblem::EmailHasSpaces);
    }
    let Some((local, domain)) = trimmed.split_once('@') else {
        return Err(EmailProblem::EmailNotOneAt);
    };
    if domain.contains('@') {
        return Err(EmailProblem::EmailNotOneAt);
    }
    if local.is_empty() {
        return Err(EmailProblem::EmailNoLocalPart);
    }
    if !is_domain_shaped(domain) {
        return Err(EmailProblem::EmailBadDomain);
    }
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// The key that makes an address unique among accounts and invitations: the normalised address
/// wholly lowercased.
pub fn email_key(s: &str) -> Result<String, EmailProblem> {
    normalise_email(s).map(|email| email.to_lowercase())
}

/// A dot inside, not at either end, never two in a row.
fn is_domain_shaped(domain: &str) -> bool {
    domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(s: &str) -> Option<&'static str> {
        normalise_email(s).err().map(|p| p.code())
    }

    #[test]
    fn the_address_is_trimmed_and_its_domain_lowercased() {
        assert_eq!(
            normalise_email("  Ana.Garcia@Example.ORG \n").as_deref(),
            Ok("Ana.Garcia@example.org")
        );
    }

    #[test]
    fn the_key_lowercases_the_whole_address() {
        assert_eq!(
            email_key(" Ana@Example.org").as_deref(),
            Ok("ana@example.org")
        );
        assert_eq!(email_key("ANA@example.org"), email_key("ana@EXAMPLE.org"));
    }

    #[test]
    fn international_addresses_are_accepted() {
        assert_eq!(
            normalise_email("josé@Café.es").as_deref(),
            Ok("josé@café.es")
        );
    }

    #[test]
    fn badly_shaped_addresses_are_refused_with_the_first_problem() {
        assert_eq!(problem(""), Some("email_empty"));
        assert_eq!(problem("   "), Some("email_empty"));
        assert_eq!(problem("ana garcia@example.org"), Some("email_has_spaces"));
        assert_eq!(problem("ana.example.org"), Some("email_not_one_at"));
        assert_eq!(problem("ana@b@example.org"), Some("email_not_one_at"));
        assert_eq!(problem("@example.org"), Some("email_no_local_part"));
        assert_eq!(problem("ana@"), Some("email_bad_domain"));
        assert_eq!(problem("ana@localhost"), Some("email_bad_domain"));
        assert_eq!(problem("ana@.example.org"), Some("email_bad_domain"));
        assert_eq!(problem("ana@example.org."), Some("email_bad_domain"));
        assert_eq!(problem("ana@example..org"), Some("email_bad_domain"));
    }

    #[test]
    fn addresses_over_254_characters_are_refused() {
        let at_limit = format!("{}@example.org", "a".repeat(242));
        assert!(normalise_email(&at_limit).is_ok());
        let over = format!("{}@example.org", "a".repeat(243));
        assert_eq!(
            normalise_email(&over),
            Err(EmailProblem::EmailTooLong {
                max: 254,
                actual: 255
            })
        );
    }

    #[test]
    fn problems_explain_themselves() {
        assert_eq!(
            EmailProblem::EmailNotOneAt.to_string(),
            "An e-mail address must contain exactly one @."
        );
    }
}
