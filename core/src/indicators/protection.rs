//! Protection (PRT family): referrals, never risk.
//!
//! * `protection.minor_without_guardian` (PRT-01): age at departure under
//!   18, no UMNR service, and the booking names no adult sharing a surname
//!   token or an infant link. Surname difference is a weak input (naming
//!   cultures differ): this is a referral for a welfare check only. Missing
//!   without a booking or a birth date.
//! * `protection.umnr`: SSR UMNR booked for the traveller.
//! * `protection.umnr_details_missing` (PRT-02): UMNR with no service text,
//!   no phone or e-mail in the booking, or an age in the text (`UM08`) more
//!   than a year from the age computed from the birth date.

use super::{Context, Field, Slot, TravellerFacts};
use crate::model::booking::{Booking, ContactKind, SpecialService};

/// Computes the protection family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    let (Some(b), Some(p)) = (ctx.booking, ctx.passenger) else {
        return;
    };
    let reference = p.reference.as_deref();
    let umnr = p
        .special_services
        .iter()
        .chain(b.special_services.iter().filter(|s| {
            s.passenger_reference.is_none() || s.passenger_reference.as_deref() == reference
        }))
        .find(|s| s.code.eq_ignore_ascii_case("UMNR"));
    f.set(Field::ProtectionUmnr, Slot::Bool(umnr.is_some()));
    if let Some(age) = ctx.age {
        let minor = age < 18;
        let family = ctx.passenger_summary().is_some_and(|s| s.family_adult);
        f.set(
            Field::ProtectionMinorWithoutGuardian,
            Slot::Bool(minor && umnr.is_none() && !family),
        );
    }
    let details = match umnr {
        None => Slot::Bool(false),
        Some(s) => umnr_details_missing(b, s, ctx.age),
    };
    f.set(Field::ProtectionUmnrDetailsMissing, details);
}

fn umnr_details_missing<'v>(b: &Booking, s: &SpecialService, age: Option<i32>) -> Slot<'v> {
    let text = s.text.as_deref().unwrap_or("").trim();
    if text.is_empty() {
        return Slot::Bool(true);
    }
    let contact = b
        .contacts
        .iter()
        .any(|c| matches!(c.kind, ContactKind::Phone | ContactKind::Email));
    if !contact {
        return Slot::Bool(true);
    }
    if let (Some(stated), Some(age)) = (stated_age(text), age) {
        if (stated - age).abs() > 1 {
            return Slot::Bool(true);
        }
    }
    Slot::Bool(false)
}

/// The age in an UMNR text (`UM08`, `UM 10`), if any.
fn stated_age(text: &str) -> Option<i32> {
    let upper = text.to_ascii_uppercase();
    let at = upper.find("UM")?;
    let digits: String = upper[at + 2..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .take(2)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::model::booking::{Contact, ContactKind, SpecialService};
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    fn input(travellers: Vec<crate::model::booking::Passenger>) -> ScreeningInput {
        ScreeningInput {
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                vec![lhr_jfk()],
                travellers,
            )],
            ..Default::default()
        }
    }

    #[test]
    fn minor_with_and_without_guardian() {
        let alone = input(vec![
            passenger("1", "DOE", "JIM", Some("2014-06-01")),
            passenger("2", "ROE", "RICHARD", Some("1980-01-02")),
        ]);
        with_facts(&alone, 0, 0, |f| {
            assert_eq!(
                get(f, Field::ProtectionMinorWithoutGuardian),
                Value::Bool(true)
            );
            assert_eq!(get(f, Field::ProtectionUmnr), Value::Bool(false));
        });
        with_facts(&alone, 0, 1, |f| {
            assert_eq!(
                get(f, Field::ProtectionMinorWithoutGuardian),
                Value::Bool(false)
            );
        });
        let family = input(vec![
            passenger("1", "DOE", "JIM", Some("2014-06-01")),
            passenger("2", "ROE DOE", "ANNA", Some("1980-01-02")),
        ]);
        with_facts(&family, 0, 0, |f| {
            assert_eq!(
                get(f, Field::ProtectionMinorWithoutGuardian),
                Value::Bool(false)
            );
        });
    }

    #[test]
    fn umnr_details() {
        let mut i = input(vec![passenger("1", "DOE", "JIM", Some("2014-06-01"))]);
        i.bookings[0].travellers[0]
            .special_services
            .push(SpecialService {
                code: "UMNR".into(),
                text: Some("UM08".into()),
                ..Default::default()
            });
        with_facts(&i, 0, 0, |f| {
            assert_eq!(get(f, Field::ProtectionUmnr), Value::Bool(true));
            // No contact in the booking.
            assert_eq!(
                get(f, Field::ProtectionUmnrDetailsMissing),
                Value::Bool(true)
            );
            assert_eq!(
                get(f, Field::ProtectionMinorWithoutGuardian),
                Value::Bool(false)
            );
        });
        i.bookings[0].contacts.push(Contact {
            kind: ContactKind::Phone,
            source: "SSR CTCM".into(),
            purpose: None,
            traveller: None,
            payment: None,
            value: None,
            link: None,
            address: None,
        });
        // Stated age 8, computed 11: inconsistent.
        with_facts(&i, 0, 0, |f| {
            assert_eq!(
                get(f, Field::ProtectionUmnrDetailsMissing),
                Value::Bool(true)
            );
        });
        i.bookings[0].travellers[0].special_services[0].text = Some("UM11".into());
        with_facts(&i, 0, 0, |f| {
            assert_eq!(
                get(f, Field::ProtectionUmnrDetailsMissing),
                Value::Bool(false)
            );
        });
    }
}
