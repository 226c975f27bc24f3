//! PNRGOV (PNR push to governments) -> [`crate::model::Booking`], one per PNR.
//!
//! A push holds one or more PNRGOV messages (versions 10.1 to 16.1 and
//! later, `UNH+1+PNRGOV:11:1:IA`); a message sent in parts (UNH element 4
//! `01:C` ... `nn:F`, one common access reference in UNH element 3) is put
//! back together before it is mapped. After the header (MSG, ORG, TVL, EQN)
//! every `SRC` group is one PNR. The mapping is written down in
//! `spec/formats/pnrgov.md`.
//!
//! ```
//! use paxscreen_core::pnrgov::{parse, Options};
//! let push = b"UNA:+.?*'UNB+IATA:1+XX+YY+260301:0900+1'UNH+1+PNRGOV:11:1:IA+XX0001/010326/0900'\
//! MSG+:22'ORG+XX:AAA'TVL+010326:1000:010326:1200+LHR+CDG+XX+0001'EQN+1'\
//! SRC'RCI+XX:ABC123::150226:1010'TIF+DOE+JANE MS:A:1'UNT+10+1'UNZ+1+1'";
//! let parsed = parse(push, &Options::default()).unwrap();
//! let booking = &parsed.bookings[0];
//! assert_eq!(booking.record_locator.as_deref(), Some("ABC123"));
//! assert_eq!(booking.travellers[0].surname.as_deref(), Some("DOE"));
//! assert_eq!(booking.travellers[0].title.as_deref(), Some("MS"));
//! ```

mod pnr;
mod ssr;

#[cfg(test)]
mod tests;

use crate::edifact::{
    self, at_segment, segment_position, Error, Interchange, Message, ReadOptions, Segment,
    Transmission,
};
use crate::model::booking::{BookingOffice, FlightSegment};
use crate::model::{make_strict, Booking, Diagnostic, LineIndex, LinkKey, Position, Severity};
use chrono::NaiveDate;
use pnr::PnrBuilder;
use std::collections::HashMap;

/// How to read a push.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Turn every warning into an error.
    pub strict: bool,
    /// The date two-digit years in SSR texts are resolved against; by
    /// default the interchange's preparation date, else the pushed flight's
    /// date.
    pub reference_date: Option<NaiveDate>,
    /// Key for the hashes that link cards, phones and e-mails; a random
    /// per-process key when `None`.
    pub link_key: Option<LinkKey>,
}

/// The bookings of a push, and what was found outside any PNR.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// One booking per PNR, in order.
    pub bookings: Vec<Booking>,
    /// Diagnostics outside any PNR: envelope, message header, wrappers.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a PNRGOV push.
///
/// # Errors
/// Only when nothing can be read: the input is empty, holds no interchange,
/// or holds no PNRGOV message ([`edifact::ErrorKind::NoMessage`]).
pub fn parse(input: &[u8], options: &Options) -> Result<Parsed, Error> {
    let t = edifact::read(
        input,
        ReadOptions {
            strict: options.strict,
            ..ReadOptions::default()
        },
    )?;
    t.require_message(input, "PNRGOV")?;
    Ok(map_transmission(input, &t, options))
}

/// One message as sent, or the parts of one message sent in parts.
struct Unit<'t, 'a> {
    interchange: &'t Interchange<'a>,
    key: Option<String>,
    parts: Vec<&'t Message<'a>>,
}

/// Maps a transmission already read by [`edifact::read`]; `input` is the
/// bytes it was read from (for line and column).
pub fn map_transmission(input: &[u8], t: &Transmission<'_>, options: &Options) -> Parsed {
    let key = options
        .link_key
        .as_ref()
        .unwrap_or_else(|| LinkKey::process());
    let mut parsed = Parsed::default();
    parsed.diagnostics.extend(t.diagnostics.iter().cloned());
    let mut units: Vec<Unit<'_, '_>> = Vec::new();
    // Unit index by key: a linear search here made many parts quadratic.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for interchange in &t.interchanges {
        parsed
            .diagnostics
            .extend(interchange.diagnostics.iter().cloned());
        for m in &interchange.messages {
            if !m.is_type("PNRGOV") {
                parsed.diagnostics.push(at_message(
                    m,
                    Severity::Info,
                    "pnrgov.other_message",
                    format!(
                        "a {} message is not a PNRGOV message and was skipped",
                        m.message_type.name
                    ),
                ));
                continue;
            }
            parsed.diagnostics.extend(m.diagnostics.iter().cloned());
            check_version(m, &mut parsed.diagnostics);
            match m.transfer {
                Some(_) => {
                    let k = m
                        .common_access_ref
                        .clone()
                        .unwrap_or_else(|| m.reference.clone());
                    match by_key.get(&k).and_then(|&i| units.get_mut(i)) {
                        Some(u) => u.parts.push(m),
                        None => {
                            by_key.insert(k.clone(), units.len());
                            units.push(Unit {
                                interchange,
                                key: Some(k),
                                parts: vec![m],
                            });
                        }
                    }
                }
                None => units.push(Unit {
                    interchange,
                    key: None,
                    parts: vec![m],
                }),
            }
        }
    }
    for mut unit in units {
        if unit.key.is_some() {
            check_parts(&mut unit, &mut parsed.diagnostics);
            bound_parts(&mut unit, &mut parsed.diagnostics);
        }
        map_unit(&unit, options, key, &mut parsed);
    }
    finish(input, options.strict, &mut parsed);
    parsed
}

fn at_message(m: &Message<'_>, severity: Severity, code: &'static str, text: String) -> Diagnostic {
    match m.segments.first() {
        Some(unh) => at_segment(unh, severity, code, text),
        None => Diagnostic::new(severity, code, text, Position::at(m.offset())),
    }
}

fn check_version(m: &Message<'_>, out: &mut Vec<Diagnostic>) {
    let version: Option<u32> = m.message_type.version.parse().ok();
    if version.is_none_or(|v| v < 10) {
        out.push(at_message(
            m,
            Severity::Warning,
            "pnrgov.version",
            format!(
                "PNRGOV version {:?} release {:?} is not one of 10.1 and later; read as the current version",
                m.message_type.version, m.message_type.release
            ),
        ));
    }
}

/// At most this many gaps in the part numbers are named in a diagnostic.
const MAX_LISTED_GAPS: usize = 8;

/// Orders the parts and reports missing, repeated and unfinished ones.
fn check_parts(unit: &mut Unit<'_, '_>, out: &mut Vec<Diagnostic>) {
    unit.parts
        .sort_by_key(|m| m.transfer.map_or(0, |t| t.sequence));
    let Some(first) = unit.parts.first().copied() else {
        return;
    };
    let mut expected: u32 = 1;
    // Gaps as inclusive ranges: a sequence number can be as large as the
    // input says, so the numbers are never listed one by one.
    let mut missing: Vec<(u32, u32)> = Vec::new();
    let mut repeated = 0;
    for m in &unit.parts {
        let seq = m.transfer.map_or(0, |t| t.sequence);
        if seq < expected {
            repeated += 1;
            continue;
        }
        if expected < seq {
            missing.push((expected, seq - 1));
        }
        expected = seq.saturating_add(1);
    }
    let has_final = unit
        .parts
        .iter()
        .any(|m| m.transfer.is_some_and(|t| t.is_final));
    let last_seq = unit
        .parts
        .last()
        .and_then(|m| m.transfer)
        .map_or(0, |t| t.sequence);
    if !missing.is_empty() {
        let mut list: Vec<String> = missing
            .iter()
            .take(MAX_LISTED_GAPS)
            .map(|&(a, b)| {
                if a == b {
                    a.to_string()
                } else {
                    format!("{a}-{b}")
                }
            })
            .collect();
        if missing.len() > MAX_LISTED_GAPS {
            list.push(format!("and {} more gaps", missing.len() - MAX_LISTED_GAPS));
        }
        out.push(at_message(
            first,
            Severity::Warning,
            "pnrgov.missing_part",
            format!(
                "part {} of this message sent in parts is missing; the parts present were mapped",
                list.join(", ")
            ),
        ));
    }
    if !has_final {
        out.push(at_message(
            first,
            Severity::Warning,
            "pnrgov.missing_part",
            format!(
                "no final part (F) follows part {last_seq} of this message sent in parts; the parts present were mapped"
            ),
        ));
    }
    if repeated > 0 {
        out.push(at_message(
            first,
            Severity::Warning,
            "pnrgov.repeated_part",
            format!(
                "{repeated} part(s) of this message sent in parts were sent twice; each was mapped"
            ),
        ));
    }
}

/// The most parts one message sent in parts may have; later parts are not
/// mapped. UNH sequence numbers (data element 0070) have at most two
/// digits, so a real message has at most 99 parts.
const MAX_PARTS: usize = 999;

/// The largest message reassembled from parts, in bytes of segment content;
/// later parts are not mapped. The same as the default
/// [`edifact::Limits::max_message_bytes`] for a message sent whole.
const MAX_REASSEMBLED_BYTES: usize = edifact::Limits::DEFAULT_MAX_MESSAGE_BYTES;

/// Keeps at most [`MAX_PARTS`] parts and [`MAX_REASSEMBLED_BYTES`] bytes of
/// a message sent in parts (in part order), with an error for the rest.
fn bound_parts(unit: &mut Unit<'_, '_>, out: &mut Vec<Diagnostic>) {
    let mut bytes = 0usize;
    let mut keep = unit.parts.len().min(MAX_PARTS);
    for (i, m) in unit.parts.iter().take(keep).enumerate() {
        bytes = bytes.saturating_add(m.segments.iter().map(|s| s.content().len() + 1).sum());
        if bytes > MAX_REASSEMBLED_BYTES {
            keep = i;
            break;
        }
    }
    let Some(first_dropped) = unit.parts.get(keep).copied() else {
        return;
    };
    let dropped = unit.parts.len() - keep;
    let why = if keep == MAX_PARTS {
        format!("it has more than {MAX_PARTS} parts")
    } else {
        format!("its parts together exceed {MAX_REASSEMBLED_BYTES} bytes")
    };
    out.push(at_message(
        first_dropped,
        Severity::Error,
        "pnrgov.too_many_parts",
        format!(
            "{dropped} part(s) of this message sent in parts were not mapped: {why}, the limit for a message sent in parts"
        ),
    ));
    unit.parts.truncate(keep);
}

fn is_header(seg: &Segment<'_>) -> bool {
    matches!(seg.tag_bytes(), b"MSG" | b"ORG" | b"TVL" | b"EQN")
}

fn map_unit(unit: &Unit<'_, '_>, options: &Options, key: &LinkKey, parsed: &mut Parsed) {
    let Some(first) = unit.parts.first() else {
        return;
    };
    // The body: every part's segments, without the header the later parts
    // repeat.
    let mut body: Vec<&Segment<'_>> = Vec::new();
    let mut declared: Vec<(u32, usize)> = Vec::new(); // (EQN, SRC count) per part
    let mut sender = None;
    let mut flight: Option<FlightSegment> = None;
    let mut eqn_segment: Option<&Segment<'_>> = None;
    for (i, m) in unit.parts.iter().enumerate() {
        let segments = m.body();
        let header_len = segments.iter().take_while(|s| is_header(s)).count();
        let mut part_eqn = None;
        for seg in &segments[..header_len] {
            match seg.tag_bytes() {
                b"MSG" if i == 0 => {
                    if let Some(f) = seg.string(1, 2) {
                        if f != "22" && f != "141" {
                            parsed.diagnostics.push(at_segment(
                                seg,
                                Severity::Info,
                                "pnrgov.message_function",
                                format!("MSG function {f:?} is not 22 (push); the message was read as a push"),
                            ));
                        }
                    }
                }
                b"ORG" if sender.is_none() => {
                    sender = Some(BookingOffice {
                        system: seg.string(1, 1),
                        system_location: seg.string(1, 2),
                        ..BookingOffice::default()
                    });
                }
                b"TVL" if flight.is_none() => {
                    flight = Some(pnr::flight_segment(seg, &mut parsed.diagnostics));
                }
                b"EQN" => {
                    part_eqn = seg.trimmed(1, 1).and_then(|n| n.parse::<u32>().ok());
                    if part_eqn.is_none() {
                        parsed.diagnostics.push(at_segment(
                            seg,
                            Severity::Warning,
                            "pnrgov.eqn_count",
                            "EQN does not give a number of PNRs",
                        ));
                    }
                    if eqn_segment.is_none() {
                        eqn_segment = Some(seg);
                    }
                }
                _ => {}
            }
        }
        let rest = &segments[header_len..];
        let srcs = rest.iter().filter(|s| s.is("SRC")).count();
        if let Some(n) = part_eqn {
            declared.push((n, srcs));
        }
        body.extend(rest.iter());
    }
    if flight.is_none() {
        parsed.diagnostics.push(at_message(
            first,
            Severity::Warning,
            "pnrgov.no_flight",
            "the message header has no TVL naming the pushed flight".to_string(),
        ));
    }
    let reference = options
        .reference_date
        .or_else(|| unit.interchange.header.prepared_at.map(|d| d.date()))
        .or_else(|| flight.as_ref().and_then(|f| f.departure).map(|d| d.date()));
    let decimal = unit.interchange.delimiters.decimal;
    let start = parsed.bookings.len();
    let mut builder: Option<PnrBuilder<'_>> = None;
    let mut builder_at = Position::at(first.offset());
    for seg in body {
        if seg.is("SRC") {
            if let Some(b) = builder.take() {
                parsed.bookings.push(b.finish(builder_at.clone()));
            }
            builder_at = segment_position(seg);
            builder = Some(PnrBuilder::new(flight.clone(), reference, key, decimal));
            continue;
        }
        let b = builder.get_or_insert_with(|| {
            parsed.diagnostics.push(at_segment(
                seg,
                Severity::Warning,
                "pnrgov.missing_src",
                "a PNR starts without its SRC segment; it was read as one",
            ));
            builder_at = segment_position(seg);
            PnrBuilder::new(flight.clone(), reference, key, decimal)
        });
        b.segment(seg);
    }
    if let Some(b) = builder.take() {
        parsed.bookings.push(b.finish(builder_at));
    }
    for booking in &mut parsed.bookings[start..] {
        booking.sender.clone_from(&sender);
    }
    let found = parsed.bookings.len() - start;
    if let Some(&(first_declared, _)) = declared.first() {
        let sum: usize = declared.iter().map(|(n, _)| *n as usize).sum();
        if first_declared as usize != found && sum != found {
            if let Some(seg) = eqn_segment {
                parsed.diagnostics.push(at_segment(
                    seg,
                    Severity::Warning,
                    "pnrgov.eqn_count",
                    format!("EQN declares {first_declared} PNRs but {found} were found"),
                ));
            }
        }
    } else {
        parsed.diagnostics.push(at_message(
            first,
            Severity::Info,
            "pnrgov.eqn_count",
            format!("the message header has no EQN; {found} PNRs were found"),
        ));
    }
}

/// Fills in line and column everywhere and applies strict mode.
fn finish(input: &[u8], strict: bool, parsed: &mut Parsed) {
    let mut lines: Option<LineIndex> = None;
    let lists = std::iter::once(&mut parsed.diagnostics)
        .chain(parsed.bookings.iter_mut().map(|b| &mut b.diagnostics));
    for list in lists {
        if strict {
            make_strict(list);
        }
        for d in list.iter_mut().filter(|d| d.position.line == 0) {
            let index = lines.get_or_insert_with(|| LineIndex::new(input));
            d.position.resolve(index);
        }
    }
}
