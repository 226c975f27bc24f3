//! Records mirroring `paxscreen_core::model::DocumentScan`.

use paxscreen_core::model as core;

use crate::manifest::{date, diagnostics, document_kind, gender, Diagnostic, Gender, Position};

/// The layout of a machine-readable zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MrzFormat {
    /// Identity card, three lines of 30.
    Td1,
    /// Identity card, two lines of 36.
    Td2,
    /// Passport, two lines of 44.
    Td3,
    /// Full-size visa, two lines of 44.
    MrvA,
    /// Visa sticker, two lines of 36.
    MrvB,
}

/// The outcome of one check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum CheckStatus {
    /// The digit matches.
    Ok,
    /// The digit does not match.
    Failed,
    /// No digit here (the format has none, or the filler is allowed).
    Absent,
}

/// One check digit: its status and, when it failed, the digits.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MrzCheck {
    /// `document_number`, `birth_date`, `expiry_date`, `optional_data` or
    /// `composite`.
    pub name: String,
    /// Outcome.
    pub status: CheckStatus,
    /// The digit the data calls for (when failed).
    pub expected: Option<String>,
    /// The character written (when failed).
    pub found: Option<String>,
}

/// A character that may have been misread by OCR (reported, never applied).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Misread {
    /// The field (`document_number`, `birth_date`...).
    pub field: String,
    /// 1-based line of the zone.
    pub line: u32,
    /// 1-based character position in that line.
    pub column: u32,
    /// The character read.
    pub found: String,
    /// The look-alike that would fit.
    pub suggested: String,
    /// The failing checks the replacement makes pass.
    pub resolves: Vec<String>,
    /// The same place in the input the caller passed.
    pub position: Position,
}

/// What a machine-readable zone says, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DocumentScan {
    /// Layout.
    pub format: MrzFormat,
    /// The lines as read (upper case, padded, unknown characters as `<`).
    pub lines: Vec<String>,
    /// `passport`, `identity_card`, `visa`...
    pub document_kind: String,
    /// Document code minus trailing filler (`P`, `ID`, `V`).
    pub document_code: String,
    /// Issuing state or organisation.
    pub issuing_state: Option<String>,
    /// Surname.
    pub surname: String,
    /// Given names, separated by a space.
    pub given_names: String,
    /// True when the name fills its field, so it may be truncated.
    pub name_truncated: bool,
    /// Document number.
    pub document_number: Option<String>,
    /// Nationality.
    pub nationality: Option<String>,
    /// Birth date (`YYYY-MM-DD`).
    pub birth_date: Option<String>,
    /// Sex.
    pub sex: Option<Gender>,
    /// Expiry date (`YYYY-MM-DD`).
    pub expiry_date: Option<String>,
    /// Optional data (personal number on TD3).
    pub optional_data: Option<String>,
    /// Second optional data (TD1 middle line).
    pub optional_data_2: Option<String>,
    /// Every check digit, in the order document number, birth date, expiry
    /// date, optional data, composite.
    pub checks: Vec<MrzCheck>,
    /// True when no check failed.
    pub checks_ok: bool,
    /// Possible OCR misreads.
    pub misreads: Vec<Misread>,
    /// Everything tolerated or wrong, with its place.
    pub diagnostics: Vec<Diagnostic>,
}

fn check_name(c: core::CheckName) -> String {
    match c {
        core::CheckName::DocumentNumber => "document_number",
        core::CheckName::BirthDate => "birth_date",
        core::CheckName::ExpiryDate => "expiry_date",
        core::CheckName::OptionalData => "optional_data",
        core::CheckName::Composite => "composite",
    }
    .to_string()
}

fn field_name(f: core::MrzField) -> String {
    use core::MrzField as F;
    match f {
        F::DocumentCode => "document_code",
        F::IssuingState => "issuing_state",
        F::Name => "name",
        F::DocumentNumber => "document_number",
        F::DocumentNumberCheck => "document_number_check",
        F::Nationality => "nationality",
        F::BirthDate => "birth_date",
        F::BirthDateCheck => "birth_date_check",
        F::Sex => "sex",
        F::ExpiryDate => "expiry_date",
        F::ExpiryDateCheck => "expiry_date_check",
        F::OptionalData => "optional_data",
        F::OptionalDataCheck => "optional_data_check",
        F::OptionalData2 => "optional_data_2",
        F::CompositeCheck => "composite_check",
    }
    .to_string()
}

impl From<&core::DocumentScan> for DocumentScan {
    fn from(s: &core::DocumentScan) -> Self {
        DocumentScan {
            format: match s.format {
                core::MrzFormat::Td1 => MrzFormat::Td1,
                core::MrzFormat::Td2 => MrzFormat::Td2,
                core::MrzFormat::Td3 => MrzFormat::Td3,
                core::MrzFormat::MrvA => MrzFormat::MrvA,
                core::MrzFormat::MrvB => MrzFormat::MrvB,
            },
            lines: s.lines.clone(),
            document_kind: document_kind(&s.document_kind),
            document_code: s.document_code.clone(),
            issuing_state: s.issuing_state.clone(),
            surname: s.surname.clone(),
            given_names: s.given_names.clone(),
            name_truncated: s.name_truncated,
            document_number: s.document_number.clone(),
            nationality: s.nationality.clone(),
            birth_date: date(s.birth_date),
            sex: gender(s.sex),
            expiry_date: date(s.expiry_date),
            optional_data: s.optional_data.clone(),
            optional_data_2: s.optional_data_2.clone(),
            checks: core::CheckName::ALL
                .into_iter()
                .map(|name| {
                    let (status, expected, found) = match s.checks.get(name) {
                        core::CheckResult::Ok => (CheckStatus::Ok, None, None),
                        core::CheckResult::Absent => (CheckStatus::Absent, None, None),
                        core::CheckResult::Failed { expected, found } => (
                            CheckStatus::Failed,
                            Some(expected.to_string()),
                            Some(found.to_string()),
                        ),
                    };
                    MrzCheck {
                        name: check_name(name),
                        status,
                        expected,
                        found,
                    }
                })
                .collect(),
            checks_ok: s.checks.all_ok(),
            misreads: s
                .misreads
                .iter()
                .map(|m| Misread {
                    field: field_name(m.field),
                    line: m.line,
                    column: m.column,
                    found: m.found.to_string(),
                    suggested: m.suggested.to_string(),
                    resolves: m.resolves.iter().map(|c| check_name(*c)).collect(),
                    position: (&m.position).into(),
                })
                .collect(),
            diagnostics: diagnostics(&s.diagnostics),
        }
    }
}
