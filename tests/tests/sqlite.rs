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

/// The scenarios `engine_tests!` runs, as `["module::name", …]`, from `all_scenarios!`.
#[macro_export]
macro_rules! scenario_names {
    (; $($module:ident :: $name:ident),+ $(,)?) => {
        [$(concat!(stringify!($module), "::", stringify!($name))),+]
    };
}

/// Every `pub async fn …(db: Db)` in `scenarios/` is on the list that runs them, and the list
/// names nothing else. `tests/build.rs` writes that list; this reads the files again its own,
/// simpler way, so a scenario the build script's reading missed fails here.
#[test]
fn every_scenario_is_on_the_list_that_runs_them() {
    use std::collections::BTreeSet;
    let listed: BTreeSet<String> = scenarios::all_scenarios!(scenario_names!())
        .map(str::to_owned)
        .into();
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios");
    let mut written = BTreeSet::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let module = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if module == "mod" {
            continue;
        }
        // All on one line, however rustfmt broke long signatures.
        let source = std::fs::read_to_string(&path).unwrap();
        let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
        for rest in source.split("pub async fn ").skip(1) {
            let (name, rest) = rest.split_once('(').unwrap_or_default();
            let params = rest.split(')').next().unwrap_or_default();
            if params.trim().trim_end_matches(',').trim() == "db: Db" {
                written.insert(format!("{module}::{name}"));
            }
        }
    }
    let missing: Vec<_> = written.difference(&listed).collect();
    let unknown: Vec<_> = listed.difference(&written).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "scenarios not run: {missing:?}; run but not found in the files: {unknown:?}"
    );
}
