//! Errors: what makes an input unreadable as a whole.

use crate::model::Position;
use std::fmt;

/// An input that could not be read at all, with the place it failed.
///
/// Everything short of this is a [`crate::Diagnostic`] on the result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at {position}")]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where.
    pub position: Position,
}

/// The kinds of [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or holds only blanks and line breaks.
    Empty,
    /// No UNA, UNB or UNH segment was found anywhere in the input.
    NoInterchange,
    /// An interchange was found, but it holds no message of the kind asked
    /// for (e.g. a PAXLST reader given a PNRGOV push).
    NoMessage {
        /// The message type that was looked for.
        expected: &'static str,
    },
    /// A value given to the writer cannot be written with its delimiters.
    Unwritable {
        /// Why.
        reason: String,
    },
}

impl ErrorKind {
    /// The stable code of this kind (`edifact.empty`...).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ErrorKind::Empty => "edifact.empty",
            ErrorKind::NoInterchange => "edifact.no_interchange",
            ErrorKind::NoMessage { .. } => "edifact.no_message",
            ErrorKind::Unwritable { .. } => "edifact.unwritable",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Empty => f.write_str("the input is empty"),
            ErrorKind::NoInterchange => {
                f.write_str("no EDIFACT interchange (UNA, UNB or UNH segment) was found")
            }
            ErrorKind::NoMessage { expected } => {
                write!(f, "the input holds no {expected} message")
            }
            ErrorKind::Unwritable { reason } => write!(f, "cannot write the value: {reason}"),
        }
    }
}
