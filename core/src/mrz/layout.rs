//! Where each field lies in each format, and the evaluation of every check
//! digit over a zone. Rows and columns are 0-based here.

use super::check::check_digit_bytes;
use crate::model::{CheckResult, MrzChecks, MrzField, MrzFormat};

/// A run of characters in one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub row: usize,
    pub start: usize,
    pub len: usize,
}

impl Span {
    const fn new(row: usize, start: usize, len: usize) -> Self {
        Span { row, start, len }
    }

    pub fn end(self) -> usize {
        self.start + self.len
    }

    pub fn contains(self, row: usize, col: usize) -> bool {
        row == self.row && col >= self.start && col < self.end()
    }

    pub fn bytes(self, rows: &[Vec<u8>]) -> &[u8] {
        rows.get(self.row)
            .and_then(|r| r.get(self.start..self.end()))
            .unwrap_or(&[])
    }
}

/// The fields of one format.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    pub code: Span,
    pub state: Span,
    pub name: Span,
    pub number: Span,
    pub number_check: Span,
    pub nationality: Span,
    pub birth: Span,
    pub birth_check: Span,
    pub sex: Span,
    pub expiry: Span,
    pub expiry_check: Span,
    pub optional: Span,
    pub optional_check: Option<Span>,
    pub optional2: Option<Span>,
    pub composite: Option<Span>,
    /// The data under the composite check digit.
    pub composite_data: &'static [Span],
    /// Whether a long document number may continue in the optional data.
    pub long_number: bool,
}

const TD3_COMPOSITE: [Span; 3] = [
    Span::new(1, 0, 10),
    Span::new(1, 13, 7),
    Span::new(1, 21, 22),
];
const TD2_COMPOSITE: [Span; 3] = [
    Span::new(1, 0, 10),
    Span::new(1, 13, 7),
    Span::new(1, 21, 14),
];
const TD1_COMPOSITE: [Span; 4] = [
    Span::new(0, 5, 25),
    Span::new(1, 0, 7),
    Span::new(1, 8, 7),
    Span::new(1, 18, 11),
];

/// The lower line shared by TD2, TD3 and both visas, up to the expiry check.
const fn two_line(name_len: usize, optional_len: usize) -> Layout {
    Layout {
        code: Span::new(0, 0, 2),
        state: Span::new(0, 2, 3),
        name: Span::new(0, 5, name_len),
        number: Span::new(1, 0, 9),
        number_check: Span::new(1, 9, 1),
        nationality: Span::new(1, 10, 3),
        birth: Span::new(1, 13, 6),
        birth_check: Span::new(1, 19, 1),
        sex: Span::new(1, 20, 1),
        expiry: Span::new(1, 21, 6),
        expiry_check: Span::new(1, 27, 1),
        optional: Span::new(1, 28, optional_len),
        optional_check: None,
        optional2: None,
        composite: None,
        composite_data: &[],
        long_number: false,
    }
}

/// The layout of a format.
pub(crate) fn layout(format: MrzFormat) -> Layout {
    match format {
        MrzFormat::Td3 => Layout {
            optional_check: Some(Span::new(1, 42, 1)),
            composite: Some(Span::new(1, 43, 1)),
            composite_data: &TD3_COMPOSITE,
            ..two_line(39, 14)
        },
        MrzFormat::MrvA => two_line(39, 16),
        MrzFormat::Td2 => Layout {
            composite: Some(Span::new(1, 35, 1)),
            composite_data: &TD2_COMPOSITE,
            long_number: true,
            ..two_line(31, 7)
        },
        MrzFormat::MrvB => two_line(31, 8),
        MrzFormat::Td1 => Layout {
            code: Span::new(0, 0, 2),
            state: Span::new(0, 2, 3),
            number: Span::new(0, 5, 9),
            number_check: Span::new(0, 14, 1),
            optional: Span::new(0, 15, 15),
            birth: Span::new(1, 0, 6),
            birth_check: Span::new(1, 6, 1),
            sex: Span::new(1, 7, 1),
            expiry: Span::new(1, 8, 6),
            expiry_check: Span::new(1, 14, 1),
            nationality: Span::new(1, 15, 3),
            optional2: Some(Span::new(1, 18, 11)),
            composite: Some(Span::new(1, 29, 1)),
            composite_data: &TD1_COMPOSITE,
            name: Span::new(2, 0, 30),
            optional_check: None,
            long_number: true,
        },
    }
}

/// How the document number is laid out in a given zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberForm {
    /// Up to 9 characters and their check digit.
    Short,
    /// 9 characters, `<` in the check position, the rest at the start of the
    /// optional data followed by the check digit over the whole number.
    Long {
        /// The continuation (without its check digit).
        extension: Span,
        /// The check digit after the continuation.
        check: Span,
    },
    /// `<` in the check position of a number that has characters, but no
    /// continuation in the optional data.
    LongMissing,
}

impl NumberForm {
    /// Where the document number check digit is.
    pub fn check_span(self, layout: &Layout) -> Span {
        match self {
            NumberForm::Long { check, .. } => check,
            _ => layout.number_check,
        }
    }
}

fn all_fillers(data: &[u8]) -> bool {
    data.iter().all(|c| *c == b'<')
}

/// Reads the document number layout of a zone.
pub(crate) fn number_form(layout: &Layout, rows: &[Vec<u8>]) -> NumberForm {
    if !layout.long_number
        || layout.number_check.bytes(rows) != b"<"
        || all_fillers(layout.number.bytes(rows))
    {
        return NumberForm::Short;
    }
    let optional = layout.optional.bytes(rows);
    let run = optional.iter().take_while(|c| **c != b'<').count();
    if run == 0 {
        return NumberForm::LongMissing;
    }
    let o = layout.optional;
    NumberForm::Long {
        extension: Span::new(o.row, o.start, run - 1),
        check: Span::new(o.row, o.start + run - 1, 1),
    }
}

fn judge<'a>(data: impl IntoIterator<Item = &'a u8> + Clone, found: u8) -> CheckResult {
    let expected = check_digit_bytes(data.clone());
    if found == expected {
        CheckResult::Ok
    } else if found == b'<' && data.into_iter().all(|c| *c == b'<') {
        CheckResult::Absent
    } else {
        CheckResult::Failed {
            expected: char::from(expected),
            found: char::from(found),
        }
    }
}

fn at(rows: &[Vec<u8>], span: Span) -> u8 {
    span.bytes(rows).first().copied().unwrap_or(b'<')
}

/// Evaluates every check digit of a zone.
pub(crate) fn evaluate(layout: &Layout, rows: &[Vec<u8>]) -> (MrzChecks, NumberForm) {
    let form = number_form(layout, rows);
    let mut checks = MrzChecks::default();
    let number = layout.number.bytes(rows);
    checks.document_number = match form {
        NumberForm::Short => judge(number, at(rows, layout.number_check)),
        NumberForm::Long { extension, check } => {
            judge(number.iter().chain(extension.bytes(rows)), at(rows, check))
        }
        NumberForm::LongMissing => CheckResult::Failed {
            expected: char::from(check_digit_bytes(number)),
            found: '<',
        },
    };
    checks.birth_date = judge(layout.birth.bytes(rows), at(rows, layout.birth_check));
    checks.expiry_date = judge(layout.expiry.bytes(rows), at(rows, layout.expiry_check));
    if let Some(check) = layout.optional_check {
        checks.optional_data = judge(layout.optional.bytes(rows), at(rows, check));
    }
    if let Some(check) = layout.composite {
        let data = layout
            .composite_data
            .iter()
            .flat_map(|span| span.bytes(rows).iter());
        checks.composite = judge(data, at(rows, check));
    }
    (checks, form)
}

/// The field a character belongs to.
pub(crate) fn field_at(layout: &Layout, form: NumberForm, row: usize, col: usize) -> MrzField {
    if let NumberForm::Long { extension, check } = form {
        if extension.contains(row, col) {
            return MrzField::DocumentNumber;
        }
        if check.contains(row, col) {
            return MrzField::DocumentNumberCheck;
        }
    }
    let table = [
        (Some(layout.code), MrzField::DocumentCode),
        (Some(layout.state), MrzField::IssuingState),
        (Some(layout.name), MrzField::Name),
        (Some(layout.number), MrzField::DocumentNumber),
        (Some(layout.number_check), MrzField::DocumentNumberCheck),
        (Some(layout.nationality), MrzField::Nationality),
        (Some(layout.birth), MrzField::BirthDate),
        (Some(layout.birth_check), MrzField::BirthDateCheck),
        (Some(layout.sex), MrzField::Sex),
        (Some(layout.expiry), MrzField::ExpiryDate),
        (Some(layout.expiry_check), MrzField::ExpiryDateCheck),
        (Some(layout.optional), MrzField::OptionalData),
        (layout.optional_check, MrzField::OptionalDataCheck),
        (layout.optional2, MrzField::OptionalData2),
        (layout.composite, MrzField::CompositeCheck),
    ];
    table
        .into_iter()
        .find_map(|(span, field)| span.filter(|s| s.contains(row, col)).map(|_| field))
        // Every position of every format is covered; this is never reached.
        .unwrap_or(MrzField::OptionalData)
}

/// Whether a field holds digits only (dates and check digits).
pub(crate) fn digits_only(field: MrzField) -> bool {
    matches!(
        field,
        MrzField::BirthDate
            | MrzField::ExpiryDate
            | MrzField::DocumentNumberCheck
            | MrzField::BirthDateCheck
            | MrzField::ExpiryDateCheck
            | MrzField::OptionalDataCheck
            | MrzField::CompositeCheck
    )
}
