//! Ballot validation placeholder.
use serde::Serialize;
/// A broken ballot rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
pub enum BallotProblem {
    /// x
    #[error("x")]
    X,
}
