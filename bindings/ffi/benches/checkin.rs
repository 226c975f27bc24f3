//! The Rust side of the per-call overhead comparison: one check-in screen
//! of a one-passenger PAXLST message, through the core directly (parse +
//! `Screener::screen_checkin`) and through this crate's Rust API (the same
//! plus the conversion into FFI records), without any foreign call.
//! Compare with bindings/python/bench and the Kotlin CheckinBench.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use paxscreen_core::paxlst;
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen;
use std::hint::black_box;

const MESSAGE: &[u8] =
    b"UNA:+.? 'UNB+UNOA:4+ZZAIR+AGENCY+260301:0800+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'\
TDT+20+ZZ101+++ZZ'LOC+125+LHR'DTM+189:2603011000:201'LOC+87+JFK'DTM+232:2603011315:201'\
NAD+FL+++EXAMPLE:ANNA'ATT+2++F'DTM+329:850412'NAT+2+GBR'\
DOC+P:110:111+X00000001'DTM+36:300115'LOC+91+GBR'CNT+42:1'UNT+15+1'UNZ+1+1'";

fn checkin(c: &mut Criterion) {
    let Some(today) = NaiveDate::from_ymd_opt(2026, 3, 1) else {
        return;
    };
    let Ok(core) = screen::Screener::embedded(Purpose::Carrier, today) else {
        return;
    };
    c.bench_function("checkin/core", |b| {
        b.iter(|| {
            let parsed = paxlst::parse(black_box(MESSAGE), &paxlst::Options::default());
            if let Ok(parsed) = parsed {
                if let Some(m) = parsed.manifests.first() {
                    if let (Some(t), Some(leg)) = (m.travellers.first(), m.legs.first()) {
                        black_box(core.screen_checkin(t, leg, None, None));
                    }
                }
            }
        });
    });
    let Ok(ffi) = paxscreen_ffi::Screener::new(
        "carrier".to_string(),
        None,
        Some("2026-03-01".to_string()),
        None,
    ) else {
        return;
    };
    c.bench_function("checkin/ffi-rust-api", |b| {
        b.iter(|| black_box(ffi.screen_checkin(black_box(MESSAGE).to_vec(), 0, None, None)));
    });
}

criterion_group!(benches, checkin);
criterion_main!(benches);
