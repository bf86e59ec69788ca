//! The whole story of a count (counting-rules.md §8): configuration, quorum, every stage,
//! every tie, the outcome. Rendered as plain text ([`Report::to_text`]), JSON
//! ([`Report::to_json`]) and, for ranked counts, the RCTab summary ([`Report::to_rctab`]).

mod rctab;
mod text;

pub use rctab::RctabMeta;

use crate::{
    ballot::OptionIndex,
    config::{Method, TiePolicy},
    error::TallyError,
    methods::{
        consent::ConsentReport, irv::IrvReport, majority::MajorityReport,
        quadratic::QuadraticReport, schulze::SchulzeReport, stv_meek::MeekReport,
        stv_scottish::ScottishReport, totals::TotalsReport,
    },
    quorum::QuorumReport,
    tie_break::{Lot, TieRecord},
};
use serde::Serialize;

/// The count of a round, with everything needed to check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The contest title.
    pub title: String,
    /// Option names in ballot order.
    pub options: Vec<String>,
    /// Options withdrawn before the count.
    pub withdrawn: Vec<OptionIndex>,
    /// The method and its parameters.
    pub method: Method,
    /// The tie policy.
    pub tie_policy: TiePolicy,
    /// The file's tie order (BLT `[tie …]`), used by the `order` rule instead of the ballot
    /// order; `None` when the file has none.
    pub tie_order: Option<Vec<OptionIndex>>,
    /// Participation against the quorum.
    pub quorum: QuorumReport,
    /// The lot (seed, order, keys) when the policy uses one and a seed was given.
    pub lot: Option<Lot>,
    /// Every tie broken, in the order they were broken.
    pub ties: Vec<TieRecord>,
    /// The method's own story.
    pub details: Details,
    /// The outcome: no quorum, adopted or not, or who is elected.
    pub outcome: Outcome,
}

/// The method-specific part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "method")]
pub enum Details {
    /// Consent positions, objections and concerns.
    Consent(ConsentReport),
    /// Yes / no / abstain and the threshold verdict.
    Majority(MajorityReport),
    /// Approval totals and the k winners.
    Approval(TotalsReport),
    /// Score totals.
    Score(TotalsReport),
    /// Dot-vote points per option.
    Dot(TotalsReport),
    /// Borda points.
    Borda(TotalsReport),
    /// Quadratic sums and credits.
    Quadratic(QuadraticReport),
    /// IRV rounds.
    Irv(IrvReport),
    /// Scottish STV stages.
    StvScottish(ScottishReport),
    /// Meek STV rounds and iterations.
    StvMeek(MeekReport),
    /// Schulze matrices and tiers.
    Schulze(SchulzeReport),
}

/// What the round decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Outcome {
    /// Quorum was not met: the count is shown, nothing is adopted or elected.
    NoQuorum,
    /// The proposal is adopted (consent, majority).
    Adopted,
    /// The proposal is not adopted (consent, majority).
    NotAdopted,
    /// These options are elected / win, in order.
    Elected {
        /// The winners.
        winners: Vec<OptionIndex>,
    },
}

impl Details {
    /// The outcome the count alone gives (before the quorum is considered).
    pub fn outcome(&self) -> Outcome {
        let adopted = |yes: bool| {
            if yes {
                Outcome::Adopted
            } else {
                Outcome::NotAdopted
            }
        };
        match self {
            Details::Consent(c) => adopted(c.within_limit),
            Details::Majority(m) => adopted(m.passes),
            _ => Outcome::Elected {
                winners: self.winners(),
            },
        }
    }

    /// The options the count elects, in order (empty for consent and majority).
    pub fn winners(&self) -> Vec<OptionIndex> {
        match self {
            Details::Consent(_) | Details::Majority(_) => Vec::new(),
            Details::Approval(t) | Details::Score(t) | Details::Dot(t) | Details::Borda(t) => {
                t.winners.clone()
            }
            Details::Quadratic(q) => q.result.winners.clone(),
            Details::Irv(r) => r.winner.into_iter().collect(),
            Details::StvScottish(r) => r.elected.clone(),
            Details::StvMeek(r) => r.elected.clone(),
            Details::Schulze(r) => r.winner.into_iter().collect(),
        }
    }
}

impl Report {
    /// The report as pretty JSON (fixed-point values as decimal strings).
    pub fn to_json(&self) -> Result<String, TallyError> {
        serde_json::to_string_pretty(self).map_err(|e| TallyError::Invariant(e.to_string()))
    }

    /// An option's name.
    pub fn name(&self, o: OptionIndex) -> &str {
        self.options.get(o).map_or("?", String::as_str)
    }
}
