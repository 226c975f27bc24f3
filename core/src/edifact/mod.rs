//! The UN/EDIFACT syntax layer (ISO 9735).
