//! Shared test builders (synthetic people only) and tests across families:
//! the catalogue, `spec/fields.md`, and a property test that `compute` never
//! panics.

use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::model::booking::{Booking, FlightSegment, Passenger, PassengerType, PnrDocument};
use crate::model::{
    DocumentKind, DocumentScan, Gender, Leg, LegPoint, Manifest, MrzChecks, MrzFormat,
    TravelDocument, Traveller, TravellerRole,
};
use crate::rules::{Catalogue, Facts, Value};
use crate::screen::reconcile::{reconcile, InputIndex, ScreeningInput};

pub(crate) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(crate) fn datetime(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

pub(crate) fn passport(number: &str, issuer: &str, expires: &str) -> TravelDocument {
    let mut d = TravelDocument::with_code("P");
    d.number = Some(number.to_string());
    d.issuing_state = Some(issuer.to_string());
    d.expires_on = Some(date(expires));
    d
}

pub(crate) fn traveller(surname: &str, given: &str, birth: &str) -> Traveller {
    let mut t = Traveller::new(TravellerRole::Passenger);
    t.surname = Some(surname.to_string());
    t.given_names = Some(given.to_string());
    t.birth_date = Some(date(birth));
    t.gender = Some(Gender::Female);
    t.nationality = Some("UTO".to_string());
    t
}

pub(crate) fn manifest(
    from: &str,
    dep: &str,
    to: &str,
    arr: &str,
    travellers: Vec<Traveller>,
) -> Manifest {
    Manifest {
        list_type: None,
        variant: None,
        envelope: Default::default(),
        transaction_ref: None,
        reporting_party: None,
        legs: vec![Leg {
            carrier: Some("ZZ".to_string()),
            flight_number: Some("ZZ0101".to_string()),
            departure: LegPoint {
                airport: Some(from.to_string()),
                scheduled: Some(datetime(dep)),
            },
            arrival: LegPoint {
                airport: Some(to.to_string()),
                scheduled: Some(datetime(arr)),
            },
            routing: Vec::new(),
        }],
        travellers,
        declared_counts: Default::default(),
        unknown_segments: Vec::new(),
        diagnostics: Vec::new(),
    }
}

pub(crate) fn segment(number: &str, from: &str, dep: &str, to: &str, arr: &str) -> FlightSegment {
    FlightSegment {
        carrier: Some("ZZ".to_string()),
        flight_number: Some(number.to_string()),
        origin: Some(from.to_string()),
        destination: Some(to.to_string()),
        departure: Some(datetime(dep)),
        arrival: Some(datetime(arr)),
        ..Default::default()
    }
}

pub(crate) fn passenger(
    reference: &str,
    surname: &str,
    given: &str,
    birth: Option<&str>,
) -> Passenger {
    Passenger {
        reference: Some(reference.to_string()),
        surname: Some(surname.to_string()),
        given_names: Some(given.to_string()),
        passenger_type: Some(PassengerType::Adult),
        birth_date: birth.map(date),
        ..Default::default()
    }
}

pub(crate) fn docs(doc: TravelDocument, surname: &str, given: &str, birth: &str) -> PnrDocument {
    PnrDocument {
        source: "DOCS".to_string(),
        document: doc,
        nationality: Some("UTO".to_string()),
        birth_date: Some(date(birth)),
        gender: Some(Gender::Female),
        infant: false,
        surname: Some(surname.to_string()),
        given_names: Some(given.to_string()),
        multi_passport_holder: false,
        place_of_birth: None,
        applicable_state: None,
        raw: String::new(),
    }
}

pub(crate) fn booking(
    locator: &str,
    created: &str,
    itinerary: Vec<FlightSegment>,
    travellers: Vec<Passenger>,
) -> Booking {
    Booking {
        record_locator: Some(locator.to_string()),
        created: Some(datetime(created)),
        itinerary,
        travellers,
        ..Default::default()
    }
}

pub(crate) fn scan(
    surname: &str,
    given: &str,
    birth: &str,
    number: &str,
    expires: &str,
) -> DocumentScan {
    DocumentScan {
        format: MrzFormat::Td3,
        lines: Vec::new(),
        document_kind: DocumentKind::Passport,
        document_code: "P".to_string(),
        issuing_state: Some("UTO".to_string()),
        surname: surname.to_string(),
        given_names: given.to_string(),
        name_truncated: false,
        document_number: Some(number.to_string()),
        nationality: Some("UTO".to_string()),
        birth_date: Some(date(birth)),
        sex: Some(Gender::Female),
        expiry_date: Some(date(expires)),
        optional_data: None,
        optional_data_2: None,
        checks: MrzChecks::default(),
        misreads: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// The standard flight: ZZ101 LHR -> JFK on 15 March 2026.
pub(crate) fn flight(travellers: Vec<Traveller>) -> Manifest {
    manifest(
        "LHR",
        "2026-03-15T10:00",
        "JFK",
        "2026-03-15T13:00",
        travellers,
    )
}

pub(crate) fn lhr_jfk() -> FlightSegment {
    segment("101", "LHR", "2026-03-15T10:00", "JFK", "2026-03-15T13:00")
}

/// Runs `check` on the facts of traveller `t` of case `c`.
pub(crate) fn with_facts(
    input: &ScreeningInput,
    c: usize,
    t: usize,
    check: impl FnOnce(&TravellerFacts<'_>),
) {
    let index = InputIndex::build(input);
    let cases = reconcile(input);
    let case = &cases[c];
    let facts = compute(&case.travellers[t], case, &index);
    check(&facts);
}

pub(crate) fn get<'f>(f: &'f TravellerFacts<'_>, field: Field) -> Value<'f> {
    f.value(field.id())
}

#[test]
fn catalogue_is_consistent() {
    for (i, (path, spec)) in FIELDS.iter().enumerate() {
        assert_eq!(usize::from(spec.id.0), i, "{path}");
        assert_eq!(FieldCatalogue.field(path), Some(spec));
        assert!(
            FieldCatalogue.is_root(path.split('.').next().unwrap()),
            "{path}"
        );
        assert!(!spec.doc.is_empty());
    }
    let mut paths: Vec<_> = FIELDS.iter().map(|(p, _)| *p).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), FIELD_COUNT);
    assert!(FieldCatalogue
        .element(Field::TravellerDocuments.id())
        .is_some());
    assert!(FieldCatalogue
        .element(Field::TravellerSources.id())
        .is_none());
    assert_eq!(Field::BookingLeadTime.path(), "booking.lead_time");
    assert!(matches!(
        Field::TravellerSurname.spec().sensitivity,
        crate::rules::Sensitivity::Sensitive(_)
    ));
}

#[test]
fn a_pack_compiles_against_the_catalogue() {
    let pack = r#"
id = "test"
version = "1"
purpose = "carrier-compliance"
owner = "tests"
review_by = "2099-01-01"

[[rule]]
id = "DOC-02"
title = "Expired"
family = "DOC"
channel = "compliance"
weight = "strong"
severity = "inhibit"
when = "document.expired_at_departure"
explain = "The document expired."
clears = "A valid document."
"#;
    let compiled = crate::rules::Pack::from_toml(pack, &FieldCatalogue);
    if let Err(e) = &compiled {
        // The pack format belongs to the rules module; the catalogue only
        // has to resolve the field.
        assert!(
            !format!("{e:?}").contains("document.expired_at_departure"),
            "{e:?}"
        );
    }
}

#[test]
fn fields_spec() {
    let rendered = catalogue_markdown();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/fields.md");
    if std::env::var_os("UPDATE_SPEC").is_some() {
        std::fs::write(path, &rendered).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == rendered,
        "spec/fields.md is out of date with the field catalogue; regenerate with \
         `UPDATE_SPEC=1 cargo test -p paxscreen-core fields_spec`"
    );
}

#[test]
fn facts_expose_lists() {
    let mut t = traveller("DOE", "JANE", "1990-05-17");
    t.documents.push(passport("X1234567", "UTO", "2030-01-01"));
    let input = ScreeningInput {
        manifests: vec![flight(vec![t])],
        bookings: vec![booking(
            "ABC123",
            "2026-03-01T10:00",
            vec![lhr_jfk()],
            vec![passenger("1", "DOE", "JANE MS", Some("1990-05-17"))],
        )],
        scans: vec![],
    };
    with_facts(&input, 0, 0, |f| {
        assert_eq!(f.len(Field::TravellerSources.id()), Some(2));
        assert_eq!(f.item(Field::TravellerSources.id(), 1), Value::text("pnr"));
        assert_eq!(f.len(Field::TravellerDocuments.id()), Some(1));
        let d = f.element(Field::TravellerDocuments.id(), 0).unwrap();
        assert_eq!(d.value(DocumentField::Kind.id()), Value::text("passport"));
        assert_eq!(d.value(DocumentField::Source.id()), Value::text("api"));
        assert_eq!(f.len(Field::MrzFailedChecks.id()), None);
        assert_eq!(get(f, Field::FlightNumber), Value::text("101"));
        assert_eq!(get(f, Field::TravellerAgeAtDeparture), Value::Number(35.0));
        assert_eq!(get(f, Field::TravellerIsMinor), Value::Bool(false));
        assert_eq!(
            f.source(Field::TravellerBirthDate).map(|s| s.kind()),
            Some("api")
        );
    });
}

#[test]
fn check_in_path_needs_no_index() {
    let mut t = traveller("DOE", "JANE", "1990-05-17");
    t.reservation_ref = Some("ABC123".to_string());
    t.documents.push(passport("X1234567", "UTO", "2026-03-10"));
    let m = flight(vec![t]);
    let b = booking(
        "ABC123",
        "2026-03-14T10:00",
        vec![lhr_jfk()],
        vec![
            passenger("1", "SMITH", "ANN", None),
            passenger("2", "DOE", "JANE MS", None),
        ],
    );
    let case = crate::screen::reconcile::FlightCase::of_manifest(&m);
    let view = crate::screen::reconcile::TravellerView::single(
        0,
        0,
        &m.travellers[0],
        Some((0, &b)),
        None,
    );
    assert_eq!(view.pnr.map(|p| p.passenger), Some(1));
    let index = InputIndex::empty();
    let f = compute(&view, &case, &index);
    assert_eq!(
        get(&f, Field::DocumentExpiredAtDeparture),
        Value::Bool(true)
    );
    assert_eq!(get(&f, Field::BookingLeadTime), Value::Duration(24 * 3600));
    assert_eq!(get(&f, Field::BookingPartySize), Value::Number(2.0));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn opt_date() -> impl Strategy<Value = Option<NaiveDate>> {
        proptest::option::of(
            (1900i32..2100, 1u32..13, 1u32..29)
                .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        )
    }

    fn text() -> impl Strategy<Value = String> {
        "[A-Z<0-9 /]{0,12}"
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn compute_never_panics(
            surname in text(), given in text(), birth in opt_date(),
            issued in opt_date(), expires in opt_date(), number in text(),
            airports in proptest::collection::vec(prop::sample::select(vec!["LHR", "JFK", "FRA", "DXB", "QQQ", ""]), 0..5),
            created in opt_date(), role in prop::sample::select(vec!["FL", "FM", "DDU", "XX"]),
            pieces in proptest::option::of(0u32..5), with_scan in any::<bool>(),
        ) {
            let mut t = Traveller::new(TravellerRole::from_code(role));
            t.surname = Some(surname.clone());
            t.given_names = Some(given.clone());
            t.birth_date = birth;
            let mut d = TravelDocument::with_code("P");
            d.number = Some(number.clone());
            d.issued_on = issued;
            d.expires_on = expires;
            d.issuing_state = Some("XXA".to_string());
            t.documents.push(d.clone());
            t.bags = pieces.map(|p| crate::model::Bags { count: Some(p), ..Default::default() });
            t.reservation_ref = Some("LOC".to_string());
            let mut itinerary = Vec::new();
            for w in airports.windows(2) {
                itinerary.push(segment("101", w[0], "2026-03-15T10:00", w[1], "2026-03-15T09:00"));
            }
            let mut p = passenger("1", &surname, &given, None);
            p.birth_date = birth;
            p.documents.push(docs(d, &surname, &given, "2000-01-01"));
            let mut b = booking("LOC", "2026-03-01T00:00", itinerary, vec![p]);
            b.created = created.and_then(|c| c.and_hms_opt(0, 0, 0));
            let mut s = scan(&surname, &given, "2000-01-01", &number, "2030-01-01");
            s.birth_date = birth;
            let input = ScreeningInput {
                manifests: vec![manifest(airports.first().copied().unwrap_or("LHR"), "2026-03-15T10:00", "JFK", "2026-03-15T13:00", vec![t])],
                bookings: vec![b],
                scans: if with_scan { vec![s] } else { vec![] },
            };
            let index = InputIndex::build(&input);
            for case in reconcile(&input) {
                for view in &case.travellers {
                    let f = compute(view, &case, &index);
                    if view.api.is_some() {
                        prop_assert_eq!(f.value(Field::TravellerProtectedStatus.id()), Value::Bool(true));
                    }
                }
            }
        }
    }
}
