//! Lexing throughput: `edifact::read` and the bare `Lexer` over a large
//! generated PAXLST interchange.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_core::edifact::{read, Delimiters, Lexer, ReadOptions};
use paxscreen_core::paxlst::synthetic::passenger_list;
use std::hint::black_box;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn lexing(c: &mut Criterion) {
    let input = passenger_list(100_000);
    let mut group = c.benchmark_group("lexing");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(10);
    group.bench_function("lexer", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for s in Lexer::new(black_box(&input), 9, Delimiters::default()) {
                n += s.content.len();
            }
            n
        });
    });
    group.bench_function("edifact_read", |b| {
        b.iter(|| {
            read(black_box(&input), ReadOptions::default()).map_or(0, |t| t.interchanges.len())
        });
    });
    group.finish();
}

criterion_group!(benches, lexing);
criterion_main!(benches);
