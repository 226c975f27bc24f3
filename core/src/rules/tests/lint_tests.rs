//! Pack loading and lint tests.

use chrono::NaiveDate;

use super::fixture::{standard_traveller, TestCatalogue};
use crate::model::Severity;
use crate::rules::{lint, LintFinding, Pack, Purpose};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn pack_with(purpose: &str, rules: &str) -> String {
    format!(
        "[pack]\nid = \"test\"\nversion = \"1\"\npurpose = \"{purpose}\"\nowner = \"rules team\"\nreview_by = 2026-12-31\n{rules}"
    )
}

fn rule(id: &str, channel: &str, weight: &str, when: &str) -> String {
    format!(
        "\n[[rule]]\nid = \"{id}\"\ntitle = \"t\"\nfamily = \"DOC\"\nchannel = \"{channel}\"\nweight = \"{weight}\"\nseverity = \"high\"\nwhen = '{when}'\nexplain = \"e\"\nclears = \"c\"\noffence = \"facilitation of unauthorised entry\"\n"
    )
}

fn findings(purpose: &str, rules: &str) -> Vec<LintFinding> {
    let c = TestCatalogue::new();
    let src = pack_with(purpose, rules);
    let pack = Pack::from_toml(&src, &c).unwrap_or_else(|e| panic!("{e:?}"));
    lint(
        &pack,
        &c,
        Purpose::parse(purpose).unwrap(),
        day("2026-06-01"),
    )
}

fn only(f: &[LintFinding], code: &str) -> LintFinding {
    let hits: Vec<_> = f.iter().filter(|x| x.code == code).collect();
    assert_eq!(hits.len(), 1, "{code} in {f:?}");
    hits[0].clone()
}

// The header is 6 lines; rule() starts with a blank line, so a rule's `id`
// is on line 9 and its `when` on line 15, with the condition at column 9.
const WHEN_LINE: u32 = 15;
const WHEN_COL: u32 = 9;

#[test]
fn a_clean_pack_has_no_findings_and_fires() {
    let c = TestCatalogue::new();
    let src = pack_with(
        "carrier",
        &rule(
            "DOC-02",
            "compliance",
            "strong",
            "any(traveller.documents, d => d.expires_on < flight.departure_date + 90d)",
        ),
    );
    let pack = Pack::from_toml(&src, &c).unwrap();
    assert!(lint(&pack, &c, Purpose::Carrier, day("2026-06-01")).is_empty());
    let traveller = standard_traveller();
    let hits: Vec<_> = pack.hits(&traveller).map(|r| r.id.as_str()).collect();
    assert_eq!(hits, ["DOC-02"]);
}

#[test]
fn sensitive_field_is_refused_at_its_position() {
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "flight.destination == \"FRA\" and traveller.remarks == \"x\"",
        ),
    );
    let x = only(&f, "lint.sensitive-field");
    assert_eq!(
        (x.severity, x.line, x.column),
        (Severity::Error, WHEN_LINE, WHEN_COL + 32)
    );
    assert_eq!(x.rule_id.as_deref(), Some("R1"));
}

#[test]
fn sensitive_ssr_code_literal_is_refused() {
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "any(traveller.ssr_codes, c => c == \"moml\")",
        ),
    );
    let x = only(&f, "lint.sensitive-code");
    assert_eq!((x.line, x.column), (WHEN_LINE, WHEN_COL + 35));
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "\"WCHR\" in traveller.ssr_codes",
        ),
    );
    assert_eq!(only(&f, "lint.sensitive-code").column, WHEN_COL);
}

#[test]
fn protected_attributes_alone_are_refused() {
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "traveller.sex == \"F\" and age_at(traveller.birth_date, 2026-01-01) < 30",
        ),
    );
    let x = only(&f, "lint.protected-only");
    assert_eq!((x.line, x.column), (WHEN_LINE, WHEN_COL));
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "traveller.sex == \"F\" and flight.destination == \"FRA\"",
        ),
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn weak_rules_and_weak_only_conditions_are_refused() {
    let f = findings(
        "carrier",
        &rule("R1", "compliance", "weak", "flight.destination == \"FRA\""),
    );
    let x = only(&f, "lint.weak-rule");
    assert_eq!(x.line, 9);
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "moderate",
            "booking.one_way and traveller.checked_bags == 0",
        ),
    );
    only(&f, "lint.weak-only");
}

#[test]
fn protection_status_as_risk_is_refused_but_may_exonerate() {
    let f = findings(
        "border-api",
        &rule(
            "R1",
            "facilitation",
            "strong",
            "flight.destination == \"FRA\" and traveller.nationality in [\"UTO\", \"XXB\"]",
        ),
    );
    let x = only(&f, "lint.protection-status");
    assert_eq!(x.column, WHEN_COL + 65);
    let f = findings("border-api", &rule("R1", "facilitation", "strong", "flight.destination == \"FRA\" and traveller.nationality not in [\"XXA\", \"XXB\", \"XXC\"]"));
    assert!(f.is_empty(), "{f:?}");
    let f = findings(
        "border-api",
        &rule(
            "R1",
            "protection",
            "strong",
            "flight.destination == \"FRA\" and traveller.nationality in [\"XXA\"]",
        ),
    );
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn duplicate_ids_are_refused() {
    let rules = rule(
        "R1",
        "compliance",
        "strong",
        "flight.destination == \"FRA\"",
    ) + &rule(
        "R1",
        "compliance",
        "strong",
        "flight.destination == \"DEU\"",
    );
    let f = findings("carrier", &rules);
    let x = only(&f, "lint.duplicate-id");
    assert_eq!(x.line, 9 + 12);
}

#[test]
fn overdue_review_is_a_warning_against_the_reference_date() {
    let c = TestCatalogue::new();
    let src = pack_with(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "flight.destination == \"FRA\"",
        ),
    );
    let pack = Pack::from_toml(&src, &c).unwrap();
    assert!(lint(&pack, &c, Purpose::Carrier, day("2026-12-31")).is_empty());
    let f = lint(&pack, &c, Purpose::Carrier, day("2027-01-01"));
    let x = only(&f, "lint.review-overdue");
    assert_eq!((x.severity, x.line, x.column), (Severity::Warning, 6, 13));
}

#[test]
fn channels_must_be_allowed_by_the_purpose() {
    let f = findings(
        "carrier",
        &rule(
            "R1",
            "facilitation",
            "strong",
            "flight.destination == \"FRA\"",
        ),
    );
    only(&f, "lint.channel-not-allowed");
    let f = findings(
        "border-api",
        &rule(
            "R1",
            "facilitation",
            "strong",
            "flight.destination == \"FRA\"",
        ),
    );
    assert!(f.is_empty());
    let f = findings(
        "protection",
        &rule(
            "R1",
            "compliance",
            "strong",
            "flight.destination == \"FRA\"",
        ),
    );
    only(&f, "lint.channel-not-allowed");
    let f = findings(
        "pnr-serious-crime",
        &rule(
            "R1",
            "data_quality",
            "strong",
            "flight.destination == \"FRA\"",
        ),
    );
    only(&f, "lint.channel-not-allowed");
}

#[test]
fn serious_crime_rules_must_name_an_offence() {
    let r = rule(
        "R1",
        "facilitation",
        "strong",
        "flight.destination == \"FRA\"",
    )
    .replace("offence = \"facilitation of unauthorised entry\"\n", "");
    let f = findings("pnr-serious-crime", &r);
    only(&f, "lint.missing-offence");
}

#[test]
fn deployment_purpose_must_match_the_pack() {
    let c = TestCatalogue::new();
    let src = pack_with(
        "carrier",
        &rule(
            "R1",
            "compliance",
            "strong",
            "flight.destination == \"FRA\"",
        ),
    );
    let pack = Pack::from_toml(&src, &c).unwrap();
    let f = lint(&pack, &c, Purpose::BorderApi, day("2026-06-01"));
    only(&f, "lint.purpose-mismatch");
}

#[test]
fn load_errors_are_all_reported_with_pack_positions_and_a_caret() {
    let c = TestCatalogue::new();
    let rules = rule("DOC-02", "compliance", "strong", "traveller.birth_date > 3")
        + &rule("DOC-03", "compliance", "strong", "flight.destination ==")
        + &rule(
            "DOC-04",
            "nowhere",
            "strong",
            "flight.destination == \"FRA\"",
        );
    let src = pack_with("carrier", &rules);
    let errs = Pack::from_toml(&src, &c).unwrap_err();
    assert_eq!(errs.len(), 3, "{errs:?}");
    assert_eq!(errs[0].code, "rules.type");
    assert_eq!(
        (errs[0].line, errs[0].column, errs[0].in_pack),
        (WHEN_LINE, WHEN_COL + 21, true)
    );
    assert_eq!(errs[0].local, Some((1, 22)));
    assert_eq!(
        errs[0].to_string(),
        "error[rules.type]: rule DOC-02, line 15, column 30: cannot compare a date with a number\n  traveller.birth_date > 3\n                       ^"
    );
    assert_eq!(errs[1].code, "rules.parse");
    assert_eq!(
        (errs[1].line, errs[1].column),
        (WHEN_LINE + 12, WHEN_COL + 21)
    );
    assert_eq!(errs[2].code, "rules.pack");
    assert_eq!(errs[2].rule_id.as_deref(), Some("DOC-04"));
}

#[test]
fn escaped_conditions_fall_back_to_condition_positions() {
    let c = TestCatalogue::new();
    let src = pack_with(
        "carrier",
        &rule("R1", "compliance", "strong", "x").replace(
            "when = 'x'",
            "when = \"flight.destination == \\\"FRA\\\" and 1 == \\\"a\\\"\"",
        ),
    );
    let errs = Pack::from_toml(&src, &c).unwrap_err();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(!errs[0].in_pack);
    assert_eq!((errs[0].line, errs[0].column), (1, 35));
}

#[test]
fn multiline_conditions_map_to_pack_lines() {
    let c = TestCatalogue::new();
    let r = rule("R1", "compliance", "strong", "x").replace(
        "when = 'x'",
        "when = '''\nflight.destination == \"FRA\"\n  and traveller.sex > 1'''",
    );
    let errs = Pack::from_toml(&pack_with("carrier", &r), &c).unwrap_err();
    assert_eq!((errs[0].line, errs[0].column), (WHEN_LINE + 2, 21));
    assert_eq!(errs[0].local, Some((2, 21)));
}

#[test]
fn toml_errors_and_unknown_explain_fields() {
    let c = TestCatalogue::new();
    let errs = Pack::from_toml("[pack\nid=1", &c).unwrap_err();
    assert_eq!((errs[0].code, errs[0].line), ("rules.toml", 1));
    let r = rule(
        "R1",
        "compliance",
        "strong",
        "flight.destination == \"FRA\"",
    )
    .replace("explain = \"e\"", "explain = \"to {flight.nowhere}\"");
    let errs = Pack::from_toml(&pack_with("carrier", &r), &c).unwrap_err();
    assert_eq!(
        (errs[0].code, errs[0].line, errs[0].column),
        ("rules.explain", 16, 16)
    );
}
