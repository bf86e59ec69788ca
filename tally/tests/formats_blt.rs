//! BLT as OpenSTV and Droop write it (docs/formats.md, "BLT"): each extension read, written
//! back and read again, and the `[tie …]` order deciding a tie under `--tie-break order`.

use tally::{
    CountConfig,
    ballot::{Marks, Ranking},
    config::{Method, Quorum, TiePolicy},
    count,
    formats::{self, BallotFile, Format, ReadOptions},
    report::Details,
};

fn read(text: &str) -> BallotFile {
    formats::read(Format::Blt, text.as_bytes(), &ReadOptions::default())
        .unwrap_or_else(|error| panic!("{error}\n{text}"))
}

fn written(file: &BallotFile) -> String {
    let mut out = Vec::new();
    if let Err(error) = formats::write_blt(file, &mut out) {
        panic!("{error}");
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A file with every extension: Droop's bracketed options (one spread over two lines),
/// OpenSTV's negative withdrawal, ballot ids, equal ranks, a skipped rank, and a source
/// and a comment after the title.
const DROOP: &str = "\
# Droop and OpenSTV extensions
4 2
[tie 3 1
     4 2]      # the tie order may span lines
-4
[withdrawn 2]
(b-1) 1 1 2=3 0
(b 2) 2 3 - 1 0
1 4 1 0
0
\"Ash\"
\"  Elm  Tree \"
\"Oak\"
\"Pine\"
\"Board 2026\"
\"Minutes of the annual meeting, p. 4\"
\"recounted by hand\"
";

#[test]
fn droop_options_ids_equal_ranks_and_notes_are_read() {
    let file = read(DROOP);
    let c = &file.contest;
    assert_eq!(c.options, ["Ash", "  Elm  Tree ", "Oak", "Pine"]);
    assert_eq!(c.title, "Board 2026");
    assert_eq!(c.seats, 2);
    assert_eq!(c.withdrawn, [3, 1]);
    assert_eq!(c.tie_order, Some(vec![2, 0, 3, 1]));
    assert_eq!(
        file.notes,
        ["Minutes of the annual meeting, p. 4", "recounted by hand"]
    );
    let ballots: Vec<(u64, Marks)> = c
        .ballots
        .iter()
        .map(|g| (g.weight, g.marks.clone()))
        .collect();
    assert_eq!(
        ballots,
        [
            (
                1,
                Marks::Ranking(Ranking::from_ranks(vec![vec![0], vec![1, 2]]).unwrap())
            ),
            (
                2,
                Marks::Ranking(Ranking::from_ranks(vec![vec![2], vec![0]]).unwrap())
            ),
            (
                1,
                Marks::Ranking(Ranking::from_ranks(vec![vec![3], vec![0]]).unwrap())
            ),
        ]
    );
}

#[test]
fn droop_extensions_are_written_back_and_read_the_same() {
    let file = read(DROOP);
    let text = written(&file);
    assert_eq!(
        text,
        "4 2\n-4 -2\n[tie 3 1 4 2]\n1 1 2=3 0\n2 3 1 0\n1 4 1 0\n0\n\"Ash\"\n\"  Elm  Tree \"\n\
         \"Oak\"\n\"Pine\"\n\"Board 2026\"\n\"Minutes of the annual meeting, p. 4\"\n\
         \"recounted by hand\"\n"
    );
    assert_eq!(read(&text), file);
}

#[test]
fn text_after_the_title_that_is_not_a_quoted_string_ends_the_file() {
    let file = read(
        "2 1\n1 1 0\n0\n\"A\" \"B\"\n\"T\" \"source\"\nprinted 2026-05-01 \"x\"\n1 2 0\n\"y\"\n",
    );
    assert_eq!(file.contest.title, "T");
    assert_eq!(file.notes, ["source"]);
    let file = read("2 1\n0\n\"A\" \"B\" \"T\" free text\n\"unclosed\n");
    assert_eq!(file.contest.title, "T");
    assert!(file.notes.is_empty());
}

#[test]
fn names_and_notes_with_quotes_or_line_breaks_cannot_be_written() {
    let mut file = read("1 1\n0\n\"A\"\n\"T\"\n");
    file.notes.push("say \"hi\"".to_owned());
    assert!(formats::write_blt(&file, Vec::new()).is_err());
}

fn irv(text: &str, tie_policy: TiePolicy) -> tally::Report {
    let file = read(text);
    let config = CountConfig {
        method: Method::Irv {
            batch_elimination: false,
            continue_until_two: false,
        },
        tie_policy,
        seed: None,
        quorum: Quorum::None,
        electorate: None,
        rctab: Default::default(),
    };
    count(&file.contest, &config).unwrap_or_else(|error| panic!("{error}"))
}

/// A, B, C with 2, 1, 1: B and C tie for the last place in round 1.
const TIED: &str = "3 1\n2 1 0\n1 2 1 0\n1 3 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";

fn eliminated_first(report: &tally::Report) -> usize {
    let Details::Irv(r) = &report.details else {
        panic!("an IRV report")
    };
    r.rounds[0].eliminated[0].option
}

#[test]
fn the_tie_order_replaces_the_ballot_order_for_the_order_rule() {
    // Ballot order: a choose-last tie between B and C eliminates C, the later one.
    assert_eq!(eliminated_first(&irv(TIED, TiePolicy::Order)), 2);
    // [tie 3 2 1] puts B last: B is eliminated, and the report says which order decided.
    let with_order = TIED.replacen("3 1\n", "3 1\n[tie 3 2 1]\n", 1);
    let report = irv(&with_order, TiePolicy::Order);
    assert_eq!(eliminated_first(&report), 1);
    assert_eq!(report.tie_order, Some(vec![2, 1, 0]));
    assert!(
        report
            .to_text()
            .contains("Tie order (from the file): C, B, A"),
        "{}",
        report.to_text()
    );
}
