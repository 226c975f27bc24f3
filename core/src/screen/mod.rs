//! Screening: reconcile travellers across sources, evaluate rule packs, build assessments.

pub mod assessment;
pub mod names;
pub mod reconcile;
pub mod screener;
pub mod stream;

pub use screener::{
    default_pack, display_lint, Screener, ScreenerError, Screening, BORDER_API_PACK, CARRIER_PACK,
};

#[cfg(test)]
mod tests;
