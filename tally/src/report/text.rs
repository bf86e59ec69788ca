//! The plain-text rendering: tables a person can check with a calculator (counting-rules.md
//! §8: D5 values with 5 decimals, D9 with 9, never rounded further).

use super::{Details, Outcome, Report};
use crate::{
    ballot::OptionIndex,
    methods::{
        irv::{EliminationRule, IrvReport},
        stv_meek::{MeekAction, MeekReport},
        stv_scottish::{ScottishAction, ScottishReport},
        totals::TotalsReport,
    },
    stage::{Recipient, Transfer},
    tie_break::{TieKind, TieRecord},
};
use std::fmt::{Display, Write};

/// Lays out rows of cells in aligned columns (first column left, others right).
fn table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let w = widths.get(c).copied().unwrap_or(0);
            if c == 0 {
                let _ = write!(line, "{cell:<w$}");
            } else {
                let _ = write!(line, "  {cell:>w$}");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl Report {
    /// A plain-text report: header, the method's tables, ties, outcome.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Count: {}", self.title);
        let _ = writeln!(out, "Method: {}", self.method.describe());
        let policy = serde_json::to_string(&self.tie_policy).unwrap_or_default();
        let _ = writeln!(out, "Tie policy: {}", policy.trim_matches('"'));
        if let Some(order) = &self.tie_order {
            let _ = writeln!(out, "Tie order (from the file): {}", self.names(order));
        }
        let q = &self.quorum;
        let _ = writeln!(
            out,
            "Quorum: {} ballots cast, {} needed: {}",
            q.cast,
            q.needed,
            if q.met { "met" } else { "NOT met" }
        );
        if let Some(lot) = &self.lot {
            let _ = writeln!(out, "Lot seed: {}", lot.seed);
            for (i, e) in lot.order.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  lot {}: {} key {}",
                    i + 1,
                    self.name(e.option),
                    e.key
                );
            }
        }
        out.push('\n');
        out.push_str(&self.details_text());
        if !self.ties.is_empty() {
            out.push_str("\nTies broken:\n");
            for t in &self.ties {
                out.push_str(&self.tie_text(t));
            }
        }
        let _ = writeln!(out, "\nOutcome: {}", self.outcome_text());
        out
    }

    fn names(&self, options: &[OptionIndex]) -> String {
        options
            .iter()
            .map(|&o| self.name(o))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn outcome_text(&self) -> String {
        match &self.outcome {
            Outcome::NoQuorum => "no quorum (nothing is adopted or elected)".into(),
            Outcome::Adopted => "adopted".into(),
            Outcome::NotAdopted => "not adopted".into(),
            Outcome::Elected { winners } if winners.is_empty() => "nobody elected".into(),
            Outcome::Elected { winners } => format!("elected: {}", self.names(winners)),
        }
    }

    fn tie_text(&self, t: &TieRecord) -> String {
        let kind = match t.kind {
            TieKind::ChooseFirst => "choose first",
            TieKind::ChooseLast => "choose last",
        };
        let decision = serde_json::to_string(&t.decision).unwrap_or_default();
        let mut s = format!(
            "  stage {}: {} tie ({kind}) among {}\n",
            t.stage,
            decision.trim_matches('"'),
            self.names(&t.tied)
        );
        for step in &t.steps {
            let totals: Vec<String> = step
                .totals
                .iter()
                .map(|(o, v)| format!("{} {v}", self.name(*o)))
                .collect();
            let _ = writeln!(
                s,
                "    stage {}: {} -> kept {}",
                step.stage,
                totals.join(", "),
                self.names(&step.kept)
            );
        }
        let rule = serde_json::to_string(&t.rule).unwrap_or_default();
        if t.order.is_empty() {
            let _ = writeln!(
                s,
                "    picked {} by {}",
                self.name(t.picked),
                rule.trim_matches('"')
            );
        } else {
            let _ = writeln!(
                s,
                "    ordered {} by {}",
                self.names(&t.order),
                rule.trim_matches('"')
            );
        }
        s
    }

    fn transfers_text<V: Display>(&self, transfers: &[Transfer<V>]) -> String {
        if transfers.is_empty() {
            return "nothing".into();
        }
        transfers
            .iter()
            .map(|t| match t.to {
                Recipient::Option(o) => format!("{} {}", self.name(o), t.amount),
                Recipient::Exhausted => format!("exhausted {}", t.amount),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn details_text(&self) -> String {
        match &self.details {
            Details::Consent(c) => {
                let mut s = format!(
                    "consent {}, concern {}, stand aside {}, object {} (at most {} allowed)\n",
                    c.consent, c.concern, c.stand_aside, c.object, c.max_objections
                );
                for o in &c.objections {
                    let _ = writeln!(
                        s,
                        "  objection (x{}): {}",
                        o.weight,
                        o.reason.as_deref().unwrap_or("")
                    );
                }
                for o in &c.concerns {
                    let _ = writeln!(
                        s,
                        "  concern (x{}): {}",
                        o.weight,
                        o.reason.as_deref().unwrap_or("-")
                    );
                }
                s
            }
            Details::Majority(m) => {
                let t = &m.threshold;
                let cmp = serde_json::to_string(&t.comparison).unwrap_or_default();
                let base = serde_json::to_string(&t.base).unwrap_or_default();
                format!(
                    "yes {}, no {}, abstain {}\nthreshold: yes / base {} {}/{} with base {} = {}: {}\n",
                    m.yes,
                    m.no,
                    m.abstain,
                    cmp.trim_matches('"'),
                    t.numerator,
                    t.denominator,
                    base.trim_matches('"'),
                    m.base,
                    if m.passes { "passes" } else { "does not pass" }
                )
            }
            Details::Approval(t) | Details::Score(t) | Details::Dot(t) | Details::Borda(t) => {
                self.totals_text(t)
            }
            Details::Quadratic(q) => {
                let mut s = self.totals_text(&q.result);
                let _ = writeln!(s, "credits spent (budget {} per ballot):", q.budget);
                for g in &q.credits {
                    let _ = writeln!(
                        s,
                        "  ballot group {} (x{}): {}",
                        g.group + 1,
                        g.weight,
                        g.credits
                    );
                }
                let _ = writeln!(s, "  total: {}", q.credits_total);
                s
            }
            Details::Irv(r) => self.irv_text(r),
            Details::StvScottish(r) => self.scottish_text(r),
            Details::StvMeek(r) => self.meek_text(r),
            Details::Schulze(r) => {
                let mut s = String::from("pairwise d[row][column]:\n");
                s.push_str(&self.matrix(&r.d));
                s.push_str("strongest paths p[row][column]:\n");
                s.push_str(&self.matrix(&r.p));
                for (i, tier) in r.tiers.iter().enumerate() {
                    let _ = writeln!(s, "tier {}: {}", i + 1, self.names(tier));
                }
                s
            }
        }
    }

    fn matrix(&self, m: &[Vec<u128>]) -> String {
        let mut rows = vec![
            std::iter::once(String::new())
                .chain(self.options.iter().cloned())
                .collect::<Vec<_>>(),
        ];
        for (a, row) in m.iter().enumerate() {
            let mut r = vec![self.name(a).to_owned()];
            r.extend(
                row.iter()
                    .enumerate()
                    .map(|(b, v)| if a == b { "-".into() } else { v.to_string() }),
            );
            rows.push(r);
        }
        table(&rows)
    }

    fn totals_text(&self, t: &TotalsReport) -> String {
        let mut rows = vec![vec![
            "option".to_owned(),
            "total".to_owned(),
            "place".to_owned(),
        ]];
        for (i, tier) in t.tiers.iter().enumerate() {
            for &o in tier {
                let total = t.totals.get(o).copied().unwrap_or(0);
                rows.push(vec![
                    self.name(o).to_owned(),
                    total.to_string(),
                    (i + 1).to_string(),
                ]);
            }
        }
        let mut s = table(&rows);
        let _ = writeln!(
            s,
            "ballots marking something: {}, blank: {}",
            t.valid, t.blank
        );
        let _ = writeln!(s, "winners: {}", self.names(&t.winners));
        s
    }

    fn irv_text(&self, r: &IrvReport) -> String {
        let mut head = vec!["round".to_owned()];
        head.extend(self.options.iter().cloned());
        head.extend(["exhausted", "active", "threshold"].map(String::from));
        let mut rows = vec![head];
        for round in &r.rounds {
            let mut row = vec![round.round.to_string()];
            row.extend(
                round
                    .tallies
                    .iter()
                    .map(|t| t.map_or("-".into(), |v| v.to_string())),
            );
            row.extend([round.exhausted, round.active, round.threshold].map(|v| v.to_string()));
            rows.push(row);
        }
        let mut s = format!("valid ballots {}, undervotes {}\n", r.valid, r.undervotes);
        s.push_str(&table(&rows));
        for round in &r.rounds {
            if let Some(w) = round.elected {
                let _ = writeln!(s, "round {}: {} elected", round.round, self.name(w));
            }
            let why = match round.rule {
                Some(EliminationRule::Batch) => " (batch)",
                Some(EliminationRule::UndeclaredWriteIns) => " (undeclared write-ins go first)",
                Some(EliminationRule::BelowMinimum) => " (below the minimum vote threshold)",
                Some(EliminationRule::Lowest) | None => "",
            };
            for e in &round.eliminated {
                let _ = writeln!(
                    s,
                    "round {}: {} eliminated ({}){why}; transfers: {}",
                    round.round,
                    self.name(e.option),
                    e.tally,
                    self.transfers_text(&e.transfers)
                );
            }
            let i = &round.inactive;
            if i.overvotes + i.skipped_rankings + i.repeated_rankings > 0 {
                let _ = writeln!(
                    s,
                    "round {}: exhausted {}: {} exhausted choices, {} overvotes, {} skipped \
                     rankings, {} repeated rankings",
                    round.round,
                    round.exhausted,
                    i.exhausted_choices,
                    i.overvotes,
                    i.skipped_rankings,
                    i.repeated_rankings
                );
            }
        }
        s
    }

    fn scottish_text(&self, r: &ScottishReport) -> String {
        let mut s = format!(
            "valid papers {}, undervotes {}, quota {}\n",
            r.valid, r.undervotes, r.quota
        );
        let mut head = vec!["stage".to_owned()];
        head.extend(self.options.iter().cloned());
        head.extend(["non-transf.", "(cum.)", "loss", "(cum.)"].map(String::from));
        let mut rows = vec![head];
        for st in &r.stages {
            let mut row = vec![st.stage.to_string()];
            row.extend(st.totals.iter().map(ToString::to_string));
            row.extend(
                [
                    st.non_transferable,
                    st.non_transferable_total,
                    st.loss,
                    st.loss_total,
                ]
                .map(|v| v.to_string()),
            );
            rows.push(row);
        }
        s.push_str(&table(&rows));
        for st in &r.stages {
            let action = match &st.action {
                ScottishAction::FirstPreferences => "first preferences".to_owned(),
                ScottishAction::Surplus {
                    option,
                    total,
                    surplus,
                    transfer_values,
                } => {
                    let tvs: Vec<String> = transfer_values
                        .iter()
                        .map(|t| {
                            format!("{} papers at {} -> {}", t.papers, t.value, t.transfer_value)
                        })
                        .collect();
                    format!(
                        "surplus of {} ({total} - quota = {surplus}); {}",
                        self.name(*option),
                        tvs.join("; ")
                    )
                }
                ScottishAction::Exclusion { option, total } => {
                    format!("exclusion of {} ({total})", self.name(*option))
                }
            };
            let _ = writeln!(
                s,
                "stage {}: {action}; transfers: {}",
                st.stage,
                self.transfers_text(&st.transfers)
            );
            if !st.elected.is_empty() {
                let _ = writeln!(s, "  elected: {}", self.names(&st.elected));
            }
            if !st.deemed_elected.is_empty() {
                let _ = writeln!(
                    s,
                    "  deemed elected (rule 52): {}",
                    self.names(&st.deemed_elected)
                );
            }
        }
        s
    }

    fn meek_text(&self, r: &MeekReport) -> String {
        let mut s = format!(
            "valid ballots {}, undervotes {}, omega {}\n",
            r.valid, r.undervotes, r.omega
        );
        for round in &r.rounds {
            let action = match &round.action {
                MeekAction::Elected { options } => format!("elected {}", self.names(options)),
                MeekAction::Defeated { option, reason } => {
                    let why = serde_json::to_string(reason).unwrap_or_default();
                    format!(
                        "defeated {} ({})",
                        self.name(*option),
                        why.trim_matches('"')
                    )
                }
                MeekAction::Finish => "no round needed".into(),
            };
            let _ = writeln!(
                s,
                "round {}: {} iteration(s); {action}",
                round.round,
                round.iterations.len()
            );
            let mut head = vec!["iter.".to_owned()];
            head.extend(self.options.iter().map(|o| format!("{o} vote")));
            head.extend(self.options.iter().map(|o| format!("{o} kf")));
            head.extend(["quota", "surplus", "excess"].map(String::from));
            let mut rows = vec![head];
            for it in &round.iterations {
                let mut row = vec![it.iteration.to_string()];
                row.extend(it.votes.iter().map(ToString::to_string));
                row.extend(it.keep_factors.iter().map(ToString::to_string));
                row.extend([it.quota, it.surplus, it.excess].map(|v| v.to_string()));
                rows.push(row);
            }
            s.push_str(&table(&rows));
        }
        if !r.finish_elected.is_empty() {
            let _ = writeln!(
                s,
                "elected at the end (seats left): {}",
                self.names(&r.finish_elected)
            );
        }
        if !r.finish_defeated.is_empty() {
            let _ = writeln!(
                s,
                "defeated at the end (seats filled): {}",
                self.names(&r.finish_defeated)
            );
        }
        s
    }
}
