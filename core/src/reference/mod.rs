//! Embedded reference data: countries and airports.
//!
//! - [`countries`]: ISO 3166-1 codes and the ICAO 9303 nationality codes
//!   (`D`, `XXA`, `GBN`, `UNO`, ...), looked up by alpha-2 or alpha-3.
//! - [`airports`]: airports by IATA code with country, position and IANA
//!   time zone; great-circle distances and local-to-UTC conversion.
//!
//! The tables are compiled into the crate: no file or network access at
//! run time, and lookups never allocate.

pub mod airports;
pub mod countries;

pub use airports::{airport, great_circle_km, local_to_utc, Airport};
pub use countries::{Country, CountryKind};
