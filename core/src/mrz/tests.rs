//! Tests of the MRZ reader and writer. All data is the ICAO specimen
//! (the fictional state of Utopia) or generated here.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::model::{
    CheckName, CheckResult, DocumentKind, DocumentScan, Gender, MrzField, MrzFormat, Severity,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A reference date after the specimens were issued and before they expire
/// (the TD3/TD1/TD2 specimens expire 2012-04-15).
fn today() -> NaiveDate {
    d(2010, 6, 1)
}

const TD3: [&str; 2] = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
];
const TD2: [&str; 2] = [
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
];
const TD1: [&str; 3] = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];
// ICAO Doc 9303 part 7 specimens (document L8988901C, holder of nationality
// XXX, born 1940-09-07, visa valid to 1996-12-10).
const MRV_A: [&str; 2] = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
];
const MRV_B: [&str; 2] = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "L8988901C4XXX4009078F9612109<<<<<<<<",
];

fn all_ok(scan: &DocumentScan) {
    assert!(scan.checks.all_ok(), "{:?}", scan.checks);
    assert!(scan.misreads.is_empty(), "{:?}", scan.misreads);
    assert!(
        scan.diagnostics
            .iter()
            .all(|d| d.severity == Severity::Info),
        "{:?}",
        scan.diagnostics
    );
}

fn anna_maria(scan: &DocumentScan) {
    assert_eq!(scan.issuing_state.as_deref(), Some("UTO"));
    assert_eq!(scan.surname, "ERIKSSON");
    assert_eq!(scan.given_names, "ANNA MARIA");
    assert!(!scan.name_truncated);
    assert_eq!(scan.sex, Some(Gender::Female));
}

#[test]
fn td3_specimen() {
    let scan = parse(&TD3, today()).unwrap();
    assert_eq!(scan.format, MrzFormat::Td3);
    assert_eq!(scan.document_kind, DocumentKind::Passport);
    assert_eq!(scan.document_code, "P");
    anna_maria(&scan);
    assert_eq!(scan.document_number.as_deref(), Some("L898902C3"));
    assert_eq!(scan.nationality.as_deref(), Some("UTO"));
    assert_eq!(scan.birth_date, Some(d(1974, 8, 12)));
    assert_eq!(scan.expiry_date, Some(d(2012, 4, 15)));
    assert_eq!(scan.optional_data.as_deref(), Some("ZE184226B"));
    assert_eq!(scan.optional_data_2, None);
    assert_eq!(scan.checks.document_number, CheckResult::Ok);
    assert_eq!(scan.checks.birth_date, CheckResult::Ok);
    assert_eq!(scan.checks.expiry_date, CheckResult::Ok);
    assert_eq!(scan.checks.optional_data, CheckResult::Ok);
    assert_eq!(scan.checks.composite, CheckResult::Ok);
    assert_eq!(scan.lines, TD3);
    all_ok(&scan);
}

#[test]
fn td2_specimen() {
    let scan = parse(&TD2, today()).unwrap();
    assert_eq!(scan.format, MrzFormat::Td2);
    assert_eq!(scan.document_kind, DocumentKind::IdentityCard);
    anna_maria(&scan);
    assert_eq!(scan.document_number.as_deref(), Some("D23145890"));
    assert_eq!(scan.birth_date, Some(d(1974, 8, 12)));
    assert_eq!(scan.expiry_date, Some(d(2012, 4, 15)));
    assert_eq!(scan.optional_data, None);
    assert_eq!(scan.checks.optional_data, CheckResult::Absent);
    assert_eq!(scan.checks.composite, CheckResult::Ok);
    all_ok(&scan);
}

#[test]
fn td1_specimen() {
    let scan = parse(&TD1, today()).unwrap();
    assert_eq!(scan.format, MrzFormat::Td1);
    assert_eq!(scan.document_kind, DocumentKind::IdentityCard);
    anna_maria(&scan);
    assert_eq!(scan.document_number.as_deref(), Some("D23145890"));
    assert_eq!(scan.nationality.as_deref(), Some("UTO"));
    assert_eq!(scan.birth_date, Some(d(1974, 8, 12)));
    assert_eq!(scan.expiry_date, Some(d(2012, 4, 15)));
    assert_eq!(scan.optional_data, None);
    assert_eq!(scan.optional_data_2, None);
    assert_eq!(scan.checks.document_number, CheckResult::Ok);
    assert_eq!(scan.checks.composite, CheckResult::Ok);
    all_ok(&scan);
}

#[test]
fn visa_specimens() {
    // The specimen check digits, computed independently of the reader.
    assert_eq!(check_digit("L8988901C"), Some('4'));
    assert_eq!(check_digit("400907"), Some('8'));
    assert_eq!(check_digit("961210"), Some('9'));
    let reference = d(1995, 1, 1);
    for (lines, format) in [(&MRV_A, MrzFormat::MrvA), (&MRV_B, MrzFormat::MrvB)] {
        let scan = parse(lines, reference).unwrap();
        assert_eq!(scan.format, format);
        assert_eq!(scan.document_kind, DocumentKind::Visa);
        anna_maria(&scan);
        assert_eq!(scan.document_number.as_deref(), Some("L8988901C"));
        assert_eq!(scan.nationality.as_deref(), Some("XXX"));
        assert_eq!(scan.birth_date, Some(d(1940, 9, 7)));
        assert_eq!(scan.expiry_date, Some(d(1996, 12, 10)));
        assert_eq!(scan.checks.document_number, CheckResult::Ok);
        assert_eq!(scan.checks.birth_date, CheckResult::Ok);
        assert_eq!(scan.checks.expiry_date, CheckResult::Ok);
        assert_eq!(scan.checks.optional_data, CheckResult::Absent);
        assert_eq!(scan.checks.composite, CheckResult::Absent);
        all_ok(&scan);
    }
    let a = parse(&MRV_A, reference).unwrap();
    assert_eq!(a.optional_data.as_deref(), Some("6ZE184226B"));
    let b = parse(&MRV_B, reference).unwrap();
    assert_eq!(b.optional_data, None);
}

#[test]
fn writer_reproduces_every_specimen() {
    for lines in [&TD3[..], &TD2[..], &TD1[..], &MRV_A[..], &MRV_B[..]] {
        let scan = parse(lines, d(1995, 1, 1)).unwrap();
        let written = write(&MrzFields::from(&scan)).unwrap();
        assert_eq!(written, lines);
    }
}

#[test]
fn td1_long_document_number() {
    // Doc 9303 part 5: a 12-character number; the check position holds `<`
    // and the last 3 characters continue the optional data, then the check
    // digit over all 12, then a filler.
    assert_eq!(check_digit("D23145890734"), Some('9'));
    let fields = MrzFields {
        document_number: "D23145890734".into(),
        ..MrzFields::from(&parse(&TD1, today()).unwrap())
    };
    let lines = write(&fields).unwrap();
    assert_eq!(lines[0], "I<UTOD23145890<7349<<<<<<<<<<<");
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let scan = parse(&refs, today()).unwrap();
    assert_eq!(scan.document_number.as_deref(), Some("D23145890734"));
    assert_eq!(scan.optional_data, None);
    assert!(scan.checks.all_ok());

    // The check digit of the continuation is the one checked and located.
    let bad = lines[0].replace("7349", "7345");
    let scan = parse(&[&bad, &lines[1], &lines[2]], today()).unwrap();
    assert_eq!(
        scan.checks.document_number,
        CheckResult::Failed {
            expected: '9',
            found: '5'
        }
    );
    let diag = scan
        .diagnostics
        .iter()
        .find(|d| d.code == "mrz.check_digit_failed")
        .unwrap();
    assert_eq!((diag.position.line, diag.position.column), (1, 19));
}

#[test]
fn long_number_followed_by_optional_data_and_on_td2() {
    let mut fields = MrzFields::from(&parse(&TD1, today()).unwrap());
    fields.document_number = "AB1234567890".into();
    fields.optional_data = "XY12".into();
    let lines = write(&fields).unwrap();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let scan = parse(&refs, today()).unwrap();
    assert_eq!(scan.document_number.as_deref(), Some("AB1234567890"));
    assert_eq!(scan.optional_data.as_deref(), Some("XY12"));
    assert!(scan.checks.all_ok());

    let mut fields = MrzFields::from(&parse(&TD2, today()).unwrap());
    fields.document_number = "D2314589012".into();
    let lines = write(&fields).unwrap();
    assert_eq!(&lines[1][9..10], "<");
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let scan = parse(&refs, today()).unwrap();
    assert_eq!(scan.document_number.as_deref(), Some("D2314589012"));
    assert!(scan.checks.all_ok());

    // `<` in the check position with nothing to continue.
    let broken = TD1[0].replace("D231458907", "D23145890<");
    let scan = parse(&[&broken, TD1[1], TD1[2]], today()).unwrap();
    assert!(matches!(
        scan.checks.document_number,
        CheckResult::Failed { found: '<', .. }
    ));
    assert!(scan
        .diagnostics
        .iter()
        .any(|d| d.code == "mrz.long_number_missing"));
}

#[test]
fn td3_optional_check_may_be_filler_only_over_fillers() {
    let mut fields = MrzFields::from(&parse(&TD3, today()).unwrap());
    fields.optional_data = String::new();
    let lines = write(&fields).unwrap();
    assert_eq!(&lines[1][42..43], "<");
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let scan = parse(&refs, today()).unwrap();
    assert_eq!(scan.checks.optional_data, CheckResult::Absent);
    assert!(scan.checks.all_ok());
    // `0` is as good as `<` there (a filler counts 0).
    let zero = format!("{}0{}", &lines[1][..42], &lines[1][43..]);
    let scan = parse(&[&lines[0], &zero], today()).unwrap();
    assert_eq!(scan.checks.optional_data, CheckResult::Ok);
    assert!(scan.checks.all_ok());
    // But not over data.
    let filler = TD3[1].replace("<<<<<10", "<<<<<<0");
    let scan = parse(&[TD3[0], &filler], today()).unwrap();
    assert_eq!(
        scan.checks.optional_data,
        CheckResult::Failed {
            expected: '1',
            found: '<'
        }
    );
}

#[test]
fn special_state_codes_are_kept_without_fillers() {
    let mut fields = MrzFields::from(&parse(&TD3, today()).unwrap());
    fields.issuing_state = "D".into();
    fields.nationality = "XXA".into();
    let lines = write(&fields).unwrap();
    assert!(lines[0].starts_with("P<D<<ERIKSSON"));
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let scan = parse(&refs, today()).unwrap();
    assert_eq!(scan.issuing_state.as_deref(), Some("D"));
    assert_eq!(scan.nationality.as_deref(), Some("XXA"));
    assert!(scan.checks.all_ok());
}

#[test]
fn lenient_input_is_read_with_diagnostics() {
    let text = format!(
        "\r\n  {}  \r\n\n{}\r\n",
        TD3[0].to_lowercase(),
        &TD3[1][..42]
    );
    let scan = parse_text(&text, today()).unwrap();
    assert_eq!(scan.format, MrzFormat::Td3);
    assert_eq!(scan.surname, "ERIKSSON");
    let codes: Vec<&str> = scan.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"mrz.blanks_trimmed"));
    assert!(codes.contains(&"mrz.lower_case"));
    let padded = scan
        .diagnostics
        .iter()
        .find(|d| d.code == "mrz.line_padded")
        .unwrap();
    // Line 4 of the text, right after its 42 characters.
    assert_eq!((padded.position.line, padded.position.column), (4, 43));
    assert_eq!(padded.severity, Severity::Warning);
    // The lost `10` are now fillers: the optional data check and the
    // composite fail, and nothing else.
    assert_eq!(
        scan.checks.failed(),
        vec![CheckName::OptionalData, CheckName::Composite]
    );
    // Lower case is the only difference in line 1; the byte offset points
    // into the text.
    let lower = scan
        .diagnostics
        .iter()
        .find(|d| d.code == "mrz.lower_case")
        .unwrap();
    assert_eq!((lower.position.line, lower.position.column), (2, 3));
    assert_eq!(lower.position.byte_offset, 4);
}

#[test]
fn invalid_characters_are_located_and_read_as_fillers() {
    let line = TD3[0]
        .replace("ANNA<MARIA", "ANNA MARIA")
        .replacen('<', "é", 1);
    let scan = parse(&[&line, TD3[1]], today()).unwrap();
    let invalid: Vec<(u32, u32)> = scan
        .diagnostics
        .iter()
        .filter(|d| d.code == "mrz.invalid_character")
        .map(|d| (d.position.line, d.position.column))
        .collect();
    // `é` is two bytes: the blank after it is at byte column 21.
    assert_eq!(invalid, vec![(1, 2), (1, 21)]);
    assert_eq!(scan.lines[0], TD3[0]);
    assert_eq!(scan.given_names, "ANNA MARIA");
}

#[test]
fn wrong_lengths_and_counts_are_errors_with_a_place() {
    let long = format!("{}<", TD3[1]);
    let err = parse(&[TD3[0], &long], today()).unwrap_err();
    assert_eq!(
        err.kind,
        MrzErrorKind::LineTooLong {
            expected: 44,
            found: 45
        }
    );
    assert_eq!((err.line(), err.column()), (2, 45));
    assert!(err.to_string().contains("line 2, column 45"));

    let err = parse(&[TD3[0], &TD3[1][..38]], today()).unwrap_err();
    assert_eq!(
        err.kind,
        MrzErrorKind::LineTooShort {
            expected: 44,
            found: 38
        }
    );
    assert_eq!((err.line(), err.column()), (2, 39));

    let err = parse(&[&TD3[0][..38], &TD3[1][..38]], today()).unwrap_err();
    assert_eq!(err.kind, MrzErrorKind::UnknownLength { found: 38 });

    let err = parse_text("\n\n  \n", today()).unwrap_err();
    assert_eq!(err.kind, MrzErrorKind::Empty);

    let err = parse(&[TD3[0]], today()).unwrap_err();
    assert_eq!(err.kind, MrzErrorKind::LineCount { found: 1 });

    let text = format!("{}\n{}\n{}\n{}", TD1[0], TD1[1], TD1[2], TD1[2]);
    let err = parse_text(&text, today()).unwrap_err();
    assert_eq!(err.kind, MrzErrorKind::LineCount { found: 4 });
    assert_eq!(err.line(), 4);

    let err = parse(&[TD1[0], &TD1[1][..20], TD1[2]], today()).unwrap_err();
    assert_eq!((err.line(), err.column()), (2, 21));
}

#[test]
fn ocr_swap_is_suggested_not_applied() {
    // Document number L898902C3 read with the letter O for the zero.
    let misread = TD3[1].replacen('0', "O", 1);
    let scan = parse(&[TD3[0], &misread], today()).unwrap();
    // The scan keeps what was read.
    assert_eq!(scan.document_number.as_deref(), Some("L8989O2C3"));
    assert!(matches!(
        scan.checks.document_number,
        CheckResult::Failed { .. }
    ));
    let m = scan
        .misreads
        .iter()
        .find(|m| m.field == MrzField::DocumentNumber)
        .unwrap();
    assert_eq!((m.line, m.column, m.found, m.suggested), (2, 6, 'O', '0'));
    assert_eq!(
        m.resolves,
        vec![CheckName::DocumentNumber, CheckName::Composite]
    );
    assert_eq!((m.position.line, m.position.column), (2, 6));
    assert!(scan
        .diagnostics
        .iter()
        .any(|d| d.code == "mrz.possible_misread"));
}

#[test]
fn every_confusion_pair_is_suggested() {
    // Each pair, both ways where the reader would accept it: a digit field
    // takes only letter -> digit, the document number both.
    for (right, wrong) in [('0', 'O'), ('1', 'I'), ('8', 'B'), ('5', 'S'), ('2', 'Z')] {
        // Document number D23145890 (TD1 upper line, columns 6..14).
        let line = TD1[0].as_bytes();
        let Some(col) = line[5..14].iter().position(|c| *c == right as u8) else {
            continue;
        };
        let mut bad = TD1[0].to_string();
        bad.replace_range(5 + col..6 + col, &wrong.to_string());
        let scan = parse(&[&bad, TD1[1], TD1[2]], today()).unwrap();
        assert!(
            scan.misreads
                .iter()
                .any(|m| m.line == 1 && m.column as usize == 6 + col && m.suggested == right),
            "{right}/{wrong}: {:?}",
            scan.misreads
        );
    }
    // A letter in a date, even G for 6 (which no check digit can see).
    let bad = TD3[1].replace("7408122", "74O8122");
    let scan = parse(&[TD3[0], &bad], today()).unwrap();
    assert!(scan.birth_date.is_none());
    let m = &scan.misreads[0];
    assert_eq!(
        (m.field, m.column, m.suggested),
        (MrzField::BirthDate, 16, '0')
    );
    let with_g = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    let mut fields = MrzFields::from(&parse(&TD3, today()).unwrap());
    fields.birth_date = Some(d(1966, 6, 16));
    let lines = write(&fields).unwrap();
    let bad = lines[1].replace("660616", "66O6IG");
    let scan = parse(&[with_g, &bad], today()).unwrap();
    let suggested: Vec<(u32, char)> = scan
        .misreads
        .iter()
        .map(|m| (m.column, m.suggested))
        .collect();
    assert!(suggested.contains(&(19, '6')), "{suggested:?}");
}

/// The positions (row, column, field) of every check-digit-protected
/// character of a format, and the check that protects it directly.
fn protected_positions(format: MrzFormat) -> Vec<(usize, usize, CheckName)> {
    let l = layout::layout(format);
    let mut out = Vec::new();
    let mut add = |span: layout::Span, check: CheckName| {
        for col in span.start..span.end() {
            out.push((span.row, col, check));
        }
    };
    add(l.number, CheckName::DocumentNumber);
    add(l.number_check, CheckName::DocumentNumber);
    add(l.birth, CheckName::BirthDate);
    add(l.birth_check, CheckName::BirthDate);
    add(l.expiry, CheckName::ExpiryDate);
    add(l.expiry_check, CheckName::ExpiryDate);
    if let Some(c) = l.optional_check {
        add(l.optional, CheckName::OptionalData);
        add(c, CheckName::OptionalData);
    } else if l.composite.is_some() {
        add(l.optional, CheckName::Composite);
    }
    if let Some(s) = l.optional2 {
        add(s, CheckName::Composite);
    }
    if let Some(c) = l.composite {
        add(c, CheckName::Composite);
    }
    out
}

#[test]
fn every_single_character_corruption_is_caught_and_located() {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
    let specimens: [(&[&str], NaiveDate); 5] = [
        (&TD3, today()),
        (&TD2, today()),
        (&TD1, today()),
        (&MRV_A, d(1995, 1, 1)),
        (&MRV_B, d(1995, 1, 1)),
    ];
    let mut tried = 0;
    for (lines, reference) in specimens {
        let format = parse(lines, reference).unwrap().format;
        for (row, col, check) in protected_positions(format) {
            let original = lines[row].as_bytes()[col];
            for &c in ALPHABET.iter().filter(|c| **c != original) {
                // 7-3-1 cannot see a change by a multiple of 10 (0/A/K/U/<,
                // 1/B/L/V...): that blind spot is documented in the spec.
                let (a, b) = (
                    character_value(original).unwrap(),
                    character_value(c).unwrap(),
                );
                let digits = layout::digits_only(layout::field_at(
                    &layout::layout(format),
                    layout::NumberForm::Short,
                    row,
                    col,
                ));
                if a % 10 == b % 10 && !digits {
                    continue;
                }
                let mut bad: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
                bad[row].replace_range(col..=col, &char::from(c).to_string());
                let refs: Vec<&str> = bad.iter().map(String::as_str).collect();
                let scan = parse(&refs, reference).unwrap();
                tried += 1;
                // Caught: the check that protects the place fails (or, for
                // a date, the date is no longer a date)...
                let failed = scan.checks.failed();
                let not_a_date = scan
                    .diagnostics
                    .iter()
                    .any(|d| d.code == "mrz.date_invalid" && d.position.line as usize == row + 1);
                if digits && not_a_date && !failed.contains(&check) {
                    continue;
                }
                assert!(
                    failed.contains(&check),
                    "{format:?} {row}:{col} {} -> {}: {failed:?}",
                    char::from(original),
                    char::from(c)
                );
                // ...and located: a diagnostic on that check sits in the
                // field's line (the check digit's place).
                assert!(scan
                    .diagnostics
                    .iter()
                    .any(|d| d.code == "mrz.check_digit_failed"
                        && d.message.contains(check.describe())));
            }
        }
    }
    assert!(tried > 1000, "{tried}");
}

#[test]
fn dates_follow_the_reference() {
    // The same lines read in 1995 and in 2010: the birth date never after
    // the reference, the expiry nearest to it.
    let scan = parse(&TD3, d(1995, 1, 1)).unwrap();
    assert_eq!(scan.birth_date, Some(d(1974, 8, 12)));
    assert_eq!(scan.expiry_date, Some(d(2012, 4, 15)));
    let scan = parse(&TD3, d(2060, 1, 1)).unwrap();
    assert_eq!(scan.birth_date, Some(d(1974, 8, 12)));
    assert_eq!(scan.expiry_date, Some(d(2012, 4, 15)));
    // More than 50 years after 2012: the next century is nearer.
    let scan = parse(&TD3, d(2063, 1, 1)).unwrap();
    assert_eq!(scan.expiry_date, Some(d(2112, 4, 15)));
}

#[test]
fn unknown_and_invalid_dates_and_sex() {
    let bad = TD3[1].replace("7408122F", "<<<<<<0X");
    let scan = parse(&[TD3[0], &bad], today()).unwrap();
    assert_eq!(scan.birth_date, None);
    assert_eq!(scan.sex, Some(Gender::Other));
    assert_eq!(scan.checks.birth_date, CheckResult::Ok);
    assert!(scan
        .diagnostics
        .iter()
        .any(|d| d.code == "mrz.date_unknown"));

    let bad = TD3[1].replace("7408122F", "7413122Q");
    let scan = parse(&[TD3[0], &bad], today()).unwrap();
    assert_eq!(scan.birth_date, None);
    assert_eq!(scan.sex, None);
    let codes: Vec<&str> = scan.diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"mrz.date_invalid"));
    assert!(codes.contains(&"mrz.sex_invalid"));

    let scan = parse(&[TD3[0], &TD3[1].replace("2F", "2<")], today()).unwrap();
    assert_eq!(scan.sex, Some(Gender::Unspecified));
}

#[test]
fn names_are_split_and_truncation_flagged() {
    assert_eq!(
        read::split_name(b"VAN<DER<BERG<<JAN<<<<"),
        ("VAN DER BERG".to_string(), "JAN".to_string())
    );
    assert_eq!(
        read::split_name(b"SINGLENAME<<<<"),
        ("SINGLENAME".to_string(), String::new())
    );
    let mut fields = MrzFields::from(&parse(&TD1, today()).unwrap());
    fields.surname = "WOLFESCHLEGELSTEINHAUSEN".into();
    fields.given_names = "HUBERT BLAINE".into();
    let lines = write(&fields).unwrap();
    assert_eq!(lines[2], "WOLFESCHLEGELSTEINHAUSEN<<HUBE");
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let scan = parse(&refs, today()).unwrap();
    assert!(scan.name_truncated);
    assert_eq!(scan.given_names, "HUBE");
    assert!(scan
        .diagnostics
        .iter()
        .any(|d| d.code == "mrz.name_truncated"));
}

#[test]
fn scan_serializes_with_iso_dates_and_named_checks() {
    let scan = parse(&TD3, today()).unwrap();
    let json = serde_json::to_value(&scan).unwrap();
    assert_eq!(json["format"], "td3");
    assert_eq!(json["birth_date"], "1974-08-12");
    assert_eq!(json["document_kind"], "passport");
    assert_eq!(json["checks"]["composite"]["status"], "ok");
    let bad = TD3[1].replace("7408122", "7408123");
    let scan = parse(&[TD3[0], &bad], today()).unwrap();
    let json = serde_json::to_value(&scan).unwrap();
    assert_eq!(
        json["checks"]["birth_date"],
        serde_json::json!({"status": "failed", "expected": "2", "found": "3"})
    );
    assert_eq!(json["checks"]["optional_data"]["status"], "ok");
}

#[test]
fn writer_refuses_what_an_mrz_cannot_hold() {
    let mut fields = MrzFields::from(&parse(&TD3, today()).unwrap());
    fields.document_number = "L898902C36X".into();
    let err = write(&fields).unwrap_err();
    assert_eq!(err.field, MrzField::DocumentNumber);
    fields.document_number = "L89-8".into();
    let err = write(&fields).unwrap_err();
    assert_eq!(err.kind, WriteErrorKind::InvalidCharacter { index: 3 });
    fields.document_number = "L898902C3".into();
    fields.surname = "ÉRIKSSON".into();
    assert_eq!(write(&fields).unwrap_err().field, MrzField::Name);
    fields.surname = "O'NEIL-SMITH".into();
    let lines = write(&fields).unwrap();
    assert!(lines[0].starts_with("P<UTOONEIL<SMITH<<ANNA<MARIA<"));
}

fn fields_strategy() -> impl Strategy<Value = MrzFields> {
    let format = prop_oneof![
        Just(MrzFormat::Td1),
        Just(MrzFormat::Td2),
        Just(MrzFormat::Td3),
        Just(MrzFormat::MrvA),
        Just(MrzFormat::MrvB),
    ];
    let word = "[A-Z]{1,6}";
    let sex = prop_oneof![
        Just(Some(Gender::Male)),
        Just(Some(Gender::Female)),
        Just(Some(Gender::Other)),
        Just(Some(Gender::Unspecified)),
    ];
    (
        format,
        "[A-Z][A-Z]?",
        "[A-Z]{1,3}",
        proptest::collection::vec(word, 1..3),
        proptest::collection::vec(word, 0..3),
        "[A-Z0-9]{1,12}",
        "[A-Z]{1,3}",
        1i64..35_000,
        -14_600i64..14_600,
        sex,
        "[A-Z0-9]{0,16}",
        "[A-Z0-9]{0,11}",
    )
        .prop_map(
            |(format, code, state, surname, given, number, nat, born, expires, sex, opt, opt2)| {
                let reference = reference();
                let long_ok = matches!(format, MrzFormat::Td1 | MrzFormat::Td2);
                let mut number = number;
                if !long_ok || number.len() > 9 && format == MrzFormat::Td2 {
                    number.truncate(9);
                }
                let room = match format {
                    MrzFormat::Td1 if number.len() > 9 => 15 - (number.len() - 9) - 2,
                    MrzFormat::Td1 => 15,
                    MrzFormat::Td2 if number.len() > 9 => 0,
                    MrzFormat::Td2 => 7,
                    MrzFormat::Td3 => 14,
                    MrzFormat::MrvA => 16,
                    MrzFormat::MrvB => 8,
                };
                let mut optional = opt;
                optional.truncate(room);
                let code = match format {
                    MrzFormat::MrvA | MrzFormat::MrvB => format!("V{}", &code[1..]),
                    // V would make the zone a visa.
                    _ if code.starts_with('V') => format!("P{}", &code[1..]),
                    _ => code,
                };
                MrzFields {
                    format,
                    document_code: code,
                    issuing_state: state,
                    surname: surname.join(" "),
                    given_names: given.join(" "),
                    document_number: number,
                    nationality: nat,
                    birth_date: reference.checked_sub_signed(chrono::Duration::days(born)),
                    sex,
                    expiry_date: reference.checked_add_signed(chrono::Duration::days(expires)),
                    optional_data: optional,
                    optional_data_2: if format == MrzFormat::Td1 {
                        opt2
                    } else {
                        String::new()
                    },
                }
            },
        )
}

fn reference() -> NaiveDate {
    d(2026, 3, 15)
}

proptest! {
    #[test]
    fn written_lines_read_back(fields in fields_strategy()) {
        let lines = write(&fields).unwrap();
        prop_assert_eq!(lines.len(), fields.format.line_count());
        prop_assert!(lines.iter().all(|l| l.len() == fields.format.line_length()));
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let scan = parse(&refs, reference()).unwrap();
        prop_assert_eq!(scan.format, fields.format);
        prop_assert!(scan.checks.all_ok(), "{:?}", scan.checks);
        prop_assert!(scan.misreads.is_empty());
        for name in CheckName::ALL {
            let r = scan.checks.get(name);
            prop_assert!(r == CheckResult::Ok || r == CheckResult::Absent);
        }
        if scan.name_truncated {
            prop_assert!(scan.surname.len() + scan.given_names.len() >= 20);
        } else {
            prop_assert_eq!(&MrzFields::from(&scan), &fields);
        }
    }

    #[test]
    fn one_swapped_look_alike_in_a_document_number_is_found(
        fields in fields_strategy(),
        pick in 0usize..9,
    ) {
        let mut fields = fields;
        // Every character has a look-alike the check digits can see (not G/6).
        fields.document_number = "8O1IB5S2Z".into();
        let lines = write(&fields).unwrap();
        let row = usize::from(fields.format != MrzFormat::Td1);
        let start = if fields.format == MrzFormat::Td1 { 5 } else { 0 };
        let col = start + pick;
        let mut bad = lines.clone();
        let original = bad[row].as_bytes()[col];
        let wrong = check::look_alike(original).unwrap();
        bad[row].replace_range(col..=col, &char::from(wrong).to_string());
        let refs: Vec<&str> = bad.iter().map(String::as_str).collect();
        let scan = parse(&refs, reference()).unwrap();
        let failed = matches!(scan.checks.document_number, CheckResult::Failed { .. });
        prop_assert!(failed);
        let found = scan.misreads.iter().any(|m| {
            m.line as usize == row + 1
                && m.column as usize == col + 1
                && m.suggested == char::from(original)
                && m.resolves.contains(&CheckName::DocumentNumber)
        });
        prop_assert!(found, "{:?}", scan.misreads);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,200}") {
        let _ = parse_text(&text, reference());
    }

    #[test]
    fn near_mrz_text_never_panics(
        lines in proptest::collection::vec("[A-Z0-9<a-z ]{25,50}", 1..5),
    ) {
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        if let Ok(scan) = parse(&refs, reference()) {
            prop_assert_eq!(scan.lines.len(), scan.format.line_count());
        }
    }
}

#[test]
fn a_letter_in_a_check_digit_is_a_failed_check_with_a_suggestion() {
    let bad = format!("{}O", &TD3[1][..43]);
    let scan = parse(&[TD3[0], &bad], today()).unwrap();
    assert_eq!(
        scan.checks.composite,
        CheckResult::Failed {
            expected: '0',
            found: 'O'
        }
    );
    assert_eq!(scan.checks.failed(), vec![CheckName::Composite]);
    let m = &scan.misreads[0];
    assert_eq!(
        (m.field, m.line, m.column, m.suggested),
        (MrzField::CompositeCheck, 2, 44, '0')
    );
    assert_eq!(m.resolves, vec![CheckName::Composite]);
    assert_eq!(scan.misreads.len(), 1);
}

#[test]
fn slice_lines_may_carry_a_trailing_cr_and_blanks() {
    let first = format!("{}\r", TD2[0]);
    let second = format!("\t{} ", TD2[1]);
    let scan = parse(&[&first, "", &second], today()).unwrap();
    assert!(scan.checks.all_ok());
    assert_eq!(scan.lines, TD2);
    // Only the second line had blanks; the lone CR is not reported.
    let trimmed: Vec<u32> = scan
        .diagnostics
        .iter()
        .filter(|d| d.code == "mrz.blanks_trimmed")
        .map(|d| d.position.line)
        .collect();
    assert_eq!(trimmed, vec![3]);
}
