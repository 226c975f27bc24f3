//! `paxscreen screen`: PAXLST, PNRGOV and MRZ inputs in, assessments out.

use crate::input::{self, Source};
use crate::Inputs;
use chrono::NaiveDate;
use paxscreen_core::edifact::{self, ReadOptions};
use paxscreen_core::model::LinkKey;
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::assessment::{Assessment, Status};
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::{Screener, Screening};
use paxscreen_core::{mrz, paxlst, pnrgov};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Output formats of `paxscreen screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line (spec/findings.schema.json).
    Jsonl,
    /// Comma-separated values, one row per record, with a header.
    Csv,
    /// An aligned table for people.
    Table,
}

/// The status at which `--fail-on` makes the run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Any traveller with status review or inhibit.
    Review,
    /// Any traveller with status inhibit.
    Inhibit,
}

/// Arguments of `paxscreen screen`.
#[derive(Debug, clap::Args)]
pub struct ScreenArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// A rule pack (TOML) instead of the embedded default for the purpose.
    #[arg(long, value_name = "PACK")]
    rules: Option<PathBuf>,
    /// What the screening is for: carrier or border-api (default: the
    /// pack's declared purpose with --rules, else carrier).
    #[arg(long, value_name = "P")]
    purpose: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Exit with status 3 when any traveller reaches this status.
    #[arg(long, value_enum, value_name = "STATUS")]
    fail_on: Option<FailOn>,
    /// Date that resolves two-digit years, MRZ dates and the pack's review
    /// deadline (YYYY-MM-DD; default: the current date).
    #[arg(long, value_name = "DATE")]
    reference_date: Option<NaiveDate>,
    /// File holding the secret key for the hashes that link cards, phones
    /// and e-mails across bookings; booking findings then show the hash.
    /// Without it a random key is drawn for the run and no hash is shown,
    /// so the output is the same from one run to the next.
    #[arg(long, value_name = "FILE")]
    link_key: Option<PathBuf>,
}

/// The models read from one input file.
#[derive(Default)]
struct Read {
    manifests: Vec<paxscreen_core::model::Manifest>,
    bookings: Vec<paxscreen_core::model::booking::Booking>,
    scans: Vec<paxscreen_core::model::DocumentScan>,
}

/// Reads one source as MRZ, PAXLST and/or PNRGOV.
fn read_source(
    source: &Source,
    reference_date: NaiveDate,
    link_key: Option<&LinkKey>,
) -> Result<Read, String> {
    let mut out = Read::default();
    if crate::mrz_command::looks_like_mrz(&source.bytes) {
        let text = String::from_utf8_lossy(&source.bytes);
        let scan = mrz::parse_text(&text, reference_date).map_err(|e| e.to_string())?;
        out.scans.push(scan);
        return Ok(out);
    }
    let transmission =
        edifact::read(&source.bytes, ReadOptions::default()).map_err(|e| e.to_string())?;
    let mut read_any = false;
    if transmission.has_message("PAXLST") {
        let options = paxlst::Options {
            strict: false,
            reference_date: Some(reference_date),
        };
        out.manifests = paxlst::map_transmission(&source.bytes, &transmission, &options).manifests;
        read_any = true;
    }
    if transmission.has_message("PNRGOV") {
        let options = pnrgov::Options {
            strict: false,
            reference_date: None,
            link_key: link_key.cloned(),
        };
        out.bookings = pnrgov::map_transmission(&source.bytes, &transmission, &options).bookings;
        read_any = true;
    }
    if read_any {
        Ok(out)
    } else {
        Err("the input holds no PAXLST or PNRGOV message and is not a machine-readable zone".into())
    }
}

/// One output line: a record kind, the input file(s) it came from and the body.
#[derive(Serialize)]
struct Record<'a, T: Serialize> {
    kind: &'static str,
    source: &'a str,
    #[serde(flatten)]
    body: &'a T,
}

/// Counts for the summary on standard error.
#[derive(Default)]
struct Tally {
    travellers: usize,
    clear: usize,
    review: usize,
    inhibit: usize,
    referrals: usize,
    data_quality: usize,
    flight_findings: usize,
    booking_findings: usize,
}

impl Tally {
    fn add(&mut self, a: &Assessment) {
        self.travellers += 1;
        match a.status {
            Status::Clear => self.clear += 1,
            Status::Review => self.review += 1,
            Status::Inhibit => self.inhibit += 1,
        }
        self.referrals += a.referrals.len();
        self.data_quality += a.data_quality.len();
    }
}

/// Builds the screener from the arguments; `Err` is a usage error.
pub fn build_screener(
    rules: Option<&PathBuf>,
    purpose: Option<&str>,
    today: NaiveDate,
) -> Result<Screener, String> {
    let purpose = match purpose {
        Some(p) => Some(Purpose::parse(p).ok_or_else(|| {
            format!("unknown purpose `{p}` (carrier, border-api, pnr-serious-crime, protection)")
        })?),
        None => None,
    };
    match rules {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            let pack = paxscreen_core::rules::Pack::from_toml(
                &text,
                &paxscreen_core::indicators::FieldCatalogue,
            )
            .map_err(|errors| {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                format!(
                    "{}: the rule pack could not be loaded:\n{}",
                    path.display(),
                    lines.join("\n")
                )
            })?;
            let purpose = purpose.unwrap_or(pack.purpose);
            Screener::from_pack(pack, purpose, today)
                .map_err(|e| format!("{}: {e}", path.display()))
        }
        None => Screener::embedded(purpose.unwrap_or(Purpose::Carrier), today)
            .map_err(|e| e.to_string()),
    }
}

/// Inputs read and joined for screening, with the file each model came from.
pub struct Loaded {
    /// The models to screen.
    pub input: ScreeningInput,
    /// File of each manifest, by index.
    pub manifest_files: Vec<String>,
    /// File of each booking, by index.
    pub booking_files: Vec<String>,
    /// File of each scan, by index.
    pub scan_files: Vec<String>,
    /// Number of files read.
    pub files: usize,
}

/// Reads files and directories (in parallel) into one screening input;
/// inputs that cannot be read are reported on standard error and make the
/// second value true.
pub fn read_inputs(
    paths: &[PathBuf],
    today: NaiveDate,
    link_key: Option<&LinkKey>,
) -> (Loaded, bool) {
    // Files found in a directory that are not messages (answers, notes,
    // scripts) are skipped by `input::expand`; files named on the command
    // line are not.
    let paths = input::expand(paths);
    let progress = progress_bar(paths.len());
    let read: Vec<(String, Result<Read, String>)> = paths
        .par_iter()
        .map(|p| {
            let r = match p {
                Ok(path) => match input::read(path) {
                    Ok(source) => {
                        let r = read_source(&source, today, link_key);
                        (source.name, r)
                    }
                    Err(e) => (path.display().to_string(), Err(e.to_string())),
                },
                Err((path, e)) => (path.display().to_string(), Err(e.to_string())),
            };
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            r
        })
        .collect();
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }

    let mut failed = false;
    let mut input = ScreeningInput::default();
    let mut manifest_files = Vec::new();
    let mut booking_files = Vec::new();
    let mut scan_files = Vec::new();
    let files = read.len();
    for (name, r) in read {
        match r {
            Ok(mut models) => {
                manifest_files.extend(std::iter::repeat_n(name.clone(), models.manifests.len()));
                booking_files.extend(std::iter::repeat_n(name.clone(), models.bookings.len()));
                scan_files.extend(std::iter::repeat_n(name.clone(), models.scans.len()));
                input.manifests.append(&mut models.manifests);
                input.bookings.append(&mut models.bookings);
                input.scans.append(&mut models.scans);
            }
            Err(message) => {
                eprintln!("paxscreen: {name}: {message}");
                failed = true;
            }
        }
    }

    (
        Loaded {
            input,
            manifest_files,
            booking_files,
            scan_files,
            files,
        },
        failed,
    )
}

/// Runs `paxscreen screen`.
pub fn run(args: &ScreenArgs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let today = args
        .reference_date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let screener = match build_screener(args.rules.as_ref(), args.purpose.as_deref(), today) {
        // Link hashes are shown only under the caller's key: the random
        // per-run key would make the output differ from run to run.
        Ok(s) => s.show_link_hashes(args.link_key.is_some()),
        Err(message) => {
            eprintln!("paxscreen: {message}");
            return Ok(ExitCode::from(2));
        }
    };
    for w in screener.warnings() {
        eprintln!("paxscreen: {}", paxscreen_core::screen::display_lint(w));
    }
    let link_key = match &args.link_key {
        Some(path) => Some(LinkKey::new(
            &std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };

    let (loaded, failed) = read_inputs(&args.inputs.paths, today, link_key.as_ref());
    let files = loaded.files;
    let (input, manifest_files, booking_files, scan_files) = (
        loaded.input,
        loaded.manifest_files,
        loaded.booking_files,
        loaded.scan_files,
    );

    let screening = screener.screen_parallel(&input);
    let source_of = |id: &str| -> String {
        let mut parts = id.split(':');
        let kind = parts.next().unwrap_or("");
        let index = parts.next().and_then(|i| i.parse::<usize>().ok());
        let list = match kind {
            "api" => &manifest_files,
            "pnr" => &booking_files,
            "scan" => &scan_files,
            _ => return String::new(),
        };
        index.and_then(|i| list.get(i)).cloned().unwrap_or_default()
    };

    let mut tally = Tally::default();
    for a in &screening.assessments {
        tally.add(a);
    }
    tally.flight_findings = screening.flight_findings.len();
    tally.booking_findings = screening.booking_findings.len();

    let mut out = BufWriter::new(io::stdout().lock());
    let written = match args.format {
        Format::Jsonl => write_jsonl(&mut out, &screening, &source_of),
        Format::Csv => write_csv(&mut out, &screening, &source_of),
        Format::Table => write_table(&mut out, &screening),
    }
    .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.to_string()),
        Ok(()) => {}
    }

    eprintln!(
        "paxscreen: {} travellers from {files} files in {:.3} s: {} clear, {} review, {} inhibit; \
         {} protection referrals, {} data-quality findings, {} flight findings, {} booking findings",
        tally.travellers,
        started.elapsed().as_secs_f64(),
        tally.clear,
        tally.review,
        tally.inhibit,
        tally.referrals,
        tally.data_quality,
        tally.flight_findings,
        tally.booking_findings,
    );

    if failed {
        return Ok(ExitCode::from(1));
    }
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Review => Status::Review,
        FailOn::Inhibit => Status::Inhibit,
    });
    if let Some(t) = threshold {
        if screening.assessments.iter().any(|a| a.status >= t) {
            return Ok(ExitCode::from(3));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on standard error, only when it is a terminal and the
/// run has enough files to be worth one.
fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    if files < 8 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} reading {pos}/{len} files {wide_bar} {eta}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

fn write_jsonl<W: Write>(
    out: &mut W,
    s: &Screening,
    source_of: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    for a in &s.assessments {
        let source = source_of(&a.traveller.id);
        serde_json::to_writer(
            &mut *out,
            &Record {
                kind: "assessment",
                source: &source,
                body: a,
            },
        )?;
        out.write_all(b"\n")?;
    }
    for f in &s.flight_findings {
        serde_json::to_writer(
            &mut *out,
            &Record {
                kind: "flight_finding",
                source: "",
                body: f,
            },
        )?;
        out.write_all(b"\n")?;
    }
    for f in &s.booking_findings {
        serde_json::to_writer(
            &mut *out,
            &Record {
                kind: "booking_finding",
                source: "",
                body: f,
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn flight_label(f: &paxscreen_core::screen::assessment::FlightSummary) -> String {
    format!(
        "{}{}",
        f.carrier.as_deref().unwrap_or(""),
        f.number.as_deref().unwrap_or("")
    )
}

fn rule_list<'a>(
    findings: impl Iterator<Item = &'a paxscreen_core::screen::assessment::Finding>,
) -> String {
    findings
        .map(|f| f.rule.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_csv<W: Write>(
    out: &mut W,
    s: &Screening,
    source_of: &dyn Fn(&str) -> String,
) -> io::Result<()> {
    writeln!(
        out,
        "kind,source,traveller,surname,given_names,birth_date,role,flight,origin,destination,departure,status,findings,referrals,data_quality"
    )?;
    for a in &s.assessments {
        let t = &a.traveller;
        let row = [
            "assessment".to_string(),
            source_of(&t.id),
            t.id.clone(),
            t.surname.clone().unwrap_or_default(),
            t.given_names.clone().unwrap_or_default(),
            t.birth_date.map(|d| d.to_string()).unwrap_or_default(),
            t.role.clone(),
            flight_label(&a.flight),
            a.flight.origin.clone().unwrap_or_default(),
            a.flight.destination.clone().unwrap_or_default(),
            a.flight
                .departure
                .map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            a.status.as_str().to_string(),
            rule_list(a.findings.iter()),
            rule_list(a.referrals.iter()),
            rule_list(a.data_quality.iter()),
        ];
        let row: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    for f in &s.flight_findings {
        writeln!(
            out,
            "flight_finding,,,,,,,{},{},{},{},,{},,",
            csv_field(&flight_label(&f.flight)),
            csv_field(f.flight.origin.as_deref().unwrap_or("")),
            csv_field(f.flight.destination.as_deref().unwrap_or("")),
            f.flight
                .departure
                .map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            csv_field(&f.finding.rule),
        )?;
    }
    for f in &s.booking_findings {
        writeln!(
            out,
            "booking_finding,,{},,,,,{},{},{},{},,{},,",
            csv_field(&f.subject.id),
            csv_field(&flight_label(&f.flight)),
            csv_field(f.flight.origin.as_deref().unwrap_or("")),
            csv_field(f.flight.destination.as_deref().unwrap_or("")),
            f.flight
                .departure
                .map(|d| d.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
            csv_field(&f.finding.rule),
        )?;
    }
    Ok(())
}

fn write_table<W: Write>(out: &mut W, s: &Screening) -> io::Result<()> {
    let mut rows: Vec<[String; 5]> = vec![[
        "FLIGHT".into(),
        "TRAVELLER".into(),
        "STATUS".into(),
        "FINDINGS".into(),
        "REFERRALS / DATA QUALITY".into(),
    ]];
    for a in &s.assessments {
        let name = format!(
            "{}/{}",
            a.traveller.surname.as_deref().unwrap_or("?"),
            a.traveller.given_names.as_deref().unwrap_or("")
        );
        let other = rule_list(a.referrals.iter().chain(&a.data_quality));
        rows.push([
            flight_label(&a.flight),
            name,
            a.status.as_str().to_uppercase(),
            rule_list(a.findings.iter()),
            other,
        ]);
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for r in &rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < r.len() {
                let pad = widths[c].saturating_sub(cell.chars().count()) + 2;
                line.push_str(&" ".repeat(pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    for f in &s.flight_findings {
        writeln!(
            out,
            "flight {}: {} {}",
            flight_label(&f.flight),
            f.finding.rule,
            f.finding.explanation
        )?;
    }
    for f in &s.booking_findings {
        writeln!(
            out,
            "{} ({} bookings): {} {}",
            f.subject.id,
            f.subject.bookings.len(),
            f.finding.rule,
            f.finding.explanation
        )?;
    }
    Ok(())
}
