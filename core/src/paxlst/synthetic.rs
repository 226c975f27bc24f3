//! Synthetic PAXLST interchanges for tests and benchmarks. Every name and
//! number is made up.

use crate::edifact::{Delimiters, Writer};

const SURNAMES: [&str; 8] = [
    "EXAMPLE",
    "SAMPLE",
    "TESTER",
    "O'DUMMY",
    "PLACEHOLDER",
    "MOCKSON",
    "FICTION",
    "NOBODY",
];
const GIVEN: [&str; 8] = [
    "ALEX", "SAM", "JORDAN", "ROBIN", "KIM", "TAYLOR", "CASEY", "MORGAN",
];
const COUNTRIES: [&str; 6] = ["GBR", "ESP", "DE", "CAN", "AUS", "FRA"];

/// A passenger list with `travellers` passengers on one leg LHR -> JFK, in
/// one message, with a line feed after every segment. Each passenger has an
/// address, gender, birth date, bags, locations, nationality, references
/// and a passport with expiry and issuing state.
#[must_use]
pub fn passenger_list(travellers: usize) -> Vec<u8> {
    let mut w = Writer::new(Delimiters::default()).with_line_breaks(true);
    write(&mut w, travellers);
    w.finish()
}

fn seg(w: &mut Writer, tag: &str, elements: &[&[&str]]) {
    // The values above hold no character the writer cannot release.
    let _ = w.segment(tag, elements);
}

fn write(w: &mut Writer, travellers: usize) {
    w.una();
    seg(
        w,
        "UNB",
        &[
            &["UNOA", "4"],
            &["ZZAIRLINE"],
            &["BORDERAGENCY"],
            &["260301", "0800"],
            &["000000001"],
        ],
    );
    let start = w.segment_count();
    seg(w, "UNH", &[&["1"], &["PAXLST", "D", "15B", "UN", "IATA"]]);
    seg(w, "BGM", &[&["745"]]);
    seg(w, "RFF", &[&["TN", "ZZ0000001"]]);
    seg(w, "NAD", &[&["MS"], &[], &[], &["EXAMPLE", "OPERATIONS"]]);
    seg(w, "COM", &[&["+44 20 0000 0000", "TE"]]);
    seg(w, "TDT", &[&["20"], &["ZZ101"], &[], &[], &["ZZ"]]);
    seg(w, "LOC", &[&["125"], &["LHR"]]);
    seg(w, "DTM", &[&["189", "2603011000", "201"]]);
    seg(w, "LOC", &[&["87"], &["JFK"]]);
    seg(w, "DTM", &[&["232", "2603011300", "201"]]);
    for i in 0..travellers {
        let surname = SURNAMES[i % SURNAMES.len()];
        let given = GIVEN[(i / 8) % GIVEN.len()];
        let country = COUNTRIES[i % COUNTRIES.len()];
        let gender = if i % 2 == 0 { "F" } else { "M" };
        let birth = format!(
            "{:02}{:02}{:02}",
            (50 + i % 50) % 100,
            1 + i % 12,
            1 + i % 28
        );
        let number = format!("X{i:08}");
        let locator = format!("L{:05}", i % 100_000);
        let street = format!("{} EXAMPLE STREET", 1 + i % 300);
        seg(
            w,
            "NAD",
            &[
                &["FL"],
                &[],
                &[],
                &[surname, given, "Q"],
                &[&street],
                &["SAMPLETOWN"],
                &["", "", "", "REGION"],
                &["ZZ1 1ZZ"],
                &[country],
            ],
        );
        seg(w, "ATT", &[&["2"], &[], &[gender]]);
        seg(w, "DTM", &[&["329", &birth]]);
        seg(w, "MEA", &[&["CT"], &[], &["", "1"]]);
        seg(w, "GEI", &[&["4"], &["173"]]);
        seg(w, "LOC", &[&["22"], &["JFK"]]);
        seg(w, "LOC", &[&["174"], &[country]]);
        seg(w, "LOC", &[&["178"], &["LHR"]]);
        seg(w, "LOC", &[&["179"], &["JFK"]]);
        seg(w, "NAT", &[&["2"], &[country]]);
        seg(w, "RFF", &[&["AVF", &locator]]);
        seg(w, "DOC", &[&["P", "110", "111"], &[&number]]);
        seg(w, "DTM", &[&["36", "301231"]]);
        seg(w, "LOC", &[&["91"], &[country]]);
    }
    let count = travellers.to_string();
    seg(w, "CNT", &[&["42", &count]]);
    let segments = (w.segment_count() - start + 1).to_string();
    seg(w, "UNT", &[&[&segments], &["1"]]);
    seg(w, "UNZ", &[&["1"], &["000000001"]]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paxlst::{parse, Options};

    #[test]
    fn generated_list_reads_back_without_diagnostics() {
        let input = passenger_list(50);
        let parsed = parse(&input, &Options::default()).unwrap();
        assert_eq!(parsed.diagnostics, vec![]);
        let m = &parsed.manifests[0];
        assert_eq!(m.diagnostics, vec![]);
        assert_eq!(m.travellers.len(), 50);
        assert_eq!(m.travellers[3].surname.as_deref(), Some("O'DUMMY"));
        assert_eq!(m.travellers[2].nationality.as_deref(), Some("DEU"));
        assert_eq!(m.declared_counts.passengers, Some(50));
    }
}
