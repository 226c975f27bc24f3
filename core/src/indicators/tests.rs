//! Tests across families.
