//! Booking and payment (BKG family).
//!
//! * `booking.lead_time` (BKG-03, weak): booking creation to the flight's
//!   departure. PNRGOV gives the creation time (RCI) in GMT *(verify per
//!   sender)*; the departure is local at the origin and is made an instant
//!   with the origin's time zone.
//! * `booking.payment_cash`, `booking.payment_untraceable` (BKG-01, weak):
//!   current (not replaced) forms of payment.
//! * `booking.payer_is_traveller` (BKG-02): a payment names a traveller of
//!   the booking by index, or its payer name is similar to a traveller's
//!   name. Missing when no payment says who paid.
//! * `booking.party_size`, `booking.adults`, `booking.minors`,
//!   `booking.unrelated_adults` (BKG-07, PRT-01): the party structure
//!   (adults share no surname token and no infant link).
//! * `booking.late_name_change`, `booking.late_document_change` (BKG-06):
//!   the history records a name (`NM`) or DOCS element that was not part of
//!   the original entry (history lines carry no time, so "late" means
//!   "after the original booking"; missing when there is no history).
//! * `booking.agency`: IATA number or office id of the booking office.

use super::{Context, Field, Slot, TravellerFacts};
use crate::model::booking::{Booking, HistoryEntry, PaymentKind};
use crate::screen::names::{compare, NormalisedName, DEFAULT_THRESHOLD};
use crate::screen::reconcile::is_untraceable;

/// Computes the booking family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let Some(b) = ctx.booking else {
        f.set(Field::BookingPresent, Slot::Bool(false));
        return;
    };
    f.set(Field::BookingPresent, Slot::Bool(true));
    if let (Some(created), Some(dep)) = (b.created, ctx.departure_utc) {
        let secs = (dep.naive_utc() - created).num_seconds();
        f.set(Field::BookingLeadTime, Slot::Duration(secs));
    }
    let mut current = b.payments.iter().filter(|p| !p.old).peekable();
    if current.peek().is_some() {
        let mut cash = false;
        let mut untraceable = true;
        for p in current {
            cash |= p.kind == PaymentKind::Cash;
            untraceable &= is_untraceable(&p.kind);
        }
        f.set(Field::BookingPaymentCash, Slot::Bool(cash));
        f.set(Field::BookingPaymentUntraceable, Slot::Bool(untraceable));
    }
    f.set(Field::BookingPayerIsTraveller, payer_is_traveller(b));
    f.set(
        Field::BookingPartySize,
        Slot::Number(b.travellers.len() as f64),
    );
    if let Some(s) = ctx.summary.as_ref() {
        f.set(Field::BookingAdults, Slot::Number(f64::from(s.adults)));
        f.set(Field::BookingMinors, Slot::Number(f64::from(s.minors)));
        f.set(
            Field::BookingUnrelatedAdults,
            Slot::Bool(s.unrelated_adults),
        );
    }
    if !b.history.is_empty() {
        let (name, docs) = history_changes(&b.history);
        f.set(Field::BookingLateNameChange, Slot::Bool(name));
        f.set(Field::BookingLateDocumentChange, Slot::Bool(docs));
    }
    let agency = b.booking_office.as_ref().and_then(|o| {
        o.iata_number
            .as_deref()
            .or(o.office_id.as_deref())
            .filter(|s| !s.trim().is_empty())
    });
    if let Some(a) = agency {
        f.set(Field::BookingAgency, Slot::Text(a));
    }
}

fn payer_is_traveller<'v>(b: &Booking) -> Slot<'v> {
    let mut known = false;
    for p in b.payments.iter().filter(|p| !p.old) {
        if p.traveller.is_some_and(|i| i < b.travellers.len()) {
            return Slot::Bool(true);
        }
        if let Some(payer) = p.payer.as_deref().filter(|s| !s.trim().is_empty()) {
            known = true;
            let payer = NormalisedName::from_full_name(payer);
            if payer.is_empty() {
                continue;
            }
            let matched = b.travellers.iter().any(|t| {
                let name = NormalisedName::new(
                    t.surname.as_deref().unwrap_or(""),
                    t.given_names.as_deref().unwrap_or(""),
                );
                !name.is_empty() && compare(&payer, &name).score >= DEFAULT_THRESHOLD
            });
            if matched {
                return Slot::Bool(true);
            }
        }
    }
    if known {
        Slot::Bool(false)
    } else {
        Slot::Missing
    }
}

/// Reads history lines `n/ACTION/ELEMENT/...` (`0/O/NM/...` is the
/// original name element): a name or DOCS element with an action other
/// than `O` (original), or in an envelope after `0`, is a change.
fn history_changes(history: &[HistoryEntry]) -> (bool, bool) {
    let mut name = false;
    let mut docs = false;
    for h in history {
        let mut parts = h.text.split('/');
        let (Some(envelope), Some(action), Some(element)) =
            (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let changed = action.trim() != "O" || !envelope.trim().trim_start_matches('0').is_empty();
        if !changed {
            continue;
        }
        let element = element.trim();
        if element == "NM" {
            name = true;
        }
        if element == "DOCS" || (element == "SSR" && h.text.contains("DOCS")) {
            docs = true;
        }
    }
    (name, docs)
}

#[cfg(test)]
mod tests {
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::model::booking::{HistoryEntry, Payment, PaymentKind};
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    fn input(travellers: Vec<crate::model::booking::Passenger>) -> ScreeningInput {
        ScreeningInput {
            bookings: vec![booking(
                "ABC123",
                "2026-03-14T20:00",
                vec![lhr_jfk()],
                travellers,
            )],
            ..Default::default()
        }
    }

    fn payment(kind: &str) -> Payment {
        Payment {
            kind: PaymentKind::from_code(kind),
            code: kind.to_string(),
            old: false,
            amount: None,
            currency: None,
            card: None,
            account: None,
            traveller: None,
            ticket: None,
            payer: None,
        }
    }

    #[test]
    fn lead_time_and_payment() {
        let mut i = input(vec![passenger("1", "DOE", "JANE", Some("1990-05-17"))]);
        i.bookings[0].payments.push(payment("CA"));
        with_facts(&i, 0, 0, |f| {
            // 10:00 London (UTC+0 in March) minus 20:00Z the day before.
            assert_eq!(get(f, Field::BookingLeadTime), Value::Duration(14 * 3600));
            assert_eq!(get(f, Field::BookingPaymentCash), Value::Bool(true));
            assert_eq!(get(f, Field::BookingPaymentUntraceable), Value::Bool(true));
            assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Missing);
        });
        i.bookings[0].payments[0] = payment("CC");
        i.bookings[0].payments[0].payer = Some("ROE/RICHARD".to_string());
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingPaymentCash), Value::Bool(false));
            assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Bool(false));
        });
        i.bookings[0].payments[0].payer = Some("DOE/JANE MS".to_string());
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Bool(true));
        });
    }

    #[test]
    fn party_structure() {
        let unrelated = input(vec![
            passenger("1", "DOE", "JANE", Some("1990-05-17")),
            passenger("2", "ROE", "RICHARD", Some("1985-02-03")),
        ]);
        with_facts(&unrelated, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingAdults), Value::Number(2.0));
            assert_eq!(get(f, Field::BookingUnrelatedAdults), Value::Bool(true));
        });
        let family = input(vec![
            passenger("1", "DOE", "JANE", Some("1990-05-17")),
            passenger("2", "DOE", "JOHN", Some("1988-02-03")),
            passenger("3", "DOE", "JIM", Some("2019-02-03")),
        ]);
        with_facts(&family, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingMinors), Value::Number(1.0));
            assert_eq!(get(f, Field::BookingUnrelatedAdults), Value::Bool(false));
        });
    }

    #[test]
    fn history_changes() {
        let mut i = input(vec![passenger("1", "DOE", "JANE", None)]);
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingLateNameChange), Value::Missing);
        });
        let entry = |t: &str| HistoryEntry {
            tag: "LTS".into(),
            text: t.into(),
            free_text: true,
        };
        i.bookings[0].history.push(entry("0/O/NM/DOE/JANE MS"));
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingLateNameChange), Value::Bool(false));
        });
        i.bookings[0].history.push(entry("2/X/NM/ROE/RICHARD MR"));
        i.bookings[0]
            .history
            .push(entry("2/A/SSR/DOCS ZZ HK1 P/UTO/X1"));
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingLateNameChange), Value::Bool(true));
            assert_eq!(get(f, Field::BookingLateDocumentChange), Value::Bool(true));
        });
    }
}
