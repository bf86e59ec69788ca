//! The `quorate` binary's command line. (This test also makes `cargo test` build the binary
//! that the integration and browser tests start.)

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
