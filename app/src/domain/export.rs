//! An organisation's export (`quorate export --org SLUG`, docs/formats.md "Organisation
//! export") and its independent check (`quorate verify FILE`, decision-rules.md §8): the audit
//! chain recomputed, and every closed round counted again from the exported ballots with
//! `tally` and compared with its stored result and with what the chain recorded at its close.
//! Pure: the verifier needs no database, only the document.

use crate::domain::{
    amendment::AmendmentState,
    audit::{AuditEntry, verify_chain},
    digest::{sha256_from_hex, sha256_hex},
    meeting::{Attendance, MeetingSnapshot, MeetingState},
    proposal::ProposalState,
    roles::{MembershipState, Role},
    round::RoundState,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use tally::{
    CountConfig,
    ballot::{BallotGroup, Contest, Marks, group_ballots},
    config::{Method, Quorum, TiePolicy},
};
use uuid::Uuid;

/// The document's `format` field.
pub const FORMAT: &str = "quorate-organisation-export";
/// The schema version this build writes (it reads this one and version 1, which had no
/// meetings).
pub const VERSION: u32 = 2;

/// One organisation, exported. Every timestamp is RFC 3339 in UTC, to the microsecond (what
/// both engines store), so an export imported into the other engine exports the same again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// The schema version ([`VERSION`]).
    pub version: u32,
    /// When it was written; an instance field, not part of the record.
    pub exported_at: String,
    /// The instance that wrote it (its UUID); an instance field.
    pub instance: String,
    /// The organisation.
    pub organisation: Organisation,
    /// The accounts of its members (no password hashes, no sign-in links).
    pub accounts: Vec<Account>,
    /// Its members.
    pub members: Vec<Member>,
    /// Its groups.
    pub groups: Vec<Group>,
    /// Its proposals, with every revision, amendment and comment.
    pub proposals: Vec<Proposal>,
    /// Its decision rounds, with their ballots as the secrecy rules allow and their results.
    pub rounds: Vec<Round>,
    /// Its meetings with attendance, agenda, action points and every approved version of
    /// their minutes (version 2 on).
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Its audit chain, every entry with its stored hash, in order.
    pub audit: Vec<Entry>,
}

/// A timestamp as exported.
pub type Time = DateTime<Utc>;

/// The organisation's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Its UUID (the audit chain names it).
    pub id: Uuid,
    /// Its web address.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Its time zone (IANA).
    pub time_zone: String,
    /// Its default language.
    pub default_language: String,
    /// Its description (Markdown).
    pub description: String,
    /// When it was created.
    pub created_at: Time,
    /// The paper printed minutes use (`a4`, `letter`; version 2 on).
    #[serde(default = "paper_default")]
    pub paper: String,
    /// Whether rounds opened from a meeting count quorum against the members present.
    #[serde(default)]
    pub quorum_from_attendance: bool,
}

fn paper_default() -> String {
    "a4".to_owned()
}

/// A member's account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Its UUID (audit entries name it as the actor).
    pub id: Uuid,
    /// Its e-mail address.
    pub email: String,
    /// Its display name.
    pub display_name: String,
    /// Its language, if chosen.
    pub language: Option<String>,
    /// When it was created.
    pub created_at: Time,
    /// When its address was confirmed.
    pub email_verified_at: Option<Time>,
}

/// A member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The membership's UUID (what ballots and audit entries name).
    pub id: Uuid,
    /// The account.
    pub account: Uuid,
    /// The account's display name (for reading; the account holds it).
    pub name: String,
    /// The role.
    pub role: Role,
    /// `active`, `suspended`, …
    pub state: MembershipState,
    /// When the membership was created.
    pub created_at: Time,
    /// When it last changed.
    pub updated_at: Time,
}

/// A group and its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Its UUID.
    pub id: Uuid,
    /// Its web address.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// When it was created.
    pub created_at: Time,
    /// Its members, with when each was added.
    pub members: Vec<(Uuid, Time)>,
}

/// A proposal with its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Its UUID.
    pub id: Uuid,
    /// Its number in the organisation.
    pub number: i32,
    /// Its group, if it belongs to one.
    pub group: Option<Uuid>,
    /// Its state.
    pub state: ProposalState,
    /// Its title now.
    pub title: String,
    /// Its summary now.
    pub summary: String,
    /// Its text now (Markdown).
    pub body: String,
    /// When it is due.
    pub due_on: Option<NaiveDate>,
    /// Its edit version (optimistic locking).
    pub version: i32,
    /// Its latest revision.
    pub revision: i32,
    /// Who drafted it (membership).
    pub created_by: Uuid,
    /// When.
    pub created_at: Time,
    /// Its last activity.
    pub active_at: Time,
    /// When it was published.
    pub published_at: Option<Time>,
    /// When it was withdrawn.
    pub withdrawn_at: Option<Time>,
    /// By whom.
    pub withdrawn_by: Option<Uuid>,
    /// Why.
    pub withdrawal_reason: Option<String>,
    /// Its authors (memberships) with when each was added.
    pub authors: Vec<(Uuid, Time)>,
    /// Every revision, first first.
    pub revisions: Vec<Revision>,
    /// Every amendment.
    pub amendments: Vec<Amendment>,
    /// Every comment, hidden ones flagged (`hidden_at`), in the order they were written.
    pub comments: Vec<Comment>,
}

/// A frozen revision of a proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    /// Its UUID.
    pub id: Uuid,
    /// Its number.
    pub number: i32,
    /// The proposal's edit version it froze.
    pub version: i32,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Text.
    pub body: String,
    /// Who made it.
    pub author: Uuid,
    /// Its note.
    pub note: String,
    /// The SHA-256 of its text.
    pub digest: String,
    /// When.
    pub created_at: Time,
    /// The amendment it came from.
    pub amendment: Option<i32>,
}

/// An amendment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    /// Its UUID.
    pub id: Uuid,
    /// Its number on the proposal.
    pub number: i32,
    /// Who proposed it.
    pub amender: Uuid,
    /// The revision it amends.
    pub base_revision: i32,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Text.
    pub body: String,
    /// Why.
    pub reason: String,
    /// Its state.
    pub state: AmendmentState,
    /// When proposed.
    pub created_at: Time,
    /// Who decided it.
    pub decided_by: Option<Uuid>,
    /// When.
    pub decided_at: Option<Time>,
    /// Why declined.
    pub decline_reason: Option<String>,
    /// The revision it became.
    pub revision: Option<i32>,
}

/// A comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Its UUID.
    pub id: Uuid,
    /// The comment it answers.
    pub parent: Option<Uuid>,
    /// Its depth in the thread.
    pub depth: i32,
    /// Who wrote it.
    pub author: Uuid,
    /// Its text (Markdown).
    pub body: String,
    /// When written.
    pub created_at: Time,
    /// When last edited.
    pub edited_at: Option<Time>,
    /// When its author deleted it.
    pub deleted_at: Option<Time>,
    /// When a facilitator hid it.
    pub hidden_at: Option<Time>,
    /// Who hid it.
    pub hidden_by: Option<Uuid>,
    /// Why.
    pub hidden_reason: Option<String>,
}

/// A decision round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// Its UUID.
    pub id: String,
    /// The proposal's number.
    pub proposal: i32,
    /// Its number on the proposal.
    pub number: i32,
    /// The revision it decides.
    pub revision: i32,
    /// Its state.
    pub state: RoundState,
    /// The method and its parameters.
    pub method: Method,
    /// The quorum.
    pub quorum: Quorum,
    /// The tie policy.
    pub tie_policy: TiePolicy,
    /// Secret ballot.
    pub secret: bool,
    /// Running results shown.
    pub running_results: bool,
    /// Hours before closing that members who have not voted are reminded (0: never).
    #[serde(default = "reminder_default")]
    pub reminder_hours: u32,
    /// Over the proposal's amendments.
    pub on_amendments: bool,
    /// When it opens.
    pub opens_at: Time,
    /// When it closes.
    pub closes_at: Time,
    /// Who created it (account).
    pub created_by: Uuid,
    /// When.
    pub created_at: Time,
    /// When it opened.
    pub opened_at: Option<Time>,
    /// The electorate's size (once opened).
    pub electorate: Option<u64>,
    /// The SHA-256 of the electorate list.
    pub electorate_hash: Option<String>,
    /// The electorate: the memberships that could vote when it opened.
    pub electorate_members: Vec<Uuid>,
    /// When it closed.
    pub closed_at: Option<Time>,
    /// Who closed it early.
    pub closed_by: Option<Uuid>,
    /// Why early.
    pub close_reason: Option<String>,
    /// When it was cancelled.
    pub cancelled_at: Option<Time>,
    /// By whom.
    pub cancelled_by: Option<Uuid>,
    /// Why.
    pub cancel_reason: Option<String>,
    /// The facilitator's outcome statement (Markdown).
    pub statement: Option<String>,
    /// The options in ballot order, with their UUIDs (the lot hashes them).
    pub options: Vec<RoundOption>,
    /// Secret rounds: who has voted (never how).
    pub voted: Vec<Uuid>,
    /// The ballots, in the order the close counted them (closed rounds only: an open
    /// round's ballots are nobody's to see yet).
    pub ballots: Vec<Ballot>,
    /// The stored result (closed rounds only).
    pub result: Option<StoredResult>,
    /// The meeting agenda item it was opened from (version 2 on).
    #[serde(default)]
    pub agenda_item: Option<Uuid>,
    /// The members present at that meeting when it opened, where they are its quorum's
    /// reference (version 2 on).
    #[serde(default)]
    pub quorum_base: Option<u64>,
}

/// A meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Its UUID.
    pub id: Uuid,
    /// Its number in the organisation.
    pub number: i32,
    /// Its title.
    pub title: String,
    /// When it starts.
    pub starts_at: Time,
    /// Where.
    pub place: String,
    /// A link to join.
    pub link: String,
    /// The facilitator (membership).
    pub facilitator: Option<Uuid>,
    /// The minute-taker (membership).
    pub minute_taker: Option<Uuid>,
    /// Guests, one per line.
    pub guests: String,
    /// Where its minutes stand.
    pub state: MeetingState,
    /// The latest approved version (0: none yet).
    pub version: i32,
    /// Who created it (membership).
    pub created_by: Uuid,
    /// When.
    pub created_at: Time,
    /// When it was marked held.
    pub held_at: Option<Time>,
    /// When its minutes were last approved.
    pub approved_at: Option<Time>,
    /// By whom (membership).
    pub approved_by: Option<Uuid>,
    /// While reopened for a correction: why.
    pub correction_reason: Option<String>,
    /// Members present or with apologies.
    pub attendance: Vec<(Uuid, Attendance)>,
    /// The agenda in order.
    pub items: Vec<AgendaItem>,
    /// Every approved version, as approved.
    pub versions: Vec<MeetingVersion>,
}

/// An agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Its UUID.
    pub id: Uuid,
    /// Its place on the agenda.
    pub position: i32,
    /// Its title.
    pub title: String,
    /// The proposal it is about (its number).
    pub proposal: Option<i32>,
    /// Its notes (Markdown).
    pub notes: String,
    /// Its action points in order.
    pub actions: Vec<ActionPoint>,
}

/// An action point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPoint {
    /// Its UUID.
    pub id: Uuid,
    /// Its place on the item.
    pub position: i32,
    /// What is to be done.
    pub text: String,
    /// Who does it (membership).
    pub owner: Option<Uuid>,
    /// By when.
    pub due: Option<NaiveDate>,
    /// When it was marked done.
    pub done_at: Option<Time>,
}

/// An approved version of a meeting's minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingVersion {
    /// 1, 2, …
    pub version: i32,
    /// When it was approved.
    pub approved_at: Time,
    /// By whom (membership).
    pub approved_by: Uuid,
    /// Why it corrects the one before (empty for version 1).
    pub reason: String,
    /// The SHA-256 the audit chain recorded for it.
    pub digest: String,
    /// What was approved (`MeetingSnapshot` as JSON text).
    pub record: String,
}

fn reminder_default() -> u32 {
    crate::domain::round_form::REMINDER_DEFAULT_HOURS
}

/// An option of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundOption {
    /// Its UUID.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The amendment it stands for (a round over amendments).
    pub amendment: Option<i32>,
}

/// A ballot: whose (a membership id in an open round, a receipt code in a secret one) and
/// what it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    /// Its UUID.
    pub id: Uuid,
    /// The voter's membership id (open rounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The receipt code (secret rounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// The marks, as `tally` reads them.
    pub marks: Marks,
    /// Open rounds: the version counted and when it was cast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<(i32, Time)>,
}

/// A closed round's stored result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredResult {
    /// The report as stored (tally's JSON, exactly as hashed).
    pub report: String,
    /// The report as text.
    pub text: String,
    /// Its SHA-256.
    pub digest: String,
    /// The lot seed (the audit head at close).
    pub seed: String,
    /// The outcome's code.
    pub outcome: String,
}

/// An audit entry with its stored hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Position in the chain, from 1.
    pub seq: u64,
    /// When (RFC 3339, UTC, as stored).
    pub at: String,
    /// The acting account, if any.
    pub actor: Option<String>,
    /// What happened.
    pub kind: String,
    /// The details.
    pub data: Value,
    /// The stored hash.
    pub hash: String,
}

/// What `quorate verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The chain's head hash, when the chain holds.
    pub head: Option<String>,
    /// How many entries the chain has.
    pub entries: usize,
    /// How many closed rounds were counted again.
    pub recounted: usize,
    /// Every disagreement, each in one sentence naming where.
    pub problems: Vec<String>,
}

impl Verdict {
    /// Whether everything holds.
    pub fn holds(&self) -> bool {
        self.problems.is_empty() && self.head.is_some()
    }
}

/// Reads an export, refusing another format or schema version with the reason.
pub fn read(text: &str) -> Result<Export, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("The file is not a complete JSON document ({e})."))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!(
            "The file is not a Quorate organisation export (its \"format\" is not {FORMAT:?})."
        ));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) || v == 1 => {}
        Some(v) => {
            return Err(format!(
                "The export is of schema version {v}; this Quorate reads versions 1 to {VERSION}."
            ));
        }
        None => return Err("The export names no schema version.".to_owned()),
    }
    serde_json::from_value(value)
        .map_err(|e| format!("The export does not follow schema version {VERSION}: {e}."))
}

/// Checks an export: the audit chain, then every closed round.
pub fn verify(export: &Export) -> Verdict {
    let mut problems = Vec::new();
    let chain: Vec<(AuditEntry, String)> = export
        .audit
        .iter()
        .map(|e| {
            (
                AuditEntry {
                    seq: e.seq,
                    org_id: export.organisation.id.to_string(),
                    at: e.at.clone(),
                    actor: e.actor.clone(),
                    kind: e.kind.clone(),
                    data: e.data.clone(),
                },
                e.hash.clone(),
            )
        })
        .collect();
    let head = match verify_chain(&chain) {
        Ok(head) => Some(head),
        Err(broken) => {
            problems.push(broken.to_string());
            None
        }
    };
    let mut recounted = 0;
    for round in export
        .rounds
        .iter()
        .filter(|r| r.state == RoundState::Closed)
    {
        recounted += 1;
        problems.extend(check_round(export, round));
    }
    for meeting in &export.meetings {
        problems.extend(check_meeting(export, meeting));
    }
    Verdict {
        head,
        entries: export.audit.len(),
        recounted,
        problems,
    }
}

/// Each approved version of a meeting's minutes: its record gives its digest, and the
/// chain's approval of that version recorded the same digest.
fn check_meeting(export: &Export, meeting: &Meeting) -> Vec<String> {
    let mut problems = Vec::new();
    let id = meeting.id.to_string();
    for v in &meeting.versions {
        let what = format!(
            "Meeting {}, version {} of its minutes",
            meeting.number, v.version
        );
        match serde_json::from_str::<MeetingSnapshot>(&v.record) {
            Ok(snapshot) if snapshot.digest() == v.digest => {}
            Ok(snapshot) => problems.push(format!(
                "{what}: the approved record gives the digest {}, not the stored {}.",
                snapshot.digest(),
                v.digest
            )),
            Err(e) => problems.push(format!("{what}: the approved record is unreadable ({e}).")),
        }
        let recorded = export.audit.iter().find(|e| {
            e.kind == "meeting.minutes_approved"
                && e.data["meeting"].as_str() == Some(id.as_str())
                && e.data["version"].as_i64() == Some(i64::from(v.version))
        });
        match recorded {
            Some(entry) if entry.data["digest"].as_str() == Some(v.digest.as_str()) => {}
            Some(entry) => problems.push(format!(
                "{what}: audit entry {} recorded the digest {}, the stored version has {}.",
                entry.seq,
                entry.data["digest"].as_str().unwrap_or("none"),
                v.digest
            )),
            None => problems.push(format!("{what}: no audit entry records its approval.")),
        }
    }
    problems
}

/// "Round 2 of proposal 7".
fn name(round: &Round) -> String {
    format!("Round {} of proposal {}", round.number, round.proposal)
}

/// Counts a round's exported ballots as its close did.
pub fn recount(round: &Round, title: &str, seed: &str) -> Result<String, String> {
    let seats = match round.method {
        Method::StvScottish { seats } | Method::StvMeek { seats } => seats,
        Method::Approval { winners } => winners,
        _ => 1,
    };
    let contest = Contest {
        title: title.to_owned(),
        options: round.options.iter().map(|o| o.name.clone()).collect(),
        withdrawn: Vec::new(),
        seats,
        tie_order: None,
        ballots: group_ballots(round.ballots.iter().map(|b| BallotGroup {
            weight: 1,
            marks: b.marks.clone(),
        })),
    };
    let config = CountConfig {
        method: round.method.clone(),
        tie_policy: round.tie_policy,
        seed: sha256_from_hex(seed),
        quorum: round.quorum,
        electorate: round.quorum_base.or(round.electorate),
        rctab: Default::default(),
    };
    let ids: Vec<String> = round.options.iter().map(|o| o.id.clone()).collect();
    let report = tally::count_with_lot_ids(&contest, &config, &ids).map_err(|e| e.to_string())?;
    report.to_json().map_err(|e| e.to_string())
}

fn check_round(export: &Export, round: &Round) -> Vec<String> {
    let here = name(round);
    let Some(result) = &round.result else {
        return vec![format!("{here} is closed but has no stored result.")];
    };
    let mut problems = Vec::new();
    let hashed = sha256_hex(&[result.report.as_bytes()]);
    if hashed != result.digest {
        problems.push(format!(
            "{here}: the stored result was changed: its report hashes to {hashed}, not to its stored digest {}.",
            result.digest
        ));
    }
    // What the chain recorded when it closed.
    let closing = export.audit.iter().find(|e| {
        e.kind == "round.closed" && e.data.get("round").and_then(Value::as_str) == Some(&round.id)
    });
    match closing {
        None => problems.push(format!(
            "{here}: the audit chain has no entry for its close."
        )),
        Some(entry) => {
            let recorded = entry
                .data
                .get("digest")
                .and_then(Value::as_str)
                .unwrap_or("");
            if recorded != result.digest {
                problems.push(format!(
                    "{here}: the stored result (digest {}) is not the one the audit chain recorded at entry {} (digest {recorded}).",
                    result.digest, entry.seq
                ));
            }
            let count = entry.data.get("ballots").and_then(Value::as_u64);
            if count != Some(round.ballots.len() as u64) {
                problems.push(format!(
                    "{here}: {} ballots are exported, but {} were counted at its close (audit entry {}).",
                    round.ballots.len(),
                    count.map_or("an unknown number".to_owned(), |c| c.to_string()),
                    entry.seq
                ));
            }
            if round.secret {
                problems.extend(check_receipts(&here, round, entry));
            }
        }
    }
    if !round.secret {
        problems.extend(check_open_ballots(export, &here, round));
    }
    let title = serde_json::from_str::<Value>(&result.report)
        .ok()
        .and_then(|r| r.get("title").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default();
    match recount(round, &title, &result.seed) {
        Err(e) => problems.push(format!("{here}: its ballots cannot be counted: {e}")),
        Ok(json) => {
            let digest = sha256_hex(&[json.as_bytes()]);
            if digest != result.digest {
                let outcome = |report: &str| {
                    serde_json::from_str::<Value>(report)
                        .ok()
                        .and_then(|r| r.get("outcome").cloned())
                        .map(|o| o.to_string())
                        .unwrap_or_default()
                };
                problems.push(format!(
                    "{here}: counted again from the exported ballots it gives {} (digest {digest}), but the stored result says {} (digest {}).",
                    outcome(&json),
                    outcome(&result.report),
                    result.digest
                ));
            }
        }
    }
    problems
}

/// A secret round's receipts against those the chain recorded at its close.
fn check_receipts(here: &str, round: &Round, entry: &Entry) -> Vec<String> {
    let recorded: BTreeSet<&str> = entry
        .data
        .get("receipts")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let exported: BTreeSet<&str> = round
        .ballots
        .iter()
        .filter_map(|b| b.receipt.as_deref())
        .collect();
    let mut problems = Vec::new();
    for missing in recorded.difference(&exported) {
        problems.push(format!(
            "{here}: the ballot with receipt {missing} is missing (the audit chain recorded it at entry {}).",
            entry.seq
        ));
    }
    for extra in exported.difference(&recorded) {
        problems.push(format!(
            "{here}: the ballot with receipt {extra} is not among those the audit chain recorded at entry {}.",
            entry.seq
        ));
    }
    problems
}

/// Each open ballot against the last version of it the chain recorded.
fn check_open_ballots(export: &Export, here: &str, round: &Round) -> Vec<String> {
    let mut last: BTreeMap<&str, &Entry> = BTreeMap::new();
    for entry in &export.audit {
        if matches!(entry.kind.as_str(), "ballot.cast" | "ballot.changed")
            && entry.data.get("round").and_then(Value::as_str) == Some(&round.id)
            && let Some(member) = entry.data.get("member").and_then(Value::as_str)
        {
            last.insert(member, entry);
        }
    }
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for ballot in &round.ballots {
        let member = ballot.member.as_deref().unwrap_or("");
        seen.insert(member);
        let voter = export
            .members
            .iter()
            .find(|m| m.id.to_string() == member)
            .map_or_else(|| member.to_owned(), |m| m.name.clone());
        match last.get(member) {
            None => problems.push(format!(
                "{here}: the ballot of {voter} is not in the audit chain."
            )),
            Some(entry) => {
                let recorded = entry.data.get("marks");
                if recorded != serde_json::to_value(&ballot.marks).ok().as_ref() {
                    problems.push(format!(
                        "{here}: the ballot of {voter} differs from the one the audit chain recorded at entry {}.",
                        entry.seq
                    ));
                }
            }
        }
    }
    for (member, entry) in &last {
        if !seen.contains(member) {
            let voter = export
                .members
                .iter()
                .find(|m| m.id.to_string() == *member)
                .map_or_else(|| (*member).to_owned(), |m| m.name.clone());
            problems.push(format!(
                "{here}: the ballot of {voter} is missing (the audit chain recorded it at entry {}).",
                entry.seq
            ));
        }
    }
    problems
}
