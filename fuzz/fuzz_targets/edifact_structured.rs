//! Structure-aware EDIFACT: a list of segments built from a small vocabulary
//! of PAXLST/PNRGOV tags, qualifiers and values, written with random
//! delimiters by `edifact::Writer` inside a plausible envelope, then read by
//! the PAXLST and PNRGOV parsers. Mutations act on segments, not bytes.
#![no_main]

use arbitrary::Arbitrary;
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use paxscreen_core::edifact::{Delimiters, Writer};
use paxscreen_core::model::LinkKey;
use paxscreen_core::{paxlst, pnrgov};

const TAGS: &[&str] = &[
    "ADD", "APD", "ATT", "BGM", "CNT", "COM", "DAT", "DOC", "DTM", "EMP", "EQN", "FOP", "FTI",
    "FTX", "GEI", "IFT", "LOC", "LTS", "MEA", "MON", "MSG", "NAD", "NAT", "ORG", "PTK", "RCI",
    "REF", "RFF", "RPI", "SRC", "SSD", "SSR", "TBD", "TDT", "TIF", "TKT", "TRI", "TVL", "TXD",
    "UNH", "UNT", "UNB", "UNZ", "UNG", "UNE", "UNS", "ABI", "PDT",
];

const WORDS: &[&str] = &[
    "1", "2", "3", "4", "5", "10", "20", "22", "42", "87", "91", "92", "125", "178", "179", "189",
    "232", "329", "36", "95", "700", "710", "745", "250", "266", "FL", "FM", "DDT", "DDU", "MS",
    "CR", "TN", "AVF", "ABO", "P", "V", "I", "A", "C", "F", "M", "U", "X", "K7PQ2M", "ZZ", "ZZ101",
    "LHR", "JFK", "FRA", "LIS", "GBR", "DEU", "UTO", "DOCS", "DOCO", "DOCA", "CTCE", "CTCM",
    "CTCR", "HK", "CA", "CC", "MS", "MR", "BAG", "TE", "EM", "KGM", "CT", "PAXLST", "PNRGOV", "D",
    "05B", "15B", "UN", "IATA", "11", "EUR", "UNOA", "UNOC", "IATB",
];

const DATES: &[&str] = &[
    "850412",
    "260301",
    "150326",
    "2603011000",
    "260301:1200",
    "991231",
    "000229",
    "010101",
    "311299",
    "15MAR26",
    "29FEB24",
    "1005",
    "2400",
    "0000",
    "20260301",
    "",
];

#[derive(Arbitrary, Debug)]
enum Value {
    Word(u8),
    Date(u8),
    Number(u32),
    Slashed(Vec<u8>),
    Bytes(Vec<u8>),
    Empty,
}

#[derive(Arbitrary, Debug)]
struct Seg {
    tag: u8,
    elements: Vec<Vec<Value>>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    /// Six candidate service characters; falls back to the defaults when
    /// they do not make a valid UNA.
    una: [u8; 6],
    write_una: bool,
    line_breaks: bool,
    envelope: bool,
    pnrgov_header: bool,
    body: Vec<Seg>,
}

fn text(v: &Value) -> Vec<u8> {
    match v {
        Value::Word(i) => WORDS[usize::from(*i) % WORDS.len()].as_bytes().to_vec(),
        Value::Date(i) => DATES[usize::from(*i) % DATES.len()].as_bytes().to_vec(),
        Value::Number(n) => n.to_string().into_bytes(),
        Value::Slashed(parts) => {
            let mut out = Vec::new();
            for p in parts {
                out.push(b'/');
                out.extend_from_slice(WORDS[usize::from(*p) % WORDS.len()].as_bytes());
            }
            out
        }
        Value::Bytes(b) => b.clone(),
        Value::Empty => Vec::new(),
    }
}

fn write(w: &mut Writer, tag: &str, elements: &[&[&str]]) {
    let _ = w.segment(tag, elements);
}

fuzz_target!(|input: Input| {
    let mut una = *b"UNA:+.? '";
    una[3..9].copy_from_slice(&input.una);
    let delimiters = Delimiters::from_una(&una).unwrap_or_default();
    let mut w = Writer::new(delimiters).with_line_breaks(input.line_breaks);
    if input.write_una {
        w.una();
    }
    let kind = if input.pnrgov_header {
        "PNRGOV"
    } else {
        "PAXLST"
    };
    if input.envelope {
        write(
            &mut w,
            "UNB",
            &[
                &["UNOA", "4"],
                &["ZZ"],
                &["XX"],
                &["260301", "0800"],
                &["1"],
            ],
        );
        if input.pnrgov_header {
            write(
                &mut w,
                "UNH",
                &[&["1"], &[kind, "11", "1", "IA"], &["ZZ0401/150326/1005"]],
            );
        } else {
            write(&mut w, "UNH", &[&["1"], &[kind, "D", "05B", "UN", "IATA"]]);
        }
    }
    for seg in input.body.iter().take(512) {
        let tag = TAGS[usize::from(seg.tag) % TAGS.len()];
        let values: Vec<Vec<Vec<u8>>> = seg
            .elements
            .iter()
            .take(16)
            .map(|e| e.iter().take(12).map(text).collect())
            .collect();
        let refs: Vec<&[Vec<u8>]> = values.iter().map(Vec::as_slice).collect();
        let _ = w.segment(tag, &refs);
    }
    if input.envelope {
        let count = (w.segment_count()).to_string();
        write(&mut w, "UNT", &[&[count.as_str()], &["1"]]);
        write(&mut w, "UNZ", &[&["1"], &["1"]]);
    }
    let bytes = w.finish();
    let date = NaiveDate::from_ymd_opt(2026, 6, 1);
    let p = paxlst::Options {
        strict: false,
        reference_date: date,
    };
    std::hint::black_box(paxlst::parse(&bytes, &p).ok());
    let n = pnrgov::Options {
        strict: false,
        reference_date: date,
        link_key: Some(LinkKey::new(b"fuzz-link-key")),
    };
    std::hint::black_box(pnrgov::parse(&bytes, &n).ok());
});
