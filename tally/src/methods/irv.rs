//! Instant runoff, single winner (counting-rules.md §2; reference RCTab `Tabulator.java`):
//! whole-number threshold, optional batch elimination and continue-until-two, the
//! two-finalist tie resolved by electing. With an RCTab contest configuration, also RCTab's
//! undeclared write-ins and minimum vote threshold ([`RctabRules`]), and ballots that end
//! on an overvote or skipped ranks, reported in RCTab's inactive categories.

use crate::{
    ballot::{Contest, OptionIndex},
    config::RctabRules,
    error::TallyError,
    methods::ranked::{self, Flattened, collect_transfers},
    per_option::{Opt, PerOption},
    stage::{OptionStatus, Recipient},
    tie_break::{TieBreaker, TieDecision, TieKind},
};
use std::collections::BTreeMap;

mod eliminate;
mod report;

pub use report::{Elimination, EliminationRule, Inactive, IrvReport, IrvRound};

/// The options and switches of one IRV count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IrvOptions<'a> {
    /// Eliminate every option whose combined total is below the next one's at once.
    pub batch_elimination: bool,
    /// Keep counting until two options remain.
    pub continue_until_two: bool,
    /// RCTab's extra rules (none by default).
    pub rctab: &'a RctabRules,
}

struct Count<'a> {
    flat: Flattened,
    /// Index into each group's preferences of its current option (`len` = exhausted).
    position: Vec<usize>,
    status: PerOption<OptionStatus>,
    tallies: PerOption<u128>,
    /// Exhausted weight so far, by [`crate::ballot::Exhaustion::code`].
    exhausted: [u128; 4],
    history: Vec<Vec<u128>>,
    /// RCTab's undeclared write-ins option, if any.
    write_ins: Option<Opt>,
    minimum: u128,
    ties: &'a mut TieBreaker,
}

/// Counts an IRV contest.
pub fn count(
    contest: &Contest,
    options: IrvOptions<'_>,
    ties: &mut TieBreaker,
) -> Result<IrvReport, TallyError> {
    let flat = ranked::flatten(contest)?;
    let all = flat.options;
    let mut status = all.filled(OptionStatus::Continuing);
    for (o, withdrawn) in flat.withdrawn.iter() {
        if *withdrawn {
            status[o] = OptionStatus::Withdrawn;
        }
    }
    let write_ins = match options.rctab.undeclared_write_in {
        Some(w) => Some(all.check(w)?),
        None => None,
    };
    let mut c = Count {
        position: vec![0; flat.groups.len()],
        status,
        tallies: all.filled(0),
        // §0.2: a ballot that marked something but has no option left is inactive from round
        // 1, in the category that ended it (RCTab counts it so; it is no undervote).
        exhausted: flat.inactive_at_start,
        history: Vec::new(),
        write_ins,
        minimum: u128::from(options.rctab.minimum_vote_threshold),
        flat,
        ties,
    };
    // Round 1 tally: every valid group counts for its first preference.
    for g in &c.flat.groups {
        if let Some(&o) = c.flat.prefs(g).first() {
            c.tallies[o] = c.tallies[o]
                .checked_add(g.weight())
                .ok_or(TallyError::Overflow)?;
        }
    }
    let valid = c
        .flat
        .inactive_at_start
        .iter()
        .try_fold(c.flat.valid, |sum, w| sum.checked_add(*w))
        .ok_or(TallyError::Overflow)?;
    let mut rounds: Vec<IrvRound> = Vec::new();
    let mut winner: Option<Opt> = None;
    let mut frozen = 0_u128;
    let mut exhausted_before = c.exhausted_total();
    for r in 1..=u32::try_from(all.len().saturating_add(3)).unwrap_or(u32::MAX) {
        let continuing = c.in_count();
        let active = continuing
            .iter()
            .try_fold(0_u128, |sum, &o| sum.checked_add(c.tallies[o]))
            .ok_or(TallyError::Overflow)?;
        // §2 step 3; RCTab never lets the threshold fall below its minimum vote threshold.
        let threshold = match winner {
            None => (active / 2 + 1).max(c.minimum),
            Some(_) => frozen,
        };
        let exhausted = c.exhausted_total();
        let mut round = IrvRound {
            round: r,
            tallies: c.snapshot(),
            changes: Vec::new(),
            active,
            threshold,
            exhausted,
            exhausted_this_round: exhausted.saturating_sub(exhausted_before),
            inactive: Inactive::from_codes(c.exhausted),
            elected: None,
            elected_by_tie_break: false,
            eliminated: Vec::new(),
            rule: None,
        };
        round.changes = changes(rounds.last(), &round.tallies);
        exhausted_before = exhausted;
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
            c.status[w] = OptionStatus::Elected;
            round.elected = Some(w.index());
            round.elected_by_tie_break = by_tie;
            rounds.push(round);
            c.history.push(c.tallies.to_vec());
            // §2 step 5 with continue-until-two: count on only while more than two options
            // remain; with two left the count ends here (RCTab `shouldContinueTabulating`:
            // it shows the repeated round only when it eliminates someone).
            if options.continue_until_two && continuing.len() > 2 {
                continue;
            }
            break;
        }
        let (out, rule) = c.choose_eliminated(r, &continuing, options)?;
        round.rule = Some(rule);
        round.eliminated = c.eliminate(&out)?;
        rounds.push(round);
    }
    Ok(IrvReport {
        batch_elimination: options.batch_elimination,
        continue_until_two: options.continue_until_two,
        valid,
        undervotes: c.flat.abstentions,
        rounds,
        winner: winner.map(Opt::index),
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
    fn in_count(&self) -> Vec<Opt> {
        self.status
            .iter()
            .filter(|(_, s)| s.in_count())
            .map(|(o, _)| o)
            .collect()
    }

    fn snapshot(&self) -> Vec<Option<u128>> {
        self.status
            .iter()
            .map(|(o, s)| s.in_count().then_some(self.tallies[o]))
            .collect()
    }

    fn exhausted_total(&self) -> u128 {
        self.exhausted
            .iter()
            .fold(0_u128, |sum, w| sum.saturating_add(*w))
    }

    /// Whether `o` stands for RCTab's undeclared write-ins.
    fn is_write_ins(&self, o: Opt) -> bool {
        self.write_ins == Some(o)
    }

    /// §2 step 4: one option or none left, a tally at the threshold, or two tied finalists.
    /// RCTab: no winner while undeclared write-ins hold votes; they never win; the two
    /// finalists are only tied when both reach the minimum vote threshold.
    fn winner_check(
        &mut self,
        round: u32,
        continuing: &[Opt],
        threshold: u128,
    ) -> Result<Option<(Opt, bool)>, TallyError> {
        if self
            .write_ins
            .is_some_and(|w| self.tallies[w] > 0 && continuing.contains(&w))
        {
            return Ok(None);
        }
        if let [only] = continuing {
            return Ok(Some((*only, false)));
        }
        let reached = continuing
            .iter()
            .find(|&&o| self.tallies[o] >= threshold && !self.is_write_ins(o));
        if let Some(&w) = reached {
            return Ok(Some((w, false)));
        }
        if continuing.len() == 2 && continuing.iter().all(|&o| self.tallies[o] >= self.minimum) {
            let tied: Vec<OptionIndex> = continuing.iter().map(|o| o.index()).collect();
            let w = self.ties.choose(
                TieKind::ChooseFirst,
                TieDecision::Winner,
                round,
                &tied,
                &self.history,
            )?;
            return Ok(Some((self.flat.options.check(w)?, true)));
        }
        Ok(None)
    }

    /// §2 step 7: marks the options eliminated and moves their ballots on; a ballot with no
    /// continuing option left is exhausted in the category its ranking ends with.
    fn eliminate(&mut self, out: &[Opt]) -> Result<Vec<Elimination>, TallyError> {
        // §1.2 compares the totals at the end of each round: this round's, before transfers.
        self.history.push(self.tallies.to_vec());
        let mut sorted = out.to_vec();
        sorted.sort_by_key(|&o| (self.tallies[o], o));
        for &o in &sorted {
            self.status[o] = OptionStatus::Eliminated;
        }
        let mut moves: BTreeMap<Opt, BTreeMap<Recipient, u128>> = BTreeMap::new();
        for (g, pos) in self.flat.groups.iter().zip(self.position.iter_mut()) {
            let prefs = self.flat.prefs(g);
            let Some(&from) = prefs.get(*pos) else {
                continue;
            };
            if self.status[from] != OptionStatus::Eliminated {
                continue;
            }
            let mut next = *pos + 1;
            while let Some(&o) = prefs.get(next) {
                if self.status[o].in_count() {
                    break;
                }
                next += 1;
            }
            *pos = next;
            let to = match prefs.get(next) {
                Some(&o) => {
                    self.tallies[o] = self.tallies[o]
                        .checked_add(g.weight())
                        .ok_or(TallyError::Overflow)?;
                    Recipient::Option(o.index())
                }
                None => {
                    let slot = self
                        .exhausted
                        .get_mut(g.exhaustion.code())
                        .ok_or(TallyError::Overflow)?;
                    *slot = slot.checked_add(g.weight()).ok_or(TallyError::Overflow)?;
                    Recipient::Exhausted
                }
            };
            let entry = moves.entry(from).or_default().entry(to).or_insert(0);
            *entry = entry.checked_add(g.weight()).ok_or(TallyError::Overflow)?;
        }
        let result = sorted
            .iter()
            .map(|&o| Elimination {
                option: o.index(),
                tally: self.tallies[o],
                transfers: collect_transfers(moves.remove(&o).unwrap_or_default()),
            })
            .collect();
        for &o in &sorted {
            self.tallies[o] = 0;
        }
        Ok(result)
    }
}

impl Inactive {
    fn from_codes(by_code: [u128; 4]) -> Inactive {
        let [
            exhausted_choices,
            overvotes,
            skipped_rankings,
            repeated_rankings,
        ] = by_code;
        Inactive {
            exhausted_choices,
            overvotes,
            skipped_rankings,
            repeated_rankings,
        }
    }
}

#[cfg(test)]
mod tests;
