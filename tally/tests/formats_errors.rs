//! Every error path of the ballot file readers: each message names the line, the column and
//! what was expected (docs/formats.md, "Errors").

use tally::formats::{Format, ReadOptions, read};

fn error(format: Format, text: &str) -> String {
    error_with(format, text, &ReadOptions::default())
}

fn error_with(format: Format, text: &str, options: &ReadOptions) -> String {
    match read(format, text.as_bytes(), options) {
        Ok(file) => panic!("expected an error, read {file:?}"),
        Err(error) => error.to_string(),
    }
}

const NAMES: &str = "0\n\"A\"\n\"B\"\n\"C\"\n\"T\"\n";

fn blt(ballots: &str) -> String {
    format!("3 1\n{ballots}{NAMES}")
}

#[test]
fn blt_empty_file_asks_for_the_number_of_candidates() {
    assert_eq!(
        error(Format::Blt, "\n# nothing\n"),
        "line 3, column 1: expected the number of candidates (from 1), found the end of the file"
    );
}

#[test]
fn blt_header_errors_name_the_field() {
    assert_eq!(
        error(Format::Blt, "0 1\n"),
        "line 1, column 1: expected the number of candidates, from 1 to 100000, found 0"
    );
    assert_eq!(
        error(Format::Blt, "  3 4\n"),
        "line 1, column 5: expected the number of seats, from 1 to 3, found 4"
    );
    assert_eq!(
        error(Format::Blt, "3\n"),
        "line 1, column 2: expected the number of seats, from 1 to 3, found the end of the line"
    );
    assert_eq!(
        error(Format::Blt, "3 1 x\n"),
        "line 1, column 5: expected the end of the line, found x"
    );
    assert_eq!(
        error(Format::Blt, "\"A\"\n"),
        "line 1, column 1: expected the number of candidates, from 1 to 100000, found \"\\\"A\\\"\""
    );
}

#[test]
fn blt_withdrawn_candidates_must_exist_once() {
    assert_eq!(
        error(Format::Blt, &blt("-4\n")),
        "line 2, column 1: expected a withdrawn candidate from -1 to -3, found -4"
    );
    assert_eq!(
        error(Format::Blt, &blt("-1 -1\n")),
        "line 2, column 4: expected each withdrawn candidate once, found candidate 1 again"
    );
}

#[test]
fn blt_candidate_numbers_must_be_in_range() {
    assert_eq!(
        error(Format::Blt, &blt("1 2 9 0\n")),
        "line 2, column 5: expected a candidate number from 1 to 3, found 9"
    );
    assert_eq!(
        error(Format::Blt, &blt("1 2 x 0\n")),
        "line 2, column 5: expected a candidate number from 1 to 3, found x"
    );
}

#[test]
fn blt_a_candidate_ranked_twice_is_refused_with_its_position() {
    assert_eq!(
        error(Format::Blt, &blt("1 1 2\n2 3 1 3 0\n")),
        "line 2, column 6: expected a candidate number from 1 to 3, or 0 to end the ballot, found the end of the line"
    );
    assert_eq!(
        error(Format::Blt, &blt("2 3 1 3 0\n")),
        "line 2, column 7: candidate 3 appears more than once on this ballot"
    );
    assert_eq!(
        error(Format::Blt, &blt("2 3=3 0\n")),
        "line 2, column 5: candidate 3 appears more than once on this ballot"
    );
}

#[test]
fn blt_weights_must_be_whole_numbers_that_fit() {
    assert_eq!(
        error(Format::Blt, &blt("1.5 1 0\n")),
        "line 2, column 1: expected a whole-number weight from 0 to 18446744073709551615, found 1.5"
    );
    assert_eq!(
        error(Format::Blt, &blt("99999999999999999999 1 0\n")),
        "line 2, column 1: expected a whole-number weight from 0 to 18446744073709551615, found 99999999999999999999"
    );
    assert_eq!(
        error(Format::Blt, &blt("18446744073709551615 1 0\n1 1 0\n")),
        "line 3, column 1: the ballots' weights add up to more than 18446744073709551615"
    );
}

#[test]
fn blt_ballot_lines_end_at_zero() {
    assert_eq!(
        error(Format::Blt, &blt("1 1 0 2\n")),
        "line 2, column 7: expected the end of the line after 0, found 2"
    );
    assert_eq!(
        error(Format::Blt, "3 1\n1 1 0\n"),
        "line 3, column 1: expected a ballot line or 0 (the end of the ballots), found the end of the file"
    );
    assert_eq!(
        error(Format::Blt, &blt("(id-7)\n")),
        "line 2, column 7: expected a whole-number weight from 0 to 18446744073709551615, found the end of the line"
    );
}

#[test]
fn blt_equal_ranks_need_a_candidate_on_each_side() {
    assert_eq!(
        error(Format::Blt, &blt("1 =1 0\n")),
        "line 2, column 3: expected a candidate number from 1 to 3, found ="
    );
    assert_eq!(
        error(Format::Blt, &blt("1 1= 0\n")),
        "line 2, column 6: expected a candidate number from 1 to 3, found 0"
    );
}

#[test]
fn blt_names_must_be_quoted_unique_and_complete() {
    assert_eq!(
        error(Format::Blt, "2 1\n1 1 0\n0\n\"A\"\n"),
        "line 5, column 1: expected the name of candidate 2 in double quotes, found the end of the file"
    );
    assert_eq!(
        error(Format::Blt, "2 1\n1 1 0\n0\n\"A\"\nB\n"),
        "line 5, column 1: expected the name of candidate 2 in double quotes, found B"
    );
    assert_eq!(
        error(Format::Blt, "2 1\n1 1 0\n0\n\"A\"\n\"B\n"),
        "line 5, column 3: expected a closing double quote, found the end of the line"
    );
    assert_eq!(
        error(Format::Blt, "2 1\n1 1 0\n0\n\"Ä\"\n\"Ä\"\n"),
        "line 5, column 1: the option name \"Ä\" is used twice"
    );
    assert_eq!(
        error(Format::Blt, "1 1\n1 1 0\n0\n\"A\"\nT\n"),
        "line 5, column 1: expected the title in double quotes, found T"
    );
}

#[test]
fn blt_tie_lines_list_every_candidate_once() {
    assert_eq!(
        error(Format::Blt, &blt("[tie 1 2]\n")),
        "line 2, column 8: expected all 3 candidates in [tie …], found 2 of them"
    );
    assert_eq!(
        error(Format::Blt, &blt("[tie 1 2\n 1 3]\n")),
        "line 3, column 2: expected each candidate once in [tie …], found candidate 1 again"
    );
    assert_eq!(
        error(Format::Blt, &blt("[tie 1 2 4]\n")),
        "line 2, column 10: expected a candidate number from 1 to 3, found 4"
    );
    assert_eq!(
        error(Format::Blt, &blt("[tie 3 2 1]\n[tie 1 2 3]\n")),
        "line 3, column 1: expected one [tie …], found a second [tie …]"
    );
    assert_eq!(
        error(Format::Blt, "3 1\n[tie 3 2\n# still open\n"),
        "line 4, column 1: expected \"]\" to close [tie …], found the end of the file"
    );
}

#[test]
fn blt_options_are_tie_or_withdrawn_and_withdraw_once() {
    assert_eq!(
        error(Format::Blt, &blt("[nick a b c]\n")),
        "line 2, column 1: expected [tie …] or [withdrawn …], found \"[nick\""
    );
    assert_eq!(
        error(Format::Blt, &blt("-2 [withdrawn 3 2]\n")),
        "line 2, column 17: expected each withdrawn candidate once, found candidate 2 again"
    );
    assert_eq!(
        error(Format::Blt, &blt("[withdrawn 0]\n")),
        "line 2, column 12: expected a candidate number from 1 to 3, found 0"
    );
}

#[test]
fn blt_columns_count_characters_not_bytes() {
    assert_eq!(
        error(Format::Blt, "2 1\n1 1 0\n0\n\"Ünïcödé\" Z\n"),
        "line 4, column 11: expected the name of candidate 2 in double quotes, found Z"
    );
}

const CSV_HEAD: &str = "ballot_id,rank_1,rank_2\n";

#[test]
fn csv_empty_file_asks_for_the_header() {
    assert_eq!(
        error(Format::Csv, ""),
        "line 1, column 1: expected the header ballot_id,rank_1,rank_2,…, found the end of the file"
    );
}

#[test]
fn csv_header_errors_name_the_column() {
    assert_eq!(
        error(Format::Csv, "id,rank_1\n"),
        "line 1, column 1: expected ballot_id (an RCTab cast vote record reads with --format rctab-csv or --rctab-config), found id"
    );
    assert_eq!(
        error(Format::Csv, "ballot_id,rank_1,rank_3\n"),
        "line 1, column 3: expected rank_2, found rank_3"
    );
    assert_eq!(
        error(Format::Csv, "ballot_id,,rank_1\n"),
        "line 1, column 2: expected weight or rank_1, found an empty cell"
    );
}

#[test]
fn csv_rows_wider_than_the_header_are_refused() {
    assert_eq!(
        error(Format::Csv, &format!("{CSV_HEAD}1,A,B\n2,A,B,C\n")),
        "line 3, column 4: expected at most 3 fields, as in the header, found 4 fields"
    );
}

#[test]
fn csv_gaps_between_ranks_are_refused() {
    assert_eq!(
        error(Format::Csv, &format!("{CSV_HEAD}1,,B\n")),
        "line 2, column 2: expected an option name: ranks are filled from rank_1 without gaps, found an empty cell before B"
    );
}

#[test]
fn csv_an_option_twice_in_a_row_is_refused() {
    assert_eq!(
        error(Format::Csv, &format!("{CSV_HEAD}1,A,B\n2,Oak,Oak\n")),
        "line 3, column 3: Oak appears more than once on this ballot"
    );
    assert_eq!(
        error(Format::Csv, &format!("{CSV_HEAD}1,A=A,\n")),
        "line 2, column 2: A appears more than once on this ballot"
    );
}

#[test]
fn csv_equal_ranks_need_names_on_both_sides() {
    assert_eq!(
        error(Format::Csv, &format!("{CSV_HEAD}1,A=,\n")),
        "line 2, column 2: expected an option name on each side of \"=\", found A="
    );
}

#[test]
fn csv_weights_must_be_whole_numbers() {
    assert_eq!(
        error(Format::Csv, "ballot_id,weight,rank_1\n1,-2,A\n"),
        "line 2, column 2: expected a whole-number weight from 0 to 18446744073709551615, found -2"
    );
    assert_eq!(
        error(
            Format::Csv,
            "ballot_id,weight,rank_1\n1,18446744073709551615,A\n2,1,A\n"
        ),
        "line 3: the ballots' weights add up to more than 18446744073709551615"
    );
}

#[test]
fn csv_names_outside_a_given_order_are_refused() {
    let options = ReadOptions {
        order: Some(vec!["A".to_owned(), "B".to_owned()]),
        ..ReadOptions::default()
    };
    assert_eq!(
        error_with(Format::Csv, &format!("{CSV_HEAD}1,A,\n2,B,Z\n"), &options),
        "line 3, column 3: expected one of the options of the given order, found Z"
    );
    let twice = ReadOptions {
        order: Some(vec!["A".to_owned(), "A".to_owned()]),
        ..ReadOptions::default()
    };
    assert_eq!(
        error_with(Format::Csv, CSV_HEAD, &twice),
        "the option name \"A\" is used twice"
    );
}

#[test]
fn csv_quoted_rows_spanning_lines_report_the_line_they_start_on() {
    assert_eq!(
        error(Format::Csv, &format!("{CSV_HEAD}1,\"A\nB\",A\n2,A,Q,X\n")),
        "line 4, column 4: expected at most 3 fields, as in the header, found 4 fields"
    );
}

fn json(body: &str) -> String {
    format!("{{\"format\": \"quorate-ballots\", \"version\": 1,\n{body}}}")
}

#[test]
fn json_syntax_errors_keep_serde_json_positions() {
    assert_eq!(
        error(
            Format::Json,
            "{\"format\": \"quorate-ballots\",\n  \"version\": 1,,}"
        ),
        "line 2, column 16: key must be a string"
    );
    assert_eq!(
        error(Format::Json, "{\"format\": \"quorate-ballots\""),
        "line 1, column 28: expected the rest of the JSON document, found the end of the file"
    );
    assert_eq!(
        error(Format::Json, "[]"),
        "line 1, column 1: invalid type: sequence, expected a quorate-ballots document (an object)"
    );
}

#[test]
fn json_format_and_version_are_checked() {
    assert_eq!(
        error(Format::Json, "{\"format\": \"other\"}"),
        "line 1, column 19: expected \"format\": \"quorate-ballots\", found \"other\""
    );
    assert_eq!(
        error(
            Format::Json,
            "{\"format\": \"quorate-ballots\", \"version\": 2}"
        ),
        "line 1, column 43: expected \"version\": 1, found 2"
    );
    assert_eq!(
        error(Format::Json, &json("\"options\": [\"A\"]")),
        "line 2, column 17: missing field `ballots`"
    );
}

#[test]
fn json_ballots_before_the_options_are_checked_at_the_end_by_number() {
    assert_eq!(
        error(
            Format::Json,
            &json(
                "\"ballots\": [{\"vote\": \"no\"}, {\"approval\": [\"Z\"]}],\n\"options\": [\"A\"]"
            )
        ),
        "line 3, column 17: ballot 2: expected one of the names in \"options\", found \"Z\""
    );
}

#[test]
fn json_unknown_and_repeated_names_are_refused_where_they_are() {
    let doc = json(
        "\"options\": [\"A\", \"B\"],\n\"ballots\": [\n{\"ranking\": [\"A\"]},\n{\"ranking\": [\"A\", \"Z\"]}\n]",
    );
    assert_eq!(
        error(Format::Json, &doc),
        "line 5, column 23: expected one of the names in \"options\", found \"Z\""
    );
    let doc = json("\"options\": [\"A\", \"B\"],\n\"ballots\": [{\"approval\": [\"B\", \"B\"]}]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 3, column 36: \"B\" appears more than once on this ballot"
    );
    let doc = json("\"options\": [\"A\", \"A\"]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 2, column 22: the option name \"A\" is used twice"
    );
    let doc = json("\"options\": [\"A\"], \"withdrawn\": [\"B\"], \"ballots\": []");
    assert_eq!(
        error(Format::Json, &doc),
        "line 2, column 37: expected one of the names in \"options\", found \"B\""
    );
}

#[test]
fn json_a_ballot_has_exactly_one_kind_of_marks() {
    let doc = json("\"options\": [\"A\"],\n\"ballots\": [{\"vote\": \"yes\", \"approval\": []}]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 3, column 39: expected one kind of marks per ballot, found \"approval\" after \"vote\""
    );
    let doc = json("\"options\": [\"A\"],\n\"ballots\": [{\"weight\": 2}]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 3, column 25: expected one of \"ranking\", \"approval\", \"points\", \"consent\" or \"vote\" in the ballot, found none"
    );
    let doc = json("\"options\": [\"A\"],\n\"ballots\": [{\"vote\": \"yes\", \"reason\": \"x\"}]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 3, column 42: expected \"reason\" only with \"consent\", found it with \"vote\""
    );
    let doc = json("\"options\": [\"A\"],\n\"ballots\": [{\"vote\": \"maybe\"}]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 3, column 28: unknown variant `maybe`, expected one of `yes`, `no`, `abstain`"
    );
    let doc = json("\"options\": [\"A\"],\n\"ballots\": [{\"ranking\": [[]]}]");
    assert_eq!(
        error(Format::Json, &doc),
        "line 3, column 27: expected at least one name in a list of equally ranked options, found []"
    );
}

#[test]
fn json_unknown_fields_and_weight_overflow_are_refused() {
    assert_eq!(
        error(Format::Json, &json("\"option\": []")),
        "line 2, column 9: unknown field `option`, expected one of `format`, `version`, `title`, `options`, `withdrawn`, `tie_order`, `seats`, `method`, `tie_policy`, `quorum`, `electorate`, `ballots`"
    );
    let doc = json(
        "\"options\": [\"A\"],\n\"ballots\": [{\"weight\": 18446744073709551615, \"vote\": \"no\"},\n{\"vote\": \"no\"}]",
    );
    assert_eq!(
        error(Format::Json, &doc),
        "line 4, column 15: the ballots' weights add up to more than 18446744073709551615"
    );
}

const CDF: &str = include_str!("fixtures/formats/cdf_small.json");

fn cdf_contest(id: &str) -> ReadOptions {
    ReadOptions {
        contest: Some(id.to_owned()),
        ..ReadOptions::default()
    }
}

#[test]
fn cdf_unknown_contests_list_the_ones_there_are() {
    assert_eq!(
        error_with(Format::Cdf, CDF, &cdf_contest("mayor")),
        "expected a contest id among [\"contest-chair\", \"contest-budget\"], found \"mayor\""
    );
}

#[test]
fn cdf_selections_without_candidates_are_refused() {
    assert_eq!(
        error_with(Format::Cdf, CDF, &cdf_contest("contest-budget")),
        "expected CandidateIds in ContestSelection \"sel-yes\", found none"
    );
}

#[test]
fn cdf_references_that_point_nowhere_name_the_record() {
    let broken = CDF.replacen(
        "\"ContestSelectionId\": \"sel-ash\"",
        "\"ContestSelectionId\": \"sel-x\"",
        1,
    );
    assert_eq!(
        error(Format::Cdf, &broken),
        "CVR 1 (UniqueId \"1\"): expected a ContestSelectionId of contest \"contest-chair\", found \"sel-x\""
    );
    let broken = CDF.replacen(
        "\"CandidateIds\": [\"cand-elm\"]",
        "\"CandidateIds\": [\"cand-x\"]",
        1,
    );
    assert_eq!(
        error(Format::Cdf, &broken),
        "expected a Candidate with @id \"cand-x\" (from ContestSelection \"sel-elm\"), found none"
    );
    let broken = CDF.replacen("\"Rank\": 2, ", "", 1);
    assert_eq!(
        error(Format::Cdf, &broken),
        "CVR 1 (UniqueId \"1\"): expected a Rank for selection \"sel-ash\", found none"
    );
}

#[test]
fn cdf_json_errors_keep_their_position() {
    let broken = CDF.replacen("\"Rank\": 2,", "\"Rank\": -2,", 1);
    assert_eq!(
        error(Format::Cdf, &broken),
        "line 55, column 81: expected a rank from 1, found -2"
    );
    assert_eq!(
        error(Format::Cdf, "{\"CVR\": [{\"CVRSnapshot\": 5}]}"),
        "line 1, column 27: invalid type: integer `5`, expected a sequence"
    );
}
