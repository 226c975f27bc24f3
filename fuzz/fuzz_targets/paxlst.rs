//! PAXLST: `paxlst::parse` on arbitrary bytes.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use paxscreen_core::paxlst::{parse, Options};

fuzz_target!(|data: &[u8]| {
    let options = Options {
        strict: false,
        reference_date: NaiveDate::from_ymd_opt(2026, 6, 1),
    };
    std::hint::black_box(parse(data, &options).ok());
});
