//! The EDIFACT syntax layer: `edifact::read`, then every segment, element,
//! repetition and component is touched (by index: the first eight
//! components of each element, the last, and the two indexes past it); then
//! a read with small limits taken from the first two bytes, whose results
//! must respect them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paxscreen_core::edifact::{read, Limits, ReadOptions};

fuzz_target!(|data: &[u8]| {
    for strict in [false, true] {
        let Ok(t) = read(data, ReadOptions::strict(strict)) else {
            continue;
        };
        let mut n = 0usize;
        for (_, message) in t.messages() {
            n += message.body().len() + message.offset();
            for segment in &message.segments {
                n += segment.tag().len() + segment.content().len() + segment.element_count();
                let _ = segment.raw_text();
                for element in segment.elements() {
                    n += element.component_count() + usize::from(element.is_empty());
                    for repetition in element.repetitions() {
                        n += repetition.components().count();
                        let _ = repetition.texts();
                    }
                    // By index: the first components, the last and two past
                    // it (each call rescans the element, so every index
                    // would make the harness quadratic in a long element).
                    let count = element.component_count();
                    let tail = [count.saturating_sub(1), count, count + 1];
                    for c in (0..count.min(8)).chain(tail) {
                        let _ = element.text(c);
                        let _ = element.trimmed(c);
                    }
                }
                let _ = segment.text(1, 1);
                let _ = segment.string(2, 0);
            }
        }
        n += t.all_diagnostics().count();
        std::hint::black_box(n);
    }
    let [a, b, ..] = data else {
        return;
    };
    let limits = Limits {
        max_segment_bytes: usize::from(*a) + 1,
        max_message_segments: usize::from(*b % 16) + 1,
        max_message_bytes: usize::from(*a) * 8 + 1,
    };
    let options = ReadOptions {
        limits,
        ..ReadOptions::default()
    };
    if let Ok(t) = read(data, options) {
        for (_, message) in t.messages() {
            // The UNT is kept past the limit.
            assert!(message.segments.len() <= limits.max_message_segments + 1);
            for segment in &message.segments {
                assert!(segment.content().len() <= limits.max_segment_bytes);
            }
        }
        for d in t.all_diagnostics() {
            assert!(d.position.byte_offset <= data.len());
        }
    }
});
