use super::*;

fn config(travellers: u64, seed: u64) -> Config {
    Config {
        travellers,
        seed,
        plants: vec![(Pattern::ExpiredDocument, 0.05)],
        messy: 0.0,
    }
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let name = p.strip_prefix(dir).unwrap().display().to_string();
                out.push((name, fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn tmp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("paxscreen-synth-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    d
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let (a, b, c) = (tmp("a"), tmp("b"), tmp("c"));
    generate(&config(600, 7), &a).unwrap();
    generate(&config(600, 7), &b).unwrap();
    generate(&config(600, 8), &c).unwrap();
    assert_eq!(files(&a), files(&b));
    assert_ne!(files(&a), files(&c));
}

#[test]
fn generated_files_parse_without_errors() {
    let d = tmp("parse");
    let s = generate(&config(800, 3), &d).unwrap();
    assert!(s.travellers >= 800);
    let mut travellers = 0;
    let mut bookings = 0;
    for (name, bytes) in files(&d) {
        if name.ends_with("truth.jsonl") {
            continue;
        }
        if name.contains("pnrgov") {
            let r = crate::pnrgov::parse(&bytes, &crate::pnrgov::Options::default()).unwrap();
            assert!(
                r.diagnostics
                    .iter()
                    .all(|x| x.severity != crate::model::Severity::Error),
                "{name}: {:?}",
                r.diagnostics
            );
            for b in &r.bookings {
                assert!(
                    b.diagnostics
                        .iter()
                        .all(|x| x.severity != crate::model::Severity::Error),
                    "{name}: {:?}",
                    b.diagnostics
                );
            }
            bookings += r.bookings.len();
        } else {
            let r = crate::paxlst::parse(&bytes, &crate::paxlst::Options::default()).unwrap();
            assert!(
                r.diagnostics
                    .iter()
                    .all(|x| x.severity != crate::model::Severity::Error),
                "{name}: {:?}",
                r.diagnostics
            );
            for m in &r.manifests {
                assert!(
                    m.diagnostics
                        .iter()
                        .all(|x| x.severity != crate::model::Severity::Error),
                    "{name}: {:?}",
                    m.diagnostics
                );
                if name.contains("paxlst") {
                    travellers += m.travellers.len();
                }
            }
        }
    }
    assert_eq!(travellers as u64, s.travellers);
    assert!(bookings > 300);
}

#[test]
fn expired_documents_planted_at_about_the_rate() {
    let d = tmp("rate");
    generate(&config(4000, 11), &d).unwrap();
    let truth = fs::read_to_string(d.join("truth.jsonl")).unwrap();
    let n = truth
        .lines()
        .filter(|l| l.contains("\"expired-document\""))
        .count();
    assert!(
        (120..=280).contains(&n),
        "{n} expired documents for 4000 travellers at 5%"
    );
}

/// Generates `travellers` with one pattern at `rate` (plus `messy`).
fn only(p: Pattern, rate: f64, travellers: u64, messy: f64, dir: &Path) -> Summary {
    let c = Config {
        travellers,
        seed: 5,
        plants: vec![(p, rate)],
        messy,
    };
    generate(&c, dir).unwrap()
}

/// Per rule `[tp, fp, fn]` of the border-api pack (which holds every rule
/// of the carrier pack, same ids and conditions, and the facilitation
/// rules) on a generated folder, counted as `paxscreen evaluate` does:
/// traveller findings by (rule, flight, name), booking findings (rules
/// reading shared cards or contacts) by (rule, record locator).
fn evaluate(dir: &Path) -> std::collections::BTreeMap<String, [usize; 3]> {
    use crate::screen::names::normalise_text;
    use crate::screen::reconcile::ScreeningInput;
    use crate::screen::Screener;
    use std::collections::{BTreeMap, BTreeSet};
    let key = |s: &str, g: &str| format!("{}/{}", normalise_text(s), normalise_text(g));
    let mut input = ScreeningInput::default();
    for (name, bytes) in files(dir) {
        if name.ends_with("pnrgov.edi") {
            let r = crate::pnrgov::parse(&bytes, &crate::pnrgov::Options::default()).unwrap();
            input.bookings.extend(r.bookings);
        } else if name.ends_with(".edi") {
            let o = crate::paxlst::Options {
                strict: false,
                reference_date: Some(start_date()),
            };
            input
                .manifests
                .extend(crate::paxlst::parse(&bytes, &o).unwrap().manifests);
        }
    }
    let screener = Screener::embedded(crate::rules::Purpose::BorderApi, start_date()).unwrap();
    let linking: BTreeSet<String> = ["BKG-02a", "BKG-04a"].map(String::from).into();
    let mut truth_t = BTreeSet::new();
    let mut truth_b = BTreeSet::new();
    for line in fs::read_to_string(dir.join("truth.jsonl")).unwrap().lines() {
        let t: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, g) = t["traveller"].as_str().unwrap().split_once('/').unwrap();
        for r in t["rules"].as_array().unwrap() {
            let r = r.as_str().unwrap().to_string();
            match t["booking"].as_str() {
                Some(b) if linking.contains(&r) => truth_b.insert((r, b.to_string())),
                _ => truth_t.insert((r, t["flight"].as_str().unwrap().to_string(), key(s, g))),
            };
        }
    }
    let screening = screener.screen(&input);
    let mut found_t = BTreeSet::new();
    let mut found_b = BTreeSet::new();
    for a in &screening.assessments {
        let flight = format!(
            "{}{}",
            a.flight.carrier.as_deref().unwrap_or(""),
            a.flight.number.as_deref().unwrap_or("")
        );
        let name = key(
            a.traveller.surname.as_deref().unwrap_or(""),
            a.traveller.given_names.as_deref().unwrap_or(""),
        );
        for r in a.rule_ids() {
            found_t.insert((r.to_string(), flight.clone(), name.clone()));
        }
    }
    for b in &screening.booking_findings {
        for l in &b.subject.bookings {
            found_b.insert((b.finding.rule.clone(), l.clone()));
        }
    }
    let mut out: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for k in &found_t {
        out.entry(k.0.clone()).or_default()[usize::from(!truth_t.contains(k))] += 1;
    }
    for k in &found_b {
        out.entry(k.0.clone()).or_default()[usize::from(!truth_b.contains(k))] += 1;
    }
    for k in truth_t.iter().filter(|k| !found_t.contains(*k)) {
        out.entry(k.0.clone()).or_default()[2] += 1;
    }
    for k in truth_b.iter().filter(|k| !found_b.contains(*k)) {
        out.entry(k.0.clone()).or_default()[2] += 1;
    }
    out
}

/// Recall of each rule of a pattern, as documented in `spec/synth.md`:
/// 1.0 for every rule.
fn documented_recall(_rule: &str) -> f64 {
    1.0
}

#[test]
fn each_pattern_is_planted_at_its_rate_and_found_by_its_rules() {
    for p in Pattern::ALL {
        // Booking patterns are drawn per booking, and facilitator rings
        // and groups hold many travellers: a higher rate keeps counts up.
        let rate = if p.is_booking() || p == Pattern::MinorUnrelatedAdult {
            0.06
        } else {
            0.05
        };
        let d = tmp(p.name());
        let s = only(p, rate, 1200, 0.0, &d);
        let (n, k) = (s.eligible[p.index()], s.planted[p.index()]);
        #[allow(clippy::cast_precision_loss)]
        let (mean, sd) = (n as f64 * rate, (n as f64 * rate * (1.0 - rate)).sqrt());
        #[allow(clippy::cast_precision_loss)]
        let off = (k as f64 - mean).abs();
        assert!(
            n > 0 && k > 0 && off <= 4.0 * sd,
            "{}: {k} planted of {n} eligible at {rate} (sd {sd:.1})",
            p.name()
        );
        for (q, planted) in Pattern::ALL.iter().zip(s.planted) {
            assert!(*q == p || planted == 0, "{} planted {}", p.name(), q.name());
        }
        let scores = evaluate(&d);
        for rule in p.rules() {
            let [tp, _, fn_] = scores.get(*rule).copied().unwrap_or_default();
            #[allow(clippy::cast_precision_loss)]
            let recall = tp as f64 / (tp + fn_).max(1) as f64;
            assert!(tp + fn_ > 0, "{}: no truth for {rule}", p.name());
            assert!(
                (recall - documented_recall(rule)).abs() < 1e-9,
                "{}: {rule} recall {recall} ({tp} found, {fn_} missed)",
                p.name()
            );
        }
        let _ = fs::remove_dir_all(&d);
    }
}

#[test]
fn background_traffic_raises_no_pattern_rule() {
    let d = tmp("clean");
    only(Pattern::ExpiredDocument, 0.0, 2000, 0.0, &d);
    let scores = evaluate(&d);
    let rules: std::collections::BTreeSet<&str> = Pattern::ALL
        .iter()
        .flat_map(|p| p.rules().iter().copied())
        .collect();
    for (rule, [tp, fp, fn_]) in &scores {
        assert_eq!((*tp, *fn_), (0, 0), "{rule}");
        assert!(
            !rules.contains(rule.as_str()) || *fp == 0,
            "{rule}: {fp} findings in traffic with nothing planted"
        );
    }
    assert!(!scores.contains_key("PRT-03a"), "{scores:?}");
}

#[test]
fn messy_feeds_and_pushes_in_parts_evaluate_the_same() {
    let plants: Vec<(Pattern, f64)> = Pattern::ALL.iter().map(|p| (*p, 0.02)).collect();
    let (clean, messy) = (tmp("clean-all"), tmp("messy-all"));
    for (dir, m) in [(&clean, 0.0), (&messy, 0.3)] {
        let c = Config {
            travellers: 2000,
            seed: 7,
            plants: plants.clone(),
            messy: m,
        };
        generate(&c, dir).unwrap();
    }
    let in_parts = files(&messy)
        .iter()
        .filter(|(n, b)| {
            n.ends_with("pnrgov.edi") && b.windows(5).any(|w| w == b"+02:F" || w == b"+03:F")
        })
        .count();
    assert!(in_parts > 0, "no PNRGOV push was sent in parts");
    assert_eq!(
        fs::read(clean.join("truth.jsonl")).unwrap(),
        fs::read(messy.join("truth.jsonl")).unwrap()
    );
    assert_eq!(evaluate(&clean), evaluate(&messy));
}

#[test]
fn cross_flight_plants_stay_within_the_window() {
    let d = tmp("window");
    let c = Config {
        travellers: 4000,
        seed: 3,
        plants: vec![
            (Pattern::FacilitatorCard, 0.03),
            (Pattern::SharedContact, 0.03),
            (Pattern::DocumentReused, 0.02),
        ],
        messy: 0.0,
    };
    generate(&c, &d).unwrap();
    // Ring identifiers (card 5..., phone 4479...) and passenger document
    // numbers, with the flights (file indexes) that carry them.
    let mut seen: std::collections::HashMap<String, Vec<u64>> = Default::default();
    for (name, bytes) in files(&d) {
        let Some(file) = name.rsplit('/').next() else {
            continue;
        };
        let Some((i, _)) = file.split_once('_') else {
            continue;
        };
        let i: u64 = i.parse().unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for seg in text.split('\'') {
            let seg = seg.trim();
            for marker in [":VI:5", "/4479", "DOC+P:110:111+"] {
                if let Some(at) = seg.find(marker) {
                    let id: String = seg[at..].chars().take(30).collect();
                    let list = seen.entry(id).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
    }
    let (mut rings, mut reused, mut spread) = (0, 0, 0);
    for (id, flights) in &seen {
        let (lo, hi) = (flights.iter().min().unwrap(), flights.iter().max().unwrap());
        assert!(hi - lo < LINK_WINDOW, "{id}: {flights:?}");
        spread = spread.max(hi - lo);
        if id.starts_with("DOC") {
            reused += usize::from(flights.len() > 1);
        } else {
            rings += 1;
        }
    }
    assert!(
        rings >= 4 && reused >= 1 && spread > 0,
        "{rings} {reused} {spread}"
    );
}
