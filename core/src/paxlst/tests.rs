//! Tests of the PAXLST mapping: leniency, diagnostics, dates.

use super::*;
use crate::edifact::ErrorKind;
use crate::model::{DocumentKind, ListType, ListVariant, TravellerRole};

fn wrap(body: &str) -> Vec<u8> {
    let segments = body.matches('\'').count() + 2;
    format!(
        "UNB+UNOA:4+ZZAIR+AGENCY+260301:0800+1'UNH+1+PAXLST:D:15B:UN:IATA'{body}UNT+{segments}+1'UNZ+1+1'"
    )
    .into_bytes()
}

const LEG: &str =
    "TDT+20+ZZ1+++ZZ'LOC+125+LHR'DTM+189:2603011000:201'LOC+87+JFK'DTM+232:2603011300:201'";

fn one(input: &[u8], options: &Options) -> Manifest {
    let parsed = parse(input, options).unwrap();
    assert_eq!(parsed.manifests.len(), 1);
    parsed.manifests.into_iter().next().unwrap()
}

fn codes(m: &Manifest) -> Vec<&'static str> {
    m.diagnostics.iter().map(|d| d.code).collect()
}

#[test]
fn unknown_segments_and_qualifiers_are_kept_and_reported() {
    let input = wrap(&format!(
        "BGM+745'{LEG}NAD+FL+++DOE:JO'XYZ+1'ATT+9++TALL'RFF+ZZZ:42'DOC+P+1'DTM+999:260101'CNT+42:1'"
    ));
    let m = one(&input, &Options::default());
    assert_eq!(
        codes(&m),
        vec![
            "paxlst.unknown_segment",
            "paxlst.unknown_qualifier",
            "paxlst.unknown_qualifier",
            "paxlst.unknown_qualifier",
        ]
    );
    let t = &m.travellers[0];
    assert_eq!(
        t.unknown_segments,
        vec!["XYZ+1", "ATT+9++TALL", "DTM+999:260101"]
    );
    assert_eq!(t.other_refs[0].qualifier, "ZZZ");
    assert_eq!(t.documents.len(), 1);
    assert!(m.diagnostics.iter().all(|d| d.position.line == 1));
    assert_eq!(
        m.diagnostics[0].position.segment_tag.as_deref(),
        Some("XYZ")
    );
}

#[test]
fn a_traveller_with_bad_values_is_still_a_traveller() {
    let input = wrap(&format!(
        "BGM+745'{LEG}NAD+FL'ATT+2++Q'DTM+329:721340'NAT+2+QQ'DOC+ZZ'LOC+178+QQQ'MEA+CT++:two'CNT+42:1'"
    ));
    let m = one(&input, &Options::default());
    assert_eq!(
        codes(&m),
        vec![
            "paxlst.missing_name",
            "paxlst.unknown_gender",
            "paxlst.bad_date",
            "paxlst.unknown_country",
            "paxlst.unknown_document_type",
            "paxlst.missing_document_number",
            "paxlst.unknown_airport",
            "paxlst.bad_number",
        ]
    );
    let t = &m.travellers[0];
    assert_eq!(t.nationality.as_deref(), Some("QQ"));
    assert_eq!(t.embarkation_port.as_deref(), Some("QQQ"));
    assert_eq!(t.documents[0].kind, DocumentKind::Other("ZZ".into()));
    assert_eq!(t.unknown_segments.len(), 3);
}

#[test]
fn counts_are_checked_per_role() {
    let input = wrap(&format!(
        "BGM+250'{LEG}NAD+FM+++A'NAD+DDT+++B'NAD+FL+++C'CNT+41:2+42:3'"
    ));
    let m = one(&input, &Options::default());
    assert_eq!(codes(&m), vec!["paxlst.count_mismatch"]);
    assert!(m.diagnostics[0].message.contains("CNT+42 declares 3"));
    assert_eq!(m.declared_counts.crew, Some(2));
}

#[test]
fn list_types_and_variants() {
    let m = one(&wrap(&format!("BGM+745+CP'{LEG}")), &Options::default());
    assert_eq!(m.variant, Some(ListVariant::ChangePassengers));
    let m = one(&wrap(&format!("BGM+336'{LEG}")), &Options::default());
    assert_eq!(m.list_type, Some(ListType::MasterCrewList));
    let m = one(&wrap(&format!("BGM+999+QQ'{LEG}")), &Options::default());
    assert_eq!(m.list_type, Some(ListType::Other("999".into())));
    assert_eq!(
        codes(&m),
        vec!["paxlst.unknown_list_type", "paxlst.unknown_variant"]
    );
    let m = one(&wrap(LEG), &Options::default());
    assert_eq!(m.list_type, None);
    assert_eq!(codes(&m), vec!["paxlst.missing_bgm"]);
}

#[test]
fn unknown_role_is_kept_as_a_traveller() {
    let m = one(
        &wrap(&format!("BGM+745'{LEG}NAD+ZZ+++A'")),
        &Options::default(),
    );
    assert_eq!(m.travellers[0].role, TravellerRole::Other("ZZ".into()));
    assert_eq!(codes(&m), vec!["paxlst.unknown_qualifier"]);
}

#[test]
fn reference_date_falls_back_to_options_then_first_departure() {
    let no_date = |body: &str| {
        let segments = body.matches('\'').count() + 2;
        format!("UNB+UNOA:4+A+B++1'UNH+1+PAXLST:D:15B:UN:IATA'{body}UNT+{segments}+1'UNZ+1+1'")
            .into_bytes()
    };
    // No envelope date, no option: the first leg's departure (2026) decides.
    let m = one(
        &no_date(&format!("BGM+745'{LEG}NAD+FL+++A'DTM+329:260401'")),
        &Options::default(),
    );
    assert_eq!(
        m.travellers[0].birth_date.unwrap().to_string(),
        "1926-04-01"
    );
    // The option wins over the leg.
    let options = Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2030, 1, 1),
        ..Options::default()
    };
    let m = one(
        &no_date(&format!("BGM+745'{LEG}NAD+FL+++A'DTM+329:260401'")),
        &options,
    );
    assert_eq!(
        m.travellers[0].birth_date.unwrap().to_string(),
        "2026-04-01"
    );
    // Nothing at all: left empty, reported once, segments kept.
    let m = one(
        &no_date("BGM+745'NAD+FL+++A'DTM+329:260401'DOC+P+1'DTM+36:300101'"),
        &Options::default(),
    );
    assert_eq!(m.travellers[0].birth_date, None);
    assert_eq!(
        codes(&m),
        vec!["paxlst.no_reference_date", "paxlst.no_legs"]
    );
    assert_eq!(m.travellers[0].unknown_segments.len(), 2);
}

#[test]
fn four_digit_years_need_no_reference() {
    let m = one(
        &wrap(&format!("BGM+745'{LEG}NAD+FL+++A'DTM+329:19990101:102'")),
        &Options::default(),
    );
    assert_eq!(
        m.travellers[0].birth_date.unwrap().to_string(),
        "1999-01-01"
    );
}

#[test]
fn other_messages_are_skipped_and_none_is_an_error() {
    let input = b"UNB+UNOA:4+A+B+260301:0800+1'UNH+1+CUSRES:D:05B:UN:IATA'BGM+962'UNT+3+1'\
UNH+2+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+2'UNZ+2+1'";
    let parsed = parse(input, &Options::default()).unwrap();
    assert_eq!(parsed.manifests.len(), 1);
    assert_eq!(parsed.diagnostics[0].code, "paxlst.skipped_message");
    assert!(parsed.diagnostics[0].position.line > 0);
    let only_cusres =
        b"UNB+UNOA:4+A+B+260301:0800+1'UNH+1+CUSRES:D:05B:UN:IATA'BGM+962'UNT+3+1'UNZ+1+1'";
    let err = parse(only_cusres, &Options::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::NoMessage { expected: "PAXLST" });
    assert!(parse(b"hello", &Options::default()).is_err());
}

#[test]
fn old_and_new_versions() {
    let input = wrap(&format!("BGM+745'{LEG}"))
        .into_iter()
        .collect::<Vec<u8>>();
    let old = String::from_utf8(input).unwrap().replace("D:15B", "D:99A");
    let m = one(old.as_bytes(), &Options::default());
    assert_eq!(codes(&m), vec!["paxlst.unsupported_version"]);
    for release in ["02B", "05B", "12B", "22B"] {
        let text = String::from_utf8(wrap(&format!("BGM+745'{LEG}"))).unwrap();
        let m = one(text.replace("15B", release).as_bytes(), &Options::default());
        assert_eq!(codes(&m), Vec::<&str>::new(), "{release}");
    }
}

#[test]
fn no_panic_on_truncated_input() {
    let input = wrap(&format!(
        "BGM+745'{LEG}NAD+FL+++A:B'DOC+P+1'DTM+36:300101'LOC+91+GBR'"
    ));
    for end in 0..input.len() {
        let _ = parse(&input[..end], &Options::default());
    }
}
