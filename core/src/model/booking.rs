//! Bookings (passenger name records) as a PNRGOV push reports them.
//!
//! One [`Booking`] per PNR. Free text (remarks, OSI, history lines) is kept
//! but marked as free text: rules may not read it. Card numbers are never
//! held in clear: a masked form and a keyed hash ([`super::linkage`]) stand
//! in for them; phones and e-mails carry the same keyed hash beside their
//! normalised value.

use super::document::TravelDocument;
use super::linkage::LinkHash;
use super::person::Gender;
use super::Diagnostic;
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// One passenger name record.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Booking {
    /// The record locator (RCI01-2 of the first locator).
    pub record_locator: Option<String>,
    /// The system or airline that owns the record (RCI01-1).
    pub owner: Option<String>,
    /// Further locators of the same booking in other systems (RCI
    /// elements after the first).
    pub other_locators: Vec<RecordLocator>,
    /// When the booking was created (RCI date and time).
    pub created: Option<NaiveDateTime>,
    /// The last transaction on the booking (`DAT+700`).
    pub last_modified: Option<NaiveDateTime>,
    /// When tickets were issued (`DAT+710` at booking level).
    pub ticketed: Option<NaiveDateTime>,
    /// Other booking-level dates, by qualifier.
    pub other_dates: Vec<QualifiedDate>,
    /// The system that sent the push (header ORG).
    pub sender: Option<BookingOffice>,
    /// Where the booking was made (booking-level ORG).
    pub booking_office: Option<BookingOffice>,
    /// The flight the push is for (header TVL).
    pub flight: Option<FlightSegment>,
    /// The travellers (TIF), in order.
    pub travellers: Vec<Passenger>,
    /// Addresses, phones and e-mails (ADD, SSR CTCE/CTCM/CTCH).
    pub contacts: Vec<Contact>,
    /// Tickets (TKT and its group).
    pub tickets: Vec<Ticket>,
    /// Forms of payment (FOP).
    pub payments: Vec<Payment>,
    /// The itinerary (TVL groups), in order.
    pub itinerary: Vec<FlightSegment>,
    /// Booking-level special services that name no traveller.
    pub special_services: Vec<SpecialService>,
    /// Excess baggage (EBD).
    pub excess_baggage: Vec<ExcessBaggage>,
    /// Remarks and other service information (IFT): free text.
    pub remarks: Vec<Remark>,
    /// Check-in records, per itinerary segment.
    pub check_in: Vec<CheckIn>,
    /// History (LTS, ABI/SAC and what follows them), in order: free text.
    pub history: Vec<HistoryEntry>,
    /// What was found while mapping this booking.
    pub diagnostics: Vec<Diagnostic>,
}

/// A record locator in a reservation system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RecordLocator {
    /// System or airline (`1A`, `SQ`).
    pub system: Option<String>,
    /// The locator.
    pub locator: Option<String>,
}

/// A date with the qualifier it was given under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualifiedDate {
    /// The qualifier (`700`, `710`, `2`...).
    pub qualifier: String,
    /// The date and time, when they could be read.
    pub at: Option<NaiveDateTime>,
    /// Free text given instead of a date (`DAT+3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The office, agent or system that made a booking (ORG).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BookingOffice {
    /// Reservation system or airline (ORG01-1).
    pub system: Option<String>,
    /// Location of that system (ORG01-2).
    pub system_location: Option<String>,
    /// IATA travel agency number (ORG02-1).
    pub iata_number: Option<String>,
    /// Office identifier, pseudo city or in-house code (ORG02-2).
    pub office_id: Option<String>,
    /// City of the office (ORG03).
    pub city: Option<String>,
    /// Airline of the agent (ORG04-1).
    pub airline: Option<String>,
    /// Originator type code as written (ORG05: `A` airline, `T` travel
    /// agent, `E` airline's own internet site...).
    pub agent_type: Option<String>,
    /// Country of the office: ICAO three-letter code when known, otherwise
    /// as written (ORG06-1).
    pub country: Option<String>,
    /// Currency of the office (ORG06-2).
    pub currency: Option<String>,
    /// Language of the office (ORG06-3).
    pub language: Option<String>,
    /// Agent identification (ORG07).
    pub agent_id: Option<String>,
}

/// A flight segment: the pushed flight or one leg of the itinerary (TVL).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FlightSegment {
    /// Marketing carrier (TVL04-1).
    pub carrier: Option<String>,
    /// Operating carrier, when it differs (TVL04-2): a codeshare.
    pub operating_carrier: Option<String>,
    /// Flight number (TVL05-1).
    pub flight_number: Option<String>,
    /// Booking class (TVL05-2).
    pub booking_class: Option<String>,
    /// Departure airport (TVL02).
    pub origin: Option<String>,
    /// Arrival airport (TVL03).
    pub destination: Option<String>,
    /// Scheduled local departure.
    pub departure: Option<NaiveDateTime>,
    /// Scheduled local arrival.
    pub arrival: Option<NaiveDateTime>,
    /// Reservation status (RPI02: `HK`, `KK`...).
    pub status: Option<String>,
    /// Number of seats in the party (RPI01).
    pub party_size: Option<u32>,
    /// Aircraft type (APD01).
    pub aircraft: Option<String>,
    /// Record locator of this segment when given (RCI in the segment group).
    pub record_locator: Option<String>,
    /// Special services for this segment that name no traveller.
    pub special_services: Vec<SpecialService>,
}

/// Passenger type (TIF02-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassengerType {
    /// `A`, `ADT`: adult.
    Adult,
    /// `C`, `CHD`, `CNN`: child.
    Child,
    /// `IN`, `INF`: infant (not occupying a seat).
    Infant,
    /// Any other code, as written.
    Other(String),
}

impl PassengerType {
    /// Reads a passenger type code.
    #[must_use]
    pub fn from_code(code: &str) -> PassengerType {
        match code.trim().to_ascii_uppercase().as_str() {
            "A" | "ADT" => PassengerType::Adult,
            "C" | "CHD" | "CNN" => PassengerType::Child,
            "IN" | "INF" | "I" => PassengerType::Infant,
            other => PassengerType::Other(other.to_string()),
        }
    }
}

/// A traveller in a booking (TIF and its group).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Passenger {
    /// The passenger's reference within the PNR (TIF02-3).
    pub reference: Option<String>,
    /// Surname (TIF01-1).
    pub surname: Option<String>,
    /// Given names, without the title.
    pub given_names: Option<String>,
    /// Title found at the end of the given names (`MRS`, `MR`, `MSTR`...).
    pub title: Option<String>,
    /// Passenger type.
    pub passenger_type: Option<PassengerType>,
    /// The reference of the infant travelling with this passenger.
    pub infant: Option<String>,
    /// For an infant: the reference of the adult it travels with.
    pub infant_of: Option<String>,
    /// Birth date, from the first document that gives one.
    pub birth_date: Option<NaiveDate>,
    /// Gender, from the first document that gives one.
    pub gender: Option<Gender>,
    /// Nationality (ICAO code when known), from the first document that
    /// gives one.
    pub nationality: Option<String>,
    /// Frequent flyer accounts (FTI).
    pub frequent_flyer: Vec<FrequentFlyer>,
    /// Unique passenger identifiers (REF).
    pub identifiers: Vec<String>,
    /// Fare details (FAR), as written.
    pub fares: Vec<String>,
    /// Documents from SSR DOCS and DOCO.
    pub documents: Vec<PnrDocument>,
    /// Addresses from SSR DOCA.
    pub document_addresses: Vec<DocumentAddress>,
    /// Every special service naming this traveller, DOCS included.
    pub special_services: Vec<SpecialService>,
}

/// A frequent flyer account (FTI).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FrequentFlyer {
    /// Airline of the programme (FTI01-1).
    pub airline: Option<String>,
    /// Account number (FTI01-2).
    pub number: Option<String>,
    /// Tier or status, when given (FTI01-5 or later components).
    pub tier: Option<String>,
}

/// A travel document from SSR DOCS (or a visa or other document from SSR
/// DOCO), with the holder details the SSR gives and its raw text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PnrDocument {
    /// Which SSR gave it (`DOCS` or `DOCO`).
    pub source: String,
    /// The document.
    #[serde(flatten)]
    pub document: TravelDocument,
    /// DOCS: nationality (ICAO code when known, otherwise as written).
    pub nationality: Option<String>,
    /// DOCS: birth date.
    pub birth_date: Option<NaiveDate>,
    /// DOCS: gender.
    pub gender: Option<Gender>,
    /// DOCS: the gender code marks an infant (`MI`, `FI`); DOCO: the
    /// infant indicator `I`.
    pub infant: bool,
    /// DOCS: surname.
    pub surname: Option<String>,
    /// DOCS: given names (the two name fields joined with a blank).
    pub given_names: Option<String>,
    /// DOCS: multi-passport holder (`H`).
    pub multi_passport_holder: bool,
    /// DOCO: place of birth.
    pub place_of_birth: Option<String>,
    /// DOCO: the state where the document applies.
    pub applicable_state: Option<String>,
    /// The SSR free text exactly as received.
    pub raw: String,
}

/// A residence or destination address from SSR DOCA.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocumentAddress {
    /// `R` residence, `D` destination, as written.
    pub kind: Option<String>,
    /// Country (ICAO code when known, otherwise as written).
    pub country: Option<String>,
    /// Street.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or province.
    pub state: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// The address is the infant's (`I`).
    pub infant: bool,
    /// The SSR free text exactly as received.
    pub raw: String,
}

/// A special service request (SSR), kept whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SpecialService {
    /// The SSR code (`DOCS`, `WCHR`, `INFT`...).
    pub code: String,
    /// Action or status code (`HK`, `NN`...).
    pub status: Option<String>,
    /// Number of services.
    pub quantity: Option<u32>,
    /// Airline the request is for.
    pub airline: Option<String>,
    /// Board point.
    pub board_point: Option<String>,
    /// Off point.
    pub off_point: Option<String>,
    /// Free text of the request.
    pub text: Option<String>,
    /// The passenger reference the SSR names (SSR02-3), when it names one.
    pub passenger_reference: Option<String>,
    /// Index in [`Booking::itinerary`] when the SSR was given for a segment.
    pub segment: Option<usize>,
}

/// What a [`Contact`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// A telephone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A postal address.
    Address,
}

/// A phone, e-mail or postal address of the booking or one traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// What it is.
    pub kind: ContactKind,
    /// Where it came from (`ADD`, `SSR CTCE`, `SSR CTCM`, `SSR CTCH`).
    pub source: String,
    /// Purpose code or qualifier as written (ADD02-1: `700`...).
    pub purpose: Option<String>,
    /// Index in [`Booking::travellers`], when the contact is a traveller's.
    pub traveller: Option<usize>,
    /// Index in [`Booking::payments`], when it is the payer's (ADD under
    /// FOP).
    pub payment: Option<usize>,
    /// Phone: digits with a leading `+` kept; e-mail: lower-cased and
    /// decoded from the IATA escapes.
    pub value: Option<String>,
    /// Keyed hash of `value`, to link bookings.
    pub link: Option<LinkHash>,
    /// The postal address, for [`ContactKind::Address`].
    pub address: Option<PostalAddress>,
}

/// A postal address (ADD).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PostalAddress {
    /// Street and number.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State or province code.
    pub state: Option<String>,
    /// Country (ICAO code when known, otherwise as written).
    pub country: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
}

/// A ticket (TKT and its group).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ticket {
    /// The ticket or document number (TKT01-1).
    pub number: Option<String>,
    /// Document type code (TKT01-2: `T` ticket, `1` ticketless...).
    pub kind: Option<String>,
    /// Number of booklets (TKT01-3).
    pub booklets: Option<u32>,
    /// The numbers of the conjunctive booklets after the first.
    pub conjunctive: Vec<String>,
    /// Index in [`Booking::travellers`].
    pub traveller: Option<usize>,
    /// Amounts (MON).
    pub amounts: Vec<MonetaryAmount>,
    /// Pricing and ticketing details (PTK), as written.
    pub pricing: Option<String>,
    /// Taxes (TXD).
    pub taxes: Vec<Tax>,
    /// When the ticket was issued (`DAT+710` in the ticket group).
    pub issued: Option<NaiveDateTime>,
}

/// An amount with its qualifier (MON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MonetaryAmount {
    /// Qualifier as written (`B` base fare, `T` total...).
    pub qualifier: Option<String>,
    /// The amount as written, with `.` as decimal mark (or a word such as
    /// `AWARD`).
    pub amount: Option<String>,
    /// Currency.
    pub currency: Option<String>,
}

/// A tax (TXD).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tax {
    /// The amount as written, with `.` as decimal mark.
    pub amount: Option<String>,
    /// Tax code or country.
    pub code: Option<String>,
    /// Currency, when given.
    pub currency: Option<String>,
}

/// How something was paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentKind {
    /// `CA`: cash.
    Cash,
    /// `CC`: payment card.
    Card,
    /// `CK`: cheque.
    Cheque,
    /// `MS`: miscellaneous.
    Miscellaneous,
    /// `IN`, `INV`: invoice.
    Invoice,
    /// `GR`: government transportation request or receipt.
    GovernmentReceipt,
    /// Any other code, as written.
    Other(String),
}

impl PaymentKind {
    /// Reads a form of payment code.
    #[must_use]
    pub fn from_code(code: &str) -> PaymentKind {
        match code.trim().to_ascii_uppercase().as_str() {
            "CA" | "CASH" => PaymentKind::Cash,
            "CC" | "DC" => PaymentKind::Card,
            "CK" | "CHK" => PaymentKind::Cheque,
            "MS" => PaymentKind::Miscellaneous,
            "IN" | "INV" => PaymentKind::Invoice,
            "GR" => PaymentKind::GovernmentReceipt,
            other => PaymentKind::Other(other.to_string()),
        }
    }
}

/// A form of payment (FOP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payment {
    /// What kind.
    pub kind: PaymentKind,
    /// The code as written.
    pub code: String,
    /// The data indicator says this is an old (replaced) form of payment.
    pub old: bool,
    /// Amount as written, with `.` as decimal mark.
    pub amount: Option<String>,
    /// Currency, from the ticket's total amount when the FOP gives none.
    pub currency: Option<String>,
    /// The card, for card payments.
    pub card: Option<PaymentCard>,
    /// Account or reference of a non-card payment (masked like a card when
    /// it is all digits).
    pub account: Option<String>,
    /// Index in [`Booking::travellers`].
    pub traveller: Option<usize>,
    /// Index in [`Booking::tickets`].
    pub ticket: Option<usize>,
    /// Payer name when given (IFT in the payment group): free text.
    pub payer: Option<String>,
}

/// A payment card, never in clear.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaymentCard {
    /// Card vendor code (`VI`, `CA`, `AX`...).
    pub vendor: Option<String>,
    /// At most the first six and the last four digits, the rest as `*`.
    pub masked: String,
    /// Keyed hash of the digits (or of the masked form, when the sender
    /// masked it already).
    pub link: LinkHash,
    /// The sender masked the number already.
    pub masked_by_sender: bool,
    /// Expiry as `YYYY-MM`, when given as `MMYY`.
    pub expires: Option<String>,
}

/// Excess baggage (EBD), as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcessBaggage {
    /// Index in [`Booking::travellers`], when given for a traveller.
    pub traveller: Option<usize>,
    /// The segment as written.
    pub text: String,
}

/// A remark or other service information (IFT). Always free text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Remark {
    /// Text subject qualifier (IFT01-1, `4`...).
    pub qualifier: Option<String>,
    /// Information type (IFT01-2: `28` OSI, `63`...).
    pub kind: Option<String>,
    /// Airline, when given (IFT01-4).
    pub airline: Option<String>,
    /// The text.
    pub text: String,
    /// Index in [`Booking::travellers`].
    pub traveller: Option<usize>,
    /// Index in [`Booking::itinerary`].
    pub segment: Option<usize>,
    /// Always true: remarks are free text, never read by rules.
    pub free_text: bool,
}

/// Check-in of travellers on one itinerary segment (DAT/ORG and TRI groups).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CheckIn {
    /// Index in [`Booking::itinerary`].
    pub segment: Option<usize>,
    /// Check-in transaction date and time (`DAT+2`).
    pub at: Option<NaiveDateTime>,
    /// Check-in details given as free text (`DAT+3`).
    pub text: Option<String>,
    /// Who checked in (ORG).
    pub agent: Option<BookingOffice>,
    /// The travellers checked in.
    pub travellers: Vec<CheckedIn>,
}

/// One traveller checked in (TRI, TIF, SSD, TBD).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CheckedIn {
    /// Index in [`Booking::travellers`], when matched.
    pub traveller: Option<usize>,
    /// The passenger reference given (TRI02-4 or TIF02-3).
    pub reference: Option<String>,
    /// Check-in sequence as written (`SIN-168`).
    pub sequence: Option<String>,
    /// Seat (SSD01).
    pub seat: Option<String>,
    /// Cabin class (SSD05).
    pub cabin: Option<String>,
    /// Checked bags (TBD).
    pub bags: Vec<Bags>,
}

/// Checked baggage of one traveller (TBD).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Bags {
    /// Number of pieces.
    pub pieces: Option<u32>,
    /// Total weight.
    pub weight: Option<f64>,
    /// Weight unit (`kg` for code 700, `lb` for 701, otherwise as written).
    pub unit: Option<String>,
    /// The bags are pooled with other travellers'.
    pub pooled: bool,
    /// Pooling code as written (`HP` head of pool, `MP` member).
    pub pool_code: Option<String>,
    /// Head of pool reference.
    pub head_of_pool: Option<String>,
    /// Bag tags.
    pub tags: Vec<BagTag>,
}

/// A run of bag tags (TBD05 onwards).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BagTag {
    /// Issuing airline (numeric or letters).
    pub airline: Option<String>,
    /// First tag number.
    pub number: Option<String>,
    /// Number of consecutive tags.
    pub consecutive: Option<u32>,
    /// Destination.
    pub destination: Option<String>,
}

/// One history entry (LTS, or ABI, SAC, DAT, IFT in the history group).
/// Always free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// The segment tag (`LTS`, `ABI`...).
    pub tag: String,
    /// The segment's values, unescaped.
    pub text: String,
    /// Always true: history is free text, never read by rules.
    pub free_text: bool,
}
