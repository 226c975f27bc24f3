//! `explain` templates: text with `{field.path}` placeholders, checked
//! against the catalogue when the pack loads and rendered from the facts for
//! a hit (rendering allocates; it only happens for hits).

use std::fmt::Write as _;

use super::catalogue::{Catalogue, Facts, FieldSpec, Type, Value};

/// One piece of a template.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Text(String),
    Field {
        path: String,
        spec: FieldSpec,
        offset: usize,
    },
}

/// A checked template.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    parts: Vec<Part>,
}

/// An error in a template, at a byte offset of the template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl Template {
    /// Parses and checks a template. `{{` and `}}` stand for literal braces.
    pub fn compile(
        source: &str,
        catalogue: &dyn Catalogue,
    ) -> Result<Template, Vec<TemplateError>> {
        let mut parts = Vec::new();
        let mut errors = Vec::new();
        let mut text = String::new();
        let mut rest = source;
        while let Some(k) = rest.find(['{', '}']) {
            text.push_str(&rest[..k]);
            let here = source.len() - rest.len() + k;
            let tail = &rest[k..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                text.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            if let Some(after) = tail.strip_prefix('}') {
                errors.push(TemplateError {
                    offset: here,
                    message: "a `}` without `{` (write `}}` for a brace)".into(),
                });
                rest = after;
                continue;
            }
            let Some(end) = tail.find('}') else {
                errors.push(TemplateError {
                    offset: here,
                    message: "this `{` is not closed".into(),
                });
                rest = "";
                break;
            };
            let path = tail[1..end].trim();
            match catalogue.field(path) {
                Some(spec) if spec.ty.scalar().is_some() => {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Field {
                        path: path.to_string(),
                        spec: *spec,
                        offset: here + 1,
                    });
                }
                Some(_) => errors.push(TemplateError {
                    offset: here + 1,
                    message: format!("`{path}` is a list and cannot be shown in an explanation"),
                }),
                None => errors.push(TemplateError {
                    offset: here + 1,
                    message: format!("unknown field `{path}`"),
                }),
            }
            rest = &tail[end + 1..];
        }
        text.push_str(rest);
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        if errors.is_empty() {
            Ok(Template { parts })
        } else {
            Err(errors)
        }
    }

    /// The fields the template shows, with their byte offsets in the
    /// template text.
    pub fn fields(&self) -> impl Iterator<Item = (&str, &FieldSpec, usize)> {
        self.parts.iter().filter_map(|p| match p {
            Part::Field { path, spec, offset } => Some((path.as_str(), spec, *offset)),
            Part::Text(_) => None,
        })
    }

    /// Renders the template from the facts. A missing value shows as
    /// `(missing)`.
    pub fn render(&self, facts: &dyn Facts) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Field { spec, .. } => write_value(&mut out, &facts.value(spec.id), spec.ty),
            }
        }
        out
    }
}

/// Writes a value as the explanations show it: numbers without a needless
/// `.0`, dates as ISO 8601, durations in the largest whole unit.
pub fn write_value(out: &mut String, v: &Value<'_>, _ty: Type) {
    let _ = match v {
        Value::Missing => write!(out, "(missing)"),
        Value::Bool(b) => write!(out, "{}", if *b { "yes" } else { "no" }),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => write!(out, "{n:.0}"),
        Value::Number(n) => write!(out, "{n}"),
        Value::Text(s) => write!(out, "{s}"),
        Value::Date(d) => write!(out, "{}", d.format("%Y-%m-%d")),
        Value::DateTime(d) => write!(out, "{}", d.format("%Y-%m-%dT%H:%M")),
        Value::Duration(s) => {
            let units = [(604_800, "w"), (86_400, "d"), (3600, "h"), (60, "m")];
            match units.iter().find(|(u, _)| *s != 0 && s % u == 0) {
                Some((u, name)) => write!(out, "{}{name}", s / u),
                None => write!(out, "{s}s"),
            }
        }
    };
}
