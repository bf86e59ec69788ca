//! Every scenario on SQLite, plus what only the binary's start-up can show.

mod helpers;
mod scenarios;

use helpers::Db;
use helpers::quorate_bin;
use std::process::{Command, Output};

engine_tests!(Db::Sqlite);

/// Runs `quorate` with the given environment and arguments to completion.
fn run_quorate(env: &[(&str, &str)], args: &[&str]) -> Output {
    let work_dir = tempfile::tempdir().unwrap();
    Command::new(quorate_bin())
        .args(args)
        // The harness's own QUORATE_BIN is no setting of the binary's (unknown keys are refused).
        .env_remove("QUORATE_BIN")
        .envs(env.iter().copied())
        .current_dir(work_dir.path())
        .output()
        .expect("quorate runs")
}

fn one_clear_line(output: &std::process::Output) -> String {
    assert!(!output.status.success(), "exits non-zero");
    let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[test]
fn a_database_url_of_another_kind_is_refused_in_one_line() {
    let output = run_quorate(
        &[("QUORATE_DATABASE_URL", "mysql://root:hunter2@db/quorate")],
        &["serve"],
    );
    let line = one_clear_line(&output);
    assert!(line.contains("sqlite:// or postgres://"), "{line}");
    assert!(!line.contains("hunter2"), "the password is masked: {line}");
}

#[test]
fn an_unreachable_database_is_reported_with_its_password_masked() {
    let output = run_quorate(
        &[(
            "QUORATE_DATABASE_URL",
            "postgres://quorate:hunter2@127.0.0.1:1/quorate",
        )],
        &["migrate"],
    );
    let line = one_clear_line(&output);
    assert!(
        line.contains("postgres://quorate:****@127.0.0.1:1/quorate"),
        "{line}"
    );
    assert!(!line.contains("hunter2"));
}

#[test]
fn a_data_folder_that_cannot_be_written_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the folder should be: unwritable even for root.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let url = format!("sqlite://{}/data/quorate.db", blocker.display());
    let output = run_quorate(&[("QUORATE_DATABASE_URL", &url)], &["serve"]);
    let line = one_clear_line(&output);
    assert!(line.contains("cannot create the data folder"), "{line}");
    assert!(line.contains("not-a-folder/data"), "{line}");
}

#[test]
fn a_bad_bind_address_is_reported_before_anything_starts() {
    let output = run_quorate(&[("QUORATE_BIND", "everywhere")], &["serve"]);
    let line = one_clear_line(&output);
    assert!(line.contains("IP:PORT"), "{line}");
}

#[test]
fn migrate_creates_the_embedded_database_and_can_run_twice() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/data/quorate.db", dir.path().display());
    for _ in 0..2 {
        let output = run_quorate(&[("QUORATE_DATABASE_URL", &url)], &["migrate"]);
        assert!(output.status.success(), "{output:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("up to date"));
    }
    assert!(dir.path().join("data/quorate.db").is_file());
}

#[test]
fn help_lists_the_commands() {
    let output = run_quorate(&[], &["--help"]);
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for command in ["serve", "migrate"] {
        assert!(help.contains(command), "{help}");
    }
}

#[test]
fn a_configuration_file_is_read_and_the_environment_overrides_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quorate.toml");
    std::fs::write(&file, "bind = \"not an address\"\n").unwrap();
    let from_file = run_quorate(&[], &["--config", file.to_str().unwrap(), "migrate"]);
    assert!(one_clear_line(&from_file).contains("not an address"));

    let url = format!("sqlite://{}/db/q.db", dir.path().display());
    let overridden = run_quorate(
        &[
            ("QUORATE_BIND", "127.0.0.1:0"),
            ("QUORATE_DATABASE_URL", &url),
        ],
        &["--config", file.to_str().unwrap(), "migrate"],
    );
    assert!(overridden.status.success(), "{overridden:?}");

    std::fs::write(&file, "colour = \"blue\"\n").unwrap();
    let unknown = run_quorate(&[], &["--config", file.to_str().unwrap(), "migrate"]);
    assert!(one_clear_line(&unknown).contains("colour"));
}

#[test]
fn an_openid_provider_from_the_environment_is_checked_at_start() {
    let provider = r#"[{id="keycloak",name="Keycloak",issuer="ftp://id.example.org",client_id="quorate",client_secret="hunter2"}]"#;
    let output = run_quorate(&[("QUORATE_OIDC", provider)], &["serve"]);
    let line = one_clear_line(&output);
    assert!(line.contains("OpenID provider \"keycloak\""), "{line}");
    assert!(line.contains("http:// or https://"), "{line}");
    assert!(!line.contains("hunter2"), "the secret is not shown: {line}");
}

/// Every `pub async fn …(db: Db)` in `scenarios/` is in the `engine_tests!` list, so none is
/// written and never run (the list is kept by hand).
#[test]
fn every_scenario_is_on_the_list_that_runs_them() {
    let sources = [
        ("addresses", include_str!("scenarios/addresses.rs")),
        ("assets", include_str!("scenarios/assets.rs")),
        ("binary", include_str!("scenarios/binary.rs")),
        ("identity", include_str!("scenarios/identity.rs")),
        ("oidc", include_str!("scenarios/oidc.rs")),
        (
            "proposal_injection",
            include_str!("scenarios/proposal_injection.rs"),
        ),
        ("proposals", include_str!("scenarios/proposals.rs")),
        ("races", include_str!("scenarios/races.rs")),
        ("security", include_str!("scenarios/security.rs")),
        ("web", include_str!("scenarios/web.rs")),
    ];
    let list = include_str!("scenarios/mod.rs");
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios"))
        .unwrap()
        .filter(|entry| {
            let name = entry.as_ref().unwrap().file_name();
            name != "mod.rs"
        })
        .count();
    assert_eq!(
        files,
        sources.len(),
        "a scenario file is missing from this test"
    );
    let mut missing = Vec::new();
    for (module, source) in sources {
        for rest in source.split("pub async fn ").skip(1) {
            let (name, signature) = rest.split_once('(').unwrap_or_default();
            if !signature.starts_with("db: Db)") {
                continue;
            }
            let entry = format!("{module}::{name},");
            if !list.contains(&entry) {
                missing.push(entry);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not on the list in scenarios/mod.rs: {missing:?}"
    );
}
