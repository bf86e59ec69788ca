//! Counting speed on synthetic elections (generation outside the timed loop; counting only).
//! Targets: IRV 1,000,000 ballots × 10 options < 150 ms; Meek 100,000 × 15 candidates,
//! 3 seats < 500 ms; Schulze 100,000 × 20 options < 200 ms. See docs/performance.md.

use criterion::{Criterion, criterion_group, criterion_main};
use std::{hint::black_box, time::Duration};
use tally::{
    CountConfig,
    config::{Method, Quorum, TiePolicy},
    count, synthetic,
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

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("count");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));

    let irv = synthetic::ranked_contest(1, 1_000_000, 10);
    let cfg = config(Method::Irv {
        batch_elimination: false,
        continue_until_two: false,
    });
    group.bench_function("irv_1m_ballots_10_options", |b| {
        b.iter(|| count(black_box(&irv), &cfg))
    });

    let meek = synthetic::ranked_contest_with_seats(2, 100_000, 15, 3);
    let cfg = config(Method::StvMeek { seats: 3 });
    group.bench_function("stv_meek_100k_ballots_15_candidates_3_seats", |b| {
        b.iter(|| count(black_box(&meek), &cfg))
    });

    let scottish = synthetic::ranked_contest_with_seats(2, 100_000, 15, 3);
    let cfg = config(Method::StvScottish { seats: 3 });
    group.bench_function("stv_scottish_100k_ballots_15_candidates_3_seats", |b| {
        b.iter(|| count(black_box(&scottish), &cfg))
    });

    let schulze = synthetic::ranked_contest(3, 100_000, 20);
    let cfg = config(Method::Schulze);
    group.bench_function("schulze_100k_ballots_20_options", |b| {
        b.iter(|| count(black_box(&schulze), &cfg))
    });
    group.finish();

    eprintln!(
        "distinct ballots: irv {}, meek {}, schulze {}",
        irv.ballots.len(),
        meek.ballots.len(),
        schulze.ballots.len()
    );
}

criterion_group!(count_benches, benches);
criterion_main!(count_benches);
