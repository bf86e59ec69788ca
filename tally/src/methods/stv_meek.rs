//! STV by Meek's method as the PRF Reference Meek Rule states it (counting-rules.md §4):
//! nine decimals, keep values rounded up, ω = 10^-6 tested with `<`, one defeat per round.
//! Ballots are held in a prefix tree of rankings (as stv-rs does), so each iteration visits
//! each distinct ranking prefix once.

use crate::{
    ballot::{Contest, OptionIndex},
    error::TallyError,
    fixed::D9,
    methods::ranked::{self, Flattened},
    stage::OptionStatus,
    tie_break::{TieBreaker, TieDecision, TieKind},
};

mod report;

pub use report::{DefeatReason, MeekAction, MeekIteration, MeekReport, MeekRound};

/// ω = 0.000001 (§4).
pub const OMEGA: D9 = D9::from_raw(1_000);

/// A node of the prefix tree: every ballot whose ranking starts with the path to it.
#[derive(Debug, Clone)]
struct Node {
    option: OptionIndex,
    /// Total multiplicity of ballots through this node.
    through: i128,
    /// Total multiplicity of ballots whose ranking ends here.
    ends: i128,
    children: Vec<usize>,
}

/// The rankings as a prefix tree; `roots` are the first preferences.
struct Tree {
    nodes: Vec<Node>,
    roots: Vec<usize>,
}

impl Tree {
    fn build(flat: &Flattened) -> Result<Tree, TallyError> {
        let mut tree = Tree {
            nodes: Vec::new(),
            roots: Vec::new(),
        };
        for g in &flat.groups {
            let weight = i128::try_from(g.weight).map_err(|_| TallyError::Overflow)?;
            let mut parent: Option<usize> = None;
            for &o in flat.prefs(g) {
                let siblings = match parent {
                    Some(p) => tree
                        .nodes
                        .get(p)
                        .map(|n| n.children.as_slice())
                        .unwrap_or(&[]),
                    None => tree.roots.as_slice(),
                };
                let found = siblings
                    .iter()
                    .copied()
                    .find(|&i| tree.nodes.get(i).is_some_and(|n| n.option == o));
                let at = match found {
                    Some(i) => i,
                    None => {
                        let i = tree.nodes.len();
                        tree.nodes.push(Node {
                            option: o,
                            through: 0,
                            ends: 0,
                            children: Vec::new(),
                        });
                        match parent.and_then(|p| tree.nodes.get_mut(p)) {
                            Some(p) => p.children.push(i),
                            None => tree.roots.push(i),
                        }
                        i
                    }
                };
                if let Some(n) = tree.nodes.get_mut(at) {
                    n.through = n.through.checked_add(weight).ok_or(TallyError::Overflow)?;
                }
                parent = Some(at);
            }
            if let Some(n) = parent.and_then(|p| tree.nodes.get_mut(p)) {
                n.ends = n.ends.checked_add(weight).ok_or(TallyError::Overflow)?;
            }
        }
        Ok(tree)
    }

    /// §4 step 3.1: distributes every ballot by the keep factors; returns votes and excess.
    fn distribute(&self, kf: &[D9], votes: &mut [D9]) -> Result<D9, TallyError> {
        votes.iter_mut().for_each(|v| *v = D9::ZERO);
        let mut excess = D9::ZERO;
        let mut stack: Vec<(usize, D9)> = self.roots.iter().map(|&r| (r, D9::ONE)).collect();
        while let Some((at, w)) = stack.pop() {
            let Some(node) = self.nodes.get(at) else {
                continue;
            };
            let k = kf.get(node.option).copied().unwrap_or(D9::ZERO);
            let mut rest = w;
            if k != D9::ZERO {
                let keep = if k == D9::ONE { w } else { w.mul_ceil(k)? };
                if let Some(v) = votes.get_mut(node.option) {
                    *v = v.checked_add(keep.mul_int(node.through)?)?;
                }
                rest = w.checked_sub(keep)?;
            }
            if !rest.is_positive() {
                // Every ballot through here stops: what is left (≤ 0) is its excess.
                excess = excess.checked_add(rest.mul_int(node.through)?)?;
                continue;
            }
            excess = excess.checked_add(rest.mul_int(node.ends)?)?;
            stack.extend(node.children.iter().map(|&c| (c, rest)));
        }
        Ok(excess)
    }
}

struct Count<'a> {
    tree: Tree,
    seats: usize,
    seats_d9: i128,
    valid: D9,
    kf: Vec<D9>,
    status: Vec<OptionStatus>,
    elected: Vec<OptionIndex>,
    /// Votes at the end of each earlier round (§1.2).
    history: Vec<Vec<D9>>,
    ties: &'a mut TieBreaker,
}

/// Counts a contest by the PRF reference Meek rule.
pub fn count(
    contest: &Contest,
    seats: u32,
    ties: &mut TieBreaker,
) -> Result<MeekReport, TallyError> {
    if seats == 0 {
        return Err(TallyError::ZeroSeats);
    }
    let flat = ranked::flatten(contest);
    let n = contest.options.len();
    let mut status = vec![OptionStatus::Continuing; n];
    let mut kf = vec![D9::ONE; n];
    for &w in &contest.withdrawn {
        if let (Some(s), Some(k)) = (status.get_mut(w), kf.get_mut(w)) {
            *s = OptionStatus::Withdrawn;
            *k = D9::ZERO;
        }
    }
    let mut c = Count {
        tree: Tree::build(&flat)?,
        seats: usize::try_from(seats).map_err(|_| TallyError::Overflow)?,
        seats_d9: i128::from(seats),
        valid: D9::from_u128(flat.valid)?,
        kf,
        status,
        elected: Vec::new(),
        history: Vec::new(),
        ties,
    };
    let mut rounds = Vec::new();
    while c.hopeful().len() > c.vacancies() && c.vacancies() > 0 {
        let number = u32::try_from(rounds.len() + 1).map_err(|_| TallyError::Overflow)?;
        rounds.push(c.round(number)?);
    }
    // §4 step 5.
    let rest = c.hopeful();
    let (finish_elected, finish_defeated) = if c.vacancies() > 0 {
        (rest, Vec::new())
    } else {
        (Vec::new(), rest)
    };
    if rounds.is_empty() {
        // No round ran: show the first distribution so every candidate's vote is reported.
        let iteration = c.iterate(1)?;
        rounds.push(MeekRound {
            round: 1,
            iterations: vec![iteration],
            action: MeekAction::Finish,
            status: c.status.clone(),
        });
    }
    for &o in &finish_elected {
        c.set_status(o, OptionStatus::Elected);
        c.elected.push(o);
    }
    for &o in &finish_defeated {
        c.set_status(o, OptionStatus::Eliminated);
    }
    if let Some(last) = rounds.last_mut() {
        last.status = c.status.clone();
    }
    Ok(MeekReport {
        seats,
        valid: flat.valid,
        undervotes: flat.undervotes,
        omega: OMEGA,
        rounds,
        elected: c.elected,
        finish_elected,
        finish_defeated,
    })
}

impl Count<'_> {
    fn hopeful(&self) -> Vec<OptionIndex> {
        (0..self.status.len())
            .filter(|&o| self.status.get(o) == Some(&OptionStatus::Continuing))
            .collect()
    }

    fn vacancies(&self) -> usize {
        self.seats.saturating_sub(self.elected.len())
    }

    fn set_status(&mut self, o: OptionIndex, s: OptionStatus) {
        if let Some(x) = self.status.get_mut(o) {
            *x = s;
        }
    }

    /// §4 steps 3.1–3.4: distribute, quota, surplus (election is the caller's).
    fn iterate(&self, iteration: u32) -> Result<MeekIteration, TallyError> {
        let mut votes = vec![D9::ZERO; self.kf.len()];
        let excess = self.tree.distribute(&self.kf, &mut votes)?;
        let mut total = D9::ZERO;
        for v in &votes {
            total = total.checked_add(*v)?;
        }
        if total.checked_add(excess)? != self.valid {
            return Err(TallyError::Invariant(format!(
                "Meek: votes {total} + excess {excess} != {}",
                self.valid
            )));
        }
        // Defeated candidates have kf = 0 and so no votes: `total` is V.
        let quota = total
            .div_int_floor(self.seats_d9 + 1)?
            .checked_add(D9::EPSILON)?;
        let mut surplus = D9::ZERO;
        for (o, v) in votes.iter().enumerate() {
            let elected = self.status.get(o) == Some(&OptionStatus::Elected);
            let reaches = self.status.get(o) == Some(&OptionStatus::Continuing) && *v >= quota;
            if elected || reaches {
                surplus = surplus.checked_add(v.checked_sub(quota)?)?;
            }
        }
        Ok(MeekIteration {
            iteration,
            keep_factors: self.kf.clone(),
            votes,
            quota,
            surplus: surplus.clamp_non_negative(),
            excess,
        })
    }

    /// One round: iterate until someone is elected or a defeat is due (§4 steps 3–4).
    fn round(&mut self, number: u32) -> Result<MeekRound, TallyError> {
        let mut iterations: Vec<MeekIteration> = Vec::new();
        let action = loop {
            let i = u32::try_from(iterations.len() + 1).map_err(|_| TallyError::Overflow)?;
            let it = self.iterate(i)?;
            let previous = iterations.last().map(|p| p.surplus);
            let reached: Vec<OptionIndex> = self
                .hopeful()
                .into_iter()
                .filter(|&o| it.votes.get(o).is_some_and(|v| *v >= it.quota))
                .collect();
            let (votes, quota, surplus) = (it.votes.clone(), it.quota, it.surplus);
            iterations.push(it);
            if !reached.is_empty() {
                let order = self.order_elected(number, reached, &votes)?;
                for &o in &order {
                    self.set_status(o, OptionStatus::Elected);
                    self.elected.push(o);
                }
                break MeekAction::Elected { options: order };
            }
            let reason = if surplus < OMEGA {
                Some(DefeatReason::SurplusBelowOmega)
            } else if previous.is_some_and(|p| surplus >= p) {
                Some(DefeatReason::Stable)
            } else {
                None
            };
            if let Some(reason) = reason {
                let option = self.defeat(number, &votes, surplus)?;
                break MeekAction::Defeated { option, reason };
            }
            self.update_keep_factors(&votes, quota)?;
        };
        if let Some(last) = iterations.last() {
            self.history.push(last.votes.clone());
        }
        Ok(MeekRound {
            round: number,
            iterations,
            action,
            status: self.status.clone(),
        })
    }

    /// §4 step 3.6: `kf = ceil9(ceil9(kf · q) / vote)` for every elected candidate.
    fn update_keep_factors(&mut self, votes: &[D9], quota: D9) -> Result<(), TallyError> {
        for o in 0..self.kf.len() {
            if self.status.get(o) != Some(&OptionStatus::Elected) {
                continue;
            }
            let vote = votes.get(o).copied().unwrap_or(D9::ZERO);
            if let Some(k) = self.kf.get_mut(o) {
                *k = k.mul_ceil(quota)?.div_ceil(vote)?;
            }
        }
        Ok(())
    }

    /// Candidates elected together, highest vote first; equal votes by a choose-first tie.
    fn order_elected(
        &mut self,
        round: u32,
        mut options: Vec<OptionIndex>,
        votes: &[D9],
    ) -> Result<Vec<OptionIndex>, TallyError> {
        let vote = |o: &OptionIndex| votes.get(*o).copied().unwrap_or(D9::ZERO);
        options.sort_by(|a, b| vote(b).cmp(&vote(a)).then(a.cmp(b)));
        let mut out = Vec::with_capacity(options.len());
        while let Some(head) = options.first() {
            let top = vote(head);
            let tied: Vec<OptionIndex> =
                options.iter().copied().filter(|o| vote(o) == top).collect();
            let pick = match tied.as_slice() {
                [one] => *one,
                _ => self.ties.choose(
                    TieKind::ChooseFirst,
                    TieDecision::ElectionOrder,
                    round,
                    &tied,
                    &self.history,
                )?,
            };
            out.push(pick);
            options.retain(|&o| o != pick);
        }
        Ok(out)
    }

    /// §4 step 4: the lowest hopeful, with every hopeful within `s` of it counted as tied.
    fn defeat(&mut self, round: u32, votes: &[D9], surplus: D9) -> Result<OptionIndex, TallyError> {
        let hopeful = self.hopeful();
        let vote = |o: &OptionIndex| votes.get(*o).copied().unwrap_or(D9::ZERO);
        let low = hopeful
            .iter()
            .map(vote)
            .min()
            .ok_or(TallyError::Invariant("nobody to defeat".into()))?;
        let limit = low.checked_add(surplus)?;
        let tied: Vec<OptionIndex> = hopeful.into_iter().filter(|o| vote(o) <= limit).collect();
        let out = match tied.as_slice() {
            [one] => *one,
            _ => self.ties.choose(
                TieKind::ChooseLast,
                TieDecision::Defeat,
                round,
                &tied,
                &self.history,
            )?,
        };
        self.set_status(out, OptionStatus::Eliminated);
        if let Some(k) = self.kf.get_mut(out) {
            *k = D9::ZERO;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
