//! Breaking ties (counting-rules.md §1): `previous-rounds` narrowing (§1.2), ballot `order`
//! (§1.3) and the public SHA-256 `lot` (§1.4). Every tie broken is recorded with each step
//! tried, so the report can show it and anyone can check it.

use crate::{ballot::OptionIndex, config::TiePolicy, error::TallyError};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::fmt::Display;

/// Which end of the tied set is wanted (§1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieKind {
    /// Who is elected, whose surplus moves first, who ranks higher.
    ChooseFirst,
    /// Who is eliminated, excluded or defeated, who ranks lower.
    ChooseLast,
}

/// What the tie decided, for the report (and as an i18n key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TieDecision {
    /// Which option is elected (IRV two finalists) or wins.
    Winner,
    /// The order in which options elected at one stage are listed.
    ElectionOrder,
    /// Whose surplus is transferred first (Scottish STV).
    SurplusOrder,
    /// Which option is eliminated (IRV).
    Elimination,
    /// Which candidate is excluded (Scottish STV).
    Exclusion,
    /// Which candidate is defeated (Meek STV).
    Defeat,
    /// Which of the options tied at the boundary take the last places (approval, k winners).
    LastPlaces,
}

/// The rule that finally decided a tie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieRule {
    /// An earlier stage separated the tied options (§1.2).
    PreviousRounds,
    /// Ballot order (§1.3).
    Order,
    /// The public lot (§1.4).
    Lot,
}

/// One step of the previous-rounds rule: the totals at an earlier stage and who was kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieStep {
    /// The earlier stage looked at.
    pub stage: u32,
    /// Each still-tied option's total at that stage, as printed in the report.
    pub totals: Vec<(OptionIndex, String)>,
    /// The options kept (lowest or highest total at that stage).
    pub kept: Vec<OptionIndex>,
}

/// A tie the count had to break (§1.1: stage, tied set, decision, steps, pick).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieRecord {
    /// The stage (round) at which the tie occurred; 1 for single-stage methods.
    pub stage: u32,
    /// What was being decided.
    pub decision: TieDecision,
    /// Choose-first or choose-last.
    pub kind: TieKind,
    /// The tied options, in ballot order.
    pub tied: Vec<OptionIndex>,
    /// Each previous-rounds step tried (empty when the policy has none).
    pub steps: Vec<TieStep>,
    /// The rule that decided.
    pub rule: TieRule,
    /// The option picked (the first of `order` when several are ordered at once).
    pub picked: OptionIndex,
    /// When several tied options were ordered at once (approval boundary, Schulze tier):
    /// the whole order; otherwise empty.
    pub order: Vec<OptionIndex>,
}

/// One option's place in the lot order, with its key (§1.4 step 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LotEntry {
    /// The option.
    pub option: OptionIndex,
    /// The identifier hashed (option name in a file, UUID in a decision round).
    pub id: String,
    /// `SHA-256(seed ‖ id)`, 64 lowercase hex digits.
    pub key: String,
}

/// The published lot: the seed and every option in lot order with its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lot {
    /// The seed, 64 lowercase hex digits.
    pub seed: String,
    /// All options of the round sorted by key ascending.
    pub order: Vec<LotEntry>,
    /// `position[o]`: the place of option `o` in the lot order.
    #[serde(skip)]
    position: Vec<usize>,
}

/// Lowercase hex of some bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Seed from a command-line argument (§1.4 step 1): 64 hex digits are those bytes; any other
/// string is hashed with SHA-256.
pub fn seed_from_arg(s: &str) -> [u8; 32] {
    decode_hex32(s).unwrap_or_else(|| Sha256::digest(s.as_bytes()).into())
}

fn decode_hex32(s: &str) -> Option<[u8; 32]> {
    let bytes = s.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let mut out = [0_u8; 32];
    for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let text = std::str::from_utf8(pair).ok()?;
        *slot = u8::from_str_radix(text, 16).ok()?;
    }
    Some(out)
}

impl Lot {
    /// Draws the lot order of all options from the seed and the options' identifiers.
    pub fn draw(seed: &[u8; 32], ids: &[String]) -> Lot {
        let mut keyed: Vec<(OptionIndex, [u8; 32], &String)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let mut h = Sha256::new();
                h.update(seed);
                h.update(id.as_bytes());
                (i, h.finalize().into(), id)
            })
            .collect();
        // §1.4 step 3: keys ascending, then ids bytewise.
        keyed.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| a.2.as_bytes().cmp(b.2.as_bytes()))
        });
        let mut position = vec![0; ids.len()];
        for (place, (option, _, _)) in keyed.iter().enumerate() {
            if let Some(slot) = position.get_mut(*option) {
                *slot = place;
            }
        }
        Lot {
            seed: hex(seed),
            order: keyed
                .into_iter()
                .map(|(option, key, id)| LotEntry {
                    option,
                    id: id.clone(),
                    key: hex(&key),
                })
                .collect(),
            position,
        }
    }

    fn place(&self, option: OptionIndex) -> usize {
        self.position.get(option).copied().unwrap_or(usize::MAX)
    }
}

/// Breaks ties by the round's policy and keeps the record of each.
#[derive(Debug, Clone)]
pub struct TieBreaker {
    policy: TiePolicy,
    lot: Option<Lot>,
    /// `place[o]`: option `o`'s place in the file's tie order (BLT `[tie …]`), which then
    /// replaces the ballot order for the `order` rule.
    place: Option<Vec<usize>>,
    records: Vec<TieRecord>,
}

impl TieBreaker {
    /// A tie breaker for a count; the lot is drawn only when the policy uses it and a seed
    /// was given (a lot tie without seed is then [`TallyError::SeedRequired`]).
    pub fn new(policy: TiePolicy, seed: Option<&[u8; 32]>, ids: &[String]) -> TieBreaker {
        let uses_lot = matches!(policy, TiePolicy::Lot | TiePolicy::PreviousRoundsThenLot);
        let lot = match seed {
            Some(seed) if uses_lot => Some(Lot::draw(seed, ids)),
            _ => None,
        };
        TieBreaker {
            policy,
            lot,
            place: None,
            records: Vec::new(),
        }
    }

    /// Uses `order` (every option once, first first) instead of the ballot order wherever the
    /// `order` rule decides (§1.3).
    pub fn with_order(mut self, order: &[OptionIndex]) -> TieBreaker {
        let mut place = vec![usize::MAX; order.len()];
        for (at, &option) in order.iter().enumerate() {
            if let Some(slot) = place.get_mut(option) {
                *slot = at;
            }
        }
        self.place = Some(place);
        self
    }

    /// The published lot, if the policy uses one.
    pub fn lot(&self) -> Option<&Lot> {
        self.lot.as_ref()
    }

    /// The ties broken so far.
    pub fn records(&self) -> &[TieRecord] {
        &self.records
    }

    /// Takes the records out (at the end of a count).
    pub fn take_records(&mut self) -> Vec<TieRecord> {
        std::mem::take(&mut self.records)
    }

    fn final_rule(&self) -> TieRule {
        match self.policy {
            TiePolicy::PreviousRoundsThenOrder | TiePolicy::Order => TieRule::Order,
            TiePolicy::PreviousRoundsThenLot | TiePolicy::Lot => TieRule::Lot,
        }
    }

    /// Sorts options choose-first by the final rule (order or lot).
    fn sort_first(&self, options: &mut [OptionIndex]) -> Result<TieRule, TallyError> {
        let rule = self.final_rule();
        match rule {
            TieRule::Lot => {
                let lot = self.lot.as_ref().ok_or(TallyError::SeedRequired)?;
                options.sort_by_key(|&o| lot.place(o));
            }
            _ => match &self.place {
                Some(place) => {
                    options.sort_by_key(|&o| (place.get(o).copied().unwrap_or(usize::MAX), o));
                }
                None => options.sort_unstable(),
            },
        }
        Ok(rule)
    }

    /// Breaks a tie among `tied` at `stage` (§1.2 then §1.3/§1.4). `history[t-1]` holds every
    /// option's total at the end of earlier stage `t` (only stages before `stage`); it is used
    /// when the policy starts with previous-rounds. Returns the option picked.
    pub fn choose<V: Ord + Display>(
        &mut self,
        kind: TieKind,
        decision: TieDecision,
        stage: u32,
        tied: &[OptionIndex],
        history: &[Vec<V>],
    ) -> Result<OptionIndex, TallyError> {
        let mut set: Vec<OptionIndex> = tied.to_vec();
        set.sort_unstable();
        set.dedup();
        let tied_sorted = set.clone();
        let mut steps = Vec::new();
        let mut rule = None;
        if matches!(
            self.policy,
            TiePolicy::PreviousRoundsThenOrder | TiePolicy::PreviousRoundsThenLot
        ) {
            for (t, totals) in history.iter().enumerate().rev() {
                if set.len() < 2 {
                    break;
                }
                let value = |o: &OptionIndex| totals.get(*o);
                let best = match kind {
                    TieKind::ChooseLast => set.iter().filter_map(value).min(),
                    TieKind::ChooseFirst => set.iter().filter_map(value).max(),
                };
                let kept: Vec<OptionIndex> = set
                    .iter()
                    .copied()
                    .filter(|o| totals.get(*o) == best)
                    .collect();
                steps.push(TieStep {
                    stage: u32::try_from(t + 1).unwrap_or(u32::MAX),
                    totals: set
                        .iter()
                        .map(|&o| (o, totals.get(o).map(|v| v.to_string()).unwrap_or_default()))
                        .collect(),
                    kept: kept.clone(),
                });
                if !kept.is_empty() {
                    set = kept;
                }
            }
            if set.len() == 1 {
                rule = Some(TieRule::PreviousRounds);
            }
        }
        let (picked, rule) = match (rule, set.as_slice()) {
            (Some(r), [only]) => (*only, r),
            _ => {
                let r = self.sort_first(&mut set)?;
                let pick = match kind {
                    TieKind::ChooseFirst => set.first(),
                    TieKind::ChooseLast => set.last(),
                };
                (*pick.ok_or(TallyError::Invariant("empty tie".into()))?, r)
            }
        };
        self.records.push(TieRecord {
            stage,
            decision,
            kind,
            tied: tied_sorted,
            steps,
            rule,
            picked,
            order: Vec::new(),
        });
        Ok(picked)
    }

    /// Orders several tied options at once, first first, by order or lot only (single-stage
    /// methods and Schulze tiers, §1.4 step 4), and records the tie.
    pub fn order(
        &mut self,
        decision: TieDecision,
        stage: u32,
        tied: &[OptionIndex],
    ) -> Result<Vec<OptionIndex>, TallyError> {
        let mut set = tied.to_vec();
        set.sort_unstable();
        let tied_sorted = set.clone();
        let rule = self.sort_first(&mut set)?;
        let picked = *set
            .first()
            .ok_or(TallyError::Invariant("empty tie".into()))?;
        self.records.push(TieRecord {
            stage,
            decision,
            kind: TieKind::ChooseFirst,
            tied: tied_sorted,
            steps: Vec::new(),
            rule,
            picked,
            order: set.clone(),
        });
        Ok(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trees() -> Vec<String> {
        vec!["Oak".into(), "Pine".into(), "Elm".into()]
    }

    fn example_seed() -> [u8; 32] {
        seed_from_arg("quorate lot example")
    }

    #[test]
    fn the_lot_test_vector_of_section_1_4_holds() {
        let seed = example_seed();
        assert_eq!(
            hex(&seed),
            "5d603cbcbe8ff87ba93df31e89174bac70b559ae3a85393271a1b707d26edaf4"
        );
        let lot = Lot::draw(&seed, &trees());
        let keys: Vec<(&str, &str)> = lot
            .order
            .iter()
            .map(|e| (e.id.as_str(), e.key.as_str()))
            .collect();
        assert_eq!(
            keys,
            vec![
                (
                    "Oak",
                    "320af8aa9b63fdfa9945d40ae398b65a7f6c88351161d0ef77e081bfa4b571b4"
                ),
                (
                    "Pine",
                    "caa19722a57ea31647c27f9ba257c717a879cbc950e3d9b4d21783bd611a05f9"
                ),
                (
                    "Elm",
                    "f047e4fd8a15a964758323d998365d0dbeacd72a5a4729d0b10f356bf613fb88"
                ),
            ]
        );
    }

    #[test]
    fn a_lot_choose_last_among_three_eliminates_elm_and_choose_first_picks_pine() {
        let seed = example_seed();
        let mut tb = TieBreaker::new(TiePolicy::Lot, Some(&seed), &trees());
        let none: &[Vec<u32>] = &[];
        let out = tb.choose(
            TieKind::ChooseLast,
            TieDecision::Elimination,
            1,
            &[0, 1, 2],
            none,
        );
        assert_eq!(out, Ok(2));
        let first = tb.choose(TieKind::ChooseFirst, TieDecision::Winner, 1, &[1, 2], none);
        assert_eq!(first, Ok(1));
        assert_eq!(tb.records().len(), 2);
        assert!(tb.records().iter().all(|r| r.rule == TieRule::Lot));
    }

    #[test]
    fn a_seed_of_64_hex_digits_is_taken_as_its_bytes() {
        let text = "5d603cbcbe8ff87ba93df31e89174bac70b559ae3a85393271a1b707d26edaf4";
        assert_eq!(seed_from_arg(text), example_seed());
    }

    #[test]
    fn a_lot_tie_without_seed_is_an_error() {
        let mut tb = TieBreaker::new(TiePolicy::Lot, None, &trees());
        let none: &[Vec<u32>] = &[];
        let out = tb.choose(
            TieKind::ChooseLast,
            TieDecision::Elimination,
            1,
            &[0, 1],
            none,
        );
        assert_eq!(out, Err(TallyError::SeedRequired));
    }

    #[test]
    fn order_picks_the_earliest_to_win_and_the_latest_to_lose() {
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &trees());
        let none: &[Vec<u32>] = &[];
        assert_eq!(
            tb.choose(TieKind::ChooseFirst, TieDecision::Winner, 1, &[2, 1], none),
            Ok(1)
        );
        assert_eq!(
            tb.choose(TieKind::ChooseLast, TieDecision::Winner, 1, &[0, 1], none),
            Ok(1)
        );
    }

    #[test]
    fn previous_rounds_narrows_the_tied_set_stage_by_stage() {
        // Four options tied at stage 4. Stage 3: A, B, C lowest with 2 (D 5); stage 2: B, C
        // lowest with 1 (A 3); stage 1: B 0, C 1 -> B is eliminated.
        let history: Vec<Vec<u32>> = vec![vec![9, 0, 1, 9], vec![3, 1, 1, 9], vec![2, 2, 2, 5]];
        let mut tb = TieBreaker::new(
            TiePolicy::PreviousRoundsThenOrder,
            None,
            &["A".into(), "B".into(), "C".into(), "D".into()],
        );
        let out = tb.choose(
            TieKind::ChooseLast,
            TieDecision::Elimination,
            4,
            &[0, 1, 2, 3],
            &history,
        );
        assert_eq!(out, Ok(1));
        let record = &tb.records()[0];
        assert_eq!(record.rule, TieRule::PreviousRounds);
        let kept: Vec<Vec<OptionIndex>> = record.steps.iter().map(|s| s.kept.clone()).collect();
        assert_eq!(kept, vec![vec![0, 1, 2], vec![1, 2], vec![1]]);
        assert_eq!(
            record.steps.iter().map(|s| s.stage).collect::<Vec<_>>(),
            vec![3, 2, 1]
        );
    }

    #[test]
    fn previous_rounds_falls_back_to_order_when_no_stage_separates() {
        let history: Vec<Vec<u32>> = vec![vec![1, 1, 7]];
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &trees());
        let out = tb.choose(
            TieKind::ChooseLast,
            TieDecision::Elimination,
            2,
            &[0, 1],
            &history,
        );
        assert_eq!(out, Ok(1));
        assert_eq!(tb.records()[0].rule, TieRule::Order);
        assert_eq!(tb.records()[0].steps.len(), 1);
    }

    #[test]
    fn previous_rounds_choose_first_keeps_the_highest() {
        let history: Vec<Vec<u32>> = vec![vec![4, 6, 0]];
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenLot, None, &trees());
        let out = tb.choose(
            TieKind::ChooseFirst,
            TieDecision::SurplusOrder,
            2,
            &[0, 1],
            &history,
        );
        assert_eq!(out, Ok(1));
    }

    #[test]
    fn ordering_several_at_once_follows_the_lot() {
        let seed = example_seed();
        let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenLot, Some(&seed), &trees());
        assert_eq!(
            tb.order(TieDecision::LastPlaces, 1, &[2, 1, 0]),
            Ok(vec![0, 1, 2])
        );
        let mut tb = TieBreaker::new(TiePolicy::Order, None, &trees());
        assert_eq!(
            tb.order(TieDecision::LastPlaces, 1, &[2, 1]),
            Ok(vec![1, 2])
        );
    }
}
