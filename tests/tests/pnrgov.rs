//! PNRGOV end to end: the example pushes in examples/data, and a generated
//! push of many PNRs.

use paxscreen_core::model::booking::{ContactKind, PassengerType, PaymentKind};
use paxscreen_core::model::LinkKey;
use paxscreen_core::pnrgov::{parse, Options};
use std::path::PathBuf;

fn example(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn options() -> Options {
    Options {
        link_key: Some(LinkKey::new(b"integration test key")),
        ..Options::default()
    }
}

#[test]
fn many_pnrs() {
    let parsed = parse(&example("pnrgov_many_pnrs.edi"), &options()).unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let b = &parsed.bookings;
    assert_eq!(b.len(), 5);
    for booking in b {
        assert!(booking.diagnostics.is_empty(), "{:?}", booking.diagnostics);
        assert_eq!(
            booking.flight.as_ref().unwrap().flight_number.as_deref(),
            Some("401")
        );
    }

    // A group booking: three travellers, three tickets paid in cash.
    let group = &b[0];
    assert_eq!(group.travellers.len(), 3);
    assert_eq!(group.special_services[0].code, "GRPS");
    assert_eq!(
        group.special_services[0].text.as_deref(),
        Some("HARBOR TOURS")
    );
    assert_eq!(group.tickets.len(), 3);
    assert!(group.payments.iter().all(|p| p.kind == PaymentKind::Cash));
    assert_eq!(group.payments[2].traveller, Some(2));
    assert_eq!(group.itinerary[0].party_size, Some(3));

    // An infant with her mother; the infant's DOCS was sent under the mother.
    let inf = &b[1];
    let mother = &inf.travellers[0];
    let baby = &inf.travellers[1];
    assert_eq!(baby.passenger_type, Some(PassengerType::Infant));
    assert_eq!(baby.infant_of.as_deref(), Some("1"));
    assert_eq!(mother.infant.as_deref(), Some("2"));
    assert_eq!(
        baby.documents[0].document.number.as_deref(),
        Some("A00000012")
    );
    assert_eq!(baby.birth_date.unwrap().to_string(), "2025-09-01");
    assert_eq!(mother.nationality.as_deref(), Some("NGA"));
    assert_eq!(mother.birth_date.unwrap().to_string(), "1990-02-14");
    let ticket = &inf.tickets[0];
    assert_eq!(ticket.booklets, Some(2));
    assert_eq!(ticket.conjunctive, ["2202400000202"]);
    let card = inf.payments[0].card.as_ref().unwrap();
    assert_eq!(card.masked, "555555******4444");
    assert_eq!(card.vendor.as_deref(), Some("CA"));
    assert_eq!(
        card.link,
        LinkKey::new(b"integration test key").hash("card", "5555555555554444")
    );
    assert_eq!(inf.payments[0].currency.as_deref(), Some("EUR"));

    // A codeshare: marketed by ZZ, operated by YY, two locators.
    let cs = &b[2];
    assert_eq!(cs.itinerary.len(), 2);
    assert_eq!(cs.itinerary[0].carrier.as_deref(), Some("ZZ"));
    assert_eq!(cs.itinerary[0].operating_carrier.as_deref(), Some("YY"));
    assert_eq!(
        cs.itinerary[0].departure.unwrap().to_string(),
        "2026-03-14 23:30:00"
    );
    assert_eq!(
        cs.itinerary[0].arrival.unwrap().to_string(),
        "2026-03-15 06:15:00"
    );
    assert_eq!(cs.itinerary[1].operating_carrier, None);
    assert_eq!(cs.other_locators[0].locator.as_deref(), Some("CS8ZZA"));
    let p = &cs.travellers[0];
    assert_eq!(
        p.documents[0].document.issuing_state.as_deref(),
        Some("PHL")
    );
    assert_eq!(p.documents[0].given_names.as_deref(), Some("ANTONIO JOSE"));
    assert_eq!(p.documents[1].source, "DOCO");
    assert_eq!(cs.payments[0].kind, PaymentKind::Miscellaneous);
    assert_eq!(
        cs.booking_office.as_ref().unwrap().country.as_deref(),
        Some("PHL")
    );

    // No DOCS at all: still travellers; an infant only named by SSR INFT.
    let fam = &b[3];
    assert_eq!(fam.travellers.len(), 3);
    assert!(fam.travellers.iter().all(|t| t.documents.is_empty()));
    let inft = &fam.travellers[2];
    assert_eq!(inft.passenger_type, Some(PassengerType::Infant));
    assert_eq!(inft.given_names.as_deref(), Some("RITA"));
    assert_eq!(inft.infant_of.as_deref(), Some("1"));
    let amex = fam.payments[0].card.as_ref().unwrap();
    assert!(amex.masked_by_sender);
    assert_eq!(amex.masked, "***********0005");
    let address = fam
        .contacts
        .iter()
        .find(|c| c.kind == ContactKind::Address)
        .unwrap();
    assert_eq!(
        address.address.as_ref().unwrap().country.as_deref(),
        Some("PRT")
    );

    // JSON never holds a clear card number, and dates are ISO 8601.
    let json = serde_json::to_string(&parsed.bookings).unwrap();
    assert!(!json.contains("5555555555554444"));
    assert!(!json.contains("4111111111111111"));
    assert!(json.contains("\"departure\":\"2026-03-15T10:05:00\""));
}

#[test]
fn same_card_links_across_bookings_only_under_one_key() {
    let input = example("pnrgov_many_pnrs.edi");
    let a = parse(&input, &options()).unwrap();
    let other = Options {
        link_key: Some(LinkKey::new(b"another key")),
        ..Options::default()
    };
    let b = parse(&input, &other).unwrap();
    let link = |p: &paxscreen_core::pnrgov::Parsed| {
        p.bookings[1].payments[0]
            .card
            .as_ref()
            .unwrap()
            .link
            .clone()
    };
    assert_eq!(link(&a), link(&parse(&input, &options()).unwrap()));
    assert_ne!(link(&a), link(&b));
}

#[test]
fn two_parts() {
    let parsed = parse(&example("pnrgov_two_parts.edi"), &options()).unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.bookings.len(), 3);
    assert_eq!(parsed.bookings[2].record_locator.as_deref(), Some("CS9XYZ"));
}

/// A push of `n` PNRs made by repeating the example PNRs with new locators.
#[allow(clippy::unwrap_used)]
fn generated(n: usize) -> Vec<u8> {
    let text = String::from_utf8(example("pnrgov_many_pnrs.edi")).unwrap();
    let first = text.find("SRC'").unwrap();
    let end = text.find("UNT+").unwrap();
    let pnrs: Vec<&str> = text[first..end]
        .split("SRC'")
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut body = String::new();
    for i in 0..n {
        let pnr = pnrs[i % pnrs.len()];
        // RCI+XX:LOCATOR -> a new six-character locator.
        let at = pnr.find("RCI+").unwrap() + 4;
        let colon = at + pnr[at..].find(':').unwrap() + 1;
        body.push_str("SRC'");
        body.push_str(&pnr[..colon]);
        body.push_str(&format!("G{i:05}"));
        body.push_str(&pnr[colon + 6..]);
    }
    let segments = body.matches('\'').count() + 6;
    format!(
        "UNA:+.?*'\nUNB+IATA:1+ZZ+DEAPIS+260314:0815+1'\nUNH+1+PNRGOV:11:1:IA+ZZ0401/150326/1005'\n\
         MSG+:22'\nORG+ZZ:FRA'\nTVL+150326:1005:150326:1240+FRA+LIS+ZZ+401'\nEQN+{n}'\n{body}UNT+{segments}+1'\nUNZ+1+1'\n"
    )
    .into_bytes()
}

#[test]
fn a_generated_push_of_many_pnrs() {
    let input = generated(137);
    let parsed = parse(&input, &options()).unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(parsed.bookings.len(), 137);
    assert_eq!(
        parsed.bookings[136].record_locator.as_deref(),
        Some("G00136")
    );
    let travellers: usize = parsed.bookings.iter().map(|b| b.travellers.len()).sum();
    assert!(travellers > 137);
}
