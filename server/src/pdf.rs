//! Minutes as PDF (decision-rules.md §9), drawn inside the binary by typst 0.15.1 as a
//! library: no browser, no network, fonts embedded.
//!
//! A template is compiled as the virtual file `/main.typ`; the document data is
//! served as the virtual file `/data.json`, which the template reads with
//! `json("data.json")`. User-typed strings therefore reach Typst only as JSON
//! string values: they are displayed as plain text and never parsed as markup
//! or code.
//!
//! Everything happens in memory: the fonts are the ones embedded by
//! `typst-assets` (feature `fonts`), no file other than the two virtual ones can
//! be read, and packages (`@preview/...`) are refused, so nothing is downloaded.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

/// Where the template lives in the virtual file system.
const MAIN_PATH: &str = "/main.typ";
/// Where the data lives; the template reads it with `json("data.json")`.
const DATA_PATH: &str = "/data.json";
/// Memoized results that went unused for this many renders are dropped from
/// Typst's global cache, so a long-running server does not grow without bound.
const CACHE_MAX_AGE: usize = 4;

/// Renders `template` (Typst markup) to PDF bytes, with `data_json` readable
/// from the template as `json("data.json")`.
///
/// CPU-bound: call it from `tokio::task::spawn_blocking`.
pub fn render_pdf(template: &str, data_json: &[u8]) -> Result<Vec<u8>, String> {
    let world = PdfWorld::new(template, data_json)?;
    let result = match catch_unwind(AssertUnwindSafe(|| compile_pdf(&world))) {
        Ok(result) => result,
        Err(_) => Err("the PDF renderer panicked".to_owned()),
    };
    typst::comemo::evict(CACHE_MAX_AGE);
    result
}

fn compile_pdf(world: &PdfWorld) -> Result<Vec<u8>, String> {
    let document = typst::compile::<PagedDocument>(world)
        .output
        .map_err(|errors| describe(world, &errors))?;
    typst_pdf::pdf(&document, &PdfOptions::default()).map_err(|errors| describe(world, &errors))
}

/// The in-memory world one render runs in.
struct PdfWorld {
    main_id: FileId,
    data_id: FileId,
    main_source: Source,
    main_bytes: Bytes,
    data: Bytes,
}

impl PdfWorld {
    fn new(template: &str, data_json: &[u8]) -> Result<Self, String> {
        let main_id = project_file(MAIN_PATH)?;
        let data_id = project_file(DATA_PATH)?;
        Ok(Self {
            main_id,
            data_id,
            main_source: Source::new(main_id, template.to_owned()),
            main_bytes: Bytes::from_string(template.to_owned()),
            data: Bytes::new(data_json.to_vec()),
        })
    }
}

/// The id of a file at `path` in the project root. Ids are interned by path,
/// so this returns the same id on every call and does not leak.
fn project_file(path: &str) -> Result<FileId, String> {
    let vpath = VirtualPath::new(path).map_err(|err| format!("invalid path {path}: {err}"))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

fn not_found(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Project => FileError::NotFound(id.vpath().get_with_slash().into()),
        VirtualRoot::Package(_) => FileError::Other(Some("packages are not available here".into())),
    }
}

impl World for PdfWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main_id {
            Ok(self.main_source.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main_id {
            Ok(self.main_bytes.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The standard library, built once.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// The fonts embedded by `typst-assets`, parsed once.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// One line per diagnostic, `path:line:column: message`, hints indented below.
fn describe(world: &PdfWorld, diagnostics: &[SourceDiagnostic]) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        if !out.is_empty() {
            out.push('\n');
        }
        if let Some(location) = locate(world, diagnostic) {
            out.push_str(&location);
            out.push_str(": ");
        }
        out.push_str(&diagnostic.message);
        for hint in diagnostic.hints.iter() {
            out.push_str("\n  hint: ");
            out.push_str(&hint.v);
        }
    }
    out
}

fn locate(world: &PdfWorld, diagnostic: &SourceDiagnostic) -> Option<String> {
    let id = diagnostic.span.id()?;
    let path = id.vpath().get_with_slash().to_owned();
    let position = world.range(diagnostic.span).and_then(|range| {
        world
            .source(id)
            .ok()?
            .lines()
            .byte_to_line_column(range.start)
    });
    Some(match position {
        Some((line, column)) => {
            let (line, column) = (line + 1, column + 1);
            format!("{path}:{line}:{column}")
        }
        None => path,
    })
}

/// The template that lays out every minutes document (`app::domain::document`).
const MINUTES: &str = include_str!("../templates/minutes.typ");

/// Draws a minutes document as a PDF in its language, on its paper, with page numbers.
/// CPU-bound: call it from `tokio::task::spawn_blocking`.
pub fn minutes(document: &app::domain::document::Document) -> Result<Vec<u8>, String> {
    let data = serde_json::to_vec(document).map_err(|e| e.to_string())?;
    render_pdf(MINUTES, &data)
}

#[cfg(test)]
mod tests {
    use super::{minutes, render_pdf};
    use app::domain::document::{Block, Document, Paper};

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = render_pdf("#let x = (", b"{}").unwrap_err();
        assert!(err.contains("/main.typ:1:"), "{err}");
    }

    #[test]
    fn no_other_files_are_readable_and_packages_are_refused() {
        let err = render_pdf(r#"#read("/etc/passwd")"#, b"{}").unwrap_err();
        assert!(err.contains("not found"), "{err}");
        assert!(render_pdf(r#"#import "@preview/example:0.1.0": *"#, b"{}").is_err());
    }

    #[test]
    fn typed_text_is_never_evaluated_in_any_block() {
        // Were any of these read as typst code, `panic` would stop the render.
        let evil = r#"#panic("injected") *x* $y$ <l> @r ] ) } // /* \"#;
        let document = Document {
            title: evil.into(),
            lang: "en".into(),
            paper: Paper::UsLetter,
            page_label: format!("{evil} {{page}} / {{pages}}"),
            blocks: vec![
                Block::heading(1, evil),
                Block::paragraph(evil),
                Block::Strong { text: evil.into() },
                Block::List {
                    items: vec![evil.into()],
                },
                Block::table(evil, vec![evil.into(), "b".into()], vec![vec![evil.into()]]),
                Block::Code { text: evil.into() },
                Block::Signatures {
                    labels: vec![evil.into()],
                    date: evil.into(),
                },
            ],
        };
        let pdf = minutes(&document).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
