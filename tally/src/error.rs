//! Why a count could not be produced. Invalid ballots are refused at casting time
//! (counting-rules.md §0.2); if one still reaches the counter, the count stops with an error
//! rather than guessing.

use crate::validate::BallotProblem;

/// Errors of the counting engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    /// A ballot group breaks a rule of the method; the count refuses to guess.
    #[error("ballot group {group} is invalid: {problem}")]
    InvalidBallot {
        /// Index of the ballot group in the contest.
        group: usize,
        /// The first rule it breaks.
        problem: BallotProblem,
    },
    /// The tie policy needs a lot draw but no seed was given (counting-rules.md §1.4).
    #[error("a tie must be broken by lot but no seed was given")]
    SeedRequired,
    /// An STV count or approval count was asked to fill no seat.
    #[error("the number of seats must be at least 1")]
    ZeroSeats,
    /// A fraction (threshold or quorum) has a zero denominator.
    #[error("a fraction has a zero denominator")]
    ZeroDenominator,
    /// The quorum or threshold base needs the electorate size, which was not given.
    #[error("the electorate size is needed (quorum or threshold base) but was not given")]
    ElectorateRequired,
    /// A number grew beyond what the engine's integers can hold.
    #[error("arithmetic overflow")]
    Overflow,
    /// A division by zero (a rule asked to divide by an empty total).
    #[error("division by zero")]
    DivisionByZero,
    /// The contest has no options.
    #[error("the contest has no options")]
    NoOptions,
    /// The option identifiers for the lot do not match the contest's options.
    #[error("expected {expected} option identifiers for the lot, got {got}")]
    LotIdsMismatch {
        /// Options in the contest.
        expected: usize,
        /// Identifiers given.
        got: usize,
    },
    /// Too many options for a method whose work grows with the square of the options.
    #[error("{options} options are too many for this method (at most {max})")]
    TooManyOptions {
        /// Options in the contest.
        options: usize,
        /// The most the method accepts.
        max: usize,
    },
    /// Every continuing option is below RCTab's minimum vote threshold: nothing is left to
    /// count (RCTab 2.0 stops the same way).
    #[error("every continuing option has fewer votes than the minimum vote threshold of {minimum}")]
    AllBelowMinimum {
        /// The threshold.
        minimum: u128,
    },
    /// The contest's tie order does not list every option exactly once.
    #[error("the tie order must list every option exactly once")]
    InvalidTieOrder,
    /// The RCTab summary exists only for ranked counts (IRV and STV).
    #[error("the RCTab summary is only produced for IRV and STV counts")]
    NotRanked,
    /// An internal invariant failed (a bug): e.g. weight was not conserved at a stage.
    #[error("internal invariant failed: {0}")]
    Invariant(String),
}
