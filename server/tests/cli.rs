//! The `quorate` binary's command line. (This test also makes `cargo test` build the binary
//! that the integration and browser tests start.)

#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is how a test fails"
)]

use std::process::Command;

#[test]
fn version_names_the_program_and_its_version() {
    let output = Command::new(env!("CARGO_BIN_EXE_quorate"))
        .arg("--version")
        .output()
        .expect("quorate runs");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("quorate {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_command_is_refused_with_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_quorate"))
        .arg("vote-for-me")
        .output()
        .expect("quorate runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unrecognized subcommand"), "{stderr}");
    assert!(stderr.contains("Usage:"), "{stderr}");
}

/// The worked example of counting-rules.md §2 as a BLT file.
const IRV_EXAMPLE: &str = "5 1\n8 1 0\n5 2 1 0\n4 3 2 0\n2 4 3 0\n1 5 4 0\n0\n\"Oak\"\n\"Pine\"\n\"Elm\"\n\"Ash\"\n\"Yew\"\n\"Worked example\"\n";

fn count(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_quorate"))
        .arg("count")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("quorate runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn count_reads_a_blt_file_and_prints_the_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("example.blt");
    std::fs::write(&path, IRV_EXAMPLE).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_quorate"))
        .args(["count", "--method", "irv", "--batch-elimination"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Oak"), "{text}");
    assert!(text.to_lowercase().contains("elected"), "{text}");
}

#[test]
fn count_reads_standard_input_and_writes_the_rctab_summary() {
    let output = count(
        &[
            "--method",
            "irv",
            "--batch-elimination",
            "--output",
            "rctab",
            "--format",
            "blt",
            "-",
        ],
        IRV_EXAMPLE,
    );
    assert!(output.status.success(), "{output:?}");
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    // counting-rules.md §7.4: round 3 elects Oak with 13 of a threshold of 10.
    assert_eq!(summary["summary"]["finalThreshold"], "10");
    assert_eq!(summary["results"][2]["tally"]["Oak"], "13");
    assert_eq!(summary["results"][2]["tallyResults"][0]["elected"], "Oak");
}

#[test]
fn count_refuses_a_broken_file_with_the_line_and_column() {
    let output = count(
        &["--method", "irv", "--format", "blt", "-"],
        "5 1\n8 1 9 0\n0\n",
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("line 2"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
