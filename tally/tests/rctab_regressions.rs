//! RCTab's own regression elections (BrightSpots/rcv `src/test/resources/…/test_data`), counted
//! from their configuration and cast vote records and compared, round by round, with the
//! summary RCTab expects. RCTab's files are not part of this repository: point
//! `RCTAB_TEST_DATA` at a checkout's `test_data` folder and run
//! `cargo test -p tally --test rctab_regressions -- --ignored`.

use serde_json::Value;
use std::{fs::File, path::Path};
use tally::{
    TallyError, count,
    formats::rctab::{self, Provider},
};

/// Counts the contest of `<dir>/<name>_config.json` and returns its summary JSON, as RCTab
/// writes it.
fn summary(dir: &Path, name: &str) -> Result<String, String> {
    let config_path = dir.join(format!("{name}_config.json"));
    let file = File::open(&config_path).map_err(|e| e.to_string())?;
    let config = rctab::read(file).map_err(|e| e.to_string())?;
    let mut sources = Vec::new();
    for source in &config.sources {
        let input = File::open(dir.join(&source.file_path)).map_err(|e| e.to_string())?;
        let ballots = match source.provider {
            Provider::GenericCsv => config.read_csv(source, input),
            Provider::Cdf => config.read_cdf(source, input),
        };
        sources.push(ballots.map_err(|e| format!("{}: {e}", source.file_path))?);
    }
    let contest = config.contest(sources);
    let report = match count(&contest, &config.count_config()) {
        Err(TallyError::SeedRequired) => {
            return Err(format!("a tie needs tiebreakMode {}", config.tiebreak_mode));
        }
        other => other.map_err(|e| e.to_string())?,
    };
    let mut meta = config.meta.clone();
    meta.generated_by = "RCTab 2.0.0".to_owned();
    report.to_rctab_text(&meta).map_err(|e| e.to_string())
}

/// Decimal strings as exact numbers ("3.0" is "3").
fn exact(v: &Value) -> Value {
    match v {
        Value::String(s) if s.parse::<f64>().is_ok() && s.contains('.') => {
            let t = s.trim_end_matches('0').trim_end_matches('.');
            Value::String(t.to_owned())
        }
        Value::Array(a) => Value::Array(a.iter().map(exact).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), exact(v))).collect()),
        other => other.clone(),
    }
}

#[test]
#[ignore = "needs RCTab's test data (RCTAB_TEST_DATA)"]
fn rctab_regression_elections_give_rctab_summaries() {
    let Ok(root) = std::env::var("RCTAB_TEST_DATA") else {
        panic!("set RCTAB_TEST_DATA to RCTab's test_data folder");
    };
    let mut failures = Vec::new();
    let mut compared = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let expected = dir.join(format!("{name}_expected_detailed_report.json"));
        if !dir.join(format!("{name}_config.json")).exists() || !expected.exists() {
            continue;
        }
        let expected_text = std::fs::read_to_string(expected).unwrap();
        let expected: Value = serde_json::from_str(&expected_text).unwrap();
        match summary(&dir, &name) {
            Ok(text) => {
                compared += 1;
                let got: Value = serde_json::from_str(&text).unwrap();
                let (got, want) = (exact(&got), exact(&expected));
                if text.trim_end() == expected_text.trim_end() {
                    eprintln!("{name}: byte for byte as RCTab writes it");
                } else if got != want {
                    failures.push(format!(
                        "{name}: differs\n got {}\nwant {}",
                        serde_json::to_string(&got).unwrap(),
                        serde_json::to_string(&want).unwrap()
                    ));
                } else {
                    eprintln!("{name}: same as RCTab");
                }
            }
            Err(error) => eprintln!("{name}: not compared: {error}"),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared > 0);
}
