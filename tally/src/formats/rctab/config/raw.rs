//! RCTab's configuration as its JSON says it (`RawContestConfig`), and the checks that turn it
//! into a [`ContestConfig`] Quorate can count, or refuse it naming the setting.

use super::{Candidate, ContestConfig, CvrSource, Provider, UNDECLARED_WRITE_INS, refuse};
use crate::{
    config::{Method, RctabRules, TiePolicy},
    formats::{
        ParseError,
        cvr::{CvrRules, OvervoteRule},
    },
    report::RctabMeta,
};
use serde::{Deserialize, Deserializer};

/// A setting RCTab writes as a string, a number or a boolean; `""` and null are unset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Setting(Option<String>);

impl<'de> Deserialize<'de> for Setting {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Setting(
            match Option::<serde_json::Value>::deserialize(deserializer)? {
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
                Some(serde_json::Value::String(s)) => Some(s.trim().to_owned()),
                Some(other) => Some(other.to_string()),
            },
        ))
    }
}

impl Setting {
    fn text(&self) -> Option<&str> {
        self.0.as_deref()
    }

    fn is_true(&self) -> bool {
        self.text() == Some("true")
    }

    /// A whole number from `min`, or `word` (as `None`), or the default when unset.
    fn number_or(
        &self,
        name: &str,
        word: Option<&str>,
        min: u64,
        unset: Option<u64>,
    ) -> Result<Option<u64>, ParseError> {
        match self.text() {
            None => Ok(unset),
            Some(text) if Some(text) == word => Ok(None),
            Some(text) => text
                .parse::<u64>()
                .ok()
                .filter(|n| *n >= min)
                .map(Some)
                .ok_or_else(|| {
                    let or_word = word.map(|w| format!(" or \"{w}\"")).unwrap_or_default();
                    refuse(format!(
                        "expected {name} to be a whole number from {min}{or_word}, found {text:?}"
                    ))
                }),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct Raw {
    output_settings: RawOutput,
    cvr_file_sources: Vec<RawSource>,
    candidates: Vec<RawCandidate>,
    rules: RawRules,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawOutput {
    contest_name: Setting,
    // Written as given, "" included (RCTab copies them into the summary).
    contest_date: Option<String>,
    contest_jurisdiction: Option<String>,
    contest_office: Option<String>,
    tabulate_by_precinct: Setting,
    tabulate_by_batch: Setting,
    generate_cdf_json: Setting,
    output_directory: Setting,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawSource {
    file_path: Setting,
    provider: Setting,
    contest_id: Setting,
    first_vote_column_index: Setting,
    first_vote_row_index: Setting,
    id_column_index: Setting,
    batch_column_index: Setting,
    precinct_column_index: Setting,
    overvote_delimiter: Setting,
    overvote_label: Setting,
    skipped_rank_label: Setting,
    undervote_label: Setting,
    undeclared_write_in_label: Setting,
    treat_blank_as_undeclared_write_in: Setting,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawCandidate {
    name: Setting,
    aliases: Vec<String>,
    excluded: Setting,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct RawRules {
    tiebreak_mode: Setting,
    overvote_rule: Setting,
    winner_election_mode: Setting,
    number_of_winners: Setting,
    minimum_vote_threshold: Setting,
    max_skipped_ranks_allowed: Setting,
    max_rankings_allowed: Setting,
    non_integer_winning_threshold: Setting,
    does_first_round_determine_threshold: Setting,
    hare_quota: Setting,
    batch_elimination: Setting,
    cutoff_elimination: Setting,
    continue_until_two_candidates_remain: Setting,
    stop_tabulation_early_after_round: Setting,
    exhaust_on_duplicate_candidate: Setting,
    // Older configurations kept these here; RCTab moves them to every source.
    overvote_label: Setting,
    undervote_label: Setting,
    undeclared_write_in_label: Setting,
    treat_blank_as_undeclared_write_in: Setting,
}

impl Raw {
    pub(super) fn check(self) -> Result<ContestConfig, ParseError> {
        let contest =
            self.output_settings.contest_name.0.clone().ok_or_else(|| {
                refuse("expected outputSettings.contestName, found none".to_owned())
            })?;
        let meta = RctabMeta {
            contest,
            date: self.output_settings.contest_date.clone(),
            generated_by: String::new(),
            jurisdiction: self.output_settings.contest_jurisdiction.clone(),
            office: self.output_settings.contest_office.clone(),
            excluded_are_candidates: true,
        };
        let mut ignored = Vec::new();
        let output = &self.output_settings;
        for (name, setting) in [
            (
                "outputSettings.tabulateByPrecinct",
                &output.tabulate_by_precinct,
            ),
            ("outputSettings.tabulateByBatch", &output.tabulate_by_batch),
            ("outputSettings.generateCdfJson", &output.generate_cdf_json),
        ] {
            if setting.is_true() {
                ignored.push(name.to_owned());
            }
        }
        if output.output_directory.text().is_some() {
            ignored.push("outputSettings.outputDirectory".to_owned());
        }
        let candidates = self.candidates()?;
        let (sources, more_ignored) = self.sources()?;
        ignored.extend(more_ignored);
        let undeclared_write_ins = sources
            .iter()
            .any(|s| s.undeclared_write_in_label.is_some());
        let rules = &self.rules;
        let (method, tie_policy, cvr_rules, minimum) = rules.check()?;
        Ok(ContestConfig {
            meta,
            sources,
            candidates,
            cvr_rules,
            method,
            tie_policy,
            tiebreak_mode: rules.tiebreak_mode.0.clone().unwrap_or_default(),
            rules: RctabRules {
                minimum_vote_threshold: minimum,
                undeclared_write_in: None,
            },
            undeclared_write_ins,
            ignored,
        })
    }

    fn candidates(&self) -> Result<Vec<Candidate>, ParseError> {
        let mut out: Vec<Candidate> = Vec::with_capacity(self.candidates.len());
        for (i, raw) in self.candidates.iter().enumerate() {
            let name = raw.name.0.clone().ok_or_else(|| {
                refuse(format!(
                    "expected a name for candidate {}, found none",
                    i.saturating_add(1)
                ))
            })?;
            let taken = |n: &str| {
                n == UNDECLARED_WRITE_INS
                    || out
                        .iter()
                        .any(|c: &Candidate| c.name == n || c.aliases.iter().any(|a| a == n))
            };
            if let Some(repeated) = std::iter::once(&name)
                .chain(&raw.aliases)
                .find(|n| taken(n.as_str()))
            {
                return Err(refuse(format!(
                    "the candidate name or alias {repeated:?} is used twice"
                )));
            }
            out.push(Candidate {
                name,
                aliases: raw.aliases.clone(),
                excluded: raw.excluded.is_true(),
            });
        }
        if out.iter().all(|c| c.excluded) {
            return Err(refuse(
                "expected at least one candidate that is not excluded".to_owned(),
            ));
        }
        Ok(out)
    }

    fn sources(&self) -> Result<(Vec<CvrSource>, Vec<String>), ParseError> {
        if self.cvr_file_sources.is_empty() {
            return Err(refuse(
                "expected at least one entry in cvrFileSources".to_owned(),
            ));
        }
        let mut ignored = Vec::new();
        let mut out = Vec::with_capacity(self.cvr_file_sources.len());
        for (i, raw) in self.cvr_file_sources.iter().enumerate() {
            let at = format!("cvrFileSources[{i}]");
            let provider = match raw.provider.text() {
                Some("genericCsv") => Provider::GenericCsv,
                Some("cdf") => Provider::Cdf,
                other => {
                    return Err(refuse(format!(
                        "{at}.provider {:?}: Quorate reads the genericCsv and cdf providers",
                        other.unwrap_or("")
                    )));
                }
            };
            let file_path = raw
                .file_path
                .0
                .clone()
                .ok_or_else(|| refuse(format!("expected {at}.filePath, found none")))?;
            if let Some(delimiter) = raw.overvote_delimiter.text() {
                return Err(refuse(format!(
                    "{at}.overvoteDelimiter {delimiter:?}: a delimiter splits candidate names in \
                     a cell (ES&S files); {} files have ranks in their cells",
                    raw.provider.text().unwrap_or("")
                )));
            }
            let blank_as_write_in = raw.treat_blank_as_undeclared_write_in.is_true()
                || self.rules.treat_blank_as_undeclared_write_in.is_true();
            if blank_as_write_in {
                return Err(refuse(format!(
                    "{at}.treatBlankAsUndeclaredWriteIn: applies to ES&S files, not to {}",
                    raw.provider.text().unwrap_or("")
                )));
            }
            for (name, setting) in [
                ("precinctColumnIndex", &raw.precinct_column_index),
                ("batchColumnIndex", &raw.batch_column_index),
            ] {
                if setting.text().is_some() {
                    ignored.push(format!("{at}.{name}"));
                }
            }
            let index = |name: &str, setting: &Setting, unset: u64| {
                setting
                    .number_or(&format!("{at}.{name}"), None, 1, Some(unset))
                    .map(|n| n.unwrap_or(unset))
            };
            let label = |own: &Setting, old: &Setting| own.0.clone().or_else(|| old.0.clone());
            out.push(CvrSource {
                file_path,
                provider,
                contest_id: raw.contest_id.0.clone(),
                first_vote_column: usize::try_from(index(
                    "firstVoteColumnIndex",
                    &raw.first_vote_column_index,
                    1,
                )?)
                .unwrap_or(usize::MAX),
                first_vote_row: index("firstVoteRowIndex", &raw.first_vote_row_index, 2)?,
                id_column: raw
                    .id_column_index
                    .number_or(&format!("{at}.idColumnIndex"), None, 1, None)?
                    .and_then(|n| usize::try_from(n).ok()),
                overvote_label: label(&raw.overvote_label, &self.rules.overvote_label),
                skipped_rank_label: label(&raw.skipped_rank_label, &raw.undervote_label)
                    .or_else(|| self.rules.undervote_label.0.clone()),
                undeclared_write_in_label: label(
                    &raw.undeclared_write_in_label,
                    &self.rules.undeclared_write_in_label,
                ),
            });
        }
        Ok((out, ignored))
    }
}

impl RawRules {
    fn check(&self) -> Result<(Method, TiePolicy, CvrRules, u64), ParseError> {
        match self.winner_election_mode.text() {
            Some("singleWinnerMajority") => {}
            other => {
                return Err(refuse(format!(
                    "winnerElectionMode {:?}: Quorate counts RCTab's singleWinnerMajority (count \
                     several seats with --method stv-scottish or stv-meek)",
                    other.unwrap_or("")
                )));
            }
        }
        match self.number_of_winners.text() {
            None | Some("1") => {}
            Some(other) => {
                return Err(refuse(format!(
                    "numberOfWinners {other:?}: singleWinnerMajority elects 1"
                )));
            }
        }
        for (name, setting) in [
            (
                "nonIntegerWinningThreshold",
                &self.non_integer_winning_threshold,
            ),
            ("hareQuota", &self.hare_quota),
            (
                "doesFirstRoundDetermineThreshold",
                &self.does_first_round_determine_threshold,
            ),
            ("cutoffElimination", &self.cutoff_elimination),
        ] {
            if setting.is_true() {
                return Err(refuse(format!(
                    "{name} true: Quorate does not implement it"
                )));
            }
        }
        if let Some(round) = self.stop_tabulation_early_after_round.text() {
            return Err(refuse(format!(
                "stopTabulationEarlyAfterRound {round:?}: Quorate always counts to the end"
            )));
        }
        let tie_policy = match self.tiebreak_mode.text() {
            Some("useCandidateOrder") => TiePolicy::Order,
            // Earlier rounds first; a tie they leave is refused when it happens (it would need
            // Java's Random or the operator).
            Some("previousRoundCountsThenRandom" | "previousRoundCountsThenAsk") => {
                TiePolicy::PreviousRoundsThenLot
            }
            Some("random" | "generatePermutation" | "stopCountingAndAsk") => TiePolicy::Lot,
            other => {
                return Err(refuse(format!(
                    "tiebreakMode {:?}: expected useCandidateOrder, previousRoundCountsThenRandom, \
                     previousRoundCountsThenAsk, random, generatePermutation or stopCountingAndAsk",
                    other.unwrap_or("")
                )));
            }
        };
        let overvote = match self.overvote_rule.text() {
            Some("exhaustImmediately") => OvervoteRule::ExhaustImmediately,
            Some("alwaysSkipToNextRank") => OvervoteRule::AlwaysSkipToNextRank,
            other => {
                return Err(refuse(format!(
                    "overvoteRule {:?}: Quorate implements exhaustImmediately and \
                     alwaysSkipToNextRank",
                    other.unwrap_or("")
                )));
            }
        };
        let cvr_rules = CvrRules {
            overvote,
            max_skipped_ranks: self.max_skipped_ranks_allowed.number_or(
                "maxSkippedRanksAllowed",
                Some("unlimited"),
                0,
                None,
            )?,
            max_rankings: self.max_rankings_allowed.number_or(
                "maxRankingsAllowed",
                Some("max"),
                1,
                None,
            )?,
            exhaust_on_duplicate: self.exhaust_on_duplicate_candidate.is_true(),
        };
        let minimum = self
            .minimum_vote_threshold
            .number_or("minimumVoteThreshold", None, 0, Some(0))?
            .unwrap_or(0);
        let method = Method::Irv {
            batch_elimination: self.batch_elimination.is_true(),
            continue_until_two: self.continue_until_two_candidates_remain.is_true(),
        };
        Ok((method, tie_policy, cvr_rules, minimum))
    }
}
