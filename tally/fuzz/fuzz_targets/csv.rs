//! Fuzz target: the csv reader must return Ok or a ParseError, never panic, on any bytes.
//! Reading the bytes in 2 or 3 parallel parts must give exactly what one pass gives (the
//! same contest, or the same error). When it accepts the input, writing the result back and
//! reading it again must succeed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally::formats::{self, Format, ReadOptions, csv};

fuzz_target!(|data: &[u8]| {
    let whole = formats::read(Format::Csv, data, &ReadOptions::default());
    for threads in 2..=3 {
        let parts = csv::read_parts(data, None, threads);
        assert_eq!(
            parts.as_ref().map(|f| &f.contest).map_err(ToString::to_string),
            whole.as_ref().map(|f| &f.contest).map_err(ToString::to_string),
        );
    }
    let Ok(file) = whole else {
        return;
    };
    let mut out = Vec::new();
    if formats::write_json(&file, &mut out).is_ok() {
        let again = formats::read(Format::Json, out.as_slice(), &ReadOptions::default());
        assert_eq!(again.ok().map(|f| f.contest), Some(file.contest));
    }
});
