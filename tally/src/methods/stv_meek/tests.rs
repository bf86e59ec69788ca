use super::*;
use crate::{config::TiePolicy, test_support::ranked};

fn d(raw: i128) -> D9 {
    D9::from_raw(raw)
}

fn whole(n: i128) -> D9 {
    D9::from_raw(n * 1_000_000_000)
}

fn run(contest: &Contest, seats: u32) -> MeekReport {
    let ids = contest.options.clone();
    let mut tb = TieBreaker::new(TiePolicy::PreviousRoundsThenOrder, None, &ids);
    count(contest, seats, &mut tb).expect("count")
}

fn worked_example() -> Contest {
    ranked(
        &["Ann", "Ben", "Cat", "Dan"],
        2,
        &["9 Ann", "6 Ann>Ben", "5 Ben>Cat", "6 Cat>Ben", "4 Dan>Cat"],
    )
}

#[test]
fn the_meek_worked_example_matches_every_iteration() {
    let r = run(&worked_example(), 2);
    assert_eq!(r.valid, 30);
    assert_eq!(r.rounds.len(), 3);

    let r1 = &r.rounds[0];
    assert_eq!(r1.iterations.len(), 1);
    assert_eq!(
        r1.iterations[0].votes,
        vec![whole(15), whole(5), whole(6), whole(4)]
    );
    assert_eq!(r1.iterations[0].quota, d(10_000_000_001));
    assert_eq!(r1.action, MeekAction::Elected { options: vec![0] });

    // The table of §4: kf(Ann), Ann, Ben, q, s for iterations 1..=11 of round 2.
    let table: [(i128, i128, i128, i128, i128); 11] = [
        (
            1_000_000_000,
            15_000_000_000,
            5_000_000_000,
            10_000_000_001,
            4_999_999_999,
        ),
        (
            666_666_667,
            10_000_000_005,
            6_999_999_998,
            9_000_000_002,
            1_000_000_003,
        ),
        (
            600_000_001,
            9_000_000_015,
            7_399_999_994,
            8_800_000_004,
            200_000_011,
        ),
        (
            586_666_668,
            8_800_000_020,
            7_479_999_992,
            8_760_000_005,
            40_000_015,
        ),
        (
            584_000_001,
            8_760_000_015,
            7_495_999_994,
            8_752_000_004,
            8_000_011,
        ),
        (
            583_466_668,
            8_752_000_020,
            7_499_199_992,
            8_750_400_005,
            1_600_015,
        ),
        (
            583_360_001,
            8_750_400_015,
            7_499_839_994,
            8_750_080_004,
            320_011,
        ),
        (
            583_338_667,
            8_750_080_005,
            7_499_967_998,
            8_750_016_002,
            64_003,
        ),
        (
            583_334_401,
            8_750_016_015,
            7_499_993_594,
            8_750_003_204,
            12_811,
        ),
        (
            583_333_547,
            8_750_003_205,
            7_499_998_718,
            8_750_000_642,
            2_563,
        ),
        (
            583_333_377,
            8_750_000_655,
            7_499_999_738,
            8_750_000_132,
            523,
        ),
    ];
    let r2 = &r.rounds[1];
    let got: Vec<(i128, i128, i128, i128, i128)> = r2
        .iterations
        .iter()
        .map(|it| {
            (
                it.keep_factors[0].raw(),
                it.votes[0].raw(),
                it.votes[1].raw(),
                it.quota.raw(),
                it.surplus.raw(),
            )
        })
        .collect();
    assert_eq!(got, table.to_vec());
    for it in &r2.iterations {
        assert_eq!((it.votes[2], it.votes[3]), (whole(6), whole(4)));
        assert_eq!(
            it.votes
                .iter()
                .try_fold(it.excess, |a, v| a.checked_add(*v)),
            Ok(whole(30))
        );
    }
    assert_eq!(r2.iterations[1].excess, d(2_999_999_997));
    assert_eq!(
        r2.action,
        MeekAction::Defeated {
            option: 3,
            reason: DefeatReason::SurplusBelowOmega
        }
    );

    let r3 = &r.rounds[2];
    assert_eq!(r3.iterations.len(), 1);
    let it = &r3.iterations[0];
    assert_eq!(
        it.votes,
        vec![d(8_750_000_655), d(7_499_999_738), whole(10), whole(0)]
    );
    assert_eq!(it.quota, d(8_750_000_132));
    assert_eq!(it.excess, d(3_749_999_607));
    assert_eq!(r3.action, MeekAction::Elected { options: vec![2] });

    assert_eq!(r.elected, vec![0, 2]);
    assert_eq!(r.finish_defeated, vec![1]);
    assert_eq!(
        r3.status,
        vec![
            OptionStatus::Elected,
            OptionStatus::Eliminated,
            OptionStatus::Elected,
            OptionStatus::Eliminated
        ]
    );
}

#[test]
fn as_many_hopefuls_as_seats_are_all_elected_without_a_round() {
    let c = ranked(&["A", "B"], 2, &["3 A", "1 B"]);
    let r = run(&c, 2);
    assert_eq!(r.rounds.len(), 1);
    assert_eq!(r.rounds[0].action, MeekAction::Finish);
    assert_eq!(r.elected, vec![0, 1]);
}

#[test]
fn hopefuls_within_the_surplus_of_the_lowest_are_tied_for_defeat() {
    // No one elected in round 1 (s = 0 < ω): A 3, B 3, C 4 with 1 seat, q = 5.000000001.
    // A and B tie for defeat; no earlier round, so order defeats the later one, B.
    let c = ranked(&["A", "B", "C"], 1, &["3 A", "3 B", "4 C"]);
    let r = run(&c, 1);
    assert_eq!(
        r.rounds[0].action,
        MeekAction::Defeated {
            option: 1,
            reason: DefeatReason::SurplusBelowOmega
        }
    );
}

#[test]
fn a_withdrawn_candidate_receives_nothing() {
    let mut c = ranked(&["A", "B", "C"], 1, &["3 B>A", "2 C", "2 A"]);
    c.withdrawn = vec![1];
    let r = run(&c, 1);
    assert_eq!(
        r.rounds[0].iterations[0].votes,
        vec![whole(5), whole(0), whole(2)]
    );
    assert_eq!(r.elected, vec![0]);
}
