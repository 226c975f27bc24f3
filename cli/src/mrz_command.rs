//! `paxscreen mrz`: one machine-readable zone in, its fields and every check
//! digit out.

use chrono::NaiveDate;
use paxscreen_core::mrz;
use serde::Serialize;
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// Arguments of `paxscreen mrz`.
#[derive(Debug, clap::Args)]
pub struct MrzArgs {
    /// The two or three lines of the zone; read from standard input when
    /// none are given.
    #[arg(value_name = "LINE", num_args = 0..=3)]
    lines: Vec<String>,
    /// Today's date, which resolves two-digit years (YYYY-MM-DD; default:
    /// the current date).
    #[arg(long, value_name = "DATE")]
    today: Option<NaiveDate>,
    /// Print one JSON line instead of indented JSON.
    #[arg(long)]
    compact: bool,
}

#[derive(Serialize)]
struct Record<'a> {
    kind: &'static str,
    valid: bool,
    #[serde(flatten)]
    scan: &'a paxscreen_core::model::DocumentScan,
}

/// Runs `paxscreen mrz`.
pub fn run(args: &MrzArgs) -> Result<ExitCode, String> {
    let today = args
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let scan = if args.lines.is_empty() {
        let mut text = String::new();
        io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("standard input: {e}"))?;
        mrz::parse_text(&text, today)
    } else {
        let lines: Vec<&str> = args.lines.iter().map(String::as_str).collect();
        mrz::parse(&lines, today)
    }
    .map_err(|e| e.to_string())?;
    let valid = scan.checks.all_ok();
    let record = Record {
        kind: "mrz",
        valid,
        scan: &scan,
    };
    let mut out = io::stdout().lock();
    let written = if args.compact {
        serde_json::to_writer(&mut out, &record)
    } else {
        serde_json::to_writer_pretty(&mut out, &record)
    };
    written.map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    if !valid {
        let failed: Vec<&str> = scan
            .checks
            .failed()
            .into_iter()
            .map(paxscreen_core::model::CheckName::describe)
            .collect();
        eprintln!("paxscreen: check digit failed: {}", failed.join(", "));
        for m in &scan.misreads {
            eprintln!(
                "paxscreen: possible misread at line {}, column {}: {:?} may be {:?}",
                m.line, m.column, m.found, m.suggested
            );
        }
    }
    Ok(if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Whether an input looks like a machine-readable zone: two or three
/// non-blank lines of 30, 36 or 44 characters from `A-Z0-9<` (allowing a few
/// characters of slack, which the reader reports).
#[must_use]
pub fn looks_like_mrz(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    (2..=3).contains(&lines.len())
        && lines.iter().all(|l| {
            (26..=46).contains(&l.len())
                && l.contains('<')
                && l.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'<')
        })
}
