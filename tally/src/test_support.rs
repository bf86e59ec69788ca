//! Fixture builders for unit tests.

use crate::ballot::{BallotGroup, Contest, Marks, Ranking, group_ballots};

/// A ranked contest from lines like `"5 Pine>Oak"` (weight, then names separated by `>`,
/// `=` for equal ranks).
pub(crate) fn ranked(options: &[&str], seats: u32, lines: &[&str]) -> Contest {
    let names: Vec<String> = options.iter().map(|s| (*s).to_owned()).collect();
    let ballots = lines.iter().map(|line| {
        let (w, rest) = line.split_once(' ').unwrap_or((line, ""));
        let ranks = rest.split('>').filter(|r| !r.trim().is_empty()).map(|r| {
            r.split('=')
                .map(|n| {
                    names
                        .iter()
                        .position(|x| x == n.trim())
                        .expect("known option")
                })
                .collect::<Vec<_>>()
        });
        BallotGroup {
            weight: w.parse().expect("weight"),
            marks: Marks::Ranking(Ranking::from_ranks(ranks).expect("a ranking")),
        }
    });
    Contest {
        title: "test".into(),
        options: names.clone(),
        withdrawn: Vec::new(),
        seats,
        tie_order: None,
        ballots: group_ballots(ballots),
    }
}

/// A contest of arbitrary marks.
pub(crate) fn with_marks(options: &[&str], marks: Vec<(u64, Marks)>) -> Contest {
    Contest {
        title: "test".into(),
        options: options.iter().map(|s| (*s).to_owned()).collect(),
        withdrawn: Vec::new(),
        seats: 1,
        tie_order: None,
        ballots: marks
            .into_iter()
            .map(|(weight, marks)| BallotGroup { weight, marks })
            .collect(),
    }
}
