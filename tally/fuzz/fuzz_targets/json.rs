//! Fuzz target: the json reader must return Ok or a ParseError, never panic, on any bytes.
//! When it accepts the input, writing the result back and reading it again must succeed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally::formats::{self, Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = formats::read(Format::Json, data, &ReadOptions::default()) else {
        return;
    };
    let mut out = Vec::new();
    if formats::write_json(&file, &mut out).is_ok() {
        let again = formats::read(Format::Json, out.as_slice(), &ReadOptions::default());
        assert_eq!(again.ok().map(|f| f.contest), Some(file.contest));
    }
});
