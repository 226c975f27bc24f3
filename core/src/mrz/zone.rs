//! From input lines to a zone of known format: trimming, upper case,
//! replacement of characters outside `A-Z0-9<`, format detection, padding.

use super::error::{MrzError, MrzErrorKind};
use crate::model::{Diagnostic, MrzFormat, Position, Severity};

/// How many characters a line may miss before it is an error (it is padded
/// with fillers, with a warning).
pub(crate) const PAD_TOLERANCE: usize = 3;

/// One input line as the caller passed it.
pub(crate) struct InputLine<'a> {
    /// 1-based line number in the input.
    pub number: u32,
    /// Byte offset of the line start in the input.
    pub start: usize,
    pub text: &'a str,
}

/// One line of the zone, normalised, with the input place of each character.
struct ZoneLine {
    number: u32,
    start: usize,
    bytes: Vec<u8>,
    /// Byte column (0-based, within the input line) of each character.
    columns: Vec<usize>,
    /// Byte column just after the last character.
    end_column: usize,
}

/// A zone of known format.
pub(crate) struct Zone {
    pub format: MrzFormat,
    pub rows: Vec<Vec<u8>>,
    places: Vec<(u32, usize, Vec<usize>)>,
}

impl Zone {
    /// The input place of a character of the zone (0-based row and column).
    pub fn position(&self, row: usize, col: usize) -> Position {
        let Some((number, start, columns)) = self.places.get(row) else {
            return Position::default();
        };
        let column = columns.get(col).copied().unwrap_or(0);
        place(*number, *start, column)
    }
}

fn place(number: u32, start: usize, column: usize) -> Position {
    Position {
        byte_offset: start + column,
        line: number,
        column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        segment_index: None,
        segment_tag: None,
    }
}

fn error(kind: MrzErrorKind, number: u32, start: usize, column: usize) -> MrzError {
    MrzError {
        kind,
        position: place(number, start, column),
    }
}

fn normalise(line: &InputLine<'_>, diagnostics: &mut Vec<Diagnostic>) -> ZoneLine {
    let text = line.text;
    let trimmed_end = text.trim_end();
    let body = trimmed_end.trim_start();
    let lead = trimmed_end.len() - body.len();
    let without_cr = text.strip_suffix('\r').unwrap_or(text);
    if lead > 0 || trimmed_end.len() < without_cr.len() {
        diagnostics.push(Diagnostic::new(
            Severity::Info,
            "mrz.blanks_trimmed",
            "blanks around the line were ignored",
            place(line.number, line.start, 0),
        ));
    }
    let mut bytes = Vec::with_capacity(body.len());
    let mut columns = Vec::with_capacity(body.len());
    let mut lower_seen = false;
    for (i, ch) in body.char_indices() {
        let column = lead + i;
        let byte = match ch {
            'A'..='Z' | '0'..='9' | '<' => ch as u8,
            'a'..='z' => {
                if !lower_seen {
                    lower_seen = true;
                    diagnostics.push(Diagnostic::new(
                        Severity::Info,
                        "mrz.lower_case",
                        "lower-case letters were read as upper case",
                        place(line.number, line.start, column),
                    ));
                }
                ch.to_ascii_uppercase() as u8
            }
            _ => {
                diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "mrz.invalid_character",
                    "a character outside A-Z, 0-9 and < was read as the filler <",
                    place(line.number, line.start, column),
                ));
                b'<'
            }
        };
        bytes.push(byte);
        columns.push(column);
    }
    ZoneLine {
        number: line.number,
        start: line.start,
        bytes,
        columns,
        end_column: lead + body.len(),
    }
}

/// Normalises the non-blank lines, detects the format and pads short lines.
pub(crate) fn build(
    input: &[InputLine<'_>],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Zone, MrzError> {
    let lines: Vec<&InputLine<'_>> = input.iter().filter(|l| !l.text.trim().is_empty()).collect();
    let Some(first) = lines.first() else {
        let (number, start) = input.first().map_or((1, 0), |l| (l.number, l.start));
        return Err(error(MrzErrorKind::Empty, number, start, 0));
    };
    if lines.len() == 1 || lines.len() > 3 {
        let at = lines.get(3).unwrap_or(first);
        return Err(error(
            MrzErrorKind::LineCount { found: lines.len() },
            at.number,
            at.start,
            0,
        ));
    }
    let zone_lines: Vec<ZoneLine> = lines.iter().map(|l| normalise(l, diagnostics)).collect();
    let length = if zone_lines.len() == 3 {
        30
    } else {
        let (longest_index, longest) = zone_lines
            .iter()
            .enumerate()
            .map(|(i, l)| (i, l.bytes.len()))
            .max_by_key(|(i, len)| (*len, std::cmp::Reverse(*i)))
            .unwrap_or((0, 0));
        match longest {
            n if n > 40 => 44,
            n if n + PAD_TOLERANCE >= 36 && n <= 36 => 36,
            n if n > 36 && n <= 40 => {
                let l = &zone_lines[longest_index];
                let column = l.columns.get(36).copied().unwrap_or(l.end_column);
                return Err(error(
                    MrzErrorKind::UnknownLength { found: n },
                    l.number,
                    l.start,
                    column,
                ));
            }
            // Too short for 36: reported below.
            _ => 36,
        }
    };
    let first_code = zone_lines[0].bytes.first().copied();
    let format = match (zone_lines.len(), length, first_code) {
        (3, _, _) => MrzFormat::Td1,
        (_, 44, Some(b'V')) => MrzFormat::MrvA,
        (_, 44, _) => MrzFormat::Td3,
        (_, _, Some(b'V')) => MrzFormat::MrvB,
        _ => MrzFormat::Td2,
    };
    let mut rows = Vec::with_capacity(zone_lines.len());
    let mut places = Vec::with_capacity(zone_lines.len());
    for mut l in zone_lines {
        let found = l.bytes.len();
        if found > length {
            let column = l.columns.get(length).copied().unwrap_or(l.end_column);
            return Err(error(
                MrzErrorKind::LineTooLong {
                    expected: length,
                    found,
                },
                l.number,
                l.start,
                column,
            ));
        }
        if found + PAD_TOLERANCE < length {
            return Err(error(
                MrzErrorKind::LineTooShort {
                    expected: length,
                    found,
                },
                l.number,
                l.start,
                l.end_column,
            ));
        }
        if found < length {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "mrz.line_padded",
                format!("the line has {found} characters, {length} expected: padded with fillers"),
                place(l.number, l.start, l.end_column),
            ));
            l.bytes.resize(length, b'<');
            l.columns.resize(length, l.end_column);
        }
        rows.push(l.bytes);
        places.push((l.number, l.start, l.columns));
    }
    Ok(Zone {
        format,
        rows,
        places,
    })
}
