use super::*;
use crate::{config::TiePolicy, stage::Transfer, test_support::ranked};

fn d(raw: i128) -> D5 {
    D5::from_raw(raw)
}

fn whole(n: i128) -> D5 {
    D5::from_raw(n * 100_000)
}

fn run(contest: &Contest, seats: u32) -> ScottishReport {
    let ids = contest.options.clone();
    let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &ids);
    count(contest, seats, &mut tb).expect("count")
}

fn worked_example() -> Contest {
    ranked(
        &["Ada", "Bo", "Cy", "Di", "Ed"],
        3,
        &[
            "15 Ada>Bo>Cy",
            "2 Ada",
            "3 Bo>Cy",
            "1 Bo",
            "3 Cy>Di",
            "3 Di>Bo",
            "2 Ed>Di",
        ],
    )
}

#[test]
fn the_scottish_worked_example_matches_every_stage() {
    let r = run(&worked_example(), 3);
    assert_eq!(r.valid, 29);
    assert_eq!(r.quota, whole(8));
    let rows: Vec<(Vec<D5>, D5, D5)> = r
        .stages
        .iter()
        .map(|s| (s.totals.clone(), s.non_transferable_total, s.loss_total))
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                vec![whole(17), whole(4), whole(3), whole(3), whole(2)],
                d(0),
                d(0)
            ),
            (
                vec![whole(8), d(1_194_115), whole(3), whole(3), whole(2)],
                d(105_882),
                d(3)
            ),
            (
                vec![whole(8), whole(8), d(661_107), whole(3), whole(2)],
                d(138_886),
                d(7)
            ),
            (
                vec![whole(8), whole(8), d(661_107), whole(5), whole(0)],
                d(138_886),
                d(7)
            ),
            (
                vec![whole(8), whole(8), d(661_107), whole(0), whole(0)],
                d(638_886),
                d(7)
            ),
        ]
    );
    let elected: Vec<(Vec<OptionIndex>, Vec<OptionIndex>)> = r
        .stages
        .iter()
        .map(|s| (s.elected.clone(), s.deemed_elected.clone()))
        .collect();
    assert_eq!(
        elected,
        vec![
            (vec![0], vec![]),
            (vec![1], vec![]),
            (vec![], vec![]),
            (vec![], vec![]),
            (vec![], vec![2])
        ]
    );
    assert_eq!(r.elected, vec![0, 1, 2]);

    // Stage 2: TV(1) = 0.52941; 15 papers to Bo, 2 non-transferable, loss 0.00003.
    let s2 = &r.stages[1];
    assert_eq!(
        s2.action,
        ScottishAction::Surplus {
            option: 0,
            total: whole(17),
            surplus: whole(9),
            transfer_values: vec![TransferValue {
                value: whole(1),
                transfer_value: d(52_941),
                papers: 17
            }],
        }
    );
    assert_eq!(
        s2.transfers,
        vec![
            Transfer {
                to: Recipient::Option(1),
                amount: d(794_115)
            },
            Transfer {
                to: Recipient::Exhausted,
                amount: d(105_882)
            }
        ]
    );
    assert_eq!((s2.non_transferable, s2.loss), (d(105_882), d(3)));
    assert_eq!(s2.changes, vec![whole(-9), d(794_115), d(0), d(0), d(0)]);

    // Stage 3: two paper values: TV(1) = 0.33004 (4 papers), TV(0.52941) = 0.17473 (15).
    let s3 = &r.stages[2];
    let ScottishAction::Surplus {
        surplus,
        transfer_values,
        ..
    } = &s3.action
    else {
        panic!("stage 3 is a surplus")
    };
    assert_eq!(*surplus, d(394_115));
    assert_eq!(
        transfer_values,
        &vec![
            TransferValue {
                value: whole(1),
                transfer_value: d(33_004),
                papers: 4
            },
            TransferValue {
                value: d(52_941),
                transfer_value: d(17_473),
                papers: 15
            },
        ]
    );
    assert_eq!(
        s3.transfers,
        vec![
            Transfer {
                to: Recipient::Option(2),
                amount: d(361_107)
            },
            Transfer {
                to: Recipient::Exhausted,
                amount: d(33_004)
            }
        ]
    );
    assert_eq!((s3.non_transferable, s3.loss), (d(33_004), d(4)));

    // Stages 4 and 5: exclusions of Ed then Di, no loss.
    assert_eq!(
        r.stages[3].action,
        ScottishAction::Exclusion {
            option: 4,
            total: whole(2)
        }
    );
    assert_eq!(
        r.stages[3].transfers,
        vec![Transfer {
            to: Recipient::Option(3),
            amount: whole(2)
        }]
    );
    assert_eq!(
        r.stages[4].action,
        ScottishAction::Exclusion {
            option: 3,
            total: whole(5)
        }
    );
    assert_eq!(
        r.stages[4].transfers,
        vec![Transfer {
            to: Recipient::Exhausted,
            amount: whole(5)
        }]
    );
    assert_eq!(r.stages[4].loss, d(0));
}

#[test]
fn a_candidate_elected_with_exactly_the_quota_gets_no_surplus_stage() {
    // N = 9, 2 seats, Q = 4. A has exactly 4: no stage; B is then excluded... C 3, B 2.
    let c = ranked(&["A", "B", "C"], 2, &["4 A>B", "3 C", "2 B>C"]);
    let r = run(&c, 2);
    assert_eq!(r.stages[0].elected, vec![0]);
    assert_eq!(
        r.stages[1].action,
        ScottishAction::Exclusion {
            option: 1,
            total: whole(2)
        }
    );
    assert_eq!(r.stages[1].elected, vec![2]);
    assert_eq!(r.stages.len(), 2);
}

#[test]
fn the_largest_surplus_moves_first_whenever_it_was_elected() {
    // N = 20, 3 seats, Q = 6. A 9 and B 7 elected at stage 1: A's surplus (3) moves first.
    let c = ranked(&["A", "B", "C", "D"], 3, &["9 A>C", "7 B>D", "2 C", "2 D"]);
    let r = run(&c, 3);
    assert_eq!(r.stages[0].elected, vec![0, 1]);
    assert!(matches!(
        r.stages[1].action,
        ScottishAction::Surplus { option: 0, .. }
    ));
    assert!(matches!(
        r.stages[2].action,
        ScottishAction::Surplus { option: 1, .. }
    ));
}

#[test]
fn equal_lowest_totals_exclude_the_one_lower_at_the_latest_earlier_stage() {
    // N = 13, 1 seat, Q = 7. Stage 1: A 5, B 3, C 2, D 2, E 1 (E -> C).
    // Stage 2: E excluded -> C 3; B 3 and C 3 tie; stage 1 had C 2 < B 3: C excluded.
    let c = ranked(
        &["A", "B", "C", "D", "E"],
        1,
        &["5 A", "3 B", "2 C", "2 D", "1 E>C"],
    );
    let r = run(&c, 1);
    assert_eq!(
        r.stages[1].action,
        ScottishAction::Exclusion {
            option: 4,
            total: whole(1)
        }
    );
    assert_eq!(
        r.stages[2].action,
        ScottishAction::Exclusion {
            option: 3,
            total: whole(2)
        }
    );
    assert_eq!(
        r.stages[3].action,
        ScottishAction::Exclusion {
            option: 2,
            total: whole(3)
        }
    );
}

#[test]
fn zero_seats_is_an_error() {
    let c = ranked(&["A"], 1, &["1 A"]);
    let mut tb = TieBreaker::new(TiePolicy::Order, None, &c.options);
    assert_eq!(count(&c, 0, &mut tb), Err(TallyError::ZeroSeats));
}

#[test]
fn equal_surpluses_go_by_tie_break_and_both_are_transferred_in_turn() {
    // N = 14, 3 seats, Q = 4. A and B both 6 at stage 1: one tie orders their election, another
    // decides whose surplus (2 each) moves first; no earlier stage, so ballot order: A.
    let c = ranked(&["A", "B", "C", "D"], 3, &["6 A>C", "6 B>C", "1 C", "1 D"]);
    let r = run(&c, 3);
    assert_eq!(r.stages[0].elected, vec![0, 1]);
    assert!(matches!(
        r.stages[1].action,
        ScottishAction::Surplus { option: 0, .. }
    ));
    // TV = trunc5(2 / 6) = 0.33333; C gets 6 × 0.33333 = 1.99998 twice.
    assert_eq!(r.stages[1].totals[2], d(299_998));
    assert!(matches!(
        r.stages[2].action,
        ScottishAction::Surplus { option: 1, .. }
    ));
    assert_eq!(r.stages[2].totals[2], d(499_996));
    assert_eq!(r.stages[2].elected, vec![2]);
    assert_eq!(r.stages[2].loss_total, d(4));
}

#[test]
fn no_more_continuing_than_vacancies_deems_them_elected_before_any_surplus_moves() {
    // N = 9, 2 seats, Q = 4: A 6 elected; B alone continuing for one vacancy (rule 52).
    let c = ranked(&["A", "B"], 2, &["6 A", "3 B"]);
    let r = run(&c, 2);
    assert_eq!(r.stages.len(), 1);
    assert_eq!(r.stages[0].elected, vec![0]);
    assert_eq!(r.stages[0].deemed_elected, vec![1]);
    assert_eq!(r.elected, vec![0, 1]);
}
