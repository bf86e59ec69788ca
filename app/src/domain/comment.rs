//! Comments on proposals (decision-rules.md §2): threaded, Markdown, edited by their author
//! with the edit shown, deleted by their author (the thread keeps its place), hidden by
//! facilitators with a reason (kept, not deleted). The rules here need no database.

use crate::{
    domain::{
        rule::{Rule, args},
        text::{self, Lines},
    },
    dto::Problem,
};
use std::fmt;

/// The most characters a comment has.
pub const BODY_MAX_CHARS: usize = 10_000;
/// How deep replies indent; deeper replies are shown at this depth, "replying to" their parent.
pub const MAX_DEPTH: i32 = 4;

/// Something wrong with a comment or a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentProblem {
    /// Empty, or longer than [`BODY_MAX_CHARS`].
    Length {
        /// The fewest characters.
        min: usize,
        /// The most characters.
        max: usize,
        /// How many were typed.
        actual: usize,
    },
    /// A control character other than line breaks and tabs.
    ControlCharacters,
    /// The comment replied to is not one of this proposal's.
    ParentElsewhere,
    /// The comment replied to was deleted or hidden.
    ParentGone,
    /// The text is the same as before: nothing to save.
    Unchanged,
    /// The comment is hidden already.
    AlreadyHidden,
}

impl Rule for CommentProblem {
    fn code(&self) -> &'static str {
        match self {
            CommentProblem::Length { .. } => "text_length",
            CommentProblem::ControlCharacters => text::CONTROL_CHARACTERS,
            CommentProblem::ParentElsewhere => "reply_elsewhere",
            CommentProblem::ParentGone => "reply_to_removed",
            CommentProblem::Unchanged => "comment_unchanged",
            CommentProblem::AlreadyHidden => "comment_hidden_already",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            CommentProblem::Length { min, max, actual } => args([
                ("min", min as &dyn ToString),
                ("max", max),
                ("actual", actual),
            ]),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for CommentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommentProblem::Length { min, max, actual } => write!(
                f,
                "This text must have between {min} and {max} characters (it has {actual})."
            ),
            CommentProblem::ControlCharacters => f.write_str(text::CONTROL_CHARACTERS_MESSAGE),
            CommentProblem::ParentElsewhere => {
                f.write_str("The comment replied to belongs to another proposal.")
            }
            CommentProblem::ParentGone => {
                f.write_str("The comment replied to was deleted or hidden.")
            }
            CommentProblem::Unchanged => f.write_str("Nothing changed."),
            CommentProblem::AlreadyHidden => f.write_str("This comment is hidden already."),
        }
    }
}

/// A comment's text, checked (trailing blanks dropped).
pub fn parse_body(body: &str) -> Result<String, Vec<Problem>> {
    let body = body.trim_end().to_owned();
    let actual = body.chars().count();
    let mut problems = Vec::new();
    if !(1..=BODY_MAX_CHARS).contains(&actual) {
        problems.push(Problem::broken(
            Some("body"),
            &CommentProblem::Length {
                min: 1,
                max: BODY_MAX_CHARS,
                actual,
            },
        ));
    }
    if text::has_control_characters(&body, Lines::Multi) {
        problems.push(Problem::broken(
            Some("body"),
            &CommentProblem::ControlCharacters,
        ));
    }
    if problems.is_empty() {
        Ok(body)
    } else {
        Err(problems)
    }
}

/// What a reply's parent must be: a comment of the same proposal, neither deleted nor
/// hidden. Returns the reply's depth (one more than its parent's, at most [`MAX_DEPTH`]).
pub fn check_parent(
    same_proposal: bool,
    removed: bool,
    parent_depth: i32,
) -> Result<i32, CommentProblem> {
    if !same_proposal {
        Err(CommentProblem::ParentElsewhere)
    } else if removed {
        Err(CommentProblem::ParentGone)
    } else {
        Ok((parent_depth + 1).min(MAX_DEPTH))
    }
}

/// The `@name` mentions in a comment, as typed after the `@` (letters, digits, `.`, `_`,
/// `-`), outside code; each once, in order.
pub fn mentions(body: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut in_code = false;
    let mut previous = ' ';
    for (at, c) in body.char_indices() {
        if c == '`' {
            in_code = !in_code;
        } else if c == '@' && !in_code && !previous.is_alphanumeric() {
            let rest = &body[at + 1..];
            let name: String = rest.chars().take_while(|c| is_name_char(*c)).collect();
            let name = name.trim_end_matches(['.', '-', '_']).to_owned();
            if !name.is_empty() && !found.contains(&name) {
                found.push(name);
            }
        }
        previous = c;
    }
    found
}

/// Whether `c` may be part of a mention.
pub fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// The handle a member is mentioned by: their display name without spaces, lowercased
/// (`@AdaOkafor` and `@adaokafor` both name "Ada Okafor").
pub fn handle(display_name: &str) -> String {
    display_name
        .chars()
        .filter(|c| is_name_char(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_has_text_and_a_limit() {
        assert_eq!(parse_body(" \n ").unwrap_err()[0].code, "text_length");
        assert_eq!(parse_body("Agreed.\n\n").unwrap(), "Agreed.");
        let long = "a".repeat(BODY_MAX_CHARS + 1);
        let problems = parse_body(&long).unwrap_err();
        assert!(problems[0].args.contains(&("max".into(), "10000".into())));
        assert_eq!(
            parse_body("bell\u{7}").unwrap_err()[0].code,
            "control_characters"
        );
    }

    #[test]
    fn replies_stay_in_their_proposal_and_indent_to_a_limit() {
        assert_eq!(check_parent(true, false, 0), Ok(1));
        assert_eq!(check_parent(true, false, MAX_DEPTH), Ok(MAX_DEPTH));
        assert_eq!(
            check_parent(false, false, 0),
            Err(CommentProblem::ParentElsewhere)
        );
        assert_eq!(check_parent(true, true, 0), Err(CommentProblem::ParentGone));
    }

    #[test]
    fn mentions_are_found_outside_code_and_e_mail_addresses() {
        assert_eq!(
            mentions("Thanks @AdaOkafor and @ben. Also @ben again, not `@code` or a@b.org"),
            ["AdaOkafor", "ben"]
        );
        assert!(mentions("@ alone").is_empty());
    }

    #[test]
    fn a_handle_is_the_name_without_spaces_in_lowercase() {
        assert_eq!(handle("Ada Okafor"), "adaokafor");
        assert_eq!(handle("Cleo Martín"), "cleomartín");
    }
}
