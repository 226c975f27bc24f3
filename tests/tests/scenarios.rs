//! Checks the known answers of the example scenario set (`examples/data/scenario_answers.toml`).

mod common;

#[test]
fn scenario_answers() {
    let dir = common::root().join("examples/data");
    let file = common::load_cases(&dir.join("scenario_answers.toml"));
    assert!(!file.case.is_empty());
    let failures = common::check_cases(&dir, &file);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
