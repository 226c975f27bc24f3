//! paxscreen's foreign-function surface: the records, errors and functions
//! that uniffi turns into the Kotlin, Swift and Python SDKs.
//!
//! This crate is conversion only: every function calls the core and copies
//! its result into owned records uniffi can carry. No logic lives here that
//! the core lacks.
//!
//! Conventions shared by every language:
//!
//! - Dates are ISO 8601 strings: `YYYY-MM-DD` for dates, `YYYY-MM-DDTHH:MM:SS`
//!   (local time, no zone, as the messages give it) for date-times. Inputs
//!   that take a date (`today`) take the same form.
//! - Open code lists (list type, traveller role, document kind...) are
//!   strings with the names the CLI's JSON uses; closed ones (severity,
//!   gender, MRZ format, check status) are enums.
//! - Counts and indexes are unsigned; byte offsets are `u64`.
//! - Errors: one error type per concern ([`ParseError`], [`MrzError`],
//!   [`PackError`], [`ScreenError`]); each message starts with the place and says why, and
//!   the same text is Kotlin's `message`, Python's `str(e)` and Swift's
//!   `localizedDescription`. A Rust panic never crosses the boundary: it
//!   becomes the `Internal` variant of the function's error.

// The scaffolding uniffi generates is not documented item by item.
#![allow(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]

uniffi::setup_scaffolding!("paxscreen_ffi");

mod booking;
mod error;
mod guard;
mod manifest;
mod parse;
mod scan;
mod screen;

pub use booking::*;
pub use error::{MrzError, PackError, ParseError, ScreenError};
pub use manifest::*;
pub use parse::*;
pub use scan::*;
pub use screen::*;
