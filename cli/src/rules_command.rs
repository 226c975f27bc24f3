//! `paxscreen rules`: show the embedded packs, lint a pack, list the fields.

use chrono::NaiveDate;
use paxscreen_core::indicators::{catalogue_markdown, FieldCatalogue};
use paxscreen_core::rules::{lint, Pack, Purpose};
use paxscreen_core::screen::{default_pack, display_lint};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `paxscreen rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Debug, clap::Subcommand)]
enum RulesCommand {
    /// Print the embedded default pack for a purpose (TOML).
    Show {
        /// carrier or border-api.
        #[arg(long, value_name = "P", default_value = "carrier")]
        purpose: String,
    },
    /// Load and lint a pack; print every error and lint finding with its
    /// line and column. Exit status 1 when the pack is refused.
    Lint {
        /// The pack (TOML).
        #[arg(value_name = "PACK")]
        pack: PathBuf,
        /// The purpose it is deployed for (default: the one it declares).
        #[arg(long, value_name = "P")]
        purpose: Option<String>,
        /// Reference date for the review deadline (default: today).
        #[arg(long, value_name = "DATE")]
        reference_date: Option<NaiveDate>,
    },
    /// Print the field catalogue rules may read (Markdown).
    Fields,
}

fn purpose(p: &str) -> Result<Purpose, String> {
    Purpose::parse(p).ok_or_else(|| {
        format!("unknown purpose `{p}` (carrier, border-api, pnr-serious-crime, protection)")
    })
}

/// Runs `paxscreen rules`.
pub fn run(args: &RulesArgs) -> Result<ExitCode, String> {
    match &args.command {
        RulesCommand::Show { purpose: p } => {
            let p = match purpose(p) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("paxscreen: {e}");
                    return Ok(ExitCode::from(2));
                }
            };
            match default_pack(p) {
                Some(text) => {
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    eprintln!(
                        "paxscreen: no pack is embedded for purpose `{}`",
                        p.as_str()
                    );
                    Ok(ExitCode::from(2))
                }
            }
        }
        RulesCommand::Fields => {
            print!("{}", catalogue_markdown());
            Ok(ExitCode::SUCCESS)
        }
        RulesCommand::Lint {
            pack,
            purpose: p,
            reference_date,
        } => {
            let deployed = match p.as_deref().map(purpose).transpose() {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("paxscreen: {e}");
                    return Ok(ExitCode::from(2));
                }
            };
            let text = match std::fs::read_to_string(pack) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("paxscreen: {}: {e}", pack.display());
                    return Ok(ExitCode::from(1));
                }
            };
            let name = pack.display();
            let loaded = match Pack::from_toml(&text, &FieldCatalogue) {
                Ok(p) => p,
                Err(errors) => {
                    for e in &errors {
                        println!("{name}: {e}");
                    }
                    println!("{name}: refused ({} errors)", errors.len());
                    return Ok(ExitCode::from(1));
                }
            };
            let today = reference_date.unwrap_or_else(|| chrono::Local::now().date_naive());
            let deployed = deployed.unwrap_or(loaded.purpose);
            let findings = lint(&loaded, &FieldCatalogue, deployed, today);
            for f in &findings {
                println!("{name}: {}", display_lint(f));
            }
            if paxscreen_core::rules::lint::refuses(&findings) {
                println!("{name}: refused for purpose {}", deployed.as_str());
                Ok(ExitCode::from(1))
            } else {
                println!(
                    "{name}: {} rules, accepted for purpose {}",
                    loaded.rules.len(),
                    deployed.as_str()
                );
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}
