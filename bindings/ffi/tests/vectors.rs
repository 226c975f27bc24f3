//! The shared screening vectors (spec/vectors/screening.toml) through the
//! FFI surface, checked against the core called directly, and written as
//! the conformance dump every language binding must reproduce byte for byte
//! (`target/conformance/rust.tsv`; see scripts/test-all).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use paxscreen_ffi::{Assessment, Screener};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    inputs: Vec<String>,
    pack: String,
    purpose: String,
    reference_date: String,
    expected: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    traveller: String,
    status: String,
    rules: Vec<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One line per assessment: case, traveller, status, sorted rule ids,
/// explanations of every finding in order. The same format in every language.
pub fn dump_line(case: &str, a: &Assessment) -> String {
    let label = format!(
        "{}/{}",
        a.traveller.surname.as_deref().unwrap_or(""),
        a.traveller.given_names.as_deref().unwrap_or("")
    );
    let explanations: Vec<&str> = a
        .findings
        .iter()
        .chain(&a.referrals)
        .chain(&a.data_quality)
        .map(|f| f.explanation.as_str())
        .collect();
    format!(
        "{case}\t{label}\t{}\t{}\t{}",
        format!("{:?}", a.status).to_lowercase(),
        a.rule_ids.join(","),
        explanations.join(" | ")
    )
}

#[test]
fn vectors_through_the_ffi_surface() {
    let dir = root().join("spec/vectors");
    let text = std::fs::read_to_string(dir.join("screening.toml")).unwrap();
    let file: File = toml::from_str(&text).unwrap();
    assert!(!file.case.is_empty());
    let mut dump = String::new();
    for case in &file.case {
        let pack = paxscreen_ffi::default_pack(case.pack.clone()).unwrap();
        let screener = Screener::new(
            case.purpose.clone(),
            Some(pack),
            Some(case.reference_date.clone()),
            Some(b"vectors".to_vec()),
        )
        .unwrap();
        let inputs = case
            .inputs
            .iter()
            .map(|p| std::fs::read(dir.join(p)).unwrap())
            .collect();
        let screening = screener.screen_bytes(inputs).unwrap();
        for e in &case.expected {
            let found: Vec<&Assessment> = screening
                .assessments
                .iter()
                .filter(|a| {
                    format!(
                        "{}/{}",
                        a.traveller.surname.as_deref().unwrap_or(""),
                        a.traveller.given_names.as_deref().unwrap_or("")
                    ) == e.traveller
                })
                .collect();
            assert_eq!(found.len(), 1, "{}: {}", case.name, e.traveller);
            let mut want = e.rules.clone();
            want.sort();
            assert_eq!(found[0].rule_ids, want, "{}: {}", case.name, e.traveller);
            assert_eq!(
                format!("{:?}", found[0].status).to_lowercase(),
                e.status,
                "{}: {}",
                case.name,
                e.traveller
            );
        }
        for a in &screening.assessments {
            writeln!(dump, "{}", dump_line(&case.name, a)).unwrap();
        }
    }
    let out = root().join("target/conformance");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("rust.tsv"), dump).unwrap();
}

#[test]
fn checkin_agrees_with_the_whole_input_path() {
    let data = std::fs::read(root().join("spec/vectors/data/paxlst_documents.edi")).unwrap();
    let screener = Screener::new("carrier".into(), None, Some("2026-03-01".into()), None).unwrap();
    let whole = screener.screen_bytes(vec![data.clone()]).unwrap();
    let expired = screener
        .screen_checkin(data.clone(), 1, None, None)
        .unwrap();
    assert_eq!(expired.traveller.surname.as_deref(), Some("EXPIRED"));
    assert_eq!(expired.rule_ids, vec!["DOC-02a".to_string()]);
    assert_eq!(expired.rule_ids, whole.assessments[1].rule_ids);
    let err = screener.screen_checkin(data, 99, None, None).unwrap_err();
    assert!(err.to_string().contains("out of range"), "{err}");
}

#[test]
fn pack_errors_are_readable() {
    let err = Screener::new("carrier".into(), Some("id = 1".into()), None, None).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("line 1, column 1"), "{text}");
    let err = Screener::new("nobody".into(), None, None, None).unwrap_err();
    assert!(err.to_string().contains("not a purpose"), "{err}");
    let findings = paxscreen_ffi::lint_pack(
        paxscreen_ffi::default_pack("carrier".into()).unwrap(),
        "protection".into(),
        Some("2026-03-01".into()),
    )
    .unwrap();
    assert!(findings
        .iter()
        .any(|f| f.code == "lint.purpose-mismatch" && f.display.contains("line ")));
}
