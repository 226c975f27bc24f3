//! Data quality (DQ family): goes to data-quality operations, never risk.
//!
//! * `quality.document_missing`: no source gives a travel document.
//! * `quality.placeholder_number`: the primary document number is one
//!   repeated character, contains `XXXX`, is a run of `123456789` or a word
//!   such as `UNKNOWN`.
//! * `quality.placeholder_birth_date`: 1 January (written when the day is
//!   unknown; many genuine documents carry it).
//! * `quality.name_missing`: no readable surname after normalisation.
//! * `quality.manual_entry`: GEI+4 code `174` on the API record (`173`
//!   reads as verified) *(verify the code meanings per implementation
//!   guide)*; missing when the record has no GEI.

use chrono::Datelike;

use super::{Context, Field, Slot, TravellerFacts};

/// Computes the data-quality family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let any_document = ctx.view.documents().next().is_some();
    f.set(Field::QualityDocumentMissing, Slot::Bool(!any_document));
    if let Some(n) = ctx.primary.and_then(|d| d.number) {
        f.set(
            Field::QualityPlaceholderNumber,
            Slot::Bool(is_placeholder_number(n)),
        );
    }
    if let Some(b) = ctx.birth_date {
        f.set(
            Field::QualityPlaceholderBirthDate,
            Slot::Bool(b.month() == 1 && b.day() == 1),
        );
    }
    let missing = ctx.view.name().is_none_or(|n| n.surname_tokens.is_empty());
    f.set(Field::QualityNameMissing, Slot::Bool(missing));
    if let Some(api) = ctx.view.api {
        let v = &api.record.verification;
        if v.iter().any(|c| c.trim() == "174") {
            f.set(Field::QualityManualEntry, Slot::Bool(true));
        } else if v.iter().any(|c| c.trim() == "173") {
            f.set(Field::QualityManualEntry, Slot::Bool(false));
        }
    }
}

/// Whether a document number looks like a placeholder.
#[must_use]
pub fn is_placeholder_number(number: &str) -> bool {
    let n = number.trim();
    if n.is_empty() {
        return true;
    }
    // Compared without case, without building an upper-case copy.
    let mut chars = n.chars().map(|c| c.to_ascii_uppercase());
    let first = chars.next();
    if n.len() >= 3 && chars.all(|c| Some(c) == first) {
        return true;
    }
    if n.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(|b| b.eq_ignore_ascii_case(&b'X')))
    {
        return true;
    }
    if n.len() >= 6 && ("1234567890".starts_with(n) || "987654321".starts_with(n)) {
        return true;
    }
    ["UNKNOWN", "NONE", "NA", "N/A", "TBA", "TBC"]
        .iter()
        .any(|w| n.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::is_placeholder_number;
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    #[test]
    fn placeholders() {
        for n in ["XXXX1234", "000000000", "123456789", "UNKNOWN"] {
            assert!(is_placeholder_number(n), "{n}");
        }
        for n in ["X1234567", "L898902C3", "AB12"] {
            assert!(!is_placeholder_number(n), "{n}");
        }
    }

    #[test]
    fn quality_facts() {
        let mut t = traveller("DOE", "JANE", "1990-01-01");
        t.documents.push(passport("XXXX", "UTO", "2030-01-01"));
        t.verification.push("174".into());
        let bare = traveller("", "", "1990-05-17");
        let input = ScreeningInput {
            manifests: vec![flight(vec![t, bare])],
            ..Default::default()
        };
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::QualityDocumentMissing), Value::Bool(false));
            assert_eq!(get(f, Field::QualityPlaceholderNumber), Value::Bool(true));
            assert_eq!(
                get(f, Field::QualityPlaceholderBirthDate),
                Value::Bool(true)
            );
            assert_eq!(get(f, Field::QualityManualEntry), Value::Bool(true));
            assert_eq!(get(f, Field::QualityNameMissing), Value::Bool(false));
        });
        with_facts(&input, 0, 1, |f| {
            assert_eq!(get(f, Field::QualityDocumentMissing), Value::Bool(true));
            assert_eq!(get(f, Field::QualityPlaceholderNumber), Value::Missing);
            assert_eq!(
                get(f, Field::QualityPlaceholderBirthDate),
                Value::Bool(false)
            );
            assert_eq!(get(f, Field::QualityManualEntry), Value::Missing);
            assert_eq!(get(f, Field::QualityNameMissing), Value::Bool(true));
        });
    }
}
