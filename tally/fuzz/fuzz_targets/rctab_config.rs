//! Fuzz target: an RCTab contest configuration, then (after a NUL byte) a genericCsv file.
//! Reading the configuration must return Ok or a ParseError, never panic; with a CSV source,
//! reading the file in 1, 2, 3 or 4 parallel parts must give exactly what reading it whole
//! gives (the same ballots, or the same error named on the same line and column), and
//! counting must not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally::formats::rctab::{self, Provider};

fuzz_target!(|data: &[u8]| {
    let (config, csv) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let Ok(config) = rctab::read(config) else {
        return;
    };
    let Some(source) = config.sources.first() else {
        return;
    };
    if source.provider != Provider::GenericCsv {
        return;
    }
    let whole = config.read_csv(source, csv);
    for threads in 1..=4 {
        let parts = config.read_csv_bytes(source, csv, threads);
        assert_eq!(
            parts.as_ref().map_err(ToString::to_string),
            whole.as_ref().map_err(ToString::to_string)
        );
    }
    if let Ok(ballots) = whole {
        let contest = config.contest(vec![ballots]);
        let _ = tally::count(&contest, &config.count_config());
    }
});
