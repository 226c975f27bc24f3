//! The errors of the FFI surface, one enum per concern.
//!
//! They are "flat" uniffi errors: the host language gets the variant (to
//! catch one kind) and one message, the `Display` text below, which always
//! starts with the place of the problem and then says why. Structured
//! positions of everything short of an unreadable input are on the results,
//! as diagnostics.

use paxscreen_core::edifact;
use paxscreen_core::mrz;

/// An EDIFACT input (PAXLST manifest or PNRGOV push) that could not be read
/// at all. Everything short of this is a diagnostic on the result.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum ParseError {
    /// The input is empty or holds only blanks.
    #[error("{0}")]
    Empty(String),
    /// No UNA, UNB or UNH segment anywhere in the input.
    #[error("{0}")]
    NoInterchange(String),
    /// An interchange, but no message of the kind asked for.
    #[error("{0}")]
    NoMessage(String),
    /// An argument is not valid (e.g. a date that is not `YYYY-MM-DD`).
    #[error("{0}")]
    InvalidArgument(String),
    /// A bug in paxscreen (a panic caught at the boundary).
    #[error("{0}")]
    Internal(String),
}

impl From<edifact::Error> for ParseError {
    fn from(e: edifact::Error) -> Self {
        let text = format!("{}: {} [{}]", e.position, e.kind, e.kind.code());
        match e.kind {
            edifact::ErrorKind::Empty => ParseError::Empty(text),
            edifact::ErrorKind::NoInterchange => ParseError::NoInterchange(text),
            edifact::ErrorKind::NoMessage { .. } => ParseError::NoMessage(text),
            _ => ParseError::Internal(text),
        }
    }
}

/// MRZ lines that could not be read at all (no line, a line count or a
/// line length no ICAO 9303 format has). Check digit failures and misreads
/// are not errors: they are on the scan.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum MrzError {
    /// No line that is not blank.
    #[error("{0}")]
    Empty(String),
    /// A number of lines no format has.
    #[error("{0}")]
    LineCount(String),
    /// A line length no format has.
    #[error("{0}")]
    LineLength(String),
    /// An argument is not valid (e.g. a date that is not `YYYY-MM-DD`).
    #[error("{0}")]
    InvalidArgument(String),
    /// A bug in paxscreen (a panic caught at the boundary).
    #[error("{0}")]
    Internal(String),
}

impl From<mrz::MrzError> for MrzError {
    fn from(e: mrz::MrzError) -> Self {
        let text = format!("{}: {}", e.position, e.kind);
        match e.kind {
            mrz::MrzErrorKind::Empty => MrzError::Empty(text),
            mrz::MrzErrorKind::LineCount { .. } => MrzError::LineCount(text),
            _ => MrzError::LineLength(text),
        }
    }
}

/// A rule pack that could not be loaded, or a purpose no deployment has.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum PackError {
    /// The pack's TOML, a condition or an explanation has errors; the
    /// message lists each one with its line and column.
    #[error("{0}")]
    Invalid(String),
    /// The linter refused the pack (sensitive data, protected attribute
    /// alone, a channel the purpose does not allow...).
    #[error("{0}")]
    Refused(String),
    /// An argument is not valid (an unknown purpose, a date that is not
    /// `YYYY-MM-DD`).
    #[error("{0}")]
    InvalidArgument(String),
    /// A bug in paxscreen (a panic caught at the boundary).
    #[error("{0}")]
    Internal(String),
}

/// Inputs that could not be screened.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum ScreenError {
    /// An input could not be read at all; the message names the input, the
    /// position and the reason.
    #[error("{0}")]
    Unreadable(String),
    /// An argument is not valid (a traveller index out of range...).
    #[error("{0}")]
    InvalidArgument(String),
    /// A bug in paxscreen (a panic caught at the boundary).
    #[error("{0}")]
    Internal(String),
}
