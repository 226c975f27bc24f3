//! Baggage (BAG family).
//!
//! * `bags.checked` (BAG-01, weak): checked bags from the API record
//!   (`MEA+CT`), else the pieces of the PNR check-in records for the
//!   traveller. Missing when neither says.
//! * `bags.pooled_with_unrelated` (BAG-02, weak): the PNR check-in record
//!   pools the traveller's bags under a head of pool of the same booking
//!   who shares no surname token and no infant link.

use super::{Context, Field, Slot, TravellerFacts};

/// Computes the baggage family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let api = ctx
        .view
        .api
        .and_then(|a| a.record.bags.as_ref())
        .and_then(|b| b.count);
    let checked = api.or_else(|| {
        let (b, i) = (ctx.booking?, ctx.passenger_index?);
        let mut total: Option<u32> = None;
        for ci in &b.check_in {
            for t in ci.travellers.iter().filter(|t| t.traveller == Some(i)) {
                for bags in &t.bags {
                    if let Some(p) = bags.pieces {
                        total = Some(total.unwrap_or(0).saturating_add(p));
                    }
                }
            }
        }
        total
    });
    if let Some(n) = checked {
        f.set(Field::BagsChecked, Slot::Number(f64::from(n)));
    }
    if let Some(p) = ctx
        .passenger_summary()
        .and_then(|p| p.pooled_with_unrelated)
    {
        f.set(Field::BagsPooledWithUnrelated, Slot::Bool(p));
    }
}
