//! The condition language: parse, type-check and compile against the
//! traveller field catalogue.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paxscreen_core::indicators::FieldCatalogue;
use paxscreen_core::rules::parser::parse_condition;
use paxscreen_core::rules::Condition;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    std::hint::black_box(parse_condition(src).ok());
    std::hint::black_box(Condition::compile(src, &FieldCatalogue).ok());
});
