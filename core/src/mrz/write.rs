//! Writes a valid MRZ from fields: every check digit computed. For tests and
//! the synthetic data generator.

use chrono::{Datelike, NaiveDate};

use super::check::check_digit_bytes;
use super::layout::{layout, Span};
use crate::model::{DocumentScan, Gender, MrzField, MrzFormat};

/// The fields an MRZ is written from.
///
/// Text is upper case `A-Z0-9` (and `<` inside optional data); in names,
/// blanks and hyphens separate name parts, apostrophes are dropped, and a
/// name longer than its field is truncated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MrzFields {
    /// The layout to write.
    pub format: MrzFormat,
    /// Document code, one or two characters (`P`, `ID`, `V`).
    pub document_code: String,
    /// Issuing state, up to three characters (`UTO`, `D`).
    pub issuing_state: String,
    /// Surname; blanks separate its parts.
    pub surname: String,
    /// Given names; blanks separate them. Empty for none.
    pub given_names: String,
    /// Document number: up to 9 characters, more on TD1 and TD2 (written as
    /// a long number).
    pub document_number: String,
    /// Nationality, up to three characters.
    pub nationality: String,
    /// Birth date, `None` for unknown (all fillers).
    pub birth_date: Option<NaiveDate>,
    /// Sex; `None` or [`Gender::Unspecified`] write `<`.
    pub sex: Option<Gender>,
    /// Expiry date, `None` for none (all fillers).
    pub expiry_date: Option<NaiveDate>,
    /// Optional data (personal number on TD3; after a long number's
    /// continuation on TD1 and TD2).
    pub optional_data: String,
    /// The middle-line optional data of TD1 (ignored elsewhere).
    pub optional_data_2: String,
}

impl From<&DocumentScan> for MrzFields {
    fn from(scan: &DocumentScan) -> Self {
        MrzFields {
            format: scan.format,
            document_code: scan.document_code.clone(),
            issuing_state: scan.issuing_state.clone().unwrap_or_default(),
            surname: scan.surname.clone(),
            given_names: scan.given_names.clone(),
            document_number: scan.document_number.clone().unwrap_or_default(),
            nationality: scan.nationality.clone().unwrap_or_default(),
            birth_date: scan.birth_date,
            sex: scan.sex,
            expiry_date: scan.expiry_date,
            optional_data: scan.optional_data.clone().unwrap_or_default(),
            optional_data_2: scan.optional_data_2.clone().unwrap_or_default(),
        }
    }
}

/// Why fields could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WriteErrorKind {
    /// The value is longer than its field.
    TooLong {
        /// The room the format has.
        max: usize,
        /// The length given.
        found: usize,
    },
    /// A character that cannot be written in an MRZ (transliterate first).
    InvalidCharacter {
        /// 0-based character index in the value.
        index: usize,
    },
}

/// Fields that cannot be written, naming the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot write the {field:?} field: {kind:?}")]
pub struct WriteError {
    /// The field at fault.
    pub field: MrzField,
    /// What is wrong with it.
    pub kind: WriteErrorKind,
}

fn clean(value: &str, field: MrzField, allow_filler: bool) -> Result<Vec<u8>, WriteError> {
    let mut out = Vec::with_capacity(value.len());
    for (index, ch) in value.chars().enumerate() {
        let c = ch.to_ascii_uppercase();
        match c {
            'A'..='Z' | '0'..='9' => out.push(c as u8),
            '<' if allow_filler => out.push(b'<'),
            _ => {
                return Err(WriteError {
                    field,
                    kind: WriteErrorKind::InvalidCharacter { index },
                })
            }
        }
    }
    Ok(out)
}

fn name_part(value: &str) -> Result<Vec<u8>, WriteError> {
    let mut words = Vec::new();
    for (index, ch) in value.chars().enumerate() {
        let c = ch.to_ascii_uppercase();
        match c {
            'A'..='Z' => words.push(c as u8),
            ' ' | '-' | '<' => {
                if !words.is_empty() && words.last() != Some(&b'<') {
                    words.push(b'<');
                }
            }
            '\'' => {}
            _ => {
                return Err(WriteError {
                    field: MrzField::Name,
                    kind: WriteErrorKind::InvalidCharacter { index },
                })
            }
        }
    }
    while words.last() == Some(&b'<') {
        words.pop();
    }
    Ok(words)
}

fn place(
    rows: &mut [Vec<u8>],
    span: Span,
    value: &[u8],
    field: MrzField,
) -> Result<(), WriteError> {
    if value.len() > span.len {
        return Err(WriteError {
            field,
            kind: WriteErrorKind::TooLong {
                max: span.len,
                found: value.len(),
            },
        });
    }
    if let Some(target) = rows
        .get_mut(span.row)
        .and_then(|r| r.get_mut(span.start..span.start + value.len()))
    {
        target.copy_from_slice(value);
    }
    Ok(())
}

fn date(value: Option<NaiveDate>) -> Vec<u8> {
    match value {
        Some(d) => format!(
            "{:02}{:02}{:02}",
            d.year().rem_euclid(100),
            d.month(),
            d.day()
        )
        .into_bytes(),
        None => b"<<<<<<".to_vec(),
    }
}

fn put_check(rows: &mut [Vec<u8>], check: Span, data: &[u8]) {
    if let Some(c) = rows.get_mut(check.row).and_then(|r| r.get_mut(check.start)) {
        *c = check_digit_bytes(data);
    }
}

/// Writes the lines of an MRZ, with every check digit computed.
///
/// # Errors
///
/// A value too long for its field (names excepted: they are truncated) or
/// holding a character an MRZ cannot carry.
pub fn write(fields: &MrzFields) -> Result<Vec<String>, WriteError> {
    let format = fields.format;
    let l = layout(format);
    let mut rows = vec![vec![b'<'; format.line_length()]; format.line_count()];

    place(
        &mut rows,
        l.code,
        &clean(&fields.document_code, MrzField::DocumentCode, false)?,
        MrzField::DocumentCode,
    )?;
    place(
        &mut rows,
        l.state,
        &clean(&fields.issuing_state, MrzField::IssuingState, false)?,
        MrzField::IssuingState,
    )?;
    let mut name = name_part(&fields.surname)?;
    let given = name_part(&fields.given_names)?;
    if !given.is_empty() {
        name.extend_from_slice(b"<<");
        name.extend_from_slice(&given);
    }
    name.truncate(l.name.len);
    place(&mut rows, l.name, &name, MrzField::Name)?;

    let number = clean(&fields.document_number, MrzField::DocumentNumber, false)?;
    let mut optional = clean(&fields.optional_data, MrzField::OptionalData, true)?;
    if number.len() > l.number.len && l.long_number {
        // 9303 parts 5 and 6: 9 characters, `<`, and the rest at the start of
        // the optional data followed by the check digit and a filler.
        let (principal, extension) = number.split_at(l.number.len);
        place(&mut rows, l.number, principal, MrzField::DocumentNumber)?;
        let mut long = extension.to_vec();
        long.push(check_digit_bytes(&number));
        if !optional.is_empty() {
            long.push(b'<');
        }
        long.append(&mut optional);
        place(&mut rows, l.optional, &long, MrzField::OptionalData)?;
    } else {
        place(&mut rows, l.number, &number, MrzField::DocumentNumber)?;
        let data = l.number.bytes(&rows).to_vec();
        put_check(&mut rows, l.number_check, &data);
        place(&mut rows, l.optional, &optional, MrzField::OptionalData)?;
    }
    place(
        &mut rows,
        l.nationality,
        &clean(&fields.nationality, MrzField::Nationality, false)?,
        MrzField::Nationality,
    )?;
    place(
        &mut rows,
        l.birth,
        &date(fields.birth_date),
        MrzField::BirthDate,
    )?;
    let data = l.birth.bytes(&rows).to_vec();
    put_check(&mut rows, l.birth_check, &data);
    let sex = match fields.sex {
        Some(Gender::Male) => b'M',
        Some(Gender::Female) => b'F',
        Some(Gender::Other) => b'X',
        Some(Gender::Unspecified) | None => b'<',
    };
    place(&mut rows, l.sex, &[sex], MrzField::Sex)?;
    place(
        &mut rows,
        l.expiry,
        &date(fields.expiry_date),
        MrzField::ExpiryDate,
    )?;
    let data = l.expiry.bytes(&rows).to_vec();
    put_check(&mut rows, l.expiry_check, &data);
    if let Some(check) = l.optional_check {
        let data = l.optional.bytes(&rows).to_vec();
        if data.iter().all(|c| *c == b'<') {
            // 9303 part 4: the filler where the personal number is empty.
            place(&mut rows, check, b"<", MrzField::OptionalDataCheck)?;
        } else {
            put_check(&mut rows, check, &data);
        }
    }
    if let Some(span) = l.optional2 {
        place(
            &mut rows,
            span,
            &clean(&fields.optional_data_2, MrzField::OptionalData2, true)?,
            MrzField::OptionalData2,
        )?;
    }
    if let Some(check) = l.composite {
        let data: Vec<u8> = l
            .composite_data
            .iter()
            .flat_map(|s| s.bytes(&rows).iter().copied())
            .collect();
        put_check(&mut rows, check, &data);
    }
    Ok(rows
        .into_iter()
        .map(|r| String::from_utf8_lossy(&r).into_owned())
        .collect())
}
