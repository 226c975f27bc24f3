//! Booking and payment (BKG family).
//!
//! * `booking.lead_time` (BKG-03, weak): booking creation to the flight's
//!   departure. PNRGOV gives the creation time (RCI) in GMT *(verify per
//!   sender)*; the departure is local at the origin and is made an instant
//!   with the origin's time zone.
//! * `booking.payment_cash`, `booking.payment_untraceable` (BKG-01, weak):
//!   current (not replaced) forms of payment.
//! * `booking.payer_is_traveller` (BKG-02): a payment's payer name is
//!   similar to a traveller's name, or a payment without payer name sits
//!   with a traveller of the booking (by index). A payer name without `/`
//!   (a card holder's name, `LENA M VOSS KRAUSE`) has no known order: it
//!   is read as written and at every split into given names then surname. A payer name that names
//!   nobody of the booking is `false` even though the payment sits in a
//!   traveller's ticket group (PNRGOV always puts it there). Missing when no
//!   payment says who paid.
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
        // A payer name, when the payment gives one, decides: a FOP sits in
        // the ticket group of the traveller it pays for (so it always
        // carries that traveller's index), which says nothing about who
        // paid when someone else is named.
        if let Some(payer) = p.payer.as_deref().filter(|s| !s.trim().is_empty()) {
            known = true;
            let readings = payer_readings(payer);
            if readings.iter().all(NormalisedName::is_empty) {
                continue;
            }
            let matched = b.travellers.iter().any(|t| {
                let name = NormalisedName::new(
                    t.surname.as_deref().unwrap_or(""),
                    t.given_names.as_deref().unwrap_or(""),
                );
                !name.is_empty()
                    && readings.iter().any(|payer| {
                        !payer.is_empty() && compare(payer, &name).score >= DEFAULT_THRESHOLD
                    })
            });
            if matched {
                return Slot::Bool(true);
            }
        } else if p.traveller.is_some_and(|i| i < b.travellers.len()) {
            return Slot::Bool(true);
        }
    }
    if known {
        Slot::Bool(false)
    } else {
        Slot::Missing
    }
}

/// The readings of a payer name: `SURNAME/GIVEN` as written; a name
/// without `/` as written (all surname) and at every split between words
/// into given names then surname (`LENA M VOSS KRAUSE`: `KRAUSE`,
/// `VOSS KRAUSE`, `M VOSS KRAUSE` as surname). [`compare`] also tries each
/// reading swapped, so surname-first names are covered.
fn payer_readings(payer: &str) -> Vec<NormalisedName> {
    if payer.contains('/') {
        return vec![NormalisedName::from_full_name(payer)];
    }
    let words: Vec<&str> = payer.split_whitespace().collect();
    let mut out = vec![NormalisedName::from_full_name(payer)];
    // Bounded: a payer name of more than eight words is read as written.
    if words.len() <= 8 {
        for i in 1..words.len() {
            out.push(NormalisedName::new(
                &words[i..].join(" "),
                &words[..i].join(" "),
            ));
        }
    }
    out
}

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
    fn payer_name_decides_over_the_ticket_holder() {
        // PNRGOV puts every FOP in the ticket group of a traveller: the
        // payment carries that traveller's index even when the IFT after it
        // names someone else as the payer.
        let mut i = input(vec![passenger("1", "DOE", "JANE", Some("1990-05-17"))]);
        let mut p = payment("CC");
        p.traveller = Some(0);
        i.bookings[0].payments.push(p);
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Bool(true));
        });
        i.bookings[0].payments[0].payer = Some("ROE/RICHARD".to_string());
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Bool(false));
        });
        i.bookings[0].payments[0].payer = Some("DOE/JANE".to_string());
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Bool(true));
        });
    }

    #[test]
    fn payer_name_in_given_then_surname_order_is_the_traveller() {
        // A card holder's name as written on the card, with no `/`: it was
        // read as one surname and never matched, so every booking paid by
        // its own traveller counted as paid by a third party (PRT-03a and
        // BKG-02a read this field).
        let mut i = input(vec![
            passenger("1", "ABDELAZIZ", "DINA", Some("1962-05-11")),
            passenger("2", "ABDELAZIZ", "MAHMOUD", Some("2010-01-29")),
        ]);
        let mut p = payment("CC");
        p.traveller = Some(0);
        p.payer = Some("DINA ABDELAZIZ".to_string());
        i.bookings[0].payments.push(p);
        for t in 0..2 {
            with_facts(&i, 0, t, |f| {
                assert_eq!(get(f, Field::BookingPayerIsTraveller), Value::Bool(true));
            });
        }
        for (payer, expected) in [
            ("ABDELAZIZ DINA", true),
            ("LENA M VOSS KRAUSE", false),
            ("JONAS PAYMASTER", false),
            ("MARIA JOSE GARCIA LOPEZ", false),
        ] {
            i.bookings[0].payments[0].payer = Some(payer.to_string());
            with_facts(&i, 0, 0, |f| {
                assert_eq!(
                    get(f, Field::BookingPayerIsTraveller),
                    Value::Bool(expected),
                    "{payer}"
                );
            });
        }
        let mut j = input(vec![passenger("1", "GARCIA LOPEZ", "MARIA JOSE", None)]);
        let mut q = payment("CC");
        q.payer = Some("MARIA JOSE GARCIA LOPEZ".to_string());
        j.bookings[0].payments.push(q);
        with_facts(&j, 0, 0, |f| {
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
