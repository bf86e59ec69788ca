//! An organisation's export (`quorate export --org SLUG`, docs/formats.md "Organisation
//! export") and its independent check (`quorate verify FILE`, decision-rules.md §8): the audit
//! chain recomputed, and every closed round counted again from the exported ballots with
//! `tally` and compared with its stored result and with what the chain recorded at its close.
//! Pure: the verifier needs no database, only the document.

use crate::domain::{
    audit::{AuditEntry, verify_chain},
    digest::{sha256_from_hex, sha256_hex},
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use tally::{
    CountConfig,
    ballot::{BallotGroup, Contest, Marks, group_ballots},
    config::{Method, Quorum, TiePolicy},
};

/// The document's `format` field.
pub const FORMAT: &str = "quorate-organisation-export";
/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;

/// One organisation, exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// The schema version ([`VERSION`]).
    pub version: u32,
    /// When it was written (RFC 3339, UTC); an instance field, not part of the record.
    pub exported_at: String,
    /// The instance that wrote it (its UUID); an instance field.
    pub instance: String,
    /// The organisation.
    pub organisation: Organisation,
    /// Its members.
    pub members: Vec<Member>,
    /// Its proposals (title and state; their texts come with a later version).
    pub proposals: Vec<Proposal>,
    /// Its decision rounds, with their ballots as the secrecy rules allow and their results.
    pub rounds: Vec<Round>,
    /// Its audit chain, every entry with its stored hash, in order.
    pub audit: Vec<Entry>,
}

/// The organisation's own fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Its UUID.
    pub id: String,
    /// Its web address.
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Its time zone (IANA).
    pub time_zone: String,
}

/// A member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The membership's UUID (what ballots and audit entries name).
    pub id: String,
    /// The account's display name.
    pub name: String,
    /// `admin`, `facilitator`, `member` or `observer`.
    pub role: String,
    /// `active`, `suspended`, …
    pub state: String,
}

/// A proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// Its UUID.
    pub id: String,
    /// Its number in the organisation.
    pub number: i32,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: String,
    /// Its latest revision.
    pub revision: i32,
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
    /// `scheduled`, `open`, `closed` or `cancelled`.
    pub state: String,
    /// The method and its parameters.
    pub method: Method,
    /// The quorum.
    pub quorum: Quorum,
    /// The tie policy.
    pub tie_policy: TiePolicy,
    /// Secret ballot.
    pub secret: bool,
    /// The electorate's size (once opened).
    pub electorate: Option<u64>,
    /// The options in ballot order, with their UUIDs (the lot hashes them).
    pub options: Vec<RoundOption>,
    /// The ballots, in the order the close counted them (closed rounds only).
    pub ballots: Vec<Ballot>,
    /// The stored result (closed rounds only).
    pub result: Option<StoredResult>,
}

/// An option of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundOption {
    /// Its UUID.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A ballot: whose (a membership id in an open round, a receipt code in a secret one) and
/// what it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ballot {
    /// The voter's membership id (open rounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// The receipt code (secret rounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// The marks, as `tally` reads them.
    pub marks: Marks,
}

/// A closed round's stored result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredResult {
    /// The report as stored (tally's JSON, exactly as hashed).
    pub report: String,
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
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(format!(
                "The export is of schema version {v}; this Quorate reads version {VERSION}."
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
                    org_id: export.organisation.id.clone(),
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
    for round in export.rounds.iter().filter(|r| r.state == "closed") {
        recounted += 1;
        problems.extend(check_round(export, round));
    }
    Verdict {
        head,
        entries: export.audit.len(),
        recounted,
        problems,
    }
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
        electorate: round.electorate,
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
            .find(|m| m.id == member)
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
                .find(|m| m.id == *member)
                .map_or_else(|| (*member).to_owned(), |m| m.name.clone());
            problems.push(format!(
                "{here}: the ballot of {voter} is missing (the audit chain recorded it at entry {}).",
                entry.seq
            ));
        }
    }
    problems
}
