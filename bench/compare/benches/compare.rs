//! paxscreen against edifact-rs, in one criterion run on the same bytes.
//!
//! Inputs (written by `scripts/bench-compare`, fixed seed):
//!
//! - `paxlst_flights`: every `*_paxlst.edi` of `paxscreen synth --travellers
//!   10000 --seed 1`, one interchange per flight (70 flights, 10,000
//!   travellers);
//! - `pnrgov_flights`: every `*_pnrgov.edi` of the same run, one push per
//!   flight;
//! - `paxlst_one`: one interchange of 10,000 travellers from
//!   `paxlst::synthetic::passenger_list` (line breaks after each segment,
//!   released `+` in COM).
//!
//! Groups, each over a whole corpus per iteration:
//!
//! - `tokenise`: paxscreen's `Lexer` (segment boundaries only), the same
//!   plus a split of every element and component, and edifact-rs's
//!   `Tokenizer` (which yields tags, elements and components);
//! - `segments`: paxscreen's `edifact::read` (segment tree: envelopes,
//!   messages, borrowed segments, elements split on access), the same plus
//!   a visit of every component, and edifact-rs's `from_bytes` collected
//!   (a `Vec` of segments with their elements and components split);
//! - `mapping`: paxscreen's `paxlst::parse` / `pnrgov::parse`, bytes to
//!   the passenger model. edifact-rs has no passenger model: no
//!   counterpart.
//!
//! The folder comes from `BENCH_COMPARE_DIR` (default
//! `target/bench-compare/inputs` at the repository root).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use paxscreen_bench_compare as w;
use paxscreen_bench_compare::Corpus;
use paxscreen_core::model::LinkKey;
use paxscreen_core::{paxlst, pnrgov};
use std::hint::black_box;
use std::path::PathBuf;

fn inputs() -> PathBuf {
    std::env::var_os("BENCH_COMPARE_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-compare/inputs"),
        PathBuf::from,
    )
}

type Workload = fn(&[u8]) -> usize;

fn over(corpus: &Corpus, f: Workload) -> usize {
    corpus.files.iter().map(|b| f(black_box(b))).sum()
}

fn group(c: &mut Criterion, name: &str, corpus: &Corpus, workloads: &[(&str, Workload)]) {
    let mut g = c.benchmark_group(format!("{name}/{}", corpus.name));
    g.throughput(Throughput::Bytes(corpus.bytes()));
    g.sample_size(10);
    for (id, f) in workloads {
        g.bench_function(*id, |b| b.iter(|| over(corpus, *f)));
    }
    g.finish();
}

fn paxlst_parse(input: &[u8]) -> usize {
    paxlst::parse(input, &paxlst::Options::default())
        .map_or(0, |p| p.manifests.iter().map(|m| m.travellers.len()).sum())
}

fn pnrgov_parse(input: &[u8]) -> usize {
    let options = pnrgov::Options {
        link_key: Some(LinkKey::new(b"bench key")),
        ..pnrgov::Options::default()
    };
    pnrgov::parse(input, &options).map_or(0, |p| p.bookings.len())
}

/// Both libraries must read every file, and find the same segments, or the
/// comparison means nothing.
fn check(corpus: &Corpus) {
    for (i, f) in corpus.files.iter().enumerate() {
        let ours = w::paxscreen_lexer(f);
        let theirs = w::edifact_rs_tokenizer(f);
        let parsed = w::edifact_rs_parse(f);
        assert!(
            ours > 0 && ours == theirs && theirs == parsed,
            "{} file {i}: paxscreen lexer {ours} segments, edifact-rs tokenizer {theirs}, parse {parsed}",
            corpus.name
        );
    }
    eprintln!(
        "{}: {} files, {} bytes, {} segments, {} components (paxscreen) / {} (edifact-rs)",
        corpus.name,
        corpus.files.len(),
        corpus.bytes(),
        over(corpus, w::paxscreen_lexer),
        over(corpus, w::paxscreen_read_split),
        over(corpus, w::edifact_rs_components),
    );
}

fn compare(c: &mut Criterion) {
    let dir = inputs();
    let load = |name: &str, sub: &str, suffix: &str| {
        Corpus::load(name, &dir.join(sub), suffix)
            .unwrap_or_else(|e| panic!("{}: {e} (run scripts/bench-compare)", dir.display()))
    };
    let corpora = [
        (
            load("paxlst_flights", "synth", "_paxlst.edi"),
            paxlst_parse as Workload,
        ),
        (
            load("pnrgov_flights", "synth", "_pnrgov.edi"),
            pnrgov_parse as Workload,
        ),
        (
            load("paxlst_one", "one", "_paxlst.edi"),
            paxlst_parse as Workload,
        ),
    ];
    for (corpus, _) in &corpora {
        check(corpus);
    }
    for (corpus, mapping) in &corpora {
        group(
            c,
            "tokenise",
            corpus,
            &[
                ("paxscreen_lexer", w::paxscreen_lexer),
                ("paxscreen_lexer_split", w::paxscreen_lexer_split),
                ("edifact_rs_tokenizer", w::edifact_rs_tokenizer),
            ],
        );
        group(
            c,
            "segments",
            corpus,
            &[
                ("paxscreen_read", w::paxscreen_read),
                ("paxscreen_read_split", w::paxscreen_read_split),
                ("edifact_rs_parse", w::edifact_rs_parse),
            ],
        );
        group(c, "mapping", corpus, &[("paxscreen_parse", *mapping)]);
    }
}

criterion_group!(benches, compare);
criterion_main!(benches);
