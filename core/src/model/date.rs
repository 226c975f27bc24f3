//! Calendar dates as messages write them, and the two-digit year rule.
//!
//! Passenger messages write most years with two digits (PAXLST `DTM+329:720907`,
//! SSR DOCS `01JUL78`, MRZ `740812`). The century is resolved against a
//! reference date, normally the date the message was prepared (UNB), so the
//! same message always reads the same way:
//!
//! * **birth and issue dates** take the latest century that does not put the
//!   date after the reference date (nobody is born, and no document issued,
//!   after the message that reports them);
//! * **expiry dates** take the century that puts the date nearest to the
//!   reference date (a document expires at most a few decades either side of
//!   its use); a tie goes to the later century.
//!
//! The rule is written down in `spec/formats/dates.md`.

use chrono::{Datelike, NaiveDate};

/// Which rule resolves the century of a two-digit year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRole {
    /// A birth date: never after the reference date.
    Birth,
    /// A document issue date: never after the reference date.
    Issue,
    /// A document expiry date: nearest to the reference date.
    Expiry,
    /// Any other date (flight times): nearest to the reference date.
    Event,
}

/// Resolves a date written with a two-digit year.
///
/// Returns `None` when month and day do not form a date in any candidate
/// century (29 February is tried in each).
#[must_use]
pub fn resolve_two_digit_year(
    yy: u32,
    month: u32,
    day: u32,
    role: DateRole,
    reference: NaiveDate,
) -> Option<NaiveDate> {
    if yy > 99 {
        return None;
    }
    let century = reference.year().div_euclid(100) * 100;
    let yy = i32::try_from(yy).ok()?;
    let candidates = [century - 100 + yy, century + yy, century + 100 + yy]
        .map(|year| NaiveDate::from_ymd_opt(year, month, day));
    match role {
        DateRole::Birth | DateRole::Issue => candidates
            .iter()
            .flatten()
            .filter(|d| **d <= reference)
            .max()
            .copied(),
        DateRole::Expiry | DateRole::Event => candidates
            .iter()
            .flatten()
            .min_by_key(|d| {
                let distance = (**d - reference).num_days().abs();
                // On a tie the later date wins.
                (distance, std::cmp::Reverse(**d))
            })
            .copied(),
    }
}

/// Splits `YYMMDD` into its numbers. Blanks are not allowed here: callers trim.
#[must_use]
pub fn split_yymmdd(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some((two(b, 0), two(b, 2), two(b, 4)))
}

/// Reads `HHMM` (exactly four digits) as a time of day. Blanks are not
/// allowed here: callers trim.
#[must_use]
pub fn parse_hhmm(text: &str) -> Option<chrono::NaiveTime> {
    let b = text.as_bytes();
    if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(two(b, 0), two(b, 2), 0)
}

/// Splits `DDMMYY` into (yy, mm, dd).
#[must_use]
pub fn split_ddmmyy(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some((two(b, 4), two(b, 2), two(b, 0)))
}

/// Splits `DDMMMYY` (`01JUL78`, month in English, any case) into (yy, mm, dd).
#[must_use]
pub fn split_ddmmmyy(text: &str) -> Option<(u32, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 7
        || !b[..2].iter().all(u8::is_ascii_digit)
        || !b[5..].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let month = month_from_abbreviation(&text[2..5])?;
    Some((two(b, 5), month, two(b, 0)))
}

/// The month number of a three-letter English abbreviation (`JAN` = 1).
#[must_use]
pub fn month_from_abbreviation(text: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(text))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn two(b: &[u8], at: usize) -> u32 {
    u32::from(b[at] - b'0') * 10 + u32::from(b[at + 1] - b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hhmm_is_exactly_four_digits() {
        assert_eq!(
            parse_hhmm("0930"),
            chrono::NaiveTime::from_hms_opt(9, 30, 0)
        );
        assert_eq!(parse_hhmm("0000"), Some(chrono::NaiveTime::MIN));
        // A dropped leading zero is ambiguous (123: 01:23 or 12:03?), so
        // short times are refused rather than guessed; so are blanks inside.
        for text in [
            "123", "930", "9 30", "1 5", "12345", "2400", "1260", "", "ab12",
        ] {
            assert_eq!(parse_hhmm(text), None, "{text:?}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn birth_is_never_after_the_reference() {
        let r = d(2013, 6, 20);
        assert_eq!(
            resolve_two_digit_year(72, 9, 7, DateRole::Birth, r),
            Some(d(1972, 9, 7))
        );
        assert_eq!(
            resolve_two_digit_year(12, 9, 20, DateRole::Birth, r),
            Some(d(2012, 9, 20))
        );
        // Born later in the same year as the reference: previous century.
        assert_eq!(
            resolve_two_digit_year(13, 7, 1, DateRole::Birth, r),
            Some(d(1913, 7, 1))
        );
        assert_eq!(
            resolve_two_digit_year(13, 6, 20, DateRole::Birth, r),
            Some(d(2013, 6, 20))
        );
    }

    #[test]
    fn expiry_is_nearest_to_the_reference() {
        let r = d(2013, 6, 20);
        assert_eq!(
            resolve_two_digit_year(15, 12, 31, DateRole::Expiry, r),
            Some(d(2015, 12, 31))
        );
        assert_eq!(
            resolve_two_digit_year(99, 1, 1, DateRole::Expiry, r),
            Some(d(1999, 1, 1))
        );
        let r = d(2095, 1, 1);
        assert_eq!(
            resolve_two_digit_year(3, 1, 1, DateRole::Expiry, r),
            Some(d(2103, 1, 1))
        );
    }

    #[test]
    fn leap_day_only_in_leap_centuries() {
        let r = d(2026, 11, 23);
        // 29 Feb 2000 exists; 29 Feb 1900 does not.
        assert_eq!(
            resolve_two_digit_year(0, 2, 29, DateRole::Birth, r),
            Some(d(2000, 2, 29))
        );
        assert_eq!(resolve_two_digit_year(1, 2, 29, DateRole::Birth, r), None);
        assert_eq!(resolve_two_digit_year(1, 13, 1, DateRole::Birth, r), None);
    }

    #[test]
    fn splits_each_layout() {
        assert_eq!(split_yymmdd("720907"), Some((72, 9, 7)));
        assert_eq!(split_yymmdd("72097"), None);
        assert_eq!(split_ddmmyy("270513"), Some((13, 5, 27)));
        assert_eq!(split_ddmmmyy("01JUL78"), Some((78, 7, 1)));
        assert_eq!(split_ddmmmyy("01jul78"), Some((78, 7, 1)));
        assert_eq!(split_ddmmmyy("01JLY78"), None);
        assert_eq!(split_ddmmmyy("1JUL78"), None);
    }
}
