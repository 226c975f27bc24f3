//! The condition parser (nom 8 for the tokens, precedence climbing by hand
//! for the structure, so every error carries the byte offset it is about).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::{char, digit1, multispace0};
use nom::combinator::{opt, recognize};
use nom::sequence::pair;
use nom::{IResult, Parser};

use super::ast::{ArithOp, CmpOp, Expr, ExprKind, Literal, Span};

/// How deep parentheses, `not`, unary minus and calls may nest before the
/// parser refuses (keeps the stack bounded on any input). The default of
/// [`ConditionLimits::max_nesting`].
pub const MAX_DEPTH: u32 = 64;

/// How deep the syntax tree of a condition may be, counting every operator
/// (`a and b and c` is two levels deep). The default of
/// [`ConditionLimits::max_tree_depth`].
///
/// A chain of binary operators builds a left-leaning tree as deep as the
/// chain is long, and the type checker, the evaluator and the tree's drop
/// walk it recursively: without this bound a condition of a thousand `and`s
/// overflows a 2 MB thread stack in a debug build. Real conditions are
/// under 20 levels deep.
pub const MAX_TREE_DEPTH: u32 = 128;

/// The longest condition accepted, in bytes. The default of
/// [`ConditionLimits::max_bytes`]; real conditions are under 1 KiB.
pub const MAX_CONDITION_BYTES: usize = 16 * 1024;

/// Limits on what the condition parser accepts; beyond any of them the
/// condition is a `rules.parse` error. Build it from the defaults
/// (`ConditionLimits { max_nesting: 32, ..ConditionLimits::default() }`) so
/// that a field added later keeps your code compiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionLimits {
    /// The longest condition, in bytes (default [`MAX_CONDITION_BYTES`]).
    pub max_bytes: usize,
    /// How deep parentheses, `not`, unary minus and calls may nest (default
    /// [`MAX_DEPTH`]).
    pub max_nesting: u32,
    /// How deep the syntax tree may be, every operator counted (default
    /// [`MAX_TREE_DEPTH`]). Raising it needs a larger stack in the thread
    /// that compiles and evaluates the condition.
    pub max_tree_depth: u32,
}

impl Default for ConditionLimits {
    fn default() -> Self {
        ConditionLimits {
            max_bytes: MAX_CONDITION_BYTES,
            max_nesting: MAX_DEPTH,
            max_tree_depth: MAX_TREE_DEPTH,
        }
    }
}

/// A syntax error at a byte offset of the condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the condition text.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

type R<'s, T> = Result<(&'s str, T), SyntaxError>;

const KEYWORDS: &[&str] = &[
    "and", "or", "not", "in", "is", "missing", "present", "true", "false",
];

/// Parses a whole condition, within the default [`ConditionLimits`].
pub fn parse_condition(src: &str) -> Result<Expr, SyntaxError> {
    parse_condition_with(src, &ConditionLimits::default())
}

/// Parses a whole condition within `limits`.
pub fn parse_condition_with(src: &str, limits: &ConditionLimits) -> Result<Expr, SyntaxError> {
    if src.len() > limits.max_bytes {
        return Err(SyntaxError {
            offset: 0,
            message: format!(
                "the condition is {} bytes long, over the limit of {} bytes (ConditionLimits::max_bytes)",
                src.len(),
                limits.max_bytes
            ),
        });
    }
    let mut p = P {
        src,
        depth: 0,
        limits: *limits,
    };
    let (rest, e) = p.expr(src)?;
    let rest = ws(rest);
    if !rest.is_empty() {
        return Err(p.err(rest, unexpected(rest)));
    }
    // The chains were checked as they were built; the nodes around them
    // (`not`, comparisons, calls) may add a few levels.
    p.check_tree(src, tree_depth(&e))?;
    Ok(e)
}

/// The depth of a syntax tree. Called only on trees whose chains were
/// already bounded, so the recursion is bounded too.
fn tree_depth(e: &Expr) -> u32 {
    let below = match &e.kind {
        ExprKind::Literal(_) | ExprKind::List(_) | ExprKind::Path(_) => 0,
        ExprKind::And(a, b)
        | ExprKind::Or(a, b)
        | ExprKind::Compare(_, _, a, b)
        | ExprKind::Arith(_, _, a, b)
        | ExprKind::In {
            item: a, list: b, ..
        } => tree_depth(a).max(tree_depth(b)),
        ExprKind::Not(a)
        | ExprKind::Neg(a)
        | ExprKind::Is { operand: a, .. }
        | ExprKind::Lambda(_, _, a) => tree_depth(a),
        ExprKind::Call(_, _, args) => args.iter().map(tree_depth).max().unwrap_or(0),
    };
    below.saturating_add(1)
}

struct P<'s> {
    src: &'s str,
    depth: u32,
    limits: ConditionLimits,
}

fn ws(i: &str) -> &str {
    let r: IResult<&str, &str> = multispace0(i);
    match r {
        Ok((rest, _)) => rest,
        Err(_) => i,
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn ident(i: &str) -> IResult<&str, &str> {
    recognize(pair(take_while1(is_ident_start), take_while(is_ident_char))).parse(i)
}

/// The keyword `kw` at the start of `i` (not followed by an identifier
/// character); returns the rest.
fn keyword<'s>(i: &'s str, kw: &str) -> Option<&'s str> {
    let rest = i.strip_prefix(kw)?;
    match rest.chars().next() {
        Some(c) if is_ident_char(c) => None,
        _ => Some(rest),
    }
}

fn unexpected(rest: &str) -> String {
    match rest.chars().next() {
        None => "the condition ends too early".to_string(),
        Some(_) => {
            let tok: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(12)
                .collect();
            format!("unexpected `{tok}`")
        }
    }
}

impl<'s> P<'s> {
    fn off(&self, rest: &str) -> usize {
        self.src.len().saturating_sub(rest.len())
    }

    fn err(&self, rest: &str, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.off(rest),
            message: message.into(),
        }
    }

    fn span(&self, start: &str, end: &str) -> Span {
        Span::new(self.off(start), self.off(end))
    }

    fn enter(&mut self, at: &str) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > self.limits.max_nesting {
            return Err(self.err(
                at,
                format!(
                    "the condition nests deeper than {} levels (ConditionLimits::max_nesting)",
                    self.limits.max_nesting
                ),
            ));
        }
        Ok(())
    }

    fn check_tree(&self, at: &str, depth: u32) -> Result<(), SyntaxError> {
        if depth > self.limits.max_tree_depth {
            return Err(self.err(
                at,
                format!(
                    "the condition is more than {} operators deep; split it into several rules (ConditionLimits::max_tree_depth)",
                    self.limits.max_tree_depth
                ),
            ));
        }
        Ok(())
    }

    /// The depth of `lhs op rhs` in a chain, checked against the limit.
    /// `lhs_depth` carries the depth of the chain so far, so each operand
    /// is measured once.
    fn chain_link(
        &self,
        at: &str,
        lhs_depth: &mut Option<u32>,
        lhs: &Expr,
        rhs: &Expr,
    ) -> Result<(), SyntaxError> {
        let left = *lhs_depth.get_or_insert_with(|| tree_depth(lhs));
        let depth = left.max(tree_depth(rhs)).saturating_add(1);
        self.check_tree(at, depth)?;
        *lhs_depth = Some(depth);
        Ok(())
    }

    fn expr(&mut self, i: &'s str) -> R<'s, Expr> {
        self.or(i)
    }

    fn or(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        let (mut rest, mut lhs) = self.and(start)?;
        let mut lhs_depth = None;
        loop {
            let r = ws(rest);
            let Some(after) = keyword(r, "or") else {
                return Ok((rest, lhs));
            };
            let (r2, rhs) = self.and(ws(after))?;
            self.chain_link(r, &mut lhs_depth, &lhs, &rhs)?;
            lhs = Expr {
                span: self.span(start, r2),
                kind: ExprKind::Or(Box::new(lhs), Box::new(rhs)),
            };
            rest = r2;
        }
    }

    fn and(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        let (mut rest, mut lhs) = self.not(start)?;
        let mut lhs_depth = None;
        loop {
            let r = ws(rest);
            let Some(after) = keyword(r, "and") else {
                return Ok((rest, lhs));
            };
            let (r2, rhs) = self.not(ws(after))?;
            self.chain_link(r, &mut lhs_depth, &lhs, &rhs)?;
            lhs = Expr {
                span: self.span(start, r2),
                kind: ExprKind::And(Box::new(lhs), Box::new(rhs)),
            };
            rest = r2;
        }
    }

    fn not(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        if let Some(after) = keyword(start, "not") {
            self.enter(start)?;
            let (rest, inner) = self.not(ws(after))?;
            self.depth -= 1;
            return Ok((
                rest,
                Expr {
                    span: self.span(start, rest),
                    kind: ExprKind::Not(Box::new(inner)),
                },
            ));
        }
        self.compare(start)
    }

    fn compare(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        let (rest, lhs) = self.additive(start)?;
        let r = ws(rest);
        let (rest, e) = if let Some((op, len)) = cmp_op(r) {
            let op_span = Span::new(self.off(r), self.off(r) + len);
            let (r2, rhs) = self.additive(ws(&r[len..]))?;
            (
                r2,
                Expr {
                    span: self.span(start, r2),
                    kind: ExprKind::Compare(op, op_span, Box::new(lhs), Box::new(rhs)),
                },
            )
        } else if let Some(after) = keyword(r, "in") {
            let (r2, list) = self.additive(ws(after))?;
            (
                r2,
                Expr {
                    span: self.span(start, r2),
                    kind: ExprKind::In {
                        negated: false,
                        item: Box::new(lhs),
                        list: Box::new(list),
                    },
                },
            )
        } else if let Some(after) = keyword(r, "not").and_then(|a| keyword(ws(a), "in")) {
            let (r2, list) = self.additive(ws(after))?;
            (
                r2,
                Expr {
                    span: self.span(start, r2),
                    kind: ExprKind::In {
                        negated: true,
                        item: Box::new(lhs),
                        list: Box::new(list),
                    },
                },
            )
        } else if let Some(after) = keyword(r, "is") {
            let a = ws(after);
            let (r2, present) = if let Some(r2) = keyword(a, "missing") {
                (r2, false)
            } else if let Some(r2) = keyword(a, "present") {
                (r2, true)
            } else {
                return Err(self.err(a, "expected `missing` or `present` after `is`"));
            };
            (
                r2,
                Expr {
                    span: self.span(start, r2),
                    kind: ExprKind::Is {
                        present,
                        operand: Box::new(lhs),
                    },
                },
            )
        } else {
            return Ok((rest, lhs));
        };
        let r = ws(rest);
        if cmp_op(r).is_some() || keyword(r, "in").is_some() || keyword(r, "is").is_some() {
            return Err(self.err(r, "comparisons do not chain: join them with `and`"));
        }
        Ok((rest, e))
    }

    fn additive(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        let (mut rest, mut lhs) = self.multiplicative(start)?;
        let mut lhs_depth = None;
        loop {
            let r = ws(rest);
            let op = match r.chars().next() {
                Some('+') => ArithOp::Add,
                Some('-') => ArithOp::Sub,
                _ => return Ok((rest, lhs)),
            };
            let op_span = Span::new(self.off(r), self.off(r) + 1);
            let (r2, rhs) = self.multiplicative(ws(&r[1..]))?;
            self.chain_link(r, &mut lhs_depth, &lhs, &rhs)?;
            lhs = Expr {
                span: self.span(start, r2),
                kind: ExprKind::Arith(op, op_span, Box::new(lhs), Box::new(rhs)),
            };
            rest = r2;
        }
    }

    fn multiplicative(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        let (mut rest, mut lhs) = self.unary(start)?;
        let mut lhs_depth = None;
        loop {
            let r = ws(rest);
            let op = match r.chars().next() {
                Some('*') => ArithOp::Mul,
                Some('/') => ArithOp::Div,
                _ => return Ok((rest, lhs)),
            };
            let op_span = Span::new(self.off(r), self.off(r) + 1);
            let (r2, rhs) = self.unary(ws(&r[1..]))?;
            self.chain_link(r, &mut lhs_depth, &lhs, &rhs)?;
            lhs = Expr {
                span: self.span(start, r2),
                kind: ExprKind::Arith(op, op_span, Box::new(lhs), Box::new(rhs)),
            };
            rest = r2;
        }
    }

    fn unary(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        if let Some(after) = start.strip_prefix('-') {
            self.enter(start)?;
            let (rest, inner) = self.unary(ws(after))?;
            self.depth -= 1;
            return Ok((
                rest,
                Expr {
                    span: self.span(start, rest),
                    kind: ExprKind::Neg(Box::new(inner)),
                },
            ));
        }
        self.primary(start)
    }

    fn primary(&mut self, i: &'s str) -> R<'s, Expr> {
        let start = ws(i);
        let Some(c) = start.chars().next() else {
            return Err(self.err(start, "the condition ends where a value was expected"));
        };
        match c {
            '(' => {
                self.enter(start)?;
                let (rest, inner) = self.expr(&start[1..])?;
                self.depth -= 1;
                let r = ws(rest);
                let Some(after) = r.strip_prefix(')') else {
                    return Err(self.err(r, "expected `)`"));
                };
                Ok((after, inner))
            }
            '[' => self.list(start),
            '"' => {
                let (rest, s) = self.string(start)?;
                Ok((
                    rest,
                    Expr {
                        span: self.span(start, rest),
                        kind: ExprKind::Literal(Literal::Text(s)),
                    },
                ))
            }
            '0'..='9' => {
                let (rest, lit) = self.number_like(start)?;
                Ok((
                    rest,
                    Expr {
                        span: self.span(start, rest),
                        kind: ExprKind::Literal(lit),
                    },
                ))
            }
            c if is_ident_start(c) => self.ident_expr(start),
            _ => Err(self.err(start, unexpected(start))),
        }
    }

    fn literal(&mut self, i: &'s str) -> R<'s, Literal> {
        let start = ws(i);
        match start.chars().next() {
            Some('"') => {
                let (rest, s) = self.string(start)?;
                Ok((rest, Literal::Text(s)))
            }
            Some('0'..='9') => self.number_like(start),
            Some('-') => {
                let (rest, lit) = self.number_like(ws(&start[1..]))?;
                match lit {
                    Literal::Number(n) => Ok((rest, Literal::Number(-n))),
                    Literal::Duration(d) => Ok((rest, Literal::Duration(-d))),
                    _ => Err(self.err(start, "only a number or a duration can be negative")),
                }
            }
            _ => {
                if let Some(r) = keyword(start, "true") {
                    Ok((r, Literal::Bool(true)))
                } else if let Some(r) = keyword(start, "false") {
                    Ok((r, Literal::Bool(false)))
                } else {
                    Err(self.err(
                        start,
                        "a list holds only literals (text, numbers, dates, durations)",
                    ))
                }
            }
        }
    }

    fn list(&mut self, start: &'s str) -> R<'s, Expr> {
        let mut items = Vec::new();
        let mut r = ws(&start[1..]);
        if let Some(after) = r.strip_prefix(']') {
            return Ok((
                after,
                Expr {
                    span: self.span(start, after),
                    kind: ExprKind::List(items),
                },
            ));
        }
        loop {
            let item_start = ws(r);
            let (rest, lit) = self.literal(item_start)?;
            items.push((self.span(item_start, rest), lit));
            let r2 = ws(rest);
            if let Some(after) = r2.strip_prefix(',') {
                r = ws(after);
                if let Some(after) = r.strip_prefix(']') {
                    return Ok((
                        after,
                        Expr {
                            span: self.span(start, after),
                            kind: ExprKind::List(items),
                        },
                    ));
                }
            } else if let Some(after) = r2.strip_prefix(']') {
                return Ok((
                    after,
                    Expr {
                        span: self.span(start, after),
                        kind: ExprKind::List(items),
                    },
                ));
            } else {
                return Err(self.err(r2, "expected `,` or `]` in the list"));
            }
        }
    }

    fn string(&mut self, start: &'s str) -> R<'s, String> {
        let mut out = String::new();
        let mut chars = start.char_indices().skip(1);
        while let Some((idx, c)) = chars.next() {
            match c {
                '"' => return Ok((&start[idx + 1..], out)),
                '\\' => match chars.next() {
                    Some((_, '"')) => out.push('"'),
                    Some((_, '\\')) => out.push('\\'),
                    Some((j, _)) => {
                        return Err(
                            self.err(&start[j..], "only \\\" and \\\\ are escapes in a text")
                        )
                    }
                    None => break,
                },
                '\n' => return Err(self.err(&start[idx..], "a text cannot span lines")),
                c => out.push(c),
            }
        }
        Err(self.err(start, "this text is not closed with `\"`"))
    }

    /// Dates, date-times, durations and numbers: all start with a digit.
    fn number_like(&mut self, start: &'s str) -> R<'s, Literal> {
        let b = start.as_bytes();
        let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
        if (0..4).all(digit)
            && b.get(4) == Some(&b'-')
            && digit(5)
            && digit(6)
            && b.get(7) == Some(&b'-')
            && digit(8)
            && digit(9)
        {
            let date = NaiveDate::parse_from_str(&start[..10], "%Y-%m-%d")
                .map_err(|_| self.err(start, "this is not a calendar date (YYYY-MM-DD)"))?;
            let rest = &start[10..];
            if rest.starts_with('T') {
                let t = rest.as_bytes();
                let d = |k: usize| t.get(k).is_some_and(u8::is_ascii_digit);
                let (len, fmt) = if d(1) && d(2) && t.get(3) == Some(&b':') && d(4) && d(5) {
                    if t.get(6) == Some(&b':') && d(7) && d(8) {
                        (9, "%H:%M:%S")
                    } else {
                        (6, "%H:%M")
                    }
                } else {
                    return Err(self.err(rest, "expected a time HH:MM after `T`"));
                };
                let time = NaiveTime::parse_from_str(&rest[1..len], fmt)
                    .map_err(|_| self.err(rest, "this is not a time of day"))?;
                let after = &rest[len..];
                self.no_ident_after(after)?;
                return Ok((after, Literal::DateTime(NaiveDateTime::new(date, time))));
            }
            self.no_ident_after(rest)?;
            return Ok((rest, Literal::Date(date)));
        }
        let num: IResult<&str, &str> =
            recognize(pair(digit1, opt(pair(char('.'), digit1)))).parse(start);
        let Ok((rest, text)) = num else {
            return Err(self.err(start, "expected a number"));
        };
        let unit = rest.chars().next().and_then(|c| match c {
            's' => Some(1i64),
            'm' => Some(60),
            'h' => Some(3600),
            'd' => Some(86_400),
            'w' => Some(604_800),
            _ => None,
        });
        if let Some(mult) = unit {
            let after = &rest[1..];
            if !after.chars().next().is_some_and(is_ident_char) {
                if text.contains('.') {
                    return Err(self.err(
                        start,
                        "a duration is a whole number of units (write 90m, not 1.5h)",
                    ));
                }
                let n: i64 = text
                    .parse()
                    .map_err(|_| self.err(start, "this duration is too large"))?;
                let secs = n
                    .checked_mul(mult)
                    .ok_or_else(|| self.err(start, "this duration is too large"))?;
                return Ok((after, Literal::Duration(secs)));
            }
        }
        self.no_ident_after(rest)?;
        let n: f64 = text
            .parse()
            .map_err(|_| self.err(start, "this is not a number"))?;
        Ok((rest, Literal::Number(n)))
    }

    fn no_ident_after(&self, rest: &str) -> Result<(), SyntaxError> {
        if rest.chars().next().is_some_and(is_ident_char) {
            return Err(self.err(
                rest,
                format!("{} (durations take s, m, h, d or w)", unexpected(rest)),
            ));
        }
        Ok(())
    }

    fn ident_expr(&mut self, start: &'s str) -> R<'s, Expr> {
        let Ok((rest, name)) = ident(start) else {
            return Err(self.err(start, unexpected(start)));
        };
        match name {
            "true" | "false" => {
                return Ok((
                    rest,
                    Expr {
                        span: self.span(start, rest),
                        kind: ExprKind::Literal(Literal::Bool(name == "true")),
                    },
                ))
            }
            _ if KEYWORDS.contains(&name) => {
                return Err(self.err(
                    start,
                    format!("`{name}` is a keyword; a value was expected here"),
                ))
            }
            _ => {}
        }
        let r = ws(rest);
        if let Some(after) = r.strip_prefix('(') {
            return self.call(start, name, after);
        }
        let mut segments = vec![name.to_string()];
        let mut rest = rest;
        while let Some(after) = rest.strip_prefix('.') {
            let Ok((r2, seg)) = ident(after) else {
                return Err(self.err(after, "expected a field name after `.`"));
            };
            segments.push(seg.to_string());
            rest = r2;
        }
        Ok((
            rest,
            Expr {
                span: self.span(start, rest),
                kind: ExprKind::Path(segments),
            },
        ))
    }

    fn call(&mut self, start: &'s str, name: &str, after_paren: &'s str) -> R<'s, Expr> {
        self.enter(start)?;
        let name_span = Span::new(self.off(start), self.off(start) + name.len());
        let mut args = Vec::new();
        let mut r = ws(after_paren);
        if let Some(after) = r.strip_prefix(')') {
            self.depth -= 1;
            return Ok((
                after,
                Expr {
                    span: self.span(start, after),
                    kind: ExprKind::Call(name.to_string(), name_span, args),
                },
            ));
        }
        loop {
            let arg_start = ws(r);
            let (rest, arg) = self.arg(arg_start)?;
            args.push(arg);
            let r2 = ws(rest);
            if let Some(after) = r2.strip_prefix(',') {
                r = after;
            } else if let Some(after) = r2.strip_prefix(')') {
                self.depth -= 1;
                return Ok((
                    after,
                    Expr {
                        span: self.span(start, after),
                        kind: ExprKind::Call(name.to_string(), name_span, args),
                    },
                ));
            } else {
                return Err(self.err(r2, "expected `,` or `)` after an argument"));
            }
        }
    }

    /// An argument: an expression, or `name => expression`.
    fn arg(&mut self, start: &'s str) -> R<'s, Expr> {
        if let Ok((rest, name)) = ident(start) {
            let r = ws(rest);
            if let Some(after) = r.strip_prefix("=>") {
                if KEYWORDS.contains(&name) {
                    return Err(self.err(
                        start,
                        format!("`{name}` is a keyword and cannot name a list element"),
                    ));
                }
                let name_span = Span::new(self.off(start), self.off(rest));
                let (r2, body) = self.expr(after)?;
                return Ok((
                    r2,
                    Expr {
                        span: self.span(start, r2),
                        kind: ExprKind::Lambda(name.to_string(), name_span, Box::new(body)),
                    },
                ));
            }
        }
        self.expr(start)
    }
}

/// A comparison operator at the start of `i` and its length.
fn cmp_op(i: &str) -> Option<(CmpOp, usize)> {
    let two = i.get(..2);
    match two {
        Some("==") => return Some((CmpOp::Eq, 2)),
        Some("!=") => return Some((CmpOp::Ne, 2)),
        Some("<=") => return Some((CmpOp::Le, 2)),
        Some(">=") => return Some((CmpOp::Ge, 2)),
        _ => {}
    }
    match i.chars().next() {
        Some('<') => Some((CmpOp::Lt, 1)),
        Some('>') => Some((CmpOp::Gt, 1)),
        _ => None,
    }
}
