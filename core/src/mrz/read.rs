//! From a zone to a [`DocumentScan`]: fields, dates, checks, misreads.

use chrono::NaiveDate;

use super::layout::{evaluate, layout, Layout, NumberForm, Span};
use super::misread::find_misreads;
use super::zone::Zone;
use crate::model::{
    resolve_two_digit_year, split_yymmdd, CheckName, CheckResult, DateRole, Diagnostic,
    DocumentKind, DocumentScan, Gender, MrzFormat, Severity,
};

/// The kind of document the first letter of an MRZ document code names.
pub(crate) fn kind_from_code(code: &str) -> DocumentKind {
    match code.as_bytes().first() {
        Some(b'P') => DocumentKind::Passport,
        Some(b'I' | b'A' | b'C') => DocumentKind::IdentityCard,
        Some(b'V') => DocumentKind::Visa,
        _ => DocumentKind::Other(code.to_string()),
    }
}

/// Text of a span minus trailing fillers.
fn trimmed(rows: &[Vec<u8>], span: Span) -> String {
    let bytes = span.bytes(rows);
    let end = bytes.iter().rposition(|c| *c != b'<').map_or(0, |i| i + 1);
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// Splits a name field into surname and given names.
pub(crate) fn split_name(field: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(field);
    let text = text.trim_end_matches('<');
    let (primary, secondary) = text.split_once("<<").unwrap_or((text, ""));
    let words = |s: &str| {
        s.split('<')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    (words(primary), words(secondary))
}

struct Reader<'z> {
    zone: &'z Zone,
    layout: Layout,
    reference: NaiveDate,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn diagnose(&mut self, severity: Severity, code: &'static str, message: String, span: Span) {
        let position = self.zone.position(span.row, span.start);
        self.diagnostics
            .push(Diagnostic::new(severity, code, message, position));
    }

    fn text_field(&mut self, span: Span, what: &str) -> Option<String> {
        let value = non_empty(trimmed(&self.zone.rows, span));
        if value.is_none() {
            self.diagnose(
                Severity::Warning,
                "mrz.field_missing",
                format!("the {what} is all fillers"),
                span,
            );
        }
        value
    }

    fn date(&mut self, span: Span, role: DateRole, what: &str) -> Option<NaiveDate> {
        let bytes = span.bytes(&self.zone.rows);
        if bytes.iter().all(|c| *c == b'<') {
            self.diagnose(
                Severity::Info,
                "mrz.date_unknown",
                format!("the {what} is all fillers (unknown)"),
                span,
            );
            return None;
        }
        let date = std::str::from_utf8(bytes)
            .ok()
            .and_then(split_yymmdd)
            .and_then(|(y, m, d)| resolve_two_digit_year(y, m, d, role, self.reference));
        if date.is_none() {
            self.diagnose(
                Severity::Warning,
                "mrz.date_invalid",
                format!("the {what} is not a date"),
                span,
            );
        }
        date
    }

    fn sex(&mut self) -> Option<Gender> {
        let span = self.layout.sex;
        match span.bytes(&self.zone.rows).first() {
            Some(b'M') => Some(Gender::Male),
            Some(b'F') => Some(Gender::Female),
            Some(b'X') => Some(Gender::Other),
            Some(b'<') => Some(Gender::Unspecified),
            _ => {
                self.diagnose(
                    Severity::Warning,
                    "mrz.sex_invalid",
                    "the sex is none of M, F, X and <".to_string(),
                    span,
                );
                None
            }
        }
    }
}

/// Reads every field of a zone.
pub(crate) fn read(
    zone: &Zone,
    reference: NaiveDate,
    diagnostics: Vec<Diagnostic>,
) -> DocumentScan {
    let layout = layout(zone.format);
    let rows = &zone.rows;
    let mut r = Reader {
        zone,
        layout,
        reference,
        diagnostics,
    };

    let document_code = trimmed(rows, layout.code);
    let document_kind = kind_from_code(&document_code);
    let expected_letters: &[u8] = match zone.format {
        MrzFormat::Td3 => b"P",
        MrzFormat::Td1 | MrzFormat::Td2 => b"IAC",
        MrzFormat::MrvA | MrzFormat::MrvB => b"V",
    };
    let first = rows[0].first().copied().unwrap_or(b'<');
    if !expected_letters.contains(&first) {
        r.diagnose(
            Severity::Info,
            "mrz.document_code_unexpected",
            format!(
                "the document code does not start with a letter 9303 gives the {} format",
                zone.format.as_str()
            ),
            layout.code,
        );
    }
    let issuing_state = r.text_field(layout.state, "issuing state");
    let name_bytes = layout.name.bytes(rows);
    let (surname, given_names) = split_name(name_bytes);
    let name_truncated = name_bytes.last().is_some_and(|c| *c != b'<');
    if name_truncated {
        r.diagnose(
            Severity::Info,
            "mrz.name_truncated",
            "the name fills its field and may be truncated".to_string(),
            layout.name,
        );
    }
    if surname.is_empty() {
        r.diagnose(
            Severity::Warning,
            "mrz.field_missing",
            "the surname is empty".to_string(),
            layout.name,
        );
    }

    let (checks, form) = evaluate(&layout, rows);
    let (document_number, optional_data) = match form {
        NumberForm::Long { extension, check } => {
            let mut number = trimmed(rows, layout.number);
            number.push_str(&String::from_utf8_lossy(extension.bytes(rows)));
            let rest = Span {
                row: check.row,
                start: check.end(),
                len: layout.optional.end().saturating_sub(check.end()),
            };
            let rest = trimmed(rows, rest).trim_start_matches('<').to_string();
            (Some(number), non_empty(rest))
        }
        NumberForm::Short | NumberForm::LongMissing => {
            if form == NumberForm::LongMissing {
                r.diagnose(
                    Severity::Warning,
                    "mrz.long_number_missing",
                    "the document number check digit is < but the optional data holds no continuation of the number".to_string(),
                    layout.number_check,
                );
            }
            let number = r.text_field(layout.number, "document number");
            (number, non_empty(trimmed(rows, layout.optional)))
        }
    };
    let nationality = r.text_field(layout.nationality, "nationality");
    let birth_date = r.date(layout.birth, DateRole::Birth, "birth date");
    let sex = r.sex();
    let expiry_date = r.date(layout.expiry, DateRole::Expiry, "expiry date");
    let optional_data_2 = layout.optional2.and_then(|s| non_empty(trimmed(rows, s)));

    for name in CheckName::ALL {
        if let CheckResult::Failed { .. } = checks.get(name) {
            let span = match name {
                CheckName::DocumentNumber => form.check_span(&layout),
                CheckName::BirthDate => layout.birth_check,
                CheckName::ExpiryDate => layout.expiry_check,
                CheckName::OptionalData => layout.optional_check.unwrap_or(layout.optional),
                CheckName::Composite => layout.composite.unwrap_or(layout.optional),
            };
            r.diagnose(
                Severity::Warning,
                "mrz.check_digit_failed",
                format!(
                    "the {} check digit does not match its data",
                    name.describe()
                ),
                span,
            );
        }
    }

    let misreads = find_misreads(zone, &layout, &checks, form);
    for m in &misreads {
        r.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "mrz.possible_misread",
            format!(
                "line {}, column {} may be an OCR misread of a look-alike character",
                m.line, m.column
            ),
            m.position.clone(),
        ));
    }

    DocumentScan {
        format: zone.format,
        lines: rows
            .iter()
            .map(|row| String::from_utf8_lossy(row).into_owned())
            .collect(),
        document_kind,
        document_code,
        issuing_state,
        surname,
        given_names,
        name_truncated,
        document_number,
        nationality,
        birth_date,
        sex,
        expiry_date,
        optional_data,
        optional_data_2,
        checks,
        misreads,
        diagnostics: r.diagnostics,
    }
}
