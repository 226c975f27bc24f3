//! Itinerary (ITN family).
//!
//! The booking's itinerary is read as a journey: it starts at the first
//! segment's origin; it is **one-way** (ITN-01, weak) when no segment comes
//! back to within [`SAME_PLACE_KM`] of that origin. The outbound journey
//! ends at the last destination (one-way) or at the destination farthest
//! from the origin (return trips).
//!
//! * `trip.distance_km`: great-circle kilometres summed over the outbound
//!   segments; `trip.od_distance_km`: origin to destination; `trip.circuity`
//!   (ITN-05, weak): their ratio.
//! * `trip.transit_points`, `trip.min_connection`, `trip.max_connection`
//!   (ITN-02): the connections of the outbound journey, with each local time
//!   made an instant in its airport's time zone.
//! * `trip.long_haul`: origin-destination distance over 3,000 km.
//! * `trip.onward_missing` (ITN-02/03): the traveller is declared in transit
//!   at the flight's arrival airport (API role `transit_passenger`, an API
//!   debarkation port other than the flight's destination, or SSR TWOV) and
//!   the booking has no segment leaving that airport after the flight.
//!
//! Without a booking, the trip is the screened flight alone: distances are
//! given, one-way and connections are missing.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::{Context, Field, Slot, TravellerFacts};
use crate::model::booking::FlightSegment;
use crate::reference::airports::{self, Airport};

/// Two airports this close are the same place for "comes back to the
/// origin" (a city's several airports).
pub const SAME_PLACE_KM: f64 = 150.0;

/// The origin-destination distance over which a trip is long-haul.
pub const LONG_HAUL_KM: f64 = 3000.0;

struct Hop<'a> {
    from: &'static Airport,
    to: &'static Airport,
    to_code: &'a str,
    departure: Option<NaiveDateTime>,
    arrival: Option<NaiveDateTime>,
}

fn instant(airport: &Airport, local: Option<NaiveDateTime>) -> Option<DateTime<Utc>> {
    airports::local_to_utc(airport, local?)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Computes the itinerary family.
pub fn compute<'v>(ctx: &Context<'v, '_>, f: &mut TravellerFacts<'v>) {
    f.set(Field::TripOnwardMissing, onward_missing(ctx));
    let segments: &[FlightSegment] = ctx.booking.map_or(&[], |b| b.itinerary.as_slice());
    if segments.is_empty() {
        // The screened flight alone.
        if let (Some(o), Some(d)) = (ctx.origin, ctx.destination) {
            let km = airports::great_circle_km(o, d);
            f.set(Field::TripDistanceKm, Slot::Number(round1(km)));
            f.set(Field::TripOdDistanceKm, Slot::Number(round1(km)));
            f.set(Field::TripLongHaul, Slot::Bool(km > LONG_HAUL_KM));
        }
        return;
    }
    // Every segment must name known airports, or the trip is not computable.
    let mut hops: Vec<Hop<'_>> = Vec::with_capacity(segments.len());
    for s in segments {
        let (Some(from), Some(to)) = (
            s.origin.as_deref().and_then(airports::airport),
            s.destination.as_deref().and_then(airports::airport),
        ) else {
            return;
        };
        hops.push(Hop {
            from,
            to,
            to_code: s.destination.as_deref().unwrap_or(""),
            departure: s.departure,
            arrival: s.arrival,
        });
    }
    let Some(first) = hops.first() else {
        return;
    };
    let origin = first.from;
    let returns = hops
        .iter()
        .any(|h| airports::great_circle_km(origin, h.to) <= SAME_PLACE_KM);
    f.set(Field::TripOneWay, Slot::Bool(!returns));
    let end = if returns {
        // The farthest destination; the first hop reaching it ends the way out.
        let mut best = (0usize, -1.0f64);
        for (i, h) in hops.iter().enumerate() {
            let d = airports::great_circle_km(origin, h.to);
            if d > best.1 {
                best = (i, d);
            }
        }
        best.0
    } else {
        hops.len() - 1
    };
    let journey = &hops[..=end];
    let distance: f64 = journey
        .iter()
        .map(|h| airports::great_circle_km(h.from, h.to))
        .sum();
    let od = journey
        .last()
        .map_or(0.0, |h| airports::great_circle_km(origin, h.to));
    f.set(Field::TripDistanceKm, Slot::Number(round1(distance)));
    f.set(Field::TripOdDistanceKm, Slot::Number(round1(od)));
    if od >= 1.0 {
        f.set(
            Field::TripCircuity,
            Slot::Number((distance / od * 1000.0).round() / 1000.0),
        );
    }
    f.set(Field::TripLongHaul, Slot::Bool(od > LONG_HAUL_KM));
    f.set(Field::TripSegments, Slot::Number(journey.len() as f64));
    f.set_transit_points(Some(
        journey[..journey.len() - 1]
            .iter()
            .map(|h| h.to_code)
            .collect(),
    ));
    let mut min: Option<i64> = None;
    let mut max: Option<i64> = None;
    for pair in journey.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if let (Some(arr), Some(dep)) = (instant(a.to, a.arrival), instant(b.from, b.departure)) {
            let secs = (dep - arr).num_seconds();
            min = Some(min.map_or(secs, |m| m.min(secs)));
            max = Some(max.map_or(secs, |m| m.max(secs)));
        }
    }
    if let Some(m) = min {
        f.set(Field::TripMinConnection, Slot::Duration(m));
    }
    if let Some(m) = max {
        f.set(Field::TripMaxConnection, Slot::Duration(m));
    }
}

fn onward_missing<'v>(ctx: &Context<'v, '_>) -> Slot<'v> {
    let Some(hub) = ctx.case.destination else {
        return Slot::Missing;
    };
    let api_transit = ctx.view.api.is_some_and(|a| {
        matches!(a.record.role, crate::model::TravellerRole::TransitPassenger)
            || a.record
                .debarkation_port
                .as_deref()
                .is_some_and(|p| !p.trim().is_empty() && !p.trim().eq_ignore_ascii_case(hub))
    });
    let twov = ctx.passenger.is_some_and(|p| {
        p.special_services
            .iter()
            .any(|s| s.code.eq_ignore_ascii_case("TWOV"))
    });
    if !api_transit && !twov {
        return Slot::Bool(false);
    }
    let Some(booking) = ctx.booking else {
        return Slot::Missing;
    };
    let after = ctx.case.segment_in(booking).map_or(0, |i| i + 1);
    let arrival = ctx.case.arrival;
    let onward = booking.itinerary.iter().enumerate().any(|(i, s)| {
        s.origin
            .as_deref()
            .is_some_and(|o| o.eq_ignore_ascii_case(hub))
            && (i >= after || matches!((s.departure, arrival), (Some(d), Some(a)) if d >= a))
    });
    Slot::Bool(!onward)
}

#[cfg(test)]
mod tests {
    use crate::indicators::tests::*;
    use crate::indicators::Field;
    use crate::model::TravellerRole;
    use crate::rules::Value;
    use crate::screen::reconcile::ScreeningInput;

    fn with_itinerary(itinerary: Vec<crate::model::booking::FlightSegment>) -> ScreeningInput {
        let mut t = traveller("DOE", "JANE", "1990-05-17");
        t.reservation_ref = Some("ABC123".to_string());
        ScreeningInput {
            manifests: vec![flight(vec![t])],
            bookings: vec![booking(
                "ABC123",
                "2026-03-01T10:00",
                itinerary,
                vec![passenger("1", "DOE", "JANE", Some("1990-05-17"))],
            )],
            scans: vec![],
        }
    }

    #[test]
    fn one_way_long_haul_and_return() {
        with_facts(&with_itinerary(vec![lhr_jfk()]), 0, 0, |f| {
            assert_eq!(get(f, Field::TripOneWay), Value::Bool(true));
            assert_eq!(get(f, Field::TripLongHaul), Value::Bool(true));
            assert_eq!(get(f, Field::TripSegments), Value::Number(1.0));
            assert_eq!(get(f, Field::TripCircuity), Value::Number(1.0));
            assert_eq!(f.transit_points(), Some(&[][..]));
        });
        let back = segment("102", "JFK", "2026-03-20T18:00", "LGW", "2026-03-21T06:00");
        with_facts(&with_itinerary(vec![lhr_jfk(), back]), 0, 0, |f| {
            assert_eq!(get(f, Field::TripOneWay), Value::Bool(false));
            assert_eq!(get(f, Field::TripSegments), Value::Number(1.0));
        });
    }

    #[test]
    fn connections_use_time_zones() {
        // FRA 10:00 (UTC+1) -> LHR 10:45 (UTC) = 10:45Z; LHR 13:00 -> JFK.
        let a = segment("100", "FRA", "2026-03-15T09:00", "LHR", "2026-03-15T09:45");
        let mut input = with_itinerary(vec![a, lhr_jfk()]);
        input.manifests[0].legs[0].departure.airport = Some("LHR".to_string());
        with_facts(&input, 0, 0, |f| {
            assert_eq!(f.transit_points(), Some(&["LHR"][..]));
            assert_eq!(get(f, Field::TripMinConnection), Value::Duration(15 * 60));
            assert_eq!(get(f, Field::TripSegments), Value::Number(2.0));
            let Value::Number(c) = get(f, Field::TripCircuity) else {
                panic!()
            };
            assert!(c > 1.0);
        });
    }

    #[test]
    fn onward_missing_for_declared_transit() {
        let mut input = with_itinerary(vec![lhr_jfk()]);
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::TripOnwardMissing), Value::Bool(false));
        });
        input.manifests[0].travellers[0].role = TravellerRole::TransitPassenger;
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::TripOnwardMissing), Value::Bool(true));
        });
        input.bookings[0].itinerary.push(segment(
            "777",
            "JFK",
            "2026-03-15T18:00",
            "BOG",
            "2026-03-16T00:00",
        ));
        with_facts(&input, 0, 0, |f| {
            assert_eq!(get(f, Field::TripOnwardMissing), Value::Bool(false));
        });
    }
}
