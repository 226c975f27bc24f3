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
    #[serde(default)]
    near_miss: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    traveller: String,
    status: String,
    rules: Vec<String>,
    suppressed: Option<Vec<String>>,
    #[serde(default)]
    near_miss: Vec<String>,
}

/// Id of the screener's built-in flight check (declared counts), screened
/// with every pack that allows the data-quality channel.
const BUILTIN_RULES: [&str; 1] = ["DQ-02a"];

fn load() -> File {
    let dir = common::root().join("spec/vectors");
    let text = std::fs::read_to_string(dir.join("screening.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// The rule ids of an embedded default pack, in pack order.
fn pack_rule_ids(pack: &str) -> Vec<String> {
    let purpose = Purpose::parse(pack).unwrap();
    let text = paxscreen_core::screen::default_pack(purpose).unwrap();
    let pack =
        paxscreen_core::rules::Pack::from_toml(text, &paxscreen_core::indicators::FieldCatalogue)
            .unwrap();
    pack.rules.iter().map(|r| r.id.clone()).collect()
}

#[test]
fn screening_vectors() {
    let dir = common::root().join("spec/vectors");
    let file = load();
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
            for id in &e.near_miss {
                if got.contains(id) {
                    failures.push(format!(
                        "{}: {}: near miss {id} fired",
                        case.name, e.traveller
                    ));
                }
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
        for id in &case.near_miss {
            let checked = [&case.flight_rules, &case.booking_rules]
                .into_iter()
                .flatten()
                .any(|list| !list.contains(id));
            let fired = screening
                .flight_findings
                .iter()
                .map(|f| &f.finding.rule)
                .chain(screening.booking_findings.iter().map(|f| &f.finding.rule))
                .any(|r| r == id);
            if !checked || fired {
                failures.push(format!(
                    "{}: case near miss {id} fired or is not checked (give flight_rules or booking_rules)",
                    case.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every rule of each embedded default pack (and the built-in flight check)
/// has, with that pack, a vector where it fires and a near miss: a traveller
/// (or, for flight and booking findings, a case) built to almost fire it,
/// for which it does not. `screening_vectors` checks that the near misses
/// do not fire; this test checks that they exist. A rule added to a pack
/// without vectors fails here.
#[test]
fn vectors_cover_every_rule_of_the_default_packs() {
    let file = load();
    let mut missing = Vec::new();
    for pack in ["carrier", "border-api"] {
        let ids = pack_rule_ids(pack);
        assert!(!ids.is_empty(), "{pack}: no rules");
        let cases: Vec<&Case> = file.case.iter().filter(|c| c.pack == pack).collect();
        let known = |id: &str| ids.iter().any(|i| i == id) || BUILTIN_RULES.contains(&id);
        for c in &cases {
            let named = c
                .expected
                .iter()
                .flat_map(|e| e.rules.iter().chain(&e.near_miss))
                .chain(c.flight_rules.iter().flatten())
                .chain(c.booking_rules.iter().flatten())
                .chain(&c.near_miss);
            for id in named {
                assert!(known(id), "{}: {id} is not a rule of pack {pack}", c.name);
            }
        }
        for id in ids.iter().map(String::as_str).chain(BUILTIN_RULES) {
            let fires = cases.iter().any(|c| {
                c.expected.iter().any(|e| e.rules.iter().any(|r| r == id))
                    || c.flight_rules.iter().flatten().any(|r| r == id)
                    || c.booking_rules.iter().flatten().any(|r| r == id)
            });
            let near_miss = cases.iter().any(|c| {
                c.expected.iter().any(|e| {
                    e.near_miss.iter().any(|r| r == id) && !e.rules.iter().any(|r| r == id)
                }) || (c.near_miss.iter().any(|r| r == id)
                    && [&c.flight_rules, &c.booking_rules]
                        .into_iter()
                        .flatten()
                        .any(|list| !list.iter().any(|r| r == id)))
            });
            if !fires {
                missing.push(format!("{pack}: no vector where {id} fires"));
            }
            if !near_miss {
                missing.push(format!("{pack}: no near miss for {id}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
