//! Minutes laid out once, written three ways (decision-rules.md §9): a [`Document`] is a
//! list of blocks (headings, paragraphs, lists, tables, code, the typed Markdown of notes and
//! statements, lines to sign) that becomes Markdown here, HTML on the minutes pages and a PDF
//! in the server (typst reads the document as JSON data, so typed text is never markup).

use serde::{Deserialize, Serialize};

/// A printable document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Its title (the PDF's metadata and first heading).
    pub title: String,
    /// The language it is written in (`en`, `ca`, …).
    pub lang: String,
    /// The paper it is printed on.
    pub paper: Paper,
    /// The page footer, `{page}` and `{pages}` filled in on each page.
    pub page_label: String,
    /// What it says, in order.
    pub blocks: Vec<Block>,
}

/// The paper printed minutes use (an organisation's setting).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Paper {
    /// ISO A4.
    #[default]
    A4,
    /// US Letter.
    UsLetter,
}

impl Paper {
    /// The stored code: `a4` or `letter`.
    pub fn code(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "letter",
        }
    }

    /// Reads a stored or posted code.
    pub fn from_code(code: &str) -> Option<Paper> {
        match code {
            "a4" => Some(Paper::A4),
            "letter" => Some(Paper::UsLetter),
            _ => None,
        }
    }
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading, 1 the highest.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        text: String,
    },
    /// A paragraph of plain text.
    Paragraph {
        /// Its text.
        text: String,
    },
    /// A paragraph in bold (an outcome).
    Strong {
        /// Its text.
        text: String,
    },
    /// A bulleted list of plain texts.
    List {
        /// The items.
        items: Vec<String>,
    },
    /// A table with a caption and a header row; every row as long as the header.
    Table {
        /// What it shows.
        caption: String,
        /// The header row.
        head: Vec<String>,
        /// The rows.
        rows: Vec<Vec<String>>,
    },
    /// A command to type, as is.
    Code {
        /// The command.
        text: String,
    },
    /// Markdown as a person typed it (notes, an outcome statement).
    Markdown {
        /// As typed.
        text: String,
        /// Rendered and sanitised, for a page (filled in by the server when it builds one).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        html: String,
    },
    /// Lines to sign, one per label.
    Signatures {
        /// Who signs ("Chair", "Minute-taker").
        labels: Vec<String>,
        /// The word before the date line.
        date: String,
    },
}

impl Block {
    /// A heading.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    /// A paragraph.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph { text: text.into() }
    }

    /// A table; short rows are padded with empty cells so every row has the header's width.
    pub fn table(caption: impl Into<String>, head: Vec<String>, rows: Vec<Vec<String>>) -> Block {
        let width = head.len();
        let rows = rows
            .into_iter()
            .map(|mut row| {
                row.resize(width, String::new());
                row
            })
            .collect();
        Block::Table {
            caption: caption.into(),
            head,
            rows,
        }
    }

    /// The same block with its heading `by` levels lower (for a part inside a larger whole).
    pub fn lowered(self, by: u8) -> Block {
        match self {
            Block::Heading { level, text } => Block::Heading {
                level: level.saturating_add(by).min(6),
                text,
            },
            other => other,
        }
    }
}

/// A cell or name for Markdown: no pipe or line break can break a table, and no HTML is
/// taken as HTML by a renderer.
pub fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A code fence longer than any run of backticks in `text`, so it cannot be closed early.
fn fence(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// The document as Markdown: typed plain text escaped, typed Markdown as typed.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Heading { level, text } => {
                out.push_str(&format!(
                    "{} {}\n\n",
                    "#".repeat(usize::from((*level).clamp(1, 6))),
                    cell(text)
                ));
            }
            Block::Paragraph { text } => out.push_str(&format!("{}\n\n", cell(text))),
            Block::Strong { text } => out.push_str(&format!("**{}**\n\n", cell(text))),
            Block::List { items } => {
                for item in items {
                    out.push_str(&format!("- {}\n", cell(item)));
                }
                out.push('\n');
            }
            Block::Table {
                caption,
                head,
                rows,
            } => {
                if !caption.is_empty() {
                    out.push_str(&format!("**{}**\n\n", cell(caption)));
                }
                let line = |cells: &[String]| {
                    format!(
                        "| {} |\n",
                        cells
                            .iter()
                            .map(|c| cell(c))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                };
                out.push_str(&line(head));
                out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                for row in rows {
                    out.push_str(&line(row));
                }
                out.push('\n');
            }
            Block::Code { text } => {
                let fence = fence(text);
                out.push_str(&format!("{fence}sh\n{text}\n{fence}\n\n"));
            }
            Block::Markdown { text, .. } => {
                if !text.trim().is_empty() {
                    out.push_str(&format!("{}\n\n", text.trim()));
                }
            }
            Block::Signatures { labels, date } => {
                for label in labels {
                    out.push_str(&format!(
                        "{}: ______________________ {}: ____________\n\n",
                        cell(label),
                        cell(date)
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_cannot_open_markup_or_break_a_table_in_markdown() {
        assert_eq!(
            cell("Roof <script>|x\r\ny & z"),
            "Roof &lt;script&gt;\\|x  y &amp; z"
        );
        let md = to_markdown(&[
            Block::heading(2, "<b>Budget</b>"),
            Block::table(
                "Votes",
                vec!["A".into(), "B|C".into()],
                vec![vec!["1".into()]],
            ),
            Block::Code {
                text: "echo ```".into(),
            },
        ]);
        assert_eq!(
            md,
            "## &lt;b&gt;Budget&lt;/b&gt;\n\n**Votes**\n\n| A | B\\|C |\n|---|---|\n| 1 |  |\n\n````sh\necho ```\n````\n\n"
        );
    }

    #[test]
    fn a_part_is_lowered_under_its_heading_and_never_below_six() {
        assert_eq!(Block::heading(1, "x").lowered(3), Block::heading(4, "x"));
        assert_eq!(Block::heading(5, "x").lowered(3), Block::heading(6, "x"));
        assert_eq!(Block::paragraph("p").lowered(3), Block::paragraph("p"));
    }

    #[test]
    fn paper_codes_read_back() {
        for paper in [Paper::A4, Paper::UsLetter] {
            assert_eq!(Paper::from_code(paper.code()), Some(paper));
        }
        assert_eq!(Paper::from_code("a3"), None);
        assert_eq!(
            serde_json::to_string(&Paper::UsLetter).unwrap(),
            "\"us-letter\""
        );
    }
}
