//! BLT ballot files (decision-rules.md §10), as OpenSTV, Droop and the published Scottish
//! council data write them:
//!
//! ```text
//! 4 2            # candidates, seats
//! -4             # optional: withdrawn candidates, negated (OpenSTV)
//! [withdrawn 2]  # optional: withdrawn candidates (Droop)
//! [tie 3 1 4 2]  # optional: the order for breaking ties (Droop)
//! 3 1 3 0        # weight, candidate numbers from 1 in order of preference, 0
//! (b-17) 1 2=3 - 4 0   # optional (ballot id) before the weight; "=" equal ranks; "-" a skipped rank
//! 0              # end of ballots
//! "Ash"          # one quoted name per candidate, kept exactly as written
//! "Elm"
//! "Oak"
//! "Pine"
//! "Board 2026"   # the title
//! "Minutes p. 4" # optional: more quoted strings (Droop: the source, a comment), kept
//! anything else after the title is free text and ignored
//! ```
//!
//! `#` starts a comment outside quotes; blank lines are ignored. A skipped rank (`-`) is
//! dropped and later ranks move up. Ballots of weight 0 are dropped. Names are taken from
//! the opening to the next double quote, without escapes (as OpenSTV reads them).

mod header;
mod lines;

use super::{
    BallotFile, ParseError, Problem, WriteError,
    group::{RankError, RankingGroups},
};
use crate::ballot::{Contest, Marks};
use lines::{Lines, Token};
use std::io::{BufRead, Write};

/// Reads a BLT file, merging identical rankings as it streams.
pub fn read(input: impl BufRead) -> Result<BallotFile, ParseError> {
    let mut lines = Lines::new(input);
    let (header, mut tokens) = header::read(&mut lines)?;
    let candidates = header.candidates;
    let mut groups = RankingGroups::default();
    loop {
        if let [only] = tokens.as_slice()
            && only.text == b"0"
        {
            break;
        }
        read_ballot(&lines, &tokens, candidates, &mut groups)?;
        if !lines.next_significant()? {
            return Err(lines.error_at_end("a ballot line or 0 (the end of the ballots)"));
        }
        tokens = lines.tokens();
    }
    let (options, title, notes) = read_names_and_title(&mut lines, candidates)?;
    let contest = Contest {
        title,
        options,
        withdrawn: header.withdrawn,
        seats: header.seats,
        tie_order: header.tie_order,
        ballots: groups.into_groups(),
    };
    Ok(BallotFile {
        notes,
        ..BallotFile::from_contest(contest)
    })
}

/// Writes a ballot file as BLT: one line per ballot group, `=` for equal ranks, the withdrawn
/// candidates negated (as OpenSTV writes them), `[tie …]` when the contest has a tie order,
/// and the file's notes after the title.
pub fn write(file: &BallotFile, mut out: impl Write) -> Result<(), WriteError> {
    let contest = &file.contest;
    let strings = std::iter::once(&contest.title)
        .chain(&contest.options)
        .chain(&file.notes);
    for name in strings {
        if name.contains(['"', '\n', '\r']) {
            return Err(WriteError::Unrepresentable(format!(
                "BLT names, titles and notes cannot hold double quotes or line breaks: {name:?}"
            )));
        }
    }
    let n = contest.options.len();
    writeln!(out, "{n} {}", contest.seats)?;
    let beyond = contest
        .withdrawn
        .iter()
        .chain(contest.tie_order.iter().flatten())
        .find(|w| **w >= n);
    if let Some(beyond) = beyond {
        return Err(WriteError::Unrepresentable(format!(
            "option {beyond} is withdrawn or in the tie order but does not exist"
        )));
    }
    if !contest.withdrawn.is_empty() {
        let negated: Vec<String> = contest
            .withdrawn
            .iter()
            .map(|w| format!("-{}", w.saturating_add(1)))
            .collect();
        writeln!(out, "{}", negated.join(" "))?;
    }
    if let Some(order) = &contest.tie_order {
        let numbers: Vec<String> = order
            .iter()
            .map(|o| o.saturating_add(1).to_string())
            .collect();
        writeln!(out, "[tie {}]", numbers.join(" "))?;
    }
    for group in &contest.ballots {
        let Marks::Ranking(ranking) = &group.marks else {
            return Err(WriteError::Unrepresentable(
                "BLT holds only ranked ballots".to_owned(),
            ));
        };
        super::check_ranking(ranking, n)?;
        write!(out, "{}", group.weight)?;
        for rank in ranking.ranks() {
            let numbers: Vec<String> = rank
                .iter()
                .map(|option| option.saturating_add(1).to_string())
                .collect();
            write!(out, " {}", numbers.join("="))?;
        }
        writeln!(out, " 0")?;
    }
    writeln!(out, "0")?;
    for name in contest
        .options
        .iter()
        .chain([&contest.title])
        .chain(&file.notes)
    {
        writeln!(out, "\"{name}\"")?;
    }
    Ok(())
}

/// `[(id)] weight c1 c2=c3 - c4 0`.
fn read_ballot(
    lines: &Lines<impl BufRead>,
    tokens: &[Token],
    candidates: usize,
    groups: &mut RankingGroups,
) -> Result<(), ParseError> {
    let mut tokens = tokens.iter().peekable();
    tokens.next_if(|t| t.text.starts_with(b"("));
    // What was expected is put in words only for an error: formatting it for every ballot
    // took a quarter of the time of reading a large file.
    let weight_expected = || format!("a whole-number weight from 0 to {}", u64::MAX);
    let Some(weight) = tokens.next() else {
        return Err(lines.expected_at(lines.line.len(), weight_expected(), b""));
    };
    let weight = parse_number(&weight.text)
        .ok_or_else(|| lines.expected_at(weight.at, weight_expected(), &weight.text))?;
    groups.begin();
    let candidate_expected = || format!("a candidate number from 1 to {candidates}");
    let mut same_rank = false;
    let mut ended = false;
    for token in tokens {
        if ended {
            return Err(lines.expected_at(token.at, "the end of the line after 0", &token.text));
        }
        match token.text.as_slice() {
            b"0" if !same_rank => ended = true,
            b"-" if !same_rank => {}
            b"=" if !groups.is_empty() && !same_rank => same_rank = true,
            text => {
                let index = parse_number(text)
                    .and_then(|n| usize::try_from(n).ok())
                    .filter(|n| (1..=candidates).contains(n))
                    .map(|n| n.saturating_sub(1))
                    .ok_or_else(|| lines.expected_at(token.at, candidate_expected(), text))?;
                groups.push(index, same_rank).map_err(|error| match error {
                    RankError::Repeated => lines.error_at(
                        token.at,
                        Problem::RepeatedOption {
                            option: format!("candidate {}", index.saturating_add(1)),
                        },
                    ),
                    RankError::TooLarge => lines.error_at(token.at, Problem::TooManyOptions),
                })?;
                same_rank = false;
            }
        }
    }
    if !ended {
        let expected = format!("{}, or 0 to end the ballot", candidate_expected());
        return Err(lines.expected_at(lines.line.len(), expected, b""));
    }
    groups
        .finish(weight)
        .map_err(|_| lines.error_at(0, Problem::WeightOverflow))
}

/// One quoted name per candidate, in candidate order, then the title (an absent title is
/// read as ""), then free text: further quoted strings are kept as notes (Droop writes a
/// source and a comment there); from the first text that is not a quoted string on, the rest
/// of the file is ignored (as Droop ignores it). Several strings may share a line.
fn read_names_and_title(
    lines: &mut Lines<impl BufRead>,
    candidates: usize,
) -> Result<(Vec<String>, String, Vec<String>), ParseError> {
    let mut names: Vec<String> = Vec::new();
    let mut title: Option<String> = None;
    let mut notes: Vec<String> = Vec::new();
    let mut strings = Vec::new();
    let label = |count: usize| match count.checked_sub(candidates) {
        None => format!(
            "the name of candidate {} in double quotes",
            count.saturating_add(1)
        ),
        Some(_) => "the title in double quotes".to_owned(),
    };
    while lines.next_significant()? {
        let before = names.len().saturating_add(usize::from(title.is_some()));
        let required = candidates.saturating_add(1).saturating_sub(before);
        strings.clear();
        let expected = |k: usize| label(before.saturating_add(k));
        let complete = lines.quoted_strings(&expected, required, &mut strings)?;
        for (at, string) in strings.drain(..) {
            if title.is_some() {
                notes.push(string);
            } else if names.len() == candidates {
                title = Some(string);
            } else if names.contains(&string) {
                return Err(lines.error_at(at, Problem::DuplicateName { name: string }));
            } else {
                names.push(string);
            }
        }
        if !complete {
            break;
        }
    }
    if names.len() < candidates {
        return Err(lines.error_at_end(label(names.len())));
    }
    Ok((names, title.unwrap_or_default(), notes))
}

/// A decimal number of at most 20 digits, without sign.
fn parse_number(text: &[u8]) -> Option<u64> {
    if text.is_empty() || text.len() > 20 {
        return None;
    }
    text.iter().try_fold(0u64, |n, b| {
        let digit = b
            .is_ascii_digit()
            .then(|| u64::from(b.wrapping_sub(b'0')))?;
        n.checked_mul(10)?.checked_add(digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Ranking;

    fn parse(text: &str) -> Result<BallotFile, ParseError> {
        read(text.as_bytes())
    }

    #[test]
    fn a_plain_file_reads_into_grouped_rankings() {
        let file = parse("3 1\n2 1 2 0\n1 3 0\n1 1 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n").unwrap();
        let c = file.contest;
        assert_eq!(c.options, ["A", "B", "C"]);
        assert_eq!(c.title, "T");
        assert_eq!(c.seats, 1);
        assert_eq!(c.ballots.len(), 2);
        assert_eq!(c.ballots[0].weight, 3);
        assert_eq!(
            c.ballots[0].marks,
            Marks::Ranking(Ranking::from_ranks(vec![vec![0], vec![1]]).unwrap())
        );
    }

    #[test]
    fn ids_equal_ranks_skips_comments_and_withdrawals_are_understood() {
        let text = "# a comment\n\n3 2  # header\n-2\n(id 1) 1 1=3 - 2 0\n1 2 0 # c\n0\n\"A\" \"B\"\n\"C # not a comment\"\n\"T\"\n\n";
        let c = parse(text).unwrap().contest;
        assert_eq!(c.withdrawn, [1]);
        assert_eq!(c.options[2], "C # not a comment");
        assert_eq!(
            c.ballots[0].marks,
            Marks::Ranking(Ranking::from_ranks(vec![vec![0, 2], vec![1]]).unwrap())
        );
    }

    #[test]
    fn a_missing_title_is_an_empty_title() {
        let c = parse("1 1\n1 1 0\n0\n\"A\"\n").unwrap().contest;
        assert_eq!(c.title, "");
    }

    #[test]
    fn numbers_beyond_u64_are_not_numbers() {
        assert_eq!(parse_number(b"18446744073709551615"), Some(u64::MAX));
        assert_eq!(parse_number(b"18446744073709551616"), None);
        assert_eq!(parse_number(b"1x"), None);
        assert_eq!(parse_number(b""), None);
    }
}
