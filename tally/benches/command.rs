//! The whole path of `quorate count --rctab-config` on a 1,000,000-ballot RCTab `genericCsv`
//! file (docs/performance.md, "quorate count end to end"): read the configuration and the
//! file from disk, parse the file in parallel parts, count, write RCTab's summary JSON. Only
//! the process start and the write to standard output are left out. Run with
//! `cargo bench -p tally --bench command`.

#[path = "support/generate.rs"]
#[expect(dead_code, reason = "the CSV and BLT generators serve the parse bench")]
mod generate;

use criterion::{Criterion, criterion_group, criterion_main};
use std::{fs::File, hint::black_box, io::BufWriter, num::NonZero, path::Path, time::Duration};
use tally::{count, formats::rctab};

/// What `quorate count --rctab-config <config>` computes, up to its output text.
fn command(config_path: &Path) -> String {
    let config = match File::open(config_path).map(rctab::read) {
        Ok(Ok(config)) => config,
        _ => panic!("cannot read {}", config_path.display()),
    };
    let folder = config_path.parent().unwrap_or(Path::new("."));
    let threads = std::thread::available_parallelism().map_or(1, NonZero::get);
    let sources = config
        .sources
        .iter()
        .map(|source| {
            let bytes =
                std::fs::read(folder.join(&source.file_path)).unwrap_or_else(|e| panic!("{e}"));
            config
                .read_csv_bytes(source, &bytes, threads)
                .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    let contest = config.contest(sources);
    let report = count(&contest, &config.count_config()).unwrap_or_else(|e| panic!("{e}"));
    report
        .to_rctab_text(&config.meta)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn write_contest(folder: &Path, shape: generate::Shape) -> std::path::PathBuf {
    let csv = folder.join("cvr.csv");
    let mut out = BufWriter::new(File::create(&csv).unwrap_or_else(|e| panic!("{e}")));
    generate::write_rctab_csv(&mut out, 1_000_000, shape, 7).unwrap_or_else(|e| panic!("{e}"));
    drop(out);
    let config = folder.join("contest_config.json");
    std::fs::write(&config, generate::rctab_config("cvr.csv")).unwrap_or_else(|e| panic!("{e}"));
    config
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("command");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, shape) in [
        ("rctab-config 1M factions", generate::Shape::Factions),
        ("rctab-config 1M random", generate::Shape::Random),
    ] {
        let folder = std::env::temp_dir().join(format!("quorate-bench-{}", name.replace(' ', "-")));
        std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        let config = write_contest(&folder, shape);
        group.bench_function(name, |b| b.iter(|| black_box(command(&config))));
    }
    group.finish();
}

criterion_group!(command_benches, benches);
criterion_main!(command_benches);
