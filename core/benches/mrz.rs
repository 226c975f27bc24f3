//! MRZ throughput: ICAO 9303 lines to `DocumentScan`, every check digit
//! verified, per scan.
//!
//! The scans are written by `mrz::write` from 1,000 invented identities
//! (TD3 passports, TD1 identity cards), so every check digit is right and
//! the parse does its whole work. `mrz/check_digit` times the check-digit
//! function alone on a TD3 composite field (the longest it sees).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_core::model::{Gender, MrzFormat};
use paxscreen_core::mrz::{self, MrzFields};
use std::hint::black_box;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SURNAMES: [&str; 8] = [
    "ERIKSSON",
    "DEMIR",
    "NOVIKOVA",
    "ABUBAKAR",
    "MUELLER",
    "MEHTA",
    "GARCIA LOPEZ",
    "O'NEILL",
];
const GIVEN: [&str; 6] = [
    "ANNA MARIA",
    "EMINE",
    "LUKAS",
    "PRIYA",
    "OLUWAFEMI",
    "JEAN-PAUL",
];
const STATES: [&str; 6] = ["UTO", "TUR", "RUS", "NGA", "DEU", "IND"];

/// `n` scans of one format, each as its lines.
fn scans(format: MrzFormat, n: usize) -> Vec<Vec<String>> {
    let (Some(birth), Some(expiry)) = (
        NaiveDate::from_ymd_opt(1974, 8, 12),
        NaiveDate::from_ymd_opt(2031, 4, 15),
    ) else {
        return Vec::new();
    };
    (0..n)
        .filter_map(|i| {
            let state = STATES[i % STATES.len()];
            let fields = MrzFields {
                format,
                document_code: if format == MrzFormat::Td1 { "ID" } else { "P" }.to_string(),
                issuing_state: state.to_string(),
                surname: SURNAMES[i % SURNAMES.len()].to_string(),
                given_names: GIVEN[i % GIVEN.len()].to_string(),
                document_number: format!("X{i:08}"),
                nationality: state.to_string(),
                birth_date: birth.checked_add_days(chrono::Days::new(i as u64 * 37)),
                sex: Some(if i % 2 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                }),
                expiry_date: expiry.checked_sub_days(chrono::Days::new(i as u64 * 3)),
                optional_data: format!("{i:06}"),
                optional_data_2: String::new(),
            };
            mrz::write(&fields).ok()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let Some(today) = NaiveDate::from_ymd_opt(2026, 3, 1) else {
        return;
    };
    let mut group = c.benchmark_group("mrz");
    for (name, format) in [("td3_parse", MrzFormat::Td3), ("td1_parse", MrzFormat::Td1)] {
        let all = scans(format, 1000);
        assert!(
            all.iter().all(|lines| {
                let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
                mrz::parse(&refs, today).is_ok_and(|s| s.checks.all_ok())
            }),
            "every generated scan reads with its check digits right"
        );
        let refs: Vec<Vec<&str>> = all
            .iter()
            .map(|l| l.iter().map(String::as_str).collect())
            .collect();
        group.throughput(Throughput::Elements(refs.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                refs.iter()
                    .filter(|lines| mrz::parse(black_box(lines), today).is_ok())
                    .count()
            });
        });
        if format == MrzFormat::Td3 {
            let text: Vec<String> = all.iter().map(|l| l.join("\n")).collect();
            group.bench_function("td3_parse_text", |b| {
                b.iter(|| {
                    text.iter()
                        .filter(|t| mrz::parse_text(black_box(t), today).is_ok())
                        .count()
                });
            });
        }
    }
    // The TD3 composite: document number, birth, expiry and optional data
    // with their check digits (39 characters).
    let composite = "L898902C3674081221204159ZE184226B<<<<<1";
    group.throughput(Throughput::Elements(1));
    group.bench_function("check_digit", |b| {
        b.iter(|| mrz::check_digit(black_box(composite)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
