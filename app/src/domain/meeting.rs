//! Meetings (decision-rules.md §9): what a meeting is made of, as typed into its forms, and
//! how its minutes move from draft to approved. Pure: no clock, no database.
//!
//! | state    | event     | next     | note                                              |
//! |----------|-----------|----------|---------------------------------------------------|
//! | draft    | hold      | held     | the meeting took place; notes can still be edited |
//! | held     | approve   | approved | the minutes are approved and become read-only     |
//! | approved | correct   | held     | reopened with a reason; approving again makes the |
//! |          |           |          | next version, the earlier ones kept as approved   |
//! | any other pair       | refused  | `meeting_state`, naming the state                 |

use crate::domain::{
    rule::{Rule, args},
    text::{self, Lines},
};
use crate::dto::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The most characters a meeting's or an agenda item's title has.
pub const TITLE_MAX_CHARS: usize = 200;
/// The most characters a place has.
pub const PLACE_MAX_CHARS: usize = 200;
/// The most characters a link has.
pub const LINK_MAX_CHARS: usize = 500;
/// The most characters of an agenda item's notes (Markdown).
pub const NOTES_MAX_CHARS: usize = 20_000;
/// The most characters of an action point.
pub const ACTION_MAX_CHARS: usize = 500;
/// The most characters of a guest's name.
pub const GUEST_MAX_CHARS: usize = 120;
/// The most guests one meeting lists.
pub const GUESTS_MAX: usize = 100;
/// The most characters of a correction's reason.
pub const REASON_MAX_CHARS: usize = 2_000;

/// Where a meeting's minutes stand.
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
pub enum MeetingState {
    /// Being prepared: details, agenda, attendance.
    Draft,
    /// It took place; the minute-taker finishes the notes.
    Held,
    /// The minutes are approved: read-only, corrected only by a new version.
    Approved,
}

impl MeetingState {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            MeetingState::Draft => "draft",
            MeetingState::Held => "held",
            MeetingState::Approved => "approved",
        }
    }

    /// Whether the details, agenda, attendance and notes may change.
    pub fn editable(self) -> bool {
        self != MeetingState::Approved
    }
}

/// Whether a member attended or sent apologies (a member with neither was absent).
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
pub enum Attendance {
    /// Attended.
    Present,
    /// Sent apologies.
    Apologies,
}

impl Attendance {
    /// Reads a form's value: `present`, `apologies`; anything else is absent.
    pub fn from_code(code: &str) -> Option<Attendance> {
        match code {
            "present" => Some(Attendance::Present),
            "apologies" => Some(Attendance::Apologies),
            _ => None,
        }
    }
}

/// What can happen to a meeting's minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingEvent {
    /// The meeting took place.
    Hold,
    /// The minutes are approved.
    Approve,
    /// Approved minutes are reopened for a correction (a new version, with a reason).
    Correct,
}

/// The next state, or why not.
pub fn transition(
    state: MeetingState,
    event: MeetingEvent,
) -> Result<MeetingState, MeetingProblem> {
    match (state, event) {
        (MeetingState::Draft, MeetingEvent::Hold) => Ok(MeetingState::Held),
        (MeetingState::Held, MeetingEvent::Approve) => Ok(MeetingState::Approved),
        (MeetingState::Approved, MeetingEvent::Correct) => Ok(MeetingState::Held),
        (state, _) => Err(MeetingProblem::State { state }),
    }
}

/// Something wrong with what was typed into a meeting's forms, or asked of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingProblem {
    /// A text is shorter or longer than its rule allows.
    Length {
        /// The fewest characters.
        min: usize,
        /// The most characters.
        max: usize,
        /// How many were typed.
        actual: usize,
    },
    /// A control character where none belongs.
    ControlCharacters,
    /// The date and time does not exist in the organisation's zone, or is not one.
    NotATime,
    /// A link must be a web address (`https://…` or `http://…`).
    LinkNotWeb,
    /// A due date is not `YYYY-MM-DD`.
    NotADate,
    /// A proposal is referred to by its number.
    NotAProposalNumber,
    /// More guests than a meeting lists.
    TooManyGuests {
        /// The most.
        max: usize,
    },
    /// The meeting's state does not allow this.
    State {
        /// Its state.
        state: MeetingState,
    },
}

impl Rule for MeetingProblem {
    fn code(&self) -> &'static str {
        match self {
            MeetingProblem::Length { min: 0, .. } => "text_too_long",
            MeetingProblem::Length { .. } => "text_length",
            MeetingProblem::ControlCharacters => text::CONTROL_CHARACTERS,
            MeetingProblem::NotATime => "round_not_a_time",
            MeetingProblem::LinkNotWeb => "meeting_link_not_web",
            MeetingProblem::NotADate => "due_date_malformed",
            MeetingProblem::NotAProposalNumber => "meeting_not_a_proposal_number",
            MeetingProblem::TooManyGuests { .. } => "meeting_too_many_guests",
            MeetingProblem::State { .. } => "meeting_state",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            MeetingProblem::Length { min, max, actual } => args([
                ("min", min as &dyn ToString),
                ("max", max),
                ("actual", actual),
            ]),
            MeetingProblem::TooManyGuests { max } => args([("max", max as _)]),
            MeetingProblem::State { state } => args([("state", &state.code() as _)]),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for MeetingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MeetingProblem::Length { min, max, actual } => write!(
                f,
                "This must have between {min} and {max} characters (it has {actual})."
            ),
            MeetingProblem::ControlCharacters => f.write_str(text::CONTROL_CHARACTERS_MESSAGE),
            MeetingProblem::NotATime => {
                f.write_str("Enter a date and time that exists in the organisation's time zone.")
            }
            MeetingProblem::LinkNotWeb => {
                f.write_str("A link must be a web address starting with https:// or http://.")
            }
            MeetingProblem::NotADate => f.write_str("Enter a date as YYYY-MM-DD."),
            MeetingProblem::NotAProposalNumber => {
                f.write_str("Refer to a proposal by its number, or leave it empty.")
            }
            MeetingProblem::TooManyGuests { max } => {
                write!(f, "A meeting lists at most {max} guests.")
            }
            MeetingProblem::State { state } => {
                write!(
                    f,
                    "A meeting whose minutes are {} cannot do this.",
                    state.code()
                )
            }
        }
    }
}

fn check(
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
            &MeetingProblem::Length { min, max, actual },
        ));
    }
    if text::has_control_characters(value, lines) {
        problems.push(Problem::broken(
            Some(field),
            &MeetingProblem::ControlCharacters,
        ));
    }
}

fn done<T>(value: T, problems: Vec<Problem>) -> Result<T, Vec<Problem>> {
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(problems)
    }
}

/// A meeting's details as typed: the time already read in the organisation's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDetails {
    /// Its title.
    pub title: String,
    /// When it starts.
    pub starts_at: chrono::DateTime<chrono::Utc>,
    /// Where (may be empty).
    pub place: String,
    /// A link to join (may be empty).
    pub link: String,
}

/// Checks a meeting's details; `starts_at` is typed in `zone`.
pub fn parse_details<Z: chrono::TimeZone>(
    title: &str,
    starts_at: &str,
    place: &str,
    link: &str,
    zone: &Z,
) -> Result<MeetingDetails, Vec<Problem>> {
    let mut problems = Vec::new();
    let (title, place, link) = (title.trim(), place.trim(), link.trim());
    check(
        &mut problems,
        "title",
        title,
        1,
        TITLE_MAX_CHARS,
        Lines::Single,
    );
    check(
        &mut problems,
        "place",
        place,
        0,
        PLACE_MAX_CHARS,
        Lines::Single,
    );
    check(
        &mut problems,
        "link",
        link,
        0,
        LINK_MAX_CHARS,
        Lines::Single,
    );
    let web = link.to_ascii_lowercase();
    let web_link = web.starts_with("https://") || web.starts_with("http://");
    if !link.is_empty() && !web_link {
        problems.push(Problem::broken(Some("link"), &MeetingProblem::LinkNotWeb));
    }
    let starts = super::round_form::parse_local(starts_at, zone).ok();
    if starts.is_none() {
        problems.push(Problem::broken(
            Some("starts_at"),
            &MeetingProblem::NotATime,
        ));
    }
    match starts {
        Some(starts_at) if problems.is_empty() => Ok(MeetingDetails {
            title: title.to_owned(),
            starts_at,
            place: place.to_owned(),
            link: link.to_owned(),
        }),
        _ => Err(problems),
    }
}

/// Guests by name, one per line (blank lines skipped).
pub fn parse_guests(text: &str) -> Result<Vec<String>, Vec<Problem>> {
    let guests: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let mut problems = Vec::new();
    for guest in &guests {
        check(
            &mut problems,
            "guests",
            guest,
            1,
            GUEST_MAX_CHARS,
            Lines::Single,
        );
    }
    if guests.len() > GUESTS_MAX {
        problems.push(Problem::broken(
            Some("guests"),
            &MeetingProblem::TooManyGuests { max: GUESTS_MAX },
        ));
    }
    done(guests, problems)
}

/// An agenda item as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItemText {
    /// Its title.
    pub title: String,
    /// The proposal it is about, by number (checked against the organisation by the service).
    pub proposal: Option<i32>,
    /// Its notes (Markdown).
    pub notes: String,
}

/// Checks an agenda item.
pub fn parse_item(
    title: &str,
    proposal: &str,
    notes: &str,
) -> Result<AgendaItemText, Vec<Problem>> {
    let mut problems = Vec::new();
    let (title, notes) = (title.trim(), notes.trim_end());
    check(
        &mut problems,
        "title",
        title,
        1,
        TITLE_MAX_CHARS,
        Lines::Single,
    );
    check(
        &mut problems,
        "notes",
        notes,
        0,
        NOTES_MAX_CHARS,
        Lines::Multi,
    );
    let proposal = match proposal.trim().trim_start_matches('#') {
        "" => None,
        number => match number.parse::<i32>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                problems.push(Problem::broken(
                    Some("proposal"),
                    &MeetingProblem::NotAProposalNumber,
                ));
                None
            }
        },
    };
    done(
        AgendaItemText {
            title: title.to_owned(),
            proposal,
            notes: notes.to_owned(),
        },
        problems,
    )
}

/// An action point as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPointText {
    /// What is to be done.
    pub text: String,
    /// By when.
    pub due: Option<chrono::NaiveDate>,
}

/// Checks an action point.
pub fn parse_action_point(text: &str, due: &str) -> Result<ActionPointText, Vec<Problem>> {
    let mut problems = Vec::new();
    let text = text.trim();
    check(
        &mut problems,
        "text",
        text,
        1,
        ACTION_MAX_CHARS,
        Lines::Single,
    );
    let due = match due.trim() {
        "" => None,
        typed => match chrono::NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                problems.push(Problem::broken(Some("due"), &MeetingProblem::NotADate));
                None
            }
        },
    };
    done(
        ActionPointText {
            text: text.to_owned(),
            due,
        },
        problems,
    )
}

/// Checks why approved minutes are reopened: required, at most [`REASON_MAX_CHARS`].
pub fn parse_reason(reason: &str) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let reason = reason.trim();
    check(
        &mut problems,
        "reason",
        reason,
        1,
        REASON_MAX_CHARS,
        Lines::Multi,
    );
    done(reason.to_owned(), problems)
}

/// What approved minutes vouch for: details, people, agenda, notes and action points (not
/// whether an action is done yet, which is followed up after the meeting). Its SHA-256 is
/// in the audit chain, and each approved version is kept as one of these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSnapshot {
    /// The title.
    pub title: String,
    /// When it started (RFC 3339, UTC).
    pub starts_at: String,
    /// Where.
    pub place: String,
    /// A link to join.
    pub link: String,
    /// The facilitator (membership).
    pub facilitator: Option<uuid::Uuid>,
    /// The minute-taker (membership).
    pub minute_taker: Option<uuid::Uuid>,
    /// Guests by name.
    pub guests: Vec<String>,
    /// Members who attended or sent apologies.
    pub attendance: Vec<(uuid::Uuid, Attendance)>,
    /// The agenda in order.
    pub items: Vec<ItemSnapshot>,
}

/// An agenda item as approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSnapshot {
    /// Its id.
    pub id: uuid::Uuid,
    /// Its place on the agenda.
    pub position: i32,
    /// Its title.
    pub title: String,
    /// The proposal it is about.
    pub proposal: Option<uuid::Uuid>,
    /// Its notes (Markdown).
    pub notes: String,
    /// Its action points in order.
    pub actions: Vec<ActionSnapshot>,
}

/// An action point as approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionSnapshot {
    /// Its id (whether it is done is read from the action point itself).
    pub id: uuid::Uuid,
    /// What is to be done.
    pub text: String,
    /// Who does it (membership).
    pub owner: Option<uuid::Uuid>,
    /// By when.
    pub due: Option<chrono::NaiveDate>,
}

impl MeetingSnapshot {
    /// The SHA-256 of its canonical JSON: what the audit chain records for an approval.
    pub fn digest(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or_default();
        super::digest::sha256_hex(&[super::canonical_json::canonical_json(&value).as_bytes()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(result: Result<impl fmt::Debug, Vec<Problem>>) -> Vec<(String, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field.unwrap_or_default(), p.code))
            .collect()
    }

    #[test]
    fn minutes_move_from_draft_to_held_to_approved_and_are_then_corrected_only() {
        use MeetingEvent::*;
        use MeetingState::*;
        assert_eq!(transition(Draft, Hold), Ok(Held));
        assert_eq!(transition(Held, Approve), Ok(Approved));
        assert_eq!(transition(Approved, Correct), Ok(Held));
        for (state, event) in [
            (Draft, Approve),
            (Draft, Correct),
            (Held, Hold),
            (Held, Correct),
            (Approved, Hold),
            (Approved, Approve),
        ] {
            assert_eq!(
                transition(state, event),
                Err(MeetingProblem::State { state }),
                "{state:?} {event:?}"
            );
        }
        assert!(Draft.editable() && Held.editable() && !Approved.editable());
    }

    #[test]
    fn a_correction_needs_a_reason_and_the_digest_follows_every_vouched_field() {
        assert_eq!(
            codes(parse_reason("  ")),
            [("reason".to_owned(), "text_length".to_owned())]
        );
        assert_eq!(parse_reason(" Typo in item 2 ").unwrap(), "Typo in item 2");
        let mut snapshot = MeetingSnapshot {
            title: "AGM".into(),
            starts_at: "2026-12-05T18:00:00+00:00".into(),
            place: String::new(),
            link: String::new(),
            facilitator: None,
            minute_taker: None,
            guests: vec![],
            attendance: vec![],
            items: vec![ItemSnapshot {
                id: uuid::Uuid::nil(),
                position: 1,
                title: "Budget".into(),
                proposal: None,
                notes: String::new(),
                actions: vec![ActionSnapshot {
                    id: uuid::Uuid::nil(),
                    text: "Book the hall".into(),
                    owner: None,
                    due: None,
                }],
            }],
        };
        let before = snapshot.digest();
        assert_eq!(before.len(), 64);
        assert_eq!(before, snapshot.clone().digest(), "deterministic");
        snapshot.items[0].actions[0].text = "Book the big hall".into();
        assert_ne!(snapshot.digest(), before);
    }

    #[test]
    fn details_name_every_broken_rule_with_its_field() {
        let zone = chrono_tz_free_utc();
        assert_eq!(
            codes(parse_details(
                " ",
                "tomorrow",
                "Hall\u{1b}[2J",
                "javascript:alert(1)",
                &zone
            )),
            [
                ("title".to_owned(), "text_length".to_owned()),
                ("place".to_owned(), "control_characters".to_owned()),
                ("link".to_owned(), "meeting_link_not_web".to_owned()),
                ("starts_at".to_owned(), "round_not_a_time".to_owned()),
            ]
        );
        let ok = parse_details(
            " AGM ",
            "2026-12-05T18:00",
            "",
            "https://meet.example/agm",
            &zone,
        )
        .unwrap();
        assert_eq!(ok.title, "AGM");
        assert_eq!(ok.starts_at.to_rfc3339(), "2026-12-05T18:00:00+00:00");
    }

    fn chrono_tz_free_utc() -> chrono::Utc {
        chrono::Utc
    }

    #[test]
    fn guests_items_and_action_points_are_checked() {
        assert_eq!(parse_guests("Ana\n\n  Joan  \n").unwrap(), ["Ana", "Joan"]);
        assert_eq!(
            codes(parse_guests(&"G\n".repeat(GUESTS_MAX + 1))),
            [("guests".to_owned(), "meeting_too_many_guests".to_owned())]
        );
        let item = parse_item("Budget", "#7", "Agreed.\n").unwrap();
        assert_eq!((item.proposal, item.notes.as_str()), (Some(7), "Agreed."));
        assert_eq!(
            codes(parse_item("Budget", "seven", "")),
            [(
                "proposal".to_owned(),
                "meeting_not_a_proposal_number".to_owned()
            )]
        );
        assert_eq!(
            codes(parse_action_point("", "2026-13-01")),
            [
                ("text".to_owned(), "text_length".to_owned()),
                ("due".to_owned(), "due_date_malformed".to_owned()),
            ]
        );
        assert_eq!(
            parse_action_point("Book the hall", "2026-12-20")
                .unwrap()
                .due,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 20)
        );
    }
}
