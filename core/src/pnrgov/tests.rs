use super::*;
use crate::edifact::{Delimiters, ErrorKind, Writer};
use crate::model::booking::{ContactKind, PassengerType, PaymentKind};
use proptest::prelude::*;

fn opts() -> Options {
    Options {
        link_key: Some(LinkKey::new(b"unit test key")),
        ..Options::default()
    }
}

const HEAD: &str =
    "UNA:+.?*'UNB+IATA:1+ZZ+XX+260314:0815+9'UNH+1+PNRGOV:11:1:IA+ZZ0401/150326/1005'\
MSG+:22'ORG+ZZ:FRA'TVL+150326:1005:150326:1240+FRA+LIS+ZZ+401'";

fn push(eqn: &str, body: &str) -> String {
    let segments = 4 + body.matches('\'').count() + usize::from(!eqn.is_empty()) + 1;
    format!("{HEAD}{eqn}{body}UNT+{segments}+1'UNZ+1+9'")
}

fn codes(d: &[Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|d| d.code).collect()
}

#[test]
fn one_pnr_maps_every_group() {
    let input = include_bytes!("../../../examples/data/pnrgov_one_pnr.edi");
    let parsed = parse(input, &opts()).unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let b = &parsed.bookings[0];
    assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
    assert_eq!(b.record_locator.as_deref(), Some("K7PQ2M"));
    assert_eq!(b.ticketed, None);
    assert_eq!(
        b.tickets[0].issued.unwrap().to_string(),
        "2026-02-03 09:30:00"
    );
    let p = &b.travellers[0];
    assert_eq!(p.documents.len(), 2);
    assert_eq!(p.documents[1].source, "DOCO");
    assert_eq!(p.documents[1].document.number.as_deref(), Some("VZ1234567"));
    assert_eq!(p.document_addresses[0].city.as_deref(), Some("LISBOA"));
    let email = b
        .contacts
        .iter()
        .find(|c| c.kind == ContactKind::Email)
        .unwrap();
    assert_eq!(email.value.as_deref(), Some("lena_voss-krause@example.org"));
    assert_eq!(email.traveller, Some(0));
    assert_eq!(
        email.link.as_ref().unwrap(),
        &LinkKey::new(b"unit test key").hash("email", "lena_voss-krause@example.org")
    );
    let phones: Vec<_> = b
        .contacts
        .iter()
        .filter(|c| c.kind == ContactKind::Phone)
        .filter_map(|c| c.value.as_deref())
        .collect();
    assert_eq!(phones, ["+496955501234", "4915100000001"]);
    let pay = &b.payments[0];
    assert_eq!(pay.kind, PaymentKind::Card);
    assert_eq!(pay.amount.as_deref(), Some("236.40"));
    assert_eq!(pay.currency.as_deref(), Some("EUR"));
    assert_eq!(pay.payer.as_deref(), Some("LENA M VOSS KRAUSE"));
    let card = pay.card.as_ref().unwrap();
    assert_eq!(card.masked, "411111******1111");
    assert_eq!(card.expires.as_deref(), Some("2029-08"));
    // The payer's address belongs to the payment.
    assert!(b.contacts.iter().any(|c| c.payment == Some(0)));
    // No clear card number anywhere in the JSON.
    let json = serde_json::to_string(b).unwrap();
    assert!(!json.contains("4111111111111111"));
    assert!(json.contains("\"record_locator\":\"K7PQ2M\""));
    let bag = &b.check_in[0].travellers[0].bags[0];
    assert!(!bag.pooled);
    assert_eq!(bag.weight, Some(18.5));
    assert_eq!(b.check_in[0].at.unwrap().to_string(), "2026-03-15 08:30:00");
    assert_eq!(b.history.len(), 2);
}

#[test]
fn two_parts_are_reassembled() {
    let input = include_bytes!("../../../examples/data/pnrgov_two_parts.edi");
    let parsed = parse(input, &opts()).unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let locators: Vec<_> = parsed
        .bookings
        .iter()
        .map(|b| b.record_locator.as_deref().unwrap())
        .collect();
    assert_eq!(locators, ["GRP3AB", "INF5CD", "CS9XYZ"]);
}

#[test]
fn a_missing_part_is_reported_and_the_rest_mapped() {
    let input = include_str!("../../../examples/data/pnrgov_two_parts.edi");
    // Drop the first part: only 02:F remains.
    let start = input.find("UNH+1+").unwrap();
    let end = input.find("UNH+2+").unwrap();
    let cut = format!("{}{}", &input[..start], &input[end..]);
    let parsed = parse(cut.as_bytes(), &opts()).unwrap();
    assert!(codes(&parsed.diagnostics).contains(&"pnrgov.missing_part"));
    assert_eq!(parsed.bookings.len(), 1);
    let d = parsed
        .diagnostics
        .iter()
        .find(|d| d.code == "pnrgov.missing_part")
        .unwrap();
    assert!(d.position.line > 0);
    assert_eq!(d.position.segment_tag.as_deref(), Some("UNH"));
}

#[test]
fn eqn_is_checked_and_strict_upgrades() {
    let input = push("EQN+2'", "SRC'RCI+ZZ:AAA111'TIF+A+B:A:1'");
    let parsed = parse(input.as_bytes(), &opts()).unwrap();
    assert_eq!(codes(&parsed.diagnostics), ["pnrgov.eqn_count"]);
    assert_eq!(parsed.diagnostics[0].severity, Severity::Warning);
    let strict = parse(
        input.as_bytes(),
        &Options {
            strict: true,
            ..opts()
        },
    )
    .unwrap();
    assert_eq!(strict.diagnostics[0].severity, Severity::Error);
}

#[test]
fn ssr_problems_stay_on_that_ssr_and_people_are_kept() {
    let body = "SRC'RCI+ZZ:AAA111'TIF+ROE+ANN:A:1'SSR+DOCS:HK:1:ZZ:::::/P/GBR/1/GBR/99XYZ99/F/01JAN30/ROE/ANN'\
TIF+ROE+BEN:C:2'SSR+WCHR:HK:1:ZZ+::7'";
    let input = push("EQN+1'", body);
    let parsed = parse(input.as_bytes(), &opts()).unwrap();
    let b = &parsed.bookings[0];
    assert_eq!(b.travellers.len(), 2);
    assert_eq!(b.travellers[1].passenger_type, Some(PassengerType::Child));
    assert!(b.travellers[1].documents.is_empty());
    let c = codes(&b.diagnostics);
    assert_eq!(c, ["pnrgov.ssr_bad_date", "pnrgov.ssr_unknown_passenger"]);
    let bad_date = &b.diagnostics[0];
    assert_eq!(bad_date.position.segment_tag.as_deref(), Some("SSR"));
    assert!(bad_date.position.column > 1);
    // The document is kept with what could be read.
    assert_eq!(
        b.travellers[0].documents[0].document.number.as_deref(),
        Some("1")
    );
    // The unknown reference falls back to the traveller the SSR follows.
    assert_eq!(b.travellers[1].special_services[0].code, "WCHR");
}

#[test]
fn backslash_release_and_other_delimiters() {
    let d = Delimiters {
        release: Some(b'\\'),
        component: b':',
        element: b'+',
        ..Delimiters::default()
    };
    let mut w = Writer::new(d);
    w.una();
    w.segment(
        "UNB",
        &[
            &["IATA", "1"],
            &["ZZ"],
            &["XX"],
            &["260314", "0815"],
            &["7"],
        ],
    )
    .unwrap();
    w.segment(
        "UNH",
        &[
            &["1"],
            &["PNRGOV", "13", "1", "IA"],
            &["ZZ0401/150326/1005"],
        ],
    )
    .unwrap();
    w.segment("MSG", &[&["", "22"]]).unwrap();
    w.segment(
        "TVL",
        &[&["150326", "1005"], &["FRA"], &["LIS"], &["ZZ"], &["401"]],
    )
    .unwrap();
    w.segment("EQN", &[&["1"]]).unwrap();
    w.segment("SRC", &[] as &[&[&str]]).unwrap();
    w.segment("RCI", &[&["ZZ", "BSL123"]]).unwrap();
    w.segment("TIF", &[&["O'NEIL"], &["ANN MS", "A", "1"]])
        .unwrap();
    w.segment("LTS", &[&["RX 14:30 SEAT+MEAL"]]).unwrap();
    w.segment("UNT", &[&["9"], &["1"]]).unwrap();
    w.segment("UNZ", &[&["1"], &["7"]]).unwrap();
    let input = w.finish();
    let parsed = parse(&input, &opts()).unwrap();
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let b = &parsed.bookings[0];
    assert_eq!(b.travellers[0].surname.as_deref(), Some("O'NEIL"));
    assert_eq!(b.history[0].text, "RX 14:30 SEAT+MEAL");
}

#[test]
fn not_pnrgov_is_an_error() {
    let input = b"UNB+UNOA:4+A+B+260101:1200+1'UNH+1+PAXLST:D:15B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'";
    let err = parse(input, &opts()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NoMessage { expected: "PNRGOV" });
    assert_eq!(err.position.line, 1);
    assert!(parse(b"   ", &opts()).is_err());
}

#[test]
fn missing_src_and_misplaced_segments() {
    let input = push("EQN+1'", "RCI+ZZ:NOSRC1'MON+T:1.00:EUR'TIF+X+Y:A:1'");
    let parsed = parse(input.as_bytes(), &opts()).unwrap();
    assert_eq!(parsed.bookings.len(), 1);
    assert!(codes(&parsed.diagnostics).contains(&"pnrgov.missing_src"));
    assert_eq!(
        codes(&parsed.bookings[0].diagnostics),
        ["pnrgov.misplaced_segment"]
    );
    assert_eq!(parsed.bookings[0].record_locator.as_deref(), Some("NOSRC1"));
}

proptest! {
    #[test]
    fn arbitrary_docs_text_never_panics(text in ".{0,120}") {
        let r = chrono::NaiveDate::from_ymd_opt(2026, 3, 14);
        let (doc, _) = ssr::docs(&text, r);
        prop_assert_eq!(doc.raw, text.clone());
        let _ = ssr::doco(&text, r);
        let _ = ssr::doca(&text);
        let _ = ssr::ctce(&text);
        let _ = ssr::ctc_phone(&text);
    }

    #[test]
    fn slashed_docs_text_never_panics(parts in proptest::collection::vec("[A-Z0-9 ]{0,9}", 0..14)) {
        let text = format!("/{}", parts.join("/"));
        let (doc, _) = ssr::docs(&text, None);
        prop_assert_eq!(doc.raw, text);
    }

    #[test]
    fn arbitrary_pnr_bodies_never_panic(body in "[A-Z0-9:+/ ]{0,40}(['][A-Z]{3}[A-Z0-9:+/ ]{0,30}){0,12}") {
        let input = push("EQN+1'", &format!("SRC'{body}'"));
        let _ = parse(input.as_bytes(), &opts());
    }
}

#[test]
fn a_huge_part_number_is_reported_as_a_range_not_listed() {
    // Found by the `pnrgov` fuzz target: a part number of 4294967295 made
    // the reader list every missing number (gigabytes) and overflow.
    let input: &[u8] = b"UNA:+.?*'UNB+IATA:1+ZZ+XX+260314:0815+9'\
UNH+1+PNRGOV:11:1:IA+ZZ0401/150326/1005+4294967295:F'\
MSG+:22'ORG+ZZ:FRA'TVL+150326:1005:150326:1240+FRA+LIS+ZZ+401'\
UNT+5+1'UNZ+1+9'\
UNH+2+PNRGOV:11:1:IA+ZZ0401/150326/1005+3:C'\
MSG+:22'ORG+ZZ:FRA'TVL+150326:1005:150326:1240+FRA+LIS+ZZ+401'\
UNT+5+2'UNZ+1+9'";
    let parsed = parse(input, &opts()).unwrap();
    let missing: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == "pnrgov.missing_part")
        .collect();
    assert_eq!(missing.len(), 1, "{:?}", parsed.diagnostics);
    assert!(
        missing[0].message.starts_with("part 1-2, 4-4294967294 of"),
        "{}",
        missing[0].message
    );
}

#[test]
fn a_message_in_more_parts_than_the_bound_maps_the_first_parts_only() {
    let mut input = String::from("UNA:+.?*'UNB+IATA:1+ZZ+XX+260314:0815+9'");
    for k in 1..=1001 {
        let cf = if k == 1001 { "F" } else { "C" };
        input.push_str(&format!(
            "UNH+{k}+PNRGOV:11:1:IA+ZZ0401/150326/1005+{k}:{cf}'\
MSG+:22'ORG+ZZ:FRA'TVL+150326:1005:150326:1240+FRA+LIS+ZZ+401'UNT+5+{k}'"
        ));
    }
    input.push_str("UNZ+1001+9'");
    let parsed = parse(input.as_bytes(), &opts()).unwrap();
    let bound: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code == "pnrgov.too_many_parts")
        .collect();
    assert_eq!(bound.len(), 1, "{:?}", parsed.diagnostics);
    assert_eq!(bound[0].severity, Severity::Error);
    assert!(
        bound[0].message.starts_with("2 part(s)"),
        "{}",
        bound[0].message
    );
    assert!(bound[0].message.contains("more than 999 parts"));
    // Placed at the first part left out (part 1000).
    let at = input.find("UNH+1000+").unwrap();
    assert_eq!(bound[0].position.byte_offset, at);
    // The parts as sent were complete (1 to 1001, final), so none is
    // reported missing: the bound is applied after that check.
    assert!(!parsed
        .diagnostics
        .iter()
        .any(|d| d.code == "pnrgov.missing_part"));
}
