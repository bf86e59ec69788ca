//! The RCTab summary JSON (counting-rules.md §7; RCTab `OutputWriter.generateJsonReport`) for
//! IRV, Scottish STV and Meek STV: sorted keys, decimal strings without trailing zeros.

use super::{Details, Report};
use crate::{
    ballot::OptionIndex,
    error::TallyError,
    fixed::Fixed,
    methods::{
        irv::IrvReport,
        stv_meek::{MeekAction, MeekReport},
        stv_scottish::{ScottishAction, ScottishReport},
    },
    stage::{OptionStatus, Recipient, Transfer},
};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What the RCTab `config` object says about the round (§7.1). `None` is written as JSON
/// `null` (RCTab does so for a setting its configuration leaves out).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RctabMeta {
    /// The proposal title (RCTab `contestName`).
    pub contest: String,
    /// The close date in the organisation's zone, `YYYY-MM-DD` (RCTab `contestDate`).
    pub date: Option<String>,
    /// `"Quorate <version>"`.
    pub generated_by: String,
    /// The organisation's name (RCTab `contestJurisdiction`).
    pub jurisdiction: Option<String>,
    /// The group's name, or `""` (RCTab `contestOffice`).
    pub office: Option<String>,
    /// Whether `numCandidates` counts withdrawn options: RCTab counts its excluded candidates
    /// (a count from an RCTab configuration does); Quorate's own summaries leave them out.
    pub excluded_are_candidates: bool,
}

/// An object with keys sorted as Jackson does (by UTF-16 code units).
fn object(mut entries: Vec<(String, Value)>) -> Value {
    entries.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
    let mut map = Map::new();
    for (k, v) in entries {
        map.insert(k, v);
    }
    Value::Object(map)
}

fn text(s: impl Into<String>) -> Value {
    Value::String(s.into())
}

fn optional(s: &Option<String>) -> Value {
    s.clone().map_or(Value::Null, Value::String)
}

fn number(n: u128) -> Result<Value, TallyError> {
    u64::try_from(n)
        .map(Value::from)
        .map_err(|_| TallyError::Overflow)
}

fn action(kind: &str, name: &str, transfers: Vec<(String, Value)>) -> Value {
    object(vec![
        (kind.to_owned(), text(name)),
        ("transfers".to_owned(), object(transfers)),
    ])
}

fn inactive(exhausted: String, final_surplus: Option<String>) -> Value {
    inactive_by(
        [exhausted, "0".to_owned(), "0".to_owned(), "0".to_owned()],
        final_surplus,
    )
}

/// `inactiveBallots`: exhausted choices, overvotes, skipped rankings, repeated rankings.
fn inactive_by(parts: [String; 4], final_surplus: Option<String>) -> Value {
    let [exhausted, overvotes, skipped, repeated] = parts;
    let mut e = vec![
        ("exhaustedChoices".to_owned(), text(exhausted)),
        ("overvotes".to_owned(), text(overvotes)),
        ("repeatedRankings".to_owned(), text(repeated)),
        ("skippedRankings".to_owned(), text(skipped)),
    ];
    if let Some(s) = final_surplus {
        e.push(("finalRoundSurplus".to_owned(), text(s)));
    }
    object(e)
}

struct Round {
    tally: Vec<(String, Value)>,
    elected: Vec<Value>,
    eliminated: Vec<Value>,
    threshold: String,
    inactive: Value,
}

impl Report {
    /// The RCTab summary JSON for IRV and STV counts (counting-rules.md §7); other methods give
    /// [`TallyError::NotRanked`].
    pub fn to_rctab(&self, meta: &RctabMeta) -> Result<Value, TallyError> {
        let (rounds, final_threshold, winners, valid, undervotes) = match &self.details {
            Details::Irv(r) => {
                let t = r.rounds.last().map_or(0, |x| x.threshold).to_string();
                (self.irv_rounds(r), t, 1, r.valid, r.undervotes)
            }
            Details::StvScottish(r) => (
                self.scottish_rounds(r),
                r.quota.to_trimmed_string(),
                r.seats,
                r.valid,
                r.undervotes,
            ),
            Details::StvMeek(r) => {
                let q = r
                    .rounds
                    .last()
                    .and_then(|x| x.iterations.last())
                    .map(|i| i.quota.to_trimmed_string());
                (
                    self.meek_rounds(r),
                    q.unwrap_or_else(|| "0".into()),
                    r.seats,
                    r.valid,
                    r.undervotes,
                )
            }
            _ => return Err(TallyError::NotRanked),
        };
        let results = rounds
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let mut actions = r.elected;
                actions.extend(r.eliminated);
                object(vec![
                    ("round".to_owned(), Value::from(i + 1)),
                    ("tally".to_owned(), object(r.tally)),
                    ("tallyResults".to_owned(), Value::Array(actions)),
                    ("threshold".to_owned(), text(r.threshold)),
                    ("inactiveBallots".to_owned(), r.inactive),
                ])
            })
            .collect();
        let candidates = if meta.excluded_are_candidates {
            self.options.len()
        } else {
            self.options.len().saturating_sub(self.withdrawn.len())
        };
        let total = valid.checked_add(undervotes).ok_or(TallyError::Overflow)?;
        Ok(object(vec![
            (
                "config".to_owned(),
                object(vec![
                    ("contest".to_owned(), text(meta.contest.clone())),
                    ("date".to_owned(), optional(&meta.date)),
                    ("generatedBy".to_owned(), text(meta.generated_by.clone())),
                    ("jurisdiction".to_owned(), optional(&meta.jurisdiction)),
                    ("office".to_owned(), optional(&meta.office)),
                ]),
            ),
            ("jsonFormatVersion".to_owned(), text("1")),
            ("results".to_owned(), Value::Array(results)),
            (
                "summary".to_owned(),
                object(vec![
                    ("finalThreshold".to_owned(), text(final_threshold)),
                    ("numCandidates".to_owned(), Value::from(candidates)),
                    ("numWinners".to_owned(), Value::from(winners)),
                    ("totalNumBallots".to_owned(), text(total.to_string())),
                    ("undervotes".to_owned(), number(undervotes)?),
                ]),
            ),
        ]))
    }

    /// The RCTab summary as RCTab writes it: Jackson's default pretty printer (`"key" : value`,
    /// two-space indent, `[ {` … `} ]`, `{ }` for an empty object), keys sorted.
    pub fn to_rctab_text(&self, meta: &RctabMeta) -> Result<String, TallyError> {
        let mut out = String::new();
        jackson(&self.to_rctab(meta)?, 0, &mut out);
        Ok(out)
    }

    fn transfer_entries<V>(
        &self,
        transfers: &[Transfer<V>],
        show: impl Fn(&V) -> Option<String>,
    ) -> Vec<(String, Value)> {
        transfers
            .iter()
            .filter_map(|t| {
                let amount = show(&t.amount)?;
                let key = match t.to {
                    Recipient::Option(o) => self.name(o).to_owned(),
                    Recipient::Exhausted => "exhausted".to_owned(),
                };
                Some((key, text(amount)))
            })
            .collect()
    }

    fn irv_rounds(&self, r: &IrvReport) -> Vec<Round> {
        let count = |v: &u128| (*v != 0).then(|| v.to_string());
        r.rounds
            .iter()
            .map(|round| Round {
                tally: round
                    .tallies
                    .iter()
                    .enumerate()
                    .filter_map(|(o, t)| t.map(|t| (self.name(o).to_owned(), text(t.to_string()))))
                    .collect(),
                elected: round
                    .elected
                    .iter()
                    .map(|&w| action("elected", self.name(w), Vec::new()))
                    .collect(),
                eliminated: round
                    .eliminated
                    .iter()
                    .map(|e| {
                        action(
                            "eliminated",
                            self.name(e.option),
                            self.transfer_entries(&e.transfers, count),
                        )
                    })
                    .collect(),
                threshold: round.threshold.to_string(),
                inactive: inactive_by(
                    [
                        round.inactive.exhausted_choices.to_string(),
                        round.inactive.overvotes.to_string(),
                        round.inactive.skipped_rankings.to_string(),
                        round.inactive.repeated_rankings.to_string(),
                    ],
                    None,
                ),
            })
            .collect()
    }

    fn scottish_rounds(&self, r: &ScottishReport) -> Vec<Round> {
        let show = |v: &Fixed<5>| v.is_positive().then(|| v.to_trimmed_string());
        // §7.5: a surplus moved at stage j hangs on its candidate's `elected` entry in round
        // j − 1; a candidate whose surplus never moves is listed at the stage it was elected.
        let mut elected_in: BTreeMap<usize, Vec<(usize, Value)>> = BTreeMap::new();
        let mut eliminated_in: BTreeMap<usize, Vec<Value>> = BTreeMap::new();
        let place = |o: OptionIndex| r.elected.iter().position(|&e| e == o).unwrap_or(usize::MAX);
        let mut moved: Vec<OptionIndex> = Vec::new();
        for (j, st) in r.stages.iter().enumerate() {
            let mut transfers = self.transfer_entries(&st.transfers, show);
            match &st.action {
                ScottishAction::Surplus { option, .. } => {
                    if let Some(loss) = show(&st.loss) {
                        transfers.push(("residual surplus".to_owned(), text(loss)));
                    }
                    let entry = action("elected", self.name(*option), transfers);
                    elected_in
                        .entry(j.saturating_sub(1))
                        .or_default()
                        .push((place(*option), entry));
                    moved.push(*option);
                }
                ScottishAction::Exclusion { option, .. } => {
                    let entry = action("eliminated", self.name(*option), transfers);
                    eliminated_in
                        .entry(j.saturating_sub(1))
                        .or_default()
                        .push(entry);
                }
                ScottishAction::FirstPreferences => {}
            }
        }
        for (k, st) in r.stages.iter().enumerate() {
            for &o in st.elected.iter().chain(&st.deemed_elected) {
                if !moved.contains(&o) {
                    elected_in
                        .entry(k)
                        .or_default()
                        .push((place(o), action("elected", self.name(o), Vec::new())));
                }
            }
        }
        let last = r.stages.len().saturating_sub(1);
        r.stages
            .iter()
            .enumerate()
            .map(|(k, st)| {
                let mut elected = elected_in.remove(&k).unwrap_or_default();
                elected.sort_by_key(|(p, _)| *p);
                let final_surplus = (k == last).then(|| {
                    let sum = st
                        .totals
                        .iter()
                        .zip(&st.status)
                        .filter(|(_, s)| **s == OptionStatus::Elected)
                        .filter_map(|(t, _)| t.checked_sub(r.quota).ok())
                        .filter(|x| x.is_positive())
                        .try_fold(Fixed::<5>::ZERO, |a, x| a.checked_add(x))
                        .unwrap_or_default();
                    sum.to_trimmed_string()
                });
                Round {
                    tally: self.stv_tally(&st.totals, &st.status),
                    elected: elected.into_iter().map(|(_, v)| v).collect(),
                    eliminated: eliminated_in.remove(&k).unwrap_or_default(),
                    threshold: r.quota.to_trimmed_string(),
                    inactive: inactive(
                        st.non_transferable_total.to_trimmed_string(),
                        final_surplus,
                    ),
                }
            })
            .collect()
    }

    fn stv_tally<const D: u32>(
        &self,
        totals: &[Fixed<D>],
        status: &[OptionStatus],
    ) -> Vec<(String, Value)> {
        totals
            .iter()
            .zip(status)
            .enumerate()
            .filter(|(_, (_, s))| matches!(s, OptionStatus::Continuing | OptionStatus::Elected))
            .map(|(o, (t, _))| (self.name(o).to_owned(), text(t.to_trimmed_string())))
            .collect()
    }

    fn meek_rounds(&self, r: &MeekReport) -> Vec<Round> {
        let n = self.options.len();
        let mut out = Vec::with_capacity(r.rounds.len());
        for (k, round) in r.rounds.iter().enumerate() {
            let Some(it) = round.iterations.last() else {
                continue;
            };
            // In the count this round: not defeated or withdrawn before it.
            let before: Vec<OptionStatus> = match k.checked_sub(1).and_then(|p| r.rounds.get(p)) {
                Some(p) => p.status.clone(),
                None => (0..n)
                    .map(|o| {
                        if self.withdrawn.contains(&o) {
                            OptionStatus::Withdrawn
                        } else {
                            OptionStatus::Continuing
                        }
                    })
                    .collect(),
            };
            let next = r.rounds.get(k + 1).and_then(|x| x.iterations.last());
            let acting: Vec<OptionIndex> = match &round.action {
                MeekAction::Elected { options } => options.clone(),
                MeekAction::Defeated { option, .. } => vec![*option],
                MeekAction::Finish => Vec::new(),
            };
            let transfers: Vec<(String, Value)> = match next {
                None => Vec::new(),
                Some(nx) => {
                    let mut t: Vec<(String, Value)> = (0..n)
                        .filter(|o| !acting.contains(o))
                        .filter_map(|o| {
                            let up = nx.votes.get(o)?.checked_sub(*it.votes.get(o)?).ok()?;
                            up.is_positive()
                                .then(|| (self.name(o).to_owned(), text(up.to_trimmed_string())))
                        })
                        .collect();
                    if let Ok(up) = nx.excess.checked_sub(it.excess)
                        && up.is_positive()
                    {
                        t.push(("exhausted".to_owned(), text(up.to_trimmed_string())));
                    }
                    t
                }
            };
            let mut elected = Vec::new();
            let mut eliminated = Vec::new();
            match &round.action {
                MeekAction::Elected { options } => {
                    for (i, &o) in options.iter().enumerate() {
                        let t = if i == 0 {
                            transfers.clone()
                        } else {
                            Vec::new()
                        };
                        elected.push(action("elected", self.name(o), t));
                    }
                }
                MeekAction::Defeated { option, .. } => {
                    eliminated.push(action("eliminated", self.name(*option), transfers));
                }
                MeekAction::Finish => {}
            }
            let is_last = k + 1 == r.rounds.len();
            if is_last {
                for &o in &r.finish_elected {
                    elected.push(action("elected", self.name(o), Vec::new()));
                }
            }
            out.push(Round {
                tally: self.stv_tally(&it.votes, &before),
                elected,
                eliminated,
                threshold: it.quota.to_trimmed_string(),
                inactive: inactive(
                    it.excess.to_trimmed_string(),
                    is_last.then(|| it.surplus.to_trimmed_string()),
                ),
            });
        }
        out
    }
}

/// Writes `value` as Jackson's `DefaultPrettyPrinter` does.
fn jackson(value: &Value, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
    match value {
        Value::Object(map) if map.is_empty() => out.push_str("{ }"),
        Value::Object(map) => {
            out.push('{');
            for (i, (key, value)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                indent(out, depth.saturating_add(1));
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(" : ");
                jackson(value, depth.saturating_add(1), out);
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
        Value::Array(items) if items.is_empty() => out.push_str("[ ]"),
        Value::Array(items) => {
            out.push_str("[ ");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                jackson(item, depth, out);
            }
            out.push_str(" ]");
        }
        other => out.push_str(&other.to_string()),
    }
}
