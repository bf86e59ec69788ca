//! RCTab's own contest files, natively (docs/formats.md, "RCTab"): its contest configuration
//! JSON ([`config`]), the `genericCsv` cast vote records it reads ([`csv`]) and its `cdf`
//! sources (through [`super::cdf`]). From them [`ContestConfig::contest`] builds the contest
//! and [`ContestConfig::count_config`] the count RCTab would run; the report's
//! [`crate::Report::to_rctab`] then writes RCTab's summary JSON. Reading files is the
//! caller's: this module gets bytes and readers.

pub mod config;
pub mod csv;

pub use config::{Candidate, ContestConfig, CvrSource, Provider, UNDECLARED_WRITE_INS, read};

use super::{BallotFile, ParseError, Problem, cdf::CdfOptions};
use crate::{
    ballot::{BallotGroup, Contest, Marks, Ranking, group_ballots},
    config::{Quorum, RctabRules},
    count::CountConfig,
};
use std::io::{BufReader, Read};

impl ContestConfig {
    /// The contest of these ballots (from all sources, in order): the candidates in order,
    /// excluded ones withdrawn, then "Undeclared Write-ins" when a source has them.
    pub fn contest(&self, sources: Vec<Vec<BallotGroup>>) -> Contest {
        let ballots = match <[_; 1]>::try_from(sources) {
            Ok([only]) => only,
            Err(many) => group_ballots(many.into_iter().flatten()),
        };
        Contest {
            title: self.meta.contest.clone(),
            options: self.option_names(),
            withdrawn: self
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, c)| c.excluded)
                .map(|(i, _)| i)
                .collect(),
            seats: 1,
            tie_order: None,
            ballots,
        }
    }

    /// How RCTab counts the contest: IRV with the configured switches and tie policy, and
    /// its minimum vote threshold and undeclared write-ins.
    pub fn count_config(&self) -> CountConfig {
        CountConfig {
            method: self.method.clone(),
            tie_policy: self.tie_policy,
            seed: None,
            quorum: Quorum::None,
            electorate: None,
            rctab: RctabRules {
                minimum_vote_threshold: self.rules.minimum_vote_threshold,
                undeclared_write_in: self.undeclared_write_ins.then_some(self.candidates.len()),
            },
        }
    }

    /// Reads a `genericCsv` source whole.
    pub fn read_csv(
        &self,
        source: &CvrSource,
        input: impl Read,
    ) -> Result<Vec<BallotGroup>, ParseError> {
        let input = BufReader::with_capacity(1 << 16, input);
        Ok(csv::CsvLayout::read(self, source, input)?.into_ballots())
    }

    /// Reads a `genericCsv` source held in memory, in up to `threads` parts at once (the
    /// parts are cut at row ends and merged in order, so the result is the same as
    /// [`ContestConfig::read_csv`]'s). Where threads cannot be started (wasm), the parts are
    /// read one after the other.
    pub fn read_csv_bytes(
        &self,
        source: &CvrSource,
        bytes: &[u8],
        threads: usize,
    ) -> Result<Vec<BallotGroup>, ParseError> {
        let (header, parts) = csv::split(bytes, source.first_vote_row, threads)?;
        let layout = csv::CsvLayout::new(self, source, &header)?;
        let results = super::parts::in_parallel(
            &parts,
            |part| layout.read_part(part.bytes, part.first_line),
            || {
                Err(ParseError::whole(Problem::Read {
                    message: "a reading thread failed".to_owned(),
                }))
            },
        );
        let mut results = results.into_iter();
        let mut groups = match results.next() {
            Some(first) => first?,
            None => csv::CvrGroups::default(),
        };
        for part in results {
            groups.append(part?)?;
        }
        Ok(groups.into_ballots())
    }

    /// Reads a `cdf` source (its candidates matched to the configuration's by name).
    pub fn read_cdf(
        &self,
        source: &CvrSource,
        input: impl Read,
    ) -> Result<Vec<BallotGroup>, ParseError> {
        let input = BufReader::with_capacity(1 << 16, input);
        let file = super::cdf::read_with(input, &self.cdf_options(source))?;
        self.cdf_ballots(file)
    }

    /// How to read a `cdf` source.
    pub fn cdf_options(&self, source: &CvrSource) -> CdfOptions {
        CdfOptions {
            contest: source.contest_id.clone(),
            rules: self.cvr_rules,
            overvote_label: source.overvote_label.clone(),
            undeclared_write_ins: true,
        }
    }

    /// A `cdf` source's ballots with its options matched to the configuration's candidates
    /// by name or alias (RCTab refuses a name it does not know, and so does this).
    pub fn cdf_ballots(&self, file: BallotFile) -> Result<Vec<BallotGroup>, ParseError> {
        let contest = file.contest;
        let mut map = Vec::with_capacity(contest.options.len());
        for name in &contest.options {
            let index = self.option_of(name).ok_or_else(|| {
                ParseError::whole(Problem::Invalid {
                    message: format!(
                        "the CDF file names the candidate {name:?}, which is not in the \
                         configuration's candidates"
                    ),
                })
            })?;
            map.push(index);
        }
        let invalid = |message: String| ParseError::whole(Problem::Invalid { message });
        contest
            .ballots
            .into_iter()
            .map(|group| {
                let Marks::Ranking(ranking) = &group.marks else {
                    return Err(invalid("a CDF ballot that is not a ranking".to_owned()));
                };
                let ranks = ranking.ranks().map(|rank| {
                    rank.iter()
                        .map(|o| map.get(o).copied().unwrap_or(usize::MAX))
                        .collect::<Vec<_>>()
                });
                let mapped = Ranking::from_ranks(ranks)
                    .map_err(|e| invalid(e.to_string()))?
                    .ending(ranking.exhaustion());
                Ok(BallotGroup {
                    weight: group.weight,
                    marks: Marks::Ranking(mapped),
                })
            })
            .collect()
    }
}
