//! Records mirroring the booking side of the model
//! (`paxscreen_core::model::Booking` and its parts).

use paxscreen_core::model::booking as core;

use crate::manifest::{
    count, date, date_time, diagnostics, gender, index, Diagnostic, Gender, TravelDocument,
};

/// A record locator in another system (RCI).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RecordLocator {
    /// Airline or system code.
    pub system: Option<String>,
    /// The locator.
    pub locator: Option<String>,
}

/// A date of the booking with its qualifier as written.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QualifiedDate {
    /// Qualifier.
    pub qualifier: String,
    /// Date and time (`YYYY-MM-DDTHH:MM:SS`).
    pub at: Option<String>,
    /// The text as written when it was not a date.
    pub text: Option<String>,
}

/// An office, system or agent that created or touched the booking.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BookingOffice {
    /// Reservation system code.
    pub system: Option<String>,
    /// Location of the system.
    pub system_location: Option<String>,
    /// IATA agency number.
    pub iata_number: Option<String>,
    /// Office identifier.
    pub office_id: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Airline.
    pub airline: Option<String>,
    /// Agent type code.
    pub agent_type: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Currency.
    pub currency: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Agent identifier.
    pub agent_id: Option<String>,
}

impl From<&core::BookingOffice> for BookingOffice {
    fn from(o: &core::BookingOffice) -> Self {
        BookingOffice {
            system: o.system.clone(),
            system_location: o.system_location.clone(),
            iata_number: o.iata_number.clone(),
            office_id: o.office_id.clone(),
            city: o.city.clone(),
            airline: o.airline.clone(),
            agent_type: o.agent_type.clone(),
            country: o.country.clone(),
            currency: o.currency.clone(),
            language: o.language.clone(),
            agent_id: o.agent_id.clone(),
        }
    }
}

/// A special service request or other service information (SSR, OSI).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SpecialService {
    /// Four-letter code (`DOCS`, `CTCE`...).
    pub code: String,
    /// Action or status code.
    pub status: Option<String>,
    /// Number in party.
    pub quantity: Option<u32>,
    /// Airline.
    pub airline: Option<String>,
    /// Board point.
    pub board_point: Option<String>,
    /// Off point.
    pub off_point: Option<String>,
    /// Free text as written.
    pub text: Option<String>,
    /// The passenger reference it applies to.
    pub passenger_reference: Option<String>,
    /// Index of the itinerary segment it applies to.
    pub segment: Option<u64>,
}

fn services(s: &[core::SpecialService]) -> Vec<SpecialService> {
    s.iter()
        .map(|s| SpecialService {
            code: s.code.clone(),
            status: s.status.clone(),
            quantity: s.quantity,
            airline: s.airline.clone(),
            board_point: s.board_point.clone(),
            off_point: s.off_point.clone(),
            text: s.text.clone(),
            passenger_reference: s.passenger_reference.clone(),
            segment: index(s.segment),
        })
        .collect()
}

/// A flight segment of the itinerary (TVL and its group).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FlightSegment {
    /// Marketing carrier.
    pub carrier: Option<String>,
    /// Operating carrier.
    pub operating_carrier: Option<String>,
    /// Flight number.
    pub flight_number: Option<String>,
    /// Booking class.
    pub booking_class: Option<String>,
    /// Origin airport.
    pub origin: Option<String>,
    /// Destination airport.
    pub destination: Option<String>,
    /// Departure, local (`YYYY-MM-DDTHH:MM:SS`).
    pub departure: Option<String>,
    /// Arrival, local.
    pub arrival: Option<String>,
    /// Segment status code.
    pub status: Option<String>,
    /// Number in party.
    pub party_size: Option<u32>,
    /// Aircraft type.
    pub aircraft: Option<String>,
    /// Record locator of the segment.
    pub record_locator: Option<String>,
    /// Services on this segment.
    pub special_services: Vec<SpecialService>,
}

impl From<&core::FlightSegment> for FlightSegment {
    fn from(f: &core::FlightSegment) -> Self {
        FlightSegment {
            carrier: f.carrier.clone(),
            operating_carrier: f.operating_carrier.clone(),
            flight_number: f.flight_number.clone(),
            booking_class: f.booking_class.clone(),
            origin: f.origin.clone(),
            destination: f.destination.clone(),
            departure: date_time(f.departure),
            arrival: date_time(f.arrival),
            status: f.status.clone(),
            party_size: f.party_size,
            aircraft: f.aircraft.clone(),
            record_locator: f.record_locator.clone(),
            special_services: services(&f.special_services),
        }
    }
}

/// A document reported in an SSR DOCS or DOCO.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PnrDocument {
    /// `DOCS` or `DOCO`.
    pub source: String,
    /// The document.
    pub document: TravelDocument,
    /// Nationality.
    pub nationality: Option<String>,
    /// Birth date (`YYYY-MM-DD`).
    pub birth_date: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Whether the document is an infant's.
    pub infant: bool,
    /// Surname as on the document.
    pub surname: Option<String>,
    /// Given names as on the document.
    pub given_names: Option<String>,
    /// Multiple passport holder indicator.
    pub multi_passport_holder: bool,
    /// Place of birth (DOCO).
    pub place_of_birth: Option<String>,
    /// State the document is for (DOCO visas).
    pub applicable_state: Option<String>,
    /// The SSR text as written.
    pub raw: String,
}

/// A passenger of a booking (TIF and its group).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Passenger {
    /// Passenger reference within the PNR.
    pub reference: Option<String>,
    /// Surname.
    pub surname: Option<String>,
    /// Given names.
    pub given_names: Option<String>,
    /// Title (`MR`, `MRS`...).
    pub title: Option<String>,
    /// `adult`, `child`, `infant`, or a code as written.
    pub passenger_type: Option<String>,
    /// Name of an infant travelling on this passenger's lap.
    pub infant: Option<String>,
    /// Reference of the adult an infant travels with.
    pub infant_of: Option<String>,
    /// Birth date (`YYYY-MM-DD`).
    pub birth_date: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Nationality.
    pub nationality: Option<String>,
    /// Frequent flyer numbers as `airline number` (tier appended).
    pub frequent_flyer: Vec<String>,
    /// Other identifiers.
    pub identifiers: Vec<String>,
    /// Fare basis codes.
    pub fares: Vec<String>,
    /// Documents (SSR DOCS, DOCO).
    pub documents: Vec<PnrDocument>,
    /// Services requested for this passenger.
    pub special_services: Vec<SpecialService>,
}

fn passenger_type(t: &core::PassengerType) -> String {
    match t {
        core::PassengerType::Adult => "adult".to_string(),
        core::PassengerType::Child => "child".to_string(),
        core::PassengerType::Infant => "infant".to_string(),
        core::PassengerType::Other(code) => code.clone(),
    }
}

impl From<&core::Passenger> for Passenger {
    fn from(p: &core::Passenger) -> Self {
        Passenger {
            reference: p.reference.clone(),
            surname: p.surname.clone(),
            given_names: p.given_names.clone(),
            title: p.title.clone(),
            passenger_type: p.passenger_type.as_ref().map(passenger_type),
            infant: p.infant.clone(),
            infant_of: p.infant_of.clone(),
            birth_date: date(p.birth_date),
            gender: gender(p.gender),
            nationality: p.nationality.clone(),
            frequent_flyer: p
                .frequent_flyer
                .iter()
                .map(|f| {
                    [&f.airline, &f.number, &f.tier]
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect(),
            identifiers: p.identifiers.clone(),
            fares: p.fares.clone(),
            documents: p
                .documents
                .iter()
                .map(|d| PnrDocument {
                    source: d.source.clone(),
                    document: (&d.document).into(),
                    nationality: d.nationality.clone(),
                    birth_date: date(d.birth_date),
                    gender: gender(d.gender),
                    infant: d.infant,
                    surname: d.surname.clone(),
                    given_names: d.given_names.clone(),
                    multi_passport_holder: d.multi_passport_holder,
                    place_of_birth: d.place_of_birth.clone(),
                    applicable_state: d.applicable_state.clone(),
                    raw: d.raw.clone(),
                })
                .collect(),
            special_services: services(&p.special_services),
        }
    }
}

/// A phone, e-mail or postal address of a booking.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BookingContact {
    /// `phone`, `email` or `address`.
    pub kind: String,
    /// Where it was found (`CTCM`, `CTCE`, `ADD`...).
    pub source: String,
    /// Purpose code as written.
    pub purpose: Option<String>,
    /// Index of the passenger it belongs to.
    pub traveller: Option<u64>,
    /// Index of the payment it belongs to.
    pub payment: Option<u64>,
    /// The value as written (masked where the core masks it).
    pub value: Option<String>,
    /// Keyed hash linking the same contact across bookings.
    pub link: Option<String>,
}

/// A payment of a booking (FOP).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Payment {
    /// `cash`, `card`, `cheque`, `miscellaneous`, `invoice`,
    /// `government_receipt`, or a code as written.
    pub kind: String,
    /// Form of payment code as written.
    pub code: String,
    /// Whether it is an old form of payment.
    pub old: bool,
    /// Amount as written.
    pub amount: Option<String>,
    /// Currency.
    pub currency: Option<String>,
    /// Card vendor.
    pub card_vendor: Option<String>,
    /// Card number, masked.
    pub card_masked: Option<String>,
    /// Keyed hash linking the same card across bookings.
    pub card_link: Option<String>,
    /// Index of the passenger it belongs to.
    pub traveller: Option<u64>,
    /// Payer's name as written.
    pub payer: Option<String>,
}

fn payment_kind(k: &core::PaymentKind) -> String {
    match k {
        core::PaymentKind::Cash => "cash",
        core::PaymentKind::Card => "card",
        core::PaymentKind::Cheque => "cheque",
        core::PaymentKind::Miscellaneous => "miscellaneous",
        core::PaymentKind::Invoice => "invoice",
        core::PaymentKind::GovernmentReceipt => "government_receipt",
        core::PaymentKind::Other(code) => code,
    }
    .to_string()
}

/// A ticket of a booking (TKT).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Ticket {
    /// Ticket number.
    pub number: Option<String>,
    /// Ticket type code.
    pub kind: Option<String>,
    /// Index of the passenger.
    pub traveller: Option<u64>,
    /// Issue date and time.
    pub issued: Option<String>,
}

/// A remark of a booking.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Remark {
    /// Qualifier as written.
    pub qualifier: Option<String>,
    /// Kind as written.
    pub kind: Option<String>,
    /// The text.
    pub text: String,
    /// Whether it is free text (never read by rules).
    pub free_text: bool,
}

/// One booking (PNR) of a PNRGOV push.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Booking {
    /// Record locator.
    pub record_locator: Option<String>,
    /// Owner of the locator.
    pub owner: Option<String>,
    /// Locators in other systems.
    pub other_locators: Vec<RecordLocator>,
    /// Creation (`YYYY-MM-DDTHH:MM:SS`).
    pub created: Option<String>,
    /// Last modification.
    pub last_modified: Option<String>,
    /// Ticketing.
    pub ticketed: Option<String>,
    /// Other dates.
    pub other_dates: Vec<QualifiedDate>,
    /// Sender of the push.
    pub sender: Option<BookingOffice>,
    /// The office that made the booking.
    pub booking_office: Option<BookingOffice>,
    /// The flight the push is for.
    pub flight: Option<FlightSegment>,
    /// Passengers.
    pub travellers: Vec<Passenger>,
    /// Contacts.
    pub contacts: Vec<BookingContact>,
    /// Tickets.
    pub tickets: Vec<Ticket>,
    /// Payments.
    pub payments: Vec<Payment>,
    /// Itinerary, in order.
    pub itinerary: Vec<FlightSegment>,
    /// Services for the booking as a whole.
    pub special_services: Vec<SpecialService>,
    /// Remarks.
    pub remarks: Vec<Remark>,
    /// Number of check-in records.
    pub check_in_count: u64,
    /// Number of history entries.
    pub history_count: u64,
    /// Everything found while reading this PNR.
    pub diagnostics: Vec<Diagnostic>,
}

impl From<&core::Booking> for Booking {
    fn from(b: &core::Booking) -> Self {
        Booking {
            record_locator: b.record_locator.clone(),
            owner: b.owner.clone(),
            other_locators: b
                .other_locators
                .iter()
                .map(|l| RecordLocator {
                    system: l.system.clone(),
                    locator: l.locator.clone(),
                })
                .collect(),
            created: date_time(b.created),
            last_modified: date_time(b.last_modified),
            ticketed: date_time(b.ticketed),
            other_dates: b
                .other_dates
                .iter()
                .map(|d| QualifiedDate {
                    qualifier: d.qualifier.clone(),
                    at: date_time(d.at),
                    text: d.text.clone(),
                })
                .collect(),
            sender: b.sender.as_ref().map(BookingOffice::from),
            booking_office: b.booking_office.as_ref().map(BookingOffice::from),
            flight: b.flight.as_ref().map(FlightSegment::from),
            travellers: b.travellers.iter().map(Passenger::from).collect(),
            contacts: b
                .contacts
                .iter()
                .map(|c| BookingContact {
                    kind: match c.kind {
                        core::ContactKind::Phone => "phone",
                        core::ContactKind::Email => "email",
                        core::ContactKind::Address => "address",
                    }
                    .to_string(),
                    source: c.source.clone(),
                    purpose: c.purpose.clone(),
                    traveller: index(c.traveller),
                    payment: index(c.payment),
                    value: c.value.clone(),
                    link: c.link.as_ref().map(|l| l.0.clone()),
                })
                .collect(),
            tickets: b
                .tickets
                .iter()
                .map(|t| Ticket {
                    number: t.number.clone(),
                    kind: t.kind.clone(),
                    traveller: index(t.traveller),
                    issued: date_time(t.issued),
                })
                .collect(),
            payments: b
                .payments
                .iter()
                .map(|p| Payment {
                    kind: payment_kind(&p.kind),
                    code: p.code.clone(),
                    old: p.old,
                    amount: p.amount.clone(),
                    currency: p.currency.clone(),
                    card_vendor: p.card.as_ref().and_then(|c| c.vendor.clone()),
                    card_masked: p.card.as_ref().map(|c| c.masked.clone()),
                    card_link: p.card.as_ref().map(|c| c.link.0.clone()),
                    traveller: index(p.traveller),
                    payer: p.payer.clone(),
                })
                .collect(),
            itinerary: b.itinerary.iter().map(FlightSegment::from).collect(),
            special_services: services(&b.special_services),
            remarks: b
                .remarks
                .iter()
                .map(|r| Remark {
                    qualifier: r.qualifier.clone(),
                    kind: r.kind.clone(),
                    text: r.text.clone(),
                    free_text: r.free_text,
                })
                .collect(),
            check_in_count: count(b.check_in.len()),
            history_count: count(b.history.len()),
            diagnostics: diagnostics(&b.diagnostics),
        }
    }
}

/// Every booking of a PNRGOV push, and what was found outside them.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct BookingList {
    /// One booking per PNR, in order.
    pub bookings: Vec<Booking>,
    /// Diagnostics outside any PNR.
    pub diagnostics: Vec<Diagnostic>,
}
