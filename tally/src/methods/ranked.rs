//! Ranked ballots as staged methods read them (counting-rules.md §0): one flat preference
//! list per ballot group, withdrawn options skipped, empty rankings counted as undervotes.

use crate::{
    ballot::{Contest, Marks, OptionIndex},
    stage::{Recipient, Transfer},
};
use std::collections::BTreeMap;

/// One ballot group's ranking (a range of [`Flattened::prefs`]) with its multiplicity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RankedGroup {
    /// Multiplicity `m`.
    pub weight: u128,
    /// Start of its preferences in the shared buffer.
    start: usize,
    /// End (exclusive) of its preferences in the shared buffer.
    end: usize,
}

/// The valid ranked groups (at least one preference) and the undervotes (abstentions).
pub(crate) struct Flattened {
    /// Groups with at least one preference.
    pub groups: Vec<RankedGroup>,
    /// Every group's preferences, one after another (one allocation: fast on big counts).
    pub prefs: Vec<OptionIndex>,
    /// Total multiplicity of groups with at least one preference (`N`).
    pub valid: u128,
    /// Total multiplicity of empty rankings.
    pub undervotes: u128,
}

/// Flattens the contest's rankings. Validation (no equal ranks for these methods) happened
/// before; an equal-rank set is read in the order given, so nothing here can panic.
pub(crate) fn flatten(contest: &Contest) -> Flattened {
    let mut groups = Vec::with_capacity(contest.ballots.len());
    let mut prefs = Vec::with_capacity(contest.ballots.len().saturating_mul(4));
    let mut valid = 0_u128;
    let mut undervotes = 0_u128;
    let n = contest.options.len();
    let keep = |o: &OptionIndex| *o < n && !contest.withdrawn.contains(o);
    for group in &contest.ballots {
        let weight = u128::from(group.weight);
        let start = prefs.len();
        if let Marks::Ranking(ranks) = &group.marks {
            prefs.extend(ranks.iter().flatten().copied().filter(keep));
        }
        let end = prefs.len();
        if start == end {
            undervotes = undervotes.saturating_add(weight);
        } else {
            valid = valid.saturating_add(weight);
            groups.push(RankedGroup { weight, start, end });
        }
    }
    Flattened {
        groups,
        prefs,
        valid,
        undervotes,
    }
}

impl Flattened {
    /// A group's preferences, most preferred first.
    pub fn prefs(&self, group: &RankedGroup) -> &[OptionIndex] {
        self.prefs.get(group.start..group.end).unwrap_or(&[])
    }
}

/// Sums amounts by recipient and lists them in ballot order, `exhausted` last.
pub(crate) fn collect_transfers<V: Copy>(map: BTreeMap<Recipient, V>) -> Vec<Transfer<V>> {
    map.into_iter()
        .map(|(to, amount)| Transfer { to, amount })
        .collect()
}
