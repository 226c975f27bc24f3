//! Reading message files into a screening input and checking screening
//! cases, shared by the vector and scenario tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use paxscreen_core::edifact::{self, ReadOptions};
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::assessment::Assessment;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::Screener;
use paxscreen_core::{mrz, paxlst, pnrgov};
use serde::Deserialize;
use std::path::Path;

/// The workspace root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// Reads one file (MRZ text, or EDIFACT with PAXLST and/or PNRGOV) into `input`.
pub fn read_into(path: &Path, reference_date: NaiveDate, input: &mut ScreeningInput) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = String::from_utf8_lossy(&bytes);
    if !text.contains('\'') {
        let scan = mrz::parse_text(&text, reference_date)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        input.scans.push(scan);
        return;
    }
    let transmission = edifact::read(&bytes, ReadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = paxlst::Options {
        strict: false,
        reference_date: Some(reference_date),
    };
    input
        .manifests
        .extend(paxlst::map_transmission(&bytes, &transmission, &options).manifests);
    let options = pnrgov::Options {
        strict: false,
        reference_date: None,
        link_key: Some(paxscreen_core::model::LinkKey::new(b"vectors")),
    };
    input
        .bookings
        .extend(pnrgov::map_transmission(&bytes, &transmission, &options).bookings);
}

/// `SURNAME/GIVEN NAMES` of an assessment.
pub fn label(a: &Assessment) -> String {
    format!(
        "{}/{}",
        a.traveller.surname.as_deref().unwrap_or(""),
        a.traveller.given_names.as_deref().unwrap_or("")
    )
}

/// The sorted rule ids that fired for a traveller.
pub fn rules(a: &Assessment) -> Vec<String> {
    let mut r: Vec<String> = a.rule_ids().map(str::to_string).collect();
    r.sort();
    r
}

/// A file of screening cases: `spec/vectors/screening.toml` and
/// `examples/data/scenario_answers.toml` (format: `spec/vectors/README.md`).
#[derive(Deserialize)]
pub struct File {
    pub case: Vec<Case>,
}

/// One case: inputs screened together with one pack.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub name: String,
    pub inputs: Vec<String>,
    pub pack: String,
    pub purpose: String,
    pub reference_date: NaiveDate,
    pub expected: Vec<Expected>,
    pub flight_rules: Option<Vec<String>>,
    pub booking_rules: Option<Vec<String>>,
    #[serde(default)]
    pub near_miss: Vec<String>,
}

/// What one traveller of a case must get.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub traveller: String,
    pub status: String,
    pub rules: Vec<String>,
    pub suppressed: Option<Vec<String>>,
    #[serde(default)]
    pub near_miss: Vec<String>,
}

/// Reads a file of cases.
pub fn load_cases(path: &Path) -> File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap()
}

/// Screens every case (inputs relative to `dir`) and returns what differs
/// from what it expects, one line each; empty when every case holds.
pub fn check_cases(dir: &Path, file: &File) -> Vec<String> {
    let mut failures = Vec::new();
    for case in &file.case {
        let purpose = Purpose::parse(&case.purpose).unwrap();
        let pack_purpose = Purpose::parse(&case.pack).unwrap();
        let pack = paxscreen_core::screen::default_pack(pack_purpose).unwrap();
        let screener = Screener::new(pack, purpose, case.reference_date).unwrap();
        let mut input = ScreeningInput::default();
        for p in &case.inputs {
            read_into(&dir.join(p), case.reference_date, &mut input);
        }
        let screening = screener.screen(&input);
        for e in &case.expected {
            let found: Vec<_> = screening
                .assessments
                .iter()
                .filter(|a| label(a) == e.traveller)
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
            let got = rules(a);
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
    failures
}
