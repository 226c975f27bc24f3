//! Runs the shared screening vectors of `spec/vectors/screening.toml`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure is a test failure

mod common;

use chrono::NaiveDate;
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::Screener;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    inputs: Vec<String>,
    pack: String,
    purpose: String,
    reference_date: NaiveDate,
    expected: Vec<Expected>,
    flight_rules: Option<Vec<String>>,
    booking_rules: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    traveller: String,
    status: String,
    rules: Vec<String>,
    suppressed: Option<Vec<String>>,
}

#[test]
fn screening_vectors() {
    let dir = common::root().join("spec/vectors");
    let text = std::fs::read_to_string(dir.join("screening.toml")).unwrap();
    let file: File = toml::from_str(&text).unwrap();
    assert!(!file.case.is_empty());
    let mut failures = Vec::new();
    for case in &file.case {
        let purpose = Purpose::parse(&case.purpose).unwrap();
        let pack_purpose = Purpose::parse(&case.pack).unwrap();
        let pack = paxscreen_core::screen::default_pack(pack_purpose).unwrap();
        let screener = Screener::new(pack, purpose, case.reference_date).unwrap();
        let mut input = ScreeningInput::default();
        for p in &case.inputs {
            common::read_into(&dir.join(p), case.reference_date, &mut input);
        }
        let screening = screener.screen(&input);
        for e in &case.expected {
            let found: Vec<_> = screening
                .assessments
                .iter()
                .filter(|a| common::label(a) == e.traveller)
                .collect();
            let [a] = found.as_slice() else {
                failures.push(format!(
                    "{}: {} found {} times",
                    case.name,
                    e.traveller,
                    found.len()
                ));
                continue;
            };
            let mut want = e.rules.clone();
            want.sort();
            let got = common::rules(a);
            if a.status.as_str() != e.status || got != want {
                failures.push(format!(
                    "{}: {}: expected {} {:?}, got {} {:?}",
                    case.name,
                    e.traveller,
                    e.status,
                    want,
                    a.status.as_str(),
                    got
                ));
            }
            if let Some(s) = &e.suppressed {
                let got = a
                    .exoneration
                    .as_ref()
                    .map(|x| x.suppressed.clone())
                    .unwrap_or_default();
                if &got != s {
                    failures.push(format!(
                        "{}: {}: suppressed {got:?}, expected {s:?}",
                        case.name, e.traveller
                    ));
                }
            }
        }
        let check = |label: &str,
                     want: &Option<Vec<String>>,
                     got: Vec<String>,
                     failures: &mut Vec<String>| {
            if let Some(want) = want {
                let mut want = want.clone();
                want.sort();
                let mut got = got;
                got.sort();
                if got != want {
                    failures.push(format!("{}: {label} {got:?}, expected {want:?}", case.name));
                }
            }
        };
        check(
            "flight rules",
            &case.flight_rules,
            screening
                .flight_findings
                .iter()
                .map(|f| f.finding.rule.clone())
                .collect(),
            &mut failures,
        );
        check(
            "booking rules",
            &case.booking_rules,
            screening
                .booking_findings
                .iter()
                .map(|f| f.finding.rule.clone())
                .collect(),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
