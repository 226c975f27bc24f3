//! The exported functions that read messages and document scans.

use chrono::NaiveDate;
use paxscreen_core::model::LinkKey;
use paxscreen_core::{mrz, paxlst, pnrgov};

use crate::booking::{Booking, BookingList};
use crate::error::{MrzError, ParseError};
use crate::guard::guard;
use crate::manifest::{diagnostics, Manifest, ManifestList};
use crate::scan::DocumentScan;

/// Reads an ISO `YYYY-MM-DD` date argument; `None` when absent.
pub(crate) fn date_argument(name: &str, value: Option<&str>) -> Result<Option<NaiveDate>, String> {
    value
        .map(|text| {
            NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                format!("argument `{name}`: {text:?} is not a date of the form YYYY-MM-DD")
            })
        })
        .transpose()
}

/// Reads every PAXLST message (API passenger or crew list) in `input`.
///
/// Lenient unless `strict` (which turns every warning into an error
/// diagnostic). `reference_date` (`YYYY-MM-DD`) resolves two-digit years
/// when the envelope gives no preparation date.
///
/// Fails only when nothing can be read: an empty input, no interchange, or
/// no PAXLST message.
#[uniffi::export(default(reference_date = None))]
pub fn parse_paxlst(
    input: Vec<u8>,
    strict: bool,
    reference_date: Option<String>,
) -> Result<ManifestList, ParseError> {
    guard(
        || {
            let options = paxlst::Options {
                strict,
                reference_date: date_argument("reference_date", reference_date.as_deref())
                    .map_err(ParseError::InvalidArgument)?,
            };
            let parsed = paxlst::parse(&input, &options)?;
            Ok(ManifestList {
                manifests: parsed.manifests.iter().map(Manifest::from).collect(),
                diagnostics: diagnostics(&parsed.diagnostics),
            })
        },
        ParseError::Internal,
    )
}

/// Reads a PNRGOV push: one booking per PNR.
///
/// `link_key` keys the hashes that link cards, phones and e-mails across
/// bookings: pass the same secret to every call whose results are compared
/// (a random per-process key is used when `None`).
#[uniffi::export(default(link_key = None, reference_date = None))]
pub fn parse_pnrgov(
    input: Vec<u8>,
    strict: bool,
    link_key: Option<Vec<u8>>,
    reference_date: Option<String>,
) -> Result<BookingList, ParseError> {
    guard(
        || {
            let options = pnrgov::Options {
                strict,
                reference_date: date_argument("reference_date", reference_date.as_deref())
                    .map_err(ParseError::InvalidArgument)?,
                link_key: link_key.as_deref().map(LinkKey::new),
            };
            let parsed = pnrgov::parse(&input, &options)?;
            Ok(BookingList {
                bookings: parsed.bookings.iter().map(Booking::from).collect(),
                diagnostics: diagnostics(&parsed.diagnostics),
            })
        },
        ParseError::Internal,
    )
}

/// Reads the lines of an ICAO 9303 machine-readable zone (TD1, TD2, TD3,
/// visas).
///
/// `today` (`YYYY-MM-DD`; default the current local date) decides the
/// century of two-digit birth and expiry years. Check digit failures and
/// possible misreads are on the scan; only lines no format has are errors.
#[uniffi::export(default(today = None))]
pub fn parse_mrz(lines: Vec<String>, today: Option<String>) -> Result<DocumentScan, MrzError> {
    guard(
        || {
            let today = date_argument("today", today.as_deref())
                .map_err(MrzError::InvalidArgument)?
                .unwrap_or_else(|| chrono::Local::now().date_naive());
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let scan = mrz::parse(&lines, today)?;
            Ok(DocumentScan::from(&scan))
        },
        MrzError::Internal,
    )
}

/// The version of the paxscreen library (the Rust crate version).
#[uniffi::export]
pub fn library_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
