//! Plain data that crosses from server to page (and to the browser when it hydrates).
//! No database types here: services turn rows into these.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A broken rule, for a form field or for the whole form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The form field it concerns, if one.
    pub field: Option<String>,
    /// Stable snake_case code; `problem-<code>` is its translation key.
    pub code: String,
    /// Arguments of the message (e.g. `min` = 10).
    pub args: Vec<(String, String)>,
    /// The English message, for logs and for clients that do not translate.
    pub message: String,
}

impl Problem {
    /// A problem with a field, a code and an English message.
    pub fn new(field: Option<&str>, code: &str, message: impl Into<String>) -> Problem {
        Problem {
            field: field.map(str::to_owned),
            code: code.to_owned(),
            args: Vec::new(),
            message: message.into(),
        }
    }

    /// The problem for a broken domain rule, on `field` (or the whole form), with the
    /// rule's code, numbers and English sentence.
    pub fn broken(field: Option<&str>, rule: &impl crate::domain::rule::Rule) -> Problem {
        Problem {
            field: field.map(str::to_owned),
            code: rule.code().to_owned(),
            args: rule.args(),
            message: rule.to_string(),
        }
    }

    /// Adds an argument for the translated message.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Problem {
        self.args.push((name.to_owned(), value.to_string()));
        self
    }
}

/// A form sent back to the person because it broke a rule: what they entered (never
/// passwords) and what was wrong, so the page can show both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormState {
    /// Which form on the page (its `form_id` field).
    pub form: String,
    /// The values entered, by field name.
    pub values: BTreeMap<String, String>,
    /// What was wrong.
    pub problems: Vec<Problem>,
}

impl FormState {
    /// The value entered in `field`, or empty.
    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    /// The problems with `field`.
    pub fn problems_of(&self, field: &str) -> Vec<Problem> {
        self.problems
            .iter()
            .filter(|p| p.field.as_deref() == Some(field))
            .cloned()
            .collect()
    }
}

/// The signed-in person, as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    /// Account id.
    pub id: String,
    /// Display name.
    pub display_name: String,
    /// E-mail address.
    pub email: String,
    /// Preferred language code, if chosen.
    pub language: Option<String>,
}
