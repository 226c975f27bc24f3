//! Built-in indicators: the facts a rule pack reads about one traveller.
//!
//! [`compute`] fills a [`TravellerFacts`] once per traveller from a
//! reconciled [`TravellerView`], its [`FlightCase`] and the input-wide
//! [`InputIndex`]. Indicators compute raw values (days, kilometres,
//! durations, counts, yes/no facts); thresholds live in the packs'
//! conditions, never here. A fact that cannot be computed from the data is
//! [`Value::Missing`], never a guess.
//!
//! One file per family, each with its indicators' documentation and tests:
//! [`doc`], [`itinerary`], [`booking`], [`baggage`], [`network`],
//! [`protection`], [`quality`]. The field names and types are in
//! [`catalogue`] (`spec/fields.md` is generated from it); the indicator
//! catalogue is `spec/indicators.md`.

pub mod baggage;
pub mod booking;
pub mod catalogue;
pub mod doc;
pub mod itinerary;
pub mod network;
pub mod protection;
pub mod quality;

#[cfg(test)]
pub(crate) mod tests;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::model::booking::{Booking, Passenger};
use crate::reference::airports::{self, Airport};
use crate::rules::{Facts, FieldId, Value};
use crate::screen::reconcile::{
    years_between, BookingSummary, DocumentView, FlightCase, InputIndex, PassengerSummary, Source,
    TravellerView,
};

pub use catalogue::{
    catalogue_markdown, DocumentCatalogue, DocumentField, Field, FieldCatalogue, DOCUMENT_FIELDS,
    FIELDS, FIELD_COUNT,
};

/// One computed value, borrowed from the input (a copyable form of
/// [`Value`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Slot<'a> {
    /// Not computed or not computable.
    #[default]
    Missing,
    /// A yes/no value.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A text.
    Text(&'a str),
    /// A date.
    Date(NaiveDate),
    /// A date and time (local).
    DateTime(NaiveDateTime),
    /// A duration in seconds.
    Duration(i64),
}

impl<'a> Slot<'a> {
    /// The value the evaluator sees.
    #[must_use]
    pub fn value(self) -> Value<'a> {
        match self {
            Slot::Missing => Value::Missing,
            Slot::Bool(b) => Value::Bool(b),
            Slot::Number(n) => Value::Number(n),
            Slot::Text(t) => Value::text(t),
            Slot::Date(d) => Value::Date(d),
            Slot::DateTime(d) => Value::DateTime(d),
            Slot::Duration(d) => Value::Duration(d),
        }
    }

    fn from_opt<T>(v: Option<T>, f: impl FnOnce(T) -> Slot<'a>) -> Slot<'a> {
        v.map_or(Slot::Missing, f)
    }
}

/// One element of `traveller.documents`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocumentFacts<'a> {
    /// The document.
    pub document: DocumentView<'a>,
}

impl Facts for DocumentFacts<'_> {
    fn value(&self, field: FieldId) -> Value<'_> {
        let d = &self.document;
        match DocumentField::from_id(field) {
            Some(DocumentField::Kind) => Value::text(doc::kind_name(d.kind)),
            Some(DocumentField::Code) => Value::text(d.code),
            Some(DocumentField::IssuingState) => {
                d.issuing_state.map_or(Value::Missing, Value::text)
            }
            Some(DocumentField::ExpiresOn) => d.expires_on.map_or(Value::Missing, Value::Date),
            Some(DocumentField::IssuedOn) => d.issued_on.map_or(Value::Missing, Value::Date),
            Some(DocumentField::NumberPresent) => Value::Bool(d.number.is_some()),
            Some(DocumentField::Source) => Value::text(d.source.kind()),
            None => Value::Missing,
        }
    }
}

/// The facts about one traveller, filled once by [`compute`]; implements
/// [`Facts`] for the rule evaluator. Values borrow from the input.
#[derive(Debug, Clone, PartialEq)]
pub struct TravellerFacts<'a> {
    values: [Slot<'a>; FIELD_COUNT],
    sources: [Option<Source>; FIELD_COUNT],
    documents: Vec<DocumentFacts<'a>>,
    source_kinds: [&'static str; 3],
    source_count: u8,
    transit_points: Option<Vec<&'a str>>,
    failed_checks: Option<([&'static str; 5], u8)>,
}

impl Default for TravellerFacts<'_> {
    fn default() -> Self {
        TravellerFacts {
            values: [Slot::Missing; FIELD_COUNT],
            sources: [None; FIELD_COUNT],
            documents: Vec::new(),
            source_kinds: [""; 3],
            source_count: 0,
            transit_points: None,
            failed_checks: None,
        }
    }
}

impl<'a> TravellerFacts<'a> {
    /// Facts with every field missing.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of a scalar field.
    #[must_use]
    pub fn get(&self, field: Field) -> Slot<'a> {
        self.values[field as usize]
    }

    /// Sets a scalar field.
    pub fn set(&mut self, field: Field, value: Slot<'a>) {
        self.values[field as usize] = value;
    }

    /// Sets a scalar field and the source it was read from.
    pub fn set_from(&mut self, field: Field, value: Slot<'a>, source: Option<Source>) {
        self.values[field as usize] = value;
        self.sources[field as usize] = source;
    }

    /// Where a field's value was read from, when it comes from one record
    /// (identity and document fields); `None` for derived values.
    #[must_use]
    pub fn source(&self, field: Field) -> Option<Source> {
        self.sources[field as usize]
    }

    /// The elements of `traveller.documents`.
    #[must_use]
    pub fn documents(&self) -> &[DocumentFacts<'a>] {
        &self.documents
    }

    /// The elements of `trip.transit_points` (`None`: not computable).
    #[must_use]
    pub fn transit_points(&self) -> Option<&[&'a str]> {
        self.transit_points.as_deref()
    }

    /// The elements of `mrz.failed_checks` (`None`: no scan).
    #[must_use]
    pub fn failed_checks(&self) -> Option<&[&'static str]> {
        self.failed_checks
            .as_ref()
            .map(|(a, n)| &a[..usize::from(*n).min(5)])
    }

    /// The elements of `traveller.sources`.
    #[must_use]
    pub fn source_kinds(&self) -> &[&'static str] {
        &self.source_kinds[..usize::from(self.source_count).min(3)]
    }

    /// Every field missing again; the documents list keeps its allocation.
    fn reset(&mut self) {
        let TravellerFacts {
            values,
            sources,
            documents,
            source_kinds,
            source_count,
            transit_points,
            failed_checks,
        } = self;
        *values = [Slot::Missing; FIELD_COUNT];
        *sources = [None; FIELD_COUNT];
        documents.clear();
        *source_kinds = [""; 3];
        *source_count = 0;
        *transit_points = None;
        *failed_checks = None;
    }

    pub(crate) fn set_transit_points(&mut self, points: Option<Vec<&'a str>>) {
        self.transit_points = points;
    }

    pub(crate) fn set_failed_checks(&mut self, checks: Option<([&'static str; 5], u8)>) {
        self.failed_checks = checks;
    }
}

impl Facts for TravellerFacts<'_> {
    fn value(&self, field: FieldId) -> Value<'_> {
        self.values
            .get(usize::from(field.0))
            .map_or(Value::Missing, |s| s.value())
    }

    fn len(&self, field: FieldId) -> Option<usize> {
        match Field::from_id(field)? {
            Field::TravellerDocuments => Some(self.documents.len()),
            Field::TravellerSources => Some(usize::from(self.source_count).min(3)),
            Field::TripTransitPoints => self.transit_points.as_ref().map(Vec::len),
            Field::MrzFailedChecks => self.failed_checks().map(<[_]>::len),
            _ => None,
        }
    }

    fn element(&self, field: FieldId, index: usize) -> Option<&dyn Facts> {
        if field != Field::TravellerDocuments.id() {
            return None;
        }
        self.documents.get(index).map(|d| d as &dyn Facts)
    }

    fn item(&self, field: FieldId, index: usize) -> Value<'_> {
        let text = match Field::from_id(field) {
            Some(Field::TravellerSources) => self.source_kinds().get(index).copied(),
            Some(Field::TripTransitPoints) => {
                self.transit_points().and_then(|p| p.get(index)).copied()
            }
            Some(Field::MrzFailedChecks) => {
                self.failed_checks().and_then(|c| c.get(index)).copied()
            }
            _ => None,
        };
        text.map_or(Value::Missing, Value::text)
    }
}

/// What every family needs, derived once per traveller.
pub struct Context<'v, 'a> {
    /// The traveller.
    pub view: &'v TravellerView<'a>,
    /// The flight.
    pub case: &'v FlightCase<'a>,
    /// Input-wide lookups.
    pub index: &'v InputIndex,
    /// Local departure date of the flight.
    pub departure_date: Option<NaiveDate>,
    /// Local arrival date of the flight (departure date when unknown).
    pub arrival_date: Option<NaiveDate>,
    /// The departure as an instant (origin time zone applied).
    pub departure_utc: Option<DateTime<Utc>>,
    /// The origin airport.
    pub origin: Option<&'static Airport>,
    /// The destination airport.
    pub destination: Option<&'static Airport>,
    /// The joined booking.
    pub booking: Option<&'a Booking>,
    /// The joined passenger.
    pub passenger: Option<&'a Passenger>,
    /// The joined passenger's index in the booking.
    pub passenger_index: Option<usize>,
    /// The booking's party structure (from the index, or computed here on
    /// the check-in path).
    pub summary: Option<std::borrow::Cow<'v, BookingSummary>>,
    /// The primary document.
    pub primary: Option<DocumentView<'a>>,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// Age in whole years at departure.
    pub age: Option<i32>,
}

/// The values of [`Context`] that depend on the flight only: derived once
/// per flight and shared by its travellers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlightContext {
    /// Local departure date of the flight.
    pub departure_date: Option<NaiveDate>,
    /// Local arrival date of the flight (departure date when unknown).
    pub arrival_date: Option<NaiveDate>,
    /// The departure as an instant (origin time zone applied).
    pub departure_utc: Option<DateTime<Utc>>,
    /// The origin airport.
    pub origin: Option<&'static Airport>,
    /// The destination airport.
    pub destination: Option<&'static Airport>,
}

impl FlightContext {
    /// Derives the flight's values.
    #[must_use]
    pub fn new(case: &FlightCase<'_>) -> Self {
        let departure_date = case.departure.map(|d| d.date());
        let arrival_date = case.arrival.map(|d| d.date()).or(departure_date);
        let origin = case.origin.and_then(airports::airport);
        let destination = case.destination.and_then(airports::airport);
        let departure_utc = match (origin, case.departure) {
            (Some(a), Some(d)) => airports::local_to_utc(a, d),
            _ => None,
        };
        FlightContext {
            departure_date,
            arrival_date,
            departure_utc,
            origin,
            destination,
        }
    }
}

impl<'v, 'a> Context<'v, 'a> {
    /// Derives the shared values.
    #[must_use]
    pub fn new(
        view: &'v TravellerView<'a>,
        case: &'v FlightCase<'a>,
        index: &'v InputIndex,
    ) -> Self {
        Context::with_flight(view, case, index, FlightContext::new(case))
    }

    /// Derives the shared values, the flight's already derived.
    #[must_use]
    pub fn with_flight(
        view: &'v TravellerView<'a>,
        case: &'v FlightCase<'a>,
        index: &'v InputIndex,
        flight: FlightContext,
    ) -> Self {
        let FlightContext {
            departure_date,
            arrival_date,
            departure_utc,
            origin,
            destination,
        } = flight;
        let booking = view.pnr.map(|p| p.booking);
        let passenger = view.pnr.map(|p| p.record);
        let passenger_index = view.pnr.map(|p| p.passenger);
        let summary = view.pnr.map(|p| match index.booking(p.booking_index) {
            Some(s) if s.passengers.len() == p.booking.travellers.len() => {
                std::borrow::Cow::Borrowed(s)
            }
            _ => std::borrow::Cow::Owned(BookingSummary::of(p.booking)),
        });
        let birth_date = view.birth_date.map(|b| b.value);
        let age = match (birth_date, departure_date) {
            (Some(b), Some(d)) => years_between(b, d),
            _ => None,
        };
        Context {
            view,
            case,
            index,
            departure_date,
            arrival_date,
            departure_utc,
            origin,
            destination,
            booking,
            passenger,
            passenger_index,
            summary,
            primary: view.primary_document(),
            birth_date,
            age,
        }
    }

    /// The joined passenger's summary in the booking.
    #[must_use]
    pub fn passenger_summary(&self) -> Option<PassengerSummary> {
        let s = self.summary.as_ref()?;
        s.passengers.get(self.passenger_index?).copied()
    }
}

/// Computes every built-in indicator for one traveller of one flight.
#[must_use]
pub fn compute<'v, 'a: 'v>(
    view: &'v TravellerView<'a>,
    case: &'v FlightCase<'a>,
    index: &'v InputIndex,
) -> TravellerFacts<'v> {
    compute_with(view, case, index, FlightContext::new(case))
}

/// [`compute`] with the flight's values already derived (once per flight).
#[must_use]
pub fn compute_with<'v, 'a: 'v>(
    view: &'v TravellerView<'a>,
    case: &'v FlightCase<'a>,
    index: &'v InputIndex,
    flight: FlightContext,
) -> TravellerFacts<'v> {
    let mut f = TravellerFacts::new();
    compute_into(view, case, index, flight, &mut f);
    f
}

/// [`compute_with`] into facts that are reused from traveller to traveller
/// (every field is reset first; only allocations are kept).
pub fn compute_into<'v, 'a: 'v>(
    view: &'v TravellerView<'a>,
    case: &'v FlightCase<'a>,
    index: &'v InputIndex,
    flight: FlightContext,
    f: &mut TravellerFacts<'v>,
) {
    f.reset();
    let ctx = Context::with_flight(view, case, index, flight);
    traveller_facts(&ctx, f);
    flight_facts(&ctx, f);
    doc::compute(&ctx, f);
    itinerary::compute(&ctx, f);
    booking::compute(&ctx, f);
    baggage::compute(&ctx, f);
    network::compute(&ctx, f);
    protection::compute(&ctx, f);
    quality::compute(&ctx, f);
}

fn traveller_facts<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let view = ctx.view;
    let role = match view.api {
        Some(a) => a.record.role.as_str(),
        None => "passenger",
    };
    f.set_from(
        Field::TravellerRole,
        Slot::Text(role),
        view.api.map(|a| Source::Api {
            manifest: a.manifest,
            traveller: a.traveller,
        }),
    );
    if let Some(s) = view.sex {
        f.set_from(
            Field::TravellerSex,
            Slot::Text(s.value.code()),
            Some(s.source),
        );
    }
    if let Some(b) = view.birth_date {
        f.set_from(
            Field::TravellerBirthDate,
            Slot::Date(b.value),
            Some(b.source),
        );
    }
    if let Some(age) = ctx.age {
        f.set(Field::TravellerAgeAtDeparture, Slot::Number(f64::from(age)));
        f.set(Field::TravellerIsMinor, Slot::Bool(age < 18));
    }
    if let Some(n) = view.nationality {
        f.set_from(
            Field::TravellerNationality,
            Slot::Text(n.value),
            Some(n.source),
        );
    }
    let protected = view
        .nationality
        .is_some_and(|n| crate::reference::countries::is_protected_status(n.value))
        || view.documents().any(|d| {
            d.issuing_state
                .is_some_and(crate::reference::countries::is_protected_status)
        });
    f.set(Field::TravellerProtectedStatus, Slot::Bool(protected));
    if let Some(s) = view.surname {
        f.set_from(Field::TravellerSurname, Slot::Text(s.value), Some(s.source));
    }
    if let Some(g) = view.given_names {
        f.set_from(
            Field::TravellerGivenNames,
            Slot::Text(g.value),
            Some(g.source),
        );
    }
    let mut kinds = [""; 3];
    let mut n = 0u8;
    for s in view.sources() {
        if let Some(slot) = kinds.get_mut(usize::from(n)) {
            *slot = s.kind();
            n += 1;
        }
    }
    f.source_kinds = kinds;
    f.source_count = n;
    f.set(Field::TravellerInApi, Slot::Bool(view.api.is_some()));
    f.set(Field::TravellerInPnr, Slot::Bool(view.pnr.is_some()));
    f.set(Field::TravellerInScan, Slot::Bool(view.scan.is_some()));
    f.documents.clear();
    f.documents
        .extend(view.documents().map(|document| DocumentFacts { document }));
}

fn flight_facts<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let case = ctx.case;
    if let Some(key) = case.key.as_ref() {
        if !key.carrier.is_empty() {
            f.set(Field::FlightCarrier, Slot::Text(&key.carrier));
        }
        f.set(Field::FlightNumber, Slot::Text(&key.number));
    }
    f.set(Field::FlightOrigin, Slot::from_opt(case.origin, Slot::Text));
    f.set(
        Field::FlightDestination,
        Slot::from_opt(case.destination, Slot::Text),
    );
    f.set(
        Field::FlightDeparture,
        Slot::from_opt(case.departure, Slot::DateTime),
    );
    f.set(
        Field::FlightArrival,
        Slot::from_opt(case.arrival, Slot::DateTime),
    );
}
