//! Ballot file formats: write-then-read gives the same ballots (BLT, CSV, JSON), and no
//! input, however mangled, makes a reader panic.

use proptest::prelude::*;
use tally::{
    ballot::{
        BallotGroup, Choice, ConsentPosition, Contest, Exhaustion, Marks, Ranking, group_ballots,
    },
    config::{Comparison, Method, Quorum, Threshold, ThresholdBase, TiePolicy},
    formats::{self, BallotFile, Format, ReadOptions},
};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    }
}

/// Unique option names without quotes, `=`, line breaks or surrounding blanks, so that every
/// format can hold them; commas, `#` and non-ASCII letters test the quoting.
fn names(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set("[A-Za-zÄé][A-Za-z0-9 ,#'é.]{0,6}[a-z0-9]", 1..=max)
        .prop_map(|set| set.into_iter().collect::<Vec<_>>())
        .prop_shuffle()
}

/// A ranking over `n` options, with equal ranks when `equal`.
fn ranking(n: usize, equal: bool) -> impl Strategy<Value = Ranking> {
    (
        Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
        0..=n,
        prop::collection::vec(any::<bool>(), n),
    )
        .prop_map(move |(order, length, joins)| {
            let mut ranks: Vec<Vec<usize>> = Vec::new();
            for (option, join) in order.into_iter().take(length).zip(joins) {
                match ranks.last_mut() {
                    Some(rank) if equal && join => rank.push(option),
                    _ => ranks.push(vec![option]),
                }
            }
            // No rank is empty, so this never falls back to the empty ranking.
            Ranking::from_ranks(ranks).unwrap_or_default()
        })
}

fn ranked_contest(equal: bool) -> impl Strategy<Value = Contest> {
    names(7).prop_flat_map(move |options| {
        let n = options.len();
        let ballot = (1u64..5, ranking(n, equal)).prop_map(|(weight, ranking)| BallotGroup {
            weight,
            marks: Marks::Ranking(ranking),
        });
        (
            Just(options),
            "[A-Za-z0-9 #,]{0,12}",
            1..=u32::try_from(n).unwrap_or(u32::MAX),
            prop::sample::subsequence((0..n).collect::<Vec<_>>(), 0..n),
            prop::option::of(Just((0..n).collect::<Vec<_>>()).prop_shuffle()),
            prop::collection::vec(ballot, 0..20),
        )
            .prop_map(
                |(options, title, seats, withdrawn, tie_order, ballots)| Contest {
                    title,
                    options,
                    withdrawn,
                    seats,
                    tie_order,
                    ballots: group_ballots(ballots),
                },
            )
    })
}

fn marks(n: usize) -> impl Strategy<Value = Marks> {
    let all: Vec<usize> = (0..n).collect();
    prop_oneof![
        ranking(n, true).prop_map(Marks::Ranking),
        prop::sample::subsequence(all.clone(), 0..=n)
            .prop_shuffle()
            .prop_map(Marks::Approval),
        prop::sample::subsequence(all, 0..=n)
            .prop_shuffle()
            .prop_flat_map(|options| {
                let k = options.len();
                (Just(options), prop::collection::vec(any::<i64>(), k))
            })
            .prop_map(|(options, values)| Marks::Points(options.into_iter().zip(values).collect())),
        (
            prop_oneof![
                Just(ConsentPosition::Consent),
                Just(ConsentPosition::Concern),
                Just(ConsentPosition::StandAside),
                Just(ConsentPosition::Object),
            ],
            prop::option::of("[^\u{0}]{0,20}"),
        )
            .prop_map(|(position, reason)| Marks::Consent { position, reason }),
        prop_oneof![Just(Choice::Yes), Just(Choice::No), Just(Choice::Abstain)]
            .prop_map(Marks::YesNo),
    ]
}

fn methods() -> impl Strategy<Value = Method> {
    prop_oneof![
        (0u32..3).prop_map(|max_objections| Method::Consent { max_objections }),
        Just(Method::Majority {
            threshold: Threshold {
                numerator: 2,
                denominator: 3,
                comparison: Comparison::AtLeast,
                base: ThresholdBase::AllBallots,
            }
        }),
        (1u32..4).prop_map(|winners| Method::Approval { winners }),
        Just(Method::Score),
        (1u32..20).prop_map(|points| Method::Dot { points }),
        Just(Method::Borda),
        (any::<bool>(), any::<bool>()).prop_map(|(batch_elimination, continue_until_two)| {
            Method::Irv {
                batch_elimination,
                continue_until_two,
            }
        }),
        (1u32..4).prop_map(|seats| Method::StvScottish { seats }),
        (1u32..4).prop_map(|seats| Method::StvMeek { seats }),
        Just(Method::Schulze),
        (1u32..200, any::<bool>()).prop_map(|(credits, allow_negative)| Method::Quadratic {
            credits,
            allow_negative
        }),
    ]
}

fn ballot_file() -> impl Strategy<Value = BallotFile> {
    names(6).prop_flat_map(|options| {
        let n = options.len();
        let ballot = (0u64..4, marks(n)).prop_map(|(weight, marks)| BallotGroup {
            weight: weight.max(1),
            marks,
        });
        (
            Just(options),
            ".{0,12}",
            prop::collection::vec(ballot, 0..15),
            prop::option::of(methods()),
            prop::option::of(prop_oneof![
                Just(TiePolicy::PreviousRoundsThenOrder),
                Just(TiePolicy::PreviousRoundsThenLot),
                Just(TiePolicy::Order),
                Just(TiePolicy::Lot),
            ]),
            prop::option::of(prop_oneof![
                Just(Quorum::None),
                (1u32..5, 5u32..9).prop_map(|(numerator, denominator)| Quorum::Fraction {
                    numerator,
                    denominator
                }),
                any::<u64>().prop_map(|count| Quorum::Count { count }),
            ]),
            prop::option::of(any::<u64>()),
        )
            .prop_map(
                |(options, title, ballots, method, tie_policy, quorum, electorate)| BallotFile {
                    contest: Contest {
                        title,
                        options,
                        withdrawn: vec![],
                        seats: 1,
                        tie_order: None,
                        ballots: group_ballots(ballots),
                    },
                    method,
                    tie_policy,
                    quorum,
                    electorate,
                    notes: Vec::new(),
                },
            )
    })
}

fn write(format: Format, file: &BallotFile) -> Vec<u8> {
    let mut out = Vec::new();
    let written = match format {
        Format::Blt => formats::write_blt(file, &mut out),
        Format::Csv => formats::write_csv(&file.contest, &mut out),
        Format::Json | Format::Cdf | Format::RctabCsv => formats::write_json(file, &mut out),
    };
    if let Err(error) = written {
        panic!("{format}: {error}");
    }
    out
}

fn read_back(format: Format, bytes: &[u8], options: &ReadOptions) -> BallotFile {
    formats::read(format, bytes, options).unwrap_or_else(|error| {
        panic!(
            "{error}\n--- {format} ---\n{}",
            String::from_utf8_lossy(bytes)
        )
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn blt_write_then_read_gives_the_same_contest(
        contest in ranked_contest(true),
        notes in prop::collection::vec("[A-Za-z0-9 #,.]{0,12}", 0..3),
    ) {
        let file = BallotFile { notes, ..BallotFile::from_contest(contest) };
        let bytes = write(Format::Blt, &file);
        prop_assert_eq!(read_back(Format::Blt, &bytes, &ReadOptions::default()), file);
    }

    #[test]
    fn csv_write_then_read_gives_the_same_ballots(contest in ranked_contest(true)) {
        let bytes = write(Format::Csv, &BallotFile::from_contest(contest.clone()));
        let options = ReadOptions { order: Some(contest.options.clone()), ..ReadOptions::default() };
        let back = read_back(Format::Csv, &bytes, &options).contest;
        prop_assert_eq!(back.options, contest.options);
        prop_assert_eq!(back.ballots, contest.ballots);
    }

    #[test]
    fn a_csv_read_in_parallel_parts_is_read_as_in_one_pass(
        contest in ranked_contest(true),
        repeat in 1_usize..4,
        threads in 2_usize..5,
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 0..4),
    ) {
        // Big enough (1 MiB) to be cut into parts: the same rows many times over.
        let bytes = write(Format::Csv, &BallotFile::from_contest(contest));
        let (header, rows) = bytes.split_at(bytes.iter().position(|b| *b == b'\n').map_or(0, |at| at + 1));
        let mut big = header.to_vec();
        while big.len() < (1 << 20) * repeat / 2 + 1 {
            big.extend_from_slice(rows);
            if rows.is_empty() { break; }
        }
        let big = mutate(big, &edits);
        let options = ReadOptions::default();
        let one = formats::read(Format::Csv, big.as_slice(), &options);
        let parts = formats::read_slice(Format::Csv, &big, &options, threads);
        prop_assert_eq!(parts, one);
    }

    #[test]
    fn json_write_then_read_gives_the_same_file(file in ballot_file()) {
        let bytes = write(Format::Json, &file);
        prop_assert_eq!(read_back(Format::Json, &bytes, &ReadOptions::default()), file);
    }

    #[test]
    fn json_keeps_ranked_contests_with_withdrawals_and_seats(contest in ranked_contest(true)) {
        let file = BallotFile::from_contest(contest);
        let bytes = write(Format::Json, &file);
        prop_assert_eq!(read_back(Format::Json, &bytes, &ReadOptions::default()), file);
    }

    #[test]
    fn arbitrary_bytes_never_panic_a_reader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in Format::ALL {
            let _ = formats::read(format, bytes.as_slice(), &ReadOptions::default());
        }
        let _ = formats::detect(None, &bytes);
    }

    #[test]
    fn mutated_valid_files_never_panic_a_reader(
        file in ballot_file(),
        contest in ranked_contest(true),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..8),
    ) {
        let ranked = BallotFile::from_contest(contest);
        let originals = [
            (Format::Blt, write(Format::Blt, &ranked)),
            (Format::Csv, write(Format::Csv, &ranked)),
            (Format::Json, write(Format::Json, &file)),
            (Format::Cdf, include_bytes!("fixtures/formats/cdf_small.json").to_vec()),
        ];
        for (format, original) in originals {
            let mutated = mutate(original, &edits);
            let _ = formats::read(format, mutated.as_slice(), &ReadOptions::default());
        }
    }
}

/// Overwrites, inserts, deletes or truncates at the chosen places.
fn mutate(mut bytes: Vec<u8>, edits: &[(prop::sample::Index, u8, u8)]) -> Vec<u8> {
    for (place, byte, kind) in edits {
        if bytes.is_empty() {
            bytes.push(*byte);
            continue;
        }
        let at = place.index(bytes.len());
        match kind {
            0 => bytes[at] = *byte,
            1 => bytes.insert(at, *byte),
            2 => {
                bytes.remove(at);
            }
            _ => bytes.truncate(at),
        }
    }
    bytes
}

#[test]
fn a_contest_with_other_marks_cannot_be_written_as_blt_or_csv() {
    let contest = Contest {
        title: String::new(),
        options: vec!["A".to_owned()],
        withdrawn: vec![],
        seats: 1,
        tie_order: None,
        ballots: vec![BallotGroup {
            weight: 1,
            marks: Marks::YesNo(Choice::Yes),
        }],
    };
    assert!(formats::write_blt(&BallotFile::from_contest(contest.clone()), Vec::new()).is_err());
    assert!(formats::write_csv(&contest, Vec::new()).is_err());
}

#[test]
fn csv_without_weights_is_one_row_per_ballot() {
    let text = "ballot_id,rank_1,rank_2\n1,Oak,Ash\n2,Ash,\n";
    let file = read_back(Format::Csv, text.as_bytes(), &ReadOptions::default());
    let mut out = Vec::new();
    formats::write_csv(&file.contest, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
}

#[test]
fn the_json_example_of_the_documentation_reads() {
    let text = include_str!("fixtures/formats/example_stv.json");
    let file = read_back(Format::Json, text.as_bytes(), &ReadOptions::default());
    assert_eq!(file.method, Some(Method::StvScottish { seats: 2 }));
    assert_eq!(file.contest.withdrawn, [3]);
    assert_eq!(file.contest.total_weight(), 7);
    let mut out = Vec::new();
    formats::write_json(&file, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
}

#[test]
fn cdf_reads_ranks_from_either_place_and_handles_irregular_ballots() {
    let bytes = include_bytes!("fixtures/formats/cdf_small.json");
    assert_eq!(formats::detect(Some("cvr.json"), bytes), Some(Format::Cdf));
    let contest = read_back(Format::Cdf, bytes, &ReadOptions::default()).contest;
    assert_eq!(contest.title, "Chair");
    assert_eq!(contest.options, ["Ash", "Elm", "Oak", "Write-in sel-wi"]);
    assert_eq!(contest.seats, 1);
    let ballots: Vec<(u64, Marks)> = contest
        .ballots
        .into_iter()
        .map(|group| (group.weight, group.marks))
        .collect();
    assert_eq!(
        ballots,
        [
            // CVRs 1 and 6: Oak then Ash (ranks on SelectionPosition).
            (
                2,
                Marks::Ranking(Ranking::from_ranks(vec![vec![2], vec![0]]).unwrap())
            ),
            // CVR 2: Elm, then Ash and Oak both at rank 3: the overvote ends the ballot, and
            // the ballot says so (the count reports it under overvotes).
            (
                1,
                Marks::Ranking(Ranking::strict(&[1]).unwrap().ending(Exhaustion::Overvote))
            ),
            // CVR 3, current snapshot: skipped ranks passed over, Elm kept at its highest
            // rank, Oak's position without indication ignored.
            (
                1,
                Marks::Ranking(Ranking::from_ranks(vec![vec![3], vec![1]]).unwrap())
            ),
            // CVR 4: the contest with no marks is an abstention; CVR 5 lacks the contest.
            (1, Marks::Ranking(Ranking::empty())),
        ]
    );
}

#[test]
fn cdf_contests_are_chosen_by_id_or_name() {
    let bytes = include_bytes!("fixtures/formats/cdf_small.json");
    for id in ["contest-chair", "Chair"] {
        let options = ReadOptions {
            contest: Some(id.to_owned()),
            ..ReadOptions::default()
        };
        assert_eq!(
            read_back(Format::Cdf, bytes, &options).contest.title,
            "Chair"
        );
    }
}

#[test]
fn every_json_example_in_the_documentation_reads() {
    let doc = include_str!("../../docs/formats.md");
    let mut examples = 0;
    for block in doc.split("```json\n").skip(1) {
        let text = block.split("\n```").next().unwrap();
        let file = read_back(Format::Json, text.as_bytes(), &ReadOptions::default());
        let method = file.method.expect("every example names its method");
        for group in &file.contest.ballots {
            let problems =
                tally::validate::problems(&method, file.contest.options.len(), &group.marks);
            assert!(problems.is_empty(), "{text}\n{problems:?}");
        }
        examples += 1;
    }
    assert_eq!(examples, 11, "one example per method");
}

#[test]
fn windows_line_ends_and_byte_order_marks_are_accepted() {
    let blt = "\u{feff}2 1\r\n1 2 1 0\r\n0\r\n\"A\" \"B\" \"T\"\r\n";
    let file = read_back(Format::Blt, blt.as_bytes(), &ReadOptions::default());
    assert_eq!(file.contest.options, ["A", "B"]);
    assert_eq!(file.contest.title, "T");
    let csv = "\u{feff}Ballot_ID , Rank_1\r\n1, B \r\n2,\r\n";
    let file = read_back(Format::Csv, csv.as_bytes(), &ReadOptions::default());
    assert_eq!(file.contest.options, ["B"]);
    assert_eq!(file.contest.ballots.len(), 2);
}

#[test]
fn readers_accept_a_reader_that_yields_one_byte_at_a_time() {
    struct Trickle<'a>(&'a [u8]);
    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((byte, rest)), Some(slot)) => {
                    *slot = *byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }
    let text = include_str!("fixtures/formats/example_stv.json");
    let file = formats::read(
        Format::Json,
        Trickle(text.as_bytes()),
        &ReadOptions::default(),
    );
    assert_eq!(file.map(|f| f.contest.total_weight()), Ok(7));
}

#[test]
fn rankings_that_would_not_read_back_are_not_written() {
    let contest = |ranking: Ranking| Contest {
        title: String::new(),
        options: vec!["A".to_owned(), "B".to_owned()],
        withdrawn: vec![],
        seats: 1,
        tie_order: None,
        ballots: vec![BallotGroup {
            weight: 1,
            marks: Marks::Ranking(ranking),
        }],
    };
    let repeated = Ranking::from_ranks([vec![0], vec![0]]).unwrap();
    let unknown = Ranking::strict(&[2]).unwrap();
    let overvoted = Ranking::strict(&[1]).unwrap().ending(Exhaustion::Overvote);
    for ranking in [repeated, unknown, overvoted.clone()] {
        let contest = contest(ranking);
        assert!(
            formats::write_blt(&BallotFile::from_contest(contest.clone()), Vec::new()).is_err()
        );
        assert!(formats::write_csv(&contest, Vec::new()).is_err());
    }
    for ranking in [
        Ranking::from_ranks([vec![0], vec![0]]).unwrap(),
        Ranking::strict(&[2]).unwrap(),
    ] {
        let file = BallotFile::from_contest(contest(ranking));
        assert!(formats::write_json(&file, Vec::new()).is_err());
    }
    // JSON holds why a cast vote record's ranking ends, and reads it back.
    let file = BallotFile::from_contest(contest(overvoted));
    let bytes = write(Format::Json, &file);
    assert!(
        String::from_utf8_lossy(&bytes).contains(r#"{"ranking": ["B"], "exhaustion": "overvote"}"#)
    );
    assert_eq!(
        read_back(Format::Json, &bytes, &ReadOptions::default()),
        file
    );
}

#[test]
fn json_with_sorted_keys_reads_ballots_before_options() {
    let text = r#"{"ballots": [{"ranking": ["B", "A"]}, {"weight": 2, "points": {"A": 2, "B": 1}},
        {"ranking": ["B", "A"]}], "format": "quorate-ballots", "options": ["A", "B"],
        "version": 1, "withdrawn": ["B"]}"#;
    let contest = read_back(Format::Json, text.as_bytes(), &ReadOptions::default()).contest;
    assert_eq!(contest.withdrawn, [1]);
    assert_eq!(
        contest.ballots,
        [
            BallotGroup {
                weight: 2,
                marks: Marks::Ranking(Ranking::from_ranks(vec![vec![1], vec![0]]).unwrap())
            },
            BallotGroup {
                weight: 2,
                marks: Marks::Points(vec![(0, 2), (1, 1)])
            },
        ]
    );
}
