//! PAXLST throughput: bytes to manifests over a generated interchange of
//! 100,000 passengers.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_core::edifact::{read, ReadOptions};
use paxscreen_core::paxlst::synthetic::passenger_list;
use paxscreen_core::paxlst::{map_transmission, parse, Options};
use std::hint::black_box;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn paxlst(c: &mut Criterion) {
    let input = passenger_list(100_000);
    let mut group = c.benchmark_group("paxlst");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(10);
    group.bench_function("parse", |b| {
        b.iter(|| parse(black_box(&input), &Options::default()).map_or(0, |p| p.manifests.len()));
    });
    // The mapping alone, on an interchange already read.
    if let Ok(t) = read(&input, ReadOptions::default()) {
        group.bench_function("map_transmission", |b| {
            b.iter(|| {
                map_transmission(&input, black_box(&t), &Options::default())
                    .manifests
                    .len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, paxlst);
criterion_main!(benches);
