//! API manifests: one passenger or crew list (a PAXLST message), its
//! envelope, the flight legs it reports and the travellers on them.
//!
//! The JSON shape produced by serde is the contract documented in
//! `spec/formats/paxlst.md`. Core fields are always printed (`null` when
//! missing); optional detail is left out when absent or empty.

use super::{Diagnostic, Gender, TravelDocument};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Serialize, Serializer};

/// What a manifest lists (PAXLST `BGM` element 1, document name code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListType {
    /// `745`: passenger list.
    Passengers,
    /// `250`: crew list.
    Crew,
    /// `336`: master crew list (crew members registered with a state ahead
    /// of any flight).
    MasterCrewList,
    /// `266`: flight close-out (the list sent once the flight has left).
    FlightCloseOut,
    /// `655`: gate pass list (non-travellers allowed to the gate).
    GatePass,
    /// A code this version does not know, kept as written.
    Other(String),
}

impl ListType {
    /// Reads a BGM document name code.
    #[must_use]
    pub fn from_code(code: &str) -> ListType {
        match code {
            "745" => ListType::Passengers,
            "250" => ListType::Crew,
            "336" => ListType::MasterCrewList,
            "266" => ListType::FlightCloseOut,
            "655" => ListType::GatePass,
            other => ListType::Other(other.to_string()),
        }
    }

    /// The name used in output (`passengers`, `crew`, ...), or the code as
    /// written for an unknown code.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            ListType::Passengers => "passengers",
            ListType::Crew => "crew",
            ListType::MasterCrewList => "master_crew_list",
            ListType::FlightCloseOut => "flight_close_out",
            ListType::GatePass => "gate_pass",
            ListType::Other(code) => code,
        }
    }
}

impl Serialize for ListType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a list does to lists sent before (PAXLST `BGM` element 2, document
/// identifier).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ListVariant {
    /// `CP`: changes passenger data sent before.
    ChangePassengers,
    /// `CC`: changes crew data sent before.
    ChangeCrew,
    /// `CLOB`: close-out listing the travellers on board.
    CloseOutOnBoard,
    /// `CLNB`: close-out listing the travellers not on board.
    CloseOutNotBoarded,
    /// A code this version does not know, kept as written.
    Other(String),
}

impl ListVariant {
    /// Reads a BGM document identifier.
    #[must_use]
    pub fn from_code(code: &str) -> ListVariant {
        match code {
            "CP" => ListVariant::ChangePassengers,
            "CC" => ListVariant::ChangeCrew,
            "CLOB" => ListVariant::CloseOutOnBoard,
            "CLNB" => ListVariant::CloseOutNotBoarded,
            other => ListVariant::Other(other.to_string()),
        }
    }

    /// The name used in output, or the code as written for an unknown code.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            ListVariant::ChangePassengers => "change_passengers",
            ListVariant::ChangeCrew => "change_crew",
            ListVariant::CloseOutOnBoard => "close_out_on_board",
            ListVariant::CloseOutNotBoarded => "close_out_not_boarded",
            ListVariant::Other(code) => code,
        }
    }
}

impl Serialize for ListVariant {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A party named in an envelope (UNB/UNG sender or recipient).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnvelopeParty {
    /// Identification as written.
    pub id: String,
    /// Code qualifier, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Internal identification or routing address, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_id: Option<String>,
}

/// Where a manifest came from: the interchange, group and message headers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Envelope {
    /// Interchange sender (UNB), or the group sender (UNG) when UNB gives
    /// none.
    pub sender: EnvelopeParty,
    /// Interchange recipient.
    pub recipient: EnvelopeParty,
    /// Preparation date and time (UNB, else UNG), local time as written.
    pub prepared_at: Option<NaiveDateTime>,
    /// Interchange control reference (UNB element 5).
    pub interchange_ref: Option<String>,
    /// Functional group reference (UNG element 5), when the message is in a
    /// group.
    pub group_ref: Option<String>,
    /// Message reference number (UNH element 1).
    pub message_ref: Option<String>,
    /// Message version as `D:15B`.
    pub message_version: Option<String>,
    /// Syntax identifier and version (`UNOA:4`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub syntax: Option<String>,
    /// Application reference (UNB element 7, `APIS`), where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_ref: Option<String>,
    /// Association assigned code (UNH `PAXLST:D:15B:UN:IATA` gives `IATA`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub association: Option<String>,
    /// Common access reference (UNH element 3), often flight, date and time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub common_access_ref: Option<String>,
    /// Part number of a message sent in parts (UNH element 4).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer: Option<MessagePart>,
}

/// Which part of a message sent in several parts this one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MessagePart {
    /// Sequence number, from 1.
    pub sequence: u32,
    /// Whether this is the final part.
    pub is_final: bool,
}

/// A telephone number, fax number or e-mail address (COM).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The number or address as written.
    pub value: String,
    /// The channel code as written: `TE` telephone, `FX` fax, `EM` e-mail.
    pub channel: Option<String>,
}

/// The party that sends the list (NAD+MS with its COM).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReportingParty {
    /// Party identification (NAD element 2), where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name: the components of NAD element 4 joined with a space.
    pub name: Option<String>,
    /// Contacts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
}

/// One end of a leg: an airport and the scheduled local time there.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LegPoint {
    /// IATA airport code as written (checked against the airport table).
    pub airport: Option<String>,
    /// Scheduled local date and time, without time zone.
    pub scheduled: Option<NaiveDateTime>,
}

/// One leg of the flight (TDT with its LOC and DTM).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Leg {
    /// Carrier code (TDT element 5).
    pub carrier: Option<String>,
    /// Flight identification as written (TDT element 2, `ZZ123`).
    pub flight_number: Option<String>,
    /// Departure (LOC+125 with DTM+189; for progressive flights the LOC+92
    /// that has a DTM+189).
    pub departure: LegPoint,
    /// Arrival (LOC+87 with DTM+232; for progressive flights the LOC+92 that
    /// has a DTM+232).
    pub arrival: LegPoint,
    /// Every LOC+92 (routing) point in order, for progressive flights.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub routing: Vec<LegPoint>,
}

/// What part a traveller plays (NAD qualifier of segment group 4).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TravellerRole {
    /// `FL`: passenger.
    Passenger,
    /// `FM`: crew member.
    Crew,
    /// `DDU`: passenger in transit.
    TransitPassenger,
    /// `DDT`: crew member in transit.
    TransitCrew,
    /// `COT`: crew member not on duty (positioning or extra crew).
    CrewOffDuty,
    /// A qualifier this version does not know, kept as written.
    Other(String),
}

impl TravellerRole {
    /// Reads a NAD party function code of segment group 4.
    #[must_use]
    pub fn from_code(code: &str) -> TravellerRole {
        match code {
            "FL" => TravellerRole::Passenger,
            "FM" => TravellerRole::Crew,
            "DDU" => TravellerRole::TransitPassenger,
            "DDT" => TravellerRole::TransitCrew,
            "COT" => TravellerRole::CrewOffDuty,
            other => TravellerRole::Other(other.to_string()),
        }
    }

    /// Whether the traveller is counted by CNT+42 (passengers).
    #[must_use]
    pub fn is_passenger(&self) -> bool {
        matches!(
            self,
            TravellerRole::Passenger | TravellerRole::TransitPassenger
        )
    }

    /// Whether the traveller is counted by CNT+41 (crew).
    #[must_use]
    pub fn is_crew(&self) -> bool {
        matches!(
            self,
            TravellerRole::Crew | TravellerRole::TransitCrew | TravellerRole::CrewOffDuty
        )
    }

    /// The name used in output, or the code as written for an unknown one.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            TravellerRole::Passenger => "passenger",
            TravellerRole::Crew => "crew",
            TravellerRole::TransitPassenger => "transit_passenger",
            TravellerRole::TransitCrew => "transit_crew",
            TravellerRole::CrewOffDuty => "crew_off_duty",
            TravellerRole::Other(code) => code,
        }
    }
}

impl Serialize for TravellerRole {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A postal address (NAD elements 5 to 9).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Address {
    /// Street and number (components joined with a space).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country sub-division (state, county).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country, ICAO three-letter code when it could be normalised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A place given by country and name (LOC+180 place of birth).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Place {
    /// Country, ICAO three-letter code when it could be normalised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Place name as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A weight or other measure as written (MEA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Measure {
    /// The value as written (`20`, `20.5`).
    pub value: String,
    /// Unit code as written (`KGM`, `LBR`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// A range of bag tags (FTX+BAG).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BagTag {
    /// First tag number as written.
    pub tag: String,
    /// Number of consecutive tags from it, where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
}

/// Checked baggage of one traveller (MEA+CT, MEA+WT, FTX+BAG).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Bags {
    /// Number of checked bags (MEA+CT).
    pub count: Option<u32>,
    /// Total weight (MEA+WT).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Measure>,
    /// Bag tags (FTX+BAG).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<BagTag>,
}

/// A reference with its qualifier as written (RFF+AEA, RFF+CR, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Qualifier as written.
    pub qualifier: String,
    /// Value as written.
    pub value: String,
}

/// A passenger or crew member on the list (segment group 4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Traveller {
    /// Passenger, crew, in transit...
    pub role: TravellerRole,
    /// Family name (NAD element 4, component 1).
    pub surname: Option<String>,
    /// Given names: NAD element 4, components 2 and after, joined with a
    /// space.
    pub given_names: Option<String>,
    /// Gender (ATT+2).
    pub gender: Option<Gender>,
    /// Date of birth (DTM+329).
    pub birth_date: Option<NaiveDate>,
    /// Nationality (NAT+2), ICAO three-letter code when it could be
    /// normalised.
    pub nationality: Option<String>,
    /// Travel documents (segment group 5).
    pub documents: Vec<TravelDocument>,
    /// Reservation (PNR) locator (RFF+AVF).
    pub reservation_ref: Option<String>,
    /// Unique passenger reference (RFF+ABO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passenger_ref: Option<String>,
    /// Seat (RFF+SEA).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat: Option<String>,
    /// Other references (RFF+AEA, RFF+CR and unknown qualifiers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_refs: Vec<Reference>,
    /// Party identification (NAD element 2), where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Given name components as written, when there are several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub given_name_parts: Vec<String>,
    /// Address (NAD elements 5 to 9).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Country of residence (LOC+174).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residence_country: Option<String>,
    /// Place of birth (LOC+180).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_place: Option<Place>,
    /// Port of clearance (LOC+22).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clearance_port: Option<String>,
    /// Port of embarkation (LOC+178).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub embarkation_port: Option<String>,
    /// Port of debarkation (LOC+179).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debarkation_port: Option<String>,
    /// Contacts (COM).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Crew function (EMP element 2) as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crew_function: Option<String>,
    /// Checked bags.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bags: Option<Bags>,
    /// Verification indicators (GEI+4 codes as written, `173`, `174`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub verification: Vec<String>,
    /// Segments of this traveller that could not be mapped (unknown tag or
    /// qualifier, or a value that could not be read), as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown_segments: Vec<String>,
}

impl Traveller {
    /// A traveller with a role and nothing else known yet.
    #[must_use]
    pub fn new(role: TravellerRole) -> Self {
        Traveller {
            role,
            surname: None,
            given_names: None,
            gender: None,
            birth_date: None,
            nationality: None,
            documents: Vec::new(),
            reservation_ref: None,
            passenger_ref: None,
            seat: None,
            other_refs: Vec::new(),
            id: None,
            given_name_parts: Vec::new(),
            address: None,
            residence_country: None,
            birth_place: None,
            clearance_port: None,
            embarkation_port: None,
            debarkation_port: None,
            contacts: Vec::new(),
            crew_function: None,
            bags: None,
            verification: Vec::new(),
            unknown_segments: Vec::new(),
        }
    }
}

/// Control totals the sender declared (CNT).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DeclaredCounts {
    /// CNT+42: number of passengers.
    pub passengers: Option<u32>,
    /// CNT+41: number of crew members.
    pub crew: Option<u32>,
}

/// One passenger or crew list: a PAXLST message, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manifest {
    /// What the list holds (BGM element 1); `null` when there is no BGM.
    pub list_type: Option<ListType>,
    /// Change or close-out variant (BGM element 2), where given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<ListVariant>,
    /// Envelope: interchange, group and message headers.
    pub envelope: Envelope,
    /// Transaction reference (RFF+TN).
    pub transaction_ref: Option<String>,
    /// The party that sent the list (NAD+MS).
    pub reporting_party: Option<ReportingParty>,
    /// Flight legs, in order.
    pub legs: Vec<Leg>,
    /// Travellers, in order.
    pub travellers: Vec<Traveller>,
    /// Control totals.
    pub declared_counts: DeclaredCounts,
    /// Segments outside any traveller that could not be mapped, as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown_segments: Vec<String>,
    /// Everything found while reading this message (syntax and mapping).
    pub diagnostics: Vec<Diagnostic>,
}
