//! The modules of `tally` depend on each other in one direction only (issue 10, item 7):
//! `report/` renders what the methods return and imports `methods/`; `methods/` never imports
//! `report/`; the stage types both share (`Transfer`, `Recipient`, `OptionStatus`) live in
//! `stage.rs`, a leaf that imports neither. Before, `report/` and `methods/` imported each
//! other (a circle of six files). This test reads the sources and fails if the circle comes
//! back.
//!
//! Every path in a file is resolved to the crate's module tree: `use` trees (`crate::{a::b,
//! c::{d, e}}`), paths written in the code (`crate::report::Report`), `super::` and `self::`,
//! and a path that starts with a child module of the file (`mod report; use report::X;` in
//! `methods/irv.rs` is `methods::irv::report`, not the crate's `report`).

use std::path::{Path, PathBuf};

/// The source text without comments, strings and character literals (they may hold any text).
fn code_only(source: &str) -> String {
    let bytes: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i] == '/' && bytes.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if bytes[i] == '*' && bytes.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && raw_string_at(&bytes, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while bytes.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1;
            loop {
                if j >= bytes.len() {
                    break;
                }
                if bytes[j] == '"' && (1..=hashes).all(|k| bytes.get(j + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && char_literal_end(&bytes, i).is_some() {
            i = char_literal_end(&bytes, i).unwrap_or(i + 1);
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `r` at `at` starts a raw string (`r"…"`, `r#"…"#`) rather than ending a name.
fn raw_string_at(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).and_then(|b| chars.get(b));
    if before.is_some_and(|c| c.is_alphanumeric() || *c == '_') {
        return false;
    }
    let mut j = at + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    chars.get(j) == Some(&'"')
}

/// The end of a character literal starting at `at` (`'a'`, `'\n'`, `'\''`), or `None` for a
/// lifetime (`'a`).
fn char_literal_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at + 1)? {
        '\\' => {
            let mut j = at + 2;
            while j < chars.len() && chars[j] != '\'' {
                j += 1;
                if j > at + 12 {
                    return None;
                }
            }
            Some(j + 1)
        }
        _ => (chars.get(at + 2) == Some(&'\'')).then_some(at + 3),
    }
}

/// Identifiers and the punctuation that paths are made of.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_owned());
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

/// Every path of a `use` tree starting at `tokens[*at]`, each with `prefix` in front.
fn use_tree(tokens: &[String], at: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    while let Some(token) = tokens.get(*at) {
        match token.as_str() {
            "::" => *at += 1,
            "{" => {
                *at += 1;
                loop {
                    use_tree(tokens, at, &path, out);
                    match tokens.get(*at).map(String::as_str) {
                        Some(",") => *at += 1,
                        Some("}") => {
                            *at += 1;
                            return;
                        }
                        _ => return,
                    }
                    if tokens.get(*at).map(String::as_str) == Some("}") {
                        *at += 1;
                        return;
                    }
                }
            }
            "as" => *at += 2,
            "," | "}" | ";" => break,
            "*" => {
                *at += 1;
            }
            name => {
                path.push(name.to_owned());
                *at += 1;
            }
        }
    }
    out.push(path);
}

/// The paths a file names: its `use` trees and the paths in its code that start with
/// `crate`, `super` or `self`.
fn paths(source: &str) -> Vec<Vec<String>> {
    let tokens = tokens(&code_only(source));
    let mut out = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        let token = tokens[at].as_str();
        if token == "use" {
            at += 1;
            use_tree(&tokens, &mut at, &[], &mut out);
            continue;
        }
        if matches!(token, "crate" | "super" | "self")
            && tokens.get(at + 1).map(String::as_str) == Some("::")
            && tokens.get(at.wrapping_sub(1)).map(String::as_str) != Some("::")
        {
            let mut path = vec![token.to_owned()];
            let mut j = at + 1;
            while tokens.get(j).map(String::as_str) == Some("::") {
                match tokens.get(j + 1) {
                    Some(name) if name.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                        path.push(name.clone());
                        j += 2;
                    }
                    _ => break,
                }
            }
            out.push(path);
            at = j;
            continue;
        }
        at += 1;
    }
    out
}

/// The child modules a file declares (`mod report;`, `pub mod x { … }`).
fn child_modules(source: &str) -> Vec<String> {
    let tokens = tokens(&code_only(source));
    tokens
        .windows(2)
        .filter(|pair| pair[0] == "mod")
        .map(|pair| pair[1].clone())
        .collect()
}

/// `path` (as written in the module at `module`) as a path from the crate root; `None` for a
/// path into another crate.
fn resolve(path: &[String], module: &[String], children: &[String]) -> Option<Vec<String>> {
    let first = path.first()?;
    let mut resolved: Vec<String>;
    let rest: &[String];
    match first.as_str() {
        "crate" => {
            resolved = Vec::new();
            rest = &path[1..];
        }
        "self" | "super" => {
            resolved = module.to_vec();
            let mut i = 0;
            while let Some(segment) = path.get(i) {
                match segment.as_str() {
                    "self" => {}
                    "super" => {
                        resolved.pop()?;
                    }
                    _ => break,
                }
                i += 1;
            }
            rest = &path[i..];
        }
        name if children.iter().any(|child| child == name) => {
            resolved = module.to_vec();
            rest = path;
        }
        _ => return None,
    }
    resolved.extend(rest.iter().cloned());
    Some(resolved)
}

/// Where each path of the file at `module` (with its source) leads in the crate.
fn imports(module: &[String], source: &str) -> Vec<Vec<String>> {
    let children = child_modules(source);
    paths(source)
        .iter()
        .filter_map(|path| resolve(path, module, &children))
        .collect()
}

/// The module path of a source file (`src/methods/irv/report.rs` is `methods::irv::report`).
fn module_of(file: &Path, src: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut module: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if matches!(
        module.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        module.pop();
    }
    module
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every import that goes from a module under `from` into a module under `into`, as
/// `file: path`.
fn crossings(from: &str, into: &[&str]) -> Vec<String> {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let module = module_of(&file, &src);
        if module.first().map(String::as_str) != Some(from) {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
        for path in imports(&module, &source) {
            if path
                .first()
                .is_some_and(|first| into.contains(&first.as_str()))
            {
                found.push(format!("{}: {}", file.display(), path.join("::")));
            }
        }
    }
    found
}

#[test]
fn the_methods_never_import_the_report() {
    assert_eq!(crossings("methods", &["report"]), Vec::<String>::new());
}

#[test]
fn the_stage_types_are_a_leaf_that_imports_neither_the_methods_nor_the_report() {
    assert_eq!(
        crossings("stage", &["methods", "report"]),
        Vec::<String>::new()
    );
}

#[test]
fn the_report_renders_the_methods_so_the_check_reads_real_imports() {
    // The other direction is allowed and exists: if this finds nothing, the reading of the
    // sources is broken and the two tests above prove nothing.
    assert!(!crossings("report", &["methods"]).is_empty());
    assert!(!crossings("methods", &["stage"]).is_empty());
}

#[test]
fn every_way_of_writing_an_import_is_resolved() {
    let irv = ["methods".to_owned(), "irv".to_owned()];
    let leads_to_report = |source: &str| {
        imports(&irv, source)
            .iter()
            .any(|path| path.first().map(String::as_str) == Some("report"))
    };
    assert!(leads_to_report("use crate::report::Report;"));
    assert!(leads_to_report(
        "use crate::{ballot::X, report::{Details, Outcome}};"
    ));
    assert!(leads_to_report("use super::super::report::Details;"));
    assert!(leads_to_report(
        "fn f() -> crate::report::Report { todo!() }"
    ));
    assert!(leads_to_report("use crate::{\n    report as r,\n};"));
    // The method's own report module, comments and strings are not the crate's report.
    assert!(!leads_to_report("mod report;\nuse report::IrvReport;"));
    assert!(!leads_to_report("pub use self::report::IrvReport;"));
    assert!(!leads_to_report(
        "// use crate::report::Report;\nconst S: &str = \"crate::report\";"
    ));
    assert!(!leads_to_report(
        "pub(crate) fn f() {}\nuse serde::Serialize;"
    ));
}
