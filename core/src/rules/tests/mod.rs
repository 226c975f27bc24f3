//! Tests of the condition language, the pack loader and the linter.

mod fixture;
mod lint_tests;
mod spec_examples;

use fixture::{standard_traveller, TestCatalogue};

use super::ast::{ArithOp, CmpOp, ExprKind};
use super::parser::parse_condition;
use super::{Condition, ConditionError, Facts, Truth};

fn truth(src: &str) -> Truth {
    truth_with(src, &standard_traveller())
}

fn truth_with(src: &str, facts: &dyn Facts) -> Truth {
    let c = TestCatalogue::new();
    let cond = Condition::compile(src, &c).unwrap_or_else(|e| panic!("{src}: {e:?}"));
    cond.evaluate(facts)
}

fn error(src: &str) -> ConditionError {
    let c = TestCatalogue::new();
    let mut errs = Condition::compile(src, &c).expect_err(src);
    errs.remove(0)
}

#[test]
fn precedence_and_binds_tighter_than_or() {
    let e = parse_condition("a or b and c").unwrap();
    let ExprKind::Or(_, rhs) = e.kind else {
        panic!("{e:?}")
    };
    assert!(matches!(rhs.kind, ExprKind::And(..)));
}

#[test]
fn precedence_not_binds_tighter_than_and() {
    let e = parse_condition("not a and b").unwrap();
    let ExprKind::And(lhs, _) = e.kind else {
        panic!()
    };
    assert!(matches!(lhs.kind, ExprKind::Not(_)));
}

#[test]
fn precedence_arithmetic() {
    let e = parse_condition("1 + 2 * 3 < 10 - 4 - 1").unwrap();
    let ExprKind::Compare(CmpOp::Lt, _, l, r) = e.kind else {
        panic!()
    };
    let ExprKind::Arith(ArithOp::Add, _, _, mul) = l.kind else {
        panic!()
    };
    assert!(matches!(mul.kind, ExprKind::Arith(ArithOp::Mul, ..)));
    // left associative: (10 - 4) - 1
    let ExprKind::Arith(ArithOp::Sub, _, inner, _) = r.kind else {
        panic!()
    };
    assert!(matches!(inner.kind, ExprKind::Arith(ArithOp::Sub, ..)));
    assert_eq!(truth("1 + 2 * 3 < 10 - 4 - 1"), Truth::False);
    assert_eq!(truth("(1 + 2) * 3 == 9"), Truth::True);
    assert_eq!(truth("10 - 4 - 1 == 5"), Truth::True);
}

#[test]
fn not_in_parses_as_one_operator() {
    let e = parse_condition("x not in [\"A\"]").unwrap();
    assert!(matches!(e.kind, ExprKind::In { negated: true, .. }));
    let e = parse_condition("not x in [\"A\"]").unwrap();
    assert!(matches!(e.kind, ExprKind::Not(_)));
}

#[test]
fn parse_errors_have_exact_columns() {
    let e = parse_condition("traveller.sex == ").unwrap_err();
    assert_eq!(e.offset, 17);
    let e = parse_condition("a == 1 == 2").unwrap_err();
    assert_eq!(e.offset, 7);
    assert!(e.message.contains("chain"), "{}", e.message);
    let e = parse_condition("(a == 1").unwrap_err();
    assert_eq!(e.offset, 7);
    let e = parse_condition("a == \"open").unwrap_err();
    assert_eq!(e.offset, 5);
    let e = parse_condition("a > 3x").unwrap_err();
    assert_eq!(e.offset, 5);
    let e = parse_condition("a == 2026-02-30").unwrap_err();
    assert_eq!(e.offset, 5);
    let e = parse_condition("a is b").unwrap_err();
    assert_eq!(e.offset, 5);
    let e = parse_condition("a and or b").unwrap_err();
    assert_eq!(e.offset, 6);
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    // (Within the 16 KiB length limit: longer input stops there first.)
    let src = format!("{}a{}", "(".repeat(5_000), ")".repeat(5_000));
    let e = parse_condition(&src).unwrap_err();
    assert!(e.message.contains("deeper"));
    let src = format!("{}true", "not ".repeat(4_000));
    assert!(parse_condition(&src).is_err());
}

#[test]
fn literals() {
    assert_eq!(truth("72h == 3d"), Truth::True);
    assert_eq!(truth("1w == 7d and 60m == 1h and 60s == 1m"), Truth::True);
    assert_eq!(truth("-1d < 0s"), Truth::True);
    assert_eq!(
        truth("2026-01-31T10:30 == flight.departure.scheduled"),
        Truth::True
    );
    assert_eq!(
        truth("2026-01-31T10:30:00 == flight.departure.scheduled"),
        Truth::True
    );
    assert_eq!(truth("\"a\\\"b\" != \"ab\""), Truth::True);
    assert_eq!(truth("0.5 * 2 == 1"), Truth::True);
}

#[test]
fn type_errors_point_at_the_operator() {
    let e = error("traveller.birth_date > 3");
    assert_eq!(e.code, "rules.type");
    assert_eq!(e.offset, 21);
    assert_eq!(e.message, "cannot compare a date with a number");
    let e = error("traveller.sex + 1 == 2");
    assert_eq!(e.offset, 14);
    let e = error("unknown.field == 1");
    assert_eq!(
        (e.offset, e.message.as_str()),
        (0, "unknown field `unknown.field`")
    );
    let e = error("traveller.checked_bags");
    assert!(e.message.contains("yes/no"), "{}", e.message);
    let e = error("traveller.documents == 1");
    assert!(e.message.contains("is a list"));
    let e = error("count(traveller.sex) > 1");
    assert_eq!(e.offset, 6);
    let e = error("age_at(traveller.sex, flight.departure_date) > 1");
    assert_eq!(e.offset, 7);
    let e = error("frobnicate(1) == 1");
    assert!(e.message.contains("unknown function"));
    let e = error("traveller.sex in [\"F\", 3]");
    assert_eq!(e.offset, 23);
    let e = error("any(traveller.documents, d => d.colour == \"red\")");
    assert_eq!(e.offset, 30);
    let e = error("any(traveller.documents, d => d == 1)");
    assert!(e.message.contains("whole record"));
    let e = error("booking.one_way < true");
    assert!(e.message.contains("no order"));
}

#[test]
fn several_type_errors_are_all_reported() {
    let c = TestCatalogue::new();
    let errs =
        Condition::compile("traveller.sex > 1 and traveller.birth_date == \"x\"", &c).unwrap_err();
    assert_eq!(errs.len(), 2);
    assert_eq!(errs[0].offset, 14);
    assert_eq!(errs[1].offset, 43);
}

/// T, F, U as conditions over the standard traveller.
const T: &str = "booking.one_way == true";
const F: &str = "booking.one_way == false";
const U: &str = "booking.paid_cash == true";

#[test]
fn three_valued_truth_tables() {
    use Truth::{False, True, Unknown};
    let vals = [(T, True), (F, False), (U, Unknown)];
    for (a, ta) in vals {
        assert_eq!(
            truth(&format!("not ({a})")),
            match ta {
                True => False,
                False => True,
                Unknown => Unknown,
            }
        );
        for (b, tb) in vals {
            let and = match (ta, tb) {
                (False, _) | (_, False) => False,
                (True, True) => True,
                _ => Unknown,
            };
            let or = match (ta, tb) {
                (True, _) | (_, True) => True,
                (False, False) => False,
                _ => Unknown,
            };
            assert_eq!(truth(&format!("({a}) and ({b})")), and, "{a} and {b}");
            assert_eq!(truth(&format!("({a}) or ({b})")), or, "{a} or {b}");
        }
    }
}

#[test]
fn missing_values() {
    assert_eq!(truth("booking.agent == \"X\""), Truth::Unknown);
    assert_eq!(truth("booking.agent != \"X\""), Truth::Unknown);
    assert_eq!(truth("booking.agent is missing"), Truth::True);
    assert_eq!(truth("booking.agent is present"), Truth::False);
    assert_eq!(truth("traveller.sex is present"), Truth::True);
    assert_eq!(truth("booking.agent in [\"X\"]"), Truth::Unknown);
    assert_eq!(truth("booking.agent not in [\"X\"]"), Truth::Unknown);
    assert_eq!(truth("len(booking.agent) > 0"), Truth::Unknown);
    assert_eq!(truth("1 / 0 is missing"), Truth::True);
    let c = TestCatalogue::new();
    let cond = Condition::compile(U, &c).unwrap();
    assert!(!cond.fires(&standard_traveller()));
    let mut t = standard_traveller();
    t.set(&c, "booking.paid_cash", fixture::Fact::Bool(true));
    assert!(cond.fires(&t));
}

#[test]
fn date_and_duration_arithmetic() {
    assert_eq!(truth("2026-01-31 - 2026-01-01 == 30d"), Truth::True);
    assert_eq!(truth("2026-01-01 + 31d == 2026-02-01"), Truth::True);
    assert_eq!(truth("2026-03-01 - 1d == 2026-02-28"), Truth::True);
    assert_eq!(truth("2024-03-01 - 1d == 2024-02-29"), Truth::True);
    assert_eq!(truth("2026-01-01 + 36h == 2026-01-02"), Truth::True);
    assert_eq!(
        truth("flight.departure.scheduled - booking.created == 36h"),
        Truth::True
    );
    assert_eq!(
        truth("booking.created + booking.lead_time == flight.departure.scheduled"),
        Truth::True
    );
    assert_eq!(
        truth("flight.departure.scheduled - flight.departure_date == 630m"),
        Truth::True
    );
    assert_eq!(
        truth("booking.lead_time * 2 == 3d and booking.lead_time / 2 == 18h"),
        Truth::True
    );
    assert_eq!(truth("booking.lead_time / 12h == 3"), Truth::True);
    assert_eq!(truth("2 * booking.lead_time - 1d == 2d"), Truth::True);
    assert_eq!(
        truth("days_between(2026-01-01, 2026-01-31) == 30"),
        Truth::True
    );
    assert_eq!(
        truth("days_between(2026-01-31, 2026-01-01) == -30"),
        Truth::True
    );
    assert_eq!(
        truth("age_at(traveller.birth_date, flight.departure_date) == 15"),
        Truth::True
    );
    assert_eq!(
        truth("age_at(traveller.birth_date, 2026-05-20) == 16"),
        Truth::True
    );
    assert_eq!(
        truth("age_at(traveller.birth_date, 2026-05-19T23:59) == 15"),
        Truth::True
    );
    assert_eq!(
        truth("flight.departure_date < flight.departure.scheduled"),
        Truth::True
    );
    // overflow is missing, not a panic
    assert_eq!(truth("2026-01-01 + 99999999999w is missing"), Truth::True);
    let e = error("2026-01-01 + 2026-01-02 == 1d");
    assert_eq!(e.message, "cannot add a date and a date");
}

#[test]
fn functions() {
    assert_eq!(
        truth("similarity(traveller.api_surname, traveller.pnr_surname) > 0.95"),
        Truth::True
    );
    assert_eq!(truth("similarity(\"ABC\", \"XYZ\") == 0"), Truth::True);
    assert_eq!(
        truth("lower(traveller.sex) == \"f\" and upper(\"f\") == traveller.sex"),
        Truth::True
    );
    assert_eq!(truth("len(traveller.api_surname) == 8"), Truth::True);
    assert_eq!(
        truth("count(traveller.documents) == 2 and count(traveller.ssr_codes) == 2"),
        Truth::True
    );
}

#[test]
fn any_and_all_over_lists() {
    assert_eq!(
        truth("any(traveller.documents, d => d.expires_on < flight.departure_date + 90d)"),
        Truth::True
    );
    // the second document has no expiry: all(...) cannot be sure
    assert_eq!(
        truth("all(traveller.documents, d => d.expires_on > flight.departure_date)"),
        Truth::Unknown
    );
    assert_eq!(
        truth("all(traveller.documents, d => d.issuer == \"UTO\")"),
        Truth::True
    );
    assert_eq!(
        truth("any(traveller.documents, d => d.kind == \"V\")"),
        Truth::False
    );
    assert_eq!(
        truth("any(traveller.documents, d => d.kind == \"I\" and d.expires_on is missing)"),
        Truth::True
    );
    assert_eq!(
        truth("any(traveller.ssr_codes, c => c == \"UMNR\")"),
        Truth::True
    );
    assert_eq!(
        truth("all(traveller.ssr_codes, c => len(c) == 4)"),
        Truth::True
    );
    assert_eq!(
        truth("\"UMNR\" in traveller.ssr_codes and \"WCHR\" not in traveller.ssr_codes"),
        Truth::True
    );
    // nested: the outer element is reachable from the inner predicate
    assert_eq!(
        truth("any(traveller.documents, d => any(traveller.ssr_codes, c => c == \"DOCS\" and d.kind == \"P\"))"),
        Truth::True
    );
    let c = TestCatalogue::new();
    let mut t = standard_traveller();
    t.unset(&c, "traveller.documents");
    assert_eq!(
        truth_with("any(traveller.documents, d => d.kind == \"P\")", &t),
        Truth::Unknown
    );
    assert_eq!(
        truth_with("traveller.documents is missing", &t),
        Truth::True
    );
    assert_eq!(
        truth_with("count(traveller.documents) == 0", &t),
        Truth::Unknown
    );
    t.records.insert(fixture::DOCUMENTS.0, Vec::new());
    assert_eq!(
        truth_with("any(traveller.documents, d => d.kind == \"P\")", &t),
        Truth::False
    );
    assert_eq!(
        truth_with("all(traveller.documents, d => d.kind == \"P\")", &t),
        Truth::True
    );
    let e = error("any(traveller.documents, traveller => traveller.kind == \"P\")");
    assert!(e.message.contains("already in use"), "{}", e.message);
    let e = error("any(traveller.documents, d => d.kind == \"P\") and d.kind == \"P\"");
    assert!(
        e.message.contains("unknown field `d.kind`"),
        "{}",
        e.message
    );
}

#[test]
fn explain_templates_render_from_facts() {
    let c = TestCatalogue::new();
    let t = super::Template::compile("Departs {flight.departure_date} ({booking.lead_time} after booking); agent {booking.agent} {{x}}", &c).unwrap();
    assert_eq!(
        t.render(&standard_traveller()),
        "Departs 2026-01-31 (36h after booking); agent (missing) {x}"
    );
    let errs = super::Template::compile("{flight.nowhere} and {traveller.documents} and {open", &c)
        .unwrap_err();
    assert_eq!(
        errs.iter().map(|e| e.offset).collect::<Vec<_>>(),
        vec![1, 22, 47]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn parser_never_panics(s in "\\PC{0,80}") {
            let _ = parse_condition(&s);
        }

        #[test]
        fn compile_and_eval_never_panic(s in "[a-z_.() \"0-9<>=!+*/,\\[\\]-]{0,60}") {
            let c = TestCatalogue::new();
            if let Ok(cond) = Condition::compile(&s, &c) {
                let _ = cond.evaluate(&standard_traveller());
            }
        }

        #[test]
        fn token_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("traveller.birth_date"), Just("flight.departure_date"), Just("booking.lead_time"),
            Just("("), Just(")"), Just(" and "), Just(" or "), Just(" not "), Just(" in "), Just(" is missing"),
            Just(" < "), Just(" == "), Just(" - "), Just(" + "), Just(" * "), Just(" / "), Just("72h"), Just("2026-01-31"),
            Just("3"), Just("[\"XXA\"]"), Just("any(traveller.documents, d => d.expires_on"), Just(", "),
            Just("count(traveller.documents)"), Just("\""), Just("-"),
        ], 0..16)) {
            let s: String = parts.concat();
            let c = TestCatalogue::new();
            if let Ok(cond) = Condition::compile(&s, &c) {
                let _ = cond.evaluate(&standard_traveller());
            }
        }
    }
}

#[test]
fn long_operator_chains_are_refused_not_overflowed() {
    use super::parser::MAX_TREE_DEPTH;
    // A thousand `and`s used to overflow the stack of the type checker.
    for chain in [
        format!("true{}", " and true".repeat(1_000)),
        format!("false{}", " or false".repeat(1_000)),
        format!("1{} > 0", " + 1".repeat(1_000)),
        format!("1{} > 0", " * 1".repeat(1_000)),
    ] {
        let e = error(&chain);
        assert_eq!(e.code, "rules.parse");
        assert!(e.message.contains("operators deep"), "{}", e.message);
        assert!(e.offset > 0 && e.offset < chain.len());
    }
    // Chains nested in parentheses add up.
    let mut nested = "true".to_string();
    for _ in 0..10 {
        nested = format!("({nested}{})", " and true".repeat(20));
    }
    assert!(error(&nested).message.contains("operators deep"));
    // Up to the limit the chain is fine.
    let n = usize::try_from(MAX_TREE_DEPTH).unwrap();
    assert_eq!(
        truth(&format!("true{}", " and true".repeat(n - 1))),
        Truth::True
    );
    assert!(error(&format!("true{}", " and true".repeat(n)))
        .message
        .contains("128"));
}

#[test]
fn condition_limits_are_configurable() {
    use super::parser::{parse_condition_with, ConditionLimits};
    let d = ConditionLimits::default();
    assert_eq!(
        (d.max_bytes, d.max_nesting, d.max_tree_depth),
        (16_384, 64, 128)
    );
    let nesting = ConditionLimits {
        max_nesting: 2,
        ..ConditionLimits::default()
    };
    assert!(parse_condition_with("((true))", &nesting).is_ok());
    let e = parse_condition_with("(((true)))", &nesting).unwrap_err();
    assert_eq!(e.offset, 2);
    assert!(e.message.contains("deeper than 2 levels"));
    let depth = ConditionLimits {
        max_tree_depth: 3,
        ..ConditionLimits::default()
    };
    assert!(parse_condition_with("true and true and true", &depth).is_ok());
    let e = parse_condition_with("true and true and true and true", &depth).unwrap_err();
    assert_eq!(e.offset, 23);
    // `not` around a chain counts too.
    assert!(parse_condition_with("not not (true and true and true)", &depth).is_err());
    let bytes = ConditionLimits {
        max_bytes: 10,
        ..ConditionLimits::default()
    };
    assert!(parse_condition_with("true", &bytes).is_ok());
    let e = parse_condition_with("true and true", &bytes).unwrap_err();
    assert_eq!(e.offset, 0);
    assert!(e.message.contains("13 bytes long, over the limit of 10"));
    let c = TestCatalogue::new();
    let errs = Condition::compile_with("true and true", &c, &bytes).unwrap_err();
    assert_eq!(errs[0].code, "rules.parse");
    // The default stays what `compile` uses.
    assert!(Condition::compile(&"x".repeat(16_385), &c).is_err());
}

#[test]
fn pack_limits_apply_to_the_file_and_to_each_condition() {
    use super::{Pack, PackLimits};
    let c = TestCatalogue::new();
    let src = "[pack]\nid = \"t\"\nversion = \"1\"\npurpose = \"protection\"\nowner = \"o\"\nreview_by = 2026-12-31\n\n[[rule]]\nid = \"R1\"\ntitle = \"t\"\nfamily = \"DOC\"\nchannel = \"protection\"\nweight = \"strong\"\nseverity = \"high\"\nwhen = 'true and true and true'\nexplain = \"e\"\nclears = \"c\"\n";
    assert!(Pack::from_toml(src, &c).is_ok());
    assert_eq!(PackLimits::default().max_pack_bytes, 4 * 1024 * 1024);
    let small = PackLimits {
        max_pack_bytes: 100,
        ..PackLimits::default()
    };
    let errs = Pack::from_toml_with(src, &c, &small).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].code, "rules.pack");
    assert!(errs[0].message.contains("over the limit of 100 bytes"));
    let mut shallow = PackLimits::default();
    shallow.condition.max_tree_depth = 2;
    let errs = Pack::from_toml_with(src, &c, &shallow).unwrap_err();
    assert_eq!(errs[0].code, "rules.parse");
    assert_eq!(errs[0].rule_id.as_deref(), Some("R1"));
    assert_eq!((errs[0].line, errs[0].column), (15, 23));
}
