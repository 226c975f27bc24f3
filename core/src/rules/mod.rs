//! Rule packs and the condition language.
//!
//! A rule pack is a TOML file of reviewed rules ([`pack`]); each rule's
//! `when` is a condition in a small language ([`parser`]) that is
//! type-checked against a field [`Catalogue`] and compiled once
//! ([`compile`]), then evaluated per traveller over [`Facts`] with
//! three-valued logic ([`eval`]). The [`lint`](mod@lint) module refuses rules that
//! use sensitive data, protected attributes alone, weak indicators alone or
//! a channel the pack's purpose does not allow. `spec/rules.md` is the
//! contract; its examples are run by the tests.

pub mod ast;
pub mod catalogue;
pub mod compile;
pub mod eval;
pub mod explain;
pub mod lint;
pub mod pack;
pub mod parser;

pub use catalogue::{
    Catalogue, Element, Facts, FieldId, FieldSpec, ProtectedAttribute, ScalarType, Sensitivity,
    Type, Value, Weight,
};
pub use compile::{Condition, ConditionError};
pub use eval::Truth;
pub use explain::Template;
pub use lint::{lint, LintFinding};
pub use pack::{Channel, Pack, PackLimits, Purpose, References, Rule, RuleError, RuleSeverity};
pub use parser::ConditionLimits;

#[cfg(test)]
mod tests;
