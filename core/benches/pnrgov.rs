//! PNRGOV bytes -> Bookings, on a generated push of realistic size.
//!
//! Budget (DESIGN.md): >= 200 MB/s on one core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_core::model::LinkKey;
use paxscreen_core::pnrgov::{parse, Options};
use std::hint::black_box;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A push of `n` PNRs: the example PNRs repeated with new locators.
fn generated(n: usize) -> Vec<u8> {
    let text = include_str!("../../examples/data/pnrgov_many_pnrs.edi");
    let first = text.find("SRC'").unwrap_or(0);
    let end = text.find("UNT+").unwrap_or(text.len());
    let pnrs: Vec<&str> = text[first..end]
        .split("SRC'")
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut body = String::new();
    for i in 0..n {
        let pnr = pnrs[i % pnrs.len()];
        let at = pnr.find("RCI+").map_or(0, |a| a + 4);
        let colon = at + pnr[at..].find(':').map_or(0, |c| c + 1);
        body.push_str("SRC'");
        body.push_str(&pnr[..colon]);
        body.push_str(&format!("G{i:05}"));
        body.push_str(&pnr[colon + 6..]);
    }
    let segments = body.matches('\'').count() + 6;
    format!(
        "UNA:+.?*'\nUNB+IATA:1+ZZ+DEAPIS+260314:0815+1'\nUNH+1+PNRGOV:11:1:IA+ZZ0401/150326/1005'\n\
         MSG+:22'\nORG+ZZ:FRA'\nTVL+150326:1005:150326:1240+FRA+LIS+ZZ+401'\nEQN+{n}'\n{body}UNT+{segments}+1'\nUNZ+1+1'\n"
    )
    .into_bytes()
}

fn bench(c: &mut Criterion) {
    let input = generated(5000);
    let options = Options {
        link_key: Some(LinkKey::new(b"bench key")),
        ..Options::default()
    };
    let mut group = c.benchmark_group("pnrgov");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(10);
    group.bench_function("parse_5000_pnrs", |b| {
        b.iter(|| {
            let parsed = parse(black_box(&input), &options);
            black_box(parsed.map_or(0, |p| p.bookings.len()))
        });
    });
    group.bench_function("edifact_read_only", |b| {
        b.iter(|| {
            let t = paxscreen_core::edifact::read(black_box(&input), Default::default());
            black_box(t.map_or(0, |t| t.interchanges.len()))
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
