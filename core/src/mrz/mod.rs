//! ICAO 9303 machine-readable zones -> [`crate::model::DocumentScan`].
//!
//! Reads TD1 (3 x 30), TD2 (2 x 36), TD3 passports (2 x 44), MRV-A (2 x 44)
//! and MRV-B (2 x 36) visas. The format comes from the line count, the line
//! lengths and the document code (`V` is a visa). Every check digit is
//! reported on its own ([`crate::model::MrzChecks`]); characters that may
//! have been misread by OCR are listed, never corrected. Two-digit years are
//! resolved against a reference date the caller passes, so the same lines
//! always read the same way.
//!
//! The contract is `spec/formats/mrz.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use paxscreen_core::model::{CheckResult, MrzFormat};
//!
//! let today = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
//! let scan = paxscreen_core::mrz::parse(
//!     &[
//!         "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
//!         "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
//!     ],
//!     today,
//! )
//! .unwrap();
//! assert_eq!(scan.format, MrzFormat::Td3);
//! assert_eq!(scan.surname, "ERIKSSON");
//! assert_eq!(scan.given_names, "ANNA MARIA");
//! assert_eq!(scan.checks.composite, CheckResult::Ok);
//! assert!(scan.checks.all_ok());
//! ```

mod check;
mod error;
mod layout;
mod misread;
mod read;
mod write;
mod zone;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use check::{character_value, check_digit};
pub use error::{MrzError, MrzErrorKind};
pub use write::{write, MrzFields, WriteError, WriteErrorKind};

use crate::model::DocumentScan;
use zone::InputLine;

/// Reads an MRZ given as lines.
///
/// Blank lines are ignored; each line may have blanks around it, a trailing
/// CR and lower case. Positions count lines of the slice from 1, and byte
/// offsets as if the lines were joined with `\n`.
///
/// # Errors
///
/// No line, a line count or line length no format has, with the place.
pub fn parse(lines: &[&str], reference_date: NaiveDate) -> Result<DocumentScan, MrzError> {
    let mut start = 0;
    let mut input = Vec::with_capacity(lines.len());
    for (i, text) in lines.iter().enumerate() {
        input.push(InputLine {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            start,
            text,
        });
        start += text.len() + 1;
    }
    read_lines(&input, reference_date)
}

/// Reads an MRZ given as text: lines end at LF, CR LF or CR; blank lines are
/// ignored.
///
/// # Errors
///
/// As [`parse`]; positions refer to the text.
pub fn parse_text(text: &str, reference_date: NaiveDate) -> Result<DocumentScan, MrzError> {
    let mut input = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut number = 1u32;
    let mut i = 0;
    while i <= bytes.len() {
        let end_here = i == bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r';
        if end_here {
            input.push(InputLine {
                number,
                start,
                text: text.get(start..i).unwrap_or(""),
            });
            number = number.saturating_add(1);
            if i + 1 < bytes.len() && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    read_lines(&input, reference_date)
}

fn read_lines(
    input: &[InputLine<'_>],
    reference_date: NaiveDate,
) -> Result<DocumentScan, MrzError> {
    let mut diagnostics = Vec::new();
    let zone = zone::build(input, &mut diagnostics)?;
    Ok(read::read(&zone, reference_date, diagnostics))
}
