//! Ranked ballots as staged methods read them (counting-rules.md §0): one flat preference
//! list per ballot group, withdrawn options skipped, every option checked against the count's
//! options, abstentions counted apart.

use crate::{
    ballot::{Contest, Exhaustion, Marks},
    error::TallyError,
    per_option::{Opt, Options, PerOption},
    stage::{Recipient, Transfer},
};
use std::collections::BTreeMap;

/// One ballot group's ranking (a range of [`Flattened::prefs`]) with its multiplicity.
///
/// 24 bytes: a count of 761,276 distinct rankings holds one per ranking while it runs (a
/// `u128` weight and `usize` bounds made it 48, 18 MB more at the peak of the count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RankedGroup {
    /// Multiplicity `m` (a ballot group's weight is a `u64`).
    weight: u64,
    /// Start of its preferences in the shared buffer.
    start: u32,
    /// End (exclusive) of its preferences in the shared buffer.
    end: u32,
    /// Why the ballot stops after its last preference (RCTab's inactive category).
    pub exhaustion: Exhaustion,
}

impl RankedGroup {
    /// Multiplicity `m`.
    pub fn weight(&self) -> u128 {
        u128::from(self.weight)
    }
}

/// The valid ranked groups (at least one preference left) and the rest.
pub(crate) struct Flattened {
    /// The count's options.
    pub options: Options,
    /// Which options are withdrawn.
    pub withdrawn: PerOption<bool>,
    /// Groups with at least one preference for an option that is not withdrawn.
    pub groups: Vec<RankedGroup>,
    /// Every group's preferences, one after another (one allocation: fast on big counts).
    pub prefs: Vec<Opt>,
    /// Total multiplicity of groups with at least one preference (`N`).
    pub valid: u128,
    /// Total multiplicity of empty rankings that say nothing else (abstentions, §0.2).
    pub abstentions: u128,
    /// Groups that marked something but have no preference left (only withdrawn options, or
    /// a cast vote record that is inactive from its first rank): total multiplicity by
    /// [`Exhaustion::code`].
    pub inactive_at_start: [u128; 4],
}

/// Flattens the contest's rankings. Validation (no equal ranks for these methods) happened
/// before; an equal-rank set is read in the order given, so nothing here can panic. An option
/// that is not one of the contest's is an invariant error.
pub(crate) fn flatten(contest: &Contest) -> Result<Flattened, TallyError> {
    let options = Options::new(contest.options.len())?;
    let mut withdrawn = options.filled(false);
    for &w in &contest.withdrawn {
        withdrawn[options.check(w)?] = true;
    }
    // Sized exactly, once: growing the buffer by doubling held the old and the new one at
    // once and left up to half of it unused, at the peak memory of a large count.
    let mut groups = Vec::with_capacity(contest.ballots.len());
    let total = contest
        .ballots
        .iter()
        .fold(0_usize, |sum, group| match &group.marks {
            Marks::Ranking(ranking) => sum.saturating_add(ranking.option_count()),
            _ => sum,
        });
    // Bounds are `u32`s: more preferences than that would not fit in memory anyway.
    let bound = |at: usize| u32::try_from(at).map_err(|_| TallyError::Overflow);
    bound(total)?;
    let mut prefs = Vec::with_capacity(total);
    let mut valid = 0_u128;
    let mut abstentions = 0_u128;
    let mut inactive_at_start = [0_u128; 4];
    for group in &contest.ballots {
        let Marks::Ranking(ranking) = &group.marks else {
            return Err(TallyError::Invariant(
                "a ranked count met a ballot that is not a ranking".to_owned(),
            ));
        };
        let start = prefs.len();
        for option in ranking.options() {
            let o = options.check(option)?;
            if !withdrawn[o] {
                prefs.push(o);
            }
        }
        let end = prefs.len();
        let exhaustion = ranking.exhaustion();
        let weight = u128::from(group.weight);
        if start < end {
            valid = valid.checked_add(weight).ok_or(TallyError::Overflow)?;
            groups.push(RankedGroup {
                weight: group.weight,
                start: bound(start)?,
                end: bound(end)?,
                exhaustion,
            });
        } else if ranking.is_abstention() {
            abstentions = abstentions
                .checked_add(weight)
                .ok_or(TallyError::Overflow)?;
        } else if let Some(slot) = inactive_at_start.get_mut(exhaustion.code()) {
            *slot = slot.checked_add(weight).ok_or(TallyError::Overflow)?;
        }
    }
    Ok(Flattened {
        options,
        withdrawn,
        groups,
        prefs,
        valid,
        abstentions,
        inactive_at_start,
    })
}

impl Flattened {
    /// A group's preferences, most preferred first.
    pub fn prefs(&self, group: &RankedGroup) -> &[Opt] {
        let (Ok(start), Ok(end)) = (usize::try_from(group.start), usize::try_from(group.end))
        else {
            return &[];
        };
        self.prefs.get(start..end).unwrap_or(&[])
    }

    /// Groups with no preference left, abstentions included: what STV reports as
    /// undervotes (papers that are not valid, §0.2).
    pub fn without_preference(&self) -> u128 {
        self.inactive_at_start
            .iter()
            .fold(self.abstentions, |sum, w| sum.saturating_add(*w))
    }
}

/// Sums amounts by recipient and lists them in ballot order, `exhausted` last.
pub(crate) fn collect_transfers<V: Copy>(map: BTreeMap<Recipient, V>) -> Vec<Transfer<V>> {
    map.into_iter()
        .map(|(to, amount)| Transfer { to, amount })
        .collect()
}
