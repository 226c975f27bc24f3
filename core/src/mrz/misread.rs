//! Possible OCR misreads: a look-alike character (O/0, I/1, B/8, S/5, Z/2,
//! G/6) whose replacement makes a failing check digit pass, or puts a digit
//! back into a digits-only field, without making any passing check fail.

use super::check::look_alike;
use super::layout::{digits_only, evaluate, field_at, Layout, NumberForm};
use super::zone::Zone;
use crate::model::{CheckName, CheckResult, Misread, MrzChecks, MrzField};

/// Fields a check digit protects (possibly only through the composite).
fn protected(field: MrzField) -> bool {
    !matches!(
        field,
        MrzField::DocumentCode
            | MrzField::IssuingState
            | MrzField::Name
            | MrzField::Nationality
            | MrzField::Sex
    )
}

/// Finds every single-character look-alike replacement that the rule
/// accepts. The zone is not changed.
pub(crate) fn find_misreads(
    zone: &Zone,
    layout: &Layout,
    checks: &MrzChecks,
    form: NumberForm,
) -> Vec<Misread> {
    let mut found = Vec::new();
    let any_failed = !checks.all_ok();
    let mut rows = zone.rows.clone();
    for row in 0..rows.len() {
        for col in 0..rows[row].len() {
            let c = rows[row][col];
            let Some(replacement) = look_alike(c) else {
                continue;
            };
            let field = field_at(layout, form, row, col);
            if !protected(field) {
                continue;
            }
            let digit_field = digits_only(field);
            // In a digits-only field only a letter -> digit replacement makes sense.
            if digit_field && !replacement.is_ascii_digit() {
                continue;
            }
            let letter_in_digits = digit_field && c.is_ascii_alphabetic();
            if !any_failed && !letter_in_digits {
                continue;
            }
            rows[row][col] = replacement;
            let (after, _) = evaluate(layout, &rows);
            rows[row][col] = c;
            let mut resolves = Vec::new();
            let mut breaks = false;
            for name in CheckName::ALL {
                let before = checks.get(name);
                let now = after.get(name);
                match (before, now) {
                    (CheckResult::Failed { .. }, CheckResult::Ok) => resolves.push(name),
                    (CheckResult::Ok, CheckResult::Failed { .. }) => breaks = true,
                    _ => {}
                }
            }
            if breaks || (resolves.is_empty() && !letter_in_digits) {
                continue;
            }
            found.push(Misread {
                field,
                line: u32::try_from(row + 1).unwrap_or(u32::MAX),
                column: u32::try_from(col + 1).unwrap_or(u32::MAX),
                found: char::from(c),
                suggested: char::from(replacement),
                resolves,
                position: zone.position(row, col),
            });
        }
    }
    found
}
