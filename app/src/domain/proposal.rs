//! Proposals (decision-rules.md §2): what a proposal's text must be, the states it moves
//! through and the checks on an edit.
//!
//! | state        | edit | add co-author | publish | withdraw | comment, amend |
//! |--------------|------|---------------|---------|----------|----------------|
//! | `draft`      | yes  | yes           | yes     | no       | no             |
//! | `discussion` | yes  | yes           | no      | yes      | yes            |
//! | `decided`    | no   | no            | no      | no       | no             |
//! | `withdrawn`  | no   | no            | no      | no       | no             |
//!
//! Who may take each step (authors, group members, roles) is [`super::proposal_policy`]'s.
//! A draft is visible to its authors only; publishing makes revision 1; every later edit is
//! the next numbered revision. An edit is made against the version the editor started from:
//! when someone saved in between, it is refused ([`check_version`]) so nothing is overwritten
//! unseen.

use crate::{
    domain::{
        roles::{Membership, MembershipState, Role},
        rule::{Rule, args},
        text::{self, Lines},
    },
    dto::Problem,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most characters a title has, after trimming.
pub const TITLE_MAX_CHARS: usize = 200;
/// The most characters a summary has.
pub const SUMMARY_MAX_CHARS: usize = 1_000;
/// The most characters a body (Markdown) has: about 15,000 words, a long policy document.
pub const BODY_MAX_CHARS: usize = 100_000;
/// The most characters a change note has.
pub const NOTE_MAX_CHARS: usize = 500;
/// The most characters a reason (for withdrawing, declining) has.
pub const REASON_MAX_CHARS: usize = 2_000;

/// Where a proposal stands (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum),
    sea_orm(
        rs_type = "String",
        db_type = "String(sea_orm::sea_query::StringLen::N(16))",
        rename_all = "snake_case"
    )
)]
pub enum ProposalState {
    /// Being written; visible to its authors only.
    Draft,
    /// Published: members read, comment and amend it.
    Discussion,
    /// A decision round decided it.
    Decided,
    /// Its authors withdrew it, with a reason.
    Withdrawn,
}

impl ProposalState {
    /// Every state, in the order a proposal moves through them.
    pub const ALL: [ProposalState; 4] = [
        ProposalState::Draft,
        ProposalState::Discussion,
        ProposalState::Decided,
        ProposalState::Withdrawn,
    ];

    /// The stable snake_case code (stored, and the suffix of its translation key).
    pub fn code(self) -> &'static str {
        match self {
            ProposalState::Draft => "draft",
            ProposalState::Discussion => "discussion",
            ProposalState::Decided => "decided",
            ProposalState::Withdrawn => "withdrawn",
        }
    }

    /// The state with this code.
    pub fn from_code(code: &str) -> Option<ProposalState> {
        ProposalState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether its text may still change (by its authors, or by an accepted amendment).
    pub fn is_open(self) -> bool {
        matches!(self, ProposalState::Draft | ProposalState::Discussion)
    }
}

impl fmt::Display for ProposalState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Something wrong with what was typed into a proposal's forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalProblem {
    /// A text is shorter or longer than its rule allows.
    Length {
        /// The fewest characters.
        min: usize,
        /// The most characters.
        max: usize,
        /// How many were typed (a title after trimming).
        actual: usize,
    },
    /// A control character where none belongs.
    ControlCharacters,
    /// The due date is not a date written `YYYY-MM-DD`.
    DueDateMalformed,
    /// The due date is before today in the organisation's time zone.
    DueDateInThePast {
        /// Today, `YYYY-MM-DD`.
        today: String,
    },
    /// Someone saved a newer version since the editor started.
    EditConflict {
        /// The version the editor started from.
        started_from: i32,
        /// The version stored now.
        current: i32,
    },
    /// The text is the same as the latest revision: nothing to save.
    Unchanged,
    /// A co-author must be an active member (spec §1: only active members act).
    CoAuthorNotActive,
    /// Observers read and comment but never author (spec §1).
    CoAuthorObserver,
    /// A group's proposal is authored by members of the group.
    CoAuthorNotInGroup,
    /// The member already is one of the proposal's authors.
    AlreadyAnAuthor,
}

impl Rule for ProposalProblem {
    fn code(&self) -> &'static str {
        match self {
            ProposalProblem::Length { min: 0, .. } => "text_too_long",
            ProposalProblem::Length { .. } => "text_length",
            ProposalProblem::ControlCharacters => text::CONTROL_CHARACTERS,
            ProposalProblem::DueDateMalformed => "due_date_malformed",
            ProposalProblem::DueDateInThePast { .. } => "due_date_in_the_past",
            ProposalProblem::EditConflict { .. } => "edit_conflict",
            ProposalProblem::Unchanged => "proposal_unchanged",
            ProposalProblem::CoAuthorNotActive => "co_author_not_active",
            ProposalProblem::CoAuthorObserver => "co_author_observer",
            ProposalProblem::CoAuthorNotInGroup => "co_author_not_in_group",
            ProposalProblem::AlreadyAnAuthor => "already_an_author",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            ProposalProblem::Length { min, max, actual } => args([
                ("min", min as &dyn ToString),
                ("max", max),
                ("actual", actual),
            ]),
            ProposalProblem::DueDateInThePast { today } => args([("today", today as _)]),
            ProposalProblem::EditConflict {
                started_from,
                current,
            } => args([("started_from", started_from as _), ("current", current)]),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for ProposalProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProposalProblem::Length {
                min: 0,
                max,
                actual,
            } => write!(
                f,
                "This text may have at most {max} characters (it has {actual})."
            ),
            ProposalProblem::Length { min, max, actual } => write!(
                f,
                "This text must have between {min} and {max} characters (it has {actual})."
            ),
            ProposalProblem::ControlCharacters => f.write_str(text::CONTROL_CHARACTERS_MESSAGE),
            ProposalProblem::DueDateMalformed => {
                f.write_str("The due date must be a date written YYYY-MM-DD.")
            }
            ProposalProblem::DueDateInThePast { today } => {
                write!(f, "The due date must be today ({today}) or later.")
            }
            ProposalProblem::EditConflict {
                started_from,
                current,
            } => write!(
                f,
                "Someone saved a newer version ({current}) after you started from version \
                 {started_from}: compare, then edit the newer text."
            ),
            ProposalProblem::Unchanged => {
                f.write_str("Nothing changed: the text is the same as the latest revision.")
            }
            ProposalProblem::CoAuthorNotActive => {
                f.write_str("A co-author must be an active member.")
            }
            ProposalProblem::CoAuthorObserver => {
                f.write_str("Observers read and comment but do not author proposals.")
            }
            ProposalProblem::CoAuthorNotInGroup => {
                f.write_str("A co-author of a group's proposal must be a member of the group.")
            }
            ProposalProblem::AlreadyAnAuthor => {
                f.write_str("This member already is one of the authors.")
            }
        }
    }
}

/// A proposal's text with every rule checked: what a revision holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalText {
    /// The title, trimmed; one line.
    pub title: String,
    /// A short summary (may be empty).
    pub summary: String,
    /// The body, in Markdown.
    pub body: String,
}

impl ProposalText {
    /// Checks a proposal's fields as typed; every problem is named with its field.
    pub fn parse(title: &str, summary: &str, body: &str) -> Result<ProposalText, Vec<Problem>> {
        let text = ProposalText {
            title: title.trim().to_owned(),
            summary: summary.trim_end().to_owned(),
            body: body.trim_end().to_owned(),
        };
        let mut problems = Vec::new();
        check_text(
            &mut problems,
            "title",
            &text.title,
            1,
            TITLE_MAX_CHARS,
            Lines::Single,
        );
        check_text(
            &mut problems,
            "summary",
            &text.summary,
            0,
            SUMMARY_MAX_CHARS,
            Lines::Multi,
        );
        // Trimmed at the end, a body of blanks is empty.
        check_text(
            &mut problems,
            "body",
            &text.body,
            1,
            BODY_MAX_CHARS,
            Lines::Multi,
        );
        if problems.is_empty() {
            Ok(text)
        } else {
            Err(problems)
        }
    }

    /// The SHA-256 (hex) of the text's canonical JSON: what the audit chain records of a
    /// revision, so the exported text can be checked against it.
    pub fn digest(&self) -> String {
        let value = serde_json::json!({
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
        });
        crate::domain::digest::sha256_hex(&[
            crate::domain::canonical_json::canonical_json(&value).as_bytes()
        ])
    }
}

/// A change note (optional, one line).
pub fn parse_note(note: &str) -> Result<String, Vec<Problem>> {
    let note = note.trim().to_owned();
    let mut problems = Vec::new();
    check_text(
        &mut problems,
        "note",
        &note,
        0,
        NOTE_MAX_CHARS,
        Lines::Single,
    );
    if problems.is_empty() {
        Ok(note)
    } else {
        Err(problems)
    }
}

/// A reason (withdrawing, declining an amendment, hiding a comment): required.
pub fn parse_reason(reason: &str) -> Result<String, Vec<Problem>> {
    let reason = reason.trim().to_owned();
    let mut problems = Vec::new();
    check_text(
        &mut problems,
        "reason",
        &reason,
        1,
        REASON_MAX_CHARS,
        Lines::Multi,
    );
    if problems.is_empty() {
        Ok(reason)
    } else {
        Err(problems)
    }
}

/// An optional due date for the discussion, `YYYY-MM-DD` (empty for none).
pub fn parse_due_date(text: &str) -> Result<Option<chrono::NaiveDate>, Vec<Problem>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            vec![Problem::broken(
                Some("due_on"),
                &ProposalProblem::DueDateMalformed,
            )]
        })
}

/// A due date may not be before `today` (the organisation's date now).
pub fn check_due_date(
    due: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> Result<(), ProposalProblem> {
    match due {
        Some(due) if due < today => Err(ProposalProblem::DueDateInThePast {
            today: today.format("%Y-%m-%d").to_string(),
        }),
        _ => Ok(()),
    }
}

/// Whether the member `candidate` may become a co-author: an active member who may author
/// (not an observer), in the proposal's scope (for a group's proposal, a member of the
/// group), and not an author already.
pub fn check_co_author(
    candidate: Membership,
    in_scope: bool,
    already: bool,
) -> Result<(), ProposalProblem> {
    if already {
        Err(ProposalProblem::AlreadyAnAuthor)
    } else if candidate.state != MembershipState::Active {
        Err(ProposalProblem::CoAuthorNotActive)
    } else if candidate.role == Role::Observer {
        Err(ProposalProblem::CoAuthorObserver)
    } else if !in_scope {
        Err(ProposalProblem::CoAuthorNotInGroup)
    } else {
        Ok(())
    }
}

/// An edit started from `started_from` may be saved only while that is still the stored
/// `current` version (optimistic concurrency: nobody's text is overwritten unseen).
pub fn check_version(started_from: i32, current: i32) -> Result<(), ProposalProblem> {
    if started_from == current {
        Ok(())
    } else {
        Err(ProposalProblem::EditConflict {
            started_from,
            current,
        })
    }
}

/// The version number typed into an edit form (a hidden field); anything else is a
/// conflict with version 0, which never exists.
pub fn parse_version(text: &str) -> i32 {
    text.trim().parse().unwrap_or(0)
}

fn check_text(
    problems: &mut Vec<Problem>,
    field: &str,
    value: &str,
    min: usize,
    max: usize,
    lines: Lines,
) {
    let actual = value.chars().count();
    if !(min..=max).contains(&actual) {
        problems.push(Problem::broken(
            Some(field),
            &ProposalProblem::Length { min, max, actual },
        ));
    }
    if text::has_control_characters(value, lines) {
        problems.push(Problem::broken(
            Some(field),
            &ProposalProblem::ControlCharacters,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(result: Result<ProposalText, Vec<Problem>>) -> Vec<(String, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field.unwrap_or_default(), p.code))
            .collect()
    }

    #[test]
    fn a_proposal_needs_a_title_and_a_body() {
        assert_eq!(
            codes(ProposalText::parse("  ", "", " \n ")),
            [
                ("title".to_owned(), "text_length".to_owned()),
                ("body".to_owned(), "text_length".to_owned())
            ]
        );
        let text = ProposalText::parse(" Solar roof ", "", "We install panels.\n\n").unwrap();
        assert_eq!(text.title, "Solar roof");
        assert_eq!(text.body, "We install panels.");
    }

    #[test]
    fn limits_are_named_with_their_numbers() {
        let long_title = "t".repeat(TITLE_MAX_CHARS + 1);
        let problems = ProposalText::parse(&long_title, "", "body").unwrap_err();
        assert_eq!(problems[0].code, "text_length");
        assert!(problems[0].args.contains(&("max".into(), "200".into())));
        assert!(problems[0].args.contains(&("actual".into(), "201".into())));
        let megabyte = "a".repeat(1_000_000);
        let problems = ProposalText::parse("Title", "", &megabyte).unwrap_err();
        assert_eq!(problems[0].field.as_deref(), Some("body"));
        assert!(problems[0].args.contains(&("max".into(), "100000".into())));
        let summary = "s".repeat(SUMMARY_MAX_CHARS + 1);
        let problems = ProposalText::parse("Title", &summary, "body").unwrap_err();
        assert_eq!(problems[0].code, "text_too_long");
    }

    #[test]
    fn a_title_is_one_line_and_control_characters_are_refused() {
        assert_eq!(
            codes(ProposalText::parse("a\nb", "", "body\u{1b}[2J")),
            [
                ("title".to_owned(), "control_characters".to_owned()),
                ("body".to_owned(), "control_characters".to_owned())
            ]
        );
        assert!(ProposalText::parse("a", "line\nline", "body\n\ttab").is_ok());
    }

    #[test]
    fn markup_is_kept_as_typed() {
        let text =
            ProposalText::parse("<script>alert(1)</script>", "", "[x](javascript:1)").unwrap();
        assert_eq!(text.title, "<script>alert(1)</script>");
    }

    #[test]
    fn the_digest_changes_with_any_part_of_the_text() {
        let a = ProposalText::parse("T", "S", "B").unwrap();
        let b = ProposalText::parse("T", "S", "B.").unwrap();
        assert_eq!(a.digest().len(), 64);
        assert_ne!(a.digest(), b.digest());
        assert_eq!(a.digest(), a.clone().digest());
    }

    #[test]
    fn due_dates_are_dates_not_in_the_past() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(parse_due_date(""), Ok(None));
        let due = parse_due_date("2026-12-05").unwrap();
        assert_eq!(check_due_date(due, today), Ok(()));
        let past = parse_due_date("2026-12-04").unwrap();
        assert_eq!(
            check_due_date(past, today).unwrap_err().code(),
            "due_date_in_the_past"
        );
        for bad in ["5/12/2026", "2026-13-01", "tomorrow"] {
            assert_eq!(
                parse_due_date(bad).unwrap_err()[0].code,
                "due_date_malformed"
            );
        }
    }

    #[test]
    fn an_edit_from_an_older_version_is_a_conflict() {
        assert_eq!(check_version(3, 3), Ok(()));
        assert_eq!(
            check_version(2, 3),
            Err(ProposalProblem::EditConflict {
                started_from: 2,
                current: 3
            })
        );
        assert_eq!(parse_version("x"), 0);
    }

    #[test]
    fn reasons_are_required_and_notes_optional() {
        assert_eq!(parse_reason("  ").unwrap_err()[0].code, "text_length");
        assert_eq!(parse_reason(" Done elsewhere ").unwrap(), "Done elsewhere");
        assert_eq!(parse_note("").unwrap(), "");
        assert_eq!(
            parse_note(&"n".repeat(NOTE_MAX_CHARS + 1)).unwrap_err()[0].code,
            "text_too_long"
        );
    }

    #[test]
    fn co_authors_are_active_members_who_may_author_in_the_scope() {
        let active = |role| Membership::new(role, MembershipState::Active);
        assert_eq!(check_co_author(active(Role::Member), true, false), Ok(()));
        assert_eq!(check_co_author(active(Role::Admin), true, false), Ok(()));
        assert_eq!(
            check_co_author(active(Role::Observer), true, false),
            Err(ProposalProblem::CoAuthorObserver)
        );
        assert_eq!(
            check_co_author(
                Membership::new(Role::Member, MembershipState::Suspended),
                true,
                false
            ),
            Err(ProposalProblem::CoAuthorNotActive)
        );
        assert_eq!(
            check_co_author(active(Role::Member), false, false),
            Err(ProposalProblem::CoAuthorNotInGroup)
        );
        assert_eq!(
            check_co_author(active(Role::Member), true, true),
            Err(ProposalProblem::AlreadyAnAuthor)
        );
    }

    #[test]
    fn only_drafts_and_proposals_in_discussion_change() {
        let open: Vec<_> = ProposalState::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .collect();
        assert_eq!(open, [ProposalState::Draft, ProposalState::Discussion]);
        for state in ProposalState::ALL {
            assert_eq!(ProposalState::from_code(state.code()), Some(state));
        }
    }
}
