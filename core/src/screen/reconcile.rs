//! Reconciliation: one [`TravellerView`] per person and flight, across API
//! manifests (PAXLST), bookings (PNRGOV) and document scans (MRZ).
//!
//! The input is first grouped by flight ([`FlightCase`]): a manifest leg
//! defines a flight (carrier, flight number without carrier or leading
//! zeros, local departure date); a booking belongs to every flight of its
//! itinerary that is screened (or, when none is, to the flight its push
//! names). Inside a flight, API travellers and PNR passengers are joined by,
//! in order:
//!
//! 1. record locator (PAXLST `RFF+AVF`) and a similar normalised name;
//! 2. normalised name (same [`name_key`] block, similar by [`compare`]) and
//!    equal birth date;
//! 3. document number (and issuer, when both give one).
//!
//! Two records whose birth dates are both known and differ are joined only
//! by key 1, and only when the booking holds exactly one passenger with the
//! same normalised name (the differing birth date is then a finding, DOC-09a); a
//! parent and a child of one name stay apart. A scan then joins a traveller by document number, else by name
//! and birth date. Every value of a view remembers its [`Source`].
//!
//! Several pushes of one booking (same record locator and owning system)
//! for a flight: the latest ([`supersedes`]) is joined, the others are kept
//! out of the travellers ([`FlightCase::superseded`]).
//!
//! Everything is deterministic: views come in input order (API travellers,
//! then unmatched PNR passengers, then unmatched scans); hash maps are used
//! for lookups only.

use ahash::AHashMap;
use chrono::{NaiveDate, NaiveDateTime};
use std::borrow::Cow;

use crate::model::booking::{Booking, FlightSegment, Passenger, PassengerType, PaymentKind};
use crate::model::{DocumentKind, DocumentScan, Gender, Manifest, TravelDocument, Traveller};
use crate::reference::countries;
use crate::screen::names::{compare, name_key, NormalisedName, DEFAULT_THRESHOLD};

/// Where a value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// An API manifest traveller.
    Api {
        /// Index in [`ScreeningInput::manifests`].
        manifest: usize,
        /// Index in [`Manifest::travellers`].
        traveller: usize,
    },
    /// A PNR passenger.
    Pnr {
        /// Index in [`ScreeningInput::bookings`].
        booking: usize,
        /// Index in [`Booking::travellers`].
        passenger: usize,
    },
    /// A document scan.
    Scan {
        /// Index in [`ScreeningInput::scans`].
        index: usize,
    },
}

impl Source {
    /// `api`, `pnr` or `scan`.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Api { .. } => "api",
            Source::Pnr { .. } => "pnr",
            Source::Scan { .. } => "scan",
        }
    }
}

/// A value with the place it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub source: Source,
}

/// Everything to screen in one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScreeningInput {
    /// API manifests (PAXLST).
    pub manifests: Vec<Manifest>,
    /// Bookings (PNRGOV), one per PNR.
    pub bookings: Vec<Booking>,
    /// Document scans (MRZ).
    pub scans: Vec<DocumentScan>,
}

/// The identity of a flight: carrier, flight number (without carrier
/// prefix or leading zeros, upper case) and local departure date.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FlightKey {
    /// Carrier code, upper case.
    pub carrier: String,
    /// Flight number without carrier or leading zeros (`0123` -> `123`).
    pub number: String,
    /// Local departure date, where known.
    pub date: Option<NaiveDate>,
}

impl FlightKey {
    /// The key of a flight given by carrier, flight number and local
    /// departure; `None` when neither carrier nor a number can be read.
    #[must_use]
    pub fn new(
        carrier: Option<&str>,
        flight_number: Option<&str>,
        departure: Option<NaiveDateTime>,
    ) -> Option<FlightKey> {
        let raw: String = flight_number?
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let mut carrier = carrier
            .map(|c| c.trim().to_ascii_uppercase())
            .filter(|c| !c.is_empty());
        let mut number = raw.as_str();
        if let Some(c) = carrier.as_deref() {
            if let Some(rest) = number.strip_prefix(c) {
                if !rest.is_empty() {
                    number = rest;
                }
            }
        } else if number.len() > 2 && number.is_char_boundary(2) {
            // `ZZ123` with no carrier element: the designator is the first two
            // characters when the rest starts with a digit.
            let (head, rest) = number.split_at(2);
            if rest.starts_with(|c: char| c.is_ascii_digit())
                && head.chars().any(|c| c.is_ascii_alphabetic())
            {
                carrier = Some(head.to_string());
                number = rest;
            }
        }
        let trimmed = number.trim_start_matches('0');
        let number = if trimmed.is_empty() { number } else { trimmed };
        if number.is_empty() {
            return None;
        }
        Some(FlightKey {
            carrier: carrier.unwrap_or_default(),
            number: number.to_string(),
            date: departure.map(|d| d.date()),
        })
    }

    /// The key of a PNR flight segment.
    #[must_use]
    pub fn of_segment(segment: &FlightSegment) -> Option<FlightKey> {
        FlightKey::new(
            segment.carrier.as_deref(),
            segment.flight_number.as_deref(),
            segment.departure,
        )
    }

    /// Whether two keys name the same flight (a missing date matches any
    /// date).
    #[must_use]
    pub fn matches(&self, other: &FlightKey) -> bool {
        self.carrier == other.carrier
            && self.number == other.number
            && match (self.date, other.date) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// One screened flight with the records that belong to it and the
/// reconciled travellers.
#[derive(Debug, Clone, PartialEq)]
pub struct FlightCase<'a> {
    /// The flight; `None` for records that name no flight.
    pub key: Option<FlightKey>,
    /// Departure airport.
    pub origin: Option<&'a str>,
    /// Arrival airport.
    pub destination: Option<&'a str>,
    /// Scheduled local departure.
    pub departure: Option<NaiveDateTime>,
    /// Scheduled local arrival.
    pub arrival: Option<NaiveDateTime>,
    /// Indexes of the manifests for this flight, in input order.
    pub manifests: Vec<usize>,
    /// Indexes of the bookings with this flight, in input order (without
    /// the superseded ones).
    pub bookings: Vec<usize>,
    /// Indexes of bookings with this flight that a later push of the same
    /// booking supersedes (see [`supersedes`]), in input order; kept out of
    /// the travellers.
    pub superseded: Vec<usize>,
    /// The travellers, in input order.
    pub travellers: Vec<TravellerView<'a>>,
}

impl<'a> FlightCase<'a> {
    /// A case with nothing in it yet.
    #[must_use]
    pub fn new(key: Option<FlightKey>) -> Self {
        FlightCase {
            key,
            origin: None,
            destination: None,
            departure: None,
            arrival: None,
            manifests: Vec::new(),
            bookings: Vec::new(),
            superseded: Vec::new(),
            travellers: Vec::new(),
        }
    }

    /// The flight a manifest reports (its first leg; the last leg of the
    /// same flight gives the arrival), without travellers. Cheap: for the
    /// one-traveller check-in path.
    #[must_use]
    pub fn of_manifest(manifest: &'a Manifest) -> Self {
        let mut case = FlightCase::new(manifest_key(manifest));
        if let Some(first) = manifest.legs.first() {
            case.origin = first.departure.airport.as_deref();
            case.departure = first.departure.scheduled;
            let same = |l: &&crate::model::Leg| {
                l.flight_number == first.flight_number && l.carrier == first.carrier
            };
            let last = manifest.legs.iter().rev().find(same).unwrap_or(first);
            case.destination = last.arrival.airport.as_deref();
            case.arrival = last.arrival.scheduled;
        }
        case
    }

    /// The flight a booking segment describes, without travellers.
    #[must_use]
    pub fn of_segment(segment: &'a FlightSegment) -> Self {
        let mut case = FlightCase::new(FlightKey::of_segment(segment));
        case.fill_from_segment(segment);
        case
    }

    fn fill_from_segment(&mut self, segment: &'a FlightSegment) {
        self.origin = self.origin.or(segment.origin.as_deref());
        self.destination = self.destination.or(segment.destination.as_deref());
        self.departure = self.departure.or(segment.departure);
        self.arrival = self.arrival.or(segment.arrival);
    }

    /// The index of this flight in a booking's itinerary, if it is there.
    #[must_use]
    pub fn segment_in(&self, booking: &Booking) -> Option<usize> {
        let key = self.key.as_ref()?;
        booking
            .itinerary
            .iter()
            .position(|s| FlightKey::of_segment(s).is_some_and(|k| k.matches(key)))
    }
}

fn manifest_key(manifest: &Manifest) -> Option<FlightKey> {
    let leg = manifest.legs.first()?;
    FlightKey::new(
        leg.carrier.as_deref(),
        leg.flight_number.as_deref(),
        leg.departure.scheduled,
    )
}

/// An API traveller joined to a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ApiRecord<'a> {
    /// Index in [`ScreeningInput::manifests`].
    pub manifest: usize,
    /// Index in [`Manifest::travellers`].
    pub traveller: usize,
    /// The traveller.
    pub record: &'a Traveller,
}

/// A PNR passenger joined to a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PnrRecord<'a> {
    /// Index in [`ScreeningInput::bookings`].
    pub booking_index: usize,
    /// Index in [`Booking::travellers`].
    pub passenger: usize,
    /// The booking.
    pub booking: &'a Booking,
    /// The passenger.
    pub record: &'a Passenger,
}

impl<'a> PnrRecord<'a> {
    /// The passenger's first SSR DOCS document, if any.
    #[must_use]
    pub fn docs(&self) -> Option<&'a crate::model::booking::PnrDocument> {
        self.record.documents.iter().find(|d| d.source == "DOCS")
    }
}

/// A scan joined to a view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScanRecord<'a> {
    /// Index in [`ScreeningInput::scans`].
    pub index: usize,
    /// The scan.
    pub scan: &'a DocumentScan,
}

/// A travel document as one source gives it, borrowed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocumentView<'a> {
    /// Kind.
    pub kind: &'a DocumentKind,
    /// Type code as written.
    pub code: &'a str,
    /// Number as written.
    pub number: Option<&'a str>,
    /// Issuing state (as the source gives it).
    pub issuing_state: Option<&'a str>,
    /// Expiry date.
    pub expires_on: Option<NaiveDate>,
    /// Issue date.
    pub issued_on: Option<NaiveDate>,
    /// Where it came from.
    pub source: Source,
}

impl<'a> DocumentView<'a> {
    fn of(doc: &'a TravelDocument, source: Source) -> Self {
        DocumentView {
            kind: &doc.kind,
            code: &doc.code,
            number: doc.number.as_deref().filter(|n| !n.is_empty()),
            issuing_state: doc.issuing_state.as_deref().filter(|s| !s.is_empty()),
            expires_on: doc.expires_on,
            issued_on: doc.issued_on,
            source,
        }
    }

    fn of_scan(scan: &'a DocumentScan, index: usize) -> Self {
        DocumentView {
            kind: &scan.document_kind,
            code: &scan.document_code,
            number: scan.document_number.as_deref().filter(|n| !n.is_empty()),
            issuing_state: scan.issuing_state.as_deref().filter(|s| !s.is_empty()),
            expires_on: scan.expiry_date,
            issued_on: None,
            source: Source::Scan { index },
        }
    }

    /// The issuing state as an ICAO three-letter code when it can be
    /// normalised (`D` -> `DEU`), otherwise as written.
    #[must_use]
    pub fn issuer_code(&self) -> Option<&'a str> {
        self.issuing_state.map(normalise_issuer)
    }

    /// True for documents that identify the holder for travel (not visas).
    #[must_use]
    pub fn is_identity_document(&self) -> bool {
        !matches!(self.kind, DocumentKind::Visa)
    }
}

/// An issuing state as an ICAO three-letter code when it can be normalised.
#[must_use]
pub fn normalise_issuer(code: &str) -> &str {
    countries::to_alpha3(code).unwrap_or(code)
}

/// One person on one flight, as every source that names them says.
#[derive(Debug, Clone, PartialEq)]
pub struct TravellerView<'a> {
    /// The API record, if a manifest lists the traveller.
    pub api: Option<ApiRecord<'a>>,
    /// The PNR record, if a booking names the traveller.
    pub pnr: Option<PnrRecord<'a>>,
    /// The scan, if one was joined.
    pub scan: Option<ScanRecord<'a>>,
    /// Surname (API, else scan, else PNR DOCS, else PNR name).
    pub surname: Option<Sourced<&'a str>>,
    /// Given names, from the same source as the surname where it has them.
    pub given_names: Option<Sourced<&'a str>>,
    /// Birth date (API, else scan, else PNR).
    pub birth_date: Option<Sourced<NaiveDate>>,
    /// Sex marker (API, else scan, else PNR).
    pub sex: Option<Sourced<Gender>>,
    /// Nationality (API, else scan, else PNR).
    pub nationality: Option<Sourced<&'a str>>,
    /// Normalised name of the API record.
    pub api_name: Option<NormalisedName>,
    /// Normalised name of the PNR record (SSR DOCS name, else the PNR name).
    pub pnr_name: Option<NormalisedName>,
    /// Normalised name of the scan.
    pub scan_name: Option<NormalisedName>,
}

impl<'a> TravellerView<'a> {
    fn empty() -> Self {
        TravellerView {
            api: None,
            pnr: None,
            scan: None,
            surname: None,
            given_names: None,
            birth_date: None,
            sex: None,
            nationality: None,
            api_name: None,
            pnr_name: None,
            scan_name: None,
        }
    }

    /// A view of one API traveller, with the booking passenger and the scan
    /// when given. The check-in path: builds no index and compares no other
    /// traveller. `booking` is `(index, booking)`; the passenger is found in
    /// it by the reconciliation key order (locator and name, name and birth
    /// date, document number); `scan` is `(index, scan)` and is joined as
    /// given.
    #[must_use]
    pub fn single(
        manifest_index: usize,
        traveller_index: usize,
        traveller: &'a Traveller,
        booking: Option<(usize, &'a Booking)>,
        scan: Option<(usize, &'a DocumentScan)>,
    ) -> Self {
        let mut view = TravellerView::empty();
        view.set_api(manifest_index, traveller_index, traveller);
        if let Some((bi, booking)) = booking {
            if let Some(pi) = find_passenger(traveller, view.api_name.as_ref(), booking) {
                view.set_pnr(bi, booking, pi);
            }
        }
        if let Some((si, scan)) = scan {
            view.set_scan(si, scan);
        }
        view.finish();
        view
    }

    /// A view of one booking passenger alone.
    #[must_use]
    pub fn of_passenger(booking_index: usize, booking: &'a Booking, passenger: usize) -> Self {
        let mut view = TravellerView::empty();
        view.set_pnr(booking_index, booking, passenger);
        view.finish();
        view
    }

    /// A view of one scan alone.
    #[must_use]
    pub fn of_scan(index: usize, scan: &'a DocumentScan) -> Self {
        let mut view = TravellerView::empty();
        view.set_scan(index, scan);
        view.finish();
        view
    }

    fn set_api(&mut self, manifest: usize, traveller: usize, record: &'a Traveller) {
        self.set_api_named(manifest, traveller, record, api_name(record));
    }

    /// [`TravellerView::set_api`] with the record's name already normalised.
    fn set_api_named(
        &mut self,
        manifest: usize,
        traveller: usize,
        record: &'a Traveller,
        name: NormalisedName,
    ) {
        self.api = Some(ApiRecord {
            manifest,
            traveller,
            record,
        });
        self.api_name = Some(name);
    }

    fn set_pnr(&mut self, booking_index: usize, booking: &'a Booking, passenger: usize) {
        let Some(record) = booking.travellers.get(passenger) else {
            return;
        };
        let pnr = PnrRecord {
            booking_index,
            passenger,
            booking,
            record,
        };
        self.pnr_name = Some(pnr_name(&pnr));
        self.pnr = Some(pnr);
    }

    fn set_scan(&mut self, index: usize, scan: &'a DocumentScan) {
        self.scan = Some(ScanRecord { index, scan });
        self.scan_name = Some(NormalisedName::new(&scan.surname, &scan.given_names));
    }

    /// Fills the sourced identity values from the joined records (API, else
    /// scan, else PNR): each value comes from the first source that has it.
    fn finish(&mut self) {
        self.surname = None;
        self.given_names = None;
        self.birth_date = None;
        self.sex = None;
        self.nationality = None;
        let non_blank = |s: &&str| !s.trim().is_empty();
        if let Some(api) = self.api {
            let src = Source::Api {
                manifest: api.manifest,
                traveller: api.traveller,
            };
            let t = api.record;
            self.take_name(
                t.surname.as_deref().filter(non_blank),
                t.given_names.as_deref(),
                src,
            );
            fill(&mut self.birth_date, t.birth_date, src);
            fill(&mut self.sex, t.gender, src);
            fill(
                &mut self.nationality,
                t.nationality.as_deref().filter(non_blank),
                src,
            );
        }
        if let Some(scan) = self.scan {
            let src = Source::Scan { index: scan.index };
            let s = scan.scan;
            let surname = Some(s.surname.as_str()).filter(non_blank);
            self.take_name(surname, Some(s.given_names.as_str()), src);
            fill(&mut self.birth_date, s.birth_date, src);
            fill(&mut self.sex, s.sex, src);
            fill(
                &mut self.nationality,
                s.nationality.as_deref().filter(non_blank),
                src,
            );
        }
        if let Some(pnr) = self.pnr {
            let src = Source::Pnr {
                booking: pnr.booking_index,
                passenger: pnr.passenger,
            };
            let p = pnr.record;
            let docs = pnr.docs();
            // The DOCS name is the document's; the TIF name the booking's.
            let (surname, given) = match docs.and_then(|d| d.surname.as_deref()).filter(non_blank) {
                Some(s) => (Some(s), docs.and_then(|d| d.given_names.as_deref())),
                None => (p.surname.as_deref(), p.given_names.as_deref()),
            };
            self.take_name(surname.filter(non_blank), given, src);
            let birth = p.birth_date.or_else(|| docs.and_then(|d| d.birth_date));
            fill(&mut self.birth_date, birth, src);
            fill(&mut self.sex, p.gender, src);
            fill(
                &mut self.nationality,
                p.nationality.as_deref().filter(non_blank),
                src,
            );
        }
    }

    /// Takes surname and given names together from one source, when no
    /// earlier source gave a surname.
    fn take_name(&mut self, surname: Option<&'a str>, given: Option<&'a str>, source: Source) {
        if self.surname.is_some() {
            return;
        }
        if let Some(value) = surname {
            self.surname = Some(Sourced { value, source });
            self.given_names = given.map(|value| Sourced { value, source });
        }
    }

    /// The sources that name the traveller, in the order api, pnr, scan.
    pub fn sources(&self) -> impl Iterator<Item = Source> + '_ {
        let api = self.api.map(|a| Source::Api {
            manifest: a.manifest,
            traveller: a.traveller,
        });
        let pnr = self.pnr.map(|p| Source::Pnr {
            booking: p.booking_index,
            passenger: p.passenger,
        });
        let scan = self.scan.map(|s| Source::Scan { index: s.index });
        api.into_iter().chain(pnr).chain(scan)
    }

    /// Every travel document from every source: API documents, PNR SSR
    /// DOCS/DOCO documents, the scanned document; in that order.
    pub fn documents(&self) -> impl Iterator<Item = DocumentView<'a>> + 'a {
        let api = self.api.into_iter().flat_map(|a| {
            let src = Source::Api {
                manifest: a.manifest,
                traveller: a.traveller,
            };
            a.record
                .documents
                .iter()
                .map(move |d| DocumentView::of(d, src))
        });
        let pnr = self.pnr.into_iter().flat_map(|p| {
            let src = Source::Pnr {
                booking: p.booking_index,
                passenger: p.passenger,
            };
            p.record
                .documents
                .iter()
                .map(move |d| DocumentView::of(&d.document, src))
        });
        let scan = self
            .scan
            .into_iter()
            .map(|s| DocumentView::of_scan(s.scan, s.index));
        api.chain(pnr).chain(scan)
    }

    /// The identity document of the API record (first that is not a visa).
    #[must_use]
    pub fn api_document(&self) -> Option<DocumentView<'a>> {
        let a = self.api?;
        let src = Source::Api {
            manifest: a.manifest,
            traveller: a.traveller,
        };
        a.record
            .documents
            .iter()
            .map(|d| DocumentView::of(d, src))
            .find(DocumentView::is_identity_document)
    }

    /// The SSR DOCS document of the PNR record.
    #[must_use]
    pub fn pnr_document(&self) -> Option<DocumentView<'a>> {
        let p = self.pnr?;
        let src = Source::Pnr {
            booking: p.booking_index,
            passenger: p.passenger,
        };
        p.docs().map(|d| DocumentView::of(&d.document, src))
    }

    /// The scanned document.
    #[must_use]
    pub fn scan_document(&self) -> Option<DocumentView<'a>> {
        self.scan.map(|s| DocumentView::of_scan(s.scan, s.index))
    }

    /// The primary document: the API identity document, else the PNR DOCS
    /// document, else the scanned one.
    #[must_use]
    pub fn primary_document(&self) -> Option<DocumentView<'a>> {
        self.api_document()
            .or_else(|| self.pnr_document())
            .or_else(|| self.scan_document())
    }

    /// The best normalised name: API, else scan, else PNR.
    #[must_use]
    pub fn name(&self) -> Option<&NormalisedName> {
        self.api_name
            .as_ref()
            .or(self.scan_name.as_ref())
            .or(self.pnr_name.as_ref())
    }
}

fn pnr_name(pnr: &PnrRecord<'_>) -> NormalisedName {
    if let Some(d) = pnr.docs() {
        if let Some(s) = d.surname.as_deref().filter(|s| !s.trim().is_empty()) {
            return NormalisedName::new(s, d.given_names.as_deref().unwrap_or(""));
        }
    }
    NormalisedName::new(
        pnr.record.surname.as_deref().unwrap_or(""),
        pnr.record.given_names.as_deref().unwrap_or(""),
    )
}

fn passenger_birth(p: &Passenger) -> Option<NaiveDate> {
    p.birth_date.or_else(|| {
        p.documents
            .iter()
            .find(|d| d.source == "DOCS")
            .and_then(|d| d.birth_date)
    })
}

fn births_conflict(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if x != y)
}

fn names_similar(a: &NormalisedName, b: &NormalisedName) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let score = compare(a, b).score;
    (score >= DEFAULT_THRESHOLD).then_some(score)
}

/// Whether two names are the same once normalised (token order, titles,
/// transliteration aside): the bar for joining across a birth-date conflict.
fn names_same(a: &NormalisedName, b: &NormalisedName) -> bool {
    names_similar(a, b).is_some_and(|score| score >= SAME_NAME)
}

/// The [`compare`] score from which two names count as the same.
const SAME_NAME: f64 = 0.99;

fn same_number(a: &DocumentView<'_>, b: &DocumentView<'_>) -> bool {
    match (a.number, b.number) {
        (Some(x), Some(y)) => {
            x.eq_ignore_ascii_case(y)
                && match (a.issuer_code(), b.issuer_code()) {
                    (Some(i), Some(j)) => i == j,
                    _ => true,
                }
        }
        _ => false,
    }
}

fn locator_matches(booking: &Booking, locator: &str) -> bool {
    let locator = locator.trim();
    !locator.is_empty()
        && (booking
            .record_locator
            .as_deref()
            .is_some_and(|l| l.trim().eq_ignore_ascii_case(locator))
            || booking.other_locators.iter().any(|o| {
                o.locator
                    .as_deref()
                    .is_some_and(|l| l.trim().eq_ignore_ascii_case(locator))
            }))
}

/// The passenger of `booking` that is `traveller`, by the reconciliation key
/// order; for the check-in path (one booking, no index).
fn find_passenger(
    traveller: &Traveller,
    name: Option<&NormalisedName>,
    booking: &Booking,
) -> Option<usize> {
    let name = name?;
    let mut best: Option<(usize, f64)> = None;
    let locator_ok = traveller
        .reservation_ref
        .as_deref()
        .is_some_and(|l| locator_matches(booking, l));
    let api_docs: Vec<DocumentView<'_>> = traveller
        .documents
        .iter()
        .map(|d| {
            DocumentView::of(
                d,
                Source::Api {
                    manifest: 0,
                    traveller: 0,
                },
            )
        })
        .collect();
    // Key 1 and key 2 both come down to "similar name" here (one booking);
    // key 2 additionally needs equal birth dates when there is no locator.
    // With the locator, a birth-date conflict does not part the one
    // passenger of the booking with the same name (see `reconcile`).
    let similar_names = booking
        .travellers
        .iter()
        .enumerate()
        .filter(|&(pi, p)| {
            let pnr = PnrRecord {
                booking_index: 0,
                passenger: pi,
                booking,
                record: p,
            };
            names_same(name, &pnr_name(&pnr))
        })
        .count();
    for (pi, p) in booking.travellers.iter().enumerate() {
        let birth = passenger_birth(p);
        if births_conflict(traveller.birth_date, birth) && !(locator_ok && similar_names == 1) {
            continue;
        }
        let pnr = PnrRecord {
            booking_index: 0,
            passenger: pi,
            booking,
            record: p,
        };
        let pname = pnr_name(&pnr);
        let by_name = names_similar(name, &pname).filter(|_| {
            locator_ok || (traveller.birth_date.is_some() && traveller.birth_date == birth)
        });
        let score = by_name.or_else(|| {
            let docs = p.documents.iter().map(|d| {
                DocumentView::of(
                    &d.document,
                    Source::Pnr {
                        booking: 0,
                        passenger: pi,
                    },
                )
            });
            let mut docs = docs;
            docs.any(|d| api_docs.iter().any(|a| same_number(a, &d)))
                .then_some(0.0)
        });
        if let Some(score) = score {
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((pi, score));
            }
        }
    }
    best.map(|(pi, _)| pi)
}

/// Input-wide lookups, built once per [`ScreeningInput`]: which identities
/// present each document number, and per booking its party structure and
/// how many other bookings share its cards and contacts.
#[derive(Debug, Clone, Default)]
pub struct InputIndex {
    documents: DocumentIdentities,
    bookings: Vec<BookingSummary>,
}

/// The identities presenting each document: by document number (upper
/// case, as written), then by normalised issuer (`""` when none).
#[derive(Debug, Clone, Default)]
struct DocumentIdentities(AHashMap<String, ByIssuer>);

/// The identities presenting one document number, by normalised issuer.
type ByIssuer = Vec<(Cow<'static, str>, Vec<Identity>)>;

impl DocumentIdentities {
    /// Records that `name` born on `birth` presents the document, once.
    fn add(
        &mut self,
        number: &str,
        issuer: Option<&str>,
        name: &NormalisedName,
        birth: Option<NaiveDate>,
    ) {
        let number = upper_number(number);
        // `normalise_issuer`, kept without a copy for a known country.
        let issuer: Cow<'static, str> = match issuer {
            None => Cow::Borrowed(""),
            Some(code) => countries::to_alpha3(code)
                .map_or_else(|| Cow::Owned(code.to_string()), Cow::Borrowed),
        };
        if !self.0.contains_key(number.as_ref()) {
            self.0.insert(number.clone().into_owned(), Vec::new());
        }
        let Some(by_issuer) = self.0.get_mut(number.as_ref()) else {
            return;
        };
        let at = match by_issuer.iter().position(|(i, _)| *i == issuer) {
            Some(at) => at,
            None => {
                by_issuer.push((issuer, Vec::new()));
                by_issuer.len() - 1
            }
        };
        if let Some((_, list)) = by_issuer.get_mut(at) {
            if !list
                .iter()
                .any(|i| i.birth_date == birth && i.name == *name)
            {
                list.push(Identity {
                    name: name.clone(),
                    birth_date: birth,
                });
            }
        }
    }

    fn get(&self, number: &str, issuer: Option<&str>) -> &[Identity] {
        let Some(by_issuer) = self.0.get(upper_number(number).as_ref()) else {
            return &[];
        };
        // Stored issuers are normalised, and normalising one gives it back:
        // an issuer written as stored needs no normalising.
        let written = issuer.unwrap_or("");
        let found = match by_issuer.iter().find(|(i, _)| *i == written) {
            Some(entry) => Some(entry),
            None => {
                let issuer = issuer.map_or("", normalise_issuer);
                by_issuer.iter().find(|(i, _)| *i == issuer)
            }
        };
        found.map_or(&[], |(_, list)| list.as_slice())
    }
}

/// The normalised name of every API traveller, by manifest then traveller:
/// computed once and shared by [`InputIndex::build_with`] (which copies
/// them) and [`reconcile_with`] (which takes them).
pub(crate) type ApiNames = Vec<Vec<Option<NormalisedName>>>;

/// Normalises the name of every API traveller of the input.
pub(crate) fn api_names(input: &ScreeningInput) -> ApiNames {
    input
        .manifests
        .iter()
        .map(|m| m.travellers.iter().map(|t| Some(api_name(t))).collect())
        .collect()
}

fn api_name(t: &Traveller) -> NormalisedName {
    NormalisedName::new(
        t.surname.as_deref().unwrap_or(""),
        t.given_names.as_deref().unwrap_or(""),
    )
}

/// The number and issuer of a document the index records (a number, not a
/// visa).
fn indexed(doc: &TravelDocument) -> Option<(&str, Option<&str>)> {
    let number = doc.number.as_deref().filter(|n| !n.is_empty())?;
    if matches!(doc.kind, DocumentKind::Visa) {
        return None;
    }
    Some((number, doc.issuing_state.as_deref()))
}

/// A document number in upper case, copied only when it has lower case.
fn upper_number(number: &str) -> Cow<'_, str> {
    if number.bytes().any(|b| b.is_ascii_lowercase()) {
        Cow::Owned(number.to_ascii_uppercase())
    } else {
        Cow::Borrowed(number)
    }
}

/// One identity presenting a document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Identity {
    /// Normalised name.
    pub name: NormalisedName,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
}

/// Party structure and linkage counts of one booking.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BookingSummary {
    /// Adults (age 18 or more at the first departure, else passenger type
    /// adult, else not infant/child with no age: adult).
    pub adults: u32,
    /// Minors (age under 18, else passenger type child or infant).
    pub minors: u32,
    /// Two or more adults, no two sharing a surname token, no infant links.
    pub unrelated_adults: bool,
    /// Other bookings in the input sharing a card hash with this one.
    pub card_shared_bookings: u32,
    /// Other bookings in the input sharing a phone or e-mail hash.
    pub contact_shared_bookings: u32,
    /// Per passenger (same order as [`Booking::travellers`]).
    pub passengers: Vec<PassengerSummary>,
}

/// What the booking says about one passenger's companions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PassengerSummary {
    /// Age 18 or more (or adult passenger type).
    pub adult: bool,
    /// Under 18 (or child or infant passenger type).
    pub minor: bool,
    /// Another adult of the booking shares a surname token, or an infant
    /// link joins them.
    pub family_adult: bool,
    /// Bags pooled with a traveller of the booking who shares no surname
    /// token; `None` when the booking has no bag record for the passenger.
    pub pooled_with_unrelated: Option<bool>,
}

impl BookingSummary {
    /// Computes the party structure of one booking (linkage counts zero).
    /// O(k²) in the passengers of the booking; done once per booking.
    #[must_use]
    pub fn of(booking: &Booking) -> Self {
        let reference_date = booking
            .itinerary
            .iter()
            .find_map(|s| s.departure)
            .or_else(|| booking.flight.as_ref().and_then(|f| f.departure))
            .map(|d| d.date());
        let n = booking.travellers.len();
        let mut surnames: Vec<Vec<String>> = Vec::with_capacity(n);
        let mut passengers = Vec::with_capacity(n);
        for p in &booking.travellers {
            let name = NormalisedName::new(p.surname.as_deref().unwrap_or(""), "");
            surnames.push(name.surname_tokens);
            let age = match (passenger_birth(p), reference_date) {
                (Some(b), Some(r)) => years_between(b, r),
                _ => None,
            };
            let minor = match age {
                Some(a) => a < 18,
                None => matches!(
                    p.passenger_type,
                    Some(PassengerType::Child | PassengerType::Infant)
                ),
            };
            passengers.push(PassengerSummary {
                adult: !minor,
                minor,
                family_adult: false,
                pooled_with_unrelated: None,
            });
        }
        let infant_linked = |i: usize, j: usize| {
            let (a, b) = (&booking.travellers[i], &booking.travellers[j]);
            let refs = |p: &Passenger| p.reference.clone();
            (a.infant.is_some() && a.infant == refs(b))
                || (b.infant.is_some() && b.infant == refs(a))
                || (a.infant_of.is_some() && a.infant_of == refs(b))
                || (b.infant_of.is_some() && b.infant_of == refs(a))
        };
        let shares = |i: usize, j: usize| {
            surnames[i]
                .iter()
                .any(|t| surnames[j].iter().any(|u| u == t))
        };
        let any_infant_link = booking
            .travellers
            .iter()
            .any(|p| p.infant.is_some() || p.infant_of.is_some());
        let mut adults_related = false;
        for i in 0..n {
            for j in 0..n {
                if i == j {
                    continue;
                }
                let related = shares(i, j) || infant_linked(i, j);
                if related && passengers[j].adult {
                    passengers[i].family_adult = true;
                    if passengers[i].adult {
                        adults_related = true;
                    }
                }
            }
        }
        // Bag pooling from check-in records.
        for ci in &booking.check_in {
            for t in &ci.travellers {
                let Some(i) = t.traveller.filter(|&i| i < n) else {
                    continue;
                };
                for bags in &t.bags {
                    let mut unrelated = false;
                    if bags.pooled {
                        if let Some(head) = bags.head_of_pool.as_deref() {
                            if let Some(j) = booking
                                .travellers
                                .iter()
                                .position(|p| p.reference.as_deref() == Some(head))
                            {
                                unrelated = j != i && !shares(i, j) && !infant_linked(i, j);
                            }
                        }
                    }
                    let prev = passengers[i].pooled_with_unrelated.unwrap_or(false);
                    passengers[i].pooled_with_unrelated = Some(prev || unrelated);
                }
            }
        }
        let adults = passengers.iter().filter(|p| p.adult).count();
        let minors = passengers.iter().filter(|p| p.minor).count();
        BookingSummary {
            adults: u32::try_from(adults).unwrap_or(u32::MAX),
            minors: u32::try_from(minors).unwrap_or(u32::MAX),
            unrelated_adults: adults >= 2 && !adults_related && !any_infant_link,
            card_shared_bookings: 0,
            contact_shared_bookings: 0,
            passengers,
        }
    }
}

/// Whole years from `from` to `to` (negative when `to` is earlier); `None`
/// only on calendar overflow.
#[must_use]
pub fn years_between(from: NaiveDate, to: NaiveDate) -> Option<i32> {
    use chrono::Datelike;
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    Some(years)
}

impl InputIndex {
    /// An index with nothing in it (for the one-traveller check-in path:
    /// lookups then answer "no other record").
    #[must_use]
    pub fn empty() -> Self {
        InputIndex::default()
    }

    /// Builds the index of a whole input. Linear in the input, plus the
    /// party structure of each booking (quadratic in the passengers of
    /// one booking only).
    #[must_use]
    pub fn build(input: &ScreeningInput) -> Self {
        InputIndex::build_with(input, &api_names(input))
    }

    /// [`InputIndex::build`] with the API travellers' names already
    /// normalised.
    pub(crate) fn build_with(input: &ScreeningInput, names: &ApiNames) -> Self {
        let mut documents = DocumentIdentities::default();
        for (mi, m) in input.manifests.iter().enumerate() {
            for (ti, t) in m.travellers.iter().enumerate() {
                // The name only for a traveller with a document to index.
                let mut computed: Option<NormalisedName> = None;
                for (number, issuer) in t.documents.iter().filter_map(indexed) {
                    let given = names
                        .get(mi)
                        .and_then(|n| n.get(ti))
                        .and_then(Option::as_ref);
                    let name = match given {
                        Some(name) => name,
                        None => computed.get_or_insert_with(|| api_name(t)),
                    };
                    documents.add(number, issuer, name, t.birth_date);
                }
            }
        }
        for (bi, b) in input.bookings.iter().enumerate() {
            for (pi, p) in b.travellers.iter().enumerate() {
                let rec = PnrRecord {
                    booking_index: bi,
                    passenger: pi,
                    booking: b,
                    record: p,
                };
                let mut name: Option<NormalisedName> = None;
                let birth = passenger_birth(p);
                for (number, issuer) in p.documents.iter().filter_map(|d| indexed(&d.document)) {
                    let name = name.get_or_insert_with(|| pnr_name(&rec));
                    documents.add(number, issuer, name, birth);
                }
            }
        }
        // Scans: their number and issuer live in the scan itself.
        for s in &input.scans {
            if let Some(number) = s.document_number.as_deref().filter(|n| !n.is_empty()) {
                let name = NormalisedName::new(&s.surname, &s.given_names);
                documents.add(number, s.issuing_state.as_deref(), &name, s.birth_date);
            }
        }

        let mut bookings: Vec<BookingSummary> =
            input.bookings.iter().map(BookingSummary::of).collect();
        // Pushes of the same booking count once.
        let mut first: AHashMap<(String, String), usize> = AHashMap::new();
        let same: Vec<usize> = input
            .bookings
            .iter()
            .enumerate()
            .map(|(i, b)| booking_identity(b).map_or(i, |id| *first.entry(id).or_insert(i)))
            .collect();
        let cards = shared_counts(
            &same,
            input.bookings.iter().map(|b| {
                b.payments
                    .iter()
                    .filter_map(|p| p.card.as_ref().map(|c| c.link.0.as_str()))
                    .collect::<Vec<_>>()
            }),
        );
        let contacts = shared_counts(
            &same,
            input.bookings.iter().map(|b| {
                b.contacts
                    .iter()
                    .filter(|c| {
                        matches!(
                            c.kind,
                            crate::model::booking::ContactKind::Phone
                                | crate::model::booking::ContactKind::Email
                        )
                    })
                    .filter_map(|c| c.link.as_ref().map(|l| l.0.as_str()))
                    .collect::<Vec<_>>()
            }),
        );
        for (i, s) in bookings.iter_mut().enumerate() {
            s.card_shared_bookings = cards.get(i).copied().unwrap_or(0);
            s.contact_shared_bookings = contacts.get(i).copied().unwrap_or(0);
        }
        InputIndex {
            documents,
            bookings,
        }
    }

    /// The party structure and linkage counts of booking `index`.
    #[must_use]
    pub fn booking(&self, index: usize) -> Option<&BookingSummary> {
        self.bookings.get(index)
    }

    /// The identities that present a document (number compared without
    /// case, issuer normalised; a document without issuer is looked up
    /// without issuer).
    #[must_use]
    pub fn identities(&self, number: &str, issuer: Option<&str>) -> &[Identity] {
        self.documents.get(number, issuer)
    }
}

/// For each set of hashes (one per booking), the number of other bookings
/// sharing at least one hash with it. `same[i]` names booking `i`'s first
/// push (pushes of one booking count as one booking).
fn shared_counts<'h>(same: &[usize], sets: impl Iterator<Item = Vec<&'h str>>) -> Vec<u32> {
    let sets: Vec<Vec<&str>> = sets
        .map(|mut v| {
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut by_hash: AHashMap<&str, Vec<usize>> = AHashMap::new();
    for (i, set) in sets.iter().enumerate() {
        let id = same.get(i).copied().unwrap_or(i);
        for h in set {
            let list = by_hash.entry(h).or_default();
            if !list.contains(&id) {
                list.push(id);
            }
        }
    }
    sets.iter()
        .enumerate()
        .map(|(i, set)| {
            let id = same.get(i).copied().unwrap_or(i);
            match set.as_slice() {
                [] => 0,
                [one] => by_hash
                    .get(one)
                    .map_or(0, |v| v.iter().filter(|&&o| o != id).count()),
                many => {
                    let mut others: Vec<usize> = many
                        .iter()
                        .filter_map(|h| by_hash.get(h))
                        .flatten()
                        .copied()
                        .filter(|&o| o != id)
                        .collect();
                    others.sort_unstable();
                    others.dedup();
                    others.len()
                }
            }
        })
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .collect()
}

/// Groups the input by flight and reconciles the travellers of each flight.
/// Cases come in the order their flights first appear (manifests first,
/// then bookings); a final case without key holds records that name no
/// flight (and scans that joined nobody).
#[must_use]
pub fn reconcile(input: &ScreeningInput) -> Vec<FlightCase<'_>> {
    reconcile_with(input, api_names(input))
}

/// [`reconcile`] with the API travellers' names already normalised (the
/// views take them).
pub(crate) fn reconcile_with(input: &ScreeningInput, mut names: ApiNames) -> Vec<FlightCase<'_>> {
    let mut cases: Vec<FlightCase<'_>> = Vec::new();
    let mut by_flight: AHashMap<(String, String), Vec<usize>> = AHashMap::new();
    let mut unkeyed: Option<usize> = None;

    let find = |cases: &[FlightCase<'_>],
                by_flight: &AHashMap<(String, String), Vec<usize>>,
                key: &FlightKey|
     -> Option<usize> {
        by_flight
            .get(&(key.carrier.clone(), key.number.clone()))?
            .iter()
            .copied()
            .find(|&c| cases[c].key.as_ref().is_some_and(|k| k.matches(key)))
    };

    for (mi, m) in input.manifests.iter().enumerate() {
        let case_index = match manifest_key(m) {
            Some(key) => match find(&cases, &by_flight, &key) {
                Some(c) => c,
                None => {
                    by_flight
                        .entry((key.carrier.clone(), key.number.clone()))
                        .or_default()
                        .push(cases.len());
                    cases.push(FlightCase::of_manifest(m));
                    cases.len() - 1
                }
            },
            None => *unkeyed.get_or_insert_with(|| {
                cases.push(FlightCase::new(None));
                cases.len() - 1
            }),
        };
        let case = &mut cases[case_index];
        if case.origin.is_none() && case.departure.is_none() {
            let fresh = FlightCase::of_manifest(m);
            case.origin = fresh.origin;
            case.destination = fresh.destination;
            case.departure = fresh.departure;
            case.arrival = fresh.arrival;
        }
        case.manifests.push(mi);
    }

    for (bi, b) in input.bookings.iter().enumerate() {
        let mut attached = false;
        for seg in b.itinerary.iter().chain(b.flight.as_ref()) {
            if let Some(key) = FlightKey::of_segment(seg) {
                if let Some(c) = find(&cases, &by_flight, &key) {
                    if !cases[c].bookings.contains(&bi) {
                        cases[c].bookings.push(bi);
                        cases[c].fill_from_segment(seg);
                    }
                    attached = true;
                }
            }
        }
        if attached {
            continue;
        }
        // No screened flight: the flight the push names, else the first
        // segment of the itinerary.
        let segment = b.flight.as_ref().or(b.itinerary.first());
        let key = segment.and_then(FlightKey::of_segment);
        let c = match (key, segment) {
            (Some(key), Some(seg)) => {
                by_flight
                    .entry((key.carrier.clone(), key.number.clone()))
                    .or_default()
                    .push(cases.len());
                let mut case = FlightCase::new(Some(key));
                case.fill_from_segment(seg);
                // The itinerary segment of the same flight has the times.
                if let Some(i) = case.segment_in(b) {
                    if let Some(s) = b.itinerary.get(i) {
                        case.fill_from_segment(s);
                    }
                }
                cases.push(case);
                cases.len() - 1
            }
            _ => *unkeyed.get_or_insert_with(|| {
                cases.push(FlightCase::new(None));
                cases.len() - 1
            }),
        };
        cases[c].bookings.push(bi);
    }

    for case in &mut cases {
        drop_superseded(input, case);
        reconcile_case(input, case, &mut names);
    }
    join_scans(input, &mut cases, &mut unkeyed);
    for case in &mut cases {
        for view in &mut case.travellers {
            view.finish();
        }
    }
    cases
}

/// The identity of a booking across pushes: owning system (RCI) and record
/// locator, upper case. `None` for a booking without a record locator,
/// which is never taken for another push of the same booking.
#[must_use]
pub fn booking_identity(booking: &Booking) -> Option<(String, String)> {
    let locator = booking.record_locator.as_deref()?.trim();
    if locator.is_empty() {
        return None;
    }
    Some((
        booking
            .owner
            .as_deref()
            .unwrap_or("")
            .trim()
            .to_ascii_uppercase(),
        locator.to_ascii_uppercase(),
    ))
}

/// Whether booking `a` (input index `ia`) supersedes booking `b` (input
/// index `ib`), two pushes of the same booking: the one whose last PNR
/// transaction (`last_modified`, DAT+700) is later, else (either time
/// missing, or equal) the one later in the input. The push's preparation
/// time is not part of [`Booking`]; callers that have several pushes of a
/// booking without DAT+700 give them in the order they were sent.
#[must_use]
pub fn supersedes(a: &Booking, ia: usize, b: &Booking, ib: usize) -> bool {
    match (a.last_modified, b.last_modified) {
        (Some(x), Some(y)) if x != y => x > y,
        _ => ia > ib,
    }
}

/// Keeps, of several bookings of a flight with the same identity
/// ([`booking_identity`]), only the latest ([`supersedes`]); the others go
/// to [`FlightCase::superseded`].
fn drop_superseded(input: &ScreeningInput, case: &mut FlightCase<'_>) {
    if case.bookings.len() < 2 {
        return;
    }
    let mut keep: Vec<usize> = Vec::with_capacity(case.bookings.len());
    let mut by_identity: AHashMap<(String, String), usize> = AHashMap::new();
    for &bi in &case.bookings {
        let Some(b) = input.bookings.get(bi) else {
            continue;
        };
        let Some(id) = booking_identity(b) else {
            keep.push(bi);
            continue;
        };
        match by_identity.get(&id).copied() {
            None => {
                by_identity.insert(id, keep.len());
                keep.push(bi);
            }
            Some(slot) => {
                let Some(&ki) = keep.get(slot) else { continue };
                let newer = input
                    .bookings
                    .get(ki)
                    .is_some_and(|k| supersedes(b, bi, k, ki));
                if newer {
                    case.superseded.push(ki);
                    keep[slot] = bi;
                } else {
                    case.superseded.push(bi);
                }
            }
        }
    }
    keep.sort_unstable();
    case.superseded.sort_unstable();
    case.bookings = keep;
}

struct PnrEntry<'a> {
    booking: usize,
    passenger: usize,
    name: NormalisedName,
    birth: Option<NaiveDate>,
    record: PnrRecord<'a>,
}

fn reconcile_case<'a>(input: &'a ScreeningInput, case: &mut FlightCase<'a>, names: &mut ApiNames) {
    let mut entries: Vec<PnrEntry<'a>> = Vec::new();
    for &bi in &case.bookings {
        let Some(b) = input.bookings.get(bi) else {
            continue;
        };
        for (pi, p) in b.travellers.iter().enumerate() {
            let record = PnrRecord {
                booking_index: bi,
                passenger: pi,
                booking: b,
                record: p,
            };
            entries.push(PnrEntry {
                booking: bi,
                passenger: pi,
                name: pnr_name(&record),
                birth: passenger_birth(p),
                record,
            });
        }
    }
    let mut by_locator: AHashMap<String, Vec<usize>> = AHashMap::new();
    let mut by_name_birth: AHashMap<(String, NaiveDate), Vec<usize>> = AHashMap::new();
    let mut by_number: AHashMap<String, Vec<usize>> = AHashMap::new();
    for (ei, e) in entries.iter().enumerate() {
        let b = e.record.booking;
        let locators = b
            .record_locator
            .iter()
            .chain(b.other_locators.iter().filter_map(|o| o.locator.as_ref()));
        for l in locators {
            let l = l.trim().to_ascii_uppercase();
            if !l.is_empty() {
                let list = by_locator.entry(l).or_default();
                if list.last() != Some(&ei) {
                    list.push(ei);
                }
            }
        }
        if let Some(birth) = e.birth {
            if !e.name.is_empty() {
                by_name_birth
                    .entry((name_key(&e.name), birth))
                    .or_default()
                    .push(ei);
            }
        }
        for d in &e.record.record.documents {
            if let Some(n) = d.document.number.as_deref().filter(|n| !n.is_empty()) {
                by_number
                    .entry(n.to_ascii_uppercase())
                    .or_default()
                    .push(ei);
            }
        }
    }
    let mut taken = vec![false; entries.len()];
    let travellers: usize = case
        .manifests
        .iter()
        .filter_map(|&mi| input.manifests.get(mi))
        .map(|m| m.travellers.len())
        .sum();
    case.travellers.reserve(travellers + entries.len());

    for &mi in &case.manifests {
        let Some(m) = input.manifests.get(mi) else {
            continue;
        };
        for (ti, t) in m.travellers.iter().enumerate() {
            let mut view = TravellerView::empty();
            match names
                .get_mut(mi)
                .and_then(|n| n.get_mut(ti))
                .and_then(Option::take)
            {
                Some(name) => view.set_api_named(mi, ti, t, name),
                None => view.set_api(mi, ti, t),
            }
            if entries.is_empty() {
                // No booking on this flight: nothing to join.
                case.travellers.push(view);
                continue;
            }
            let name = view.api_name.clone().unwrap_or_default();
            let best_by_name = |cands: &[usize], taken: &[bool]| -> Option<usize> {
                let mut best: Option<(usize, f64)> = None;
                for &ei in cands {
                    if taken[ei] || births_conflict(t.birth_date, entries[ei].birth) {
                        continue;
                    }
                    if let Some(score) = names_similar(&name, &entries[ei].name) {
                        if best.is_none_or(|(_, s)| score > s) {
                            best = Some((ei, score));
                        }
                    }
                }
                best.map(|(e, _)| e)
            };
            // Key 1: record locator + name. When no passenger of the
            // booking fits with the birth dates, the one passenger of the
            // booking with the same name is still this traveller (its
            // birth date then differs between the sources: DOC-09a); two
            // or more such passengers (a parent and a child of one name)
            // stay apart.
            let by_locator_cands = t
                .reservation_ref
                .as_deref()
                .map(|l| l.trim().to_ascii_uppercase())
                .and_then(|l| by_locator.get(&l));
            let mut found = by_locator_cands.and_then(|c| {
                best_by_name(c, &taken).or_else(|| {
                    let mut similar = c
                        .iter()
                        .copied()
                        .filter(|&ei| names_same(&name, &entries[ei].name));
                    match (similar.next(), similar.next()) {
                        (Some(ei), None) if !taken[ei] => Some(ei),
                        _ => None,
                    }
                })
            });
            // Key 2: name + birth date.
            if found.is_none() && !name.is_empty() {
                if let Some(birth) = t.birth_date {
                    found = by_name_birth
                        .get(&(name_key(&name), birth))
                        .and_then(|c| best_by_name(c, &taken));
                    if found.is_none() {
                        // The blocking key misses swapped or misspelt
                        // surnames: compare within the same birth date.
                        let cands: Vec<usize> = entries
                            .iter()
                            .enumerate()
                            .filter(|(_, e)| e.birth == Some(birth))
                            .map(|(i, _)| i)
                            .collect();
                        if cands.len() <= 64 {
                            found = best_by_name(&cands, &taken);
                        }
                    }
                }
            }
            // Key 3: document number (+ issuer).
            if found.is_none() {
                let api_docs = view.documents().filter(DocumentView::is_identity_document);
                'docs: for a in api_docs {
                    let Some(n) = a.number else { continue };
                    if let Some(cands) = by_number.get(&n.to_ascii_uppercase()) {
                        for &ei in cands {
                            if taken[ei] || births_conflict(t.birth_date, entries[ei].birth) {
                                continue;
                            }
                            let e = &entries[ei];
                            let hit = e.record.record.documents.iter().any(|d| {
                                same_number(
                                    &a,
                                    &DocumentView::of(
                                        &d.document,
                                        Source::Pnr {
                                            booking: e.booking,
                                            passenger: e.passenger,
                                        },
                                    ),
                                )
                            });
                            if hit {
                                found = Some(ei);
                                break 'docs;
                            }
                        }
                    }
                }
            }
            if let Some(ei) = found {
                taken[ei] = true;
                let e = &entries[ei];
                view.pnr = Some(e.record);
                view.pnr_name = Some(e.name.clone());
            }
            case.travellers.push(view);
        }
    }
    for (ei, e) in entries.into_iter().enumerate() {
        if taken[ei] {
            continue;
        }
        let mut view = TravellerView::empty();
        view.pnr = Some(e.record);
        view.pnr_name = Some(e.name);
        case.travellers.push(view);
    }
}

fn join_scans<'a>(
    input: &'a ScreeningInput,
    cases: &mut Vec<FlightCase<'a>>,
    unkeyed: &mut Option<usize>,
) {
    if input.scans.is_empty() {
        return;
    }
    let mut by_number: AHashMap<String, Vec<(usize, usize)>> = AHashMap::new();
    let mut by_birth: AHashMap<NaiveDate, Vec<(usize, usize)>> = AHashMap::new();
    for (ci, case) in cases.iter().enumerate() {
        for (vi, view) in case.travellers.iter().enumerate() {
            for d in view.documents() {
                if let Some(n) = d.number {
                    let list = by_number.entry(n.to_ascii_uppercase()).or_default();
                    if list.last() != Some(&(ci, vi)) {
                        list.push((ci, vi));
                    }
                }
            }
            let birth = view
                .api
                .and_then(|a| a.record.birth_date)
                .or_else(|| view.pnr.and_then(|p| passenger_birth(p.record)));
            if let Some(b) = birth {
                by_birth.entry(b).or_default().push((ci, vi));
            }
        }
    }
    let mut orphans = Vec::new();
    for (si, scan) in input.scans.iter().enumerate() {
        let doc = DocumentView::of_scan(scan, si);
        let name = NormalisedName::new(&scan.surname, &scan.given_names);
        let mut targets: Vec<(usize, usize)> = Vec::new();
        if let Some(n) = doc.number {
            if let Some(cands) = by_number.get(&n.to_ascii_uppercase()) {
                for &(ci, vi) in cands {
                    let view = &cases[ci].travellers[vi];
                    if view.scan.is_some() {
                        continue;
                    }
                    let birth = view.api.and_then(|a| a.record.birth_date);
                    if births_conflict(birth, scan.birth_date) {
                        continue;
                    }
                    if view.documents().any(|d| same_number(&d, &doc)) {
                        targets.push((ci, vi));
                    }
                }
            }
        }
        if targets.is_empty() {
            if let Some(b) = scan.birth_date {
                if let Some(cands) = by_birth.get(&b) {
                    for &(ci, vi) in cands {
                        let view = &cases[ci].travellers[vi];
                        if view.scan.is_some() {
                            continue;
                        }
                        let similar = view
                            .api_name
                            .as_ref()
                            .or(view.pnr_name.as_ref())
                            .and_then(|n| names_similar(n, &name))
                            .is_some();
                        if similar {
                            targets.push((ci, vi));
                        }
                    }
                }
            }
        }
        if targets.is_empty() {
            orphans.push(si);
        }
        for (ci, vi) in targets {
            cases[ci].travellers[vi].set_scan(si, scan);
        }
    }
    if !orphans.is_empty() {
        let c = *unkeyed.get_or_insert_with(|| {
            cases.push(FlightCase::new(None));
            cases.len() - 1
        });
        for si in orphans {
            if let Some(scan) = input.scans.get(si) {
                let mut view = TravellerView::empty();
                view.set_scan(si, scan);
                cases[c].travellers.push(view);
            }
        }
    }
}

/// Whether a payment kind leaves no trace of the payer (cash, cheque,
/// miscellaneous).
#[must_use]
pub fn is_untraceable(kind: &PaymentKind) -> bool {
    matches!(
        kind,
        PaymentKind::Cash | PaymentKind::Cheque | PaymentKind::Miscellaneous
    )
}

/// Sets `slot` from `value` unless an earlier source already filled it.
fn fill<T>(slot: &mut Option<Sourced<T>>, value: Option<T>, source: Source) {
    if slot.is_none() {
        *slot = value.map(|value| Sourced { value, source });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::tests::*;

    fn jane_api() -> Traveller {
        let mut t = traveller("DOE", "JANE", "1990-05-17");
        t.documents.push(passport("X1234567", "UTO", "2030-01-01"));
        t
    }

    fn pushed(modified: Option<&str>, surname: &str) -> Booking {
        let mut b = booking(
            "REP001",
            "2026-01-10T12:00",
            vec![lhr_jfk()],
            vec![passenger("1", surname, "JANE MS", Some("1990-05-17"))],
        );
        b.owner = Some("ZZ".to_string());
        b.last_modified = modified.map(datetime);
        b
    }

    fn phone(hash: &str) -> crate::model::booking::Contact {
        crate::model::booking::Contact {
            kind: crate::model::booking::ContactKind::Phone,
            source: "SSR CTCM".to_string(),
            purpose: None,
            traveller: None,
            payment: None,
            value: None,
            link: Some(crate::model::LinkHash(hash.to_string())),
            address: None,
        }
    }

    #[test]
    fn a_later_push_of_the_same_booking_supersedes_the_earlier_one() {
        // Pushed at -72 h (last change earlier) and at -24 h, given in
        // either order: one traveller, from the later push.
        let early = pushed(Some("2026-03-02T09:00"), "DOE");
        let late = pushed(Some("2026-03-04T09:00"), "ROE");
        for (bookings, latest) in [
            (vec![early.clone(), late.clone()], 1),
            (vec![late.clone(), early.clone()], 0),
        ] {
            let input = ScreeningInput {
                bookings,
                ..Default::default()
            };
            let cases = reconcile(&input);
            assert_eq!(cases.len(), 1);
            assert_eq!(cases[0].bookings, vec![latest]);
            assert_eq!(cases[0].superseded, vec![1 - latest]);
            assert_eq!(cases[0].travellers.len(), 1);
            assert_eq!(cases[0].travellers[0].surname.map(|s| s.value), Some("ROE"));
        }
        // Without DAT+700 the input order decides; another owner or
        // another locator is another booking.
        let input = ScreeningInput {
            bookings: vec![pushed(None, "DOE"), pushed(None, "ROE")],
            ..Default::default()
        };
        let cases = reconcile(&input);
        assert_eq!(cases[0].bookings, vec![1]);
        let mut other_owner = pushed(None, "ROE");
        other_owner.owner = Some("YY".to_string());
        let input = ScreeningInput {
            bookings: vec![pushed(None, "DOE"), other_owner],
            ..Default::default()
        };
        let cases = reconcile(&input);
        assert_eq!(cases[0].bookings, vec![0, 1]);
        assert!(cases[0].superseded.is_empty());
        assert_eq!(cases[0].travellers.len(), 2);
    }

    #[test]
    fn pushes_of_one_booking_do_not_link_it_to_itself() {
        let mut a = pushed(Some("2026-03-02T09:00"), "DOE");
        a.contacts.push(phone("h1"));
        let mut b = pushed(Some("2026-03-04T09:00"), "DOE");
        b.contacts.push(phone("h1"));
        let mut other = booking("OTH001", "2026-01-10T12:00", vec![lhr_jfk()], vec![]);
        other.contacts.push(phone("h1"));
        let input = ScreeningInput {
            bookings: vec![a.clone(), b.clone()],
            ..Default::default()
        };
        let index = InputIndex::build(&input);
        assert_eq!(index.booking(1).map(|s| s.contact_shared_bookings), Some(0));
        let input = ScreeningInput {
            bookings: vec![a, b, other],
            ..Default::default()
        };
        let index = InputIndex::build(&input);
        assert_eq!(index.booking(1).map(|s| s.contact_shared_bookings), Some(1));
        assert_eq!(index.booking(2).map(|s| s.contact_shared_bookings), Some(1));
    }

    #[test]
    fn one_person_across_api_pnr_and_scan() {
        let mut p = passenger("1", "DOE", "JANE MS", None);
        p.documents.push(docs(
            passport("X1234567", "UTO", "2030-01-01"),
            "DOE",
            "JANE",
            "1990-05-17",
        ));
        let input = ScreeningInput {
            manifests: vec![flight(vec![jane_api()])],
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![p],
            )],
            scans: vec![scan("DOE", "JANE", "1990-05-17", "X1234567", "2030-01-01")],
        };
        let cases = reconcile(&input);
        assert_eq!(cases.len(), 1);
        assert_eq!(
            cases[0].key.as_ref().map(|k| k.number.as_str()),
            Some("101")
        );
        assert_eq!(cases[0].bookings, vec![0]);
        assert_eq!(cases[0].travellers.len(), 1);
        let v = &cases[0].travellers[0];
        let kinds: Vec<_> = v.sources().map(|s| s.kind()).collect();
        assert_eq!(kinds, ["api", "pnr", "scan"]);
        assert_eq!(v.surname.map(|s| s.source.kind()), Some("api"));
        assert_eq!(v.documents().count(), 3);
    }

    #[test]
    fn same_name_other_birth_date_is_another_person() {
        let p = passenger("1", "DOE", "JANE", Some("1961-02-03"));
        let input = ScreeningInput {
            manifests: vec![flight(vec![jane_api()])],
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![p],
            )],
            scans: vec![scan("DOE", "JANE", "1961-02-03", "Z9999999", "2030-01-01")],
        };
        let cases = reconcile(&input);
        let views = &cases[0].travellers;
        assert_eq!(views.len(), 2);
        assert!(views[0].api.is_some() && views[0].pnr.is_none() && views[0].scan.is_none());
        assert!(views[1].api.is_none() && views[1].pnr.is_some());
        // The scan joins the PNR passenger by name and birth date.
        assert!(views[1].scan.is_some());
    }

    #[test]
    fn locator_and_the_same_name_join_across_a_birth_date_conflict_only_when_unique() {
        let mut t = jane_api();
        t.reservation_ref = Some("abc123".to_string());
        let one = ScreeningInput {
            manifests: vec![flight(vec![t.clone()])],
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![passenger("1", "DOE", "JANE", Some("1961-02-03"))],
            )],
            scans: Vec::new(),
        };
        let cases = reconcile(&one);
        let views = &cases[0].travellers;
        assert_eq!(views.len(), 1, "one person, two birth dates");
        assert!(views[0].api.is_some() && views[0].pnr.is_some());
        // Two passengers of that name in the booking (a parent and a
        // child), neither with the API's birth date: no guess.
        let two = ScreeningInput {
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![
                    passenger("1", "DOE", "JANE", Some("1961-02-03")),
                    passenger("2", "DOE", "JANE", Some("2015-06-07")),
                ],
            )],
            ..one
        };
        let cases = reconcile(&two);
        let views = &cases[0].travellers;
        assert_eq!(views.len(), 3);
        assert!(views.iter().all(|v| v.api.is_none() || v.pnr.is_none()));
    }

    #[test]
    fn locator_and_name_join_despite_a_renewed_document() {
        let mut t = jane_api();
        t.reservation_ref = Some("abc123".to_string());
        t.birth_date = None;
        let mut p = passenger("1", "DOE", "JANE MRS", None);
        p.documents.push(docs(
            passport("Y7654321", "UTO", "2035-01-01"),
            "DOE",
            "JANE",
            "1990-05-17",
        ));
        let other = passenger("2", "DOE", "JOHN MR", None);
        let input = ScreeningInput {
            manifests: vec![flight(vec![t])],
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![other, p],
            )],
            scans: vec![],
        };
        let cases = reconcile(&input);
        let views = &cases[0].travellers;
        assert_eq!(views.len(), 2);
        assert_eq!(views[0].pnr.map(|p| p.passenger), Some(1));
        // Birth date falls back to the PNR, with its source.
        assert_eq!(views[0].birth_date.map(|b| b.source.kind()), Some("pnr"));
    }

    #[test]
    fn document_number_joins_when_names_differ() {
        let mut p = passenger("1", "DOEE", "J", None);
        p.documents.push(docs(
            passport("X1234567", "UTO", "2030-01-01"),
            "DOEE",
            "J",
            "1990-05-17",
        ));
        let input = ScreeningInput {
            manifests: vec![flight(vec![jane_api()])],
            bookings: vec![booking(
                "QQQ999",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![p],
            )],
            scans: vec![],
        };
        let cases = reconcile(&input);
        assert_eq!(cases[0].travellers.len(), 1);
        assert!(cases[0].travellers[0].pnr.is_some());
    }

    #[test]
    fn bookings_group_by_flight_and_unkeyed_records_are_kept() {
        let other_day = segment("101", "LHR", "2026-03-16T10:00", "JFK", "2026-03-16T13:00");
        let input = ScreeningInput {
            manifests: vec![flight(vec![jane_api()])],
            bookings: vec![
                booking(
                    "B1",
                    "2026-03-01T10:00",
                    vec![other_day],
                    vec![passenger("1", "ROE", "R", None)],
                ),
                booking(
                    "B2",
                    "2026-03-01T10:00",
                    vec![],
                    vec![passenger("1", "POE", "P", None)],
                ),
            ],
            scans: vec![scan("MOE", "M", "1970-01-01", "Q1", "2030-01-01")],
        };
        let cases = reconcile(&input);
        assert_eq!(cases.len(), 3);
        assert_eq!(
            cases[1].key.as_ref().and_then(|k| k.date),
            Some(date("2026-03-16"))
        );
        assert!(cases[2].key.is_none());
        assert_eq!(cases[2].travellers.len(), 2);
        assert!(cases[2].travellers[1].scan.is_some());
        assert_eq!(reconcile(&input), cases, "deterministic");
    }

    #[test]
    fn flight_keys_normalise() {
        let a = FlightKey::new(Some("zz"), Some("ZZ0101"), None).unwrap();
        let b = FlightKey::new(None, Some("ZZ101"), None).unwrap();
        let c =
            FlightKey::new(Some("ZZ"), Some("101"), Some(datetime("2026-03-15T10:00"))).unwrap();
        assert_eq!(a, b);
        assert!(a.matches(&c));
        assert!(FlightKey::new(Some("ZZ"), Some(" "), None).is_none());
    }
}
