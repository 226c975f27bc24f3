//! `paxscreen`: the command-line tool for batch work on passenger data.
//!
//! `paxscreen parse FILE...` reads PAXLST manifests and PNRGOV pushes and
//! prints one JSON object per message (JSON Lines); `paxscreen mrz` reads
//! ICAO 9303 machine-readable zones; `paxscreen screen` screens them
//! against a rule pack; `paxscreen rules` shows, lints and explains packs.

mod input;
mod mrz_command;
mod parse_command;
mod rules_command;
mod screen_command;
mod synth_command;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: parsing and screening allocate
/// many small strings on every core, and glibc's malloc spent about a
/// quarter of a batch run's time (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Screening SDK for passenger data: PAXLST, PNRGOV and ICAO 9303 MRZ.
#[derive(Debug, Parser)]
#[command(name = "paxscreen", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read PAXLST and PNRGOV files and print one JSON object per manifest or
    /// booking (JSON Lines).
    ///
    /// Exit status: 0 when every input was read, 1 when some input could not
    /// be read at all (the others are still printed) or, with --strict, when
    /// any input has an error, 2 on a usage error.
    Parse(parse_command::ParseArgs),
    /// Read an ICAO 9303 machine-readable zone (two or three lines, as
    /// arguments or on standard input) and print it with every check digit.
    ///
    /// Exit status: 0 when every check digit passes, 1 when one fails or the
    /// lines cannot be read, 2 on a usage error.
    Mrz(mrz_command::MrzArgs),
    /// Screen PAXLST manifests, PNRGOV pushes and MRZ scans together (a
    /// manifest and the PNR push of the same flight are joined) and print
    /// one JSON line per traveller assessment, then flight and booking
    /// findings; a summary goes to standard error.
    ///
    /// Exit status: 0 when every input was read; 1 when some input could
    /// not be read (the others are still screened); 2 on a usage error
    /// (including a rule pack that does not load or is refused); 3 with
    /// --fail-on when any traveller reaches that status (review counts
    /// review and inhibit) and every input was read.
    Screen(screen_command::ScreenArgs),
    /// Show the embedded rule packs, lint a pack, list the fields rules read.
    ///
    /// Exit status of `rules lint`: 0 when the pack is accepted, 1 when it
    /// does not load or the linter refuses it, 2 on a usage error.
    Rules(rules_command::RulesArgs),
    /// Write synthetic traffic (PAXLST passenger and crew lists and PNRGOV
    /// pushes per flight) with planted patterns and their ground truth
    /// (`truth.jsonl`), deterministic from --seed.
    ///
    /// Exit status: 0 when written, 1 when a file cannot be written, 2 on a
    /// usage error.
    Synth(synth_command::SynthArgs),
    /// Screen a folder written by `synth` and compare with its ground
    /// truth: per rule, true and false positives, false negatives,
    /// precision and recall.
    ///
    /// Exit status: 0 when evaluated, 1 when some input could not be read,
    /// 2 on a usage error.
    Evaluate(synth_command::EvaluateArgs),
}

/// Inputs named on the command line: files, directories (read recursively,
/// in name order) or `-` for standard input.
#[derive(Debug, Clone, clap::Args)]
pub struct Inputs {
    /// Files or directories to read; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,
}

/// Limits on EDIFACT input (`paxscreen parse` and `screen`); see
/// spec/formats/edifact.md.
#[derive(Debug, clap::Args)]
pub struct LimitArgs {
    /// Longest EDIFACT segment kept, in bytes; a longer one is skipped and
    /// reported as an error.
    #[arg(long, value_name = "BYTES", default_value_t = paxscreen_core::edifact::Limits::DEFAULT_MAX_SEGMENT_BYTES)]
    pub max_segment_bytes: usize,
    /// Largest EDIFACT message kept, in bytes; the rest of a larger one is
    /// skipped and reported as an error.
    #[arg(long, value_name = "BYTES", default_value_t = paxscreen_core::edifact::Limits::DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,
}

impl LimitArgs {
    /// The limits these flags give.
    #[must_use]
    pub fn limits(&self) -> paxscreen_core::edifact::Limits {
        paxscreen_core::edifact::Limits {
            max_segment_bytes: self.max_segment_bytes,
            max_message_bytes: self.max_message_bytes,
            ..paxscreen_core::edifact::Limits::default()
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(args) => parse_command::run(&args),
        Command::Mrz(args) => mrz_command::run(&args),
        Command::Screen(args) => screen_command::run(&args),
        Command::Rules(args) => rules_command::run(&args),
        Command::Synth(args) => synth_command::run_synth(&args),
        Command::Evaluate(args) => synth_command::run_evaluate(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("paxscreen: {e}");
            ExitCode::from(1)
        }
    }
}
