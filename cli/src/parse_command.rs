//! `paxscreen parse`: messages in, JSON Lines out.

use crate::input::{self, Source};
use crate::Inputs;
use chrono::NaiveDate;
use paxscreen_core::edifact::{self, ReadOptions};
use paxscreen_core::{mrz, paxlst, pnrgov, Diagnostic, Severity};
use serde::Serialize;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Arguments of `paxscreen parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Indent the JSON for people (one object still follows another).
    #[arg(long)]
    pretty: bool,
    /// Turn every warning into an error; exit 1 when any input has an error.
    #[arg(long)]
    strict: bool,
    /// Date that resolves two-digit years when a message carries none
    /// (YYYY-MM-DD); MRZ lines use it as today (default: the current date).
    #[arg(long, value_name = "DATE")]
    reference_date: Option<NaiveDate>,
    #[command(flatten)]
    limits: crate::LimitArgs,
}

/// One output object: what was read, where from, and its fields.
#[derive(Serialize)]
struct Record<'a, T: Serialize> {
    kind: &'static str,
    source: &'a str,
    #[serde(flatten)]
    body: &'a T,
}

/// Diagnostics that belong to no message (wrappers, envelopes).
#[derive(Serialize)]
struct Envelope<'a> {
    diagnostics: &'a [Diagnostic],
}

struct Printer<W: Write> {
    out: W,
    pretty: bool,
}

impl<W: Write> Printer<W> {
    fn print<T: Serialize>(
        &mut self,
        kind: &'static str,
        source: &str,
        body: &T,
    ) -> io::Result<()> {
        let record = Record { kind, source, body };
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, &record)?;
        } else {
            serde_json::to_writer(&mut self.out, &record)?;
        }
        self.out.write_all(b"\n")
    }
}

/// Why one input produced no output.
enum Failure {
    /// The input could not be read as any known format.
    Unreadable(String),
    /// Writing the output failed (a closed pipe ends the run quietly).
    Output(io::Error),
}

/// Runs `paxscreen parse`.
pub fn run(args: &ParseArgs) -> Result<ExitCode, String> {
    let mut printer = Printer {
        out: BufWriter::new(io::stdout().lock()),
        pretty: args.pretty,
    };
    let mut failed = false;
    for path in input::expand(&args.inputs.paths) {
        let source = match path.and_then(|p| input::read(&p).map_err(|e| (p, e))) {
            Ok(source) => source,
            Err((p, e)) => {
                eprintln!("paxscreen: {}: {e}", p.display());
                failed = true;
                continue;
            }
        };
        match parse_source(&source, args, &mut printer) {
            Ok(has_errors) => failed |= args.strict && has_errors,
            Err(Failure::Unreadable(message)) => {
                eprintln!("paxscreen: {}: {message}", source.name);
                failed = true;
            }
            Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
                return Ok(ExitCode::SUCCESS);
            }
            Err(Failure::Output(e)) => return Err(e.to_string()),
        }
    }
    match printer.out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.to_string()),
        _ => {}
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn has_errors<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> bool {
    diagnostics
        .into_iter()
        .any(|d| d.severity == Severity::Error)
}

/// Parses one input and prints what it holds. Returns whether any error
/// diagnostic was printed; `Err` when nothing could be read.
fn parse_source<W: Write>(
    source: &Source,
    args: &ParseArgs,
    printer: &mut Printer<W>,
) -> Result<bool, Failure> {
    let io = Failure::Output;
    let unreadable = |e: String| Failure::Unreadable(e);
    if crate::mrz_command::looks_like_mrz(&source.bytes) {
        let today = args
            .reference_date
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let text = String::from_utf8_lossy(&source.bytes);
        let scan = mrz::parse_text(&text, today).map_err(|e| unreadable(e.to_string()))?;
        printer.print("mrz", &source.name, &scan).map_err(io)?;
        return Ok(has_errors(&scan.diagnostics));
    }
    let transmission = edifact::read(
        &source.bytes,
        ReadOptions {
            strict: args.strict,
            limits: args.limits.limits(),
        },
    )
    .map_err(|e| unreadable(e.to_string()))?;
    let mut envelope: Vec<Diagnostic> = Vec::new();
    let mut any_error = false;
    let mut read_any = false;
    if transmission.has_message("PAXLST") {
        let options = paxlst::Options {
            strict: args.strict,
            reference_date: args.reference_date,
        };
        let parsed = paxlst::map_transmission(&source.bytes, &transmission, &options);
        for manifest in &parsed.manifests {
            any_error |= has_errors(&manifest.diagnostics);
            printer
                .print("paxlst", &source.name, manifest)
                .map_err(io)?;
        }
        read_any = true;
        merge(&mut envelope, parsed.diagnostics);
    }
    if transmission.has_message("PNRGOV") {
        let options = pnrgov::Options {
            strict: args.strict,
            reference_date: args.reference_date,
            link_key: None,
        };
        let parsed = pnrgov::map_transmission(&source.bytes, &transmission, &options);
        for booking in &parsed.bookings {
            any_error |= has_errors(&booking.diagnostics);
            printer.print("pnrgov", &source.name, booking).map_err(io)?;
        }
        read_any = true;
        merge(&mut envelope, parsed.diagnostics);
    }
    if !read_any {
        let mut found: Vec<&str> = transmission
            .messages()
            .map(|(_, m)| m.message_type.name.as_str())
            .collect();
        found.dedup();
        return Err(unreadable(if found.is_empty() {
            "the input holds no message".to_string()
        } else {
            format!(
                "the input holds no PAXLST or PNRGOV message (found {})",
                found.join(", ")
            )
        }));
    }
    if !envelope.is_empty() {
        any_error |= has_errors(&envelope);
        printer
            .print(
                "envelope",
                &source.name,
                &Envelope {
                    diagnostics: &envelope,
                },
            )
            .map_err(io)?;
    }
    Ok(any_error)
}

fn merge(into: &mut Vec<Diagnostic>, from: Vec<Diagnostic>) {
    for d in from {
        if !into.contains(&d) {
            into.push(d);
        }
    }
}
