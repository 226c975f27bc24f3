//! itinerary indicators.

use super::{Context, TravellerFacts};

/// Computes the itinerary family.
pub fn compute<'v>(_ctx: &Context<'v, '_>, _f: &mut TravellerFacts<'v>) {}
