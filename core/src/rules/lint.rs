//! The pack linter: refuses rules that read sensitive data, rest on
//! protected attributes or weak indicators alone, treat protection status as
//! a risk, or use a channel the purpose does not allow.

use chrono::NaiveDate;

use super::catalogue::{Catalogue, Sensitivity, Weight};
use super::pack::{Channel, Pack, Purpose};
use crate::model::Severity;

/// SSR codes that reveal religion, health or disability (meal, medical,
/// mobility and assistance codes). A condition may not mention them.
pub const SENSITIVE_SSR_CODES: &[&str] = &[
    // meals revealing religion or ethnic origin
    "MOML", "KSML", "HNML", "VJML", "AVML", "VOML", "ORML", // meals revealing health
    "DBML", "GFML", "LFML", "LSML", "NLML", "BLML", "LCML", "PRML", "SPML",
    // mobility, medical and assistance
    "WCHR", "WCHS", "WCHC", "WCBD", "WCBW", "WCMP", "WCOB", "MEDA", "BLND", "DEAF", "DPNA", "STCR",
    "OXYG", "MAAS", "SVAN", "ESAN", "EXST", "LANG", // deportees
    "DEPA", "DEPU",
];

/// Nationality codes of refugees and stateless persons (ICAO 9303: XXA
/// stateless, XXB refugee under the 1951 Convention, XXC other refugee,
/// XXX unspecified). Never a risk factor.
pub const PROTECTION_STATUS_CODES: &[&str] = &["XXA", "XXB", "XXC", "XXX"];

/// One finding of the linter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintFinding {
    /// `Error` refuses the pack; `Warning` is reported.
    pub severity: Severity,
    /// A stable code (`lint.sensitive-field` ...).
    pub code: &'static str,
    /// The rule it is about (`None` for the pack itself).
    pub rule_id: Option<String>,
    /// What is wrong and what to do.
    pub message: String,
    /// 1-based line in the pack file.
    pub line: u32,
    /// 1-based column (bytes) in the pack file.
    pub column: u32,
}

/// Whether any finding refuses the pack.
pub fn refuses(findings: &[LintFinding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Lints a pack for a deployment `purpose`, with `today` as the reference
/// date for the review deadline (never the wall clock).
pub fn lint(
    pack: &Pack,
    catalogue: &dyn Catalogue,
    purpose: Purpose,
    today: NaiveDate,
) -> Vec<LintFinding> {
    let mut out = Vec::new();
    let mut push =
        |severity, code, rule_id: Option<&str>, message: String, (line, column): (u32, u32)| {
            out.push(LintFinding {
                severity,
                code,
                rule_id: rule_id.map(str::to_string),
                message,
                line,
                column,
            });
        };
    if pack.purpose != purpose {
        push(
            Severity::Error,
            "lint.purpose-mismatch",
            None,
            format!(
                "the pack is written for purpose `{}` but is deployed for `{}`",
                pack.purpose.as_str(),
                purpose.as_str()
            ),
            pack.line_column(pack.review_offset),
        );
    }
    if pack.review_by < today {
        push(
            Severity::Warning,
            "lint.review-overdue",
            None,
            format!(
                "the pack was due for review by {}",
                pack.review_by.format("%Y-%m-%d")
            ),
            pack.line_column(pack.review_offset),
        );
    }
    for (k, rule) in pack.rules.iter().enumerate() {
        let id = Some(rule.id.as_str());
        let at_id = pack.line_column(rule.id_offset);
        if pack.rules[..k].iter().any(|r| r.id == rule.id) {
            push(
                Severity::Error,
                "lint.duplicate-id",
                id,
                format!("the id `{}` is used by an earlier rule", rule.id),
                at_id,
            );
        }
        if !purpose.allows(rule.channel) {
            push(
                Severity::Error,
                "lint.channel-not-allowed",
                id,
                format!(
                    "purpose `{}` does not allow rules of channel `{}`",
                    purpose.as_str(),
                    rule.channel.as_str()
                ),
                at_id,
            );
        }
        if purpose == Purpose::PnrSeriousCrime
            && rule.offence.as_deref().is_none_or(|o| o.trim().is_empty())
        {
            push(
                Severity::Error,
                "lint.missing-offence",
                id,
                "under purpose `pnr-serious-crime` every rule names the serious-crime offence it serves (`offence`)".into(),
                at_id,
            );
        }
        if rule.weight == Weight::Weak {
            push(
                Severity::Error,
                "lint.weak-rule",
                id,
                "a weak indicator must never produce a hit on its own: declare the combined rule `moderate` or `strong`".into(),
                at_id,
            );
        }
        let fields = rule.condition.fields();
        for f in fields {
            if let Sensitivity::Sensitive(why) = f.spec.sensitivity {
                push(
                    Severity::Error,
                    "lint.sensitive-field",
                    id,
                    format!(
                        "`{}` is sensitive data ({why}) and cannot be used by a rule",
                        f.path
                    ),
                    pack.condition_position(rule, f.span.start),
                );
            }
        }
        if let Some(first) = fields.first() {
            if fields
                .iter()
                .all(|f| matches!(f.spec.sensitivity, Sensitivity::Protected(_)))
            {
                push(
                    Severity::Error,
                    "lint.protected-only",
                    id,
                    "the condition uses only protected attributes (sex, age, nationality): combine them with another fact".into(),
                    pack.condition_position(rule, first.span.start),
                );
            }
            if fields.iter().all(|f| f.spec.weight == Some(Weight::Weak)) {
                push(
                    Severity::Error,
                    "lint.weak-only",
                    id,
                    "the condition uses only weak indicators: combine them with a stronger fact"
                        .into(),
                    pack.condition_position(rule, first.span.start),
                );
            }
        }
        for t in rule.condition.texts() {
            let upper = t.text.trim().to_ascii_uppercase();
            if SENSITIVE_SSR_CODES.contains(&upper.as_str()) {
                push(
                    Severity::Error,
                    "lint.sensitive-code",
                    id,
                    format!("`{upper}` is a sensitive service code (religion, health or disability) and cannot be used by a rule"),
                    pack.condition_position(rule, t.span.start),
                );
            }
            if PROTECTION_STATUS_CODES.contains(&upper.as_str())
                && !t.exonerating
                && rule.channel != Channel::Protection
            {
                push(
                    Severity::Error,
                    "lint.protection-status",
                    id,
                    format!("`{upper}` marks a refugee or stateless person: it may only exonerate (`not in [...]`, `!=`) or route to protection"),
                    pack.condition_position(rule, t.span.start),
                );
            }
        }
        for (path, _, offset) in rule.explain.fields() {
            let sensitivity = catalogue.field(path).map(|s| s.sensitivity);
            if let Some(Sensitivity::Sensitive(why)) = sensitivity {
                push(
                    Severity::Error,
                    "lint.sensitive-field",
                    id,
                    format!(
                        "`{path}` is sensitive data ({why}) and cannot be shown in an explanation"
                    ),
                    pack.explain_position(rule, offset),
                );
            }
        }
    }
    out
}
