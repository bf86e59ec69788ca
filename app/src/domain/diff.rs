//! Word-level differences between two texts (proposal revisions, amendments; spec §2: every
//! revision and amendment "stays visible with its diff").

use serde::{Deserialize, Serialize};

/// What a run of text is in the newer version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// In both.
    Same,
    /// Only in the newer text.
    Inserted,
    /// Only in the older text.
    Deleted,
}

/// A run of text and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// What happened to it.
    pub change: Change,
    /// The text, with its spaces and line breaks.
    pub text: String,
}

/// The differences from `old` to `new`, word by word (whitespace kept with the words, so the
/// segments joined without the deleted ones give `new`, and without the inserted ones `old`).
/// Neighbouring runs of the same kind are merged, so a rewritten sentence reads as one
/// deletion and one insertion.
pub fn words(old: &str, new: &str) -> Vec<Segment> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_unicode_words(old, new);
    let mut segments: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => Change::Same,
            similar::ChangeTag::Insert => Change::Inserted,
            similar::ChangeTag::Delete => Change::Deleted,
        };
        match segments.last_mut() {
            Some(last) if last.change == kind => last.text.push_str(change.value()),
            _ => segments.push(Segment {
                change: kind,
                text: change.value().to_owned(),
            }),
        }
    }
    segments
}

/// Whether nothing changed.
pub fn is_unchanged(segments: &[Segment]) -> bool {
    segments.iter().all(|s| s.change == Change::Same)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(segments: &[Segment], without: Change) -> String {
        segments
            .iter()
            .filter(|s| s.change != without)
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn a_changed_word_is_one_deletion_and_one_insertion() {
        let segments = words("We buy ten panels.", "We buy twelve panels.");
        let changed: Vec<_> = segments
            .iter()
            .filter(|s| s.change != Change::Same)
            .map(|s| (s.change, s.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            [(Change::Deleted, "ten"), (Change::Inserted, "twelve")]
        );
    }

    #[test]
    fn both_texts_can_be_read_back_from_the_segments() {
        let old = "First line.\n\nSecond, with  two spaces.";
        let new = "First line, longer.\n\nSecond.\nThird!";
        let segments = words(old, new);
        assert_eq!(joined(&segments, Change::Deleted), new);
        assert_eq!(joined(&segments, Change::Inserted), old);
        assert!(!is_unchanged(&segments));
        assert!(is_unchanged(&words(old, old)));
    }

    #[test]
    fn empty_texts_differ_by_everything() {
        assert_eq!(
            words("", "New text"),
            [Segment {
                change: Change::Inserted,
                text: "New text".into()
            }]
        );
        assert!(words("", "").is_empty());
    }
}
