//! RCTab's contest configuration (`RawContestConfig`, `config_file_documentation.txt`): the
//! cast vote record sources, the candidates and the rules, read as RCTab 2.0 writes them.
//! Every setting that changes a count is either honoured or refused by name; settings that
//! only shape RCTab's other output files are listed in [`ContestConfig::ignored`].

use super::super::{ParseError, Problem, cvr::CvrRules};
use crate::{
    config::{Method, RctabRules, TiePolicy},
    report::RctabMeta,
};
use std::io::Read;

/// The label RCTab gives the undeclared write-ins in its output.
pub const UNDECLARED_WRITE_INS: &str = "Undeclared Write-ins";

/// A cast vote record file's provider, for the two Quorate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// `genericCsv`: candidates in columns, ranks in cells.
    GenericCsv,
    /// `cdf`: NIST SP 1500-103 JSON.
    Cdf,
}

/// One entry of `cvrFileSources`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CvrSource {
    /// `filePath`, as written (relative paths are relative to the configuration's folder).
    pub file_path: String,
    /// `provider`.
    pub provider: Provider,
    /// `contestId` (CDF: the contest to read).
    pub contest_id: Option<String>,
    /// `firstVoteColumnIndex` (CSV, from 1): the first candidate column.
    pub first_vote_column: usize,
    /// `firstVoteRowIndex` (CSV, from 1): the first cast vote record's row, counted in
    /// records (a quoted cell may span lines); the header is row 1 and rows between are
    /// skipped.
    pub first_vote_row: u64,
    /// `idColumnIndex` (CSV, from 1): the record id, named in error messages.
    pub id_column: Option<usize>,
    /// `overvoteLabel`: a CSV column, or a CDF candidate, with this name marks an overvote at
    /// the ranks it holds.
    pub overvote_label: Option<String>,
    /// `skippedRankLabel`: a CSV column with this name marks skipped ranks (read and passed
    /// over).
    pub skipped_rank_label: Option<String>,
    /// `undeclaredWriteInLabel`: a CSV column with this name holds the votes for undeclared
    /// write-ins.
    pub undeclared_write_in_label: Option<String>,
}

/// One entry of `candidates`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// `name`.
    pub name: String,
    /// `aliases`: other names a cast vote record may use.
    pub aliases: Vec<String>,
    /// `excluded`: withdrawn from the count.
    pub excluded: bool,
}

/// A contest configuration that Quorate can count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContestConfig {
    /// `outputSettings`: the names RCTab writes in the summary's `config`.
    pub meta: RctabMeta,
    /// `cvrFileSources`.
    pub sources: Vec<CvrSource>,
    /// `candidates`, in order (the order `useCandidateOrder` breaks ties by).
    pub candidates: Vec<Candidate>,
    /// The voter-error rules.
    pub cvr_rules: CvrRules,
    /// IRV with `batchElimination` and `continueUntilTwoCandidatesRemain`.
    pub method: Method,
    /// How ties are broken (`tiebreakMode`).
    pub tie_policy: TiePolicy,
    /// `tiebreakMode` as written, to name it when a tie needs what Quorate cannot do.
    pub tiebreak_mode: String,
    /// `minimumVoteThreshold`.
    pub rules: RctabRules,
    /// Whether some source has undeclared write-ins (RCTab then counts them as a candidate).
    pub undeclared_write_ins: bool,
    /// Settings accepted but without effect on the summary (RCTab's other outputs), by name.
    pub ignored: Vec<String>,
}

impl ContestConfig {
    /// The option names of the count: the candidates in order, then "Undeclared Write-ins"
    /// when a source has them.
    pub fn option_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.candidates.iter().map(|c| c.name.clone()).collect();
        if self.undeclared_write_ins {
            names.push(UNDECLARED_WRITE_INS.to_owned());
        }
        names
    }

    /// The option a name or alias stands for.
    pub fn option_of(&self, name: &str) -> Option<usize> {
        self.candidates
            .iter()
            .position(|c| c.name == name || c.aliases.iter().any(|a| a == name))
            .or_else(|| {
                (self.undeclared_write_ins && name == UNDECLARED_WRITE_INS)
                    .then_some(self.candidates.len())
            })
    }
}

impl ContestConfig {
    /// A configuration for a file read without one: these candidates, IRV, ties by
    /// candidate order, `rules` for voter errors.
    pub(crate) fn from_names(names: Vec<String>, rules: CvrRules) -> ContestConfig {
        ContestConfig {
            meta: RctabMeta::default(),
            sources: Vec::new(),
            candidates: names
                .into_iter()
                .map(|name| Candidate {
                    name,
                    aliases: Vec::new(),
                    excluded: false,
                })
                .collect(),
            cvr_rules: rules,
            method: Method::Irv {
                batch_elimination: false,
                continue_until_two: false,
            },
            tie_policy: TiePolicy::Order,
            tiebreak_mode: String::new(),
            rules: RctabRules::default(),
            undeclared_write_ins: false,
            ignored: Vec::new(),
        }
    }
}

/// Reads an RCTab contest configuration and checks that Quorate counts it as RCTab would.
pub fn read(input: impl Read) -> Result<ContestConfig, ParseError> {
    let raw: raw::Raw = serde_json::from_reader(input).map_err(from_serde)?;
    raw.check()
}

mod raw;

/// A setting that Quorate cannot honour, by name.
fn refuse(message: String) -> ParseError {
    ParseError::whole(Problem::Invalid {
        message: format!("RCTab configuration: {message}"),
    })
}

fn from_serde(error: serde_json::Error) -> ParseError {
    let line = u64::try_from(error.line()).unwrap_or(u64::MAX);
    let column = u64::try_from(error.column()).unwrap_or(u64::MAX);
    let text = error.to_string();
    let message = text
        .rfind(" at line ")
        .and_then(|at| text.get(..at))
        .unwrap_or(&text)
        .to_owned();
    let problem = if error.is_io() {
        Problem::Read { message }
    } else {
        Problem::Invalid { message }
    };
    ParseError::new(line, column, problem)
}
