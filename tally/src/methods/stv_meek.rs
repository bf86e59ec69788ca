//! STV by Meek's method as the PRF Reference Meek Rule states it (counting-rules.md §4):
//! nine decimals, keep values rounded up, ω = 10^-6 tested with `<`, one defeat per round.
//! Ballots are held in a prefix tree of rankings (as stv-rs does), so each iteration visits
//! each distinct ranking prefix once.

use crate::{
    ballot::{Contest, OptionIndex},
    error::TallyError,
    fixed::D9,
    methods::ranked::{self, Flattened},
    per_option::{Opt, Options, PerOption},
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
    option: Opt,
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
            let weight = i128::try_from(g.weight()).map_err(|_| TallyError::Overflow)?;
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
    fn distribute(&self, kf: &PerOption<D9>, votes: &mut PerOption<D9>) -> Result<D9, TallyError> {
        votes.iter_mut().for_each(|(_, v)| *v = D9::ZERO);
        let mut excess = D9::ZERO;
        let mut stack: Vec<(usize, D9)> = self.roots.iter().map(|&r| (r, D9::ONE)).collect();
        while let Some((at, w)) = stack.pop() {
            let Some(node) = self.nodes.get(at) else {
                continue;
            };
            let k = kf[node.option];
            let mut rest = w;
            if k != D9::ZERO {
                let keep = if k == D9::ONE { w } else { w.mul_ceil(k)? };
                let v = &mut votes[node.option];
                *v = v.checked_add(keep.mul_int(node.through)?)?;
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
    options: Options,
    seats: usize,
    seats_d9: i128,
    valid: D9,
    kf: PerOption<D9>,
    status: PerOption<OptionStatus>,
    elected: Vec<Opt>,
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
    let flat = ranked::flatten(contest)?;
    let options = flat.options;
    let mut status = options.filled(OptionStatus::Continuing);
    let mut kf = options.filled(D9::ONE);
    for (o, withdrawn) in flat.withdrawn.iter() {
        if *withdrawn {
            status[o] = OptionStatus::Withdrawn;
            kf[o] = D9::ZERO;
        }
    }
    let mut c = Count {
        tree: Tree::build(&flat)?,
        options,
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
        let (iteration, _) = c.iterate(1)?;
        rounds.push(MeekRound {
            round: 1,
            iterations: vec![iteration],
            action: MeekAction::Finish,
            status: c.status.to_vec(),
        });
    }
    for &o in &finish_elected {
        c.status[o] = OptionStatus::Elected;
        c.elected.push(o);
    }
    for &o in &finish_defeated {
        c.status[o] = OptionStatus::Eliminated;
    }
    if let Some(last) = rounds.last_mut() {
        last.status = c.status.to_vec();
    }
    let indices = |options: &[Opt]| options.iter().map(|o| o.index()).collect::<Vec<_>>();
    Ok(MeekReport {
        seats,
        valid: flat.valid,
        undervotes: flat.without_preference(),
        omega: OMEGA,
        rounds,
        elected: indices(&c.elected),
        finish_elected: indices(&finish_elected),
        finish_defeated: indices(&finish_defeated),
    })
}

impl Count<'_> {
    fn hopeful(&self) -> Vec<Opt> {
        self.status
            .iter()
            .filter(|(_, s)| **s == OptionStatus::Continuing)
            .map(|(o, _)| o)
            .collect()
    }

    fn vacancies(&self) -> usize {
        self.seats.saturating_sub(self.elected.len())
    }

    /// §4 steps 3.1–3.4: distribute, quota, surplus (election is the caller's).
    fn iterate(&self, iteration: u32) -> Result<(MeekIteration, PerOption<D9>), TallyError> {
        let mut votes = self.options.filled(D9::ZERO);
        let excess = self.tree.distribute(&self.kf, &mut votes)?;
        let mut total = D9::ZERO;
        for (_, v) in votes.iter() {
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
        for (o, v) in votes.iter() {
            let elected = self.status[o] == OptionStatus::Elected;
            let reaches = self.status[o] == OptionStatus::Continuing && *v >= quota;
            if elected || reaches {
                surplus = surplus.checked_add(v.checked_sub(quota)?)?;
            }
        }
        let iteration = MeekIteration {
            iteration,
            keep_factors: self.kf.to_vec(),
            votes: votes.to_vec(),
            quota,
            surplus: surplus.clamp_non_negative(),
            excess,
        };
        Ok((iteration, votes))
    }

    /// One round: iterate until someone is elected or a defeat is due (§4 steps 3–4).
    fn round(&mut self, number: u32) -> Result<MeekRound, TallyError> {
        let mut iterations: Vec<MeekIteration> = Vec::new();
        let action = loop {
            let i = u32::try_from(iterations.len() + 1).map_err(|_| TallyError::Overflow)?;
            let (it, votes) = self.iterate(i)?;
            let previous = iterations.last().map(|p| p.surplus);
            let reached: Vec<Opt> = self
                .hopeful()
                .into_iter()
                .filter(|&o| votes[o] >= it.quota)
                .collect();
            let (quota, surplus) = (it.quota, it.surplus);
            iterations.push(it);
            if !reached.is_empty() {
                let order = self.order_elected(number, reached, &votes)?;
                for &o in &order {
                    self.status[o] = OptionStatus::Elected;
                    self.elected.push(o);
                }
                let options = order.iter().map(|o| o.index()).collect();
                break MeekAction::Elected { options };
            }
            let reason = if surplus < OMEGA {
                Some(DefeatReason::SurplusBelowOmega)
            } else if previous.is_some_and(|p| surplus >= p) {
                Some(DefeatReason::Stable)
            } else {
                None
            };
            if let Some(reason) = reason {
                let option = self.defeat(number, &votes, surplus)?.index();
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
            status: self.status.to_vec(),
        })
    }

    /// §4 step 3.6: `kf = ceil9(ceil9(kf · q) / vote)` for every elected candidate.
    fn update_keep_factors(&mut self, votes: &PerOption<D9>, quota: D9) -> Result<(), TallyError> {
        for o in self.options.all() {
            if self.status[o] == OptionStatus::Elected {
                self.kf[o] = self.kf[o].mul_ceil(quota)?.div_ceil(votes[o])?;
            }
        }
        Ok(())
    }

    /// Breaks a tie among `tied` by the policy, with the votes of earlier rounds.
    fn choose(
        &mut self,
        kind: TieKind,
        decision: TieDecision,
        round: u32,
        tied: &[Opt],
    ) -> Result<Opt, TallyError> {
        let indices: Vec<OptionIndex> = tied.iter().map(|o| o.index()).collect();
        let pick = self
            .ties
            .choose(kind, decision, round, &indices, &self.history)?;
        self.options.check(pick)
    }

    /// Candidates elected together, highest vote first; equal votes by a choose-first tie.
    fn order_elected(
        &mut self,
        round: u32,
        mut options: Vec<Opt>,
        votes: &PerOption<D9>,
    ) -> Result<Vec<Opt>, TallyError> {
        options.sort_by(|a, b| votes[*b].cmp(&votes[*a]).then(a.cmp(b)));
        let mut out = Vec::with_capacity(options.len());
        while let Some(&head) = options.first() {
            let top = votes[head];
            let tied: Vec<Opt> = options
                .iter()
                .copied()
                .filter(|&o| votes[o] == top)
                .collect();
            let pick = match tied.as_slice() {
                [one] => *one,
                _ => self.choose(
                    TieKind::ChooseFirst,
                    TieDecision::ElectionOrder,
                    round,
                    &tied,
                )?,
            };
            out.push(pick);
            options.retain(|&o| o != pick);
        }
        Ok(out)
    }

    /// §4 step 4: the lowest hopeful, with every hopeful within `s` of it counted as tied.
    fn defeat(
        &mut self,
        round: u32,
        votes: &PerOption<D9>,
        surplus: D9,
    ) -> Result<Opt, TallyError> {
        let hopeful = self.hopeful();
        let low = hopeful
            .iter()
            .map(|&o| votes[o])
            .min()
            .ok_or(TallyError::Invariant("nobody to defeat".into()))?;
        let limit = low.checked_add(surplus)?;
        let tied: Vec<Opt> = hopeful.into_iter().filter(|&o| votes[o] <= limit).collect();
        let out = match tied.as_slice() {
            [one] => *one,
            _ => self.choose(TieKind::ChooseLast, TieDecision::Defeat, round, &tied)?,
        };
        self.status[out] = OptionStatus::Eliminated;
        self.kf[out] = D9::ZERO;
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
