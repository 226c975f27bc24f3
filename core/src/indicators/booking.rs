//! booking indicators.

use super::{Context, TravellerFacts};

/// Computes the booking family.
pub fn compute<'v>(_ctx: &Context<'v, '_>, _f: &mut TravellerFacts<'v>) {}
