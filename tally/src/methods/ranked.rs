//! Ranked ballots as staged methods read them (counting-rules.md §0): one flat preference
//! list per ballot group, withdrawn options skipped, empty rankings counted as undervotes.

use crate::{
    ballot::{Contest, Marks, OptionIndex},
    report::{Recipient, Transfer},
};
use std::collections::BTreeMap;

/// One ballot group's ranking, most preferred first, with its multiplicity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RankedGroup {
    /// Multiplicity `m`.
    pub weight: u128,
    /// The ranked options (no withdrawn ones), one per rank.
    pub prefs: Vec<OptionIndex>,
}

/// The valid ranked groups (at least one preference) and the undervotes (abstentions).
pub(crate) struct Flattened {
    /// Groups with at least one preference.
    pub groups: Vec<RankedGroup>,
    /// Total multiplicity of groups with at least one preference (`N`).
    pub valid: u128,
    /// Total multiplicity of empty rankings.
    pub undervotes: u128,
}

/// Flattens the contest's rankings. Validation (no equal ranks for these methods) happened
/// before; an equal-rank set is read in the order given, so nothing here can panic.
pub(crate) fn flatten(contest: &Contest) -> Flattened {
    let mut groups = Vec::with_capacity(contest.ballots.len());
    let mut valid = 0_u128;
    let mut undervotes = 0_u128;
    for group in &contest.ballots {
        let weight = u128::from(group.weight);
        let prefs: Vec<OptionIndex> = match &group.marks {
            Marks::Ranking(ranks) => ranks
                .iter()
                .flatten()
                .copied()
                .filter(|o| !contest.withdrawn.contains(o) && *o < contest.options.len())
                .collect(),
            _ => Vec::new(),
        };
        if prefs.is_empty() {
            undervotes = undervotes.saturating_add(weight);
        } else {
            valid = valid.saturating_add(weight);
            groups.push(RankedGroup { weight, prefs });
        }
    }
    Flattened { groups, valid, undervotes }
}

/// Sums amounts by recipient and lists them in ballot order, `exhausted` last.
pub(crate) fn collect_transfers<V: Copy>(map: BTreeMap<Recipient, V>) -> Vec<Transfer<V>> {
    map.into_iter().map(|(to, amount)| Transfer { to, amount }).collect()
}
