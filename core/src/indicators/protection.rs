//! protection indicators.

use super::{Context, TravellerFacts};

/// Computes the protection family.
pub fn compute<'v>(_ctx: &Context<'v, '_>, _f: &mut TravellerFacts<'v>) {}
