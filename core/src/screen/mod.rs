//! Screening: reconcile travellers across sources, evaluate rule packs, build assessments.

pub mod assessment;
pub mod names;
pub mod reconcile;
