//! The public IATA guide example (Appendix B, example 1), read from the
//! shared samples directory when it is present.

use paxscreen_core::model::booking::PassengerType;
use paxscreen_core::pnrgov::{parse, Options};
use std::path::PathBuf;

fn sample() -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/samples/pnrgov_1A_SQ602_backslash_release.edi");
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            println!("skipping: {} is not readable ({e})", path.display());
            None
        }
    }
}

#[test]
fn guide_example_sq602() {
    let Some(input) = sample() else { return };
    let parsed = parse(&input, &Options::default()).unwrap();
    if std::env::var_os("PNRGOV_DUMP").is_some() {
        println!(
            "{}",
            serde_json::to_string_pretty(&parsed.bookings).unwrap()
        );
        for d in &parsed.diagnostics {
            println!("{d}");
        }
    }
    assert_eq!(parsed.bookings.len(), 1);
    let b = &parsed.bookings[0];
    assert_eq!(b.record_locator.as_deref(), Some("3PGZOV"));
    assert_eq!(b.owner.as_deref(), Some("1A"));
    assert_eq!(b.created.unwrap().to_string(), "2013-03-19 13:54:00");
    assert_eq!(b.last_modified.unwrap().to_string(), "2013-05-27 05:59:00");
    let office = b.booking_office.as_ref().unwrap();
    assert_eq!(office.iata_number.as_deref(), Some("32393340"));
    assert_eq!(office.office_id.as_deref(), Some("SINSQ08AA"));
    assert_eq!(office.country.as_deref(), Some("SGP"));

    assert_eq!(b.travellers.len(), 2);
    let adult = &b.travellers[0];
    assert_eq!(adult.surname.as_deref(), Some("BELT"));
    assert_eq!(adult.given_names.as_deref(), Some("ISABELLE"));
    assert_eq!(adult.title.as_deref(), Some("MRS"));
    assert_eq!(adult.passenger_type, Some(PassengerType::Adult));
    assert_eq!(adult.reference.as_deref(), Some("2"));
    assert_eq!(adult.infant.as_deref(), Some("3"));
    assert_eq!(
        adult.frequent_flyer[0].number.as_deref(),
        Some("8794285757")
    );
    let infant = &b.travellers[1];
    assert_eq!(infant.given_names.as_deref(), Some("SOPHY"));
    assert_eq!(infant.passenger_type, Some(PassengerType::Infant));
    assert_eq!(infant.infant_of.as_deref(), Some("2"));

    let numbers = |p: &paxscreen_core::model::booking::Passenger| -> Vec<String> {
        p.documents
            .iter()
            .filter_map(|d| d.document.number.clone())
            .collect()
    };
    assert_eq!(numbers(adult), ["509229987"]);
    assert_eq!(numbers(infant), ["512731999"]);
    assert_eq!(adult.birth_date.unwrap().to_string(), "1978-07-01");
    assert_eq!(infant.birth_date.unwrap().to_string(), "2012-09-20");
    assert!(adult.documents[0].raw.contains("509229987"));

    assert_eq!(b.itinerary.len(), 1);
    let leg = &b.itinerary[0];
    assert_eq!(leg.carrier.as_deref(), Some("SQ"));
    assert_eq!(leg.flight_number.as_deref(), Some("602"));
    assert_eq!(leg.booking_class.as_deref(), Some("D"));
    assert_eq!(leg.origin.as_deref(), Some("SIN"));
    assert_eq!(leg.destination.as_deref(), Some("ICN"));
    assert_eq!(leg.departure.unwrap().to_string(), "2013-05-27 14:30:00");
    assert_eq!(leg.status.as_deref(), Some("HK"));
    assert_eq!(leg.aircraft.as_deref(), Some("333"));
    // The leg's INFT names passenger 2: it is hers.
    assert!(adult
        .special_services
        .iter()
        .any(|s| s.code == "INFT" && s.segment == Some(0)));

    let checked: Vec<_> = b.check_in.iter().flat_map(|c| &c.travellers).collect();
    assert_eq!(checked.len(), 2);
    assert!(checked.iter().all(|c| c.seat.as_deref() == Some("011D")));
    assert_eq!(checked[0].traveller, Some(0));
    assert_eq!(checked[1].traveller, Some(1));
    let bags = &checked[0].bags[0];
    assert_eq!(bags.pieces, Some(3));
    assert_eq!(bags.weight, Some(33.0));
    assert_eq!(bags.unit.as_deref(), Some("kg"));
    assert!(bags.pooled);
    assert_eq!(bags.tags.len(), 3);
    assert_eq!(bags.tags[0].number.as_deref(), Some("0123456789"));
    assert_eq!(bags.tags[0].destination.as_deref(), Some("ICN"));

    assert_eq!(b.history.len(), 49);
    assert!(b.history.iter().all(|h| h.tag == "LTS" && h.free_text));
    // The released colon (backslash release) is data.
    assert!(b.history.iter().any(|h| h.text.contains("14:30")));
    assert!(b.remarks.iter().all(|r| r.free_text));
}
