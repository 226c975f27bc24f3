//! Batch throughput: generated traffic (`synth`, 10,000 travellers on 70
//! flights, a PAXLST manifest, a crew list and a PNRGOV push per flight)
//! read from memory, parsed and screened with the default carrier pack,
//! in travellers per second.
//!
//! - `batch/one_core`: every file parsed in turn, then `Screener::screen`;
//! - `batch/all_cores`: files parsed on every core (rayon), then
//!   `Screener::screen_parallel` (what `paxscreen screen DIR` does, without
//!   the file reads and the output).
//!
//! The files are generated into a temporary folder, read back and removed.
//! The million-traveller run end to end is the CLI's (see BENCHMARKS.md).

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_core::edifact::{self, ReadOptions};
use paxscreen_core::model::LinkKey;
use paxscreen_core::rules::Purpose;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::Screener;
use paxscreen_core::{paxlst, pnrgov, synth};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::Path;

/// The allocator the `paxscreen` CLI ships with, so the figures are the
/// CLI's (BENCHMARKS.md gives the system allocator's too).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TRAVELLERS: u64 = 10_000;

fn files(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "edi") {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(bytes);
            }
        }
    }
}

/// One file to models, as `paxscreen screen` reads it.
fn read(bytes: &[u8], today: NaiveDate, key: &LinkKey) -> ScreeningInput {
    let mut input = ScreeningInput::default();
    let Ok(t) = edifact::read(bytes, ReadOptions::default()) else {
        return input;
    };
    if t.has_message("PAXLST") {
        let options = paxlst::Options {
            strict: false,
            reference_date: Some(today),
        };
        input.manifests = paxlst::map_transmission(bytes, &t, &options).manifests;
    }
    if t.has_message("PNRGOV") {
        let options = pnrgov::Options {
            link_key: Some(key.clone()),
            ..pnrgov::Options::default()
        };
        input.bookings = pnrgov::map_transmission(bytes, &t, &options).bookings;
    }
    input
}

fn join(parts: Vec<ScreeningInput>) -> ScreeningInput {
    let mut all = ScreeningInput::default();
    for mut p in parts {
        all.manifests.append(&mut p.manifests);
        all.bookings.append(&mut p.bookings);
    }
    all
}

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("paxscreen-bench-batch-{}", std::process::id()));
    let config = synth::Config {
        travellers: TRAVELLERS,
        seed: 1,
        plants: Vec::new(),
        messy: 0.0,
    };
    let generated = synth::generate(&config, &dir);
    let mut inputs = Vec::new();
    files(&dir, &mut inputs);
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(summary) = generated else {
        return;
    };
    let today = synth::start_date();
    let key = LinkKey::new(b"bench key");
    let Ok(screener) = Screener::embedded(Purpose::Carrier, today) else {
        return;
    };

    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(summary.travellers));
    group.bench_function("one_core", |b| {
        b.iter(|| {
            let input = join(
                inputs
                    .iter()
                    .map(|f| read(black_box(f), today, &key))
                    .collect(),
            );
            screener.screen(&input).assessments.len()
        });
    });
    group.bench_function("all_cores", |b| {
        b.iter(|| {
            let input = join(
                inputs
                    .par_iter()
                    .map(|f| read(black_box(f), today, &key))
                    .collect(),
            );
            screener.screen_parallel(&input).assessments.len()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
