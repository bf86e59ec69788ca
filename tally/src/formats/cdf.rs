//! NIST SP 1500-103 cast vote records in JSON (the "Common Data Format"), ranked contests only.
//!
//! Read: `Election[].Candidate[]` (`@id`, `Name`) and `Election[].Contest[]` (`@id`, `Name`,
//! `VoteVariation`, `NumberElected`, `ContestSelection[]` with `CandidateIds` or
//! `IsWriteIn`) give the options, in the order of the contest's selections. Each `CVR[]`
//! is one ballot of weight 1: its current snapshot (`CurrentSnapshotId`, or the only one), the
//! `CVRContest` of the chosen contest, and there each `CVRContestSelection` with its `Rank`,
//! or the `Rank` of each `SelectionPosition` (NIST leaves both places open). Positions with
//! `HasIndication` or `IsAllocable` `"no"` are ignored. A CVR without the contest is no
//! ballot for it; a CVR with the contest but no ranks is an abstention.
//!
//! Irregular ballots follow RCTab's voter-error rules ([`CvrRules`], docs/formats.md, "CDF"):
//! by default an **overvote** (two options at one rank) ends the ballot there, its earlier
//! ranks still count, and the count reports it under `overvotes` in the round it takes
//! effect; **skipped ranks** are passed over (later ranks move up); an option ranked **again**
//! lower down keeps only its highest rank.

use super::{
    BallotFile, MAX_OPTIONS, ParseError, Problem,
    cvr::{self, CvrRules, Mark},
    group::RankingGroups,
};
use crate::ballot::Contest;
use serde::{Deserialize, Deserializer, de};
use std::{collections::HashMap, io::Read};

/// `VoteVariation` values of ranked contests.
const RANKED: &[&str] = &[
    "rcv",
    "irv",
    "stv",
    "borda",
    "ranked-choice",
    "instant-runoff",
];

/// How to read a CDF report beyond the bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CdfOptions {
    /// The `@id` (or else the `Name`) of the contest to read; may be left out when the report
    /// holds exactly one ranked contest.
    pub contest: Option<String>,
    /// RCTab's voter-error rules.
    pub rules: CvrRules,
    /// RCTab `overvoteLabel`: a candidate of this name marks an overvote.
    pub overvote_label: Option<String>,
    /// RCTab's reading of write-ins: every write-in selection is one option, "Undeclared
    /// Write-ins". Otherwise each is its own option, `Write-in <selection id>`.
    pub undeclared_write_ins: bool,
}

/// Reads a CDF report; `contest` is the `@id` (or else the `Name`) of the contest to read,
/// which may be left out when the report holds exactly one ranked contest.
pub fn read(input: impl Read, contest: Option<&str>) -> Result<BallotFile, ParseError> {
    let options = CdfOptions {
        contest: contest.map(str::to_owned),
        ..CdfOptions::default()
    };
    read_with(input, &options)
}

/// Reads a CDF report with RCTab's rules and labels.
pub fn read_with(input: impl Read, read: &CdfOptions) -> Result<BallotFile, ParseError> {
    let report: Report = serde_json::from_reader(input).map_err(from_serde)?;
    let chosen = choose_contest(&report, read.contest.as_deref())?;
    let (options, selection_index) = options(&report, chosen, read)?;
    let mut groups = RankingGroups::default();
    let mut pairs: Vec<(i64, Mark)> = Vec::new();
    let mut seen = Vec::new();
    for (number, cvr) in (1u64..).zip(&report.cvr) {
        let Some(cvr_contest) = cvr_contest(cvr, &chosen.id) else {
            continue;
        };
        pairs.clear();
        for selection in &cvr_contest.selections {
            let Some(&mark) = selection_index.get(selection.selection_id.as_str()) else {
                return Err(invalid(format!(
                    "{}: expected a ContestSelectionId of contest {:?}, found {:?}",
                    describe_cvr(number, cvr),
                    chosen.id,
                    selection.selection_id
                )));
            };
            if let Some(rank) = selection.rank {
                pairs.push((rank, mark));
                continue;
            }
            for position in &selection.positions {
                if position.has_indication.is_no() || position.is_allocable.is_no() {
                    continue;
                }
                let Some(rank) = position.rank else {
                    return Err(invalid(format!(
                        "{}: expected a Rank for selection {:?}, found none",
                        describe_cvr(number, cvr),
                        selection.selection_id
                    )));
                };
                pairs.push((rank, mark));
            }
        }
        cvr::add_record(&mut groups, &mut pairs, &read.rules, &mut seen)
            .map_err(|problem| invalid(format!("{}: {problem}", describe_cvr(number, cvr))))?;
    }
    let contest = Contest {
        title: chosen.name.clone().unwrap_or_else(|| chosen.id.clone()),
        options,
        withdrawn: Vec::new(),
        seats: chosen.number_elected.unwrap_or(1).max(1),
        tie_order: None,
        ballots: groups.into_groups(),
    };
    Ok(BallotFile::from_contest(contest))
}

fn choose_contest<'a>(report: &'a Report, id: Option<&str>) -> Result<&'a CdfContest, ParseError> {
    let contests: Vec<&CdfContest> = report.elections.iter().flat_map(|e| &e.contests).collect();
    let ids = || {
        let ids: Vec<String> = contests.iter().map(|c| format!("{:?}", c.id)).collect();
        ids.join(", ")
    };
    if let Some(id) = id {
        return contests
            .iter()
            .find(|c| c.id == id)
            .or_else(|| contests.iter().find(|c| c.name.as_deref() == Some(id)))
            .copied()
            .ok_or_else(|| {
                invalid(format!(
                    "expected a contest id among [{}], found {id:?}",
                    ids()
                ))
            });
    }
    let ranked: Vec<&CdfContest> = contests
        .iter()
        .filter(|c| {
            c.vote_variation
                .as_deref()
                .is_some_and(|v| RANKED.contains(&v.to_ascii_lowercase().as_str()))
        })
        .copied()
        .collect();
    match (ranked.as_slice(), contests.as_slice()) {
        ([only], _) | ([], [only]) => Ok(only),
        _ => Err(invalid(format!(
            "expected exactly one ranked contest or a contest id (--contest), found contests [{}]",
            ids()
        ))),
    }
}

/// The options in the order of the contest's selections, and what each selection marks.
fn options<'a>(
    report: &Report,
    contest: &'a CdfContest,
    read: &CdfOptions,
) -> Result<(Vec<String>, HashMap<&'a str, Mark>), ParseError> {
    let candidates: HashMap<&str, &CdfCandidate> = report
        .elections
        .iter()
        .flat_map(|e| &e.candidates)
        .map(|c| (c.id.as_str(), c))
        .collect();
    if contest.selections.len() > MAX_OPTIONS {
        return Err(ParseError::whole(Problem::TooManyOptions));
    }
    let mut names: Vec<String> = Vec::new();
    let mut index = HashMap::new();
    for selection in &contest.selections {
        let write_in = selection.is_write_in.is_yes();
        let name = if write_in && read.undeclared_write_ins {
            super::rctab::UNDECLARED_WRITE_INS.to_owned()
        } else if write_in {
            format!("Write-in {}", selection.id)
        } else {
            let Some(candidate_id) = selection.candidate_ids.first() else {
                return Err(invalid(format!(
                    "expected CandidateIds in ContestSelection {:?}, found none",
                    selection.id
                )));
            };
            let candidate = candidates.get(candidate_id.as_str()).ok_or_else(|| {
                invalid(format!(
                    "expected a Candidate with @id {candidate_id:?} (from ContestSelection {:?}), found none",
                    selection.id
                ))
            })?;
            candidate
                .name
                .clone()
                .unwrap_or_else(|| candidate.id.clone())
        };
        let mark = if !write_in && read.overvote_label.as_deref() == Some(name.as_str()) {
            Mark::Overvote
        } else if let Some(at) = names.iter().position(|n| *n == name) {
            if !(write_in && read.undeclared_write_ins) {
                return Err(ParseError::whole(Problem::DuplicateName { name }));
            }
            Mark::Option(at)
        } else {
            names.push(name);
            Mark::Option(names.len().saturating_sub(1))
        };
        if index.insert(selection.id.as_str(), mark).is_some() {
            return Err(invalid(format!(
                "the ContestSelection @id {:?} is used twice",
                selection.id
            )));
        }
    }
    Ok((names, index))
}

fn cvr_contest<'a>(cvr: &'a Cvr, contest_id: &str) -> Option<&'a CvrContest> {
    let snapshot = match &cvr.current_snapshot_id {
        Some(id) => cvr.snapshots.iter().find(|s| s.id.as_deref() == Some(id))?,
        None => cvr.snapshots.first()?,
    };
    snapshot
        .contests
        .iter()
        .find(|c| c.contest_id == contest_id)
}

fn describe_cvr(number: u64, cvr: &Cvr) -> String {
    match &cvr.unique_id {
        Some(id) => format!("CVR {number} (UniqueId {id:?})"),
        None => format!("CVR {number}"),
    }
}

fn invalid(message: String) -> ParseError {
    ParseError::whole(Problem::Invalid { message })
}

fn from_serde(error: serde_json::Error) -> ParseError {
    let line = u64::try_from(error.line()).unwrap_or(u64::MAX);
    let column = u64::try_from(error.column()).unwrap_or(u64::MAX);
    let text = error.to_string();
    let message = text
        .rfind(" at line ")
        .and_then(|at| text.get(..at))
        .unwrap_or(&text)
        .to_owned();
    let problem = if error.is_io() {
        Problem::Read { message }
    } else {
        Problem::Invalid { message }
    };
    ParseError::new(line, column, problem)
}

#[derive(Deserialize)]
struct Report {
    #[serde(rename = "Election", default)]
    elections: Vec<Election>,
    #[serde(rename = "CVR", default)]
    cvr: Vec<Cvr>,
}

#[derive(Deserialize)]
struct Election {
    #[serde(rename = "Candidate", default)]
    candidates: Vec<CdfCandidate>,
    #[serde(rename = "Contest", default)]
    contests: Vec<CdfContest>,
}

#[derive(Deserialize)]
struct CdfCandidate {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "Name")]
    name: Option<String>,
}

#[derive(Deserialize)]
struct CdfContest {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "Name")]
    name: Option<String>,
    #[serde(rename = "VoteVariation")]
    vote_variation: Option<String>,
    #[serde(rename = "NumberElected")]
    number_elected: Option<u32>,
    #[serde(rename = "ContestSelection", default)]
    selections: Vec<ContestSelection>,
}

#[derive(Deserialize)]
struct ContestSelection {
    #[serde(rename = "@id")]
    id: String,
    #[serde(rename = "CandidateIds", default)]
    candidate_ids: Vec<String>,
    #[serde(rename = "IsWriteIn", default)]
    is_write_in: Flag,
}

#[derive(Deserialize)]
struct Cvr {
    #[serde(rename = "UniqueId", default, deserialize_with = "text")]
    unique_id: Option<String>,
    #[serde(rename = "CurrentSnapshotId")]
    current_snapshot_id: Option<String>,
    #[serde(rename = "CVRSnapshot", default)]
    snapshots: Vec<Snapshot>,
}

#[derive(Deserialize)]
struct Snapshot {
    #[serde(rename = "@id")]
    id: Option<String>,
    #[serde(rename = "CVRContest", default)]
    contests: Vec<CvrContest>,
}

#[derive(Deserialize)]
struct CvrContest {
    #[serde(rename = "ContestId")]
    contest_id: String,
    #[serde(rename = "CVRContestSelection", default)]
    selections: Vec<CvrSelection>,
}

#[derive(Deserialize)]
struct CvrSelection {
    #[serde(rename = "ContestSelectionId")]
    selection_id: String,
    #[serde(rename = "Rank", default, deserialize_with = "rank")]
    rank: Option<i64>,
    #[serde(rename = "SelectionPosition", default)]
    positions: Vec<Position>,
}

#[derive(Deserialize)]
struct Position {
    #[serde(rename = "Rank", default, deserialize_with = "rank")]
    rank: Option<i64>,
    #[serde(rename = "HasIndication", default)]
    has_indication: Flag,
    #[serde(rename = "IsAllocable", default)]
    is_allocable: Flag,
}

/// A NIST "boolean-like" value: `"yes"`, `"no"`, `"unknown"`, `"true"`, `true`, `1`, …
#[derive(Default)]
struct Flag(Option<bool>);

impl Flag {
    fn is_no(&self) -> bool {
        self.0 == Some(false)
    }

    fn is_yes(&self) -> bool {
        self.0 == Some(true)
    }
}

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        Ok(Flag(match value {
            serde_json::Value::Bool(b) => Some(b),
            serde_json::Value::Number(n) => n.as_u64().map(|n| n != 0),
            serde_json::Value::String(s) => match s.to_ascii_lowercase().as_str() {
                "yes" | "true" | "1" => Some(true),
                "no" | "false" | "0" => Some(false),
                _ => None,
            },
            _ => None,
        }))
    }
}

/// A rank written as a number or as a string of digits (XML-converted files).
fn rank<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
    match Option::<serde_json::Value>::deserialize(deserializer)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .filter(|n| *n >= 0)
            .map(Some)
            .ok_or_else(|| de::Error::custom(format_args!("expected a rank from 1, found {n}"))),
        Some(serde_json::Value::String(s)) => s
            .trim()
            .parse::<u32>()
            .map(|n| Some(i64::from(n)))
            .map_err(|_| de::Error::custom(format_args!("expected a rank from 1, found {s:?}"))),
        Some(other) => Err(de::Error::custom(format_args!(
            "expected a rank from 1, found {other}"
        ))),
    }
}

/// An id written as a string or a number.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(
        match Option::<serde_json::Value>::deserialize(deserializer)? {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s),
            Some(other) => Some(other.to_string()),
        },
    )
}
