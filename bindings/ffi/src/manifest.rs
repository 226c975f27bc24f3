//! Records mirroring the manifest side of the model
//! (`paxscreen_core::model::Manifest` and its parts), and the shared
//! [`Diagnostic`] and [`Position`].

use chrono::{NaiveDate, NaiveDateTime};
use paxscreen_core::model as core;

/// `YYYY-MM-DD`.
pub(crate) fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// `YYYY-MM-DDTHH:MM:SS`, local time as written.
pub(crate) fn date_time(d: Option<NaiveDateTime>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
}

pub(crate) fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

pub(crate) fn index(n: Option<usize>) -> Option<u64> {
    n.map(count)
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Severity {
    /// Layout the reader tolerated without losing anything.
    Info,
    /// Something is wrong or missing; what could be read was read.
    Warning,
    /// The data is unusable at this place (in strict mode, any warning).
    Error,
}

impl From<core::Severity> for Severity {
    fn from(s: core::Severity) -> Self {
        match s {
            core::Severity::Info => Severity::Info,
            core::Severity::Warning => Severity::Warning,
            core::Severity::Error => Severity::Error,
        }
    }
}

/// Where in the input something was found.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Position {
    /// Byte offset from the start of the input.
    pub byte_offset: u64,
    /// 1-based line (0 when unknown).
    pub line: u32,
    /// 1-based column, in bytes (0 when unknown).
    pub column: u32,
    /// Index of the segment within its interchange, when inside a segment.
    pub segment_index: Option<u32>,
    /// Tag of that segment (`NAD`, `DOC`...).
    pub segment_tag: Option<String>,
}

impl From<&core::Position> for Position {
    fn from(p: &core::Position) -> Self {
        Position {
            byte_offset: count(p.byte_offset),
            line: p.line,
            column: p.column,
            segment_index: p.segment_index,
            segment_tag: p.segment_tag.clone(),
        }
    }
}

/// One deviation found while reading, with its place.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// Stable dotted code, listed in `spec/formats/`.
    pub code: String,
    /// A sentence a person can read.
    pub message: String,
    /// Where it was found.
    pub position: Position,
    /// The whole diagnostic on one line: severity, code, place, message.
    pub display: String,
}

impl From<&core::Diagnostic> for Diagnostic {
    fn from(d: &core::Diagnostic) -> Self {
        Diagnostic {
            severity: d.severity.into(),
            code: d.code.to_string(),
            message: d.message.clone(),
            position: (&d.position).into(),
            display: d.to_string(),
        }
    }
}

pub(crate) fn diagnostics(d: &[core::Diagnostic]) -> Vec<Diagnostic> {
    d.iter().map(Diagnostic::from).collect()
}

/// Gender as documents and messages record it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Gender {
    /// `M`.
    Male,
    /// `F`.
    Female,
    /// `U`, MRZ `<`: not specified or unknown.
    Unspecified,
    /// `X`: non-binary or other.
    Other,
}

impl From<core::Gender> for Gender {
    fn from(g: core::Gender) -> Self {
        match g {
            core::Gender::Male => Gender::Male,
            core::Gender::Female => Gender::Female,
            core::Gender::Unspecified => Gender::Unspecified,
            core::Gender::Other => Gender::Other,
        }
    }
}

pub(crate) fn gender(g: Option<core::Gender>) -> Option<Gender> {
    g.map(Gender::from)
}

/// The snake-case name of a document kind (`passport`, `identity_card`...),
/// or the code as written for a code this version does not know.
pub(crate) fn document_kind(kind: &core::DocumentKind) -> String {
    match kind {
        core::DocumentKind::Passport => "passport",
        core::DocumentKind::IdentityCard => "identity_card",
        core::DocumentKind::Visa => "visa",
        core::DocumentKind::CrewCertificate => "crew_certificate",
        core::DocumentKind::PassportCard => "passport_card",
        core::DocumentKind::ApprovedNonStandard => "approved_non_standard",
        core::DocumentKind::AlienRegistration => "alien_registration",
        core::DocumentKind::PermanentResidentCard => "permanent_resident_card",
        core::DocumentKind::MilitaryId => "military_id",
        core::DocumentKind::PilotLicence => "pilot_licence",
        core::DocumentKind::ReEntryPermit => "re_entry_permit",
        core::DocumentKind::Other(code) => code,
    }
    .to_string()
}

/// A travel document held by a traveller.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TravelDocument {
    /// What kind of document (`passport`, `identity_card`, `visa`...; an
    /// unknown code as written).
    pub kind: String,
    /// The type code exactly as written (`P`, `AC`...).
    pub code: String,
    /// Document number as written (blanks removed).
    pub number: Option<String>,
    /// Issuing state, ICAO three-letter code when it could be normalised.
    pub issuing_state: Option<String>,
    /// Place of issue.
    pub issuing_place: Option<String>,
    /// Expiry date (`YYYY-MM-DD`).
    pub expires_on: Option<String>,
    /// Issue date (`YYYY-MM-DD`).
    pub issued_on: Option<String>,
}

impl From<&core::TravelDocument> for TravelDocument {
    fn from(d: &core::TravelDocument) -> Self {
        TravelDocument {
            kind: document_kind(&d.kind),
            code: d.code.clone(),
            number: d.number.clone(),
            issuing_state: d.issuing_state.clone(),
            issuing_place: d.issuing_place.clone(),
            expires_on: date(d.expires_on),
            issued_on: date(d.issued_on),
        }
    }
}

/// A party named in an envelope (UNB/UNG sender or recipient).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct EnvelopeParty {
    /// Identification as written.
    pub id: String,
    /// Code qualifier.
    pub qualifier: Option<String>,
    /// Internal identification or routing address.
    pub internal_id: Option<String>,
}

impl From<&core::EnvelopeParty> for EnvelopeParty {
    fn from(p: &core::EnvelopeParty) -> Self {
        EnvelopeParty {
            id: p.id.clone(),
            qualifier: p.qualifier.clone(),
            internal_id: p.internal_id.clone(),
        }
    }
}

/// Where a manifest came from: interchange, group and message headers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Envelope {
    /// Sender.
    pub sender: EnvelopeParty,
    /// Recipient.
    pub recipient: EnvelopeParty,
    /// Preparation date and time (`YYYY-MM-DDTHH:MM:SS`).
    pub prepared_at: Option<String>,
    /// Interchange control reference (UNB).
    pub interchange_ref: Option<String>,
    /// Functional group reference (UNG).
    pub group_ref: Option<String>,
    /// Message reference number (UNH).
    pub message_ref: Option<String>,
    /// Message version as `D:15B`.
    pub message_version: Option<String>,
    /// Syntax identifier and version (`UNOA:4`).
    pub syntax: Option<String>,
    /// Application reference (`APIS`).
    pub application_ref: Option<String>,
    /// Association assigned code (`IATA`).
    pub association: Option<String>,
    /// Common access reference (UNH element 3).
    pub common_access_ref: Option<String>,
    /// Part number when the message was sent in parts.
    pub part_sequence: Option<u32>,
    /// Whether this is the final part (when sent in parts).
    pub part_is_final: Option<bool>,
}

impl From<&core::Envelope> for Envelope {
    fn from(e: &core::Envelope) -> Self {
        Envelope {
            sender: (&e.sender).into(),
            recipient: (&e.recipient).into(),
            prepared_at: date_time(e.prepared_at),
            interchange_ref: e.interchange_ref.clone(),
            group_ref: e.group_ref.clone(),
            message_ref: e.message_ref.clone(),
            message_version: e.message_version.clone(),
            syntax: e.syntax.clone(),
            application_ref: e.application_ref.clone(),
            association: e.association.clone(),
            common_access_ref: e.common_access_ref.clone(),
            part_sequence: e.transfer.map(|t| t.sequence),
            part_is_final: e.transfer.map(|t| t.is_final),
        }
    }
}

/// A telephone number, fax number or e-mail address of a manifest (COM).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ManifestContact {
    /// The number or address as written.
    pub value: String,
    /// Channel code as written: `TE`, `FX`, `EM`.
    pub channel: Option<String>,
}

fn manifest_contacts(c: &[core::Contact]) -> Vec<ManifestContact> {
    c.iter()
        .map(|c| ManifestContact {
            value: c.value.clone(),
            channel: c.channel.clone(),
        })
        .collect()
}

/// The party that sends the list (NAD+MS).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ReportingParty {
    /// Party identification.
    pub id: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Contacts.
    pub contacts: Vec<ManifestContact>,
}

/// One end of a leg: an airport and the scheduled local time there.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LegPoint {
    /// IATA airport code.
    pub airport: Option<String>,
    /// Scheduled local date and time (`YYYY-MM-DDTHH:MM:SS`).
    pub scheduled: Option<String>,
}

impl From<&core::LegPoint> for LegPoint {
    fn from(p: &core::LegPoint) -> Self {
        LegPoint {
            airport: p.airport.clone(),
            scheduled: date_time(p.scheduled),
        }
    }
}

/// One leg of the flight (TDT with its LOC and DTM).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Leg {
    /// Carrier code.
    pub carrier: Option<String>,
    /// Flight identification as written (`ZZ123`).
    pub flight_number: Option<String>,
    /// Departure.
    pub departure: LegPoint,
    /// Arrival.
    pub arrival: LegPoint,
    /// Routing points of a progressive flight, in order.
    pub routing: Vec<LegPoint>,
}

impl From<&core::Leg> for Leg {
    fn from(l: &core::Leg) -> Self {
        Leg {
            carrier: l.carrier.clone(),
            flight_number: l.flight_number.clone(),
            departure: (&l.departure).into(),
            arrival: (&l.arrival).into(),
            routing: l.routing.iter().map(LegPoint::from).collect(),
        }
    }
}

/// A postal address (NAD elements 5 to 9).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Address {
    /// Street and number.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Country sub-division.
    pub region: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// Country, ICAO three-letter code when it could be normalised.
    pub country: Option<String>,
}

/// Checked bags of a traveller on a manifest (MEA+CT, MEA+WT, FTX+BAG).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TravellerBags {
    /// Number of checked bags.
    pub count: Option<u32>,
    /// Total weight as written (`20`, `20.5`).
    pub weight: Option<String>,
    /// Unit of the weight (`KGM`, `LBR`).
    pub weight_unit: Option<String>,
    /// Bag tag ranges.
    pub tags: Vec<BagTagRange>,
}

/// A range of bag tags (FTX+BAG).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BagTagRange {
    /// First tag number.
    pub tag: String,
    /// Number of consecutive tags from it.
    pub count: Option<u32>,
}

/// A reference with its qualifier as written (RFF).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reference {
    /// Qualifier.
    pub qualifier: String,
    /// Value.
    pub value: String,
}

/// A passenger or crew member on a manifest.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Traveller {
    /// `passenger`, `crew`, `transit_passenger`, `transit_crew`,
    /// `crew_off_duty`, or an unknown qualifier as written.
    pub role: String,
    /// Family name.
    pub surname: Option<String>,
    /// Given names, joined with a space.
    pub given_names: Option<String>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Date of birth (`YYYY-MM-DD`).
    pub birth_date: Option<String>,
    /// Nationality, ICAO three-letter code when it could be normalised.
    pub nationality: Option<String>,
    /// Travel documents.
    pub documents: Vec<TravelDocument>,
    /// Reservation (PNR) locator.
    pub reservation_ref: Option<String>,
    /// Unique passenger reference.
    pub passenger_ref: Option<String>,
    /// Seat.
    pub seat: Option<String>,
    /// Other references.
    pub other_refs: Vec<Reference>,
    /// Party identification.
    pub id: Option<String>,
    /// Address.
    pub address: Option<Address>,
    /// Country of residence.
    pub residence_country: Option<String>,
    /// Country of birth.
    pub birth_country: Option<String>,
    /// Place of birth.
    pub birth_place: Option<String>,
    /// Port of clearance.
    pub clearance_port: Option<String>,
    /// Port of embarkation.
    pub embarkation_port: Option<String>,
    /// Port of debarkation.
    pub debarkation_port: Option<String>,
    /// Contacts.
    pub contacts: Vec<ManifestContact>,
    /// Crew function as written.
    pub crew_function: Option<String>,
    /// Checked bags.
    pub bags: Option<TravellerBags>,
    /// Verification indicators (GEI+4 codes).
    pub verification: Vec<String>,
    /// Segments of this traveller that could not be mapped, as written.
    pub unknown_segments: Vec<String>,
}

impl From<&core::Traveller> for Traveller {
    fn from(t: &core::Traveller) -> Self {
        Traveller {
            role: t.role.as_str().to_string(),
            surname: t.surname.clone(),
            given_names: t.given_names.clone(),
            gender: gender(t.gender),
            birth_date: date(t.birth_date),
            nationality: t.nationality.clone(),
            documents: t.documents.iter().map(TravelDocument::from).collect(),
            reservation_ref: t.reservation_ref.clone(),
            passenger_ref: t.passenger_ref.clone(),
            seat: t.seat.clone(),
            other_refs: t
                .other_refs
                .iter()
                .map(|r| Reference {
                    qualifier: r.qualifier.clone(),
                    value: r.value.clone(),
                })
                .collect(),
            id: t.id.clone(),
            address: t.address.as_ref().map(|a| Address {
                street: a.street.clone(),
                city: a.city.clone(),
                region: a.region.clone(),
                postal_code: a.postal_code.clone(),
                country: a.country.clone(),
            }),
            residence_country: t.residence_country.clone(),
            birth_country: t.birth_place.as_ref().and_then(|p| p.country.clone()),
            birth_place: t.birth_place.as_ref().and_then(|p| p.name.clone()),
            clearance_port: t.clearance_port.clone(),
            embarkation_port: t.embarkation_port.clone(),
            debarkation_port: t.debarkation_port.clone(),
            contacts: manifest_contacts(&t.contacts),
            crew_function: t.crew_function.clone(),
            bags: t.bags.as_ref().map(|b| TravellerBags {
                count: b.count,
                weight: b.weight.as_ref().map(|w| w.value.clone()),
                weight_unit: b.weight.as_ref().and_then(|w| w.unit.clone()),
                tags: b
                    .tags
                    .iter()
                    .map(|t| BagTagRange {
                        tag: t.tag.clone(),
                        count: t.count,
                    })
                    .collect(),
            }),
            verification: t.verification.clone(),
            unknown_segments: t.unknown_segments.clone(),
        }
    }
}

/// One passenger or crew list: a PAXLST message, read.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Manifest {
    /// `passengers`, `crew`, `master_crew_list`, `flight_close_out`,
    /// `gate_pass`, or an unknown code as written; `None` without BGM.
    pub list_type: Option<String>,
    /// Change or close-out variant (`change_passengers`...).
    pub variant: Option<String>,
    /// Envelope.
    pub envelope: Envelope,
    /// Transaction reference (RFF+TN).
    pub transaction_ref: Option<String>,
    /// The sender of the list (NAD+MS).
    pub reporting_party: Option<ReportingParty>,
    /// Flight legs, in order.
    pub legs: Vec<Leg>,
    /// Travellers, in order.
    pub travellers: Vec<Traveller>,
    /// CNT+42, where given.
    pub declared_passengers: Option<u32>,
    /// CNT+41, where given.
    pub declared_crew: Option<u32>,
    /// Segments outside any traveller that could not be mapped.
    pub unknown_segments: Vec<String>,
    /// Everything found while reading this message.
    pub diagnostics: Vec<Diagnostic>,
}

impl From<&core::Manifest> for Manifest {
    fn from(m: &core::Manifest) -> Self {
        Manifest {
            list_type: m.list_type.as_ref().map(|t| t.as_str().to_string()),
            variant: m.variant.as_ref().map(|v| v.as_str().to_string()),
            envelope: (&m.envelope).into(),
            transaction_ref: m.transaction_ref.clone(),
            reporting_party: m.reporting_party.as_ref().map(|p| ReportingParty {
                id: p.id.clone(),
                name: p.name.clone(),
                contacts: manifest_contacts(&p.contacts),
            }),
            legs: m.legs.iter().map(Leg::from).collect(),
            travellers: m.travellers.iter().map(Traveller::from).collect(),
            declared_passengers: m.declared_counts.passengers,
            declared_crew: m.declared_counts.crew,
            unknown_segments: m.unknown_segments.clone(),
            diagnostics: diagnostics(&m.diagnostics),
        }
    }
}

/// Every manifest of a PAXLST input, and what was found outside them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ManifestList {
    /// One manifest per PAXLST message, in input order.
    pub manifests: Vec<Manifest>,
    /// Diagnostics outside any message (wrappers, envelopes, skipped
    /// messages).
    pub diagnostics: Vec<Diagnostic>,
}
