//! STV by the Scottish local-election rules (counting-rules.md §3; SSI 2007/42 Schedule 1
//! rules 45–52): whole-number Droop quota, weighted inclusive Gregory transfers truncated to
//! five decimals, all pending surpluses by size, exclusions in one stage.

use crate::{
    ballot::{Contest, OptionIndex},
    error::TallyError,
    fixed::D5,
    methods::ranked::{self, Flattened, collect_transfers},
    per_option::{Opt, PerOption},
    stage::{OptionStatus, Recipient},
    tie_break::{TieBreaker, TieDecision, TieKind},
};
use std::collections::BTreeMap;

/// A paper group's place in the count.
#[derive(Debug, Clone, Copy)]
struct Paper {
    /// Index of its current preference in `prefs`.
    pos: usize,
    /// Current value of each paper in the group.
    value: D5,
}

struct Count<'a> {
    flat: Flattened,
    papers: Vec<Paper>,
    /// Paper groups held by each candidate.
    held: PerOption<Vec<usize>>,
    status: PerOption<OptionStatus>,
    totals: PerOption<D5>,
    surplus_pending: PerOption<bool>,
    quota: D5,
    seats: usize,
    elected: Vec<Opt>,
    nt_total: D5,
    loss_total: D5,
    valid: D5,
    history: Vec<Vec<D5>>,
    ties: &'a mut TieBreaker,
}

/// Counts a contest by the Scottish STV rules.
pub fn count(
    contest: &Contest,
    seats: u32,
    ties: &mut TieBreaker,
) -> Result<ScottishReport, TallyError> {
    if seats == 0 {
        return Err(TallyError::ZeroSeats);
    }
    let flat = ranked::flatten(contest)?;
    let options = flat.options;
    let quota = D5::from_u128(flat.valid / (u128::from(seats) + 1) + 1)?;
    let valid_d5 = D5::from_u128(flat.valid)?;
    let mut status = options.filled(OptionStatus::Continuing);
    for (o, withdrawn) in flat.withdrawn.iter() {
        if *withdrawn {
            status[o] = OptionStatus::Withdrawn;
        }
    }
    let mut c = Count {
        papers: vec![
            Paper {
                pos: 0,
                value: D5::ONE
            };
            flat.groups.len()
        ],
        flat,
        held: options.filled(Vec::new()),
        status,
        totals: options.filled(D5::ZERO),
        surplus_pending: options.filled(false),
        quota,
        seats: usize::try_from(seats).map_err(|_| TallyError::Overflow)?,
        elected: Vec::new(),
        nt_total: D5::ZERO,
        loss_total: D5::ZERO,
        valid: valid_d5,
        history: Vec::new(),
        ties,
    };
    let mut stages = Vec::new();
    let first = c.first_preferences()?;
    stages.push(c.finish_stage(
        1,
        ScottishAction::FirstPreferences,
        first,
        D5::ZERO,
        D5::ZERO,
    )?);
    loop {
        let stage = u32::try_from(stages.len()).map_err(|_| TallyError::Overflow)?;
        let Some(last) = stages.last_mut() else { break };
        if c.after_stage(stage, last)? {
            break;
        }
        let next = stage + 1;
        let record = match c.next_surplus(next)? {
            Some(e) => c.transfer_surplus(next, e)?,
            None => {
                let x = c.next_exclusion(next)?;
                c.exclude(next, x)?
            }
        };
        stages.push(record);
    }
    Ok(ScottishReport {
        seats,
        valid: c.flat.valid,
        undervotes: c.flat.without_preference(),
        quota,
        stages,
        elected: c.elected.iter().map(|o| o.index()).collect(),
    })
}

impl Count<'_> {
    fn continuing(&self) -> Vec<Opt> {
        self.status
            .iter()
            .filter(|(_, s)| **s == OptionStatus::Continuing)
            .map(|(o, _)| o)
            .collect()
    }

    fn add_to(&mut self, o: Opt, amount: D5) -> Result<(), TallyError> {
        self.totals[o] = self.totals[o].checked_add(amount)?;
        Ok(())
    }

    /// Rule 45: every paper at value 1 to its first preference.
    fn first_preferences(&mut self) -> Result<BTreeMap<Recipient, D5>, TallyError> {
        let mut moved = BTreeMap::new();
        for g in 0..self.flat.groups.len() {
            let Some(group) = self.flat.groups.get(g) else {
                continue;
            };
            let (Some(&o), weight) = (self.flat.prefs(group).first(), group.weight()) else {
                continue;
            };
            let amount = D5::ONE.mul_weight(weight)?;
            self.add_to(o, amount)?;
            self.held[o].push(g);
            let e: &mut D5 = moved.entry(Recipient::Option(o.index())).or_default();
            *e = e.checked_add(amount)?;
        }
        Ok(moved)
    }

    /// Builds a stage record from the current state and checks conservation.
    fn finish_stage(
        &mut self,
        stage: u32,
        action: ScottishAction,
        moved: BTreeMap<Recipient, D5>,
        non_transferable: D5,
        loss: D5,
    ) -> Result<ScottishStage, TallyError> {
        self.nt_total = self.nt_total.checked_add(non_transferable)?;
        self.loss_total = self.loss_total.checked_add(loss)?;
        let mut sum = self.nt_total.checked_add(self.loss_total)?;
        for (_, t) in self.totals.iter() {
            sum = sum.checked_add(*t)?;
        }
        if sum != self.valid {
            return Err(TallyError::Invariant(format!(
                "stage {stage}: totals + non-transferable + loss = {sum}, expected {}",
                self.valid
            )));
        }
        let previous = self.history.last();
        let changes = self
            .totals
            .iter()
            .map(|(o, t)| {
                let before = previous.and_then(|p| p.get(o.index()).copied());
                t.checked_sub(before.unwrap_or(D5::ZERO))
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.history.push(self.totals.to_vec());
        Ok(ScottishStage {
            stage,
            action,
            totals: self.totals.to_vec(),
            changes,
            status: self.status.to_vec(),
            transfers: collect_transfers(moved),
            non_transferable,
            non_transferable_total: self.nt_total,
            loss,
            loss_total: self.loss_total,
            quota: self.quota,
            elected: Vec::new(),
            deemed_elected: Vec::new(),
        })
    }

    /// §3 step 4: elect, then see whether the count is complete. Returns true when it is.
    fn after_stage(&mut self, stage: u32, record: &mut ScottishStage) -> Result<bool, TallyError> {
        let reached: Vec<Opt> = self
            .continuing()
            .into_iter()
            .filter(|&o| self.totals[o] >= self.quota)
            .collect();
        let order = self.order_by_total(stage, reached)?;
        for &o in &order {
            self.mark_elected(o);
            self.surplus_pending[o] = self.totals[o] > self.quota;
        }
        record.elected = order.iter().map(|o| o.index()).collect();
        let vacancies = self.seats.saturating_sub(self.elected.len());
        let continuing = self.continuing();
        if vacancies == 0 {
            record.status = self.status.to_vec();
            return Ok(true);
        }
        if continuing.len() <= vacancies {
            // Rule 52: all deemed elected, no further transfer; listed by total (ballot order
            // for equal totals: nothing depends on that order).
            let mut rest = continuing;
            rest.sort_by(|a, b| self.totals[*b].cmp(&self.totals[*a]).then(a.cmp(b)));
            for &o in &rest {
                self.mark_elected(o);
            }
            record.deemed_elected = rest.iter().map(|o| o.index()).collect();
            record.status = self.status.to_vec();
            return Ok(true);
        }
        record.status = self.status.to_vec();
        Ok(false)
    }

    fn mark_elected(&mut self, o: Opt) {
        self.status[o] = OptionStatus::Elected;
        self.elected.push(o);
    }

    /// Breaks a tie among `tied` by the policy, with the totals of the stages in `history`.
    fn choose(
        &mut self,
        kind: TieKind,
        decision: TieDecision,
        stage: u32,
        tied: &[Opt],
        history_len: usize,
    ) -> Result<Opt, TallyError> {
        let indices: Vec<OptionIndex> = tied.iter().map(|o| o.index()).collect();
        let history = self.history.get(..history_len).unwrap_or(&[]);
        let pick = self.ties.choose(kind, decision, stage, &indices, history)?;
        self.flat.options.check(pick)
    }

    /// Orders the candidates reaching the quota at one stage by total, highest first,
    /// breaking equal totals choose-first (on the stages before this one).
    fn order_by_total(
        &mut self,
        stage: u32,
        mut options: Vec<Opt>,
    ) -> Result<Vec<Opt>, TallyError> {
        options.sort_by(|a, b| self.totals[*b].cmp(&self.totals[*a]).then(a.cmp(b)));
        let mut out = Vec::with_capacity(options.len());
        let mut rest = options;
        let earlier = self.history.len().saturating_sub(1);
        while let Some(&head) = rest.first() {
            let top = self.totals[head];
            let tied: Vec<Opt> = rest
                .iter()
                .copied()
                .filter(|&o| self.totals[o] == top)
                .collect();
            let pick = if tied.len() > 1 {
                let decision = TieDecision::ElectionOrder;
                self.choose(TieKind::ChooseFirst, decision, stage, &tied, earlier)?
            } else {
                head
            };
            out.push(pick);
            rest.retain(|&o| o != pick);
        }
        Ok(out)
    }

    /// Rule 49: the largest untransferred surplus, ties choose-first.
    fn next_surplus(&mut self, stage: u32) -> Result<Option<Opt>, TallyError> {
        let pending: Vec<Opt> = self
            .surplus_pending
            .iter()
            .filter(|(_, p)| **p)
            .map(|(o, _)| o)
            .collect();
        let Some(best) = pending.iter().map(|&o| self.totals[o]).max() else {
            return Ok(None);
        };
        let tied: Vec<Opt> = pending
            .into_iter()
            .filter(|&o| self.totals[o] == best)
            .collect();
        if let [one] = tied.as_slice() {
            return Ok(Some(*one));
        }
        let all = self.history.len();
        let decision = TieDecision::SurplusOrder;
        self.choose(TieKind::ChooseFirst, decision, stage, &tied, all)
            .map(Some)
    }

    /// Rules 50, 51: the lowest continuing candidate, ties choose-last.
    fn next_exclusion(&mut self, stage: u32) -> Result<Opt, TallyError> {
        let continuing = self.continuing();
        let low = continuing
            .iter()
            .map(|&o| self.totals[o])
            .min()
            .ok_or(TallyError::Invariant("nobody to exclude".into()))?;
        let tied: Vec<Opt> = continuing
            .into_iter()
            .filter(|&o| self.totals[o] == low)
            .collect();
        if let [one] = tied.as_slice() {
            return Ok(*one);
        }
        let all = self.history.len();
        self.choose(
            TieKind::ChooseLast,
            TieDecision::Exclusion,
            stage,
            &tied,
            all,
        )
    }

    /// The next continuing preference of a paper group after position `pos`.
    fn next_preference(&self, g: usize, pos: usize) -> Option<(usize, Opt)> {
        let group = self.flat.groups.get(g)?;
        self.flat
            .prefs(group)
            .iter()
            .enumerate()
            .skip(pos + 1)
            .find(|(_, o)| self.status[**o] == OptionStatus::Continuing)
            .map(|(i, o)| (i, *o))
    }

    /// Moves every paper group held by `from` on at the value `value_of` gives it; returns the
    /// amounts by recipient and the non-transferable amount.
    fn move_papers(
        &mut self,
        from: Opt,
        value_of: impl Fn(D5) -> Result<D5, TallyError>,
    ) -> Result<(BTreeMap<Recipient, D5>, D5), TallyError> {
        let held = std::mem::take(&mut self.held[from]);
        let mut moved: BTreeMap<Recipient, D5> = BTreeMap::new();
        let mut non_transferable = D5::ZERO;
        for g in held {
            let (Some(paper), Some(group)) = (self.papers.get(g).copied(), self.flat.groups.get(g))
            else {
                continue;
            };
            let value = value_of(paper.value)?;
            let amount = value.mul_weight(group.weight())?;
            let next = self.next_preference(g, paper.pos);
            let to = match next {
                Some((pos, o)) => {
                    self.add_to(o, amount)?;
                    self.held[o].push(g);
                    if let Some(p) = self.papers.get_mut(g) {
                        *p = Paper { pos, value };
                    }
                    Recipient::Option(o.index())
                }
                None => {
                    non_transferable = non_transferable.checked_add(amount)?;
                    Recipient::Exhausted
                }
            };
            let e = moved.entry(to).or_default();
            *e = e.checked_add(amount)?;
        }
        Ok((moved, non_transferable))
    }

    /// Rule 48: the inclusive Gregory transfer of `e`'s surplus.
    fn transfer_surplus(&mut self, stage: u32, e: Opt) -> Result<ScottishStage, TallyError> {
        let total = self.totals[e];
        let surplus = total.checked_sub(self.quota)?;
        let mut by_value: BTreeMap<D5, u128> = BTreeMap::new();
        for &g in &self.held[e] {
            if let (Some(p), Some(group)) = (self.papers.get(g), self.flat.groups.get(g)) {
                let n = by_value.entry(p.value).or_insert(0);
                *n = n.checked_add(group.weight()).ok_or(TallyError::Overflow)?;
            }
        }
        let transfer_values = by_value
            .into_iter()
            .rev()
            .map(|(value, papers)| {
                Ok(TransferValue {
                    value,
                    transfer_value: surplus.mul_div_floor(value, total)?,
                    papers,
                })
            })
            .collect::<Result<Vec<_>, TallyError>>()?;
        let (moved, non_transferable) = self.move_papers(e, |v| surplus.mul_div_floor(v, total))?;
        self.totals[e] = self.quota;
        self.surplus_pending[e] = false;
        let transferred = moved
            .iter()
            .filter(|(to, _)| matches!(to, Recipient::Option(_)))
            .try_fold(D5::ZERO, |acc, (_, v)| acc.checked_add(*v))?;
        let loss = surplus
            .checked_sub(transferred)?
            .checked_sub(non_transferable)?;
        let action = ScottishAction::Surplus {
            option: e.index(),
            total,
            surplus,
            transfer_values,
        };
        self.finish_stage(stage, action, moved, non_transferable, loss)
    }

    /// Rule 50: every paper of `x` moves at its current value; no rounding, no loss.
    fn exclude(&mut self, stage: u32, x: Opt) -> Result<ScottishStage, TallyError> {
        let total = self.totals[x];
        self.status[x] = OptionStatus::Eliminated;
        let (moved, non_transferable) = self.move_papers(x, Ok)?;
        self.totals[x] = D5::ZERO;
        let action = ScottishAction::Exclusion {
            option: x.index(),
            total,
        };
        self.finish_stage(stage, action, moved, non_transferable, D5::ZERO)
    }
}

mod report;

pub use report::{ScottishAction, ScottishReport, ScottishStage, TransferValue};

#[cfg(test)]
mod tests;
