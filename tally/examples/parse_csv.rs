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
//! `--generate-rctab N FOLDER [random]` writes an RCTab `genericCsv` file `cvr.csv` and its
//! `contest_config.json` there; reading a `…config.json` reads its sources as
//! `quorate count --rctab-config` does (in parallel parts) and counts.

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
        ["--generate-rctab", count, folder, rest @ ..] => {
            generate_rctab(count, folder, rest.first() == Some(&"random"))
        }
        [path] if path.ends_with("config.json") => count_rctab(path),
        [path] => parse(path),
        _ => Err(
            "usage: parse_csv FILE | parse_csv --generate N PATH [random] | \
             parse_csv --generate-rctab N FOLDER [random]"
                .to_owned(),
        ),
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

fn generate_rctab(count: &str, folder: &str, random: bool) -> Result<(), String> {
    let count: u64 = count
        .parse()
        .map_err(|_| format!("not a number: {count}"))?;
    let shape = if random {
        generate::Shape::Random
    } else {
        generate::Shape::Factions
    };
    let folder = std::path::Path::new(folder);
    std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
    let file = File::create(folder.join("cvr.csv")).map_err(|e| e.to_string())?;
    let mut out = BufWriter::new(file);
    generate::write_rctab_csv(&mut out, count, shape, 7)
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())?;
    std::fs::write(
        folder.join("contest_config.json"),
        generate::rctab_config("cvr.csv"),
    )
    .map_err(|e| e.to_string())
}

fn count_rctab(path: &str) -> Result<(), String> {
    let started = Instant::now();
    let config = tally::formats::rctab::read(File::open(path).map_err(|e| e.to_string())?)
        .map_err(|e| e.to_string())?;
    let folder = std::path::Path::new(path)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut sources = Vec::new();
    for source in &config.sources {
        let bytes = std::fs::read(folder.join(&source.file_path)).map_err(|e| e.to_string())?;
        let ballots = config
            .read_csv_bytes(source, &bytes, threads)
            .map_err(|e| e.to_string())?;
        sources.push(ballots);
    }
    let contest = config.contest(sources);
    let read = started.elapsed();
    let report = tally::count(&contest, &config.count_config()).map_err(|e| e.to_string())?;
    let summary = report
        .to_rctab_text(&config.meta)
        .map_err(|e| e.to_string())?;
    println!(
        "rctab: {} distinct ballots, total weight {}, read in {} ms, summary of {} bytes after {} ms",
        contest.ballots.len(),
        contest.total_weight(),
        read.as_millis(),
        summary.len(),
        started.elapsed().as_millis()
    );
    Ok(())
}
