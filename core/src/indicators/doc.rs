//! Document integrity (DOC family).
//!
//! * **DOC-02 validity**: `document.expired_at_departure`,
//!   `document.days_valid_after_arrival` from the primary document's expiry
//!   and the flight's local dates.
//! * **DOC-03 recently issued** (weak): `document.days_since_issue`.
//! * **DOC-04 date logic**: `document.issued_before_birth`,
//!   `document.age_at_issue`, `document.validity_years`,
//!   `document.validity_unusual` (passports and identity cards whose validity
//!   is not a whole number of years from 1 to 10, one day either side).
//! * **DOC-01 MRZ**: `mrz.present`, `mrz.check_failed`,
//!   `mrz.possible_misread`, `mrz.failed_checks` from a joined scan.
//! * **DOC-07 recycled document**: `identity.document_shared(_count)` from
//!   the [`InputIndex`](crate::screen::reconcile::InputIndex): the same
//!   number and issuer presented by an identity with another birth date or
//!   a name similarity below 0.80.
//! * **DOC-09 cross-source mismatch**: `crosscheck.*` compares API, PNR
//!   SSR DOCS and scan: birth dates, lowest name similarity, issuers and
//!   numbers; `crosscheck.renewal` clears a new number with the same name,
//!   birth date and issuer.
//! * **DOC-10 document unusual for the trip**: `document.kind_unusual_for_trip`.
//!
//! The primary document is the API identity document, else the PNR DOCS
//! document, else the scanned one.

use chrono::{Months, NaiveDate};

use super::{Context, Field, Slot, TravellerFacts};
use crate::model::{CheckName, DocumentKind};
use crate::screen::names::{compare, NormalisedName, DEFAULT_THRESHOLD};
use crate::screen::reconcile::{years_between, DocumentView, Identity};

/// Name similarity under which two identities presenting one document are
/// taken as different people (DOC-07).
pub const RECYCLED_NAME_SIMILARITY: f64 = 0.80;

/// Computes the document family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    primary(ctx, f);
    mrz(ctx, f);
    shared(ctx, f);
    crosscheck(ctx, f);
}

fn primary<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let Some(d) = ctx.primary else {
        return;
    };
    let src = Some(d.source);
    f.set_from(Field::DocumentKind, Slot::Text(kind_name(d.kind)), src);
    f.set_from(Field::DocumentCode, Slot::Text(d.code), src);
    if let Some(i) = d.issuing_state {
        f.set_from(Field::DocumentIssuingState, Slot::Text(i), src);
    }
    f.set_from(
        Field::DocumentNumberPresent,
        Slot::Bool(d.number.is_some()),
        src,
    );
    if let Some(e) = d.expires_on {
        f.set_from(Field::DocumentExpiresOn, Slot::Date(e), src);
    }
    if let Some(i) = d.issued_on {
        f.set_from(Field::DocumentIssuedOn, Slot::Date(i), src);
    }
    if let (Some(e), Some(dep)) = (d.expires_on, ctx.departure_date) {
        f.set(Field::DocumentExpiredAtDeparture, Slot::Bool(e < dep));
    }
    if let (Some(e), Some(arr)) = (d.expires_on, ctx.arrival_date) {
        f.set(Field::DocumentDaysValidAfterArrival, days(arr, e));
    }
    if let (Some(i), Some(dep)) = (d.issued_on, ctx.departure_date) {
        f.set(Field::DocumentDaysSinceIssue, days(i, dep));
    }
    if let (Some(i), Some(b)) = (d.issued_on, ctx.birth_date) {
        f.set(Field::DocumentIssuedBeforeBirth, Slot::Bool(i < b));
        if let Some(age) = years_between(b, i) {
            f.set(Field::DocumentAgeAtIssue, Slot::Number(f64::from(age)));
        }
    }
    if let (Some(i), Some(e)) = (d.issued_on, d.expires_on) {
        let years = (e - i).num_days() as f64 / 365.25;
        f.set(
            Field::DocumentValidityYears,
            Slot::Number((years * 100.0).round() / 100.0),
        );
        if let Some(unusual) = validity_unusual(d.kind, i, e) {
            f.set(Field::DocumentValidityUnusual, Slot::Bool(unusual));
        }
    }
    f.set(Field::DocumentKindUnusualForTrip, kind_unusual(ctx, &d));
}

fn days<'v>(from: NaiveDate, to: NaiveDate) -> Slot<'v> {
    Slot::Number((to - from).num_days() as f64)
}

/// Whether a passport's or identity card's validity is unusual: not a whole
/// number of years from 1 to 10 (one day either side, for issuers that end
/// validity the day before the anniversary). `None` for other kinds.
#[must_use]
pub fn validity_unusual(
    kind: &DocumentKind,
    issued: NaiveDate,
    expires: NaiveDate,
) -> Option<bool> {
    if !matches!(
        kind,
        DocumentKind::Passport | DocumentKind::IdentityCard | DocumentKind::PassportCard
    ) {
        return None;
    }
    if expires <= issued {
        return Some(true);
    }
    let usual = (1..=10u32).any(|y| {
        issued
            .checked_add_months(Months::new(12 * y))
            .is_some_and(|anniversary| (expires - anniversary).num_days().abs() <= 1)
    });
    Some(!usual)
}

/// Diplomatic, service or official passport codes (ICAO 9303 leaves the
/// second letter to the issuer; these are the common ones).
fn is_official_passport(code: &str) -> bool {
    matches!(code.trim(), "PD" | "PS" | "PO" | "DP" | "SP" | "OP")
}

fn kind_unusual<'v>(ctx: &Context<'v, '_>, d: &DocumentView<'_>) -> Slot<'v> {
    if matches!(d.kind, DocumentKind::CrewCertificate) {
        if let Some(api) = ctx.view.api {
            return Slot::Bool(api.record.role.is_passenger());
        }
    }
    if is_official_passport(d.code) {
        return match ctx.booking {
            Some(b) => {
                let current: Vec<_> = b.payments.iter().filter(|p| !p.old).collect();
                if current.is_empty() {
                    Slot::Missing
                } else {
                    Slot::Bool(
                        current
                            .iter()
                            .all(|p| crate::screen::reconcile::is_untraceable(&p.kind)),
                    )
                }
            }
            None => Slot::Missing,
        };
    }
    Slot::Bool(false)
}

fn check_name(c: CheckName) -> &'static str {
    match c {
        CheckName::DocumentNumber => "document_number",
        CheckName::BirthDate => "birth_date",
        CheckName::ExpiryDate => "expiry_date",
        CheckName::OptionalData => "optional_data",
        CheckName::Composite => "composite",
    }
}

fn mrz<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let Some(scan) = ctx.view.scan else {
        f.set(Field::MrzPresent, Slot::Bool(false));
        return;
    };
    let s = scan.scan;
    f.set(Field::MrzPresent, Slot::Bool(true));
    let mut names = [""; 5];
    let mut n = 0u8;
    for c in CheckName::ALL {
        if !s.checks.get(c).is_ok_or_absent() {
            if let Some(slot) = names.get_mut(usize::from(n)) {
                *slot = check_name(c);
                n += 1;
            }
        }
    }
    f.set(Field::MrzCheckFailed, Slot::Bool(n > 0));
    f.set(
        Field::MrzPossibleMisread,
        Slot::Bool(!s.misreads.is_empty()),
    );
    f.set_failed_checks(Some((names, n)));
}

/// Whether `identity` is the traveller of the view (a similar name of one
/// of its sources, and no conflicting birth date).
fn is_self(ctx: &Context<'_, '_>, identity: &Identity) -> bool {
    if let (Some(a), Some(b)) = (identity.birth_date, ctx.birth_date) {
        if a != b {
            return false;
        }
    }
    let names = [
        ctx.view.api_name.as_ref(),
        ctx.view.pnr_name.as_ref(),
        ctx.view.scan_name.as_ref(),
    ];
    let known: Vec<&NormalisedName> = names
        .into_iter()
        .flatten()
        .filter(|n| !n.is_empty())
        .collect();
    if known.is_empty() || identity.name.is_empty() {
        // Nothing to compare names on: only the birth date can tell.
        return true;
    }
    known
        .iter()
        .any(|n| compare(n, &identity.name).score >= RECYCLED_NAME_SIMILARITY)
}

fn shared<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let mut seen: [Option<(&str, Option<&str>)>; 4] = [None; 4];
    let mut seen_n = 0usize;
    let mut any_number = false;
    let mut others = 0usize;
    for d in ctx
        .view
        .documents()
        .filter(DocumentView::is_identity_document)
    {
        let Some(number) = d.number else { continue };
        any_number = true;
        let key = (number, d.issuer_code());
        if seen[..seen_n.min(4)]
            .iter()
            .flatten()
            .any(|(n, i)| n.eq_ignore_ascii_case(key.0) && *i == key.1)
        {
            continue;
        }
        if seen_n < 4 {
            seen[seen_n] = Some(key);
            seen_n += 1;
        }
        others += ctx
            .index
            .identities(number, d.issuing_state)
            .iter()
            .filter(|id| !is_self(ctx, id))
            .count();
    }
    if any_number {
        f.set(Field::IdentityDocumentShared, Slot::Bool(others > 0));
        f.set(
            Field::IdentityDocumentSharedCount,
            Slot::Number(others as f64),
        );
    }
}

fn crosscheck<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let view = ctx.view;
    let births = [
        view.api.and_then(|a| a.record.birth_date),
        view.pnr.and_then(|p| {
            p.record
                .birth_date
                .or_else(|| p.docs().and_then(|d| d.birth_date))
        }),
        view.scan.and_then(|s| s.scan.birth_date),
    ];
    let names = [
        view.api_name.as_ref().filter(|_| view.api.is_some()),
        view.pnr_name.as_ref().filter(|_| view.pnr.is_some()),
        view.scan_name.as_ref().filter(|_| view.scan.is_some()),
    ];
    let docs = [
        view.api_document(),
        view.pnr_document(),
        view.scan_document(),
    ];
    let compared = [view.api.is_some(), view.pnr.is_some(), view.scan.is_some()]
        .iter()
        .filter(|p| **p)
        .count();
    f.set(
        Field::CrosscheckSourcesCompared,
        Slot::Number(compared as f64),
    );
    if compared < 2 {
        return;
    }
    let birth_differs = pairwise(&births, |a, b| a.zip(*b).map(|(x, y)| x != y));
    if let Some(d) = birth_differs {
        f.set(Field::CrosscheckBirthDateDiffers, Slot::Bool(d));
    }
    let mut min_sim: Option<f64> = None;
    for i in 0..3 {
        for j in (i + 1)..3 {
            if let (Some(a), Some(b)) = (names[i], names[j]) {
                if a.is_empty() || b.is_empty() {
                    continue;
                }
                let s = compare(a, b).score;
                min_sim = Some(min_sim.map_or(s, |m: f64| m.min(s)));
            }
        }
    }
    if let Some(s) = min_sim {
        f.set(
            Field::CrosscheckNameSimilarity,
            Slot::Number((s * 1000.0).round() / 1000.0),
        );
    }
    let issuer_differs = pairwise(&docs, |a, b| {
        let (a, b) = (a.as_ref()?.issuer_code()?, b.as_ref()?.issuer_code()?);
        Some(a != b)
    });
    if let Some(d) = issuer_differs {
        f.set(Field::CrosscheckIssuerDiffers, Slot::Bool(d));
    }
    let number_differs = pairwise(&docs, |a, b| {
        let (a, b) = (a.as_ref()?.number?, b.as_ref()?.number?);
        Some(!a.eq_ignore_ascii_case(b))
    });
    if let Some(d) = number_differs {
        f.set(Field::CrosscheckNumberDiffers, Slot::Bool(d));
        let renewal = d
            && birth_differs == Some(false)
            && issuer_differs == Some(false)
            && min_sim.is_some_and(|s| s >= DEFAULT_THRESHOLD);
        f.set(Field::CrosscheckRenewal, Slot::Bool(renewal));
    }
}

/// Over every pair of the three sources: `Some(true)` if one pair differs,
/// `Some(false)` if at least one pair could be compared and none differs,
/// `None` if no pair could be compared.
fn pairwise<T>(values: &[T; 3], differs: impl Fn(&T, &T) -> Option<bool>) -> Option<bool> {
    let mut out = None;
    for i in 0..3 {
        for j in (i + 1)..3 {
            match differs(&values[i], &values[j]) {
                Some(true) => return Some(true),
                Some(false) => out = Some(false),
                None => {}
            }
        }
    }
    out
}

/// The output name of a document kind (`passport`, `identity_card`...), or
/// the code as written for an unknown kind.
#[must_use]
pub fn kind_name(kind: &DocumentKind) -> &str {
    use DocumentKind as K;
    match kind {
        K::Passport => "passport",
        K::IdentityCard => "identity_card",
        K::Visa => "visa",
        K::CrewCertificate => "crew_certificate",
        K::PassportCard => "passport_card",
        K::ApprovedNonStandard => "approved_non_standard",
        K::AlienRegistration => "alien_registration",
        K::PermanentResidentCard => "permanent_resident_card",
        K::MilitaryId => "military_id",
        K::PilotLicence => "pilot_licence",
        K::ReEntryPermit => "re_entry_permit",
        K::Other(code) => code,
    }
}

#[cfg(test)]
mod tests {
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::model::{CheckName, CheckResult};
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    fn one(expires: &str, issued: Option<&str>) -> ScreeningInput {
        let mut t = traveller("DOE", "JANE", "1990-05-17");
        let mut d = passport("X1234567", "UTO", expires);
        d.issued_on = issued.map(date);
        t.documents.push(d);
        ScreeningInput {
            manifests: vec![flight(vec![t])],
            ..Default::default()
        }
    }

    #[test]
    fn expired_document_fires_and_valid_does_not() {
        with_facts(&one("2026-03-14", None), 0, 0, |f| {
            assert_eq!(get(f, Field::DocumentExpiredAtDeparture), Value::Bool(true));
            assert_eq!(
                get(f, Field::DocumentDaysValidAfterArrival),
                Value::Number(-1.0)
            );
        });
        with_facts(&one("2026-06-15", None), 0, 0, |f| {
            assert_eq!(
                get(f, Field::DocumentExpiredAtDeparture),
                Value::Bool(false)
            );
            assert_eq!(
                get(f, Field::DocumentDaysValidAfterArrival),
                Value::Number(92.0)
            );
            assert_eq!(get(f, Field::DocumentDaysSinceIssue), Value::Missing);
        });
    }

    #[test]
    fn issue_dates_and_validity() {
        with_facts(&one("2035-03-01", Some("2025-03-01")), 0, 0, |f| {
            assert_eq!(get(f, Field::DocumentDaysSinceIssue), Value::Number(379.0));
            assert_eq!(get(f, Field::DocumentValidityUnusual), Value::Bool(false));
            assert_eq!(get(f, Field::DocumentIssuedBeforeBirth), Value::Bool(false));
            assert_eq!(get(f, Field::DocumentAgeAtIssue), Value::Number(34.0));
        });
        with_facts(&one("2032-07-19", Some("1985-03-01")), 0, 0, |f| {
            assert_eq!(get(f, Field::DocumentValidityUnusual), Value::Bool(true));
            assert_eq!(get(f, Field::DocumentIssuedBeforeBirth), Value::Bool(true));
        });
    }

    #[test]
    fn mrz_check_failures() {
        let mut input = one("2030-01-01", None);
        let mut s = scan("DOE", "JANE", "1990-05-17", "X1234567", "2030-01-01");
        s.checks.set(
            CheckName::ExpiryDate,
            CheckResult::Failed {
                expected: '4',
                found: '5',
            },
        );
        input.scans.push(s);
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::MrzPresent), Value::Bool(true));
            assert_eq!(get(f, Field::MrzCheckFailed), Value::Bool(true));
            assert_eq!(f.failed_checks(), Some(&["expiry_date"][..]));
        });
        with_facts(&one("2030-01-01", None), 0, 0, |f| {
            assert_eq!(get(f, Field::MrzPresent), Value::Bool(false));
            assert_eq!(get(f, Field::MrzCheckFailed), Value::Missing);
        });
    }

    #[test]
    fn same_document_with_another_identity() {
        let mut input = one("2030-01-01", None);
        let mut other = traveller("ROE", "RICHARD", "1971-01-02");
        other
            .documents
            .push(passport("X1234567", "UTO", "2030-01-01"));
        let mut again = traveller("DOE", "JANE", "1990-05-17");
        again
            .documents
            .push(passport("X1234567", "UTO", "2030-01-01"));
        input.manifests.push(manifest(
            "LHR",
            "2026-04-01T10:00",
            "JFK",
            "2026-04-01T13:00",
            vec![other],
        ));
        input.manifests.push(manifest(
            "LHR",
            "2026-05-01T10:00",
            "JFK",
            "2026-05-01T13:00",
            vec![again],
        ));
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::IdentityDocumentShared), Value::Bool(true));
            assert_eq!(
                get(f, Field::IdentityDocumentSharedCount),
                Value::Number(1.0)
            );
        });
        // Without the other identity: the same person twice is not sharing.
        input.manifests.remove(1);
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::IdentityDocumentShared), Value::Bool(false));
        });
    }

    fn crosscheck_input(pnr_number: &str, pnr_birth: &str, pnr_issuer: &str) -> ScreeningInput {
        let mut input = one("2030-01-01", None);
        input.manifests[0].travellers[0].reservation_ref = Some("ABC123".to_string());
        let mut p = passenger("1", "DOE", "JANE MS", None);
        p.documents.push(docs(
            passport(pnr_number, pnr_issuer, "2030-01-01"),
            "DOE",
            "JANE",
            pnr_birth,
        ));
        input.bookings.push(booking(
            "ABC123",
            "2026-03-01T10:00",
            vec![lhr_jfk()],
            vec![p],
        ));
        input
    }

    #[test]
    fn renewal_is_cleared_and_mismatches_fire() {
        with_facts(
            &crosscheck_input("Y7654321", "1990-05-17", "UTO"),
            0,
            0,
            |f| {
                assert_eq!(get(f, Field::CrosscheckSourcesCompared), Value::Number(2.0));
                assert_eq!(get(f, Field::CrosscheckNumberDiffers), Value::Bool(true));
                assert_eq!(get(f, Field::CrosscheckRenewal), Value::Bool(true));
                assert_eq!(
                    get(f, Field::CrosscheckBirthDateDiffers),
                    Value::Bool(false)
                );
            },
        );
        with_facts(
            &crosscheck_input("Y7654321", "1990-05-17", "D"),
            0,
            0,
            |f| {
                assert_eq!(get(f, Field::CrosscheckIssuerDiffers), Value::Bool(true));
                assert_eq!(get(f, Field::CrosscheckRenewal), Value::Bool(false));
            },
        );
        with_facts(
            &crosscheck_input("X1234567", "1990-05-17", "UTO"),
            0,
            0,
            |f| {
                assert_eq!(get(f, Field::CrosscheckNumberDiffers), Value::Bool(false));
                assert_eq!(get(f, Field::CrosscheckNameSimilarity), Value::Number(1.0));
            },
        );
    }
}
