//! paxscreen core: reads passenger data as it travels between carriers and
//! border agencies (UN/EDIFACT PAXLST manifests, PNRGOV bookings, ICAO 9303
//! MRZ document scans) into one owned model, and screens it against reviewed
//! indicator rules.
//!
//! Data flows one way: bytes -> syntax ([`edifact`], [`mrz`]) -> message
//! mapping ([`paxlst`], [`pnrgov`]) -> [`model`]. No layer reaches back up.
#![forbid(unsafe_code)]

pub mod edifact;
pub mod indicators;
pub mod model;
pub mod mrz;
pub mod paxlst;
pub mod pnrgov;
pub mod reference;
pub mod rules;
pub mod screen;
pub mod synth;

pub use model::{Diagnostic, Position, Severity};
