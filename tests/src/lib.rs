//! Integration tests live in `tests/`; see `tests/helpers`.
