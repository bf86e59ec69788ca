//! Finds every scenario in `tests/scenarios/*.rs` and writes the list that runs them.
//!
//! A scenario is a `pub async fn NAME(db: Db)` in a file declared with `pub mod` in
//! `tests/scenarios/mod.rs`. The list goes to `$OUT_DIR/all_scenarios.rs` as the macro
//! `all_scenarios!`, which `scenarios/mod.rs` includes and `engine_tests!` expands into one
//! test per scenario and engine: a scenario runs as soon as it is written, with no list to
//! keep by hand. Whatever looks like a scenario but would not be found stops the build with
//! a message that names it.

use std::{collections::BTreeMap, fmt::Write as _, fs, path::Path};

/// Where the scenarios live, relative to this package.
const FOLDER: &str = "tests/scenarios";

fn main() {
    println!("cargo::rerun-if-changed={FOLDER}");
    let declared = fs::read_to_string(Path::new(FOLDER).join("mod.rs"))
        .unwrap_or_else(|e| panic!("cannot read {FOLDER}/mod.rs: {e}"));

    // Scenario name -> module: test names are the bare scenario names, so they must be unique.
    let mut scenarios: BTreeMap<String, String> = BTreeMap::new();
    for module in scenario_files(&declared) {
        let path = format!("{FOLDER}/{module}.rs");
        let source =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
        for name in scenarios_in(&path, &source) {
            if let Some(other) = scenarios.insert(name.clone(), module.clone()) {
                panic!(
                    "`{name}` is a scenario in both {FOLDER}/{other}.rs and {path}: each test \
                     is named after its scenario, so scenario names must be unique"
                );
            }
        }
    }
    assert!(!scenarios.is_empty(), "no scenario found in {FOLDER}/*.rs");

    let mut list = String::new();
    let mut by_module: Vec<(&String, &String)> = scenarios.iter().map(|(n, m)| (m, n)).collect();
    by_module.sort();
    for (module, name) in by_module {
        writeln!(list, "            {module}::{name},").expect("writing to a String");
    }
    let generated = format!(
        "// Written by tests/build.rs from {FOLDER}/*.rs; do not edit.\n\
         \n\
         /// Calls `$then! {{ ARGS; module::scenario, ... }}` with every scenario in\n\
         /// `{FOLDER}/` (every `pub async fn NAME(db: Db)`).\n\
         macro_rules! all_scenarios {{\n    \
             ($then:ident ! ($($args:tt)*)) => {{\n        \
                 $crate::$then! {{ $($args)*;\n{list}        }}\n    \
             }};\n\
         }}\n"
    );
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out_dir).join("all_scenarios.rs");
    fs::write(&out, generated).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// The modules of the scenario folder (file stems, `mod` excluded), checking that each is
/// declared `pub mod` in `mod.rs` and that no scenario hides in a subfolder.
fn scenario_files(declared: &str) -> Vec<String> {
    let mut modules = Vec::new();
    for entry in fs::read_dir(FOLDER).unwrap_or_else(|e| panic!("cannot list {FOLDER}: {e}")) {
        let path = entry.expect("a folder entry").path();
        let file = path.display();
        assert!(
            !path.is_dir(),
            "{file} is a folder: scenarios live one area per file, {FOLDER}/<area>.rs, \
             where tests/build.rs finds them"
        );
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let module = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_else(|| panic!("{file}: a file name that is not UTF-8"))
            .to_owned();
        if module == "mod" {
            continue;
        }
        let line = format!("pub mod {module};");
        assert!(
            declared.lines().any(|l| l.trim() == line),
            "{file} is not declared in {FOLDER}/mod.rs, so its scenarios would never run: \
             add `{line}` there"
        );
        modules.push(module);
    }
    modules.sort();
    modules
}

/// The scenarios in one file, in order. A function that takes a `Db` and returns nothing is
/// a scenario, and must be written exactly as one.
fn scenarios_in(path: &str, source: &str) -> Vec<String> {
    // Comment lines out (kept as empty lines, so line numbers stay right).
    let code: String = source
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    for function in functions(&code) {
        let takes_db = function.params.split(',').any(|p| p.ends_with(":Db"));
        if !takes_db || function.returns_something {
            continue;
        }
        let Function {
            name,
            line,
            qualifiers,
            params,
            ..
        } = function;
        assert!(
            qualifiers == "pub async" && params == "db:Db",
            "{path}:{line}: `{name}` takes a `Db` and returns nothing, like a scenario, but \
             tests/build.rs only runs functions written `pub async fn {name}(db: Db)`: write \
             it that way (or, if it is a helper, let it return what it sets up)"
        );
        found.push(name);
    }
    found
}

/// A `fn` item as written.
struct Function {
    name: String,
    /// 1-based line of the `fn` keyword.
    line: usize,
    /// What precedes `fn` on its line, e.g. `pub async`.
    qualifiers: String,
    /// The parameter list without whitespace or a trailing comma, e.g. `db:Db`.
    params: String,
    /// Whether `-> …` follows the parameters.
    returns_something: bool,
}

/// Every named `fn` in `code` whose parameters follow its name directly (no generics).
fn functions(code: &str) -> Vec<Function> {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut functions = Vec::new();
    for (at, _) in code.match_indices("fn") {
        let before = code.get(..at).unwrap_or_default();
        let after = code.get(at + 2..).unwrap_or_default();
        if before.chars().next_back().is_some_and(is_ident)
            || !after.starts_with(char::is_whitespace)
        {
            continue;
        }
        let after = after.trim_start();
        let name: String = after.chars().take_while(|c| is_ident(*c)).collect();
        let Some(rest) = after.get(name.len()..).map(str::trim_start) else {
            continue;
        };
        if name.is_empty() || !rest.starts_with('(') {
            continue;
        }
        let Some(close) = closing_paren(rest) else {
            continue;
        };
        let params: String = rest
            .get(1..close)
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let tail = rest.get(close + 1..).unwrap_or_default().trim_start();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        functions.push(Function {
            name,
            line: before.matches('\n').count() + 1,
            qualifiers: before
                .get(line_start..)
                .unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            params: params.trim_end_matches(',').to_owned(),
            returns_something: tail.starts_with("->"),
        });
    }
    functions
}

/// The index of the `)` that closes the `(` at the start of `text`.
fn closing_paren(text: &str) -> Option<usize> {
    let mut depth = 0_usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}
