//! The evaluator: walks a compiled condition over [`Facts`] with
//! three-valued logic. It allocates nothing, except `lower`/`upper` when the
//! case actually changes and `similarity`'s small work buffers.

use std::borrow::Cow;
use std::cmp::Ordering;

use chrono::{Datelike, NaiveDateTime, TimeDelta};

use super::ast::{ArithOp, CmpOp};
use super::catalogue::{Facts, Value};
use super::compile::{Condition, Const, Func, ListRef, Node};

/// The outcome of a condition: SQL-like three-valued logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Truth {
    /// Definitely true: the rule fires.
    True,
    /// Definitely false.
    False,
    /// Depends on missing data: the rule does not fire.
    Unknown,
}

impl Truth {
    fn of(v: &Value<'_>) -> Truth {
        match v {
            Value::Bool(true) => Truth::True,
            Value::Bool(false) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    fn value(self) -> Value<'static> {
        match self {
            Truth::True => Value::Bool(true),
            Truth::False => Value::Bool(false),
            Truth::Unknown => Value::Missing,
        }
    }
}

impl Condition {
    /// Evaluates the condition over one traveller's facts.
    pub fn evaluate(&self, facts: &dyn Facts) -> Truth {
        Truth::of(&eval(&self.root, facts, None))
    }

    /// Whether the condition is definitely true (the rule fires).
    pub fn fires(&self, facts: &dyn Facts) -> bool {
        self.evaluate(facts) == Truth::True
    }
}

/// An element bound by `any`/`all`, chained to the enclosing ones on the
/// stack (no allocation).
struct Env<'a, 'p> {
    bound: Bound<'a>,
    parent: Option<&'p Env<'a, 'p>>,
}

enum Bound<'a> {
    Record(&'a dyn Facts),
    Scalar(Value<'a>),
}

fn lookup<'a, 'p>(env: Option<&'p Env<'a, 'p>>, up: u8) -> Option<&'p Bound<'a>> {
    let mut e = env?;
    for _ in 0..up {
        e = e.parent?;
    }
    Some(&e.bound)
}

fn konst(c: &Const) -> Value<'_> {
    match c {
        Const::Bool(b) => Value::Bool(*b),
        Const::Number(n) => Value::Number(*n),
        Const::Text(s) => Value::Text(Cow::Borrowed(s)),
        Const::Date(d) => Value::Date(*d),
        Const::DateTime(d) => Value::DateTime(*d),
        Const::Duration(d) => Value::Duration(*d),
    }
}

/// The facts a list lives in and its field.
fn list_source<'a>(
    facts: &'a dyn Facts,
    env: Option<&Env<'a, '_>>,
    list: ListRef,
) -> Option<(&'a dyn Facts, super::catalogue::FieldId)> {
    match list {
        ListRef::Field(f) => Some((facts, f)),
        ListRef::Var { up, field } => match lookup(env, up)? {
            Bound::Record(r) => Some((*r, field)),
            Bound::Scalar(_) => None,
        },
    }
}

fn midnight(d: chrono::NaiveDate) -> NaiveDateTime {
    d.and_time(chrono::NaiveTime::MIN)
}

/// Orders two values of comparable types; `None` when either is missing
/// (or a number is NaN).
fn compare(a: &Value<'_>, b: &Value<'_>) -> Option<Ordering> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.partial_cmp(y),
        (Value::Text(x), Value::Text(y)) => Some(x.as_ref().cmp(y.as_ref())),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::DateTime(x), Value::DateTime(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::DateTime(y)) => Some(midnight(*x).cmp(y)),
        (Value::DateTime(x), Value::Date(y)) => Some(x.cmp(&midnight(*y))),
        (Value::Duration(x), Value::Duration(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

fn cmp_truth(op: CmpOp, ord: Option<Ordering>) -> Truth {
    let Some(o) = ord else { return Truth::Unknown };
    let t = match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    };
    if t {
        Truth::True
    } else {
        Truth::False
    }
}

fn and(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::False, _) | (_, Truth::False) => Truth::False,
        (Truth::True, Truth::True) => Truth::True,
        _ => Truth::Unknown,
    }
}

fn or(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Truth::True, _) | (_, Truth::True) => Truth::True,
        (Truth::False, Truth::False) => Truth::False,
        _ => Truth::Unknown,
    }
}

fn not(a: Truth) -> Truth {
    match a {
        Truth::True => Truth::False,
        Truth::False => Truth::True,
        Truth::Unknown => Truth::Unknown,
    }
}

fn secs(d: i64) -> Option<TimeDelta> {
    TimeDelta::try_seconds(d)
}

fn arith<'a>(op: ArithOp, a: &Value<'a>, b: &Value<'a>) -> Value<'a> {
    use Value::{Date, DateTime, Duration, Number};
    let r = match (op, a, b) {
        (ArithOp::Add, Number(x), Number(y)) => Some(Number(x + y)),
        (ArithOp::Sub, Number(x), Number(y)) => Some(Number(x - y)),
        (ArithOp::Mul, Number(x), Number(y)) => Some(Number(x * y)),
        (ArithOp::Div, Number(x), Number(y)) => (*y != 0.0).then(|| Number(x / y)),
        (ArithOp::Sub, Date(x), Date(y)) => Some(Duration((*x - *y).num_seconds())),
        (ArithOp::Sub, DateTime(x), DateTime(y)) => Some(Duration((*x - *y).num_seconds())),
        (ArithOp::Sub, Date(x), DateTime(y)) => Some(Duration((midnight(*x) - *y).num_seconds())),
        (ArithOp::Sub, DateTime(x), Date(y)) => Some(Duration((*x - midnight(*y)).num_seconds())),
        (ArithOp::Add, Date(x), Duration(d)) | (ArithOp::Add, Duration(d), Date(x)) => {
            secs(d.div_euclid(86_400) * 86_400)
                .and_then(|t| x.checked_add_signed(t))
                .map(Date)
        }
        (ArithOp::Sub, Date(x), Duration(d)) => secs(d.div_euclid(86_400) * 86_400)
            .and_then(|t| x.checked_sub_signed(t))
            .map(Date),
        (ArithOp::Add, DateTime(x), Duration(d)) | (ArithOp::Add, Duration(d), DateTime(x)) => {
            secs(*d).and_then(|t| x.checked_add_signed(t)).map(DateTime)
        }
        (ArithOp::Sub, DateTime(x), Duration(d)) => {
            secs(*d).and_then(|t| x.checked_sub_signed(t)).map(DateTime)
        }
        (ArithOp::Add, Duration(x), Duration(y)) => x.checked_add(*y).map(Duration),
        (ArithOp::Sub, Duration(x), Duration(y)) => x.checked_sub(*y).map(Duration),
        (ArithOp::Mul, Duration(d), Number(n)) | (ArithOp::Mul, Number(n), Duration(d)) => {
            to_secs(*d as f64 * n).map(Duration)
        }
        (ArithOp::Div, Duration(d), Number(n)) => (*n != 0.0)
            .then(|| to_secs(*d as f64 / n))
            .flatten()
            .map(Duration),
        (ArithOp::Div, Duration(x), Duration(y)) => {
            (*y != 0).then(|| Number(*x as f64 / *y as f64))
        }
        _ => None,
    };
    match r {
        Some(Number(n)) if !n.is_finite() => Value::Missing,
        Some(v) => v,
        None => Value::Missing,
    }
}

/// Rounds seconds to whole seconds; `None` when out of range.
fn to_secs(x: f64) -> Option<i64> {
    let r = x.round();
    // i64 range as f64, with margin; chrono's own range is smaller still.
    (r.is_finite() && r.abs() < 9.0e18).then_some(r as i64)
}

fn age_at(birth: chrono::NaiveDate, at: chrono::NaiveDate) -> f64 {
    let mut years = at.year() - birth.year();
    if (at.month(), at.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    f64::from(years)
}

fn call<'a>(
    func: Func,
    args: &'a [Node],
    facts: &'a dyn Facts,
    env: Option<&Env<'a, '_>>,
) -> Value<'a> {
    let arg = |k: usize| args.get(k).map_or(Value::Missing, |n| eval(n, facts, env));
    match func {
        Func::DaysBetween => {
            let as_dt = |v: Value<'_>| match v {
                Value::Date(d) => Some(midnight(d)),
                Value::DateTime(d) => Some(d),
                _ => None,
            };
            match (as_dt(arg(0)), as_dt(arg(1))) {
                (Some(a), Some(b)) => Value::Number((b - a).num_days() as f64),
                _ => Value::Missing,
            }
        }
        Func::AgeAt => match (arg(0), arg(1)) {
            (Value::Date(b), Value::Date(at)) => Value::Number(age_at(b, at)),
            (Value::Date(b), Value::DateTime(at)) => Value::Number(age_at(b, at.date())),
            _ => Value::Missing,
        },
        Func::Similarity => match (arg(0), arg(1)) {
            (Value::Text(a), Value::Text(b)) => Value::Number(strsim::jaro_winkler(&a, &b)),
            _ => Value::Missing,
        },
        Func::Lower => match arg(0) {
            Value::Text(s) if s.chars().any(char::is_uppercase) => {
                Value::Text(Cow::Owned(s.to_lowercase()))
            }
            v @ Value::Text(_) => v,
            _ => Value::Missing,
        },
        Func::Upper => match arg(0) {
            Value::Text(s) if s.chars().any(char::is_lowercase) => {
                Value::Text(Cow::Owned(s.to_uppercase()))
            }
            v @ Value::Text(_) => v,
            _ => Value::Missing,
        },
        Func::Len => match arg(0) {
            Value::Text(s) => Value::Number(s.chars().count() as f64),
            _ => Value::Missing,
        },
    }
}

fn eval<'a>(node: &'a Node, facts: &'a dyn Facts, env: Option<&Env<'a, '_>>) -> Value<'a> {
    match node {
        Node::Const(c) => konst(c),
        Node::Field(f) => facts.value(*f),
        Node::Var { up, field } => match (lookup(env, *up), field) {
            (Some(Bound::Record(r)), Some(f)) => r.value(*f),
            (Some(Bound::Scalar(v)), None) => v.clone(),
            _ => Value::Missing,
        },
        Node::And(a, b) => {
            let l = Truth::of(&eval(a, facts, env));
            if l == Truth::False {
                return Value::Bool(false);
            }
            and(l, Truth::of(&eval(b, facts, env))).value()
        }
        Node::Or(a, b) => {
            let l = Truth::of(&eval(a, facts, env));
            if l == Truth::True {
                return Value::Bool(true);
            }
            or(l, Truth::of(&eval(b, facts, env))).value()
        }
        Node::Not(a) => not(Truth::of(&eval(a, facts, env))).value(),
        Node::Cmp(op, a, b) => {
            let (l, r) = (eval(a, facts, env), eval(b, facts, env));
            cmp_truth(*op, compare(&l, &r)).value()
        }
        Node::Arith(op, a, b) => {
            let (l, r) = (eval(a, facts, env), eval(b, facts, env));
            arith(*op, &l, &r)
        }
        Node::Neg(a) => match eval(a, facts, env) {
            Value::Number(n) => Value::Number(-n),
            Value::Duration(d) => d.checked_neg().map_or(Value::Missing, Value::Duration),
            _ => Value::Missing,
        },
        Node::InConst {
            negated,
            item,
            list,
        } => {
            let v = eval(item, facts, env);
            if v.is_missing() {
                return Value::Missing;
            }
            let found = list
                .iter()
                .any(|c| compare(&v, &konst(c)) == Some(Ordering::Equal));
            Value::Bool(found != *negated)
        }
        Node::InList {
            negated,
            item,
            list,
        } => {
            let v = eval(item, facts, env);
            if v.is_missing() {
                return Value::Missing;
            }
            let Some((src, field)) = list_source(facts, env, *list) else {
                return Value::Missing;
            };
            let Some(n) = src.len(field) else {
                return Value::Missing;
            };
            let mut unknown = false;
            for k in 0..n {
                match compare(&v, &src.item(field, k)) {
                    Some(Ordering::Equal) => return Value::Bool(!*negated),
                    Some(_) => {}
                    None => unknown = true,
                }
            }
            let t = if unknown {
                Truth::Unknown
            } else {
                Truth::False
            };
            if *negated {
                not(t).value()
            } else {
                t.value()
            }
        }
        Node::Is { present, operand } => {
            Value::Bool(eval(operand, facts, env).is_missing() != *present)
        }
        Node::IsList { present, list } => {
            let missing = list_source(facts, env, *list)
                .and_then(|(s, f)| s.len(f))
                .is_none();
            Value::Bool(missing != *present)
        }
        Node::Call(func, args) => call(*func, args, facts, env),
        Node::Count(list) => match list_source(facts, env, *list).and_then(|(s, f)| s.len(f)) {
            Some(n) => Value::Number(n as f64),
            None => Value::Missing,
        },
        Node::Quant {
            all,
            list,
            record,
            body,
        } => {
            let Some((src, field)) = list_source(facts, env, *list) else {
                return Value::Missing;
            };
            let Some(n) = src.len(field) else {
                return Value::Missing;
            };
            let mut unknown = false;
            for k in 0..n {
                let bound = if *record {
                    match src.element(field, k) {
                        Some(r) => Bound::Record(r),
                        None => {
                            unknown = true;
                            continue;
                        }
                    }
                } else {
                    Bound::Scalar(src.item(field, k))
                };
                let inner = Env { bound, parent: env };
                match Truth::of(&eval(body, facts, Some(&inner))) {
                    Truth::True if !*all => return Value::Bool(true),
                    Truth::False if *all => return Value::Bool(false),
                    Truth::Unknown => unknown = true,
                    _ => {}
                }
            }
            if unknown {
                Value::Missing
            } else {
                Value::Bool(*all)
            }
        }
    }
}
