//! One PAXLST message -> one [`Manifest`]: a small state machine over the
//! segments in order.
//!
//! The segment groups of the guide are recognised by the segment that opens
//! them: `NAD+MS` opens Gr1 (reporting party), `TDT` opens Gr2 (a leg), a
//! `LOC` inside a leg opens Gr3, any other `NAD` opens Gr4 (a traveller) and
//! `DOC` opens Gr5 (a document). `CNT` ends the traveller list.

use super::values::{self, DateProblem, DateText};
use super::Options;
use crate::edifact::{at_segment, Element, Interchange, Message, Segment};
use crate::model::{
    Address, BagTag, Bags, Contact, DateRole, Diagnostic, Envelope, EnvelopeParty, Gender, Leg,
    LegPoint, ListType, ListVariant, Manifest, Measure, MessagePart, Place, Reference,
    ReportingParty, Severity, TravelDocument, Traveller, TravellerRole,
};
use chrono::NaiveDate;
use std::borrow::Cow;

/// Where in the message the last segment was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before any group: BGM, RFF, DTM, LOC of the header.
    Header,
    /// Gr1: after NAD+MS.
    Party,
    /// Gr2/Gr3: after a TDT.
    Leg,
    /// Gr4: after a traveller's NAD.
    Traveller,
    /// Gr5: after a DOC.
    Document,
    /// After CNT.
    Trailer,
}

/// Which point of the current leg a DTM belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    None,
    Departure,
    Arrival,
    Routing(usize),
}

struct Mapper<'o> {
    options: &'o Options,
    manifest: Manifest,
    reference: Option<NaiveDate>,
    reference_needed: bool,
    state: State,
    point: Point,
    diags: Vec<Diagnostic>,
}

/// Maps one message.
pub(crate) fn map_message(
    interchange: &Interchange<'_>,
    message: &Message<'_>,
    options: &Options,
) -> Manifest {
    let envelope = envelope(interchange, message);
    let reference = envelope
        .prepared_at
        .map(|d| d.date())
        .or(options.reference_date);
    let mut m = Mapper {
        options,
        manifest: Manifest {
            list_type: None,
            variant: None,
            envelope,
            transaction_ref: None,
            reporting_party: None,
            legs: Vec::new(),
            travellers: Vec::new(),
            declared_counts: Default::default(),
            unknown_segments: Vec::new(),
            diagnostics: Vec::new(),
        },
        reference,
        reference_needed: false,
        state: State::Header,
        point: Point::None,
        diags: message.diagnostics.clone(),
    };
    m.check_version(message);
    for seg in message.body() {
        m.segment(seg);
    }
    m.finish(message)
}

fn envelope(interchange: &Interchange<'_>, message: &Message<'_>) -> Envelope {
    let h = &interchange.header;
    let group = message.group.and_then(|i| interchange.groups.get(i));
    let party = |p: &crate::edifact::Party| EnvelopeParty {
        id: p.id.clone(),
        qualifier: p.qualifier.clone(),
        internal_id: p.internal_id.clone(),
    };
    let mut sender = party(&h.sender);
    let mut recipient = party(&h.recipient);
    if let Some(g) = group {
        if sender.id.is_empty() {
            sender = party(&g.sender);
        }
        if recipient.id.is_empty() {
            recipient = party(&g.recipient);
        }
    }
    let t = &message.message_type;
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Envelope {
        sender,
        recipient,
        prepared_at: h.prepared_at.or_else(|| group.and_then(|g| g.prepared_at)),
        interchange_ref: non_empty(&h.control_ref),
        group_ref: group.and_then(|g| non_empty(&g.reference)),
        message_ref: non_empty(&message.reference),
        message_version: (!t.version.is_empty() || !t.release.is_empty())
            .then(|| format!("{}:{}", t.version, t.release)),
        syntax: (!h.syntax_identifier.is_empty()).then(|| {
            if h.syntax_version.is_empty() {
                h.syntax_identifier.clone()
            } else {
                format!("{}:{}", h.syntax_identifier, h.syntax_version)
            }
        }),
        application_ref: h.application_ref.clone(),
        association: t.association.clone(),
        common_access_ref: message.common_access_ref.clone(),
        transfer: message.transfer.map(|t| MessagePart {
            sequence: t.sequence,
            is_final: t.is_final,
        }),
    }
}

/// Component `c` of an element, trimmed and owned.
fn owned(e: Option<&Element<'_>>, c: usize) -> Option<String> {
    e?.trimmed(c).map(Cow::into_owned)
}

/// The non-empty components of an element from component `from` (1-based),
/// trimmed.
fn parts(e: Option<&Element<'_>>, from: usize) -> Vec<String> {
    let Some(e) = e else {
        return Vec::new();
    };
    (from..=e.component_count())
        .filter_map(|c| e.trimmed(c).map(Cow::into_owned))
        .collect()
}

/// Whether a directory release is one of D:02B to D:22B (A and B releases
/// of the years 02 to 22).
fn supported_release(version: &str, release: &str) -> bool {
    let b = release.as_bytes();
    version == "D"
        && b.len() == 3
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && matches!(b[2], b'A' | b'B')
        && (2..=22).contains(&(u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0')))
}

impl Mapper<'_> {
    fn warn(&mut self, seg: &Segment<'_>, code: &'static str, message: impl Into<String>) {
        self.diags
            .push(at_segment(seg, Severity::Warning, code, message));
    }

    /// Keeps a segment that could not be mapped: on the traveller when one
    /// is open, else on the manifest.
    fn keep(&mut self, seg: &Segment<'_>) {
        let raw = seg.raw_text();
        match (self.state, self.manifest.travellers.last_mut()) {
            (State::Traveller | State::Document, Some(t)) => t.unknown_segments.push(raw),
            _ => self.manifest.unknown_segments.push(raw),
        }
    }

    fn unknown_qualifier(&mut self, seg: &Segment<'_>, what: &str) {
        let q = seg.trimmed(1, 1);
        let message = format!(
            "{} qualifier {:?} is not a known {what}; the segment is kept as written",
            seg.tag(),
            q.as_deref().unwrap_or("")
        );
        self.warn(seg, "paxlst.unknown_qualifier", message);
        self.keep(seg);
    }

    fn misplaced(&mut self, seg: &Segment<'_>, needs: &str) {
        let message = format!(
            "{} {} stands outside {needs}; the segment is kept as written",
            seg.tag(),
            seg.trimmed(1, 1).as_deref().unwrap_or("")
        );
        self.warn(seg, "paxlst.misplaced_segment", message);
        self.keep(seg);
    }

    fn check_version(&mut self, message: &Message<'_>) {
        let t = &message.message_type;
        if !supported_release(&t.version, &t.release) {
            let text = format!(
                "message version {}:{} is outside D:02B to D:22B; it is read as D:15B",
                t.version, t.release
            );
            if let Some(unh) = message.segments.first() {
                self.warn(unh, "paxlst.unsupported_version", text);
            }
        }
    }

    fn segment(&mut self, seg: &Segment<'_>) {
        match seg.tag_bytes() {
            b"BGM" => self.bgm(seg),
            b"RFF" => self.rff(seg),
            b"NAD" => self.nad(seg),
            b"COM" => self.com(seg),
            b"CTA" => {
                if self.state != State::Party {
                    self.misplaced(seg, "the reporting party (NAD+MS)");
                }
            }
            b"TDT" => self.tdt(seg),
            b"LOC" => self.loc(seg),
            b"DTM" => self.dtm(seg),
            b"ATT" => self.att(seg),
            b"MEA" => self.mea(seg),
            b"GEI" => self.gei(seg),
            b"FTX" => self.ftx(seg),
            b"EMP" => self.emp(seg),
            b"NAT" => self.nat(seg),
            b"DOC" => self.doc(seg),
            b"CNT" => self.cnt(seg),
            _ => {
                let message = format!(
                    "segment {} is not part of a PAXLST message; it is kept as written",
                    seg.tag()
                );
                self.warn(seg, "paxlst.unknown_segment", message);
                self.keep(seg);
            }
        }
    }

    fn bgm(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let code = f.trimmed(1, 1).unwrap_or(Cow::Borrowed(""));
        let list_type = ListType::from_code(&code);
        if let ListType::Other(code) = &list_type {
            let message = format!(
                "BGM document name code {code:?} is not a known list type (745, 250, 336, 266, 655); it is kept as written"
            );
            self.warn(seg, "paxlst.unknown_list_type", message);
        }
        self.manifest.list_type = Some(list_type);
        if let Some(id) = f.trimmed(2, 1) {
            let variant = ListVariant::from_code(&id);
            if let ListVariant::Other(id) = &variant {
                let message = format!(
                    "BGM document identifier {id:?} is not a known variant (CP, CC, CLOB, CLNB); it is kept as written"
                );
                self.diags.push(at_segment(
                    seg,
                    Severity::Info,
                    "paxlst.unknown_variant",
                    message,
                ));
            }
            self.manifest.variant = Some(variant);
        }
    }

    fn rff(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let qualifier = f.trimmed(1, 1);
        let value = f.string(1, 2);
        let traveller = match self.state {
            State::Traveller | State::Document => self.manifest.travellers.last_mut(),
            _ => None,
        };
        let Some(t) = traveller else {
            if qualifier.as_deref() == Some("TN") {
                self.manifest.transaction_ref = value;
            } else {
                self.unknown_qualifier(seg, "message reference (TN)");
            }
            return;
        };
        let Some(value) = value else {
            return;
        };
        match qualifier.as_deref() {
            Some("AVF") => t.reservation_ref = Some(value),
            Some("ABO") => t.passenger_ref = Some(value),
            Some("SEA") => t.seat = Some(value),
            Some(q @ ("AEA" | "CR")) => t.other_refs.push(Reference {
                qualifier: q.to_string(),
                value,
            }),
            q => {
                let q = q.unwrap_or("").to_string();
                t.other_refs.push(Reference {
                    qualifier: q.clone(),
                    value,
                });
                self.warn(
                    seg,
                    "paxlst.unknown_qualifier",
                    format!("RFF qualifier {q:?} is not a known traveller reference (AVF, ABO, SEA, AEA, CR); it is kept with its qualifier"),
                );
            }
        }
    }

    fn nad(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        // `e[n]` is element n + 1.
        let e: [Option<Element<'_>>; 9] = std::array::from_fn(|n| f.element(n + 1));
        let qualifier = e[0]
            .as_ref()
            .and_then(|e| e.trimmed(1))
            .unwrap_or(Cow::Borrowed(""));
        if qualifier == "MS" {
            let parts = parts(e[3].as_ref(), 1);
            self.manifest.reporting_party = Some(ReportingParty {
                id: owned(e[1].as_ref(), 1),
                name: (!parts.is_empty()).then(|| parts.join(" ")),
                contacts: Vec::new(),
            });
            self.state = State::Party;
            return;
        }
        let role = TravellerRole::from_code(&qualifier);
        if let TravellerRole::Other(code) = &role {
            let message = format!(
                "NAD qualifier {code:?} is not a known traveller role (FL, FM, DDU, DDT, COT) or MS; it is read as a traveller with that role"
            );
            self.warn(seg, "paxlst.unknown_qualifier", message);
        }
        let mut t = Traveller::new(role);
        t.id = owned(e[1].as_ref(), 1);
        t.surname = owned(e[3].as_ref(), 1);
        let given = parts(e[3].as_ref(), 2);
        match given.len() {
            0 => {}
            1 => t.given_names = given.into_iter().next(),
            _ => {
                t.given_names = Some(given.join(" "));
                t.given_name_parts = given;
            }
        }
        if t.surname.is_none() {
            self.warn(
                seg,
                "paxlst.missing_name",
                "the traveller has no family name (NAD element 4); the traveller is kept",
            );
        }
        let street = parts(e[4].as_ref(), 1);
        let address = Address {
            street: (!street.is_empty()).then(|| street.join(" ")),
            city: owned(e[5].as_ref(), 1),
            region: owned(e[6].as_ref(), 1).or_else(|| owned(e[6].as_ref(), 4)),
            postal_code: owned(e[7].as_ref(), 1),
            country: e[8]
                .as_ref()
                .and_then(|e| e.trimmed(1))
                .map(|c| values::country(seg, &c, &mut self.diags)),
        };
        if address != Address::default() {
            t.address = Some(address);
        }
        self.manifest.travellers.push(t);
        self.state = State::Traveller;
    }

    fn com(&mut self, seg: &Segment<'_>) {
        let contacts: Vec<Contact> = seg
            .elements()
            .filter_map(|e| {
                let value = e.trimmed(1)?.into_owned();
                Some(Contact {
                    value,
                    channel: e.trimmed(2).map(Cow::into_owned),
                })
            })
            .collect();
        match self.state {
            State::Party => {
                if let Some(p) = &mut self.manifest.reporting_party {
                    p.contacts.extend(contacts);
                }
            }
            State::Traveller | State::Document => {
                if let Some(t) = self.manifest.travellers.last_mut() {
                    t.contacts.extend(contacts);
                }
            }
            _ => self.misplaced(seg, "a reporting party or traveller"),
        }
    }

    fn tdt(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let q = f.trimmed(1, 1);
        if q.as_deref() != Some("20") {
            let message = format!(
                "TDT qualifier {:?} is not 20 (main carriage); the segment is read as a leg",
                q.as_deref().unwrap_or("")
            );
            self.warn(seg, "paxlst.unknown_qualifier", message);
        }
        self.manifest.legs.push(Leg {
            carrier: f.string(5, 1),
            flight_number: f.string(2, 1),
            ..Leg::default()
        });
        self.state = State::Leg;
        self.point = Point::None;
    }

    fn loc(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let e = [f.element(1), f.element(2)];
        let q = e[0]
            .as_ref()
            .and_then(|e| e.trimmed(1))
            .unwrap_or(Cow::Borrowed(""));
        let code = e[1].as_ref().and_then(|e| e.trimmed(1));
        match self.state {
            State::Leg => {
                let airport = code.map(|c| values::airport(seg, &c, &mut self.diags));
                let Some(leg) = self.manifest.legs.last_mut() else {
                    return;
                };
                match &*q {
                    "125" => {
                        leg.departure.airport = airport;
                        self.point = Point::Departure;
                    }
                    "87" => {
                        leg.arrival.airport = airport;
                        self.point = Point::Arrival;
                    }
                    "92" => {
                        leg.routing.push(LegPoint {
                            airport,
                            scheduled: None,
                        });
                        self.point = Point::Routing(leg.routing.len() - 1);
                    }
                    _ => {
                        self.point = Point::None;
                        self.unknown_qualifier(seg, "leg location (125, 87, 92)");
                    }
                }
            }
            State::Traveller | State::Document => {
                let place = owned(e[1].as_ref(), 4);
                self.traveller_loc(seg, &q, code, place);
            }
            _ => self.misplaced(seg, "a leg (TDT) or traveller (NAD)"),
        }
    }

    fn traveller_loc(
        &mut self,
        seg: &Segment<'_>,
        q: &str,
        code: Option<Cow<'_, str>>,
        place_name: Option<String>,
    ) {
        if q == "91" {
            let state = code.map(|c| values::country(seg, &c, &mut self.diags));
            let doc = match self.state {
                State::Document => self
                    .manifest
                    .travellers
                    .last_mut()
                    .and_then(|t| t.documents.last_mut()),
                _ => None,
            };
            match doc {
                Some(doc) => {
                    doc.issuing_state = state;
                    doc.issuing_place = place_name;
                }
                None => self.misplaced(seg, "a document (DOC)"),
            }
            return;
        }
        let value = match q {
            "22" | "178" | "179" => code.map(|c| values::airport(seg, &c, &mut self.diags)),
            "174" | "180" => code.map(|c| values::country(seg, &c, &mut self.diags)),
            _ => {
                self.unknown_qualifier(seg, "traveller location (22, 174, 178, 179, 180, 91)");
                return;
            }
        };
        let Some(t) = self.manifest.travellers.last_mut() else {
            return;
        };
        match q {
            "22" => t.clearance_port = value,
            "178" => t.embarkation_port = value,
            "179" => t.debarkation_port = value,
            "174" => t.residence_country = value,
            _ => {
                t.birth_place = Some(Place {
                    country: value,
                    name: place_name,
                });
            }
        }
    }

    fn dtm(&mut self, seg: &Segment<'_>) {
        let Some(e) = seg.element(1) else {
            self.warn(seg, "paxlst.bad_date", "DTM has no date value");
            self.keep(seg);
            return;
        };
        let q = e.trimmed(1).unwrap_or(Cow::Borrowed(""));
        let Some(text) = e.text(2) else {
            self.warn(seg, "paxlst.bad_date", "DTM has no date value");
            self.keep(seg);
            return;
        };
        let format = e.trimmed(3);
        let Some(value) = values::parse_dtm(&text, format.as_deref()) else {
            let message = format!(
                "DTM {q}: the value is not a date in format {}",
                format
                    .as_deref()
                    .unwrap_or("YYMMDD, CCYYMMDD, YYMMDDHHMM or CCYYMMDDHHMM")
            );
            self.warn(seg, "paxlst.bad_date", message);
            self.keep(seg);
            return;
        };
        match (self.state, &*q) {
            (State::Leg, "189" | "232") => self.leg_time(seg, &q, value),
            (State::Traveller | State::Document, "329") => {
                if let Some(d) = self.date(seg, value.date, DateRole::Birth) {
                    if let Some(t) = self.manifest.travellers.last_mut() {
                        t.birth_date = Some(d);
                    }
                }
            }
            (State::Document, "36" | "182") => {
                let role = if q == "36" {
                    DateRole::Expiry
                } else {
                    DateRole::Issue
                };
                if let Some(d) = self.date(seg, value.date, role) {
                    let doc = self
                        .manifest
                        .travellers
                        .last_mut()
                        .and_then(|t| t.documents.last_mut());
                    if let Some(doc) = doc {
                        if role == DateRole::Expiry {
                            doc.expires_on = Some(d);
                        } else {
                            doc.issued_on = Some(d);
                        }
                    }
                }
            }
            (_, "189" | "232") => self.misplaced(seg, "a leg (TDT)"),
            (_, "329") => self.misplaced(seg, "a traveller (NAD)"),
            (_, "36" | "182") => self.misplaced(seg, "a document (DOC)"),
            _ => self.unknown_qualifier(seg, "date (189, 232, 329, 36, 182)"),
        }
    }

    fn leg_time(&mut self, seg: &Segment<'_>, q: &str, value: values::DateTimeText) {
        let Some(at) = values::resolve_event(value, self.reference) else {
            self.warn(
                seg,
                "paxlst.bad_date",
                format!("DTM {q}: the value is not a date"),
            );
            self.keep(seg);
            return;
        };
        let Some(leg) = self.manifest.legs.last_mut() else {
            return;
        };
        let departs = q == "189";
        match self.point {
            Point::Routing(i) => {
                if let Some(p) = leg.routing.get_mut(i) {
                    p.scheduled = Some(at);
                    let end = if departs {
                        &mut leg.departure
                    } else {
                        &mut leg.arrival
                    };
                    if end.airport.is_none() && end.scheduled.is_none() {
                        *end = p.clone();
                    }
                }
            }
            _ if departs => leg.departure.scheduled = Some(at),
            _ => leg.arrival.scheduled = Some(at),
        }
        if departs && self.manifest.legs.len() == 1 && self.reference.is_none() {
            self.reference = Some(at.date());
        }
    }

    /// Resolves a traveller or document date; reports and keeps the segment
    /// when it cannot.
    fn date(&mut self, seg: &Segment<'_>, date: DateText, role: DateRole) -> Option<NaiveDate> {
        match values::resolve(date, role, self.reference) {
            Ok(d) => Some(d),
            Err(DateProblem::NoReference) => {
                if !self.reference_needed {
                    self.reference_needed = true;
                    self.warn(
                        seg,
                        "paxlst.no_reference_date",
                        "a two-digit year cannot be resolved: the message has no preparation date, no reference date was given and no leg has a departure date; such dates are left empty and their segments kept as written",
                    );
                }
                self.keep(seg);
                None
            }
            Err(DateProblem::NotADate) => {
                self.warn(
                    seg,
                    "paxlst.bad_date",
                    "DTM: the value is not a calendar date",
                );
                self.keep(seg);
                None
            }
        }
    }

    fn traveller_or_misplaced(&mut self, seg: &Segment<'_>) -> bool {
        if matches!(self.state, State::Traveller | State::Document)
            && !self.manifest.travellers.is_empty()
        {
            true
        } else {
            self.misplaced(seg, "a traveller (NAD)");
            false
        }
    }

    fn att(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        if f.trimmed(1, 1).as_deref() != Some("2") {
            self.unknown_qualifier(seg, "attribute (2, gender)");
            return;
        }
        let code = f.trimmed(3, 1);
        match code.as_deref().and_then(Gender::from_code) {
            Some(g) => {
                if let Some(t) = self.manifest.travellers.last_mut() {
                    t.gender = Some(g);
                }
            }
            None => {
                self.warn(
                    seg,
                    "paxlst.unknown_gender",
                    "ATT+2: the gender code is not M, F, U or X; the segment is kept as written",
                );
                self.keep(seg);
            }
        }
    }

    fn mea(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        let q = f.trimmed(1, 1);
        match q.as_deref() {
            Some("CT") => {
                let n = values::number(
                    seg,
                    f.trimmed(3, 2).as_deref(),
                    "bag count",
                    &mut self.diags,
                );
                if n.is_none() {
                    self.keep(seg);
                }
                if let Some(t) = self.manifest.travellers.last_mut() {
                    t.bags.get_or_insert_with(Bags::default).count = n;
                }
            }
            Some("WT") => {
                let weight = f.string(3, 2).map(|value| Measure {
                    value,
                    unit: f.string(3, 1),
                });
                if let Some(t) = self.manifest.travellers.last_mut() {
                    t.bags.get_or_insert_with(Bags::default).weight = weight;
                }
            }
            _ => self.unknown_qualifier(seg, "measurement (CT, WT)"),
        }
    }

    fn gei(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        if f.trimmed(1, 1).as_deref() != Some("4") {
            self.unknown_qualifier(seg, "processing indicator (4)");
            return;
        }
        if let (Some(code), Some(t)) = (f.string(2, 1), self.manifest.travellers.last_mut()) {
            t.verification.push(code);
        }
    }

    fn ftx(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        if f.trimmed(1, 1).as_deref() != Some("BAG") {
            self.unknown_qualifier(seg, "free text subject (BAG)");
            return;
        }
        let Some(tag) = f.string(4, 1) else {
            self.keep(seg);
            return;
        };
        let count = values::number(
            seg,
            f.trimmed(4, 2).as_deref(),
            "bag tag count",
            &mut self.diags,
        );
        if let Some(t) = self.manifest.travellers.last_mut() {
            t.bags
                .get_or_insert_with(Bags::default)
                .tags
                .push(BagTag { tag, count });
        }
    }

    fn emp(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        let function = f.string(2, 1).or_else(|| f.string(2, 4));
        if let Some(t) = self.manifest.travellers.last_mut() {
            t.crew_function = function;
        }
    }

    fn nat(&mut self, seg: &Segment<'_>) {
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        if seg.trimmed(1, 1).as_deref() != Some("2") {
            self.unknown_qualifier(seg, "nationality qualifier (2)");
            return;
        }
        let nationality = seg
            .trimmed(2, 1)
            .map(|c| values::country(seg, &c, &mut self.diags));
        if let Some(t) = self.manifest.travellers.last_mut() {
            t.nationality = nationality;
        }
    }

    fn doc(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        if !self.traveller_or_misplaced(seg) {
            return;
        }
        let code = f.trimmed(1, 1).unwrap_or(Cow::Borrowed(""));
        let mut doc = TravelDocument::with_code(&code);
        if !matches!(code.as_ref(), "P" | "I" | "V" | "AC" | "IP" | "F")
            && matches!(doc.kind, crate::model::DocumentKind::Other(_))
        {
            self.diags.push(at_segment(
                seg,
                Severity::Info,
                "paxlst.unknown_document_type",
                format!("DOC type {code:?} is not a known document code; it is kept as written"),
            ));
        }
        doc.number = f.trimmed(2, 1).map(|n| n.split_whitespace().collect());
        if doc.number.is_none() {
            self.warn(
                seg,
                "paxlst.missing_document_number",
                "DOC has no document number (element 2); the document is kept",
            );
        }
        if let Some(t) = self.manifest.travellers.last_mut() {
            t.documents.push(doc);
        }
        self.state = State::Document;
    }

    fn cnt(&mut self, seg: &Segment<'_>) {
        for e in seg.elements() {
            let q = e.trimmed(1);
            let n = values::number(seg, e.trimmed(2).as_deref(), "count", &mut self.diags);
            match q.as_deref() {
                Some("42") => self.manifest.declared_counts.passengers = n,
                Some("41") => self.manifest.declared_counts.crew = n,
                _ => {
                    self.unknown_qualifier(seg, "control total (41 crew, 42 passengers)");
                }
            }
        }
        self.state = State::Trailer;
        self.check_count(seg);
    }

    fn check_count(&mut self, seg: &Segment<'_>) {
        let counts = self.manifest.declared_counts;
        let travellers = &self.manifest.travellers;
        let passengers = travellers.iter().filter(|t| t.role.is_passenger()).count();
        let crew = travellers.iter().filter(|t| t.role.is_crew()).count();
        for (declared, found, what, q) in [
            (counts.passengers, passengers, "passengers", 42),
            (counts.crew, crew, "crew members", 41),
        ] {
            if let Some(declared) = declared {
                if usize::try_from(declared).ok() != Some(found) {
                    self.warn(
                        seg,
                        "paxlst.count_mismatch",
                        format!("CNT+{q} declares {declared} {what} but the message lists {found}"),
                    );
                }
            }
        }
    }

    fn finish(mut self, message: &Message<'_>) -> Manifest {
        if let Some(unh) = message.segments.first() {
            if self.manifest.list_type.is_none() {
                self.warn(
                    unh,
                    "paxlst.missing_bgm",
                    "the message has no BGM segment; its list type is unknown",
                );
            }
            if self.manifest.legs.is_empty() {
                self.warn(
                    unh,
                    "paxlst.no_legs",
                    "the message has no leg (TDT segment group 2)",
                );
            }
        }
        if self.options.strict {
            crate::model::make_strict(&mut self.diags);
        }
        self.manifest.diagnostics = self.diags;
        self.manifest
    }
}
