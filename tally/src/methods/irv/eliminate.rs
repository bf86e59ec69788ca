//! Which options an IRV round eliminates (counting-rules.md §2 step 6), in RCTab's order of
//! ways: undeclared write-ins first, then everyone below the minimum vote threshold, then a
//! batch, then the single lowest option (ties choose-last).

use super::{Count, EliminationRule, IrvOptions};
use crate::{
    ballot::OptionIndex,
    error::TallyError,
    per_option::Opt,
    stage::OptionStatus,
    tie_break::{TieDecision, TieKind},
};
use std::collections::BTreeMap;

impl Count<'_> {
    /// §2 step 6: the options to eliminate this round and the rule that chose them.
    pub(super) fn choose_eliminated(
        &mut self,
        round: u32,
        continuing: &[Opt],
        options: IrvOptions<'_>,
    ) -> Result<(Vec<Opt>, EliminationRule), TallyError> {
        // RCTab `dropUndeclaredWriteIns`: while they hold votes, they go first, alone.
        if let Some(w) = self.write_ins
            && continuing.contains(&w)
            && self.tallies[w] > 0
        {
            return Ok((vec![w], EliminationRule::UndeclaredWriteIns));
        }
        let candidates: Vec<Opt> = continuing
            .iter()
            .copied()
            .filter(|&o| self.status[o] == OptionStatus::Continuing)
            .collect();
        // RCTab 2.0 `dropCandidatesBelowThreshold`: all below the minimum at once.
        if self.minimum > 0 {
            let below: Vec<Opt> = candidates
                .iter()
                .copied()
                .filter(|&o| self.tallies[o] < self.minimum)
                .collect();
            if !below.is_empty() && below.len() == candidates.len() {
                return Err(TallyError::AllBelowMinimum {
                    minimum: self.minimum,
                });
            }
            if !below.is_empty() {
                return Ok((below, EliminationRule::BelowMinimum));
            }
        }
        if options.batch_elimination {
            let batch = self.batch(continuing, options.continue_until_two);
            if batch.len() >= 2 {
                return Ok((batch, EliminationRule::Batch));
            }
        }
        self.lowest(round, &candidates)
            .map(|o| (vec![o], EliminationRule::Lowest))
    }

    /// §2 step 6.2: the option with the fewest votes, ties choose-last. Undeclared write-ins
    /// (only ever here with no votes) are never picked while another option is tied with
    /// them: RCTab's candidate order does not list them.
    fn lowest(&mut self, round: u32, candidates: &[Opt]) -> Result<Opt, TallyError> {
        let low = candidates
            .iter()
            .map(|&o| self.tallies[o])
            .min()
            .ok_or(TallyError::Invariant("no option to eliminate".into()))?;
        let mut lowest: Vec<Opt> = candidates
            .iter()
            .copied()
            .filter(|&o| self.tallies[o] == low)
            .collect();
        if lowest.len() > 1 {
            lowest.retain(|&o| !self.is_write_ins(o));
        }
        match lowest.as_slice() {
            [] => Err(TallyError::Invariant("no option to eliminate".into())),
            [one] => Ok(*one),
            tied => {
                let tied: Vec<OptionIndex> = tied.iter().map(|o| o.index()).collect();
                let out = self.ties.choose(
                    TieKind::ChooseLast,
                    TieDecision::Elimination,
                    round,
                    &tied,
                    &self.history,
                )?;
                self.flat.options.check(out)
            }
        }
    }

    /// §2 step 6.1: groups by tally ascending; the largest i* with `S_i* < v_i*`.
    fn batch(&self, continuing: &[Opt], continue_until_two: bool) -> Vec<Opt> {
        let mut by_tally: BTreeMap<u128, Vec<Opt>> = BTreeMap::new();
        for &o in continuing {
            by_tally.entry(self.tallies[o]).or_default().push(o);
        }
        let mut below = 0_u128;
        let mut count_below = 0_usize;
        let mut best: Vec<Opt> = Vec::new();
        let mut batch_so_far: Vec<Opt> = Vec::new();
        for (i, (v, group)) in by_tally.iter().enumerate() {
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
        best.sort_by_key(|&o| (self.tallies[o], o));
        best
    }
}
