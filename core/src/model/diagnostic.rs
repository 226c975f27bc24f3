//! Diagnostics: every deviation from the standard that the readers tolerated
//! or could not get past, with the place it was found.

use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Layout the reader tolerated without losing anything (a wrapped line,
    /// a blank between segments).
    Info,
    /// Something is wrong or missing; what could be read was read.
    Warning,
    /// The data is unusable at this place (and, in strict mode, any warning).
    Error,
}

impl Severity {
    /// The lower-case name used in output (`info`, `warning`, `error`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in the input something was found.
///
/// `byte_offset` is always set; `line` and `column` (both 1-based, column in
/// bytes) are filled in by the reader before it returns. Segment index and tag
/// are set when the place is inside a segment. The index counts segments from
/// the start of the interchange (UNA is not counted, UNB is 0).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Position {
    /// Byte offset from the start of the input.
    pub byte_offset: usize,
    /// 1-based line number (0 when not yet resolved).
    pub line: u32,
    /// 1-based column, in bytes (0 when not yet resolved).
    pub column: u32,
    /// Index of the segment within its interchange, if inside a segment.
    pub segment_index: Option<u32>,
    /// Tag of that segment (`NAD`, `DOC`...), if inside a segment.
    pub segment_tag: Option<String>,
}

impl Position {
    /// A position at a byte offset, not inside a segment.
    #[must_use]
    pub fn at(byte_offset: usize) -> Self {
        Position {
            byte_offset,
            ..Position::default()
        }
    }

    /// Fills in `line` and `column` from the input the offset refers to.
    pub fn resolve(&mut self, lines: &LineIndex) {
        let (line, column) = lines.line_column(self.byte_offset);
        self.line = line;
        self.column = column;
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "line {}, column {}", self.line, self.column)?;
        } else {
            write!(f, "byte {}", self.byte_offset)?;
        }
        if let Some(tag) = &self.segment_tag {
            match self.segment_index {
                Some(index) => write!(f, " (segment {index}, {tag})")?,
                None => write!(f, " ({tag})")?,
            }
        }
        Ok(())
    }
}

/// One deviation found while reading, with its place.
///
/// `code` is a stable, dotted identifier (`edifact.unt_count`,
/// `paxlst.unknown_qualifier`); every code is listed in `spec/formats/`.
/// `message` speaks of the structure, never repeats personal data beyond what
/// the caller passed in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable code, listed in the spec.
    pub code: &'static str,
    /// A sentence a person can read.
    pub message: String,
    /// Where it was found.
    #[serde(flatten)]
    pub position: Position,
}

impl Diagnostic {
    /// A new diagnostic at a position.
    #[must_use]
    pub fn new(
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
        position: Position,
    ) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            position,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] at {}: {}",
            self.severity, self.code, self.position, self.message
        )
    }
}

/// Upgrades every warning to an error: what strict mode does.
pub fn make_strict(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        if d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
    }
}

/// Offsets of line starts in an input, to turn byte offsets into line and
/// column. Built once per input, and only when there is something to place.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `input`. CR LF, LF and a lone CR each end a
    /// line.
    #[must_use]
    pub fn new(input: &[u8]) -> Self {
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', input) {
            if input[i] == b'\r' && input.get(i + 1) == Some(&b'\n') {
                continue; // the LF that follows ends this line
            }
            starts.push(i + 1);
        }
        LineIndex { starts }
    }

    /// 1-based line and column (in bytes) of a byte offset.
    #[must_use]
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        (
            u32::try_from(line + 1).unwrap_or(u32::MAX),
            u32::try_from(offset - start + 1).unwrap_or(u32::MAX),
        )
    }
}

/// Fills in line and column of every diagnostic from the input they refer to.
pub fn resolve_positions(input: &[u8], diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.position.line > 0) {
        return;
    }
    let lines = LineIndex::new(input);
    for d in diagnostics {
        d.position.resolve(&lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_handles_every_line_end() {
        let input = b"ab\ncd\r\nef\rgh";
        let lines = LineIndex::new(input);
        assert_eq!(lines.line_column(0), (1, 1));
        assert_eq!(lines.line_column(1), (1, 2));
        assert_eq!(lines.line_column(3), (2, 1));
        assert_eq!(lines.line_column(5), (2, 3)); // the CR of CR LF
        assert_eq!(lines.line_column(7), (3, 1));
        assert_eq!(lines.line_column(10), (4, 1));
    }

    #[test]
    fn strict_upgrades_warnings_only() {
        let mut d = vec![
            Diagnostic::new(Severity::Info, "a", "x", Position::at(0)),
            Diagnostic::new(Severity::Warning, "b", "y", Position::at(1)),
        ];
        make_strict(&mut d);
        assert_eq!(d[0].severity, Severity::Info);
        assert_eq!(d[1].severity, Severity::Error);
    }

    #[test]
    fn display_names_the_place() {
        let mut p = Position::at(12);
        p.segment_index = Some(4);
        p.segment_tag = Some("NAD".into());
        p.resolve(&LineIndex::new(b"0123456789\n0123456789"));
        let d = Diagnostic::new(Severity::Warning, "paxlst.x", "bad", p);
        assert_eq!(
            d.to_string(),
            "warning [paxlst.x] at line 2, column 2 (segment 4, NAD): bad"
        );
    }
}
