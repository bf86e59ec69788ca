//! Reads one ballot file and prints what it holds, for measuring parse time and peak memory
//! (docs/performance.md, "Parsing"):
//!
//! ```text
//! cargo run --release -p tally --example parse_csv -- --generate 1000000 /tmp/ballots.csv
//! /usr/bin/time -v target/release/examples/parse_csv /tmp/ballots.csv
//! ```
//!
//! `--generate N PATH [random]` writes a seeded CSV (or BLT, by PATH's extension) of N
//! ballots; `random` draws nearly all-distinct rankings (the worst case for memory).

#[path = "../benches/support/generate.rs"]
mod generate;

use std::{
    fs::File,
    io::{BufWriter, Write},
    process::ExitCode,
    time::Instant,
};
use tally::formats::{self, ReadOptions};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--generate", count, path, rest @ ..] => {
            generate(count, path, rest.first() == Some(&"random"))
        }
        [path] => parse(path),
        _ => Err("usage: parse_csv FILE | parse_csv --generate N PATH [random]".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parse_csv: {error}");
            ExitCode::FAILURE
        }
    }
}

fn generate(count: &str, path: &str, random: bool) -> Result<(), String> {
    let count: u64 = count
        .parse()
        .map_err(|_| format!("not a number: {count}"))?;
    let shape = if random {
        generate::Shape::Random
    } else {
        generate::Shape::Factions
    };
    let mut out = BufWriter::new(File::create(path).map_err(|e| e.to_string())?);
    let written = if path.ends_with(".blt") {
        generate::write_blt(&mut out, count, shape, 7)
    } else {
        generate::write_csv(&mut out, count, shape, 7)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())
}

fn parse(path: &str) -> Result<(), String> {
    let started = Instant::now();
    let mut file = std::io::BufReader::new(File::open(path).map_err(|e| e.to_string())?);
    let head = std::io::BufRead::fill_buf(&mut file).map_err(|e| e.to_string())?;
    let format = formats::detect(Some(path), head).ok_or("unknown format")?;
    let read = formats::read(format, file, &ReadOptions::default()).map_err(|e| e.to_string())?;
    let contest = read.contest;
    println!(
        "{format}: {} options, {} distinct ballots, total weight {}, read in {} ms",
        contest.options.len(),
        contest.ballots.len(),
        contest.total_weight(),
        started.elapsed().as_millis()
    );
    Ok(())
}
