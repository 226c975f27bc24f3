//! PNRGOV: `pnrgov::parse` on arbitrary bytes, with a fixed link key so runs
//! are reproducible.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use paxscreen_core::model::LinkKey;
use paxscreen_core::pnrgov::{parse, Options};

fuzz_target!(|data: &[u8]| {
    let options = Options {
        strict: false,
        reference_date: NaiveDate::from_ymd_opt(2026, 6, 1),
        link_key: Some(LinkKey::new(b"fuzz-link-key")),
    };
    std::hint::black_box(parse(data, &options).ok());
});
