//! Screening throughput and check-in latency.
//!
//! - `screen/manifest`: travellers per second for the default carrier pack
//!   over a generated manifest of 10,000 passengers (one core; the input
//!   index and reconciliation included).
//! - `screen/checkin`: one check-in call, parse one passenger's PAXLST and
//!   screen them. Besides criterion's mean, a loop of 10,000 timed calls is
//!   sorted and its p99 printed (not asserted).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_core::paxlst::synthetic::passenger_list;
use paxscreen_core::paxlst::{parse, Options};
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::Screener;
use std::hint::black_box;
use std::time::Instant;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn screener() -> Option<Screener> {
    Screener::embedded(Purpose::Carrier, NaiveDate::from_ymd_opt(2026, 6, 1)?).ok()
}

fn checkin_call(screener: &Screener, bytes: &[u8]) -> usize {
    let Ok(parsed) = parse(bytes, &Options::default()) else {
        return 0;
    };
    let Some(m) = parsed.manifests.first() else {
        return 0;
    };
    let (Some(t), Some(leg)) = (m.travellers.first(), m.legs.first()) else {
        return 0;
    };
    screener.screen_checkin(t, leg, None, None).findings.len()
}

fn screen(c: &mut Criterion) {
    let Some(screener) = screener() else {
        return;
    };
    let travellers = 10_000;
    let bytes = passenger_list(travellers);
    let Ok(parsed) = parse(&bytes, &Options::default()) else {
        return;
    };
    let input = ScreeningInput {
        manifests: parsed.manifests,
        ..ScreeningInput::default()
    };
    let mut group = c.benchmark_group("screen");
    group.sample_size(10);
    group.throughput(Throughput::Elements(travellers as u64));
    group.bench_function("manifest", |b| {
        b.iter(|| screener.screen(black_box(&input)).assessments.len());
    });
    group.finish();

    let one = passenger_list(1);
    let mut group = c.benchmark_group("screen");
    group.throughput(Throughput::Elements(1));
    group.bench_function("checkin", |b| {
        b.iter(|| checkin_call(&screener, black_box(&one)));
    });
    group.finish();

    let mut times: Vec<u128> = (0..10_000)
        .map(|_| {
            let start = Instant::now();
            black_box(checkin_call(&screener, black_box(&one)));
            start.elapsed().as_nanos()
        })
        .collect();
    times.sort_unstable();
    let mean = times.iter().sum::<u128>() / times.len() as u128;
    let p99 = times[times.len() * 99 / 100];
    println!(
        "check-in (parse one passenger + screen), 10,000 calls: mean {:.1} us, p99 {:.1} us",
        mean as f64 / 1000.0,
        p99 as f64 / 1000.0
    );
}

criterion_group!(benches, screen);
criterion_main!(benches);
