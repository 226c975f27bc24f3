//! Tests of the syntax layer as a whole: envelopes, real-feed layout,
//! control checks, and the writer round trip.

use super::*;
use crate::model::Severity;
use proptest::prelude::*;

fn codes(t: &Transmission<'_>) -> Vec<&'static str> {
    t.all_diagnostics().map(|d| d.code).collect()
}

const SIMPLE: &[u8] = b"UNA:+.? 'UNB+UNOA:4+SENDER:ZZ+RECEIVER+260105:0930+REF1++APIS'\
UNG+PAXLST+SENDER+RECEIVER+260105:0930+G1+UN+D:05B'\
UNH+M1+PAXLST:D:05B:UN:IATA+XX100/260105/1200+01:F'BGM+745'NAD+FL+++DOE:JANE'\
UNT+4+M1'UNE+1+G1'UNZ+1+REF1'";

#[test]
fn reads_a_clean_interchange_without_diagnostics() {
    let t = read(SIMPLE, ReadOptions::default()).unwrap();
    assert_eq!(codes(&t), Vec::<&str>::new());
    let i = &t.interchanges[0];
    assert_eq!(i.header.syntax_identifier, "UNOA");
    assert_eq!(i.header.syntax_version, "4");
    assert_eq!(i.header.sender.id, "SENDER");
    assert_eq!(i.header.sender.qualifier.as_deref(), Some("ZZ"));
    assert_eq!(i.header.application_ref.as_deref(), Some("APIS"));
    assert_eq!(
        i.header.prepared_at.unwrap().to_string(),
        "2026-01-05 09:30:00"
    );
    assert_eq!(i.groups[0].version.as_deref(), Some("D:05B"));
    let m = &i.messages[0];
    assert_eq!(m.reference, "M1");
    assert_eq!(m.message_type.release, "05B");
    assert_eq!(m.message_type.association.as_deref(), Some("IATA"));
    assert_eq!(m.common_access_ref.as_deref(), Some("XX100/260105/1200"));
    assert_eq!(
        m.transfer,
        Some(Transfer {
            sequence: 1,
            is_final: true
        })
    );
    assert_eq!(m.group, Some(0));
    assert_eq!(m.body().len(), 2);
    assert_eq!(m.body()[1].text(4, 2).as_deref(), Some("JANE"));
    assert_eq!(m.body()[1].index, 4); // UNB 0, UNG 1, UNH 2, BGM 3
}

#[test]
fn wrapped_telex_feed_reads_with_diagnostics_and_nothing_lost() {
    let feed = b"\x01QD SOMEADDR\r\n.ORIGADR 051200\r\n\x02UNA:*.? #UNB*UNOA:4*SENDER*RECEIVER*2601\r\n05:0930*REF1#UNH*M1*PAXLST:D:05B:UN:IATA#BGM*745# NAD*FL***DO\r\nE:JANE#  NAD*FL***ROE:R?#ICHARD#\nUNT*5*M1#UNZ*1*REF1#\r\n\x03NNNN\x0c";
    let t = read(feed, ReadOptions::default()).unwrap();
    let c = codes(&t);
    assert!(c.contains(&"edifact.leading_text"), "{c:?}");
    assert!(c.contains(&"edifact.trailing_text"), "{c:?}");
    assert!(c.contains(&"edifact.wrapped_segments"), "{c:?}");
    assert!(c.contains(&"edifact.blanks_between_segments"), "{c:?}");
    assert!(t.all_diagnostics().all(|d| d.severity == Severity::Info));
    let m = &t.interchanges[0].messages[0];
    assert_eq!(m.body().len(), 3);
    assert_eq!(m.body()[1].text(4, 1).as_deref(), Some("DOE"));
    assert_eq!(m.body()[2].text(4, 2).as_deref(), Some("R#ICHARD"));
    assert_eq!(
        t.interchanges[0].header.prepared_at.unwrap().to_string(),
        "2026-01-05 09:30:00"
    );
    // Line and column are filled in: the UNA starts on line 3.
    let leading = t
        .all_diagnostics()
        .find(|d| d.code == "edifact.wrapped_segments")
        .unwrap();
    assert_eq!(leading.position.line, 3);
}

#[test]
fn control_count_mismatches_are_warnings_then_errors_in_strict_mode() {
    let bad = b"UNB+UNOA:4+S+R+260105:0930+REF1'UNG+PAXLST+S+R+260105:0930+G1+UN+D:05B'UNH+M1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+9+M2'UNE+2+G9'UNZ+3+REF2'";
    let t = read(bad, ReadOptions::default()).unwrap();
    let c = codes(&t);
    for code in [
        "edifact.unt_count",
        "edifact.unt_reference",
        "edifact.une_count",
        "edifact.une_reference",
        "edifact.unz_count",
        "edifact.unz_reference",
    ] {
        assert!(c.contains(&code), "{code} missing from {c:?}");
    }
    assert!(t.all_diagnostics().all(|d| d.severity == Severity::Warning));
    let strict = read(bad, ReadOptions::strict(true)).unwrap();
    assert!(strict
        .all_diagnostics()
        .all(|d| d.severity == Severity::Error));
    let unt = t
        .all_diagnostics()
        .find(|d| d.code == "edifact.unt_count")
        .unwrap();
    assert_eq!(unt.position.segment_tag.as_deref(), Some("UNT"));
    assert_eq!(unt.position.segment_index, Some(4));
    assert_eq!(unt.position.byte_offset, 107);
    assert!(unt.message.contains("declares 9"), "{}", unt.message);
}

#[test]
fn several_interchanges_with_a_mid_stream_una_and_missing_trailers() {
    let input = b"UNB+UNOA:4+S+R+260105:0930+A'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNH+2+PAXLST:D:05B:UN:IATA'BGM+250'\nUNA:+.?*'UNB+UNOA:4+S+R+260105:0930+B'UNH+3+PAXLST:D:05B:UN:IATA'NAD+FL+++A*B'UNT+3+3'UNZ+1+B'";
    let t = read(input, ReadOptions::default()).unwrap();
    assert_eq!(t.interchanges.len(), 2);
    assert_eq!(t.interchanges[0].messages.len(), 2);
    let c = codes(&t);
    assert_eq!(c.iter().filter(|c| **c == "edifact.missing_unt").count(), 2);
    assert!(c.contains(&"edifact.missing_unz"));
    // Syntax 4 with a UNA: `*` repeats.
    let nad = &t.interchanges[1].messages[0].body()[0];
    assert_eq!(nad.text(4, 1).as_deref(), Some("A"));
    assert_eq!(nad.element(4).unwrap().repetitions().count(), 2);
    assert_eq!(nad.index, 2);
}

#[test]
fn repetition_is_ignored_below_version_4_and_without_una() {
    let t = read(
        b"UNA:+.?*'UNB+IATA:1+1A+KRC+130527:0649+3'UNH+1+PNRGOV:11:1:IA'X+A*B'UNT+3+1'UNZ+1+3'",
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(t.interchanges[0].delimiters.repetition, None);
    let x = &t.interchanges[0].messages[0].body()[0];
    assert_eq!(x.text(1, 1).as_deref(), Some("A*B"));
    let t = read(
        b"UNB+UNOA:4+APIS*ABE+R+260105:0930+1'UNZ+0+1'",
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(t.interchanges[0].header.sender.id, "APIS*ABE");
}

#[test]
fn backslash_release_and_custom_terminators() {
    let t = read(
        b"UNA:+.\\ 'UNB+IATA:1+1A+KRC+130527:0649+3'UNH+1+PNRGOV:11:1:IA'LTS+14\\:30 O\\'NEIL'UNT+3+1'UNZ+1+3'",
        ReadOptions::default(),
    )
    .unwrap();
    assert!(codes(&t).is_empty(), "{:?}", codes(&t));
    let lts = &t.interchanges[0].messages[0].body()[0];
    assert_eq!(lts.text(1, 1).as_deref(), Some("14:30 O'NEIL"));
}

#[test]
fn latin1_bytes_in_unoa_are_kept_with_a_warning() {
    let t = read(
        b"UNB+UNOA:4+S+R+260105:0930+1'UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++M\xdcLLER:J\xd6RG'UNT+3+1'UNZ+1+1'",
        ReadOptions::default(),
    )
    .unwrap();
    let d: Vec<_> = t.all_diagnostics().collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "edifact.charset");
    assert_eq!(d[0].severity, Severity::Warning);
    let nad = &t.interchanges[0].messages[0].body()[0];
    assert_eq!(nad.text(4, 1).as_deref(), Some("MÜLLER"));
    assert_eq!(nad.text(4, 2).as_deref(), Some("JÖRG"));
    // UNOY keeps UTF-8 as it is, without a diagnostic.
    let t = read(
        "UNB+UNOY:4+S+R+260105:0930+1'UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++MÜLLER'UNT+3+1'UNZ+1+1'"
            .as_bytes(),
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(t.all_diagnostics().count(), 0);
    assert_eq!(
        t.interchanges[0].messages[0].body()[0]
            .text(4, 1)
            .as_deref(),
        Some("MÜLLER")
    );
}

#[test]
fn message_without_unb_is_read_with_a_warning() {
    let t = read(
        b"UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'",
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(codes(&t), vec!["edifact.missing_unb"]);
    assert_eq!(t.interchanges[0].messages.len(), 1);
}

#[test]
fn unreadable_inputs_are_errors_with_a_position() {
    let e = read(b"  \n", ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Empty);
    let e = read(b"hello world", ReadOptions::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NoInterchange);
    assert_eq!(e.kind.code(), "edifact.no_interchange");
    assert_eq!(
        e.to_string(),
        "no EDIFACT interchange (UNA, UNB or UNH segment) was found at line 1, column 1"
    );
}

#[test]
fn bad_una_falls_back_to_defaults_with_an_error_diagnostic() {
    let t = read(
        b"UNA::.? 'UNB+UNOA:4+S+R+260105:0930+1'UNZ+0+1'",
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(codes(&t), vec!["edifact.bad_una"]);
    assert_eq!(t.interchanges[0].header.sender.id, "S");
}

#[test]
fn writer_refuses_what_it_cannot_escape() {
    let d = Delimiters {
        release: None,
        ..Delimiters::default()
    };
    let mut w = Writer::new(d);
    let err = w.segment("NAD", &[&["O'NEIL"]]).unwrap_err();
    assert_eq!(err.kind.code(), "edifact.unwritable");
    assert!(w.as_bytes().is_empty());
    assert!(Writer::new(Delimiters::default())
        .segment("NA", &[&["X"]])
        .is_err());
}

fn legal_delimiters() -> impl Strategy<Value = Delimiters> {
    // Any six distinct non-alphanumeric printable characters (space allowed
    // only where it means "not used"), or the release left out.
    let pool: Vec<u8> = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".to_vec();
    (
        proptest::sample::subsequence(pool, 6).prop_shuffle(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(c, with_release, with_repetition)| Delimiters {
            component: c[0],
            element: c[1],
            decimal: c[2],
            release: with_release.then_some(c[3]),
            repetition: with_repetition.then_some(c[4]),
            terminator: c[5],
        })
}

proptest! {
    #[test]
    fn written_values_lex_back_unchanged(
        d in legal_delimiters(),
        values in proptest::collection::vec(
            proptest::collection::vec("[ -~]{0,12}", 1..4), 1..5),
        line_breaks in any::<bool>(),
    ) {
        prop_assume!(d.release.is_some());
        let mut w = Writer::new(d).with_line_breaks(line_breaks);
        w.una();
        let version = if d.repetition.is_some() { "4" } else { "3" };
        w.segment("UNB", &[&["UNOA", version], &["S"], &["R"], &["260105", "0930"], &["1"]]).unwrap();
        w.segment("UNH", &[&["1"], &["PAXLST", "D", "05B", "UN", "IATA"]]).unwrap();
        let elements: Vec<Vec<&str>> = values.iter().map(|e| e.iter().map(String::as_str).collect()).collect();
        let refs: Vec<&[&str]> = elements.iter().map(Vec::as_slice).collect();
        w.segment("FTX", &refs).unwrap();
        w.segment("UNT", &[&["3"], &["1"]]).unwrap();
        w.segment("UNZ", &[&["1"], &["1"]]).unwrap();
        let bytes = w.finish();
        let t = read(&bytes, ReadOptions::default()).unwrap();
        let diags: Vec<_> = t.all_diagnostics().map(|d| d.code).collect();
        prop_assert!(diags.is_empty(), "{:?}", diags);
        let ftx = &t.interchanges[0].messages[0].body()[0];
        for (i, element) in values.iter().enumerate() {
            let e = ftx.element(i + 1).unwrap();
            let texts: Vec<String> = e.texts().into_iter().map(std::borrow::Cow::into_owned).collect();
            // A lone empty component reads back as one empty component.
            prop_assert_eq!(&texts, element);
        }
    }

    #[test]
    fn fields_agree_with_segment_reads(
        text in "[A-Z]{0,4}([+:?*'A-Z ]{0,6}){0,40}",
        d in legal_delimiters(),
    ) {
        // The text is written with the default delimiters, then mapped onto
        // d's, so separators, releases and repetitions all occur.
        let map = |b: u8| match b {
            b'+' => d.element,
            b':' => d.component,
            b'?' => d.release.unwrap_or(b'?'),
            b'*' => d.repetition.unwrap_or(b'*'),
            other => other,
        };
        let bytes: Vec<u8> = text.bytes().map(map).collect();
        let s = Segment::new(std::borrow::Cow::Borrowed(&bytes), d, Encoding::Ascii, 0, 0);
        let f = s.fields();
        prop_assert_eq!(f.count(), s.element_count());
        for e in 0..=s.element_count() + 1 {
            prop_assert_eq!(f.element(e).map(|x| x.raw()), s.element(e).map(|x| x.raw()));
            for c in 0..=3 {
                prop_assert_eq!(f.trimmed(e, c), s.trimmed(e, c));
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(t) = read(&bytes, ReadOptions::default()) {
            for (_, m) in t.messages() {
                for s in &m.segments {
                    let _ = s.tag();
                    for e in s.elements() {
                        let _ = e.texts();
                    }
                }
            }
        }
    }

    #[test]
    fn edifact_shaped_noise_never_panics(
        parts in proptest::collection::vec(
            prop_oneof!["UNA:\\+\\.\\? '", "UNB\\+UNOA:4\\+S\\+R\\+260105:0930\\+1'", "UNH\\+1\\+PAXLST:D:05B'",
                        "UNT\\+[0-9]\\+1'", "UNZ\\+1\\+1'", "UNG\\+X'", "UNE\\+1'", "[A-Z]{3}\\+[ -~]{0,10}'",
                        "\\?+", "\r\n", " "], 0..30)
    ) {
        let input: String = parts.concat();
        if let Ok(t) = read(input.as_bytes(), ReadOptions::default()) {
            for d in t.all_diagnostics() {
                prop_assert!(d.position.line > 0);
                prop_assert!(d.position.byte_offset <= input.len());
            }
        }
    }
}

#[test]
fn message_types_match_in_any_case_and_absence_is_placed() {
    let input = b"UNB+UNOA:4+S+R+260105:0930+1'UNH+1+paxlst:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'";
    let t = read(input, ReadOptions::default()).unwrap();
    assert!(t.has_message("PAXLST"));
    assert!(t.require_message(input, "PAXLST").is_ok());
    let err = t.require_message(input, "PNRGOV").unwrap_err();
    assert_eq!(err.kind, ErrorKind::NoMessage { expected: "PNRGOV" });
    // Placed at the first message's UNH.
    assert_eq!(err.position.byte_offset, 29);
    assert_eq!((err.position.line, err.position.column), (1, 30));
}

fn limited(limits: Limits) -> ReadOptions {
    ReadOptions {
        limits,
        ..ReadOptions::default()
    }
}

/// Two messages; the first has a 42-byte FTX at byte 64 and five segments.
const TWO_MESSAGES: &[u8] = b"UNB+UNOA:4+S+R+260105:0930+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'\
FTX+AAI+++SECRETSECRETSECRETSECRETSECRET1'UNT+4+1'\
UNH+2+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL+++DOE:JANE'UNT+4+2'UNZ+2+1'";

#[test]
fn default_limits_are_documented_values() {
    let l = ReadOptions::default().limits;
    assert_eq!(l.max_segment_bytes, 65_536);
    assert_eq!(l.max_message_segments, 1_000_000);
    assert_eq!(l.max_message_bytes, 67_108_864);
    assert!(!ReadOptions::strict(true).limits.max_segment_bytes.eq(&0));
    assert_eq!(
        read(TWO_MESSAGES, ReadOptions::default())
            .unwrap()
            .all_diagnostics()
            .count(),
        0
    );
}

#[test]
fn a_segment_over_the_limit_is_skipped_and_reading_goes_on() {
    let t = read(
        TWO_MESSAGES,
        limited(Limits {
            max_segment_bytes: 40,
            ..Limits::default()
        }),
    )
    .unwrap();
    let d: Vec<_> = t.all_diagnostics().collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "edifact.segment_too_long");
    assert_eq!(d[0].severity, Severity::Error);
    assert_eq!(d[0].position.byte_offset, 64);
    assert_eq!(d[0].position.segment_tag.as_deref(), Some("FTX"));
    assert_eq!(d[0].position.segment_index, Some(3));
    assert!(
        d[0].message.contains("over the limit of 40 bytes"),
        "{}",
        d[0].message
    );
    assert!(d[0].message.contains("max_segment_bytes"));
    assert!(!d[0].message.contains("SECRET"));
    let m = &t.interchanges[0].messages;
    assert_eq!(m.len(), 2);
    // The FTX is gone, the UNT count still matches, the indexes stay those
    // of the input.
    assert_eq!(m[0].body().len(), 1);
    assert!(m[0].has_trailer);
    assert_eq!(m[0].segments[2].index, 4);
    assert_eq!(m[1].body()[1].text(4, 1).as_deref(), Some("DOE"));
    assert_eq!(
        t.all_diagnostics()
            .filter(|d| d.code == "edifact.unt_count")
            .count(),
        0
    );
}

#[test]
fn a_segment_over_the_limit_outside_a_message_is_reported_on_the_interchange() {
    let input = b"UNB+UNOA:4+S+R+260105:0930+1'XXX+0123456789012345678901234567890123456789'\
UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'";
    let t = read(
        input,
        limited(Limits {
            max_segment_bytes: 40,
            ..Limits::default()
        }),
    )
    .unwrap();
    assert_eq!(codes(&t), vec!["edifact.segment_too_long"]);
    assert_eq!(t.interchanges[0].diagnostics[0].position.byte_offset, 29);
    assert_eq!(t.interchanges[0].messages[0].body().len(), 1);
}

#[test]
fn a_message_over_its_segment_limit_is_cut_at_the_limit_and_the_next_is_read() {
    let t = read(
        TWO_MESSAGES,
        limited(Limits {
            max_message_segments: 2,
            ..Limits::default()
        }),
    )
    .unwrap();
    let m = &t.interchanges[0].messages;
    assert_eq!(m.len(), 2);
    // UNH, BGM kept; FTX skipped; UNT kept and its count still checks.
    assert_eq!(m[0].segments.len(), 3);
    assert!(m[0].has_trailer);
    let d = &m[0].diagnostics;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "edifact.message_too_large");
    assert_eq!(d[0].severity, Severity::Error);
    assert_eq!(d[0].position.byte_offset, 64);
    assert!(
        d[0].message.contains("more than 2 segments"),
        "{}",
        d[0].message
    );
    assert!(d[0].message.contains("max_message_segments"));
    // The second message has 4 segments > 2: it is cut too, on its own.
    assert_eq!(m[1].segments.len(), 3);
    assert_eq!(m[1].diagnostics.len(), 1);
    assert_eq!(m[1].body()[0].tag(), "BGM");
    // With a limit of 4 both are whole.
    let t = read(
        TWO_MESSAGES,
        limited(Limits {
            max_message_segments: 4,
            ..Limits::default()
        }),
    )
    .unwrap();
    assert_eq!(t.all_diagnostics().count(), 0);
}

#[test]
fn a_message_over_its_byte_limit_is_skipped_to_its_unt_and_the_next_is_read() {
    // The first message's BGM ends at byte 64 (35 bytes after the UNH at
    // 29); its FTX would end at byte 106.
    let t = read(
        TWO_MESSAGES,
        limited(Limits {
            max_message_bytes: 60,
            ..Limits::default()
        }),
    )
    .unwrap();
    let m = &t.interchanges[0].messages;
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].body().len(), 1);
    assert_eq!(m[0].diagnostics.len(), 1);
    assert_eq!(m[0].diagnostics[0].code, "edifact.message_too_large");
    assert!(m[0].diagnostics[0].message.contains("longer than 60 bytes"));
    assert!(m[0].diagnostics[0].message.contains("max_message_bytes"));
    // The second message (UNH to NAD: 55 bytes) is whole.
    assert_eq!(m[1].body().len(), 2);
    assert!(m[1].diagnostics.is_empty(), "{:?}", m[1].diagnostics);
    assert_eq!(m[1].body()[1].text(4, 2).as_deref(), Some("JANE"));
}

#[test]
fn a_message_cut_by_a_limit_without_unt_ends_at_the_next_message() {
    let input = b"UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL'NAD+FL'NAD+FL'UNH+2+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+2'";
    let t = read(
        input,
        limited(Limits {
            max_message_segments: 2,
            ..Limits::default()
        }),
    )
    .unwrap();
    let m = &t.interchanges[0].messages;
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].segments.len(), 2);
    assert_eq!(m[1].segments.len(), 3);
    assert!(m[1].diagnostics.is_empty());
}

#[test]
fn a_tag_that_only_starts_like_a_service_tag_is_cut_by_the_message_limit() {
    // Found by the `edifact_read` fuzz target: `UNG220116+...` (tag
    // `UNG220116`, a body segment) was taken for a UNG and kept past the
    // message's segment limit.
    let input = b"UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'NAD+FL'UNG220116+X'UNT4'UNT+6+1'";
    let t = read(
        input,
        limited(Limits {
            max_message_segments: 2,
            ..Limits::default()
        }),
    )
    .unwrap();
    let m = &t.interchanges[0].messages[0];
    let tags: Vec<_> = m.segments.iter().map(Segment::tag).collect();
    assert_eq!(tags, vec!["UNH", "BGM", "UNT"]);
    assert_eq!(m.diagnostics[0].code, "edifact.message_too_large");
    assert_eq!(
        m.diagnostics[0].position.segment_tag.as_deref(),
        Some("NAD")
    );
    assert!(!codes(&t).contains(&"edifact.unt_count"), "{:?}", codes(&t));
}
