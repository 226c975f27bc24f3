//! Embedded reference data: countries and airports.
//!
//! - [`countries`]: ISO 3166-1 codes and the ICAO 9303 nationality codes
//!   (`D`, `XXA`, `GBN`, `UNO`, ...), looked up by alpha-2 or alpha-3.
//!
//! The tables are compiled into the crate: no file or network access at
//! run time, and lookups never allocate.

pub mod countries;

pub use countries::{Country, CountryKind};
