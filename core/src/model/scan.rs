//! A document scan: what an ICAO 9303 machine-readable zone says, with the
//! result of every check digit and the possible OCR misreads.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Diagnostic, DocumentKind, Gender, Position, TravelDocument};

/// The layout of a machine-readable zone (ICAO Doc 9303 parts 4 to 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MrzFormat {
    /// Identity card size 1: three lines of 30 characters.
    Td1,
    /// Identity card size 2: two lines of 36 characters.
    Td2,
    /// Passport: two lines of 44 characters.
    Td3,
    /// Full-size visa: two lines of 44 characters, document code `V`.
    MrvA,
    /// Visa sticker: two lines of 36 characters, document code `V`.
    MrvB,
}

impl MrzFormat {
    /// The number of lines of the zone.
    #[must_use]
    pub fn line_count(self) -> usize {
        match self {
            MrzFormat::Td1 => 3,
            _ => 2,
        }
    }

    /// The number of characters of each line.
    #[must_use]
    pub fn line_length(self) -> usize {
        match self {
            MrzFormat::Td1 => 30,
            MrzFormat::Td2 | MrzFormat::MrvB => 36,
            MrzFormat::Td3 | MrzFormat::MrvA => 44,
        }
    }

    /// The lower-case name used in output (`td1`, `mrv_a`...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MrzFormat::Td1 => "td1",
            MrzFormat::Td2 => "td2",
            MrzFormat::Td3 => "td3",
            MrzFormat::MrvA => "mrv_a",
            MrzFormat::MrvB => "mrv_b",
        }
    }
}

/// The outcome of one check digit.
///
/// Serialized as `{"status": "ok"}`, `{"status": "failed", "expected": "4",
/// "found": "5"}` or `{"status": "absent"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CheckResult {
    /// The check digit matches the data it protects.
    Ok,
    /// The check digit does not match.
    Failed {
        /// The digit the data calls for.
        expected: char,
        /// The character written in the check digit position.
        found: char,
    },
    /// There is no check digit: the format has none here, or the position
    /// holds the filler `<` where ICAO 9303 permits it (the protected field
    /// is all fillers).
    Absent,
}

impl CheckResult {
    /// True unless the check failed.
    #[must_use]
    pub fn is_ok_or_absent(self) -> bool {
        !matches!(self, CheckResult::Failed { .. })
    }
}

/// Names one check digit of a machine-readable zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckName {
    /// Over the document number (with its continuation, for long numbers).
    DocumentNumber,
    /// Over the birth date.
    BirthDate,
    /// Over the expiry date.
    ExpiryDate,
    /// Over the optional data (the personal number on TD3).
    OptionalData,
    /// The composite check digit over the lower line(s).
    Composite,
}

impl CheckName {
    /// Every check, in the order of [`MrzChecks`].
    pub const ALL: [CheckName; 5] = [
        CheckName::DocumentNumber,
        CheckName::BirthDate,
        CheckName::ExpiryDate,
        CheckName::OptionalData,
        CheckName::Composite,
    ];

    /// Words for messages (`document number`, `composite`...).
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            CheckName::DocumentNumber => "document number",
            CheckName::BirthDate => "birth date",
            CheckName::ExpiryDate => "expiry date",
            CheckName::OptionalData => "optional data",
            CheckName::Composite => "composite",
        }
    }
}

/// The result of every check digit, each on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct MrzChecks {
    /// Document number check digit.
    pub document_number: CheckResult,
    /// Birth date check digit.
    pub birth_date: CheckResult,
    /// Expiry date check digit.
    pub expiry_date: CheckResult,
    /// Optional data check digit (TD3 only; `Absent` elsewhere, or when the
    /// position holds `<` over an all-filler personal number).
    pub optional_data: CheckResult,
    /// Composite check digit (TD1, TD2, TD3; `Absent` on visas).
    pub composite: CheckResult,
}

impl MrzChecks {
    /// True when no check failed (`Absent` counts as passing: the format has
    /// no digit there, or 9303 allows the filler).
    #[must_use]
    pub fn all_ok(&self) -> bool {
        CheckName::ALL
            .iter()
            .all(|c| self.get(*c).is_ok_or_absent())
    }

    /// The result of one check.
    #[must_use]
    pub fn get(&self, name: CheckName) -> CheckResult {
        match name {
            CheckName::DocumentNumber => self.document_number,
            CheckName::BirthDate => self.birth_date,
            CheckName::ExpiryDate => self.expiry_date,
            CheckName::OptionalData => self.optional_data,
            CheckName::Composite => self.composite,
        }
    }

    /// Sets the result of one check.
    pub fn set(&mut self, name: CheckName, result: CheckResult) {
        match name {
            CheckName::DocumentNumber => self.document_number = result,
            CheckName::BirthDate => self.birth_date = result,
            CheckName::ExpiryDate => self.expiry_date = result,
            CheckName::OptionalData => self.optional_data = result,
            CheckName::Composite => self.composite = result,
        }
    }

    /// The checks that failed, in order.
    #[must_use]
    pub fn failed(&self) -> Vec<CheckName> {
        CheckName::ALL
            .into_iter()
            .filter(|c| !self.get(*c).is_ok_or_absent())
            .collect()
    }
}

impl Default for MrzChecks {
    fn default() -> Self {
        MrzChecks {
            document_number: CheckResult::Absent,
            birth_date: CheckResult::Absent,
            expiry_date: CheckResult::Absent,
            optional_data: CheckResult::Absent,
            composite: CheckResult::Absent,
        }
    }
}

/// A field of a machine-readable zone, to say where a character lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MrzField {
    /// Document code (two characters).
    DocumentCode,
    /// Issuing state or organisation.
    IssuingState,
    /// Name (surname and given names).
    Name,
    /// Document number, including the continuation of a long number.
    DocumentNumber,
    /// Check digit of the document number.
    DocumentNumberCheck,
    /// Nationality.
    Nationality,
    /// Birth date.
    BirthDate,
    /// Check digit of the birth date.
    BirthDateCheck,
    /// Sex.
    Sex,
    /// Expiry date.
    ExpiryDate,
    /// Check digit of the expiry date.
    ExpiryDateCheck,
    /// Optional data (personal number on TD3; upper line on TD1).
    OptionalData,
    /// Check digit of the optional data (TD3).
    OptionalDataCheck,
    /// Second optional data field (middle line of TD1).
    OptionalData2,
    /// Composite check digit.
    CompositeCheck,
}

/// A character that may have been misread by OCR.
///
/// Reported, never applied: the scan keeps what was read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Misread {
    /// The field the character belongs to.
    pub field: MrzField,
    /// 1-based line of the zone (1 to 3).
    pub line: u32,
    /// 1-based character position in that line, as ICAO 9303 numbers them.
    pub column: u32,
    /// The character read.
    pub found: char,
    /// The look-alike that would fit.
    pub suggested: char,
    /// The failing checks the replacement makes pass; empty when the
    /// suggestion comes from a digits-only field holding a letter.
    pub resolves: Vec<CheckName>,
    /// The same place in the input the caller passed.
    pub position: Position,
}

/// What a machine-readable zone says, with the evidence for it.
///
/// Fields keep what was written minus the filler `<`: nothing is corrected.
/// Check digit failures, possible misreads and tolerated layout problems are
/// reported in `checks`, `misreads` and `diagnostics`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentScan {
    /// The layout of the zone.
    pub format: MrzFormat,
    /// The lines as read: trimmed, upper case, padded to the format, with
    /// characters outside `A-Z0-9<` replaced by `<` (each change has a
    /// diagnostic).
    pub lines: Vec<String>,
    /// What kind of document the first letter of the code names (P passport;
    /// I, A, C identity card; V visa).
    pub document_kind: DocumentKind,
    /// The document code minus trailing filler (`P`, `PD`, `ID`, `V`).
    pub document_code: String,
    /// Issuing state or organisation, as written minus fillers (`UTO`, `D`,
    /// `XXA`); `None` when all fillers.
    pub issuing_state: Option<String>,
    /// Surname (primary identifier), name parts separated by a space.
    pub surname: String,
    /// Given names (secondary identifier), separated by a space; empty when
    /// the zone has none.
    pub given_names: String,
    /// True when the name fills its field to the last position, so it may
    /// have been truncated.
    pub name_truncated: bool,
    /// Document number minus fillers, with the continuation of a long
    /// number (TD1, TD2) appended.
    pub document_number: Option<String>,
    /// Nationality as written minus fillers.
    pub nationality: Option<String>,
    /// Birth date; `None` when unknown (fillers) or not a date.
    pub birth_date: Option<NaiveDate>,
    /// Sex (`M`, `F`, `X`; `<` reads as unspecified); `None` when invalid.
    pub sex: Option<Gender>,
    /// Expiry date; `None` when absent or not a date.
    pub expiry_date: Option<NaiveDate>,
    /// Optional data minus trailing fillers: the personal number on TD3, the
    /// upper-line optional data on TD1 (after a long number's continuation).
    pub optional_data: Option<String>,
    /// The middle-line optional data of TD1; `None` elsewhere.
    pub optional_data_2: Option<String>,
    /// Every check digit.
    pub checks: MrzChecks,
    /// Characters that may have been misread (O/0, I/1, B/8, S/5, Z/2, G/6).
    pub misreads: Vec<Misread>,
    /// Everything tolerated or wrong, with its place.
    pub diagnostics: Vec<Diagnostic>,
}

impl DocumentScan {
    /// The travel document this scan describes, for the rest of the model.
    #[must_use]
    pub fn travel_document(&self) -> TravelDocument {
        TravelDocument {
            kind: self.document_kind.clone(),
            code: self.document_code.clone(),
            number: self.document_number.clone(),
            issuing_state: self.issuing_state.clone(),
            issuing_place: None,
            expires_on: self.expiry_date,
            issued_on: None,
        }
    }
}
