//! What a condition can read: the field catalogue (types, sensitivity) and
//! the [`Facts`] a screening engine hands to the evaluator.

use std::borrow::Cow;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};

/// Identifies a field within one catalogue (or one element catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u16);

/// The type of a field or of an expression in the condition language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Type {
    /// `true` or `false`.
    Bool,
    /// A number (held as `f64`).
    Number,
    /// A piece of text (codes, country codes, free text).
    Text,
    /// A calendar date without time.
    Date,
    /// A date and time without zone (times in passenger data are local).
    DateTime,
    /// A signed span of time, in seconds.
    Duration,
    /// A list of elements; see [`Element`].
    List(Element),
}

/// What a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Element {
    /// Scalar elements of the given kind (only scalar types: a list of
    /// lists is not part of the language).
    Scalar(ScalarType),
    /// Records whose fields are described by the list field's element
    /// catalogue ([`Catalogue::element`]).
    Record,
}

/// The scalar types, the ones a list can hold directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScalarType {
    /// See [`Type::Bool`].
    Bool,
    /// See [`Type::Number`].
    Number,
    /// See [`Type::Text`].
    Text,
    /// See [`Type::Date`].
    Date,
    /// See [`Type::DateTime`].
    DateTime,
    /// See [`Type::Duration`].
    Duration,
}

impl ScalarType {
    /// The type of one element.
    pub fn ty(self) -> Type {
        match self {
            ScalarType::Bool => Type::Bool,
            ScalarType::Number => Type::Number,
            ScalarType::Text => Type::Text,
            ScalarType::Date => Type::Date,
            ScalarType::DateTime => Type::DateTime,
            ScalarType::Duration => Type::Duration,
        }
    }
}

impl Type {
    /// The scalar type this type is, if it is one.
    pub fn scalar(self) -> Option<ScalarType> {
        Some(match self {
            Type::Bool => ScalarType::Bool,
            Type::Number => ScalarType::Number,
            Type::Text => ScalarType::Text,
            Type::Date => ScalarType::Date,
            Type::DateTime => ScalarType::DateTime,
            Type::Duration => ScalarType::Duration,
            Type::List(_) => return None,
        })
    }

    /// The name used in error messages, with its article ("a date").
    pub fn described(self) -> &'static str {
        match self {
            Type::Bool => "a yes/no value",
            Type::Number => "a number",
            Type::Text => "a text",
            Type::Date => "a date",
            Type::DateTime => "a date and time",
            Type::Duration => "a duration",
            Type::List(Element::Record) => "a list of records",
            Type::List(Element::Scalar(_)) => "a list",
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.described())
    }
}

/// A protected attribute: a rule may use one only in combination with other
/// facts (ETIAS Art. 33 style "never solely on sex or age").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProtectedAttribute {
    /// Sex or gender marker.
    Sex,
    /// Age or birth date.
    Age,
    /// Nationality or issuing state.
    Nationality,
}

/// How the linter treats a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sensitivity {
    /// An ordinary field.
    None,
    /// A protected attribute: allowed only together with a non-protected fact.
    Protected(ProtectedAttribute),
    /// Sensitive data (religious or medical codes, free text, names): no
    /// rule may read it. The text says why, for the lint message.
    Sensitive(&'static str),
}

/// The strength of an indicator (declared on rules, hinted on fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// A strong indicator: may produce a hit on its own.
    Strong,
    /// A moderate indicator.
    Moderate,
    /// A weak indicator: must never produce a hit on its own.
    Weak,
}

/// The description of one field in a [`Catalogue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The id the evaluator passes to [`Facts`].
    pub id: FieldId,
    /// Its type.
    pub ty: Type,
    /// One line saying what the field holds (for `paxscreen rules fields`).
    pub doc: &'static str,
    /// How the linter treats it.
    pub sensitivity: Sensitivity,
    /// The indicator weight of the field, when the field is itself an
    /// indicator; a rule whose every field is weak is refused.
    pub weight: Option<Weight>,
}

/// The fields a condition may name. Implemented by the screening engine
/// (and by the test fixtures).
pub trait Catalogue {
    /// The field at a dotted path (`flight.departure.scheduled`), relative to
    /// this catalogue.
    fn field(&self, path: &str) -> Option<&FieldSpec>;

    /// For a field of type `List(Element::Record)`, the catalogue of its
    /// elements' fields.
    fn element(&self, list: FieldId) -> Option<&dyn Catalogue>;

    /// Whether `name` is the first segment of some field path (`traveller`,
    /// `flight`): such a name cannot be bound by `any`/`all`, so a path
    /// inside a predicate always means what it means outside.
    fn is_root(&self, name: &str) -> bool;
}

/// A value as the evaluator sees it. Text borrows from the facts (or from
/// the compiled rule for literals); `lower`/`upper` allocate only when the
/// case actually changes.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// No value: the data was not sent or could not be read.
    Missing,
    /// A yes/no value.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A text.
    Text(Cow<'a, str>),
    /// A date.
    Date(NaiveDate),
    /// A date and time.
    DateTime(NaiveDateTime),
    /// A duration in seconds.
    Duration(i64),
}

impl<'a> Value<'a> {
    /// A borrowed text value.
    pub fn text(s: &'a str) -> Self {
        Value::Text(Cow::Borrowed(s))
    }

    /// Whether the value is missing.
    pub fn is_missing(&self) -> bool {
        matches!(self, Value::Missing)
    }
}

/// The facts about one traveller (or one list element) the evaluator reads.
/// Every method has a default answering "missing", so an element type
/// implements only what it holds.
pub trait Facts {
    /// The value of a scalar field; [`Value::Missing`] when absent.
    fn value(&self, field: FieldId) -> Value<'_>;

    /// The number of elements of a list field, or `None` when the list
    /// itself is missing (which is not the same as empty).
    fn len(&self, _field: FieldId) -> Option<usize> {
        None
    }

    /// Element `index` of a list of records.
    fn element(&self, _field: FieldId, _index: usize) -> Option<&dyn Facts> {
        None
    }

    /// Element `index` of a list of scalars.
    fn item(&self, _field: FieldId, _index: usize) -> Value<'_> {
        Value::Missing
    }
}
