//! Invariants over generated contests (house style: totals conserved, order-free results).
//! Case counts are modest so the suite runs in seconds.

use proptest::prelude::*;
use tally::{
    CountConfig,
    ballot::{BallotGroup, Contest, Exhaustion, Marks, Ranking},
    config::{Method, Quorum, TiePolicy},
    count,
    fixed::{D5, D9},
    report::Details,
    synthetic,
};

fn config(method: Method) -> CountConfig {
    CountConfig {
        method,
        tie_policy: TiePolicy::PreviousRoundsThenOrder,
        seed: None,
        quorum: Quorum::None,
        electorate: None,
        rctab: Default::default(),
    }
}

/// Small ranked contests: 2–6 options, up to 40 ballot groups with weights 1–5.
fn contest() -> impl Strategy<Value = Contest> {
    (2_usize..=6).prop_flat_map(|n| {
        let ranking = Just((0..n).collect::<Vec<_>>())
            .prop_shuffle()
            .prop_flat_map(move |order| {
                (0..=n).prop_map(move |len| {
                    let prefs: Vec<usize> = order.iter().take(len).copied().collect();
                    Ranking::strict(&prefs).unwrap_or_default()
                })
            });
        prop::collection::vec((1_u64..=5, ranking), 1..40).prop_map(move |groups| Contest {
            title: "prop".into(),
            options: synthetic::option_names(n),
            withdrawn: vec![],
            seats: 1,
            tie_order: None,
            ballots: groups
                .into_iter()
                .map(|(weight, r)| BallotGroup {
                    weight,
                    marks: Marks::Ranking(r),
                })
                .collect(),
        })
    })
}

/// Nested ranks over up to 8 options: each option at most once, no empty rank.
fn nested() -> impl Strategy<Value = Vec<Vec<usize>>> {
    (1_usize..=8).prop_flat_map(|n| {
        (
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            0..=n,
            prop::collection::vec(any::<bool>(), n),
        )
            .prop_map(|(order, len, joins)| {
                let mut ranks: Vec<Vec<usize>> = Vec::new();
                for (o, join) in order.into_iter().take(len).zip(joins) {
                    match ranks.last_mut() {
                        Some(rank) if join => rank.push(o),
                        _ => ranks.push(vec![o]),
                    }
                }
                ranks
            })
    })
}

fn irv() -> Method {
    Method::Irv {
        batch_elimination: false,
        continue_until_two: false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_flat_ranking_keeps_every_rank_and_reads_back_nested(ranks in nested(), end in 0_usize..4) {
        let ranking = Ranking::from_ranks(ranks.clone()).unwrap();
        prop_assert_eq!(ranking.to_nested(), ranks.clone());
        prop_assert_eq!(ranking.rank_count(), ranks.len());
        let flat: Vec<usize> = ranks.iter().flatten().copied().collect();
        prop_assert_eq!(ranking.options().collect::<Vec<_>>(), flat);
        prop_assert_eq!(ranking.has_equal_ranks(), ranks.iter().any(|r| r.len() > 1));
        let serde = serde_json::to_string(&ranking).unwrap();
        prop_assert_eq!(&serde, &serde_json::to_string(&ranks).unwrap());
        let ending = ranking.clone().ending(Exhaustion::ALL[end]);
        prop_assert_eq!(ending.exhaustion(), Exhaustion::ALL[end]);
        prop_assert_eq!(ending.to_nested(), ranks.clone());
        let back: Ranking = serde_json::from_str(&serde_json::to_string(&ending).unwrap()).unwrap();
        prop_assert_eq!(back, ending);
    }

    #[test]
    fn equal_flat_rankings_are_equal_nested_rankings(a in nested(), b in nested()) {
        let (ra, rb) = (Ranking::from_ranks(a.clone()).unwrap(), Ranking::from_ranks(b.clone()).unwrap());
        prop_assert_eq!(ra == rb, a == b);
    }

    #[test]
    fn every_irv_round_conserves_the_valid_ballots(c in contest(), batch in any::<bool>(), cu2 in any::<bool>()) {
        let report = count(&c, &config(Method::Irv { batch_elimination: batch, continue_until_two: cu2 })).unwrap();
        let Details::Irv(r) = &report.details else { unreachable!() };
        for round in &r.rounds {
            let sum: u128 = round.tallies.iter().flatten().sum();
            prop_assert_eq!(sum + round.exhausted, r.valid);
        }
    }

    #[test]
    fn every_scottish_stage_conserves_the_papers(c in contest(), seats in 1_u32..=3) {
        let report = count(&c, &config(Method::StvScottish { seats })).unwrap();
        let Details::StvScottish(r) = &report.details else { unreachable!() };
        let n = D5::from_u128(r.valid).unwrap();
        for st in &r.stages {
            let sum = st.totals.iter().try_fold(st.non_transferable_total.checked_add(st.loss_total).unwrap(), |a, t| a.checked_add(*t)).unwrap();
            prop_assert_eq!(sum, n);
            prop_assert!(st.loss >= D5::ZERO);
        }
    }

    #[test]
    fn every_meek_iteration_conserves_the_ballots(c in contest(), seats in 1_u32..=3) {
        let report = count(&c, &config(Method::StvMeek { seats })).unwrap();
        let Details::StvMeek(r) = &report.details else { unreachable!() };
        let n = D9::from_u128(r.valid).unwrap();
        for it in r.rounds.iter().flat_map(|x| &x.iterations) {
            let sum = it.votes.iter().try_fold(it.excess, |a, v| a.checked_add(*v)).unwrap();
            prop_assert_eq!(sum, n);
        }
    }

    #[test]
    fn stv_fills_exactly_the_seats_or_every_option(c in contest(), seats in 1_u32..=4) {
        let options = c.options.len();
        let ranked = c.ballots.iter().any(|g| matches!(&g.marks, Marks::Ranking(r) if !r.is_empty()));
        for method in [Method::StvScottish { seats }, Method::StvMeek { seats }] {
            let report = count(&c, &config(method)).unwrap();
            let elected = report.details.winners();
            if ranked {
                prop_assert_eq!(elected.len(), options.min(seats as usize));
            } else {
                prop_assert!(elected.len() <= options.min(seats as usize));
            }
            let mut unique = elected.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), elected.len());
        }
    }

    #[test]
    fn ballot_order_never_changes_the_result(c in contest(), seats in 1_u32..=3) {
        let mut reversed = c.clone();
        reversed.ballots.reverse();
        for method in [irv(), Method::Irv { batch_elimination: true, continue_until_two: true }, Method::StvScottish { seats }, Method::StvMeek { seats }, Method::Schulze, Method::Borda] {
            let a = count(&c, &config(method.clone())).unwrap();
            let b = count(&reversed, &config(method)).unwrap();
            prop_assert_eq!(a.outcome, b.outcome);
            prop_assert_eq!(a.ties, b.ties);
        }
    }

    #[test]
    fn a_majority_of_first_preferences_wins_irv_in_round_one(c in contest()) {
        let report = count(&c, &config(irv())).unwrap();
        let Details::Irv(r) = &report.details else { unreachable!() };
        let first = &r.rounds[0];
        if let Some((o, _)) = first.tallies.iter().enumerate().find(|(_, t)| t.is_some_and(|t| 2 * t > r.valid)) {
            prop_assert_eq!(first.elected, Some(o));
            prop_assert_eq!(r.rounds.len(), 1);
        }
    }

    #[test]
    fn schulze_elects_the_condorcet_winner_alone_in_tier_one(c in contest()) {
        let report = count(&c, &config(Method::Schulze)).unwrap();
        let Details::Schulze(r) = &report.details else { unreachable!() };
        let n = c.options.len();
        let condorcet = (0..n).find(|&a| (0..n).all(|b| a == b || r.d[a][b] > r.d[b][a]));
        if let Some(w) = condorcet {
            prop_assert_eq!(r.winner, Some(w));
            prop_assert_eq!(&r.tiers[0], &vec![w]);
        }
    }

    #[test]
    fn quadratic_totals_equal_the_sum_of_votes(
        groups in prop::collection::vec((1_u64..=4, prop::collection::vec(-5_i64..=5, 3)), 1..30)
    ) {
        let c = Contest {
            title: "q".into(),
            options: synthetic::option_names(3),
            withdrawn: vec![],
            seats: 1,
            tie_order: None,
            ballots: groups.iter().map(|(w, v)| BallotGroup { weight: *w, marks: Marks::Points(v.iter().copied().enumerate().collect()) }).collect(),
        };
        let report = count(&c, &config(Method::Quadratic { credits: 100, allow_negative: true })).unwrap();
        let Details::Quadratic(q) = &report.details else { unreachable!() };
        for o in 0..3 {
            let want: i128 = groups.iter().map(|(w, v)| i128::from(*w) * i128::from(v[o])).sum();
            prop_assert_eq!(q.result.totals[o], want);
        }
        let credits: u128 = groups.iter().map(|(w, v)| u128::from(*w) * v.iter().map(|x| (x * x) as u128).sum::<u128>()).sum();
        prop_assert_eq!(q.credits_total, credits);
    }
}

#[test]
fn synthetic_contests_count_with_every_ranked_method() {
    let c = synthetic::ranked_contest_with_seats(42, 5_000, 7, 3);
    for method in [
        irv(),
        Method::StvScottish { seats: 3 },
        Method::StvMeek { seats: 3 },
        Method::Schulze,
        Method::Borda,
    ] {
        let report = count(&c, &config(method)).unwrap();
        assert!(!report.details.winners().is_empty());
    }
}
