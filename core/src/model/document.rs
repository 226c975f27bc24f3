//! Travel documents as messages report them.

use chrono::NaiveDate;
use serde::Serialize;

/// What kind of document a document code names.
///
/// Codes follow the PAXLST implementation guide's DOC code list (also used by
/// SSR DOCS and, for the first letter, ICAO 9303 document codes). A code the
/// project does not know is kept as it was written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// `P`: passport.
    Passport,
    /// `I`: national identity card.
    IdentityCard,
    /// `V`: visa.
    Visa,
    /// `AC`: crew member certificate.
    CrewCertificate,
    /// `IP`: passport card.
    PassportCard,
    /// `F`: approved non-standard identity document (facilitation document).
    ApprovedNonStandard,
    /// `A`: identity card issued to a resident alien (alien registration).
    AlienRegistration,
    /// `C`: permanent resident card.
    PermanentResidentCard,
    /// `M`: military identification.
    MilitaryId,
    /// `L`: pilot licence.
    PilotLicence,
    /// `T`: re-entry permit or refugee travel document.
    ReEntryPermit,
    /// A code this version does not know, kept as written.
    Other(String),
}

impl DocumentKind {
    /// Reads a document type code as written in a message.
    #[must_use]
    pub fn from_code(code: &str) -> DocumentKind {
        match code.trim().to_ascii_uppercase().as_str() {
            "P" | "PT" => DocumentKind::Passport,
            "I" => DocumentKind::IdentityCard,
            "V" => DocumentKind::Visa,
            "AC" => DocumentKind::CrewCertificate,
            "IP" => DocumentKind::PassportCard,
            "F" => DocumentKind::ApprovedNonStandard,
            "A" => DocumentKind::AlienRegistration,
            "C" => DocumentKind::PermanentResidentCard,
            "M" => DocumentKind::MilitaryId,
            "L" => DocumentKind::PilotLicence,
            "T" => DocumentKind::ReEntryPermit,
            other => DocumentKind::Other(other.to_string()),
        }
    }
}

/// A travel document held by a traveller.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TravelDocument {
    /// What kind of document it is.
    pub kind: DocumentKind,
    /// The type code exactly as written (`P`, `AC`, `IP`...).
    pub code: String,
    /// The document number as written (blanks removed).
    pub number: Option<String>,
    /// Issuing state as an ICAO 9303 three-letter code when it could be
    /// normalised (two-letter codes are converted), otherwise as written.
    pub issuing_state: Option<String>,
    /// Place of issue, where given.
    pub issuing_place: Option<String>,
    /// Expiry date.
    pub expires_on: Option<NaiveDate>,
    /// Issue date.
    pub issued_on: Option<NaiveDate>,
}

impl TravelDocument {
    /// A document of the given code with nothing else known yet.
    #[must_use]
    pub fn with_code(code: &str) -> Self {
        TravelDocument {
            kind: DocumentKind::from_code(code),
            code: code.trim().to_string(),
            number: None,
            issuing_state: None,
            issuing_place: None,
            expires_on: None,
            issued_on: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_kept() {
        assert_eq!(DocumentKind::from_code("P"), DocumentKind::Passport);
        assert_eq!(DocumentKind::from_code("ac"), DocumentKind::CrewCertificate);
        assert_eq!(
            DocumentKind::from_code("ZZ"),
            DocumentKind::Other("ZZ".to_string())
        );
        assert_eq!(TravelDocument::with_code(" IP ").code, "IP");
    }
}
