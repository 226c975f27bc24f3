//! Tests of the PAXLST mapping.
