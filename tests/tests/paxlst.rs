//! The PAXLST examples in `examples/data/` read with the right legs,
//! travellers, documents and exactly the expected diagnostics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers

use paxscreen_core::model::{DocumentKind, Gender, ListType, Manifest, Severity, TravellerRole};
use paxscreen_core::paxlst::{parse, Options, Parsed};
use std::path::PathBuf;

fn read(name: &str) -> Parsed {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(name);
    let bytes = std::fs::read(&path).expect("the example exists");
    parse(&bytes, &Options::default()).expect("the example reads")
}

fn codes(diagnostics: &[paxscreen_core::Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn only(parsed: &Parsed) -> &Manifest {
    assert_eq!(parsed.manifests.len(), 1);
    &parsed.manifests[0]
}

#[test]
fn passenger_list() {
    let parsed = read("paxlst_passengers.edi");
    assert_eq!(codes(&parsed.diagnostics), Vec::<&str>::new());
    let m = only(&parsed);
    assert_eq!(codes(&m.diagnostics), Vec::<&str>::new());
    assert_eq!(m.list_type, Some(ListType::Passengers));
    assert_eq!(m.envelope.sender.id, "ZZAIRLINE");
    assert_eq!(m.envelope.group_ref.as_deref(), Some("1"));
    assert_eq!(m.envelope.message_version.as_deref(), Some("D:05B"));
    assert_eq!(
        m.envelope.common_access_ref.as_deref(),
        Some("ZZ101/260301/1000")
    );
    assert_eq!(m.reporting_party.as_ref().unwrap().contacts.len(), 3);
    assert_eq!(m.legs.len(), 1);
    assert_eq!(
        m.legs[0].arrival.scheduled.unwrap().to_string(),
        "2026-03-01 13:15:00"
    );
    assert_eq!(m.travellers.len(), 3);

    let anna = &m.travellers[0];
    assert_eq!(anna.given_names.as_deref(), Some("ANNA MARIA"));
    let address = anna.address.as_ref().unwrap();
    assert_eq!(address.street.as_deref(), Some("12 SAMPLE LANE FLAT 3"));
    assert_eq!(address.region.as_deref(), Some("GREATER LONDON"));
    assert_eq!(address.country.as_deref(), Some("GBR"));
    let bags = anna.bags.as_ref().unwrap();
    assert_eq!(bags.count, Some(2));
    assert_eq!(bags.weight.as_ref().unwrap().value, "31");
    assert_eq!(bags.tags[0].tag, "ZZ100001");
    assert_eq!(bags.tags[0].count, Some(2));
    assert_eq!(anna.verification, vec!["173".to_string()]);
    assert_eq!(anna.seat.as_deref(), Some("12A"));
    assert_eq!(
        anna.birth_place.as_ref().unwrap().name.as_deref(),
        Some("READING")
    );
    let passport = &anna.documents[0];
    assert_eq!(passport.issuing_state.as_deref(), Some("GBR"));
    assert_eq!(passport.issued_on.unwrap().to_string(), "2020-01-16");
    assert_eq!(passport.expires_on.unwrap().to_string(), "2030-01-15");

    let omar = &m.travellers[1];
    assert_eq!(omar.documents.len(), 2);
    let visa = &omar.documents[1];
    assert_eq!(visa.kind, DocumentKind::Visa);
    assert_eq!(visa.number.as_deref(), Some("V0000003"));
    assert_eq!(visa.issuing_state.as_deref(), Some("USA"));
    assert_eq!(visa.issuing_place.as_deref(), Some("LONDON"));
    assert_eq!(visa.issued_on.unwrap().to_string(), "2026-01-15");
    assert_eq!(visa.expires_on.unwrap().to_string(), "2026-09-30");
    assert_eq!(
        omar.address.as_ref().unwrap().country.as_deref(),
        Some("EGY")
    );

    let lena = &m.travellers[2];
    assert_eq!(lena.birth_date.unwrap().to_string(), "2019-07-04");
    assert_eq!(lena.nationality.as_deref(), Some("DEU"));
    assert_eq!(lena.documents[0].kind, DocumentKind::IdentityCard);
    assert_eq!(lena.documents[0].issuing_state.as_deref(), Some("DEU"));
    assert_eq!(m.declared_counts.passengers, Some(3));
}

#[test]
fn crew_list() {
    let parsed = read("paxlst_crew.edi");
    assert_eq!(codes(&parsed.diagnostics), Vec::<&str>::new());
    let m = only(&parsed);
    assert_eq!(codes(&m.diagnostics), Vec::<&str>::new());
    assert_eq!(m.list_type, Some(ListType::Crew));
    assert_eq!(
        m.legs[0].departure.scheduled.unwrap().to_string(),
        "2026-03-01 14:00:00"
    );
    let roles: Vec<_> = m.travellers.iter().map(|t| t.role.clone()).collect();
    assert_eq!(
        roles,
        vec![
            TravellerRole::Crew,
            TravellerRole::Crew,
            TravellerRole::TransitCrew
        ]
    );
    let captain = &m.travellers[0];
    assert_eq!(captain.crew_function.as_deref(), Some("CR1"));
    assert_eq!(captain.birth_date.unwrap().to_string(), "1975-03-10");
    assert_eq!(captain.documents[1].kind, DocumentKind::CrewCertificate);
    assert_eq!(
        m.travellers[2].birth_date.unwrap().to_string(),
        "1970-01-01"
    );
    assert_eq!(m.travellers[1].gender, Some(Gender::Female));
    assert_eq!(m.declared_counts.crew, Some(3));
}

#[test]
fn progressive_two_legs() {
    let parsed = read("paxlst_progressive_two_legs.edi");
    let m = only(&parsed);
    assert_eq!(codes(&m.diagnostics), Vec::<&str>::new());
    assert_eq!(m.legs.len(), 2);
    let ends: Vec<_> = m
        .legs
        .iter()
        .map(|l| {
            (
                l.departure.airport.clone().unwrap(),
                l.arrival.airport.clone().unwrap(),
                l.routing.len(),
            )
        })
        .collect();
    assert_eq!(
        ends,
        vec![
            ("MAD".to_string(), "JFK".to_string(), 2),
            ("JFK".to_string(), "MEX".to_string(), 2)
        ]
    );
    assert_eq!(
        m.legs[1].departure.scheduled.unwrap().to_string(),
        "2026-03-01 16:00:00"
    );
    assert_eq!(m.travellers.len(), 2);
    assert_eq!(m.travellers[1].nationality.as_deref(), Some("MEX"));
}

#[test]
fn telex_wrapped_feed_loses_no_traveller() {
    let parsed = read("paxlst_telex_wrapped.edi");
    assert_eq!(
        codes(&parsed.diagnostics),
        vec![
            "edifact.leading_text",
            "edifact.wrapped_segments",
            "edifact.blanks_between_segments",
            "edifact.trailing_text",
        ]
    );
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| d.severity == Severity::Info && d.position.line > 0));
    let m = only(&parsed);
    assert_eq!(
        codes(&m.diagnostics),
        vec!["edifact.charset", "edifact.unt_count"]
    );
    assert_eq!(m.legs.len(), 1);
    assert_eq!(m.legs[0].departure.airport.as_deref(), Some("AMS"));
    assert_eq!(
        m.legs[0].arrival.scheduled.unwrap().to_string(),
        "2026-03-01 14:00:00"
    );
    let surnames: Vec<_> = m
        .travellers
        .iter()
        .map(|t| t.surname.clone().unwrap_or_default())
        .collect();
    assert_eq!(surnames, vec!["MÜLLER", "O'DUMMY", "EXEMPLO", "NOBODY"]);
    assert!(m.travellers.iter().all(|t| t.documents.len() == 1));
    assert_eq!(
        m.travellers[1].birth_date.unwrap().to_string(),
        "2002-02-02"
    );
    assert_eq!(
        m.travellers[1].documents[0].issuing_state.as_deref(),
        Some("IRL")
    );
    assert_eq!(
        m.travellers[3].birth_date.unwrap().to_string(),
        "1999-12-31"
    );
    assert_eq!(m.travellers[3].gender, Some(Gender::Unspecified));
    assert_eq!(m.declared_counts.passengers, Some(4));
}

#[test]
fn strict_mode_turns_the_feed_warnings_into_errors() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/paxlst_telex_wrapped.edi");
    let bytes = std::fs::read(path).unwrap();
    let parsed = parse(
        &bytes,
        &Options {
            strict: true,
            ..Options::default()
        },
    )
    .unwrap();
    let m = &parsed.manifests[0];
    assert!(m.diagnostics.iter().all(|d| d.severity == Severity::Error));
    assert_eq!(m.travellers.len(), 4);
}

#[test]
fn json_shape_has_the_core_fields() {
    let parsed = read("paxlst_passengers.edi");
    let v = serde_json::to_value(&parsed.manifests[0]).unwrap();
    assert_eq!(v["list_type"], "passengers");
    assert_eq!(v["envelope"]["prepared_at"], "2026-03-01T08:00:00");
    assert_eq!(
        v["legs"][0]["departure"]["scheduled"],
        "2026-03-01T10:00:00"
    );
    let t = &v["travellers"][2];
    assert_eq!(t["role"], "passenger");
    assert_eq!(t["gender"], "F");
    assert_eq!(t["birth_date"], "2019-07-04");
    assert!(t["reservation_ref"].is_string());
    assert_eq!(t["documents"][0]["kind"], "identity_card");
    assert!(t.get("address").is_none());
    assert!(v["declared_counts"]["crew"].is_null());
    assert!(v["diagnostics"].as_array().unwrap().is_empty());
}
