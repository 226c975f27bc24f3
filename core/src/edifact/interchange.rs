//! Interchanges, groups and messages: the envelope structure and its control
//! checks, read leniently from a whole transmission.

use super::delimiters::{Charset, Delimiters};
use super::error::{Error, ErrorKind};
use super::lexer::{Lexer, RawSegment};
use super::limits::Limits;
use super::segment::{Encoding, Segment};
use crate::model::{make_strict, Diagnostic, LineIndex, Position, Severity};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// How leniently to read, and how much to keep.
///
/// Build it from the defaults (`ReadOptions { strict: true,
/// ..ReadOptions::default() }`) so that a field added later keeps your code
/// compiling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Turn every warning into an error (the result is still returned whole;
    /// callers decide what an error means for them).
    pub strict: bool,
    /// How large a segment and a message may be (see [`Limits`]).
    pub limits: Limits,
}

impl ReadOptions {
    /// The default options, strict or not.
    #[must_use]
    pub fn strict(strict: bool) -> Self {
        ReadOptions {
            strict,
            ..ReadOptions::default()
        }
    }
}

/// A party in an envelope (UNB/UNG sender or recipient).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Party {
    /// Identification (`ZZAIRLINE`, `1A`).
    pub id: String,
    /// Code qualifier, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Internal identification or routing address, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_id: Option<String>,
}

/// The UNB header of an interchange.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterchangeHeader {
    /// Syntax identifier (`UNOA`, `IATA`...).
    pub syntax_identifier: String,
    /// Syntax version number (`4`, `1`).
    pub syntax_version: String,
    /// Interchange sender.
    pub sender: Party,
    /// Interchange recipient.
    pub recipient: Party,
    /// Date and time of preparation.
    pub prepared_at: Option<NaiveDateTime>,
    /// Interchange control reference.
    pub control_ref: String,
    /// Application reference (`APIS`, `PNRGOV`), where given.
    pub application_ref: Option<String>,
}

/// A functional group (UNG ... UNE).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Group {
    /// Message group identification (`PAXLST`).
    pub message_type: String,
    /// Application sender.
    pub sender: Party,
    /// Application recipient.
    pub recipient: Party,
    /// Date and time of preparation.
    pub prepared_at: Option<NaiveDateTime>,
    /// Group reference number.
    pub reference: String,
    /// Controlling agency (`UN`, `IA`).
    pub agency: Option<String>,
    /// Message version (`D:15B`, `11:1`).
    pub version: Option<String>,
}

/// The message type of a UNH (`PAXLST:D:15B:UN:IATA`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct MessageType {
    /// Message type (`PAXLST`, `PNRGOV`).
    pub name: String,
    /// Version (`D`, `11`).
    pub version: String,
    /// Release (`15B`, `1`).
    pub release: String,
    /// Controlling agency (`UN`, `IA`).
    pub agency: String,
    /// Association assigned code (`IATA`), where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub association: Option<String>,
}

/// Whether a message part is the last of a message sent in parts
/// (UNH element 4: `01:C` ... `nn:F`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Transfer {
    /// Sequence number of this part, from 1.
    pub sequence: u32,
    /// Whether this is the final part (`F`) rather than first or continuing
    /// (`C`).
    pub is_final: bool,
}

/// One message (UNH ... UNT) and its segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message<'a> {
    /// Message reference number (UNH element 1).
    pub reference: String,
    /// Message type.
    pub message_type: MessageType,
    /// Common access reference (UNH element 3), where given.
    pub common_access_ref: Option<String>,
    /// Part number, for a message sent in parts.
    pub transfer: Option<Transfer>,
    /// Index of the group in [`Interchange::groups`], if inside one.
    pub group: Option<usize>,
    /// Every segment from UNH to UNT (both included, when present).
    pub segments: Vec<Segment<'a>>,
    /// Whether a UNT closed the message.
    pub has_trailer: bool,
    /// What was found in this message's envelope and syntax.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Message<'a> {
    /// The segments between UNH and UNT.
    #[must_use]
    pub fn body(&self) -> &[Segment<'a>] {
        let end = if self.has_trailer {
            self.segments.len().saturating_sub(1)
        } else {
            self.segments.len()
        };
        self.segments.get(1..end).unwrap_or(&[])
    }

    /// Whether the message is of type `name` (`PAXLST`, `PNRGOV`), in any
    /// case.
    #[must_use]
    pub fn is_type(&self, name: &str) -> bool {
        self.message_type.name.eq_ignore_ascii_case(name)
    }

    /// Byte offset of the UNH.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.segments.first().map_or(0, |s| s.offset)
    }
}

/// One interchange (UNB ... UNZ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interchange<'a> {
    /// The delimiters in force.
    pub delimiters: Delimiters,
    /// The character set the syntax identifier declares.
    pub charset: Charset,
    /// The UNB header (defaults when UNB is missing, with a diagnostic).
    pub header: InterchangeHeader,
    /// Functional groups, in order.
    pub groups: Vec<Group>,
    /// Messages, in order.
    pub messages: Vec<Message<'a>>,
    /// Byte offset where the interchange starts (its UNA, UNB or UNH).
    pub offset: usize,
    /// What was found in the envelope (outside any message).
    pub diagnostics: Vec<Diagnostic>,
}

/// A whole input as received: one or more interchanges, and any text
/// around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transmission<'a> {
    /// The interchanges, in order.
    pub interchanges: Vec<Interchange<'a>>,
    /// What was found outside the interchanges (wrappers, footers).
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Transmission<'a> {
    /// Every message with the interchange it came in.
    pub fn messages(&self) -> impl Iterator<Item = (&Interchange<'a>, &Message<'a>)> {
        self.interchanges
            .iter()
            .flat_map(|i| i.messages.iter().map(move |m| (i, m)))
    }

    /// Whether any message is of type `name`.
    #[must_use]
    pub fn has_message(&self, name: &str) -> bool {
        self.messages().any(|(_, m)| m.is_type(name))
    }

    /// `Ok` when some message is of type `name`; otherwise the
    /// [`ErrorKind::NoMessage`] error, placed at the first message (or the
    /// first interchange). `input` is what the transmission was read from.
    pub fn require_message(&self, input: &[u8], name: &'static str) -> Result<(), Error> {
        if self.has_message(name) {
            return Ok(());
        }
        let offset = self.messages().next().map_or_else(
            || self.interchanges.first().map_or(0, |i| i.offset),
            |(_, m)| m.offset(),
        );
        let mut position = Position::at(offset);
        position.resolve(&LineIndex::new(input));
        Err(Error {
            kind: ErrorKind::NoMessage { expected: name },
            position,
        })
    }

    /// Every diagnostic: transmission, interchange and message level.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .chain(self.interchanges.iter().flat_map(|i| {
                i.diagnostics
                    .iter()
                    .chain(i.messages.iter().flat_map(|m| m.diagnostics.iter()))
            }))
    }
}

/// A diagnostic at a segment.
#[must_use]
pub fn at_segment(
    segment: &Segment<'_>,
    severity: Severity,
    code: &'static str,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(severity, code, message, segment_position(segment))
}

/// The position of a segment.
#[must_use]
pub fn segment_position(segment: &Segment<'_>) -> Position {
    Position {
        byte_offset: segment.offset,
        line: 0,
        column: 0,
        segment_index: Some(segment.index),
        segment_tag: Some(segment.tag().to_string()),
    }
}

/// Reads every interchange in `input`.
///
/// Text before, between and after interchanges (Type-B and e-mail wrappers,
/// SOH/STX, footers) is skipped and reported. The result's diagnostics have
/// their line and column filled in.
pub fn read(input: &[u8], options: ReadOptions) -> Result<Transmission<'_>, Error> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(Error {
            kind: ErrorKind::Empty,
            position: Position {
                line: 1,
                column: 1,
                ..Position::default()
            },
        });
    }
    let mut transmission = Transmission {
        interchanges: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut pos = 0;
    while let Some((start, kind)) = find_start(input, pos) {
        if has_text(&input[pos..start]) {
            let (code, what) = if transmission.interchanges.is_empty() {
                ("edifact.leading_text", "before the first interchange")
            } else {
                ("edifact.text_between", "between two interchanges")
            };
            transmission.diagnostics.push(Diagnostic::new(
                Severity::Info,
                code,
                format!("{} bytes of text {what} were skipped", start - pos),
                Position::at(pos + leading_layout(&input[pos..start])),
            ));
        }
        let (interchange, end) = InterchangeReader::new(input, start, kind, options.limits).read();
        transmission.interchanges.push(interchange);
        pos = end.max(start + 1);
    }
    if transmission.interchanges.is_empty() {
        return Err(Error {
            kind: ErrorKind::NoInterchange,
            position: Position {
                line: 1,
                column: 1,
                ..Position::default()
            },
        });
    }
    if pos < input.len() && has_text(&input[pos..]) {
        transmission.diagnostics.push(Diagnostic::new(
            Severity::Info,
            "edifact.trailing_text",
            format!(
                "{} bytes of text after the last interchange were skipped",
                input.len() - pos
            ),
            Position::at(pos + leading_layout(&input[pos..])),
        ));
    }
    finish_diagnostics(input, &mut transmission, options);
    Ok(transmission)
}

fn finish_diagnostics(input: &[u8], t: &mut Transmission<'_>, options: ReadOptions) {
    let lists =
        std::iter::once(&mut t.diagnostics).chain(t.interchanges.iter_mut().flat_map(|i| {
            std::iter::once(&mut i.diagnostics)
                .chain(i.messages.iter_mut().map(|m| &mut m.diagnostics))
        }));
    let mut lines: Option<LineIndex> = None;
    for list in lists {
        if options.strict {
            make_strict(list);
        }
        for d in list.iter_mut() {
            let index = lines.get_or_insert_with(|| LineIndex::new(input));
            d.position.resolve(index);
        }
    }
}

fn has_text(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| !b.is_ascii_whitespace())
}

fn leading_layout(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_whitespace()).count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StartKind {
    Una,
    Unb,
    Unh,
}

/// Finds the next `UNA` (followed by six characters), `UNB+` or `UNH+` that
/// starts a segment (at the start of input or after a non-alphanumeric byte).
fn find_start(input: &[u8], from: usize) -> Option<(usize, StartKind)> {
    let hay = input.get(from..)?;
    for i in memchr::memmem::find_iter(hay, b"UN") {
        let at = from + i;
        if at > 0 && input[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        match input.get(at + 2) {
            Some(b'A') if input.len() >= at + 9 => return Some((at, StartKind::Una)),
            Some(b'B') if input.get(at + 3) == Some(&b'+') => return Some((at, StartKind::Unb)),
            Some(b'H') if input.get(at + 3) == Some(&b'+') => return Some((at, StartKind::Unh)),
            _ => {}
        }
    }
    None
}

struct OpenGroup {
    index: usize,
    offset: usize,
    messages: usize,
}

struct InterchangeReader<'a> {
    input: &'a [u8],
    lexer: Lexer<'a>,
    una_repetition: Option<u8>,
    has_una: bool,
    kind: StartKind,
    interchange: Interchange<'a>,
    next_index: u32,
    group: Option<OpenGroup>,
    message: Option<Message<'a>>,
    limits: Limits,
    /// Segments of the open message that were not kept (too long, or past
    /// a message limit); they still count for the UNT check.
    skipped_in_message: usize,
    /// Whether the open message went past a message limit: its remaining
    /// segments up to the UNT are skipped.
    message_over_limit: bool,
    wrapped_segments: usize,
    first_wrapped: Option<usize>,
    blank_places: usize,
    first_blank: Option<usize>,
}

impl<'a> InterchangeReader<'a> {
    fn new(input: &'a [u8], start: usize, kind: StartKind, limits: Limits) -> Self {
        let mut diagnostics = Vec::new();
        let mut delimiters = Delimiters::default();
        let mut lexer_start = start;
        let mut una_repetition = None;
        if kind == StartKind::Una {
            lexer_start = start + 9;
            match Delimiters::from_una(&input[start..(start + 9).min(input.len())]) {
                Ok(d) => {
                    una_repetition = d.repetition;
                    delimiters = Delimiters {
                        repetition: None,
                        ..d
                    };
                }
                Err(problem) => diagnostics.push(Diagnostic::new(
                    Severity::Error,
                    "edifact.bad_una",
                    format!("{problem}; the default delimiters are used instead"),
                    Position::at(start),
                )),
            }
        }
        InterchangeReader {
            input,
            lexer: Lexer::new(input, lexer_start, delimiters),
            una_repetition,
            has_una: kind == StartKind::Una,
            kind,
            interchange: Interchange {
                delimiters,
                charset: Charset::Ascii,
                header: InterchangeHeader::default(),
                groups: Vec::new(),
                messages: Vec::new(),
                offset: start,
                diagnostics,
            },
            next_index: 0,
            group: None,
            message: None,
            limits,
            skipped_in_message: 0,
            message_over_limit: false,
            wrapped_segments: 0,
            first_wrapped: None,
            blank_places: 0,
            first_blank: None,
        }
    }

    fn envelope(&mut self, d: Diagnostic) {
        self.interchange.diagnostics.push(d);
    }

    /// Reads to the UNZ (or to the start of the next interchange, or the end
    /// of the input). Returns the interchange and the offset after it.
    fn read(mut self) -> (Interchange<'a>, usize) {
        let mut seen_header = false;
        if self.kind == StartKind::Unh {
            let start = self.lexer.position();
            self.envelope(Diagnostic::new(
                Severity::Warning,
                "edifact.missing_unb",
                "the interchange has no UNB header; the default delimiters and UNOA are assumed",
                Position::at(start),
            ));
            seen_header = true;
        }
        let mut end = self.input.len();
        let mut closed = false;
        while let Some(raw) = self.lexer.next() {
            let tag_is = |t: &[u8]| raw.content.starts_with(t);
            // A new interchange starts: this one ends here without a UNZ.
            if seen_header && (tag_is(b"UNA") || tag_is(b"UNB")) {
                end = raw.offset;
                break;
            }
            if self.too_long(&raw) || self.past_message_limit(&raw) {
                continue;
            }
            let segment = self.segment(&raw);
            match segment.tag_bytes() {
                b"UNB" if !seen_header => {
                    seen_header = true;
                    self.header(&segment);
                }
                b"UNG" => self.open_group(&segment),
                b"UNE" => self.close_group(Some(&segment)),
                b"UNH" => self.open_message(segment),
                b"UNT" => self.close_message(Some(segment)),
                b"UNZ" => {
                    self.close_interchange(Some(&segment));
                    end = raw.end;
                    closed = true;
                    break;
                }
                _ => match &mut self.message {
                    Some(m) => m.segments.push(segment),
                    None => {
                        let tag = segment.tag().to_string();
                        self.envelope(at_segment(
                            &segment,
                            Severity::Warning,
                            "edifact.outside_message",
                            format!("segment {tag} stands outside any message and was skipped"),
                        ));
                    }
                },
            }
        }
        if !closed {
            self.close_interchange(None);
        }
        self.summarise_layout();
        (self.interchange, end)
    }

    /// Whether the segment is longer than the limit; it is then reported
    /// and skipped (its content is never echoed).
    fn too_long(&mut self, raw: &RawSegment<'a>) -> bool {
        let len = raw.end - raw.offset;
        let max = self.limits.max_segment_bytes;
        if len <= max {
            return false;
        }
        let index = self.next_index;
        self.next_index += 1;
        let position = Position {
            segment_index: Some(index),
            segment_tag: self.raw_tag(raw),
            ..Position::at(raw.offset)
        };
        let d = Diagnostic::new(
            Severity::Error,
            "edifact.segment_too_long",
            format!(
                "the segment is {len} bytes long, over the limit of {max} bytes; it was skipped \
                 (raise Limits::max_segment_bytes, or --max-segment-bytes, for such feeds)"
            ),
            position,
        );
        match &mut self.message {
            Some(m) => {
                m.diagnostics.push(d);
                self.skipped_in_message += 1;
            }
            None => self.interchange.diagnostics.push(d),
        }
        true
    }

    /// Whether the segment belongs to an open message that is (or with this
    /// segment becomes) larger than the limits; it is then skipped, and the
    /// first time reported. Service segments (UNH, UNT, UNE, UNG, UNZ) are
    /// never skipped so the envelope stays whole.
    fn past_message_limit(&mut self, raw: &RawSegment<'a>) -> bool {
        let Some(m) = &self.message else {
            return false;
        };
        // The common case first, without looking at the tag.
        if !self.message_over_limit
            && m.segments.len() + self.skipped_in_message < self.limits.max_message_segments
            && raw.end - m.offset() <= self.limits.max_message_bytes
        {
            return false;
        }
        let tag = self.raw_tag(raw);
        if matches!(tag.as_deref(), Some("UNH" | "UNT" | "UNE" | "UNG" | "UNZ")) {
            return false;
        }
        let Some(m) = &mut self.message else {
            return false;
        };
        if !self.message_over_limit {
            let segments = m.segments.len() + self.skipped_in_message + 1;
            let bytes = raw.end - m.offset();
            let limits = self.limits;
            let problem = if segments > limits.max_message_segments {
                format!(
                    "the message has more than {} segments, the limit; the rest of it up to its UNT was skipped \
                     (raise Limits::max_message_segments for such feeds)",
                    limits.max_message_segments
                )
            } else if bytes > limits.max_message_bytes {
                format!(
                    "the message is longer than {} bytes, the limit; the rest of it up to its UNT was skipped \
                     (raise Limits::max_message_bytes, or --max-message-bytes, for such feeds)",
                    limits.max_message_bytes
                )
            } else {
                return false;
            };
            self.message_over_limit = true;
            m.diagnostics.push(Diagnostic::new(
                Severity::Error,
                "edifact.message_too_large",
                problem,
                Position {
                    segment_index: Some(self.next_index),
                    segment_tag: tag,
                    ..Position::at(raw.offset)
                },
            ));
        }
        self.next_index += 1;
        self.skipped_in_message += 1;
        true
    }

    /// The tag of a segment not yet built, when it is a three-character
    /// tag as [`Segment::tag_bytes`] would find it (`UNG` in `UNG+1`, none
    /// in `UNG1+1`).
    fn raw_tag(&self, raw: &RawSegment<'a>) -> Option<String> {
        let c = &raw.content;
        let tag = c.get(..3).filter(|t| is_tag(t))?;
        let ends = c.len() == 3 || c.get(3) == Some(&self.lexer.delimiters().element);
        ends.then(|| String::from_utf8_lossy(tag).into_owned())
    }

    fn segment(&mut self, raw: &RawSegment<'a>) -> Segment<'a> {
        let index = self.next_index;
        self.next_index += 1;
        if raw.had_line_breaks {
            self.wrapped_segments += 1;
            self.first_wrapped.get_or_insert(raw.offset);
        }
        if raw.after_blanks {
            self.blank_places += 1;
            self.first_blank.get_or_insert(raw.offset);
        }
        let encoding = self.encoding_of(&raw.content);
        let segment = Segment::new(
            raw.content.clone(),
            self.lexer.delimiters(),
            encoding,
            raw.offset,
            index,
        );
        let mut found = Vec::new();
        if !is_tag(segment.tag_bytes()) {
            found.push(at_segment(
                &segment,
                Severity::Warning,
                "edifact.bad_tag",
                "the segment does not start with a three-character tag",
            ));
        }
        if !raw.terminated {
            found.push(at_segment(
                &segment,
                Severity::Warning,
                "edifact.unterminated",
                format!(
                    "segment {} has no terminator before the end of the input",
                    segment.tag()
                ),
            ));
        }
        if raw.dangling_release {
            found.push(at_segment(
                &segment,
                Severity::Warning,
                "edifact.dangling_release",
                "a release character at the end of the input releases nothing; it is kept as data",
            ));
        }
        if encoding == Encoding::Latin1 && self.interchange.charset != Charset::Latin1 {
            let declared = &self.interchange.header.syntax_identifier;
            let (severity, message) = match self.interchange.charset {
                Charset::OtherIso8859 => (
                    Severity::Info,
                    format!("{declared} text is read as ISO 8859-1; every byte is kept"),
                ),
                _ => (
                    Severity::Warning,
                    format!(
                        "segment {} has bytes that are not valid in {}; they are read as ISO 8859-1 and kept",
                        segment.tag(),
                        if declared.is_empty() { "UNOA" } else { declared }
                    ),
                ),
            };
            found.push(at_segment(&segment, severity, "edifact.charset", message));
        }
        if !found.is_empty() {
            match &mut self.message {
                Some(m) => m.diagnostics.extend(found),
                None => self.interchange.diagnostics.extend(found),
            }
        }
        segment
    }

    fn encoding_of(&self, content: &[u8]) -> Encoding {
        if content.is_ascii() {
            return Encoding::Ascii;
        }
        match self.interchange.charset {
            Charset::Utf8 if std::str::from_utf8(content).is_ok() => Encoding::Utf8,
            _ => Encoding::Latin1,
        }
    }

    fn header(&mut self, unb: &Segment<'a>) {
        let h = &mut self.interchange.header;
        h.syntax_identifier = unb.string(1, 1).unwrap_or_default();
        h.syntax_version = unb.string(1, 2).unwrap_or_default();
        h.sender = party(unb, 2);
        h.recipient = party(unb, 3);
        h.prepared_at = date_time(unb, 4);
        h.control_ref = unb.string(5, 1).unwrap_or_default();
        h.application_ref = unb.string(7, 1);
        let charset = Charset::from_syntax_identifier(&h.syntax_identifier);
        let version: u32 = h.syntax_version.parse().unwrap_or(0);
        let id = h.syntax_identifier.clone();
        let has_date = unb.text(4, 1).is_some();
        let prepared_ok = h.prepared_at.is_some();
        self.interchange.charset = charset.unwrap_or(Charset::Ascii);
        if charset.is_none() {
            self.envelope(at_segment(
                unb,
                Severity::Warning,
                "edifact.syntax_identifier",
                format!("syntax identifier {id:?} is not one of UNOA, UNOB, UNOC, UNOY, IATA; text is read as ASCII"),
            ));
        }
        if has_date && !prepared_ok {
            self.envelope(at_segment(
                unb,
                Severity::Warning,
                "edifact.bad_date",
                "the preparation date and time in UNB are not a valid date",
            ));
        }
        if version >= 4 && self.has_una {
            let d = Delimiters {
                repetition: self.una_repetition,
                ..self.lexer.delimiters()
            };
            self.lexer.set_delimiters(d);
            self.interchange.delimiters = d;
        }
    }

    fn open_group(&mut self, ung: &Segment<'a>) {
        if self.group.is_some() {
            self.close_group(None);
        }
        let group = Group {
            message_type: ung.string(1, 1).unwrap_or_default(),
            sender: party(ung, 2),
            recipient: party(ung, 3),
            prepared_at: date_time(ung, 4),
            reference: ung.string(5, 1).unwrap_or_default(),
            agency: ung.string(6, 1),
            version: ung.element(7).map(|e| {
                e.texts()
                    .iter()
                    .map(|t| t.trim())
                    .collect::<Vec<_>>()
                    .join(":")
            }),
        };
        self.group = Some(OpenGroup {
            index: self.interchange.groups.len(),
            offset: ung.offset,
            messages: 0,
        });
        self.interchange.groups.push(group);
    }

    fn close_group(&mut self, une: Option<&Segment<'a>>) {
        self.close_message(None);
        let Some(open) = self.group.take() else {
            if let Some(une) = une {
                self.envelope(at_segment(
                    une,
                    Severity::Warning,
                    "edifact.une_without_ung",
                    "UNE closes a group that was never opened",
                ));
            }
            return;
        };
        let reference = self.interchange.groups[open.index].reference.clone();
        let Some(une) = une else {
            self.envelope(Diagnostic::new(
                Severity::Warning,
                "edifact.missing_une",
                "the group has no UNE trailer",
                Position::at(open.offset),
            ));
            return;
        };
        check_count(
            une,
            open.messages,
            "UNE",
            "messages in the group",
            "edifact.une_count",
            &mut self.interchange.diagnostics,
        );
        check_reference(
            une,
            &reference,
            "UNE",
            "UNG",
            "edifact.une_reference",
            &mut self.interchange.diagnostics,
        );
    }

    fn open_message(&mut self, unh: Segment<'a>) {
        if self.message.is_some() {
            self.close_message(None);
        }
        let message_type = MessageType {
            name: unh.string(2, 1).unwrap_or_default(),
            version: unh.string(2, 2).unwrap_or_default(),
            release: unh.string(2, 3).unwrap_or_default(),
            agency: unh.string(2, 4).unwrap_or_default(),
            association: unh.string(2, 5),
        };
        let transfer = unh.element(4).and_then(|e| {
            let sequence = e.trimmed(1)?.parse().ok()?;
            let is_final = e.trimmed(2).is_some_and(|s| s.eq_ignore_ascii_case("F"));
            Some(Transfer { sequence, is_final })
        });
        let mut diagnostics = Vec::new();
        if unh.element(4).is_some_and(|e| !e.is_empty()) && transfer.is_none() {
            diagnostics.push(at_segment(
                &unh,
                Severity::Warning,
                "edifact.bad_transfer",
                "UNH element 4 (sequence of transfers) is not a number followed by C or F",
            ));
        }
        if let Some(g) = &mut self.group {
            g.messages += 1;
        }
        self.skipped_in_message = 0;
        self.message_over_limit = false;
        self.message = Some(Message {
            reference: unh.string(1, 1).unwrap_or_default(),
            message_type,
            common_access_ref: unh.string(3, 1),
            transfer,
            group: self.group.as_ref().map(|g| g.index),
            segments: vec![unh],
            has_trailer: false,
            diagnostics,
        });
    }

    fn close_message(&mut self, unt: Option<Segment<'a>>) {
        let Some(mut message) = self.message.take() else {
            if let Some(unt) = unt {
                self.envelope(at_segment(
                    &unt,
                    Severity::Warning,
                    "edifact.unt_without_unh",
                    "UNT closes a message that was never opened",
                ));
            }
            return;
        };
        match unt {
            Some(unt) => {
                check_count(
                    &unt,
                    message.segments.len() + self.skipped_in_message + 1,
                    "UNT",
                    "segments from UNH to UNT",
                    "edifact.unt_count",
                    &mut message.diagnostics,
                );
                check_reference(
                    &unt,
                    &message.reference,
                    "UNT",
                    "UNH",
                    "edifact.unt_reference",
                    &mut message.diagnostics,
                );
                message.segments.push(unt);
                message.has_trailer = true;
            }
            None => {
                let at = message.segments.last().map_or(0, |s| s.offset);
                let mut position = Position::at(at);
                if let Some(first) = message.segments.first() {
                    position = segment_position(first);
                }
                message.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "edifact.missing_unt",
                    "the message has no UNT trailer; it ends where the next message, group or interchange begins",
                    position,
                ));
            }
        }
        self.interchange.messages.push(message);
    }

    fn close_interchange(&mut self, unz: Option<&Segment<'a>>) {
        self.close_message(None);
        if self.group.is_some() {
            self.close_group(None);
        }
        let Some(unz) = unz else {
            if self.kind != StartKind::Unh {
                self.envelope(Diagnostic::new(
                    Severity::Warning,
                    "edifact.missing_unz",
                    "the interchange has no UNZ trailer",
                    Position::at(self.interchange.offset),
                ));
            }
            return;
        };
        let (count, what) = if self.interchange.groups.is_empty() {
            (
                self.interchange.messages.len(),
                "messages in the interchange",
            )
        } else {
            (self.interchange.groups.len(), "groups in the interchange")
        };
        let reference = self.interchange.header.control_ref.clone();
        check_count(
            unz,
            count,
            "UNZ",
            what,
            "edifact.unz_count",
            &mut self.interchange.diagnostics,
        );
        if self.kind != StartKind::Unh {
            check_reference(
                unz,
                &reference,
                "UNZ",
                "UNB",
                "edifact.unz_reference",
                &mut self.interchange.diagnostics,
            );
        }
    }

    fn summarise_layout(&mut self) {
        if let Some(first) = self.first_wrapped {
            let n = self.wrapped_segments;
            self.envelope(Diagnostic::new(
                Severity::Info,
                "edifact.wrapped_segments",
                format!(
                    "line breaks inside {n} segment{} were removed (the feed wraps its lines); the first is here",
                    if n == 1 { "" } else { "s" }
                ),
                Position::at(first),
            ));
        }
        if let Some(first) = self.first_blank {
            let n = self.blank_places;
            self.envelope(Diagnostic::new(
                Severity::Info,
                "edifact.blanks_between_segments",
                format!(
                    "blanks before {n} segment{} were skipped; the first is here",
                    if n == 1 { "" } else { "s" }
                ),
                Position::at(first),
            ));
        }
    }
}

fn is_tag(tag: &[u8]) -> bool {
    tag.len() == 3 && tag.iter().all(u8::is_ascii_alphanumeric)
}

fn party(segment: &Segment<'_>, element: usize) -> Party {
    Party {
        id: segment.string(element, 1).unwrap_or_default(),
        qualifier: segment.string(element, 2),
        internal_id: segment.string(element, 3),
    }
}

/// Reads `YYMMDD:HHMM` or `CCYYMMDD:HHMM`. Two-digit years are 2000-2069 or
/// 1970-1999 (envelope dates have no other reference).
fn date_time(segment: &Segment<'_>, element: usize) -> Option<NaiveDateTime> {
    let date = segment.trimmed(element, 1)?;
    let date: String = date.chars().filter(|c| !c.is_whitespace()).collect();
    let d = match date.len() {
        6 => {
            let (yy, m, d) = crate::model::split_yymmdd(&date)?;
            let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
            NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, m, d)?
        }
        8 => NaiveDate::parse_from_str(&date, "%Y%m%d").ok()?,
        _ => return None,
    };
    let time = segment
        .trimmed(element, 2)
        .and_then(|t| NaiveTime::parse_from_str(&t, "%H%M").ok())
        .unwrap_or(NaiveTime::MIN);
    Some(d.and_time(time))
}

fn check_count(
    segment: &Segment<'_>,
    found: usize,
    tag: &str,
    what: &str,
    code: &'static str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match segment.trimmed(1, 1).map(|s| s.parse::<usize>()) {
        Some(Ok(declared)) if declared == found => {}
        Some(Ok(declared)) => diagnostics.push(at_segment(
            segment,
            Severity::Warning,
            code,
            format!("{tag} declares {declared} {what} but {found} were found"),
        )),
        _ => diagnostics.push(at_segment(
            segment,
            Severity::Warning,
            code,
            format!("{tag} does not give a count of {what} ({found} were found)"),
        )),
    }
}

fn check_reference(
    segment: &Segment<'_>,
    expected: &str,
    tag: &str,
    opener: &str,
    code: &'static str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let found = segment.string(2, 1).unwrap_or_default();
    if found != expected {
        diagnostics.push(at_segment(
            segment,
            Severity::Warning,
            code,
            format!("{tag} reference {found:?} does not match the {opener} reference {expected:?}"),
        ));
    }
}
