//! Tests of the screener: the default packs lint clean, the linter refuses
//! copies with each forbidden construct, and the status rules hold.

use chrono::NaiveDate;

use super::screener::{Screener, ScreenerError, BORDER_API_PACK, CARRIER_PACK};
use crate::indicators::FieldCatalogue;
use crate::rules::{lint, Pack, Purpose};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
}

fn lint_codes(text: &str, purpose: Purpose) -> Vec<&'static str> {
    let pack = Pack::from_toml(text, &FieldCatalogue).unwrap_or_else(|e| {
        panic!(
            "pack does not load: {}",
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    lint(&pack, &FieldCatalogue, purpose, today())
        .into_iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn carrier_pack_lints_clean() {
    assert_eq!(
        lint_codes(CARRIER_PACK, Purpose::Carrier),
        Vec::<&str>::new()
    );
    assert!(Screener::embedded(Purpose::Carrier, today()).is_ok());
}

#[test]
fn border_api_pack_lints_clean() {
    assert_eq!(
        lint_codes(BORDER_API_PACK, Purpose::BorderApi),
        Vec::<&str>::new()
    );
    assert!(Screener::embedded(Purpose::BorderApi, today()).is_ok());
}

#[test]
fn packs_have_ids_titles_references_and_a_2027_review() {
    for text in [CARRIER_PACK, BORDER_API_PACK] {
        let pack = Pack::from_toml(text, &FieldCatalogue).unwrap();
        assert_eq!(pack.review_by.format("%Y").to_string(), "2027");
        for r in &pack.rules {
            assert!(
                r.id.len() >= 6 && r.id.as_bytes()[r.id.len() - 1].is_ascii_lowercase(),
                "{}",
                r.id
            );
            assert!(
                r.references.legal_basis.is_some() && r.references.source.is_some(),
                "{}",
                r.id
            );
            assert!(!r.title.is_empty() && !r.clears.is_empty(), "{}", r.id);
        }
    }
}

/// The carrier pack with one more rule appended.
fn with_rule(base: &str, channel: &str, weight: &str, when: &str) -> String {
    format!(
        "{base}\n[[rule]]\nid = \"BAD-01a\"\ntitle = \"t\"\nfamily = \"BAD\"\nchannel = \"{channel}\"\n\
         weight = \"{weight}\"\nseverity = \"low\"\nwhen = '{when}'\nexplain = \"e\"\nclears = \"c\"\n"
    )
}

#[test]
fn linter_refuses_each_forbidden_construct_in_a_default_pack_copy() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "compliance",
            "moderate",
            "trip.one_way and booking.payment_cash",
            "lint.weak-only",
        ),
        (
            "compliance",
            "weak",
            "trip.one_way and trip.long_haul",
            "lint.weak-rule",
        ),
        (
            "compliance",
            "moderate",
            "traveller.age_at_departure < 18",
            "lint.protected-only",
        ),
        (
            "compliance",
            "moderate",
            "traveller.nationality == \"UTO\" and traveller.sex == \"F\"",
            "lint.protected-only",
        ),
        (
            "compliance",
            "moderate",
            "traveller.surname == \"X\" and trip.long_haul",
            "lint.sensitive-field",
        ),
        (
            "compliance",
            "moderate",
            "booking.agency == \"MOML\" and trip.long_haul",
            "lint.sensitive-code",
        ),
        (
            "compliance",
            "moderate",
            "traveller.nationality == \"XXB\" and trip.long_haul",
            "lint.protection-status",
        ),
        (
            "facilitation",
            "moderate",
            "trip.long_haul and trip.onward_missing",
            "lint.channel-not-allowed",
        ),
        (
            "compliance",
            "moderate",
            "document.expired_at_departure",
            "lint.duplicate-id",
        ),
    ];
    for (channel, weight, when, code) in cases {
        let mut text = with_rule(CARRIER_PACK, channel, weight, when);
        if *code == "lint.duplicate-id" {
            text = text.replace("id = \"BAD-01a\"", "id = \"DOC-02a\"");
        }
        let codes = lint_codes(&text, Purpose::Carrier);
        assert!(
            codes.contains(code),
            "{when}: expected {code}, got {codes:?}"
        );
        match Screener::new(&text, Purpose::Carrier, today()) {
            Err(ScreenerError::Refused(findings)) => {
                let f = findings.iter().find(|f| f.code == *code).unwrap();
                assert!(f.line > 232, "{code} positioned at line {}", f.line);
            }
            other => panic!("{when}: expected a refusal, got {other:?}"),
        }
    }
}

#[test]
fn pack_declared_for_another_purpose_is_refused() {
    assert!(lint_codes(CARRIER_PACK, Purpose::BorderApi).contains(&"lint.purpose-mismatch"));
    assert!(matches!(
        Screener::new(BORDER_API_PACK, Purpose::Carrier, today()),
        Err(ScreenerError::Refused(_))
    ));
}

#[test]
fn load_errors_carry_positions() {
    let text = CARRIER_PACK.replace(
        "when = 'document.expired_at_departure'",
        "when = 'document.expired_at_departure >'",
    );
    match Screener::new(&text, Purpose::Carrier, today()) {
        Err(ScreenerError::Load(errors)) => {
            assert_eq!(errors[0].code, "rules.parse");
            assert!(errors[0].in_pack && errors[0].line > 10);
        }
        other => panic!("expected a load error, got {other:?}"),
    }
}

#[test]
fn no_default_pack_for_pnr_purpose() {
    assert!(matches!(
        Screener::embedded(Purpose::PnrSeriousCrime, today()),
        Err(ScreenerError::NoDefaultPack("pnr-serious-crime"))
    ));
}
