//! `paxscreen synth` and `paxscreen evaluate`: synthetic traffic with
//! ground truth, and a pack's precision and recall measured on it.

use crate::screen_command::{build_screener, stream_inputs};
use paxscreen_core::screen::names::normalise_text;
use paxscreen_core::screen::Screening;
use paxscreen_core::synth::{self, Config, Pattern};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `paxscreen synth`.
#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// Folder to write into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Passengers in all.
    #[arg(long, default_value_t = 1000)]
    travellers: u64,
    /// Seed: the same seed writes the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// A pattern to plant and its rate, e.g. expired-document=0.01
    /// (repeatable). Patterns: expired-document, fresh-document,
    /// document-reused, birth-date-mismatch, name-mismatch,
    /// facilitator-card, shared-contact, unrelated-group,
    /// minor-unrelated-adult, cash-last-minute, broken-journey (what each
    /// plants: spec/synth.md).
    #[arg(long, value_name = "PATTERN=RATE")]
    plant: Vec<String>,
    /// Share of files written messy.
    #[arg(long, default_value_t = 0.0, value_name = "RATE")]
    messy: f64,
}

/// Runs `paxscreen synth`.
pub fn run_synth(args: &SynthArgs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let mut plants = Vec::new();
    for p in &args.plant {
        let Some((name, rate)) = p.split_once('=') else {
            eprintln!("paxscreen: --plant takes PATTERN=RATE");
            return Ok(ExitCode::from(2));
        };
        let names: Vec<&str> = Pattern::ALL.iter().map(|p| p.name()).collect();
        let Some(pattern) = Pattern::parse(name) else {
            eprintln!("paxscreen: unknown pattern `{name}` ({})", names.join(", "));
            return Ok(ExitCode::from(2));
        };
        match rate.parse::<f64>() {
            Ok(r) if (0.0..=1.0).contains(&r) => plants.push((pattern, r)),
            _ => {
                eprintln!("paxscreen: the rate of `{name}` is not a number from 0 to 1");
                return Ok(ExitCode::from(2));
            }
        }
    }
    let config = Config {
        travellers: args.travellers,
        seed: args.seed,
        plants,
        messy: args.messy.clamp(0.0, 1.0),
    };
    let s =
        synth::generate(&config, &args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "paxscreen: {} travellers on {} flights, {} files, {} truth lines in {:.3} s",
        s.travellers,
        s.flights,
        s.files,
        s.truth_lines,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Output formats of `paxscreen evaluate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// An aligned table.
    Table,
    /// One JSON object with a row per rule.
    Json,
}

/// Arguments of `paxscreen evaluate`.
#[derive(Debug, clap::Args)]
pub struct EvaluateArgs {
    /// A folder written by `paxscreen synth`.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// A rule pack (TOML) instead of the embedded default for the purpose.
    #[arg(long, value_name = "PACK")]
    rules: Option<PathBuf>,
    /// What the screening is for (default: the pack's purpose, else carrier).
    #[arg(long, value_name = "P")]
    purpose: Option<String>,
    /// Input files read per chunk, as for `paxscreen screen`; 0 (the
    /// default) screens the whole folder at once, so that links between
    /// bookings anywhere in it are seen.
    #[arg(long, default_value_t = 0, value_name = "N")]
    chunk_files: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    format: EvalFormat,
}

#[derive(serde::Deserialize)]
struct TruthLine {
    flight: String,
    traveller: String,
    #[serde(default)]
    booking: Option<String>,
    rules: Vec<String>,
}

/// What screening found, as keys to compare with the truth: traveller
/// findings by (rule, flight, `SURNAME/GIVEN`), booking findings by (rule,
/// record locator) for every booking the finding names. Filled one
/// [`Screening`] at a time, so a folder can be screened in chunks.
#[derive(Debug, Default)]
pub struct Found {
    travellers: BTreeSet<(String, String, String)>,
    bookings: BTreeSet<(String, String)>,
    assessments: usize,
}

/// Adds the findings of one screening (a whole folder, or one chunk of its
/// flights) to `found`: every finding, referral and data-quality finding of
/// each assessment under its traveller, and every booking finding under
/// each record locator of its subject.
pub fn record_findings(screening: &Screening, found: &mut Found) {
    found.assessments += screening.assessments.len();
    for a in &screening.assessments {
        let flight = format!(
            "{}{}",
            a.flight.carrier.as_deref().unwrap_or(""),
            a.flight.number.as_deref().unwrap_or("")
        );
        let name = name_key(
            a.traveller.surname.as_deref().unwrap_or(""),
            a.traveller.given_names.as_deref().unwrap_or(""),
        );
        for f in a.findings.iter().chain(&a.referrals).chain(&a.data_quality) {
            found
                .travellers
                .insert((f.rule.clone(), flight.clone(), name.clone()));
        }
    }
    for b in &screening.booking_findings {
        for locator in &b.subject.bookings {
            found
                .bookings
                .insert((b.finding.rule.clone(), locator.clone()));
        }
    }
}

/// A traveller's name as the truth and the findings are compared:
/// `SURNAME/GIVEN` in MRZ letters (`MÜLLER` from a Latin-1 feed is
/// `MUELLER`, as generated).
fn name_key(surname: &str, given: &str) -> String {
    format!("{}/{}", normalise_text(surname), normalise_text(given))
}

/// Rules whose subject is an identifier linking bookings (they read how
/// many bookings share a card or a contact): the screener reports them as
/// booking findings, so they are scored by record locator.
fn booking_rules(pack: &paxscreen_core::rules::Pack) -> BTreeSet<String> {
    const LINKING: [&str; 2] = [
        "booking.card_shared_bookings",
        "booking.contact_shared_bookings",
    ];
    pack.rules
        .iter()
        .filter(|r| {
            r.condition
                .fields()
                .iter()
                .any(|u| LINKING.contains(&u.path.as_str()))
        })
        .map(|r| r.id.clone())
        .collect()
}

/// Per rule: true positives, false positives and false negatives of what
/// was found against the truth. Traveller rules are counted per (flight,
/// traveller), booking rules per record locator.
fn score(
    rows: &mut BTreeMap<String, Row>,
    found: &Found,
    truth_travellers: &BTreeSet<(String, String, String)>,
    truth_bookings: &BTreeSet<(String, String)>,
) {
    fn row<'r>(rows: &'r mut BTreeMap<String, Row>, rule: &str) -> &'r mut Row {
        rows.entry(rule.to_string()).or_insert_with(|| Row {
            rule: rule.to_string(),
            ..Row::default()
        })
    }
    for key in &found.travellers {
        let r = row(rows, &key.0);
        if truth_travellers.contains(key) {
            r.true_positives += 1;
        } else {
            r.false_positives += 1;
        }
    }
    for key in &found.bookings {
        let r = row(rows, &key.0);
        if truth_bookings.contains(key) {
            r.true_positives += 1;
        } else {
            r.false_positives += 1;
        }
    }
    for key in truth_travellers {
        if !found.travellers.contains(key) {
            row(rows, &key.0).false_negatives += 1;
        }
    }
    for key in truth_bookings {
        if !found.bookings.contains(key) {
            row(rows, &key.0).false_negatives += 1;
        }
    }
}

#[derive(Default, serde::Serialize)]
struct Row {
    rule: String,
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    precision: Option<f64>,
    recall: Option<f64>,
}

/// Runs `paxscreen evaluate`.
pub fn run_evaluate(args: &EvaluateArgs) -> Result<ExitCode, String> {
    let today = synth::start_date();
    let screener = match build_screener(args.rules.as_ref(), args.purpose.as_deref(), today) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("paxscreen: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    let truth_path = args.dir.join("truth.jsonl");
    let text = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let linking = booking_rules(screener.pack());
    let mut truth: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut truth_bookings: BTreeSet<(String, String)> = BTreeSet::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let t: TruthLine = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", truth_path.display(), i + 1))?;
        for r in t.rules {
            match &t.booking {
                Some(locator) if linking.contains(&r) => {
                    truth_bookings.insert((r, locator.clone()));
                }
                _ => {
                    let (surname, given) =
                        t.traveller.split_once('/').unwrap_or((&t.traveller, ""));
                    truth.insert((r, t.flight.clone(), name_key(surname, given)));
                }
            }
        }
    }
    // Rules of the truth that the pack does not hold are not scored.
    let held: BTreeSet<&str> = screener
        .pack()
        .rules
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    truth.retain(|k| held.contains(k.0.as_str()));
    truth_bookings.retain(|k| held.contains(k.0.as_str()));
    let mut found = Found::default();
    let mut on_batch = |batch: paxscreen_core::screen::stream::Batch<std::sync::Arc<str>>| {
        record_findings(&screener.screen_parallel(&batch.input), &mut found);
        Ok::<(), std::convert::Infallible>(())
    };
    let streamed = match stream_inputs(
        std::slice::from_ref(&args.dir),
        today,
        None,
        paxscreen_core::edifact::Limits::default(),
        args.chunk_files,
        &mut on_batch,
    ) {
        Ok(s) => s,
        Err(never) => match never {},
    };
    let failed = streamed.failed;
    let mut rows: BTreeMap<String, Row> = screener
        .pack()
        .rules
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                Row {
                    rule: r.id.clone(),
                    ..Row::default()
                },
            )
        })
        .collect();
    score(&mut rows, &found, &truth, &truth_bookings);
    #[allow(clippy::cast_precision_loss)]
    for row in rows.values_mut() {
        let tp = row.true_positives as f64;
        let p = row.true_positives + row.false_positives;
        let t = row.true_positives + row.false_negatives;
        row.precision = (p > 0).then(|| tp / p as f64);
        row.recall = (t > 0).then(|| tp / t as f64);
    }
    let rows: Vec<Row> = rows.into_values().collect();
    let mut out = io::stdout().lock();
    let written = match args.format {
        EvalFormat::Json => serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({
                "travellers": found.assessments,
                "rules": rows,
            }),
        )
        .map_err(io::Error::other)
        .and_then(|()| writeln!(out)),
        EvalFormat::Table => write_table(&mut out, &rows),
    };
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.to_string()),
        Ok(()) => {}
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_table<W: Write>(out: &mut W, rows: &[Row]) -> io::Result<()> {
    let ratio = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
    writeln!(
        out,
        "{:<10} {:>7} {:>7} {:>7} {:>9} {:>7}",
        "RULE", "TP", "FP", "FN", "PRECISION", "RECALL"
    )?;
    for r in rows {
        writeln!(
            out,
            "{:<10} {:>7} {:>7} {:>7} {:>9} {:>7}",
            r.rule,
            r.true_positives,
            r.false_positives,
            r.false_negatives,
            ratio(r.precision),
            ratio(r.recall)
        )?;
    }
    Ok(())
}
