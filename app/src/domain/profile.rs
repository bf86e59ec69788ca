//! A person's account details as they type them: display name, e-mail address, preferred
//! language, and at sign-up a password (spec §1 "People and roles"). Checked here once, so
//! the sign-up and account forms say the same thing.

use crate::{
    domain::{
        email::{EmailProblem, normalise_email},
        password::password_problems,
        rule::{Rule, args},
        text::{self, Lines},
    },
    dto::Problem,
};
use std::fmt;

/// The fewest characters a display name has, after trimming.
pub const DISPLAY_NAME_MIN_CHARS: usize = 1;
/// The most characters a display name has, after trimming.
pub const DISPLAY_NAME_MAX_CHARS: usize = 120;

/// Something wrong with account details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileProblem {
    /// The display name is empty or too long.
    DisplayNameLength {
        /// The fewest characters.
        min: usize,
        /// The most characters.
        max: usize,
        /// How many the trimmed name has.
        actual: usize,
    },
    /// The language is not one Quorate speaks.
    LanguageUnknown,
}

impl Rule for ProfileProblem {
    fn code(&self) -> &'static str {
        match self {
            ProfileProblem::DisplayNameLength { .. } => "display_name_length",
            ProfileProblem::LanguageUnknown => "language_unknown",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            ProfileProblem::DisplayNameLength { min, max, actual } => args([
                ("min", min as &dyn ToString),
                ("max", max),
                ("actual", actual),
            ]),
            ProfileProblem::LanguageUnknown => Vec::new(),
        }
    }
}

impl fmt::Display for ProfileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileProblem::DisplayNameLength { min, max, .. } => write!(
                f,
                "The display name must have between {min} and {max} characters."
            ),
            ProfileProblem::LanguageUnknown => f.write_str("Choose one of the languages offered."),
        }
    }
}

/// The account page's details, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// The display name, trimmed.
    pub display_name: String,
    /// The e-mail address, normalised.
    pub email: String,
    /// The preferred language's code, or `None` to follow the browser.
    pub language: Option<String>,
}

impl Profile {
    /// Checks the account form's fields as typed; every problem is named with its field.
    pub fn parse(display_name: &str, email: &str, language: &str) -> Result<Profile, Vec<Problem>> {
        let mut problems = Vec::new();
        let display_name = checked_display_name(display_name, &mut problems);
        let email = checked_email(email, &mut problems);
        let language = language.trim();
        if !language.is_empty() && crate::i18n::Language::from_code(language).is_none() {
            problems.push(Problem::broken(
                Some("language"),
                &ProfileProblem::LanguageUnknown,
            ));
        }
        match email {
            Some(email) if problems.is_empty() => Ok(Profile {
                display_name,
                email,
                language: (!language.is_empty()).then(|| language.to_owned()),
            }),
            _ => Err(problems),
        }
    }
}

/// A sign-up, checked. The password is kept only to be hashed.
#[derive(Clone, PartialEq, Eq)]
pub struct SignUpRequest {
    /// The e-mail address, normalised.
    pub email: String,
    /// The display name, trimmed.
    pub display_name: String,
    /// The password, as typed.
    pub password: String,
}

impl fmt::Debug for SignUpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignUpRequest")
            .field("email", &self.email)
            .field("display_name", &self.display_name)
            .finish_non_exhaustive()
    }
}

impl SignUpRequest {
    /// Checks the sign-up form's fields as typed: the address, the display name, and the
    /// password against the password rules (which know the address and the name).
    pub fn parse(
        email: &str,
        display_name: &str,
        password: &str,
    ) -> Result<SignUpRequest, Vec<Problem>> {
        let mut problems = Vec::new();
        let address = checked_email(email, &mut problems);
        let display_name = checked_display_name(display_name, &mut problems);
        for problem in password_problems(password, email, &display_name) {
            problems.push(Problem::broken(Some("password"), &problem));
        }
        match address {
            Some(email) if problems.is_empty() => Ok(SignUpRequest {
                email,
                display_name,
                password: password.to_owned(),
            }),
            _ => Err(problems),
        }
    }
}

/// The trimmed display name; its problems are added to `problems`.
fn checked_display_name(display_name: &str, problems: &mut Vec<Problem>) -> String {
    let display_name = display_name.trim();
    let actual = display_name.chars().count();
    if !(DISPLAY_NAME_MIN_CHARS..=DISPLAY_NAME_MAX_CHARS).contains(&actual) {
        let problem = ProfileProblem::DisplayNameLength {
            min: DISPLAY_NAME_MIN_CHARS,
            max: DISPLAY_NAME_MAX_CHARS,
            actual,
        };
        problems.push(Problem::broken(Some("display_name"), &problem));
    }
    if text::has_control_characters(display_name, Lines::Single) {
        problems.push(control_characters("display_name"));
    }
    display_name.to_owned()
}

/// The normalised address, or its problem added to `problems`.
pub fn checked_email(address: &str, problems: &mut Vec<Problem>) -> Option<String> {
    normalise_email(address)
        .map_err(|problem: EmailProblem| problems.push(Problem::broken(Some("email"), &problem)))
        .ok()
}

/// The problem for a field holding control characters.
pub fn control_characters(field: &str) -> Problem {
    Problem::new(
        Some(field),
        text::CONTROL_CHARACTERS,
        text::CONTROL_CHARACTERS_MESSAGE,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(problems: Vec<Problem>) -> Vec<(String, String)> {
        problems
            .into_iter()
            .map(|p| (p.field.unwrap_or_default(), p.code))
            .collect()
    }

    #[test]
    fn a_profile_is_read_trimmed_and_an_empty_language_follows_the_browser() {
        assert_eq!(
            Profile::parse(" Bea ", "Bea@Example.org", ""),
            Ok(Profile {
                display_name: "Bea".into(),
                email: "Bea@example.org".into(),
                language: None,
            })
        );
        assert_eq!(
            Profile::parse("Bea", "bea@example.org", "es").map(|p| p.language),
            Ok(Some("es".into()))
        );
    }

    #[test]
    fn a_profile_names_each_broken_rule_by_field() {
        let problems = Profile::parse("", "nope", "xx").err().unwrap_or_default();
        assert_eq!(problems[0].args[1], ("max".to_owned(), "120".to_owned()));
        assert_eq!(
            named(problems),
            [
                ("display_name".to_owned(), "display_name_length".to_owned()),
                ("email".to_owned(), "email_not_one_at".to_owned()),
                ("language".to_owned(), "language_unknown".to_owned())
            ]
        );
    }

    #[test]
    fn a_short_password_is_refused_with_the_rules_numbers() {
        let problems = SignUpRequest::parse("bea@example.org", "Bea", "short")
            .err()
            .unwrap_or_default();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "password_too_short");
        assert_eq!(
            problems[0].args,
            [
                ("min".to_owned(), "10".to_owned()),
                ("actual".to_owned(), "5".to_owned())
            ]
        );
        assert!(SignUpRequest::parse("bea@example.org", "Bea", "correct horse staple").is_ok());
    }

    #[test]
    fn a_sign_up_request_never_prints_its_password() {
        let Ok(request) = SignUpRequest::parse("bea@example.org", "Bea", "correct horse staple")
        else {
            panic!("a valid sign-up");
        };
        assert!(!format!("{request:?}").contains("horse"));
    }
}
