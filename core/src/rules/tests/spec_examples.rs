//! Runs the examples of spec/rules.md: every fenced block tagged
//! `condition` is followed by a line `Result: ...` with `true`, `false`,
//! `unknown`, or `error <code> at column <n>` (1-based, in the condition).

use super::fixture::{standard_traveller, TestCatalogue};
use crate::rules::{Condition, Truth};

const SPEC: &str = include_str!("../../../../spec/rules.md");

#[test]
fn spec_examples_hold() {
    let c = TestCatalogue::new();
    let facts = standard_traveller();
    let mut lines = SPEC.lines().enumerate();
    let mut count = 0;
    while let Some((_, line)) = lines.next() {
        if line.trim() != "```condition" {
            continue;
        }
        let mut src = Vec::new();
        for (_, l) in lines.by_ref() {
            if l.trim() == "```" {
                break;
            }
            src.push(l);
        }
        let src = src.join("\n");
        let (n, expect) = lines
            .by_ref()
            .find(|(_, l)| !l.trim().is_empty())
            .expect("a Result line");
        let expect = expect
            .trim()
            .strip_prefix("Result:")
            .unwrap_or_else(|| panic!("line {}: expected `Result:`", n + 1));
        let expect = expect.trim().trim_matches('`');
        let got = match Condition::compile(&src, &c) {
            Ok(cond) => match cond.evaluate(&facts) {
                Truth::True => "true".to_string(),
                Truth::False => "false".to_string(),
                Truth::Unknown => "unknown".to_string(),
            },
            Err(e) => {
                let col = src[..e[0].offset].chars().count() + 1;
                format!("error {} at column {col}", e[0].code)
            }
        };
        assert_eq!(got, expect, "spec/rules.md line {}: {src}", n + 1);
        count += 1;
    }
    assert!(count >= 30, "only {count} examples found");
}
