//! Fuzz target: the RCTab genericCsv reader (without a configuration) must return Ok or a
//! ParseError, never panic, on any bytes, under both overvote rules. When it accepts the
//! input, writing the result as JSON and reading it back must give the same contest.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally::formats::{
    self, Format, ReadOptions,
    cvr::{CvrRules, OvervoteRule},
};

fuzz_target!(|data: &[u8]| {
    let skip = CvrRules {
        overvote: OvervoteRule::AlwaysSkipToNextRank,
        max_skipped_ranks: Some(1),
        max_rankings: Some(6),
        exhaust_on_duplicate: true,
    };
    for cvr in [CvrRules::default(), skip] {
        let options = ReadOptions {
            cvr,
            ..ReadOptions::default()
        };
        let Ok(file) = formats::read(Format::RctabCsv, data, &options) else {
            continue;
        };
        let mut out = Vec::new();
        if formats::write_json(&file, &mut out).is_ok() {
            let again = formats::read(Format::Json, out.as_slice(), &ReadOptions::default());
            assert_eq!(again.ok().map(|f| f.contest), Some(file.contest));
        }
    }
});
