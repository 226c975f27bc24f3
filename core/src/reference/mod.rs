//! Embedded reference data: countries and airports.
