//! Parsing speed of large ballot files (docs/performance.md, "Parsing"): a 1,000,000-row
//! CSV and a 1,000,000-line BLT file, generated with a fixed seed, read in one pass
//! (`formats::read`) and, for CSV, in parallel parts (`formats::read_slice`, as
//! `quorate count` reads a file). Run with `cargo bench -p tally --bench parse`.

#[path = "support/generate.rs"]
#[expect(dead_code, reason = "the RCTab generators serve the command bench")]
mod generate;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use generate::Shape;
use std::{hint::black_box, time::Duration};
use tally::formats::{self, Format, ReadOptions};

const BALLOTS: u64 = 1_000_000;

fn file(write: impl Fn(&mut Vec<u8>) -> std::io::Result<()>) -> Vec<u8> {
    let mut bytes = Vec::new();
    if let Err(error) = write(&mut bytes) {
        panic!("generating the file failed: {error}");
    }
    bytes
}

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let files = [
        (
            "csv 1M factions",
            Format::Csv,
            file(|b| generate::write_csv(b, BALLOTS, Shape::Factions, 7)),
        ),
        (
            "csv 1M random",
            Format::Csv,
            file(|b| generate::write_csv(b, BALLOTS, Shape::Random, 7)),
        ),
        (
            "blt 1M factions",
            Format::Blt,
            file(|b| generate::write_blt(b, BALLOTS, Shape::Factions, 7)),
        ),
    ];
    for (name, format, bytes) in &files {
        group.throughput(Throughput::Bytes(u64::try_from(bytes.len()).unwrap_or(0)));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let file = formats::read(
                    *format,
                    black_box(bytes.as_slice()),
                    &ReadOptions::default(),
                );
                match file {
                    Ok(file) => black_box(file.contest.ballots.len()),
                    Err(error) => panic!("{name}: {error}"),
                }
            });
        });
    }
    // `quorate count` holds a CSV file in memory and reads it in parallel parts.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    for (name, format, bytes) in files.iter().filter(|(_, f, _)| *f == Format::Csv) {
        let name = format!("{name}, {threads} threads");
        group.throughput(Throughput::Bytes(u64::try_from(bytes.len()).unwrap_or(0)));
        group.bench_function(&name, |b| {
            b.iter(|| {
                let options = ReadOptions::default();
                match formats::read_slice(*format, black_box(bytes), &options, threads) {
                    Ok(file) => black_box(file.contest.ballots.len()),
                    Err(error) => panic!("{name}: {error}"),
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
