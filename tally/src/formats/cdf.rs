//! NIST SP 1500-103 cast vote records (placeholder).

use super::{BallotFile, ParseError, Problem};
use std::io::Read;

/// Reads a CDF cast vote record report.
pub fn read(_input: impl Read, _contest: Option<&str>) -> Result<BallotFile, ParseError> {
    Err(ParseError::whole(Problem::Invalid {
        message: "CDF is not supported yet".to_owned(),
    }))
}
