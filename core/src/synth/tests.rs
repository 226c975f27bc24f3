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
