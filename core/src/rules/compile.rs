//! Type checking a condition against a [`Catalogue`] and compiling it into
//! the tree the evaluator walks.

use chrono::{NaiveDate, NaiveDateTime};

use super::ast::{ArithOp, CmpOp, Expr, ExprKind, Literal, Span};
use super::catalogue::{Catalogue, Element, FieldId, FieldSpec, Type};
use super::parser::{parse_condition_with, ConditionLimits};

/// A constant held by a compiled condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Const {
    Bool(bool),
    Number(f64),
    Text(Box<str>),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Duration(i64),
}

/// Where a list comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ListRef {
    /// A list field of the facts.
    Field(FieldId),
    /// A list field of an element bound `up` levels out (0 = innermost).
    Var { up: u8, field: FieldId },
}

/// Functions of one or two scalar arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Func {
    DaysBetween,
    AgeAt,
    Similarity,
    Lower,
    Upper,
    Len,
}

/// The compiled, type-checked form of a condition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Const(Const),
    Field(FieldId),
    /// An element bound by `any`/`all`, `up` levels out; `field` is `None`
    /// for the element itself (a list of scalars).
    Var {
        up: u8,
        field: Option<FieldId>,
    },
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Not(Box<Node>),
    Cmp(CmpOp, Box<Node>, Box<Node>),
    Arith(ArithOp, Box<Node>, Box<Node>),
    Neg(Box<Node>),
    InConst {
        negated: bool,
        item: Box<Node>,
        list: Box<[Const]>,
    },
    InList {
        negated: bool,
        item: Box<Node>,
        list: ListRef,
    },
    Is {
        present: bool,
        operand: Box<Node>,
    },
    IsList {
        present: bool,
        list: ListRef,
    },
    Call(Func, Box<[Node]>),
    Count(ListRef),
    Quant {
        all: bool,
        list: ListRef,
        record: bool,
        body: Box<Node>,
    },
}

/// A field a condition reads, with where it is named (for the linter).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldUse {
    /// The path as written, with the bound name replaced by the list's
    /// path (`traveller.documents[].expires_on`).
    pub path: String,
    /// Where it is named in the condition.
    pub span: Span,
    /// Its catalogue entry.
    pub spec: FieldSpec,
}

/// A text literal of a condition (for the linter).
#[derive(Debug, Clone, PartialEq)]
pub struct TextUse {
    /// The text.
    pub text: String,
    /// Where it is in the condition.
    pub span: Span,
    /// Whether it stands in an exonerating place: in the list on the right
    /// of `not in`, or as an operand of `!=`.
    pub exonerating: bool,
}

/// An error in one condition, at a byte offset of the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionError {
    /// `rules.parse` or `rules.type`.
    pub code: &'static str,
    /// Byte offset in the condition.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

/// A condition, parsed, type-checked and compiled once.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub(crate) source: String,
    pub(crate) root: Node,
    pub(crate) fields: Vec<FieldUse>,
    pub(crate) texts: Vec<TextUse>,
}

impl Condition {
    /// Parses, type-checks and compiles `source` against `catalogue`. All
    /// type errors found are returned (a parse error stops at the first).
    pub fn compile(
        source: &str,
        catalogue: &dyn Catalogue,
    ) -> Result<Condition, Vec<ConditionError>> {
        Self::compile_with(source, catalogue, &ConditionLimits::default())
    }

    /// [`Condition::compile`] within `limits` (length, nesting and depth of
    /// the condition).
    pub fn compile_with(
        source: &str,
        catalogue: &dyn Catalogue,
        limits: &ConditionLimits,
    ) -> Result<Condition, Vec<ConditionError>> {
        let expr = parse_condition_with(source, limits).map_err(|e| {
            vec![ConditionError {
                code: "rules.parse",
                offset: e.offset,
                message: e.message,
            }]
        })?;
        let mut c = Checker {
            root: catalogue,
            scopes: Vec::new(),
            errors: Vec::new(),
            fields: Vec::new(),
            texts: Vec::new(),
        };
        let checked = c.check(&expr, false);
        match checked {
            Some((node, Type::Bool)) if c.errors.is_empty() => Ok(Condition {
                source: source.to_string(),
                root: node,
                fields: c.fields,
                texts: c.texts,
            }),
            Some((_, ty)) if c.errors.is_empty() => Err(vec![ConditionError {
                code: "rules.type",
                offset: expr.span.start,
                message: format!(
                    "a condition must be a yes/no test, this is {}",
                    ty.described()
                ),
            }]),
            _ => Err(c.errors),
        }
    }

    /// The condition text.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The fields the condition reads.
    pub fn fields(&self) -> &[FieldUse] {
        &self.fields
    }

    /// The text literals of the condition.
    pub fn texts(&self) -> &[TextUse] {
        &self.texts
    }
}

struct Scope<'c> {
    name: String,
    elem: Element,
    cat: Option<&'c dyn Catalogue>,
    list_path: String,
}

struct Checker<'c> {
    root: &'c dyn Catalogue,
    scopes: Vec<Scope<'c>>,
    errors: Vec<ConditionError>,
    fields: Vec<FieldUse>,
    texts: Vec<TextUse>,
}

/// A resolved path.
enum Resolved<'c> {
    Scalar(Node, Type),
    List(ListRef, Element, Option<&'c dyn Catalogue>, String),
}

fn lit_const(l: &Literal) -> (Const, Type) {
    match l {
        Literal::Bool(b) => (Const::Bool(*b), Type::Bool),
        Literal::Number(n) => (Const::Number(*n), Type::Number),
        Literal::Text(s) => (Const::Text(s.as_str().into()), Type::Text),
        Literal::Date(d) => (Const::Date(*d), Type::Date),
        Literal::DateTime(d) => (Const::DateTime(*d), Type::DateTime),
        Literal::Duration(d) => (Const::Duration(*d), Type::Duration),
    }
}

fn is_time(t: Type) -> bool {
    matches!(t, Type::Date | Type::DateTime)
}

/// Whether values of the two types can be compared for equality or order
/// (a date compares with a date and time: the date stands for its midnight).
fn comparable(a: Type, b: Type) -> bool {
    a == b && a.scalar().is_some() || is_time(a) && is_time(b)
}

impl<'c> Checker<'c> {
    fn error(&mut self, code: &'static str, offset: usize, message: impl Into<String>) {
        self.errors.push(ConditionError {
            code,
            offset,
            message: message.into(),
        });
    }

    fn type_error(&mut self, span: Span, message: impl Into<String>) {
        self.error("rules.type", span.start, message);
    }

    fn resolve(&mut self, segments: &[String], span: Span) -> Option<Resolved<'c>> {
        let first = segments.first()?;
        let found = self.scopes.iter().rev().position(|s| &s.name == first);
        let (spec, list_ctx, up, cat_path): (
            FieldSpec,
            Option<&'c dyn Catalogue>,
            Option<u8>,
            String,
        ) = if let Some(up) = found {
            let idx = self.scopes.len() - 1 - up;
            let scope = &self.scopes[idx];
            let up = u8::try_from(up).ok()?;
            let rest = segments[1..].join(".");
            match scope.elem {
                Element::Scalar(t) => {
                    if !rest.is_empty() {
                        let msg = format!(
                            "`{first}` is {}, it has no field `{rest}`",
                            t.ty().described()
                        );
                        self.type_error(span, msg);
                        return None;
                    }
                    return Some(Resolved::Scalar(Node::Var { up, field: None }, t.ty()));
                }
                Element::Record => {
                    if rest.is_empty() {
                        self.type_error(span, format!("`{first}` is a whole record: name one of its fields, as in `{first}.field`"));
                        return None;
                    }
                    let list_path = scope.list_path.clone();
                    let Some(cat) = scope.cat else {
                        self.type_error(
                            span,
                            format!("the elements of `{list_path}` have no field catalogue"),
                        );
                        return None;
                    };
                    let Some(spec) = cat.field(&rest).copied() else {
                        self.type_error(
                            span,
                            format!("the elements of `{list_path}` have no field `{rest}`"),
                        );
                        return None;
                    };
                    (spec, Some(cat), Some(up), format!("{list_path}[].{rest}"))
                }
            }
        } else {
            let path = segments.join(".");
            let Some(spec) = self.root.field(&path).copied() else {
                self.type_error(span, format!("unknown field `{path}`"));
                return None;
            };
            (spec, None, None, path)
        };
        self.fields.push(FieldUse {
            path: cat_path.clone(),
            span,
            spec,
        });
        match spec.ty {
            Type::List(elem) => {
                let lr = match up {
                    Some(up) => ListRef::Var { up, field: spec.id },
                    None => ListRef::Field(spec.id),
                };
                let elem_cat = match (elem, list_ctx) {
                    (Element::Record, Some(cat)) => cat.element(spec.id),
                    (Element::Record, None) => self.root.element(spec.id),
                    _ => None,
                };
                Some(Resolved::List(lr, elem, elem_cat, cat_path))
            }
            ty => {
                let node = match up {
                    Some(up) => Node::Var {
                        up,
                        field: Some(spec.id),
                    },
                    None => Node::Field(spec.id),
                };
                Some(Resolved::Scalar(node, ty))
            }
        }
    }

    /// Resolves an expression that must be a list path.
    fn list_arg(
        &mut self,
        e: &Expr,
        what: &str,
    ) -> Option<(ListRef, Element, Option<&'c dyn Catalogue>, String)> {
        if let ExprKind::Path(segs) = &e.kind {
            match self.resolve(segs, e.span)? {
                Resolved::List(lr, el, cat, path) => return Some((lr, el, cat, path)),
                Resolved::Scalar(_, ty) => {
                    self.type_error(
                        e.span,
                        format!("{what} needs a list field, this is {}", ty.described()),
                    );
                    return None;
                }
            }
        }
        self.type_error(
            e.span,
            format!("{what} needs a list field such as `traveller.documents`"),
        );
        None
    }

    fn check(&mut self, e: &Expr, exonerating: bool) -> Option<(Node, Type)> {
        match &e.kind {
            ExprKind::Literal(l) => {
                if let Literal::Text(s) = l {
                    self.texts.push(TextUse {
                        text: s.clone(),
                        span: e.span,
                        exonerating,
                    });
                }
                let (c, t) = lit_const(l);
                Some((Node::Const(c), t))
            }
            ExprKind::List(_) => {
                self.type_error(
                    e.span,
                    "a list literal can only stand on the right of `in` or `not in`",
                );
                None
            }
            ExprKind::Path(segs) => {
                match self.resolve(segs, e.span)? {
                    Resolved::Scalar(n, t) => Some((n, t)),
                    Resolved::List(_, _, _, path) => {
                        self.type_error(e.span, format!("`{path}` is a list: use it with count, any, all, in or `is missing`"));
                        None
                    }
                }
            }
            ExprKind::And(a, b) | ExprKind::Or(a, b) => {
                let word = if matches!(e.kind, ExprKind::And(..)) {
                    "and"
                } else {
                    "or"
                };
                let l = self.check_bool(a, word);
                let r = self.check_bool(b, word);
                let (l, r) = (l?, r?);
                let node = if word == "and" {
                    Node::And(Box::new(l), Box::new(r))
                } else {
                    Node::Or(Box::new(l), Box::new(r))
                };
                Some((node, Type::Bool))
            }
            ExprKind::Not(a) => {
                let n = self.check_bool(a, "not")?;
                Some((Node::Not(Box::new(n)), Type::Bool))
            }
            ExprKind::Compare(op, op_span, a, b) => {
                let exo = *op == CmpOp::Ne;
                let l = self.check(a, exo);
                let r = self.check(b, exo);
                let ((ln, lt), (rn, rt)) = (l?, r?);
                if !comparable(lt, rt) {
                    self.type_error(
                        *op_span,
                        format!("cannot compare {} with {}", lt.described(), rt.described()),
                    );
                    return None;
                }
                if lt == Type::Bool && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    self.type_error(*op_span, "yes/no values have no order: use == or !=");
                    return None;
                }
                Some((Node::Cmp(*op, Box::new(ln), Box::new(rn)), Type::Bool))
            }
            ExprKind::Arith(op, op_span, a, b) => {
                let l = self.check(a, false);
                let r = self.check(b, false);
                let ((ln, lt), (rn, rt)) = (l?, r?);
                let Some(ty) = arith_type(*op, lt, rt) else {
                    let sym = match op {
                        ArithOp::Add => "add",
                        ArithOp::Sub => "subtract",
                        ArithOp::Mul => "multiply",
                        ArithOp::Div => "divide",
                    };
                    let msg = match op {
                        ArithOp::Add => {
                            format!("cannot {sym} {} and {}", lt.described(), rt.described())
                        }
                        ArithOp::Sub => {
                            format!("cannot {sym} {} from {}", rt.described(), lt.described())
                        }
                        _ => format!("cannot {sym} {} by {}", lt.described(), rt.described()),
                    };
                    self.type_error(*op_span, msg);
                    return None;
                };
                Some((Node::Arith(*op, Box::new(ln), Box::new(rn)), ty))
            }
            ExprKind::Neg(a) => {
                let (n, t) = self.check(a, false)?;
                if !matches!(t, Type::Number | Type::Duration) {
                    self.type_error(e.span, format!("cannot negate {}", t.described()));
                    return None;
                }
                Some((Node::Neg(Box::new(n)), t))
            }
            ExprKind::In {
                negated,
                item,
                list,
            } => {
                let it = self.check(item, false);
                if let ExprKind::List(items) = &list.kind {
                    let (inode, ity) = it?;
                    let mut consts = Vec::with_capacity(items.len());
                    let mut ok = true;
                    for (span, l) in items {
                        if let Literal::Text(s) = l {
                            self.texts.push(TextUse {
                                text: s.clone(),
                                span: *span,
                                exonerating: *negated,
                            });
                        }
                        let (c, t) = lit_const(l);
                        if !comparable(ity, t) {
                            self.type_error(
                                *span,
                                format!(
                                    "this list holds {}, but the value looked for is {}",
                                    t.described(),
                                    ity.described()
                                ),
                            );
                            ok = false;
                        }
                        consts.push(c);
                    }
                    if !ok {
                        return None;
                    }
                    return Some((
                        Node::InConst {
                            negated: *negated,
                            item: Box::new(inode),
                            list: consts.into_boxed_slice(),
                        },
                        Type::Bool,
                    ));
                }
                let l = self.list_arg(list, "`in`");
                let ((inode, ity), (lr, el, _, path)) = (it?, l?);
                let Element::Scalar(st) = el else {
                    self.type_error(
                        list.span,
                        format!("`{path}` holds records: use any(...) to look inside"),
                    );
                    return None;
                };
                if !comparable(ity, st.ty()) {
                    self.type_error(
                        list.span,
                        format!(
                            "`{path}` holds {}, but the value looked for is {}",
                            st.ty().described(),
                            ity.described()
                        ),
                    );
                    return None;
                }
                Some((
                    Node::InList {
                        negated: *negated,
                        item: Box::new(inode),
                        list: lr,
                    },
                    Type::Bool,
                ))
            }
            ExprKind::Is { present, operand } => {
                if let ExprKind::Path(segs) = &operand.kind {
                    return match self.resolve(segs, operand.span)? {
                        Resolved::Scalar(n, _) => Some((
                            Node::Is {
                                present: *present,
                                operand: Box::new(n),
                            },
                            Type::Bool,
                        )),
                        Resolved::List(lr, ..) => Some((
                            Node::IsList {
                                present: *present,
                                list: lr,
                            },
                            Type::Bool,
                        )),
                    };
                }
                let (n, _) = self.check(operand, false)?;
                Some((
                    Node::Is {
                        present: *present,
                        operand: Box::new(n),
                    },
                    Type::Bool,
                ))
            }
            ExprKind::Call(name, name_span, args) => self.call(name, *name_span, args),
            ExprKind::Lambda(name, span, _) => {
                self.type_error(
                    *span,
                    format!(
                        "`{name} => ...` may only be the second argument of any(...) or all(...)"
                    ),
                );
                None
            }
        }
    }

    fn check_bool(&mut self, e: &Expr, word: &str) -> Option<Node> {
        let (n, t) = self.check(e, false)?;
        if t != Type::Bool {
            self.type_error(
                e.span,
                format!("`{word}` needs yes/no tests, this is {}", t.described()),
            );
            return None;
        }
        Some(n)
    }

    fn arity(&mut self, name: &str, span: Span, args: &[Expr], n: usize) -> bool {
        if args.len() != n {
            let plural = if n == 1 { "" } else { "s" };
            self.type_error(
                span,
                format!("{name}(...) takes {n} argument{plural}, not {}", args.len()),
            );
            return false;
        }
        true
    }

    fn call(&mut self, name: &str, name_span: Span, args: &[Expr]) -> Option<(Node, Type)> {
        match name {
            "any" | "all" => {
                if !self.arity(name, name_span, args, 2) {
                    return None;
                }
                let list = self.list_arg(&args[0], &format!("{name}(...)"));
                let ExprKind::Lambda(var, var_span, body) = &args[1].kind else {
                    self.type_error(args[1].span, format!("the second argument of {name}(...) names the element: `x => condition on x`"));
                    return None;
                };
                let (lr, el, cat, path) = list?;
                if self.root.field(var).is_some()
                    || self.root.is_root(var)
                    || self.scopes.iter().any(|s| &s.name == var)
                {
                    self.type_error(
                        *var_span,
                        format!("`{var}` is already in use; choose another name for the element"),
                    );
                    return None;
                }
                self.scopes.push(Scope {
                    name: var.clone(),
                    elem: el,
                    cat,
                    list_path: path,
                });
                let b = self.check_bool(body, name);
                self.scopes.pop();
                let b = b?;
                Some((
                    Node::Quant {
                        all: name == "all",
                        list: lr,
                        record: el == Element::Record,
                        body: Box::new(b),
                    },
                    Type::Bool,
                ))
            }
            "count" => {
                if !self.arity(name, name_span, args, 1) {
                    return None;
                }
                let (lr, ..) = self.list_arg(&args[0], "count(...)")?;
                Some((Node::Count(lr), Type::Number))
            }
            "days_between" | "age_at" | "similarity" | "lower" | "upper" | "len" => {
                let (func, params, ret): (Func, &[&[Type]], Type) = match name {
                    "days_between" => (
                        Func::DaysBetween,
                        &[&[Type::Date, Type::DateTime], &[Type::Date, Type::DateTime]],
                        Type::Number,
                    ),
                    "age_at" => (
                        Func::AgeAt,
                        &[&[Type::Date], &[Type::Date, Type::DateTime]],
                        Type::Number,
                    ),
                    "similarity" => (
                        Func::Similarity,
                        &[&[Type::Text], &[Type::Text]],
                        Type::Number,
                    ),
                    "lower" => (Func::Lower, &[&[Type::Text]], Type::Text),
                    "upper" => (Func::Upper, &[&[Type::Text]], Type::Text),
                    _ => (Func::Len, &[&[Type::Text]], Type::Number),
                };
                if !self.arity(name, name_span, args, params.len()) {
                    return None;
                }
                let mut nodes = Vec::with_capacity(args.len());
                let mut ok = true;
                for (k, (arg, allowed)) in args.iter().zip(params.iter()).enumerate() {
                    match self.check(arg, false) {
                        Some((n, t)) if allowed.contains(&t) => nodes.push(n),
                        Some((_, t)) => {
                            let want: Vec<&str> = allowed.iter().map(|t| t.described()).collect();
                            self.type_error(
                                arg.span,
                                format!(
                                    "argument {} of {name}(...) must be {}, this is {}",
                                    k + 1,
                                    want.join(" or "),
                                    t.described()
                                ),
                            );
                            ok = false;
                        }
                        None => ok = false,
                    }
                }
                if !ok {
                    return None;
                }
                Some((Node::Call(func, nodes.into_boxed_slice()), ret))
            }
            _ => {
                self.type_error(name_span, format!("unknown function `{name}` (known: any, all, count, days_between, age_at, similarity, lower, upper, len)"));
                None
            }
        }
    }
}

/// The result type of an arithmetic operation, if it is allowed.
fn arith_type(op: ArithOp, l: Type, r: Type) -> Option<Type> {
    use Type::{Date, DateTime, Duration, Number};
    Some(match (op, l, r) {
        (_, Number, Number) => Number,
        (ArithOp::Sub, Date | DateTime, Date | DateTime) => Duration,
        (ArithOp::Add | ArithOp::Sub, Date, Duration) => Date,
        (ArithOp::Add | ArithOp::Sub, DateTime, Duration) => DateTime,
        (ArithOp::Add, Duration, Date) => Date,
        (ArithOp::Add, Duration, DateTime) => DateTime,
        (ArithOp::Add | ArithOp::Sub, Duration, Duration) => Duration,
        (ArithOp::Mul, Duration, Number) | (ArithOp::Mul, Number, Duration) => Duration,
        (ArithOp::Div, Duration, Number) => Duration,
        (ArithOp::Div, Duration, Duration) => Number,
        _ => return None,
    })
}
