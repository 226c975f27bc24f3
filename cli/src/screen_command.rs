//! `paxscreen screen`: PAXLST, PNRGOV and MRZ inputs in, assessments out.

use crate::input::{self, Source};
use crate::Inputs;
use chrono::NaiveDate;
use paxscreen_core::edifact::{self, Limits, ReadOptions};
use paxscreen_core::model::LinkKey;
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::assessment::{Assessment, Status};
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::stream::{Batch, FlightBatcher};
use paxscreen_core::screen::{Screener, Screening};
use paxscreen_core::{mrz, paxlst, pnrgov};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
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
    /// Input files read per chunk: a flight is screened once a chunk
    /// passes without it, and the next chunk is read while a batch is
    /// screened, so memory holds about three chunks whatever the input's
    /// size. Links between bookings (shared cards, phones,
    /// e-mails, reused documents) are seen among the flights screened
    /// together. 0 reads everything before screening.
    #[arg(long, default_value_t = 256, value_name = "N")]
    chunk_files: usize,
    #[command(flatten)]
    limits: crate::LimitArgs,
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
    limits: Limits,
) -> Result<Read, String> {
    let mut out = Read::default();
    if crate::mrz_command::looks_like_mrz(&source.bytes) {
        let text = String::from_utf8_lossy(&source.bytes);
        let scan = mrz::parse_text(&text, reference_date).map_err(|e| e.to_string())?;
        out.scans.push(scan);
        return Ok(out);
    }
    let transmission = edifact::read(
        &source.bytes,
        ReadOptions {
            strict: false,
            limits,
        },
    )
    .map_err(|e| e.to_string())?;
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

/// What a streamed read did, beside the batches it handed out.
pub struct Streamed {
    /// Input files read (or tried).
    pub files: usize,
    /// Whether any input could not be read.
    pub failed: bool,
    /// Flights screened in parts because their records were more than a
    /// chunk apart.
    pub reopened: usize,
}

/// Reads the inputs a chunk of `chunk_files` files at a time (every core
/// parses), groups their records by flight and hands every flight that is
/// complete to `on_batch` (see [`paxscreen_core::screen::stream`]): memory
/// holds about three chunks, whatever the input's size. The next chunk is
/// read while `on_batch` screens and writes the last batch, on the same
/// cores; batches are handed out in input order. `chunk_files` 0 reads
/// everything first and hands out one batch.
pub fn stream_inputs<E: Send>(
    paths: &[PathBuf],
    today: NaiveDate,
    link_key: Option<&LinkKey>,
    limits: Limits,
    chunk_files: usize,
    on_batch: &mut (dyn FnMut(Batch<Arc<str>>) -> Result<(), E> + Send),
) -> Result<Streamed, E> {
    // Files found in a directory that are not messages (answers, notes,
    // scripts) are skipped by `input::expand`; files named on the command
    // line are not.
    let paths = input::expand(paths);
    let progress = progress_bar(paths.len());
    let chunk = if chunk_files == 0 {
        paths.len().max(1)
    } else {
        chunk_files
    };
    let mut batcher: FlightBatcher<Arc<str>> = FlightBatcher::new();
    let mut streamed = Streamed {
        files: paths.len(),
        failed: false,
        reopened: 0,
    };
    let mut hand_out = |batch: Batch<Arc<str>>, streamed: &mut Streamed| {
        for flight in &batch.reopened {
            eprintln!(
                "paxscreen: flight {flight}: its records are more than {chunk} files apart and \
                 are screened in parts (raise --chunk-files)"
            );
        }
        streamed.reopened += batch.reopened.len();
        on_batch(batch)
    };
    let read_chunk = |files: &[Result<PathBuf, (PathBuf, io::Error)>]| {
        files
            .par_iter()
            .map(|p| {
                let r = match p {
                    Ok(path) => match input::read(path) {
                        Ok(source) => {
                            let r = read_source(&source, today, link_key, limits);
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
            .collect::<Vec<(String, Result<Read, String>)>>()
    };
    // The batch of the chunk before, screened while this chunk is read.
    let mut pending: Option<Batch<Arc<str>>> = None;
    for files in paths.chunks(chunk) {
        let (read, handed) = rayon::join(
            || read_chunk(files),
            || match pending.take() {
                Some(batch) => hand_out(batch, &mut streamed),
                None => Ok(()),
            },
        );
        handed?;
        for (name, r) in read {
            match r {
                Ok(models) => batcher.push(
                    Arc::from(name),
                    ScreeningInput {
                        manifests: models.manifests,
                        bookings: models.bookings,
                        scans: models.scans,
                    },
                ),
                Err(message) => {
                    if let Some(bar) = &progress {
                        bar.suspend(|| eprintln!("paxscreen: {name}: {message}"));
                    } else {
                        eprintln!("paxscreen: {name}: {message}");
                    }
                    streamed.failed = true;
                }
            }
        }
        pending = batcher.end_chunk();
    }
    if let Some(batch) = pending {
        hand_out(batch, &mut streamed)?;
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if let Some(batch) = batcher.finish() {
        hand_out(batch, &mut streamed)?;
    }
    Ok(streamed)
}

/// A record's id with its batch index replaced by its place in the whole
/// stream (`api:3:1` of a batch whose fourth manifest was the 120th read
/// becomes `api:119:1`), so ids stay unique across batches.
fn stream_id(batch: &Batch<Arc<str>>, id: &str) -> Option<String> {
    let (kind, rest) = id.split_once(':')?;
    let (index, tail) = match rest.split_once(':') {
        Some((i, t)) => (i, Some(t)),
        None => (rest, None),
    };
    let index: usize = index.parse().ok()?;
    let ordinals = match kind {
        "api" => &batch.manifest_ordinals,
        "pnr" => &batch.booking_ordinals,
        "scan" => &batch.scan_ordinals,
        _ => return None,
    };
    let n = ordinals.get(index)?;
    Some(match tail {
        Some(t) => format!("{kind}:{n}:{t}"),
        None => format!("{kind}:{n}"),
    })
}

/// The input file a screened record came from (`api:3:…` is the fourth
/// manifest of the batch).
fn source_of<'a>(batch: &'a Batch<Arc<str>>, id: &str) -> &'a str {
    let mut parts = id.split(':');
    let kind = parts.next().unwrap_or("");
    let index = parts.next().and_then(|i| i.parse::<usize>().ok());
    let list = match kind {
        "api" => &batch.manifest_sources,
        "pnr" => &batch.booking_sources,
        "scan" => &batch.scan_sources,
        _ => return "",
    };
    index.and_then(|i| list.get(i)).map_or("", |s| &**s)
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

    let mut tally = Tally::default();
    let mut worst = Status::Clear;
    // Not the locked handle: batches are written from a worker thread while
    // the next chunk is read.
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    let written = (|| -> io::Result<Streamed> {
        if args.format == Format::Csv {
            write_csv_header(&mut out)?;
        }
        let mut on_batch = |batch: Batch<Arc<str>>| -> io::Result<()> {
            let mut screening = screener.screen_parallel(&batch.input);
            let mut sources = Vec::with_capacity(screening.assessments.len());
            for a in &mut screening.assessments {
                tally.add(a);
                worst = worst.max(a.status);
                sources.push(source_of(&batch, &a.traveller.id).to_string());
                if let Some(id) = stream_id(&batch, &a.traveller.id) {
                    a.traveller.id = id;
                }
            }
            tally.flight_findings += screening.flight_findings.len();
            tally.booking_findings += screening.booking_findings.len();
            match args.format {
                Format::Jsonl => write_jsonl(&mut out, &screening, &sources),
                Format::Csv => write_csv(&mut out, &screening, &sources),
                Format::Table => write_table(&mut out, &screening),
            }
        };
        let streamed = stream_inputs(
            &args.inputs.paths,
            today,
            link_key.as_ref(),
            args.limits.limits(),
            args.chunk_files,
            &mut on_batch,
        )?;
        out.flush()?;
        Ok(streamed)
    })();
    let streamed = match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.to_string()),
        Ok(s) => s,
    };
    let files = streamed.files;

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

    if streamed.failed {
        return Ok(ExitCode::from(1));
    }
    let threshold = args.fail_on.map(|f| match f {
        FailOn::Review => Status::Review,
        FailOn::Inhibit => Status::Inhibit,
    });
    if let Some(t) = threshold {
        if tally.travellers > 0 && worst >= t {
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

/// Assessments serialised per task when JSON Lines are written on every
/// core.
const JSONL_SLICE: usize = 256;

/// Slices serialised before they are written: bounds the JSON held in
/// memory (about 8 MB) whatever the batch's size.
const JSONL_SLICES_AT_ONCE: usize = 64;

fn write_jsonl<W: Write>(out: &mut W, s: &Screening, sources: &[String]) -> io::Result<()> {
    // Serialising is a third of a batch run's work: it is done on every
    // core, slice by slice, and the slices are written in order.
    let group = JSONL_SLICE * JSONL_SLICES_AT_ONCE;
    for (g, assessments) in s.assessments.chunks(group).enumerate() {
        let slices: Vec<io::Result<Vec<u8>>> = assessments
            .par_chunks(JSONL_SLICE)
            .enumerate()
            .map(|(k, slice)| {
                let mut buf = Vec::with_capacity(slice.len() * 512);
                for (j, a) in slice.iter().enumerate() {
                    let source = sources
                        .get(g * group + k * JSONL_SLICE + j)
                        .map_or("", String::as_str);
                    serde_json::to_writer(
                        &mut buf,
                        &Record {
                            kind: "assessment",
                            source,
                            body: a,
                        },
                    )?;
                    buf.push(b'\n');
                }
                Ok(buf)
            })
            .collect();
        for slice in slices {
            out.write_all(&slice?)?;
        }
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

fn write_csv_header<W: Write>(out: &mut W) -> io::Result<()> {
    writeln!(
        out,
        "kind,source,traveller,surname,given_names,birth_date,role,flight,origin,destination,departure,status,findings,referrals,data_quality"
    )
}

fn write_csv<W: Write>(out: &mut W, s: &Screening, sources: &[String]) -> io::Result<()> {
    for (i, a) in s.assessments.iter().enumerate() {
        let t = &a.traveller;
        let row = [
            "assessment".to_string(),
            sources.get(i).cloned().unwrap_or_default(),
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
