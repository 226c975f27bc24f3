//! The slash-delimited free text of SSR DOCS, DOCO, DOCA and CTCE/CTCM/CTCH.
//!
//! These functions never fail: what cannot be read is left out and reported
//! as a [`Problem`], which the caller places at the SSR's segment.

use crate::model::booking::{DocumentAddress, PnrDocument};
use crate::model::{resolve_two_digit_year, split_ddmmmyy, DateRole, Gender, TravelDocument};
use crate::reference::countries;
use chrono::NaiveDate;

/// Something in one SSR text that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub code: &'static str,
    pub message: String,
}

fn problem(code: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        code,
        message: message.into(),
    }
}

/// Splits SSR text into its slash fields; one leading slash is dropped.
fn fields(text: &str) -> Vec<&str> {
    let t = text.trim();
    let t = t.strip_prefix('/').unwrap_or(t);
    t.split('/').map(str::trim).collect()
}

fn field<'t>(f: &[&'t str], i: usize) -> Option<&'t str> {
    f.get(i).copied().filter(|s| !s.is_empty())
}

/// A country code as an ICAO three-letter code when known.
fn country(
    value: Option<&str>,
    what: &str,
    ssr: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let v = value?;
    match countries::to_alpha3(v) {
        Some(code) => Some(code.to_string()),
        None => {
            problems.push(problem(
                "pnrgov.ssr_unknown_country",
                format!("the {what} in SSR {ssr} is not a known country code; kept as written"),
            ));
            Some(v.to_ascii_uppercase())
        }
    }
}

fn date(
    value: Option<&str>,
    role: DateRole,
    what: &str,
    ssr: &str,
    reference: Option<NaiveDate>,
    problems: &mut Vec<Problem>,
) -> Option<NaiveDate> {
    let v = value?;
    let resolved = split_ddmmmyy(v).and_then(|(yy, mm, dd)| match reference {
        Some(r) => resolve_two_digit_year(yy, mm, dd, role, r),
        None => {
            let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
            NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, mm, dd)
        }
    });
    if resolved.is_none() {
        problems.push(problem(
            "pnrgov.ssr_bad_date",
            format!("the {what} in SSR {ssr} is not a date written DDMMMYY"),
        ));
    }
    resolved
}

/// Reads SSR DOCS text:
/// `/type/issuer/number/nationality/birth/gender/expiry/surname/given/middle/H`.
pub(crate) fn docs(text: &str, reference: Option<NaiveDate>) -> (PnrDocument, Vec<Problem>) {
    let mut problems = Vec::new();
    let f = fields(text);
    let code = field(&f, 0).unwrap_or("");
    let mut document = TravelDocument::with_code(code);
    document.issuing_state = country(field(&f, 1), "issuing state", "DOCS", &mut problems);
    document.number = field(&f, 2).map(|n| n.chars().filter(|c| !c.is_whitespace()).collect());
    let nationality = country(field(&f, 3), "nationality", "DOCS", &mut problems);
    let birth_date = date(
        field(&f, 4),
        DateRole::Birth,
        "birth date",
        "DOCS",
        reference,
        &mut problems,
    );
    let gender_code = field(&f, 5);
    let gender = gender_code.and_then(Gender::from_code);
    if gender_code.is_some() && gender.is_none() {
        problems.push(problem(
            "pnrgov.ssr_bad_gender",
            "the gender in SSR DOCS is not M, F, MI, FI, U or X",
        ));
    }
    let infant =
        gender_code.is_some_and(|g| g.eq_ignore_ascii_case("MI") || g.eq_ignore_ascii_case("FI"));
    document.expires_on = date(
        field(&f, 6),
        DateRole::Expiry,
        "expiry date",
        "DOCS",
        reference,
        &mut problems,
    );
    let surname = field(&f, 7).map(str::to_string);
    // Field 10 is the multi-passport holder flag; some senders put it in
    // field 9 (no middle name field).
    let (middle, holder) = match (field(&f, 9), field(&f, 10)) {
        (Some(h), None) if h.eq_ignore_ascii_case("H") => (None, true),
        (m, h) => (m, h.is_some_and(|h| h.eq_ignore_ascii_case("H"))),
    };
    let given_names = match (field(&f, 8), middle) {
        (Some(g), Some(m)) => Some(format!("{g} {m}")),
        (Some(g), None) => Some(g.to_string()),
        (None, Some(m)) => Some(m.to_string()),
        (None, None) => None,
    };
    if f.len() < 8 {
        problems.push(problem(
            "pnrgov.ssr_short",
            "SSR DOCS has fewer than the eight fields up to the surname",
        ));
    }
    (
        PnrDocument {
            source: "DOCS".to_string(),
            document,
            nationality,
            birth_date,
            gender,
            infant,
            surname,
            given_names,
            multi_passport_holder: holder,
            place_of_birth: None,
            applicable_state: None,
            raw: text.to_string(),
        },
        problems,
    )
}

/// Reads SSR DOCO text:
/// `/place of birth/type/number/place of issue/issue date/applicable state/I`.
pub(crate) fn doco(text: &str, reference: Option<NaiveDate>) -> (PnrDocument, Vec<Problem>) {
    let mut problems = Vec::new();
    let f = fields(text);
    let mut document = TravelDocument::with_code(field(&f, 1).unwrap_or(""));
    document.number = field(&f, 2).map(|n| n.chars().filter(|c| !c.is_whitespace()).collect());
    document.issuing_place = field(&f, 3).map(str::to_string);
    document.issued_on = date(
        field(&f, 4),
        DateRole::Issue,
        "issue date",
        "DOCO",
        reference,
        &mut problems,
    );
    let applicable_state = country(field(&f, 5), "applicable state", "DOCO", &mut problems);
    let infant = field(&f, 6).is_some_and(|i| i.eq_ignore_ascii_case("I"));
    if f.len() < 3 {
        problems.push(problem(
            "pnrgov.ssr_short",
            "SSR DOCO has fewer than the three fields up to the document number",
        ));
    }
    (
        PnrDocument {
            source: "DOCO".to_string(),
            document,
            nationality: None,
            birth_date: None,
            gender: None,
            infant,
            surname: None,
            given_names: None,
            multi_passport_holder: false,
            place_of_birth: field(&f, 0).map(str::to_string),
            applicable_state,
            raw: text.to_string(),
        },
        problems,
    )
}

/// Reads SSR DOCA text: `/R|D/country/street/city/state/postcode/I`.
pub(crate) fn doca(text: &str) -> (DocumentAddress, Vec<Problem>) {
    let mut problems = Vec::new();
    let f = fields(text);
    let kind = field(&f, 0).map(str::to_ascii_uppercase);
    if let Some(k) = &kind {
        if k != "R" && k != "D" {
            problems.push(problem(
                "pnrgov.ssr_bad_field",
                "the address type in SSR DOCA is not R (residence) or D (destination)",
            ));
        }
    }
    let country = country(field(&f, 1), "country", "DOCA", &mut problems);
    (
        DocumentAddress {
            kind,
            country,
            street: field(&f, 2).map(str::to_string),
            city: field(&f, 3).map(str::to_string),
            state: field(&f, 4).map(str::to_string),
            postcode: field(&f, 5).map(str::to_string),
            infant: field(&f, 6).is_some_and(|i| i.eq_ignore_ascii_case("I")),
            raw: text.to_string(),
        },
        problems,
    )
}

/// Decodes the IATA e-mail escapes: `//` is `@`, `..` is `_`, `./` is `-`.
#[must_use]
pub(crate) fn decode_email_escapes(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1)) {
            (b'/', Some(b'/')) => {
                out.push(b'@');
                i += 2;
            }
            (b'.', Some(b'.')) => {
                out.push(b'_');
                i += 2;
            }
            (b'.', Some(b'/')) => {
                out.push(b'-');
                i += 2;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The e-mail address in SSR CTCE text (`/ANN..LEE//EXAMPLE.ORG/EN`):
/// escapes decoded, the language field after it dropped.
pub(crate) fn ctce(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t
        .strip_prefix('/')
        .filter(|r| !r.starts_with('/'))
        .unwrap_or(t);
    let decoded = decode_email_escapes(t);
    decoded
        .split('/')
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// The phone number in SSR CTCM/CTCH text (`/447700900123/EN`): the first
/// slash field with a digit.
pub(crate) fn ctc_phone(text: &str) -> Option<&str> {
    fields(text)
        .into_iter()
        .find(|s| s.bytes().any(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn docs_fields_in_order() {
        let (doc, problems) = docs(
            "/P/GBR/509229987/GBR/01JUL78/F/12NOV22/BELT/ISABELLE RUTH/H",
            Some(d(2013, 5, 27)),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.document.code, "P");
        assert_eq!(doc.document.number.as_deref(), Some("509229987"));
        assert_eq!(doc.document.issuing_state.as_deref(), Some("GBR"));
        assert_eq!(doc.nationality.as_deref(), Some("GBR"));
        assert_eq!(doc.birth_date, Some(d(1978, 7, 1)));
        assert_eq!(doc.document.expires_on, Some(d(2022, 11, 12)));
        assert_eq!(doc.gender, Some(Gender::Female));
        assert_eq!(doc.surname.as_deref(), Some("BELT"));
        assert_eq!(doc.given_names.as_deref(), Some("ISABELLE RUTH"));
        assert!(doc.multi_passport_holder);
        assert!(!doc.infant);
    }

    #[test]
    fn docs_two_letter_countries_middle_name_and_infant() {
        let (doc, problems) = docs(
            "P/PH/X1234567/PH/20SEP12/FI/25OCT17/CRUZ/MARIA/LUISA/",
            Some(d(2013, 5, 27)),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(doc.document.issuing_state.as_deref(), Some("PHL"));
        assert_eq!(doc.birth_date, Some(d(2012, 9, 20)));
        assert!(doc.infant);
        assert_eq!(doc.given_names.as_deref(), Some("MARIA LUISA"));
        assert!(!doc.multi_passport_holder);
    }

    #[test]
    fn docs_problems_stay_with_the_field() {
        let (doc, problems) = docs("/P/QQ/123/GBR/31FEB80/Z/12NOV22/X/Y", Some(d(2013, 1, 1)));
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(
            codes,
            [
                "pnrgov.ssr_unknown_country",
                "pnrgov.ssr_bad_date",
                "pnrgov.ssr_bad_gender"
            ]
        );
        assert_eq!(doc.document.issuing_state.as_deref(), Some("QQ"));
        assert_eq!(doc.birth_date, None);
        assert_eq!(doc.document.expires_on, Some(d(2022, 11, 12)));
        // Blank documents are read without complaint.
        let (blank, problems) = docs("//////M//KALU/AMIR", None);
        assert!(problems.is_empty());
        assert_eq!(blank.document.number, None);
        assert_eq!(blank.surname.as_deref(), Some("KALU"));
    }

    #[test]
    fn doco_and_doca() {
        let (visa, problems) = doco(
            "/LAGOS NGA/V/VX998877/LONDON/15JAN13/USA/I",
            Some(d(2013, 5, 27)),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(visa.document.code, "V");
        assert_eq!(visa.place_of_birth.as_deref(), Some("LAGOS NGA"));
        assert_eq!(visa.document.number.as_deref(), Some("VX998877"));
        assert_eq!(visa.document.issuing_place.as_deref(), Some("LONDON"));
        assert_eq!(visa.document.issued_on, Some(d(2013, 1, 15)));
        assert_eq!(visa.applicable_state.as_deref(), Some("USA"));
        assert!(visa.infant);
        let (a, problems) = doca("/D/US/12 HARBOR ST/BOSTON/MA/02110");
        assert!(problems.is_empty());
        assert_eq!(a.kind.as_deref(), Some("D"));
        assert_eq!(a.country.as_deref(), Some("USA"));
        assert_eq!(a.city.as_deref(), Some("BOSTON"));
        assert_eq!(a.postcode.as_deref(), Some("02110"));
        assert!(!a.infant);
    }

    #[test]
    fn email_escapes() {
        assert_eq!(
            ctce("/ANN..LEE./JONES//EXAMPLE.ORG/EN").as_deref(),
            Some("ANN_LEE-JONES@EXAMPLE.ORG")
        );
        assert_eq!(ctce("JO//TEST.INVALID").as_deref(), Some("JO@TEST.INVALID"));
        assert_eq!(ctc_phone("/447700900123/EN"), Some("447700900123"));
        assert_eq!(ctc_phone("/EN"), None);
    }
}
