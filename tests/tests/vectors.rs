//! Runs the shared screening vectors of `spec/vectors/screening.toml`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers: a failure is a test failure

mod common;

use common::{Case, File};
use paxscreen_core::rules::Purpose;

/// Id of the screener's built-in flight check (declared counts), screened
/// with every pack that allows the data-quality channel.
const BUILTIN_RULES: [&str; 1] = ["DQ-02a"];

fn load() -> File {
    common::load_cases(&common::root().join("spec/vectors/screening.toml"))
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
    let failures = common::check_cases(&dir, &file);
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
