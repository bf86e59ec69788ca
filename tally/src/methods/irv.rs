//! Instant runoff, single winner (counting-rules.md §2; reference RCTab `Tabulator.java`):
//! whole-number threshold, optional batch elimination and continue-until-two, the
//! two-finalist tie resolved by electing.

use crate::{
    ballot::{Contest, OptionIndex},
    error::TallyError,
    methods::ranked::{self, Flattened, collect_transfers},
    stage::{OptionStatus, Recipient},
    tie_break::{TieBreaker, TieDecision, TieKind},
};
use std::collections::BTreeMap;

mod report;

pub use report::{Elimination, IrvReport, IrvRound};

struct Count<'a> {
    flat: Flattened,
    /// Index into `prefs` of each group's current option (`prefs.len()` = exhausted).
    position: Vec<usize>,
    status: Vec<OptionStatus>,
    tallies: Vec<u128>,
    exhausted: u128,
    history: Vec<Vec<u128>>,
    ties: &'a mut TieBreaker,
}

/// Counts an IRV contest.
pub fn count(
    contest: &Contest,
    batch_elimination: bool,
    continue_until_two: bool,
    ties: &mut TieBreaker,
) -> Result<IrvReport, TallyError> {
    let flat = ranked::flatten(contest);
    let n = contest.options.len();
    let mut status = vec![OptionStatus::Continuing; n];
    for &w in &contest.withdrawn {
        if let Some(s) = status.get_mut(w) {
            *s = OptionStatus::Withdrawn;
        }
    }
    let mut c = Count {
        position: vec![0; flat.groups.len()],
        flat,
        status,
        tallies: vec![0; n],
        exhausted: 0,
        history: Vec::new(),
        ties,
    };
    // Round 1 tally: every valid group counts for its first preference.
    for g in &c.flat.groups {
        if let Some(t) = c.flat.prefs(g).first().and_then(|&o| c.tallies.get_mut(o)) {
            *t = t.checked_add(g.weight).ok_or(TallyError::Overflow)?;
        }
    }
    let mut rounds: Vec<IrvRound> = Vec::new();
    let mut winner: Option<OptionIndex> = None;
    let mut frozen = 0_u128;
    let mut exhausted_before = 0_u128;
    for r in 1..=u32::try_from(n.saturating_add(3)).unwrap_or(u32::MAX) {
        let continuing = c.in_count();
        let active = continuing
            .iter()
            .filter_map(|&o| c.tallies.get(o))
            .sum::<u128>();
        let threshold = if winner.is_none() {
            active / 2 + 1
        } else {
            frozen
        };
        let mut round = IrvRound {
            round: r,
            tallies: c.snapshot(),
            changes: Vec::new(),
            active,
            threshold,
            exhausted: c.exhausted,
            exhausted_this_round: c.exhausted - exhausted_before,
            elected: None,
            elected_by_tie_break: false,
            eliminated: Vec::new(),
            batch: false,
        };
        round.changes = changes(rounds.last(), &round.tallies);
        exhausted_before = c.exhausted;
        // §2 step 8: with continue-until-two, stop at the first round after the winner with
        // two (or fewer) continuing options; that round has no action.
        if winner.is_some() && continuing.len() <= 2 || continuing.is_empty() || active == 0 {
            rounds.push(round);
            break;
        }
        if winner.is_none()
            && let Some((w, by_tie)) = c.winner_check(r, &continuing, threshold)?
        {
            winner = Some(w);
            frozen = threshold;
            if let Some(s) = c.status.get_mut(w) {
                *s = OptionStatus::Elected;
            }
            round.elected = Some(w);
            round.elected_by_tie_break = by_tie;
            rounds.push(round);
            c.history.push(c.tallies.clone());
            if continue_until_two {
                continue;
            }
            break;
        }
        let out = c.choose_eliminated(r, &continuing, batch_elimination, continue_until_two)?;
        round.batch = out.len() > 1;
        round.eliminated = c.eliminate(&out)?;
        rounds.push(round);
    }
    Ok(IrvReport {
        batch_elimination,
        continue_until_two,
        valid: c.flat.valid,
        undervotes: c.flat.undervotes,
        rounds,
        winner,
    })
}

fn changes(previous: Option<&IrvRound>, now: &[Option<u128>]) -> Vec<Option<i128>> {
    now.iter()
        .enumerate()
        .map(|(o, t)| {
            let t = i128::try_from((*t)?).ok()?;
            let before = previous
                .and_then(|p| p.tallies.get(o).copied().flatten())
                .unwrap_or(0);
            t.checked_sub(i128::try_from(before).ok()?)
        })
        .collect()
}

impl Count<'_> {
    /// Continuing options, the elected one included (continue-until-two), in ballot order.
    fn in_count(&self) -> Vec<OptionIndex> {
        (0..self.status.len())
            .filter(|&o| self.status.get(o).is_some_and(|s| s.in_count()))
            .collect()
    }

    fn snapshot(&self) -> Vec<Option<u128>> {
        self.status
            .iter()
            .zip(&self.tallies)
            .map(|(s, t)| s.in_count().then_some(*t))
            .collect()
    }

    fn tally(&self, o: OptionIndex) -> u128 {
        self.tallies.get(o).copied().unwrap_or(0)
    }

    /// §2 step 4: one option or none left, a tally at the threshold, or two tied finalists.
    fn winner_check(
        &mut self,
        round: u32,
        continuing: &[OptionIndex],
        threshold: u128,
    ) -> Result<Option<(OptionIndex, bool)>, TallyError> {
        if let [only] = continuing {
            return Ok(Some((*only, false)));
        }
        if let Some(&w) = continuing.iter().find(|&&o| self.tally(o) >= threshold) {
            return Ok(Some((w, false)));
        }
        if continuing.len() == 2 {
            let w = self.ties.choose(
                TieKind::ChooseFirst,
                TieDecision::Winner,
                round,
                continuing,
                &self.history,
            )?;
            return Ok(Some((w, true)));
        }
        Ok(None)
    }

    /// §2 step 6: the batch, or the single option with the fewest votes.
    fn choose_eliminated(
        &mut self,
        round: u32,
        continuing: &[OptionIndex],
        batch_elimination: bool,
        continue_until_two: bool,
    ) -> Result<Vec<OptionIndex>, TallyError> {
        let candidates: Vec<OptionIndex> = continuing
            .iter()
            .copied()
            .filter(|&o| self.status.get(o) == Some(&OptionStatus::Continuing))
            .collect();
        if batch_elimination {
            let batch = self.batch(continuing, continue_until_two);
            if batch.len() >= 2 {
                return Ok(batch);
            }
        }
        let low = candidates.iter().map(|&o| self.tally(o)).min().unwrap_or(0);
        let lowest: Vec<OptionIndex> = candidates
            .iter()
            .copied()
            .filter(|&o| self.tally(o) == low)
            .collect();
        match lowest.as_slice() {
            [] => Err(TallyError::Invariant("no option to eliminate".into())),
            [one] => Ok(vec![*one]),
            tied => {
                let out = self.ties.choose(
                    TieKind::ChooseLast,
                    TieDecision::Elimination,
                    round,
                    tied,
                    &self.history,
                )?;
                Ok(vec![out])
            }
        }
    }

    /// §2 step 6.1: groups by tally ascending; the largest i* with `S_i* < v_i*`.
    fn batch(&self, continuing: &[OptionIndex], continue_until_two: bool) -> Vec<OptionIndex> {
        let mut by_tally: BTreeMap<u128, Vec<OptionIndex>> = BTreeMap::new();
        for &o in continuing {
            by_tally.entry(self.tally(o)).or_default().push(o);
        }
        let levels: Vec<(u128, Vec<OptionIndex>)> = by_tally.into_iter().collect();
        let mut below = 0_u128;
        let mut count_below = 0_usize;
        let mut best: Vec<OptionIndex> = Vec::new();
        let mut batch_so_far: Vec<OptionIndex> = Vec::new();
        for (i, (v, group)) in levels.iter().enumerate() {
            if i > 0 && below < *v {
                let leaves = continuing.len() - count_below;
                if !(continue_until_two && leaves <= 1) {
                    best = batch_so_far.clone();
                }
            }
            let size = u128::try_from(group.len()).unwrap_or(u128::MAX);
            below = below.saturating_add(size.saturating_mul(*v));
            count_below += group.len();
            batch_so_far.extend(group.iter().copied());
        }
        // Ascending tally, then ballot order (the RCTab listing order).
        best.sort_by_key(|&o| (self.tally(o), o));
        best
    }

    /// §2 step 7: marks the options eliminated and moves their ballots on.
    fn eliminate(&mut self, out: &[OptionIndex]) -> Result<Vec<Elimination>, TallyError> {
        // §1.2 compares the totals at the end of each round: this round's, before transfers.
        self.history.push(self.tallies.clone());
        let mut sorted = out.to_vec();
        sorted.sort_by_key(|&o| (self.tally(o), o));
        for &o in &sorted {
            if let Some(s) = self.status.get_mut(o) {
                *s = OptionStatus::Eliminated;
            }
        }
        let mut moves: BTreeMap<OptionIndex, BTreeMap<Recipient, u128>> = BTreeMap::new();
        for (g, pos) in self.flat.groups.iter().zip(self.position.iter_mut()) {
            let prefs = self.flat.prefs(g);
            let Some(&from) = prefs.get(*pos) else {
                continue;
            };
            if self.status.get(from) != Some(&OptionStatus::Eliminated) {
                continue;
            }
            let mut next = *pos + 1;
            while let Some(&o) = prefs.get(next) {
                if self.status.get(o).is_some_and(|s| s.in_count()) {
                    break;
                }
                next += 1;
            }
            *pos = next;
            let to = match prefs.get(next) {
                Some(&o) => {
                    let t = self.tallies.get_mut(o).ok_or(TallyError::Overflow)?;
                    *t = t.checked_add(g.weight).ok_or(TallyError::Overflow)?;
                    Recipient::Option(o)
                }
                None => {
                    self.exhausted = self
                        .exhausted
                        .checked_add(g.weight)
                        .ok_or(TallyError::Overflow)?;
                    Recipient::Exhausted
                }
            };
            let entry = moves.entry(from).or_default().entry(to).or_insert(0);
            *entry = entry.checked_add(g.weight).ok_or(TallyError::Overflow)?;
        }
        let result = sorted
            .iter()
            .map(|&o| Elimination {
                option: o,
                tally: self.tally(o),
                transfers: collect_transfers(moves.remove(&o).unwrap_or_default()),
            })
            .collect();
        for &o in &sorted {
            if let Some(t) = self.tallies.get_mut(o) {
                *t = 0;
            }
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests;
