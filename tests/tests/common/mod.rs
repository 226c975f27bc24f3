//! Reading message files into a screening input, shared by the vector and
//! scenario tests.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use paxscreen_core::edifact::{self, ReadOptions};
use paxscreen_core::screen::assessment::Assessment;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::{mrz, paxlst, pnrgov};
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
    let transmission = edifact::read(&bytes, ReadOptions { strict: false })
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
