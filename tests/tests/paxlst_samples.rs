//! Reads the public guide examples in `../shared/samples` (outside the
//! project; never copied into it) when they are present.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers

use paxscreen_core::model::{DocumentKind, Gender, ListType, Manifest, TravellerRole};
use paxscreen_core::paxlst::{parse, Options};
use std::path::PathBuf;

fn sample(name: &str) -> Option<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/samples");
    if !dir.is_dir() {
        println!(
            "skipped: the public samples directory {} is absent",
            dir.display()
        );
        return None;
    }
    match std::fs::read(dir.join(name)) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            println!("skipped: {name} could not be read ({e})");
            None
        }
    }
}

fn one_manifest(bytes: &[u8]) -> Manifest {
    let parsed = parse(bytes, &Options::default()).expect("the sample reads");
    assert_eq!(parsed.diagnostics, vec![], "no envelope diagnostics");
    assert_eq!(parsed.manifests.len(), 1);
    parsed.manifests.into_iter().next().unwrap()
}

fn codes(m: &Manifest) -> Vec<&str> {
    m.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn guide_5_1_single_sector_passenger() {
    let Some(bytes) = sample("paxlst_D15B_guide_5.1_single_sector_passenger.edi") else {
        return;
    };
    let m = one_manifest(&bytes);
    assert_eq!(m.list_type, Some(ListType::Passengers));
    assert_eq!(m.envelope.message_ref.as_deref(), Some("PAX001"));
    assert_eq!(m.envelope.message_version.as_deref(), Some("D:15B"));
    assert_eq!(m.transaction_ref.as_deref(), Some("1234567890"));
    let party = m.reporting_party.as_ref().unwrap();
    assert_eq!(party.name.as_deref(), Some("DAVIDSON ROBERT"));
    assert_eq!(party.contacts.len(), 3);
    assert_eq!(m.legs.len(), 1);
    let leg = &m.legs[0];
    assert_eq!(leg.carrier.as_deref(), Some("ZZ"));
    assert_eq!(leg.flight_number.as_deref(), Some("ZZ123"));
    assert_eq!(leg.departure.airport.as_deref(), Some("SYD"));
    assert_eq!(leg.arrival.airport.as_deref(), Some("HNL"));
    assert_eq!(
        leg.departure.scheduled.unwrap().to_string(),
        "2013-06-21 09:00:00"
    );
    assert_eq!(
        leg.arrival.scheduled.unwrap().to_string(),
        "2013-06-21 22:00:00"
    );
    assert_eq!(m.travellers.len(), 1);
    let t = &m.travellers[0];
    assert_eq!(t.role, TravellerRole::Passenger);
    assert_eq!(t.surname.as_deref(), Some("WILLIAMS"));
    assert_eq!(t.given_names.as_deref(), Some("JOHN DONALD"));
    assert_eq!(t.gender, Some(Gender::Male));
    assert_eq!(t.birth_date.unwrap().to_string(), "1972-09-07");
    assert_eq!(t.nationality.as_deref(), Some("GBR"));
    assert_eq!(t.reservation_ref.as_deref(), Some("TYR123"));
    assert_eq!(t.bags.as_ref().unwrap().count, Some(2));
    assert_eq!(t.documents.len(), 1);
    let doc = &t.documents[0];
    assert_eq!(doc.kind, DocumentKind::Passport);
    assert_eq!(doc.number.as_deref(), Some("MB140241"));
    assert_eq!(doc.issuing_state.as_deref(), Some("GBR"));
    assert_eq!(doc.expires_on.unwrap().to_string(), "2015-12-31");
    assert_eq!(m.declared_counts.passengers, Some(160));
    assert_eq!(codes(&m), vec!["paxlst.count_mismatch"]);
}

#[test]
fn guide_5_2_crew() {
    let Some(bytes) = sample("paxlst_D15B_guide_5.2_crew.edi") else {
        return;
    };
    let m = one_manifest(&bytes);
    assert_eq!(m.list_type, Some(ListType::Crew));
    assert_eq!(m.legs.len(), 1);
    assert_eq!(m.travellers.len(), 1);
    let t = &m.travellers[0];
    assert_eq!(t.role, TravellerRole::Crew);
    assert_eq!(t.surname.as_deref(), Some("CLARK"));
    assert_eq!(t.given_names.as_deref(), Some("MICHAEL"));
    assert_eq!(t.nationality.as_deref(), Some("CAN"));
    assert_eq!(t.documents[0].number.as_deref(), Some("MB140241"));
    assert_eq!(t.documents[0].expires_on.unwrap().to_string(), "2015-10-21");
    assert_eq!(m.declared_counts.crew, Some(8));
    // The guide's UNT+20 is one short: UNH to UNT are 21 segments.
    assert_eq!(
        codes(&m),
        vec!["edifact.unt_count", "paxlst.count_mismatch"]
    );
}

#[test]
fn guide_5_3_progressive_two_legs() {
    let Some(bytes) = sample("paxlst_D15B_guide_5.3_progressive_two_legs.edi") else {
        return;
    };
    let m = one_manifest(&bytes);
    assert_eq!(m.legs.len(), 2);
    let airports = |p: &paxscreen_core::model::LegPoint| p.airport.clone().unwrap();
    assert_eq!(airports(&m.legs[0].departure), "BCN");
    assert_eq!(airports(&m.legs[0].arrival), "IAD");
    assert_eq!(airports(&m.legs[1].departure), "IAD");
    assert_eq!(airports(&m.legs[1].arrival), "SFO");
    assert_eq!(m.legs[0].routing.len(), 2);
    assert_eq!(
        m.legs[1].arrival.scheduled.unwrap().to_string(),
        "2014-07-08 23:30:00"
    );
    assert_eq!(m.travellers.len(), 2);
    for t in &m.travellers {
        assert_eq!(t.surname.as_deref(), Some("MARTINEZ"));
        assert_eq!(t.documents.len(), 1);
        assert_eq!(t.documents[0].issuing_state.as_deref(), Some("ESP"));
    }
    assert_eq!(
        m.travellers[1].birth_date.unwrap().to_string(),
        "1969-06-06"
    );
    assert_eq!(
        m.travellers[0].documents[0].expires_on.unwrap().to_string(),
        "2018-12-30"
    );
    assert_eq!(codes(&m), Vec::<&str>::new());
}
