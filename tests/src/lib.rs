//! End-to-end tests of paxscreen live in `tests/`; this crate has no library code.
