//! Facilitator network (NET family, per traveller).
//!
//! The input-wide [`InputIndex`](crate::screen::reconcile::InputIndex)
//! links bookings by keyed hashes (never by clear values):
//!
//! * `booking.card_shared_bookings` (BKG-02, NET-01): other bookings of the
//!   input paid with a card of this booking;
//! * `booking.contact_shared_bookings` (BKG-04, NET-01): other bookings with
//!   a phone or e-mail of this booking.
//!
//! Document recycling across identities (DOC-07) is in [`super::doc`]. The
//! component-level indicator (a hub identifier with many passengers) has
//! the identifier as subject, not a traveller, and is not a traveller fact.

use super::{Context, Field, Slot, TravellerFacts};

/// Computes the network family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let Some(s) = ctx.summary.as_ref() else {
        return;
    };
    f.set(
        Field::BookingCardSharedBookings,
        Slot::Number(f64::from(s.card_shared_bookings)),
    );
    f.set(
        Field::BookingContactSharedBookings,
        Slot::Number(f64::from(s.contact_shared_bookings)),
    );
}

#[cfg(test)]
mod tests {
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::model::booking::{Contact, ContactKind, Payment, PaymentCard, PaymentKind};
    use crate::model::LinkHash;
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    fn card(hash: &str) -> Payment {
        Payment {
            kind: PaymentKind::Card,
            code: "CC".into(),
            old: false,
            amount: None,
            currency: None,
            card: Some(PaymentCard {
                vendor: None,
                masked: "411111******1111".into(),
                link: LinkHash(hash.into()),
                masked_by_sender: false,
                expires: None,
            }),
            account: None,
            traveller: None,
            ticket: None,
            payer: None,
        }
    }

    fn phone(hash: &str) -> Contact {
        Contact {
            kind: ContactKind::Phone,
            source: "SSR CTCM".into(),
            purpose: None,
            traveller: None,
            payment: None,
            value: None,
            link: Some(LinkHash(hash.into())),
            address: None,
        }
    }

    #[test]
    fn shared_cards_and_contacts() {
        let mut bookings = Vec::new();
        for (i, name) in ["DOE", "ROE", "POE", "MOE"].iter().enumerate() {
            let mut b = booking(
                &format!("LOC{i}"),
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                vec![passenger("1", name, "A", None)],
            );
            b.payments.push(card(if i < 3 { "c1" } else { "c2" }));
            b.contacts
                .push(phone(if i == 0 || i == 3 { "p1" } else { "p2" }));
            bookings.push(b);
        }
        let input = ScreeningInput {
            bookings,
            ..Default::default()
        };
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingCardSharedBookings), Value::Number(2.0));
            assert_eq!(
                get(f, Field::BookingContactSharedBookings),
                Value::Number(1.0)
            );
        });
        with_facts(&input, 0, 3, |f| {
            assert_eq!(get(f, Field::BookingCardSharedBookings), Value::Number(0.0));
        });
    }
}
