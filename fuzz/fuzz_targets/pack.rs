//! Rule packs: `Pack::from_toml`, then the linter for every purpose.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use paxscreen_core::indicators::FieldCatalogue;
use paxscreen_core::rules::{lint, Pack, Purpose};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(pack) = Pack::from_toml(src, &FieldCatalogue) else {
        return;
    };
    let Some(today) = NaiveDate::from_ymd_opt(2026, 6, 1) else {
        return;
    };
    for purpose in [
        Purpose::Carrier,
        Purpose::BorderApi,
        Purpose::PnrSeriousCrime,
        Purpose::Protection,
    ] {
        std::hint::black_box(lint(&pack, &FieldCatalogue, purpose, today));
    }
});
