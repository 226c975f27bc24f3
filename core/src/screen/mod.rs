//! Screening: reconcile travellers across sources, evaluate rule packs, build assessments.

pub mod names;
pub mod assessment;
