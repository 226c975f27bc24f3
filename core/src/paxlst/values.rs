//! Reading single values of PAXLST segments: dates, countries, airports,
//! numbers. Each reports what it could not read and never fails.

use crate::edifact::{at_segment, Segment};
use crate::model::{
    parse_hhmm, resolve_two_digit_year, split_yymmdd, DateRole, Diagnostic, Severity,
};
use crate::reference::{airports, countries};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// A date as written: with its century, or with a two-digit year still to
/// be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateText {
    /// Four-digit year.
    Full(NaiveDate),
    /// Two-digit year, month, day (month and day not yet checked).
    TwoDigit(u32, u32, u32),
}

/// A date, optionally with a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateTimeText {
    pub date: DateText,
    pub time: Option<NaiveTime>,
}

/// Removes every blank: the guide prints values such as `: 1306212200`.
fn compact(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_whitespace()) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn ccyymmdd(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = text.get(..4)?.parse().ok()?;
    let (_, m, d) = split_yymmdd(text.get(2..)?)?;
    NaiveDate::from_ymd_opt(year, m, d)
}

/// Reads a DTM value in the given format (`101`, `102`, `201`, `203`), or
/// by its length when no format is given. Blanks inside are ignored.
pub(crate) fn parse_dtm(value: &str, format: Option<&str>) -> Option<DateTimeText> {
    let value = compact(value);
    let v: &str = &value;
    let len = v.len();
    let expected = match format {
        Some("101") => 6,
        Some("102") => 8,
        Some("201") => 10,
        Some("203") => 12,
        _ => len,
    };
    if len != expected {
        return None;
    }
    match len {
        6 => {
            let (yy, m, d) = split_yymmdd(v)?;
            Some(DateTimeText {
                date: DateText::TwoDigit(yy, m, d),
                time: None,
            })
        }
        8 => Some(DateTimeText {
            date: DateText::Full(ccyymmdd(v)?),
            time: None,
        }),
        10 => {
            let (yy, m, d) = split_yymmdd(v.get(..6)?)?;
            Some(DateTimeText {
                date: DateText::TwoDigit(yy, m, d),
                time: Some(parse_hhmm(v.get(6..)?)?),
            })
        }
        12 => Some(DateTimeText {
            date: DateText::Full(ccyymmdd(v.get(..8)?)?),
            time: Some(parse_hhmm(v.get(8..)?)?),
        }),
        _ => None,
    }
}

/// Why a date could not be given a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateProblem {
    /// Two-digit year and no reference date.
    NoReference,
    /// Month and day do not form a date in any candidate century.
    NotADate,
}

/// Resolves a date's century with the two-digit year rule.
pub(crate) fn resolve(
    date: DateText,
    role: DateRole,
    reference: Option<NaiveDate>,
) -> Result<NaiveDate, DateProblem> {
    match date {
        DateText::Full(d) => Ok(d),
        DateText::TwoDigit(yy, m, d) => {
            let reference = reference.ok_or(DateProblem::NoReference)?;
            resolve_two_digit_year(yy, m, d, role, reference).ok_or(DateProblem::NotADate)
        }
    }
}

/// Resolves a flight date and time. Without a reference date the two-digit
/// year is read in the window 1970-2069, as envelope dates are.
pub(crate) fn resolve_event(
    value: DateTimeText,
    reference: Option<NaiveDate>,
) -> Option<NaiveDateTime> {
    let date = match (value.date, reference) {
        (DateText::Full(d), _) => d,
        (DateText::TwoDigit(yy, m, d), Some(r)) => {
            resolve_two_digit_year(yy, m, d, DateRole::Event, r)?
        }
        (DateText::TwoDigit(yy, m, d), None) => {
            let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
            NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, m, d)?
        }
    };
    Some(date.and_time(value.time.unwrap_or(NaiveTime::MIN)))
}

/// A country code normalised to ICAO alpha-3, or kept as written with a
/// warning.
pub(crate) fn country(seg: &Segment<'_>, code: &str, diags: &mut Vec<Diagnostic>) -> String {
    if let Some(a3) = countries::to_alpha3(code) {
        return a3.to_string();
    }
    diags.push(at_segment(
        seg,
        Severity::Warning,
        "paxlst.unknown_country",
        format!(
            "{} {}: the country code is not a known ISO 3166 or ICAO 9303 code; it is kept as written",
            seg.tag(),
            seg.trimmed(1, 1).as_deref().unwrap_or("")
        ),
    ));
    code.to_string()
}

/// An airport code, checked against the airport table; kept as written.
pub(crate) fn airport(seg: &Segment<'_>, code: &str, diags: &mut Vec<Diagnostic>) -> String {
    if airports::airport(code).is_none() {
        diags.push(at_segment(
            seg,
            Severity::Warning,
            "paxlst.unknown_airport",
            format!(
                "LOC {}: the airport code is not in the airport table; it is kept as written",
                seg.trimmed(1, 1).as_deref().unwrap_or("")
            ),
        ));
    }
    code.to_string()
}

/// A whole number, or `None` with a warning.
pub(crate) fn number(
    seg: &Segment<'_>,
    text: Option<&str>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<u32> {
    let text = text?;
    match compact(text).parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            diags.push(at_segment(
                seg,
                Severity::Warning,
                "paxlst.bad_number",
                format!("{} {what} is not a whole number", seg.tag()),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_format() {
        let t = parse_dtm(" 1306212200", Some("201")).unwrap();
        assert_eq!(t.date, DateText::TwoDigit(13, 6, 21));
        assert_eq!(t.time, NaiveTime::from_hms_opt(22, 0, 0));
        let t = parse_dtm("201306212200", Some("203")).unwrap();
        assert_eq!(
            t.date,
            DateText::Full(NaiveDate::from_ymd_opt(2013, 6, 21).unwrap())
        );
        assert!(parse_dtm("1306212200", Some("203")).is_none());
        assert!(parse_dtm("130621 22 00", Some("201")).is_some());
        assert!(parse_dtm("1306212560", None).is_none());
        assert_eq!(
            parse_dtm("720907", None).unwrap().date,
            DateText::TwoDigit(72, 9, 7)
        );
        assert!(parse_dtm("7209", None).is_none());
    }

    #[test]
    fn event_without_reference_uses_the_window() {
        let t = parse_dtm("1306212200", None).unwrap();
        assert_eq!(
            resolve_event(t, None).unwrap().to_string(),
            "2013-06-21 22:00:00"
        );
        assert_eq!(
            resolve(DateText::TwoDigit(72, 9, 7), DateRole::Birth, None),
            Err(DateProblem::NoReference)
        );
    }
}
