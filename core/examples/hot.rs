//! One hot path on generated input, for instruction counts under
//! callgrind (`scripts/callgrind`).
//!
//! ```text
//! cargo run --release -p paxscreen-core --example hot -- PATH [N]
//! ```
//!
//! PATH is `lex`, `read`, `paxlst`, `pnrgov`, `mrz`, `screen` or
//! `checkin`. The input is built first; then one function named
//! `measure_PATH` does the work on it, and the program prints
//! `UNITS UNIT` (bytes, travellers, PNRs, scans, calls). Running under
//! `valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect='*measure_*'` counts the instructions of that function
//! alone; divided by UNITS, they give a per-unit cost that does not move
//! with the load of the machine.

use chrono::NaiveDate;
use paxscreen_core::edifact::{self, Delimiters, Lexer, ReadOptions};
use paxscreen_core::model::{Gender, LinkKey, MrzFormat};
use paxscreen_core::mrz::{self, MrzFields};
use paxscreen_core::paxlst::synthetic::passenger_list;
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::Screener;
use paxscreen_core::{paxlst, pnrgov, synth};
use std::hint::black_box;
use std::process::ExitCode;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn measure_lex(input: &[u8]) -> usize {
    Lexer::new(input, 9, Delimiters::default())
        .map(|s| s.content.len())
        .sum()
}

#[inline(never)]
fn measure_read(input: &[u8]) -> usize {
    edifact::read(input, ReadOptions::default()).map_or(0, |t| t.interchanges.len())
}

#[inline(never)]
fn measure_paxlst(input: &[u8]) -> usize {
    paxlst::parse(input, &paxlst::Options::default())
        .map_or(0, |p| p.manifests.iter().map(|m| m.travellers.len()).sum())
}

#[inline(never)]
fn measure_pnrgov(files: &[Vec<u8>], options: &pnrgov::Options) -> usize {
    files
        .iter()
        .map(|f| pnrgov::parse(f, options).map_or(0, |p| p.bookings.len()))
        .sum()
}

#[inline(never)]
fn measure_mrz(scans: &[Vec<&str>], today: NaiveDate) -> usize {
    scans
        .iter()
        .filter(|lines| mrz::parse(lines, today).is_ok_and(|s| s.checks.all_ok()))
        .count()
}

#[inline(never)]
fn measure_screen(screener: &Screener, input: &ScreeningInput) -> usize {
    screener.screen(input).assessments.len()
}

#[inline(never)]
fn measure_checkin(screener: &Screener, message: &[u8], calls: usize) -> usize {
    (0..calls).map(|_| checkin(screener, message)).sum()
}

fn checkin(screener: &Screener, message: &[u8]) -> usize {
    let Ok(parsed) = paxlst::parse(message, &paxlst::Options::default()) else {
        return 0;
    };
    let Some(m) = parsed.manifests.first() else {
        return 0;
    };
    let (Some(t), Some(leg)) = (m.travellers.first(), m.legs.first()) else {
        return 0;
    };
    screener.screen_checkin(t, leg, None, None).findings.len() + 1
}

fn pnrgov_files(travellers: u64) -> Vec<Vec<u8>> {
    let dir = std::env::temp_dir().join(format!("paxscreen-hot-{}", std::process::id()));
    let config = synth::Config {
        travellers,
        seed: 1,
        plants: Vec::new(),
        messy: 0.0,
    };
    let mut out = Vec::new();
    if synth::generate(&config, &dir).is_ok() {
        let mut paths: Vec<_> = walk(&dir);
        paths.sort();
        for p in paths {
            if p.to_string_lossy().ends_with("_pnrgov.edi") {
                if let Ok(b) = std::fs::read(&p) {
                    out.push(b);
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

fn td3_scans(n: usize) -> Vec<Vec<String>> {
    let birth = NaiveDate::from_ymd_opt(1974, 8, 12);
    let expiry = NaiveDate::from_ymd_opt(2031, 4, 15);
    (0..n)
        .filter_map(|i| {
            let fields = MrzFields {
                format: MrzFormat::Td3,
                document_code: "P".to_string(),
                issuing_state: "UTO".to_string(),
                surname: ["ERIKSSON", "DEMIR", "NOVIKOVA", "GARCIA LOPEZ"][i % 4].to_string(),
                given_names: ["ANNA MARIA", "EMINE", "LUKAS"][i % 3].to_string(),
                document_number: format!("X{i:08}"),
                nationality: "UTO".to_string(),
                birth_date: birth,
                sex: Some(if i % 2 == 0 {
                    Gender::Female
                } else {
                    Gender::Male
                }),
                expiry_date: expiry,
                optional_data: format!("{i:06}"),
                optional_data_2: String::new(),
            };
            mrz::write(&fields).ok()
        })
        .collect()
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let n: Option<usize> = args.next().and_then(|n| n.parse().ok());
    let Some(today) = NaiveDate::from_ymd_opt(2026, 6, 1) else {
        return ExitCode::FAILURE;
    };
    let screener = || Screener::embedded(Purpose::Carrier, today).ok();
    let (units, unit, done) = match path.as_str() {
        "lex" | "read" => {
            let input = passenger_list(n.unwrap_or(10_000));
            let done = if path == "lex" {
                measure_lex(black_box(&input))
            } else {
                measure_read(black_box(&input))
            };
            (input.len(), "bytes", done)
        }
        "paxlst" => {
            let travellers = n.unwrap_or(2_000);
            let input = passenger_list(travellers);
            // A warm-up parse: lazy tables (airports) are built outside the count.
            let _ = paxlst::parse(&passenger_list(1), &paxlst::Options::default());
            (travellers, "travellers", measure_paxlst(black_box(&input)))
        }
        "pnrgov" => {
            let files = pnrgov_files(u64::try_from(n.unwrap_or(2_000)).unwrap_or(2_000));
            let options = pnrgov::Options {
                link_key: Some(LinkKey::new(b"bench key")),
                ..pnrgov::Options::default()
            };
            // A warm-up parse outside `measure_pnrgov`: lazy tables are built
            // outside the count.
            if let Some(first) = files.first() {
                let _ = pnrgov::parse(first, &options);
            }
            let pnrs = measure_pnrgov(black_box(&files), &options);
            (pnrs, "PNRs", pnrs)
        }
        "mrz" => {
            let scans = td3_scans(n.unwrap_or(1_000));
            let refs: Vec<Vec<&str>> = scans
                .iter()
                .map(|l| l.iter().map(String::as_str).collect())
                .collect();
            let ok = measure_mrz(black_box(&refs), today);
            (refs.len(), "scans", ok)
        }
        "screen" => {
            let travellers = n.unwrap_or(10_000);
            let Some(s) = screener() else {
                return ExitCode::FAILURE;
            };
            let Ok(parsed) = paxlst::parse(&passenger_list(travellers), &Default::default()) else {
                return ExitCode::FAILURE;
            };
            let input = ScreeningInput {
                manifests: parsed.manifests,
                ..ScreeningInput::default()
            };
            // One warm-up screening: lazy tables are built outside the count.
            let _ = s.screen(&input);
            (
                travellers,
                "travellers",
                measure_screen(&s, black_box(&input)),
            )
        }
        "checkin" => {
            let calls = n.unwrap_or(1_000);
            let Some(s) = screener() else {
                return ExitCode::FAILURE;
            };
            let message = passenger_list(1);
            let _ = checkin(&s, &message);
            (
                calls,
                "calls",
                measure_checkin(&s, black_box(&message), calls),
            )
        }
        _ => {
            eprintln!("usage: hot lex|read|paxlst|pnrgov|mrz|screen|checkin [N]");
            return ExitCode::from(2);
        }
    };
    if done == 0 {
        eprintln!("hot {path}: the work found nothing: the count would mean nothing");
        return ExitCode::FAILURE;
    }
    println!("{units} {unit}");
    ExitCode::SUCCESS
}
