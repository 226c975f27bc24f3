//! PAXLST (API passenger and crew manifests) -> [`crate::model::Manifest`].
//!
//! Reads UN/EDIFACT PAXLST messages of directories D:02B to D:22B as the
//! WCO/IATA/ICAO implementation guide describes them: passenger lists
//! (`BGM+745`), crew lists (`BGM+250`), master crew lists (`BGM+336`) and
//! their change and close-out variants. The mapping of every segment and
//! qualifier, and every diagnostic code, is in `spec/formats/paxlst.md`.
//!
//! Reading is lenient: unknown segments and qualifiers are kept as written
//! on the traveller or manifest and reported; a traveller with a bad
//! segment is still a traveller. Only an input with no interchange, or no
//! PAXLST message at all, is an error.
//!
//! ```
//! use paxscreen_core::paxlst::{parse, Options};
//! let input = b"UNB+UNOA:4+ZZAIR+AGENCY+260301:0800+1'UNH+1+PAXLST:D:15B:UN:IATA'BGM+745'\
//! TDT+20+ZZ101+++ZZ'LOC+125+LHR'DTM+189:2603011000:201'LOC+87+JFK'DTM+232:2603011300:201'\
//! NAD+FL+++DOE:JANE'DTM+329:851224'DOC+P+X1234567'DTM+36:300101'LOC+91+GB'CNT+42:1'UNT+14+1'UNZ+1+1'";
//! let parsed = parse(input, &Options::default()).unwrap();
//! let manifest = &parsed.manifests[0];
//! let jane = &manifest.travellers[0];
//! assert_eq!(jane.birth_date.unwrap().to_string(), "1985-12-24");
//! assert_eq!(jane.documents[0].issuing_state.as_deref(), Some("GBR"));
//! assert!(manifest.diagnostics.is_empty());
//! ```

mod message;
#[doc(hidden)]
pub mod synthetic;
mod values;

#[cfg(test)]
mod tests;

use crate::edifact::{self, at_segment, Error, ReadOptions, Transmission};
use crate::model::{make_strict, Diagnostic, LineIndex, Manifest, Severity};
use chrono::NaiveDate;

/// How to read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Turn every warning into an error.
    pub strict: bool,
    /// Reference date for two-digit years when the envelope gives no
    /// preparation date (see `spec/formats/dates.md`).
    pub reference_date: Option<NaiveDate>,
}

/// What [`parse`] read: one manifest per PAXLST message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// One manifest per PAXLST message, in input order.
    pub manifests: Vec<Manifest>,
    /// Diagnostics outside any PAXLST message: wrappers, envelopes, and
    /// messages of other types that were skipped.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every PAXLST message in `input`.
///
/// Fails only when nothing can be read: an empty input, no interchange, or
/// no PAXLST message (`ErrorKind::NoMessage { expected: "PAXLST" }`).
pub fn parse(input: &[u8], options: &Options) -> Result<Parsed, Error> {
    let t = edifact::read(
        input,
        ReadOptions {
            strict: options.strict,
            ..ReadOptions::default()
        },
    )?;
    t.require_message(input, "PAXLST")?;
    Ok(map_transmission(input, &t, options))
}

/// Maps every PAXLST message of a transmission already read. `input` is the
/// input `t` was read from (for line and column numbers).
#[must_use]
pub fn map_transmission(input: &[u8], t: &Transmission<'_>, options: &Options) -> Parsed {
    let mut parsed = Parsed {
        manifests: Vec::new(),
        diagnostics: t.diagnostics.clone(),
    };
    for interchange in &t.interchanges {
        parsed
            .diagnostics
            .extend(interchange.diagnostics.iter().cloned());
        for m in &interchange.messages {
            if m.is_type("PAXLST") {
                parsed
                    .manifests
                    .push(message::map_message(interchange, m, options));
            } else if let Some(unh) = m.segments.first() {
                parsed.diagnostics.push(at_segment(
                    unh,
                    Severity::Info,
                    "paxlst.skipped_message",
                    format!(
                        "a {} message is not a PAXLST message; it was skipped",
                        if m.message_type.name.is_empty() {
                            "nameless"
                        } else {
                            &m.message_type.name
                        }
                    ),
                ));
            }
        }
    }
    // Envelope diagnostics come from several levels; give them in input order.
    parsed.diagnostics.sort_by_key(|d| d.position.byte_offset);
    let mut lines: Option<LineIndex> = None;
    let lists = std::iter::once(&mut parsed.diagnostics)
        .chain(parsed.manifests.iter_mut().map(|m| &mut m.diagnostics));
    for list in lists {
        if options.strict {
            make_strict(list);
        }
        for d in list.iter_mut().filter(|d| d.position.line == 0) {
            let index = lines.get_or_insert_with(|| LineIndex::new(input));
            d.position.resolve(index);
        }
    }
    parsed
}
