//! Cast vote records as RCTab reads them (`Tabulator.computeTalliesForRound`): a record lists
//! `(rank, option)` marks that may overvote a rank, skip ranks or repeat an option. The rules
//! below turn one record into a [`crate::ballot::Ranking`] that counts exactly as RCTab counts
//! it: the options it can still give its vote to, in order, and why it stops after the last
//! of them ([`Exhaustion`]), so that the count reports it in the round it takes effect and in
//! RCTab's category (`overvotes`, `skippedRankings`, `repeatedRankings`). Used by the CDF and
//! RCTab CSV readers.

use super::group::{RankError, RankingGroups};
use crate::ballot::{Exhaustion, OptionIndex};

/// RCTab's `overvoteRule`, for the two rules that do not depend on the count's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OvervoteRule {
    /// `exhaustImmediately`: the ballot stops at the overvoted rank (counted as an overvote).
    #[default]
    ExhaustImmediately,
    /// `alwaysSkipToNextRank`: the overvoted rank is passed over; an overvote at the last
    /// rank leaves the ballot exhausted as any ranking that runs out.
    AlwaysSkipToNextRank,
}

/// How irregular cast vote records count (RCTab's voter-error rules). The default is what
/// Quorate's CDF reader has always done: exhaust at an overvote, allow any skipped ranks,
/// keep a repeated option at its highest rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CvrRules {
    /// `overvoteRule`.
    pub overvote: OvervoteRule,
    /// `maxSkippedRanksAllowed`: `None` for `unlimited`. With `Some(k)`, a record whose next
    /// mark comes more than `k + 1` ranks after the previous one (or after rank 0) stops there.
    pub max_skipped_ranks: Option<u64>,
    /// `maxRankingsAllowed`: `None` for `max`. A record with a mark at a higher rank is an
    /// error (RCTab refuses the file too).
    pub max_rankings: Option<u64>,
    /// `exhaustOnDuplicateCandidate`: a record stops where it ranks an option again.
    pub exhaust_on_duplicate: bool,
}

/// One mark of a cast vote record: an option, or an explicit overvote (RCTab's
/// `overvoteLabel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Mark {
    /// An option of the contest.
    Option(OptionIndex),
    /// The record says "overvote" at this rank.
    Overvote,
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CvrProblem {
    /// A rank below 1.
    RankBelowOne(i64),
    /// A rank above `maxRankingsAllowed`.
    RankAboveMax {
        /// The rank found.
        rank: i64,
        /// The limit.
        max: u64,
    },
    /// An explicit overvote together with options at one rank (RCTab refuses it).
    OvervoteWithOptions(i64),
    /// More options than a file may have.
    TooManyOptions,
    /// Identical records whose weights overflow.
    WeightOverflow,
}

impl std::fmt::Display for CvrProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CvrProblem::RankBelowOne(rank) => write!(f, "expected ranks from 1, found rank {rank}"),
            CvrProblem::RankAboveMax { rank, max } => write!(
                f,
                "expected ranks up to {max} (maxRankingsAllowed), found rank {rank}"
            ),
            CvrProblem::OvervoteWithOptions(rank) => write!(
                f,
                "expected the overvote label alone at rank {rank}, found it with options"
            ),
            CvrProblem::TooManyOptions => write!(f, "{}", super::Problem::TooManyOptions),
            CvrProblem::WeightOverflow => write!(f, "{}", super::Problem::WeightOverflow),
        }
    }
}

/// Adds one record of weight 1 and returns its group's place (see
/// `RankingGroups::add_weight`): `marks` are `(rank, mark)` in any order (they are sorted
/// here; marks at one rank keep the order given). `seen` is scratch space, reused between
/// records so that reading a record allocates nothing.
pub(crate) fn add_record(
    groups: &mut RankingGroups,
    marks: &mut [(i64, Mark)],
    rules: &CvrRules,
    seen: &mut Vec<OptionIndex>,
) -> Result<usize, CvrProblem> {
    marks.sort_by_key(|(rank, _)| *rank);
    if let Some(&(rank, _)) = marks.first()
        && rank < 1
    {
        return Err(CvrProblem::RankBelowOne(rank));
    }
    if let (Some(&(rank, _)), Some(max)) = (marks.last(), rules.max_rankings)
        && u64::try_from(rank).is_ok_and(|r| r > max)
    {
        return Err(CvrProblem::RankAboveMax { rank, max });
    }
    groups.begin();
    seen.clear();
    let end = walk(groups, marks, rules, seen)?;
    match groups.finish_ending(1, end) {
        Ok(Some(place)) => Ok(place),
        Ok(None) | Err(_) => Err(CvrProblem::WeightOverflow),
    }
}

/// RCTab's walk down one record (most preferred first), done once: pushes the options the
/// ballot can count for and returns why it stops after them.
fn walk(
    groups: &mut RankingGroups,
    marks: &[(i64, Mark)],
    rules: &CvrRules,
    seen: &mut Vec<OptionIndex>,
) -> Result<Exhaustion, CvrProblem> {
    let mut last_rank = 0_i64;
    let mut rest = marks;
    while let Some(&(rank, first)) = rest.first() {
        let len = rest.iter().take_while(|(r, _)| *r == rank).count();
        let (here, later) = rest.split_at(len.min(rest.len()));
        rest = later;
        // Skipped ranks: `rank - lastRankSeen > maxSkippedRanksAllowed + 1`.
        if let Some(max) = rules.max_skipped_ranks {
            let gap = u64::try_from(rank.saturating_sub(last_rank)).unwrap_or(0);
            if gap > max.saturating_add(1) {
                return Ok(Exhaustion::SkippedRank);
            }
        }
        last_rank = rank;
        // The usual case: one mark at this rank.
        if let [(_, Mark::Option(option))] = here {
            if rules.exhaust_on_duplicate {
                if seen.contains(option) {
                    return Ok(Exhaustion::RepeatedRank);
                }
                seen.push(*option);
            }
            push(groups, *option)?;
            continue;
        }
        let label = here.iter().any(|(_, m)| *m == Mark::Overvote);
        let options = || {
            here.iter().enumerate().filter_map(|(i, (_, m))| match m {
                // The same option twice at one rank is one mark.
                Mark::Option(o) if !here.iter().take(i).any(|(_, x)| x == m) => Some(*o),
                _ => None,
            })
        };
        let distinct = options().count();
        if label && distinct > 0 {
            return Err(CvrProblem::OvervoteWithOptions(rank));
        }
        if rules.exhaust_on_duplicate {
            if options().any(|o| seen.contains(&o)) {
                return Ok(Exhaustion::RepeatedRank);
            }
            seen.extend(options());
        }
        if label || distinct > 1 {
            match rules.overvote {
                OvervoteRule::ExhaustImmediately => return Ok(Exhaustion::Overvote),
                OvervoteRule::AlwaysSkipToNextRank => continue,
            }
        }
        if let Mark::Option(option) = first {
            push(groups, option)?;
        }
    }
    Ok(Exhaustion::NoContinuingOption)
}

fn push(groups: &mut RankingGroups, option: OptionIndex) -> Result<(), CvrProblem> {
    match groups.push(option, false) {
        // Ranked again lower down: it can never count there (RCTab skips it).
        Ok(()) | Err(RankError::Repeated) => Ok(()),
        Err(RankError::TooLarge) => Err(CvrProblem::TooManyOptions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::{Marks, Ranking};

    fn record(marks: &[(i64, Mark)], rules: CvrRules) -> Result<Ranking, CvrProblem> {
        let mut groups = RankingGroups::default();
        let mut marks = marks.to_vec();
        add_record(&mut groups, &mut marks, &rules, &mut Vec::new())?;
        match groups.into_groups().pop().map(|g| g.marks) {
            Some(Marks::Ranking(r)) => Ok(r),
            other => panic!("{other:?}"),
        }
    }

    const A: Mark = Mark::Option(0);
    const B: Mark = Mark::Option(1);
    const C: Mark = Mark::Option(2);

    fn strict(options: &[usize], end: Exhaustion) -> Ranking {
        Ranking::strict(options).unwrap().ending(end)
    }

    #[test]
    fn an_overvote_exhausts_or_is_skipped_by_the_rule() {
        let marks = [(1, A), (2, B), (2, C), (3, C)];
        let exhaust = CvrRules::default();
        assert_eq!(
            record(&marks, exhaust),
            Ok(strict(&[0], Exhaustion::Overvote))
        );
        let skip = CvrRules {
            overvote: OvervoteRule::AlwaysSkipToNextRank,
            ..exhaust
        };
        assert_eq!(
            record(&marks, skip),
            Ok(strict(&[0, 2], Exhaustion::NoContinuingOption))
        );
        // An overvote at the first rank is inactive from the start, not an undervote.
        let first = record(&[(1, A), (1, B)], exhaust).unwrap();
        assert!(first.is_empty() && !first.is_abstention());
        assert_eq!(
            record(&[(1, Mark::Overvote), (2, B)], exhaust),
            Ok(strict(&[], Exhaustion::Overvote))
        );
    }

    #[test]
    fn skipped_ranks_beyond_the_limit_stop_the_ballot() {
        let marks = [(1, A), (3, B), (6, C)];
        let one = CvrRules {
            max_skipped_ranks: Some(1),
            ..CvrRules::default()
        };
        assert_eq!(
            record(&marks, one),
            Ok(strict(&[0, 1], Exhaustion::SkippedRank))
        );
        let two = CvrRules {
            max_skipped_ranks: Some(2),
            ..one
        };
        assert_eq!(
            record(&marks, two),
            Ok(strict(&[0, 1, 2], Exhaustion::NoContinuingOption))
        );
        // Rank 3 first: ranks 1 and 2 are skipped.
        assert_eq!(
            record(&[(3, A)], one),
            Ok(strict(&[], Exhaustion::SkippedRank))
        );
        assert_eq!(
            record(&marks, CvrRules::default()),
            Ok(strict(&[0, 1, 2], Exhaustion::NoContinuingOption))
        );
    }

    #[test]
    fn a_repeated_option_is_passed_over_or_exhausts() {
        let marks = [(1, A), (2, B), (3, A), (4, C)];
        assert_eq!(
            record(&marks, CvrRules::default()),
            Ok(strict(&[0, 1, 2], Exhaustion::NoContinuingOption))
        );
        let exhaust = CvrRules {
            exhaust_on_duplicate: true,
            ..CvrRules::default()
        };
        assert_eq!(
            record(&marks, exhaust),
            Ok(strict(&[0, 1], Exhaustion::RepeatedRank))
        );
    }

    #[test]
    fn ranks_must_be_from_one_to_the_maximum() {
        assert_eq!(
            record(&[(0, A)], CvrRules::default()),
            Err(CvrProblem::RankBelowOne(0))
        );
        let three = CvrRules {
            max_rankings: Some(3),
            ..CvrRules::default()
        };
        assert_eq!(
            record(&[(1, A), (4, B)], three),
            Err(CvrProblem::RankAboveMax { rank: 4, max: 3 })
        );
        assert_eq!(
            record(&[(2, Mark::Overvote), (2, A)], CvrRules::default()),
            Err(CvrProblem::OvervoteWithOptions(2))
        );
    }
}
