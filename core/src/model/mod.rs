//! The owned domain model shared by every reader and by the screening:
//! manifests, bookings, travellers, documents, legs, and the diagnostics
//! attached to each.

pub mod booking;
mod date;
mod diagnostic;
mod document;
pub mod linkage;
mod manifest;
mod person;
mod scan;

pub use booking::Booking;
pub use date::{
    month_from_abbreviation, parse_hhmm, resolve_two_digit_year, split_ddmmmyy, split_ddmmyy,
    split_yymmdd, DateRole,
};
pub use diagnostic::{make_strict, resolve_positions, Diagnostic, LineIndex, Position, Severity};
pub use document::{DocumentKind, TravelDocument};
pub use linkage::{LinkHash, LinkKey};
pub use manifest::{
    Address, BagTag, Bags, Contact, DeclaredCounts, Envelope, EnvelopeParty, Leg, LegPoint,
    ListType, ListVariant, Manifest, Measure, MessagePart, Place, Reference, ReportingParty,
    Traveller, TravellerRole,
};
pub use person::Gender;
pub use scan::{CheckName, CheckResult, DocumentScan, Misread, MrzChecks, MrzField, MrzFormat};
