//! The syntax tree of a condition, with byte spans into the condition text.

use chrono::{NaiveDate, NaiveDateTime};

/// A byte range in the condition text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// A literal constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `true` / `false`.
    Bool(bool),
    /// `3`, `0.85`.
    Number(f64),
    /// `"XXA"`.
    Text(String),
    /// `2026-01-31`.
    Date(NaiveDate),
    /// `2026-01-31T10:30` or `2026-01-31T10:30:00`.
    DateTime(NaiveDateTime),
    /// `72h`, `30d` (seconds).
    Duration(i64),
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// Arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// One node of a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// Where it is in the condition text.
    pub span: Span,
    /// What it is.
    pub kind: ExprKind,
}

/// The kinds of node.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A constant.
    Literal(Literal),
    /// `["XXA", "XXB"]`: a list of literals.
    List(Vec<(Span, Literal)>),
    /// A dotted path; the first segment may be a name bound by `any`/`all`.
    Path(Vec<String>),
    /// `a and b`
    And(Box<Expr>, Box<Expr>),
    /// `a or b`
    Or(Box<Expr>, Box<Expr>),
    /// `not a`
    Not(Box<Expr>),
    /// `a < b` ...; the span of the operator is kept for errors.
    Compare(CmpOp, Span, Box<Expr>, Box<Expr>),
    /// `a + b` ...
    Arith(ArithOp, Span, Box<Expr>, Box<Expr>),
    /// `-a`
    Neg(Box<Expr>),
    /// `a in list` / `a not in list`.
    In {
        /// `not in`.
        negated: bool,
        /// The value looked for.
        item: Box<Expr>,
        /// The list.
        list: Box<Expr>,
    },
    /// `a is missing` / `a is present`.
    Is {
        /// `is present`.
        present: bool,
        /// The value tested.
        operand: Box<Expr>,
    },
    /// `name(args)`; for `any`/`all` the second argument is a [`ExprKind::Lambda`].
    Call(String, Span, Vec<Expr>),
    /// `d => body`, only as the second argument of `any`/`all`.
    Lambda(String, Span, Box<Expr>),
}
