//! STV by the Scottish local-election rules (counting-rules.md §3; SSI 2007/42 Schedule 1
//! rules 45–52): whole-number Droop quota, weighted inclusive Gregory transfers truncated to
//! five decimals, all pending surpluses by size, exclusions in one stage.

use crate::{
    ballot::{Contest, OptionIndex},
    error::TallyError,
    fixed::D5,
    methods::ranked::{self, Flattened, collect_transfers},
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
    held: Vec<Vec<usize>>,
    status: Vec<OptionStatus>,
    totals: Vec<D5>,
    surplus_pending: Vec<bool>,
    quota: D5,
    seats: usize,
    elected: Vec<OptionIndex>,
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
    let flat = ranked::flatten(contest);
    let n = contest.options.len();
    let quota = D5::from_u128(flat.valid / (u128::from(seats) + 1) + 1)?;
    let valid_d5 = D5::from_u128(flat.valid)?;
    let mut status = vec![OptionStatus::Continuing; n];
    for &w in &contest.withdrawn {
        if let Some(s) = status.get_mut(w) {
            *s = OptionStatus::Withdrawn;
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
        held: vec![Vec::new(); n],
        status,
        totals: vec![D5::ZERO; n],
        surplus_pending: vec![false; n],
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
        undervotes: c.flat.undervotes,
        quota,
        stages,
        elected: c.elected,
    })
}

impl Count<'_> {
    fn total(&self, o: OptionIndex) -> D5 {
        self.totals.get(o).copied().unwrap_or(D5::ZERO)
    }

    fn continuing(&self) -> Vec<OptionIndex> {
        (0..self.status.len())
            .filter(|&o| self.status.get(o) == Some(&OptionStatus::Continuing))
            .collect()
    }

    fn add_to(&mut self, o: OptionIndex, amount: D5) -> Result<(), TallyError> {
        let t = self
            .totals
            .get_mut(o)
            .ok_or(TallyError::Invariant("unknown option".into()))?;
        *t = t.checked_add(amount)?;
        Ok(())
    }

    /// Rule 45: every paper at value 1 to its first preference.
    fn first_preferences(&mut self) -> Result<BTreeMap<Recipient, D5>, TallyError> {
        let mut moved = BTreeMap::new();
        for g in 0..self.flat.groups.len() {
            let Some(group) = self.flat.groups.get(g) else {
                continue;
            };
            let (Some(&o), weight) = (self.flat.prefs(group).first(), group.weight) else {
                continue;
            };
            let amount = D5::ONE.mul_weight(weight)?;
            self.add_to(o, amount)?;
            if let Some(h) = self.held.get_mut(o) {
                h.push(g);
            }
            let e: &mut D5 = moved.entry(Recipient::Option(o)).or_default();
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
        for t in &self.totals {
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
            .enumerate()
            .map(|(o, t)| {
                t.checked_sub(previous.and_then(|p| p.get(o).copied()).unwrap_or(D5::ZERO))
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.history.push(self.totals.clone());
        Ok(ScottishStage {
            stage,
            action,
            totals: self.totals.clone(),
            changes,
            status: self.status.clone(),
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
        let reached: Vec<OptionIndex> = self
            .continuing()
            .into_iter()
            .filter(|&o| self.total(o) >= self.quota)
            .collect();
        let order = self.order_by_total(stage, reached, true)?;
        for &o in &order {
            self.mark_elected(o);
            if let Some(p) = self.surplus_pending.get_mut(o) {
                *p = self.totals.get(o).is_some_and(|t| *t > self.quota);
            }
        }
        record.elected = order;
        let vacancies = self.seats.saturating_sub(self.elected.len());
        let continuing = self.continuing();
        if vacancies == 0 {
            record.status = self.status.clone();
            return Ok(true);
        }
        if continuing.len() <= vacancies {
            // Rule 52: all deemed elected, no further transfer; listed by total (ballot order
            // for equal totals: nothing depends on that order).
            let mut rest = continuing;
            rest.sort_by(|a, b| self.total(*b).cmp(&self.total(*a)).then(a.cmp(b)));
            for &o in &rest {
                self.mark_elected(o);
            }
            record.deemed_elected = rest;
            record.status = self.status.clone();
            return Ok(true);
        }
        record.status = self.status.clone();
        Ok(false)
    }

    fn mark_elected(&mut self, o: OptionIndex) {
        if let Some(s) = self.status.get_mut(o) {
            *s = OptionStatus::Elected;
        }
        self.elected.push(o);
    }

    /// Orders options by total, highest first, breaking equal totals choose-first.
    fn order_by_total(
        &mut self,
        stage: u32,
        mut options: Vec<OptionIndex>,
        elect: bool,
    ) -> Result<Vec<OptionIndex>, TallyError> {
        options.sort_by(|a, b| self.total(*b).cmp(&self.total(*a)).then(a.cmp(b)));
        let mut out = Vec::with_capacity(options.len());
        let mut rest = options;
        while let Some(&head) = rest.first() {
            let top = self.total(head);
            let tied: Vec<OptionIndex> = rest
                .iter()
                .copied()
                .filter(|&o| self.total(o) == top)
                .collect();
            let pick = if tied.len() > 1 {
                let decision = if elect {
                    TieDecision::ElectionOrder
                } else {
                    TieDecision::SurplusOrder
                };
                let history = self
                    .history
                    .get(..self.history.len().saturating_sub(1))
                    .unwrap_or(&[]);
                self.ties
                    .choose(TieKind::ChooseFirst, decision, stage, &tied, history)?
            } else {
                head
            };
            out.push(pick);
            rest.retain(|&o| o != pick);
        }
        Ok(out)
    }

    /// Rule 49: the largest untransferred surplus, ties choose-first.
    fn next_surplus(&mut self, stage: u32) -> Result<Option<OptionIndex>, TallyError> {
        let pending: Vec<OptionIndex> = (0..self.status.len())
            .filter(|&o| self.surplus_pending.get(o) == Some(&true))
            .collect();
        let Some(best) = pending.iter().map(|&o| self.total(o)).max() else {
            return Ok(None);
        };
        let tied: Vec<OptionIndex> = pending
            .into_iter()
            .filter(|&o| self.total(o) == best)
            .collect();
        if let [one] = tied.as_slice() {
            return Ok(Some(*one));
        }
        let pick = self.ties.choose(
            TieKind::ChooseFirst,
            TieDecision::SurplusOrder,
            stage,
            &tied,
            &self.history,
        )?;
        Ok(Some(pick))
    }

    /// Rules 50, 51: the lowest continuing candidate, ties choose-last.
    fn next_exclusion(&mut self, stage: u32) -> Result<OptionIndex, TallyError> {
        let continuing = self.continuing();
        let low = continuing
            .iter()
            .map(|&o| self.total(o))
            .min()
            .ok_or(TallyError::Invariant("nobody to exclude".into()))?;
        let tied: Vec<OptionIndex> = continuing
            .into_iter()
            .filter(|&o| self.total(o) == low)
            .collect();
        if let [one] = tied.as_slice() {
            return Ok(*one);
        }
        self.ties.choose(
            TieKind::ChooseLast,
            TieDecision::Exclusion,
            stage,
            &tied,
            &self.history,
        )
    }

    /// The next continuing preference of a paper group after position `pos`.
    fn next_preference(&self, g: usize, pos: usize) -> Option<(usize, OptionIndex)> {
        let group = self.flat.groups.get(g)?;
        self.flat
            .prefs(group)
            .iter()
            .enumerate()
            .skip(pos + 1)
            .find(|(_, o)| self.status.get(**o) == Some(&OptionStatus::Continuing))
            .map(|(i, o)| (i, *o))
    }

    /// Moves every paper group held by `from` on at the value `value_of` gives it; returns the
    /// amounts by recipient and the non-transferable amount.
    fn move_papers(
        &mut self,
        from: OptionIndex,
        value_of: impl Fn(D5) -> Result<D5, TallyError>,
    ) -> Result<(BTreeMap<Recipient, D5>, D5), TallyError> {
        let held = std::mem::take(self.held.get_mut(from).ok_or(TallyError::Overflow)?);
        let mut moved: BTreeMap<Recipient, D5> = BTreeMap::new();
        let mut non_transferable = D5::ZERO;
        for g in held {
            let (Some(paper), Some(group)) = (self.papers.get(g).copied(), self.flat.groups.get(g))
            else {
                continue;
            };
            let value = value_of(paper.value)?;
            let amount = value.mul_weight(group.weight)?;
            let next = self.next_preference(g, paper.pos);
            let to = match next {
                Some((pos, o)) => {
                    self.add_to(o, amount)?;
                    if let Some(h) = self.held.get_mut(o) {
                        h.push(g);
                    }
                    if let Some(p) = self.papers.get_mut(g) {
                        *p = Paper { pos, value };
                    }
                    Recipient::Option(o)
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
    fn transfer_surplus(
        &mut self,
        stage: u32,
        e: OptionIndex,
    ) -> Result<ScottishStage, TallyError> {
        let total = self.total(e);
        let surplus = total.checked_sub(self.quota)?;
        let mut by_value: BTreeMap<D5, u128> = BTreeMap::new();
        for &g in self.held.get(e).map(Vec::as_slice).unwrap_or(&[]) {
            if let (Some(p), Some(group)) = (self.papers.get(g), self.flat.groups.get(g)) {
                let n = by_value.entry(p.value).or_insert(0);
                *n = n.checked_add(group.weight).ok_or(TallyError::Overflow)?;
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
        if let Some(t) = self.totals.get_mut(e) {
            *t = self.quota;
        }
        if let Some(p) = self.surplus_pending.get_mut(e) {
            *p = false;
        }
        let transferred = moved
            .iter()
            .filter(|(to, _)| matches!(to, Recipient::Option(_)))
            .try_fold(D5::ZERO, |acc, (_, v)| acc.checked_add(*v))?;
        let loss = surplus
            .checked_sub(transferred)?
            .checked_sub(non_transferable)?;
        let action = ScottishAction::Surplus {
            option: e,
            total,
            surplus,
            transfer_values,
        };
        self.finish_stage(stage, action, moved, non_transferable, loss)
    }

    /// Rule 50: every paper of `x` moves at its current value; no rounding, no loss.
    fn exclude(&mut self, stage: u32, x: OptionIndex) -> Result<ScottishStage, TallyError> {
        let total = self.total(x);
        if let Some(s) = self.status.get_mut(x) {
            *s = OptionStatus::Eliminated;
        }
        let (moved, non_transferable) = self.move_papers(x, Ok)?;
        if let Some(t) = self.totals.get_mut(x) {
            *t = D5::ZERO;
        }
        let action = ScottishAction::Exclusion { option: x, total };
        self.finish_stage(stage, action, moved, non_transferable, D5::ZERO)
    }
}

mod report;

pub use report::{ScottishAction, ScottishReport, ScottishStage, TransferValue};

#[cfg(test)]
mod tests;
