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

#[cfg(test)]
mod tests {
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::model::booking::{Bags, CheckIn, CheckedIn};
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    #[test]
    fn checked_bags_and_pooling() {
        let mut t = traveller("DOE", "JANE", "1990-05-17");
        t.bags = Some(crate::model::Bags {
            count: Some(0),
            ..Default::default()
        });
        let input = ScreeningInput {
            manifests: vec![flight(vec![t])],
            ..Default::default()
        };
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::BagsChecked), Value::Number(0.0));
            assert_eq!(get(f, Field::BagsPooledWithUnrelated), Value::Missing);
        });
        let mut b = booking(
            "ABC123",
            "2026-03-01T10:00",
            vec![lhr_jfk()],
            vec![
                passenger("1", "DOE", "JANE", None),
                passenger("2", "ROE", "RICHARD", None),
            ],
        );
        let pooled = |head: &str| Bags {
            pieces: Some(2),
            pooled: true,
            head_of_pool: Some(head.to_string()),
            ..Default::default()
        };
        b.check_in.push(CheckIn {
            segment: Some(0),
            travellers: vec![CheckedIn {
                traveller: Some(0),
                bags: vec![pooled("2")],
                ..Default::default()
            }],
            ..Default::default()
        });
        let input = ScreeningInput {
            bookings: vec![b],
            ..Default::default()
        };
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::BagsChecked), Value::Number(2.0));
            assert_eq!(get(f, Field::BagsPooledWithUnrelated), Value::Bool(true));
        });
        let mut family = input.clone();
        family.bookings[0].travellers[1].surname = Some("DOE".to_string());
        with_facts(&family, 0, 0, |f| {
            assert_eq!(get(f, Field::BagsPooledWithUnrelated), Value::Bool(false));
        });
    }
}
