//! ICAO 9303 MRZ: `mrz::parse_text` with a fixed reference date.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use paxscreen_core::mrz::parse_text;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Some(today) = NaiveDate::from_ymd_opt(2026, 6, 1) else {
        return;
    };
    std::hint::black_box(parse_text(&text, today).ok());
});
