//! The error of an MRZ that cannot be read at all.

use std::fmt;

use crate::model::Position;

/// Why an MRZ could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MrzErrorKind {
    /// The input has no line that is not blank.
    Empty,
    /// The input has a number of lines no format has (TD1 has 3, the others 2).
    LineCount {
        /// The number of non-blank lines found.
        found: usize,
    },
    /// A line is longer than its format allows.
    LineTooLong {
        /// The length of a line of the format.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// A line is too short for its format, beyond what is padded.
    LineTooShort {
        /// The length of a line of the format.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// Two lines whose length is neither near 36 nor near 44.
    UnknownLength {
        /// The length of the longer line.
        found: usize,
    },
}

impl fmt::Display for MrzErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MrzErrorKind::Empty => f.write_str("no MRZ line found"),
            MrzErrorKind::LineCount { found } => write!(
                f,
                "{found} lines match no MRZ format (TD1 has 3 lines, TD2, TD3 and visas 2)"
            ),
            MrzErrorKind::LineTooLong { expected, found } => write!(
                f,
                "line of {found} characters is longer than the {expected} of its format"
            ),
            MrzErrorKind::LineTooShort { expected, found } => write!(
                f,
                "line of {found} characters is too short for the {expected} of its format"
            ),
            MrzErrorKind::UnknownLength { found } => write!(
                f,
                "two lines of {found} characters match no format (36 or 44)"
            ),
        }
    }
}

/// An MRZ that could not be read, with the place of the problem.
///
/// `position.line` and `position.column` (1-based, column in bytes) refer to
/// the input as passed: the text for [`super::parse_text`], the slice of
/// lines for [`super::parse`] (where `byte_offset` counts as if the lines
/// were joined with `\n`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} at {position}")]
pub struct MrzError {
    /// What went wrong.
    pub kind: MrzErrorKind,
    /// Where.
    pub position: Position,
}

impl MrzError {
    /// 1-based line of the problem.
    #[must_use]
    pub fn line(&self) -> u32 {
        self.position.line
    }

    /// 1-based column of the problem.
    #[must_use]
    pub fn column(&self) -> u32 {
        self.position.column
    }
}
