use super::*;
use crate::{config::TiePolicy, stage::Transfer, test_support::ranked};

const TREES: [&str; 5] = ["Oak", "Pine", "Elm", "Ash", "Yew"];

fn worked_example() -> Contest {
    ranked(
        &TREES,
        1,
        &[
            "8 Oak",
            "5 Pine>Oak",
            "4 Elm>Pine",
            "2 Ash>Elm",
            "1 Yew>Ash",
        ],
    )
}

fn run(contest: &Contest, batch: bool, cu2: bool) -> IrvReport {
    let ids = contest.options.clone();
    let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &ids);
    let rules = RctabRules::default();
    let options = IrvOptions {
        batch_elimination: batch,
        continue_until_two: cu2,
        rctab: &rules,
    };
    count(contest, options, &mut tb).expect("count")
}

fn tallies(round: &IrvRound) -> Vec<Option<u128>> {
    round.tallies.clone()
}

fn t(to: Recipient, amount: u128) -> Transfer<u128> {
    Transfer { to, amount }
}

#[test]
fn the_worked_example_with_batch_elimination_matches_every_round() {
    let r = run(&worked_example(), true, false);
    assert_eq!(r.valid, 20);
    assert_eq!(r.rounds.len(), 3);
    let [r1, r2, r3] = [&r.rounds[0], &r.rounds[1], &r.rounds[2]];
    assert_eq!(
        tallies(r1),
        vec![Some(8), Some(5), Some(4), Some(2), Some(1)]
    );
    assert_eq!((r1.active, r1.threshold, r1.exhausted), (20, 11, 0));
    assert_eq!(r1.rule, Some(EliminationRule::Batch));
    assert_eq!(
        r1.eliminated,
        vec![
            Elimination {
                option: 4,
                tally: 1,
                transfers: vec![t(Recipient::Exhausted, 1)]
            },
            Elimination {
                option: 3,
                tally: 2,
                transfers: vec![t(Recipient::Option(2), 2)]
            },
        ]
    );
    assert_eq!(tallies(r2), vec![Some(8), Some(5), Some(6), None, None]);
    assert_eq!((r2.active, r2.threshold, r2.exhausted), (19, 10, 1));
    assert_eq!(r2.rule, Some(EliminationRule::Lowest));
    assert_eq!(
        r2.eliminated,
        vec![Elimination {
            option: 1,
            tally: 5,
            transfers: vec![t(Recipient::Option(0), 5)]
        }]
    );
    assert_eq!(tallies(r3), vec![Some(13), None, Some(6), None, None]);
    assert_eq!((r3.active, r3.threshold, r3.exhausted), (19, 10, 1));
    assert_eq!(r3.elected, Some(0));
    assert!(r3.eliminated.is_empty());
    assert_eq!(r.winner, Some(0));
}

#[test]
fn the_worked_example_without_batch_elimination_takes_four_rounds() {
    let r = run(&worked_example(), false, false);
    let rows: Vec<(Vec<Option<u128>>, u128, u128, u128)> = r
        .rounds
        .iter()
        .map(|x| (tallies(x), x.active, x.threshold, x.exhausted))
        .collect();
    assert_eq!(
        rows,
        vec![
            (vec![Some(8), Some(5), Some(4), Some(2), Some(1)], 20, 11, 0),
            (vec![Some(8), Some(5), Some(4), Some(3), None], 20, 11, 0),
            (vec![Some(8), Some(5), Some(6), None, None], 19, 10, 1),
            (vec![Some(13), None, Some(6), None, None], 19, 10, 1),
        ]
    );
    let out: Vec<Vec<OptionIndex>> = r
        .rounds
        .iter()
        .map(|x| x.eliminated.iter().map(|e| e.option).collect())
        .collect();
    assert_eq!(out, vec![vec![4], vec![3], vec![1], vec![]]);
    assert_eq!(
        r.rounds[0].eliminated[0].transfers,
        vec![t(Recipient::Option(3), 1)]
    );
    assert_eq!(
        r.rounds[1].eliminated[0].transfers,
        vec![t(Recipient::Option(2), 2), t(Recipient::Exhausted, 1)]
    );
    assert_eq!(r.rounds[3].elected, Some(0));
}

#[test]
fn an_option_above_half_of_continuing_votes_is_elected() {
    let c = ranked(&["A", "B", "C"], 1, &["6 A", "3 B", "2 C>B"]);
    let r = run(&c, false, false);
    assert_eq!(r.rounds.len(), 1);
    assert_eq!(r.rounds[0].threshold, 6);
    assert_eq!(r.winner, Some(0));
}

#[test]
fn two_tied_finalists_are_decided_by_electing_not_by_another_round() {
    // Round 1: A 3, B 3, C 1 -> C out, exhausted. Round 2: A 3, B 3, two left and tied:
    // previous rounds do not separate them, so order elects A in round 2.
    let c = ranked(&["A", "B", "C"], 1, &["3 A", "3 B", "1 C"]);
    let r = run(&c, false, false);
    assert_eq!(r.rounds.len(), 2);
    assert_eq!(r.rounds[1].elected, Some(0));
    assert!(r.rounds[1].elected_by_tie_break);
}

#[test]
fn a_tie_for_last_uses_the_previous_round_where_they_differed() {
    // Round 1: A 6, B 3, C 4, D 1 (D -> B). Round 2: A 6, B 4, C 4, tied for last; round 1
    // separates them (B 3 < C 4), so B goes.
    let c = ranked(&["A", "B", "C", "D"], 1, &["6 A", "3 B", "4 C", "1 D>B"]);
    let r = run(&c, false, false);
    assert_eq!(tallies(&r.rounds[1]), vec![Some(6), Some(4), Some(4), None]);
    assert_eq!(r.rounds[1].eliminated[0].option, 1);
}

#[test]
fn continue_until_two_repeats_the_winning_round_and_counts_on() {
    let c = ranked(&["A", "B", "C", "D"], 1, &["7 A", "2 B", "2 C>B", "1 D>C"]);
    let r = run(&c, false, true);
    // Round 1: A 7 of 12 (T 7): elected; round 2 repeats; D, then C, eliminated.
    assert_eq!(r.rounds[0].elected, Some(0));
    assert_eq!(tallies(&r.rounds[1]), tallies(&r.rounds[0]));
    assert_eq!(r.rounds[1].eliminated[0].option, 3);
    let last = r.rounds.last().expect("rounds");
    assert_eq!(last.tallies.iter().flatten().count(), 2);
    assert!(last.eliminated.is_empty());
    assert!(r.rounds.iter().all(|x| x.threshold == 7));
    assert_eq!(r.winner, Some(0));
}

#[test]
fn continue_until_two_ends_at_the_winners_round_when_two_remain() {
    // Round 1: A 5, B 3, C 2 of 10 (T 6); C goes (C>B). Round 2: A 5, B 5: the tied finalists
    // elect A by ballot order, with only two left: no repeated round (as RCTab).
    let c = ranked(&["A", "B", "C"], 1, &["5 A", "3 B", "2 C>B"]);
    let r = run(&c, false, true);
    assert_eq!(r.rounds.len(), 2);
    assert_eq!(r.rounds[1].elected, Some(0));
    assert!(r.rounds[1].elected_by_tie_break);
}

#[test]
fn batch_elimination_never_leaves_a_lone_option_under_continue_until_two() {
    let c = ranked(&["A", "B", "C"], 1, &["10 A", "2 B", "1 C"]);
    let r = run(&c, true, true);
    // Round 1 elects A; round 2 would batch {C, B} (3 < 10): that leaves one, so only C.
    assert_eq!(
        r.rounds[1]
            .eliminated
            .iter()
            .map(|e| e.option)
            .collect::<Vec<_>>(),
        vec![2]
    );
    assert_eq!(r.rounds.len(), 3);
}

#[test]
fn empty_rankings_are_undervotes_not_valid_papers() {
    let c = ranked(&["A", "B"], 1, &["2 A", "1 B", "4 "]);
    let r = run(&c, false, false);
    assert_eq!((r.valid, r.undervotes), (3, 4));
    assert_eq!(r.rounds[0].threshold, 2);
}

#[test]
fn with_no_valid_ballot_nobody_is_elected() {
    let c = ranked(&["A", "B", "C"], 1, &["4 "]);
    let r = run(&c, true, false);
    assert_eq!(r.rounds.len(), 1);
    assert_eq!(r.winner, None);
}
