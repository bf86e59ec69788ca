//! Ballot file formats (decision-rules.md §10): parsers never panic on any input.
