//! The entry point: validate, check quorum, run the method, decide the outcome.

use crate::{
    ballot::Contest,
    config::{Method, Quorum, RctabRules, TiePolicy},
    error::TallyError,
    methods, quorum,
    report::{Details, Outcome, Report},
    tie_break::TieBreaker,
    validate,
};
use serde::{Deserialize, Serialize};

/// How to count: the method and everything around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountConfig {
    /// The counting method and its parameters.
    pub method: Method,
    /// How ties are broken.
    pub tie_policy: TiePolicy,
    /// The 32-byte lot seed (counting-rules.md §1.4), needed only if a tie goes to the lot.
    pub seed: Option<[u8; 32]>,
    /// The quorum.
    pub quorum: Quorum,
    /// The electorate size (fractional quorum, electorate threshold base).
    pub electorate: Option<u64>,
    /// RCTab's extra IRV rules, from an RCTab contest configuration (none by default).
    #[serde(default)]
    pub rctab: RctabRules,
}

/// Counts a contest; the lot (if any) hashes the option names as written in the contest.
pub fn count(contest: &Contest, config: &CountConfig) -> Result<Report, TallyError> {
    count_with_lot_ids(contest, config, &contest.options)
}

/// Counts a contest; the lot hashes `lot_ids` (one per option, in ballot order: in a
/// decision round, each option's UUID in lowercase hyphenated text, §1.4 step 2).
pub fn count_with_lot_ids(
    contest: &Contest,
    config: &CountConfig,
    lot_ids: &[String],
) -> Result<Report, TallyError> {
    if contest.options.is_empty() {
        return Err(TallyError::NoOptions);
    }
    if lot_ids.len() != contest.options.len() {
        return Err(TallyError::LotIdsMismatch {
            expected: contest.options.len(),
            got: lot_ids.len(),
        });
    }
    for (group, ballot) in contest.ballots.iter().enumerate() {
        if let Some(problem) =
            validate::problems(&config.method, contest.options.len(), &ballot.marks)
                .into_iter()
                .next()
        {
            return Err(TallyError::InvalidBallot { group, problem });
        }
    }
    // Staged methods keep every option's total at every stage, and Schulze two n×n matrices:
    // cap the options so a hostile file cannot ask for quadratic memory.
    let staged = matches!(
        config.method,
        Method::Irv { .. } | Method::StvScottish { .. } | Method::StvMeek { .. } | Method::Schulze
    );
    let max = methods::schulze::MAX_OPTIONS;
    if staged && contest.options.len() > max {
        return Err(TallyError::TooManyOptions {
            options: contest.options.len(),
            max,
        });
    }
    let quorum = quorum::check(&config.quorum, contest.total_weight(), config.electorate)?;
    let mut ties = TieBreaker::new(config.tie_policy, config.seed.as_ref(), lot_ids);
    if let Some(order) = &contest.tie_order {
        let mut sorted = order.clone();
        sorted.sort_unstable();
        if !sorted.iter().copied().eq(0..contest.options.len()) {
            return Err(TallyError::InvalidTieOrder);
        }
        ties = ties.with_order(order);
    }
    let details = run(contest, config, &mut ties)?;
    let outcome = if !quorum.met {
        Outcome::NoQuorum
    } else {
        details.outcome()
    };
    Ok(Report {
        title: contest.title.clone(),
        options: contest.options.clone(),
        withdrawn: contest.withdrawn.clone(),
        method: config.method.clone(),
        tie_policy: config.tie_policy,
        tie_order: contest.tie_order.clone(),
        quorum,
        lot: ties.lot().cloned(),
        ties: ties.take_records(),
        details,
        outcome,
    })
}

fn run(
    contest: &Contest,
    config: &CountConfig,
    ties: &mut TieBreaker,
) -> Result<Details, TallyError> {
    Ok(match &config.method {
        Method::Consent { max_objections } => {
            Details::Consent(methods::consent::count(contest, *max_objections)?)
        }
        Method::Majority { threshold } => Details::Majority(methods::majority::count(
            contest,
            threshold,
            config.electorate,
        )?),
        Method::Approval { winners } => {
            Details::Approval(methods::approval::count(contest, *winners, ties)?)
        }
        Method::Score => Details::Score(methods::score::count(contest, ties)?),
        Method::Dot { .. } => Details::Dot(methods::dot::count(contest, ties)?),
        Method::Borda => Details::Borda(methods::borda::count(contest, ties)?),
        Method::Irv {
            batch_elimination,
            continue_until_two,
        } => Details::Irv(methods::irv::count(
            contest,
            methods::irv::IrvOptions {
                batch_elimination: *batch_elimination,
                continue_until_two: *continue_until_two,
                rctab: &config.rctab,
            },
            ties,
        )?),
        Method::StvScottish { seats } => {
            Details::StvScottish(methods::stv_scottish::count(contest, *seats, ties)?)
        }
        Method::StvMeek { seats } => {
            Details::StvMeek(methods::stv_meek::count(contest, *seats, ties)?)
        }
        Method::Schulze => Details::Schulze(methods::schulze::count(contest, ties)?),
        Method::Quadratic { credits, .. } => {
            Details::Quadratic(methods::quadratic::count(contest, *credits, ties)?)
        }
    })
}
