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
