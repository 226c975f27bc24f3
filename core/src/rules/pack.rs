//! Rule packs: the TOML file, its loader and the compiled [`Pack`].

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::catalogue::{Catalogue, Facts, Weight};
use super::compile::Condition;
use super::explain::Template;
use super::parser::ConditionLimits;
use crate::model::LineIndex;

/// Limits on what [`Pack::from_toml_with`] accepts. Build it from the
/// defaults (`PackLimits { max_pack_bytes: 1 << 20, ..PackLimits::default() }`)
/// so that a field added later keeps your code compiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackLimits {
    /// The largest pack file, in bytes; a larger one is a `rules.pack`
    /// error before it is parsed. Default [`PackLimits::DEFAULT_MAX_PACK_BYTES`]
    /// (4 MiB): the shipped packs are under 40 KB, a pack of a thousand
    /// rules under 1 MB.
    pub max_pack_bytes: usize,
    /// Limits on each rule's `when` (length, nesting, depth).
    pub condition: ConditionLimits,
}

impl PackLimits {
    /// The default [`PackLimits::max_pack_bytes`]: 4 MiB.
    pub const DEFAULT_MAX_PACK_BYTES: usize = 4 * 1024 * 1024;
}

impl Default for PackLimits {
    fn default() -> Self {
        PackLimits {
            max_pack_bytes: Self::DEFAULT_MAX_PACK_BYTES,
            condition: ConditionLimits::default(),
        }
    }
}

/// The channel of a rule: who acts on a hit and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Document validity the carrier must enforce; the only channel that may inhibit.
    Compliance,
    /// Signals of smuggling or its facilitators: always for human review.
    Facilitation,
    /// A traveller who may need help: a referral, never a status change.
    Protection,
    /// Data completeness and plausibility.
    DataQuality,
}

impl Channel {
    /// The name used in packs.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Compliance => "compliance",
            Channel::Facilitation => "facilitation",
            Channel::Protection => "protection",
            Channel::DataQuality => "data_quality",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "compliance" => Channel::Compliance,
            "facilitation" => Channel::Facilitation,
            "protection" => Channel::Protection,
            "data_quality" => Channel::DataQuality,
            _ => return None,
        })
    }
}

/// What a pack is for; decides which channels its rules may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// A carrier checking its own passengers: compliance, data quality, protection.
    Carrier,
    /// A border agency on API data: adds facilitation.
    BorderApi,
    /// A passenger information unit on PNR for serious crime: facilitation
    /// aimed at facilitators (every rule names an offence), and protection.
    PnrSeriousCrime,
    /// Protection referrals only.
    Protection,
}

impl Purpose {
    /// The name used in packs.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Carrier => "carrier",
            Purpose::BorderApi => "border-api",
            Purpose::PnrSeriousCrime => "pnr-serious-crime",
            Purpose::Protection => "protection",
        }
    }

    /// Parses a purpose name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "carrier" => Purpose::Carrier,
            "border-api" => Purpose::BorderApi,
            "pnr-serious-crime" => Purpose::PnrSeriousCrime,
            "protection" => Purpose::Protection,
            _ => return None,
        })
    }

    /// The channels this purpose allows.
    pub fn allows(self, channel: Channel) -> bool {
        use Channel::{Compliance, DataQuality, Facilitation, Protection};
        match self {
            Purpose::Carrier => matches!(channel, Compliance | DataQuality | Protection),
            Purpose::BorderApi => matches!(
                channel,
                Compliance | DataQuality | Protection | Facilitation
            ),
            Purpose::PnrSeriousCrime => matches!(channel, Facilitation | Protection),
            Purpose::Protection => channel == Protection,
        }
    }
}

/// How serious a hit of a rule is, for ordering the review queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleSeverity {
    /// `low`
    Low,
    /// `medium`
    Medium,
    /// `high`
    High,
}

/// Where a rule's indicator and legal basis come from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    /// The legal basis (e.g. "Dir. 2004/82/EC Art. 3").
    pub legal_basis: Option<String>,
    /// The source of the indicator (e.g. "indicators.md DOC-02").
    pub source: Option<String>,
}

/// One compiled rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Unique id in the pack (`DOC-02`).
    pub id: String,
    /// One line for people.
    pub title: String,
    /// Indicator family (`DOC`, `ITN` ...).
    pub family: String,
    /// Its channel.
    pub channel: Channel,
    /// Its declared weight.
    pub weight: Weight,
    /// How serious a hit is.
    pub severity: RuleSeverity,
    /// The compiled `when`.
    pub condition: Condition,
    /// The compiled `explain`.
    pub explain: Template,
    /// What would clear the hit.
    pub clears: String,
    /// The Annex II offence it serves (required for `pnr-serious-crime`).
    pub offence: Option<String>,
    /// Legal basis and source.
    pub references: References,
    pub(crate) id_offset: usize,
    pub(crate) when_base: Option<usize>,
    pub(crate) explain_base: Option<usize>,
}

impl Rule {
    /// Whether the rule fires for these facts (its condition is definitely true).
    pub fn fires(&self, facts: &dyn Facts) -> bool {
        self.condition.fires(facts)
    }

    /// The explanation of a hit, rendered from the facts.
    pub fn explain(&self, facts: &dyn Facts) -> String {
        self.explain.render(facts)
    }
}

/// A loaded, compiled rule pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Declared purpose.
    pub purpose: Purpose,
    /// Who answers for it.
    pub owner: String,
    /// When it must be reviewed again.
    pub review_by: NaiveDate,
    /// The rules, in file order (duplicates are kept: the linter reports them).
    pub rules: Vec<Rule>,
    pub(crate) lines: LineIndex,
    pub(crate) review_offset: usize,
}

impl Pack {
    /// Loads and compiles a pack from TOML, within the default
    /// [`PackLimits`]. Returns every error found.
    pub fn from_toml(source: &str, catalogue: &dyn Catalogue) -> Result<Pack, Vec<RuleError>> {
        load(source, catalogue, &PackLimits::default())
    }

    /// [`Pack::from_toml`] within `limits` (file size, and the length,
    /// nesting and depth of each condition).
    pub fn from_toml_with(
        source: &str,
        catalogue: &dyn Catalogue,
        limits: &PackLimits,
    ) -> Result<Pack, Vec<RuleError>> {
        load(source, catalogue, limits)
    }

    /// The rules that fire for these facts.
    pub fn hits<'p>(&'p self, facts: &'p dyn Facts) -> impl Iterator<Item = &'p Rule> + 'p {
        self.rules.iter().filter(move |r| r.fires(facts))
    }

    /// Line and column in the pack file of a byte offset of the file.
    pub(crate) fn line_column(&self, offset: usize) -> (u32, u32) {
        self.lines.line_column(offset)
    }

    /// Line and column in the pack file of a byte offset within a rule's
    /// condition (falls back to the rule id when the condition could not be
    /// mapped, e.g. it has escapes).
    pub(crate) fn condition_position(&self, rule: &Rule, offset: usize) -> (u32, u32) {
        match rule.when_base {
            Some(b) => self.line_column(b + offset),
            None => self.line_column(rule.id_offset),
        }
    }

    /// Same for an offset within a rule's `explain`.
    pub(crate) fn explain_position(&self, rule: &Rule, offset: usize) -> (u32, u32) {
        match rule.explain_base {
            Some(b) => self.line_column(b + offset),
            None => self.line_column(rule.id_offset),
        }
    }
}

/// An error found while loading a pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RuleError {
    /// `rules.toml`, `rules.pack`, `rules.parse`, `rules.type` or `rules.explain`.
    pub code: &'static str,
    /// The rule it is about, if any.
    pub rule_id: Option<String>,
    /// What is wrong.
    pub message: String,
    /// 1-based line: in the pack file when the position could be mapped
    /// there, else within the condition.
    pub line: u32,
    /// 1-based column (bytes), on the same terms as `line`.
    pub column: u32,
    /// Whether `line`/`column` are positions in the pack file.
    pub in_pack: bool,
    /// For condition and template errors: the 1-based line and column
    /// within the condition (or template) text.
    pub local: Option<(u32, u32)>,
    /// The line of the condition (or template) the error is on, for display.
    pub snippet: Option<String>,
    /// Where the caret goes under `snippet`, in characters from its start.
    pub caret: usize,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error[{}]: ", self.code)?;
        if let Some(id) = &self.rule_id {
            write!(f, "rule {id}, ")?;
        }
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )?;
        if let Some(s) = &self.snippet {
            write!(f, "\n  {s}\n  {}^", " ".repeat(self.caret))?;
        }
        Ok(())
    }
}

/// Builds an error about a byte offset in a piece of text (a condition or a
/// template) that sits at `base` in the pack file when known.
fn local_error(
    code: &'static str,
    rule_id: &str,
    message: String,
    text: &str,
    offset: usize,
    base: Option<usize>,
    lines: &LineIndex,
) -> RuleError {
    let offset = offset.min(text.len());
    let local_index = LineIndex::new(text.as_bytes());
    let (cl, cc) = local_index.line_column(offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |k| offset + k);
    let snippet = text
        .get(line_start..line_end)
        .unwrap_or("")
        .trim_end_matches('\r')
        .to_string();
    let caret = text
        .get(line_start..offset)
        .map_or(0, |s| s.chars().count());
    let (line, column, in_pack) = match base {
        Some(b) => {
            let (l, c) = lines.line_column(b + offset);
            (l, c, true)
        }
        None => (cl, cc, false),
    };
    RuleError {
        code,
        rule_id: Some(rule_id.to_string()),
        message,
        line,
        column,
        in_pack,
        local: Some((cl, cc)),
        snippet: Some(snippet),
        caret,
    }
}

fn file_error(
    code: &'static str,
    rule_id: Option<&str>,
    message: String,
    offset: usize,
    lines: &LineIndex,
) -> RuleError {
    let (line, column) = lines.line_column(offset);
    RuleError {
        code,
        rule_id: rule_id.map(str::to_string),
        message,
        line,
        column,
        in_pack: true,
        local: None,
        snippet: None,
        caret: 0,
    }
}

/// The byte offset in `src` where the content of the TOML string at `span`
/// starts, when the content maps one to one onto the value (no escapes).
fn content_base(src: &str, span: &Range<usize>, value: &str) -> Option<usize> {
    let raw = src.get(span.clone())?;
    for delim in ["\"\"\"", "'''", "\"", "'"] {
        let n = delim.len();
        if raw.len() >= 2 * n && raw.starts_with(delim) && raw.ends_with(delim) {
            let mut start = span.start + n;
            let mut inner = &raw[n..raw.len() - n];
            if n == 3 {
                if let Some(s) = inner
                    .strip_prefix("\r\n")
                    .or_else(|| inner.strip_prefix('\n'))
                {
                    start += inner.len() - s.len();
                    inner = s;
                }
            }
            return (inner == value).then_some(start);
        }
    }
    None
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    pack: Option<Spanned<RawMeta>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: Option<String>,
    version: Option<String>,
    purpose: Option<Spanned<String>>,
    owner: Option<String>,
    review_by: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Option<Spanned<String>>,
    title: Option<String>,
    family: Option<String>,
    channel: Option<Spanned<String>>,
    weight: Option<Spanned<String>>,
    severity: Option<Spanned<String>>,
    when: Option<Spanned<String>>,
    explain: Option<Spanned<String>>,
    clears: Option<String>,
    offence: Option<String>,
    references: Option<References>,
}

fn load(
    source: &str,
    catalogue: &dyn Catalogue,
    limits: &PackLimits,
) -> Result<Pack, Vec<RuleError>> {
    if source.len() > limits.max_pack_bytes {
        return Err(vec![RuleError {
            code: "rules.pack",
            rule_id: None,
            message: format!(
                "the pack is {} bytes long, over the limit of {} bytes (PackLimits::max_pack_bytes)",
                source.len(),
                limits.max_pack_bytes
            ),
            line: 1,
            column: 1,
            in_pack: true,
            local: None,
            snippet: None,
            caret: 0,
        }]);
    }
    let lines = LineIndex::new(source.as_bytes());
    let raw: RawFile = toml::from_str(source).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![file_error(
            "rules.toml",
            None,
            e.message().to_string(),
            offset,
            &lines,
        )]
    })?;
    let mut errors = Vec::new();
    let Some(meta) = raw.pack else {
        return Err(vec![file_error(
            "rules.pack",
            None,
            "the pack has no [pack] table".into(),
            0,
            &lines,
        )]);
    };
    let meta_offset = meta.span().start;
    let meta = meta.into_inner();
    let need = |v: Option<String>, name: &str, errors: &mut Vec<RuleError>| {
        v.unwrap_or_else(|| {
            errors.push(file_error(
                "rules.pack",
                None,
                format!("[pack] has no `{name}`"),
                meta_offset,
                &lines,
            ));
            String::new()
        })
    };
    let id = need(meta.id, "id", &mut errors);
    let version = need(meta.version, "version", &mut errors);
    let owner = need(meta.owner, "owner", &mut errors);
    let purpose = match &meta.purpose {
        Some(p) => Purpose::parse(p.get_ref()).unwrap_or_else(|| {
            errors.push(file_error(
                "rules.pack",
                None,
                "unknown purpose (known: carrier, border-api, pnr-serious-crime, protection)"
                    .into(),
                p.span().start,
                &lines,
            ));
            Purpose::Protection
        }),
        None => {
            errors.push(file_error(
                "rules.pack",
                None,
                "[pack] has no `purpose`".into(),
                meta_offset,
                &lines,
            ));
            Purpose::Protection
        }
    };
    let (review_by, review_offset) = match &meta.review_by {
        Some(v) => {
            let date = match v.get_ref() {
                toml::Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
                toml::Value::Datetime(d) => d.date.filter(|_| d.time.is_none()).and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                }),
                _ => None,
            };
            let date = date.unwrap_or_else(|| {
                errors.push(file_error(
                    "rules.pack",
                    None,
                    "`review_by` must be a date (2026-12-31)".into(),
                    v.span().start,
                    &lines,
                ));
                NaiveDate::MIN
            });
            (date, v.span().start)
        }
        None => {
            errors.push(file_error(
                "rules.pack",
                None,
                "[pack] has no `review_by`".into(),
                meta_offset,
                &lines,
            ));
            (NaiveDate::MIN, meta_offset)
        }
    };

    let mut rules = Vec::with_capacity(raw.rule.len());
    for (k, r) in raw.rule.into_iter().enumerate() {
        let rule_offset = r.span().start;
        let r = r.into_inner();
        let (rule_id, id_offset) = match &r.id {
            Some(i) => (i.get_ref().clone(), i.span().start),
            None => {
                errors.push(file_error(
                    "rules.pack",
                    None,
                    format!("rule number {} has no `id`", k + 1),
                    rule_offset,
                    &lines,
                ));
                (format!("#{}", k + 1), rule_offset)
            }
        };
        let before = errors.len();
        let missing = |name: &str, errors: &mut Vec<RuleError>| {
            errors.push(file_error(
                "rules.pack",
                Some(&rule_id),
                format!("the rule has no `{name}`"),
                id_offset,
                &lines,
            ));
        };
        let title = r.title.unwrap_or_else(|| {
            missing("title", &mut errors);
            String::new()
        });
        let family = r.family.unwrap_or_else(|| {
            missing("family", &mut errors);
            String::new()
        });
        let clears = r.clears.unwrap_or_else(|| {
            missing("clears", &mut errors);
            String::new()
        });
        let enum_field = |v: &Option<Spanned<String>>,
                          name: &str,
                          errors: &mut Vec<RuleError>|
         -> Option<String> {
            match v {
                Some(s) => Some(s.get_ref().clone()),
                None => {
                    errors.push(file_error(
                        "rules.pack",
                        Some(&rule_id),
                        format!("the rule has no `{name}`"),
                        id_offset,
                        &lines,
                    ));
                    None
                }
            }
        };
        let channel = enum_field(&r.channel, "channel", &mut errors).and_then(|s| {
            Channel::parse(&s).or_else(|| {
                let at = r.channel.as_ref().map_or(id_offset, |c| c.span().start);
                errors.push(file_error(
                    "rules.pack",
                    Some(&rule_id),
                    "unknown channel (known: compliance, facilitation, protection, data_quality)"
                        .into(),
                    at,
                    &lines,
                ));
                None
            })
        });
        let weight = enum_field(&r.weight, "weight", &mut errors).and_then(|s| {
            let w = match s.as_str() {
                "strong" => Some(Weight::Strong),
                "moderate" => Some(Weight::Moderate),
                "weak" => Some(Weight::Weak),
                _ => None,
            };
            if w.is_none() {
                let at = r.weight.as_ref().map_or(id_offset, |c| c.span().start);
                errors.push(file_error(
                    "rules.pack",
                    Some(&rule_id),
                    "unknown weight (known: strong, moderate, weak)".into(),
                    at,
                    &lines,
                ));
            }
            w
        });
        let severity = enum_field(&r.severity, "severity", &mut errors).and_then(|s| {
            let v = match s.as_str() {
                "low" => Some(RuleSeverity::Low),
                "medium" => Some(RuleSeverity::Medium),
                "high" => Some(RuleSeverity::High),
                _ => None,
            };
            if v.is_none() {
                let at = r.severity.as_ref().map_or(id_offset, |c| c.span().start);
                errors.push(file_error(
                    "rules.pack",
                    Some(&rule_id),
                    "unknown severity (known: low, medium, high)".into(),
                    at,
                    &lines,
                ));
            }
            v
        });
        let (condition, when_base) = match &r.when {
            Some(w) => {
                let text = w.get_ref();
                let base = content_base(source, &w.span(), text);
                match Condition::compile_with(text, catalogue, &limits.condition) {
                    Ok(c) => (Some(c), base),
                    Err(es) => {
                        for e in es {
                            errors.push(local_error(
                                e.code, &rule_id, e.message, text, e.offset, base, &lines,
                            ));
                        }
                        (None, base)
                    }
                }
            }
            None => {
                missing("when", &mut errors);
                (None, None)
            }
        };
        let (explain, explain_base) = match &r.explain {
            Some(x) => {
                let text = x.get_ref();
                let base = content_base(source, &x.span(), text);
                match Template::compile(text, catalogue) {
                    Ok(t) => (Some(t), base),
                    Err(es) => {
                        for e in es {
                            errors.push(local_error(
                                "rules.explain",
                                &rule_id,
                                e.message,
                                text,
                                e.offset,
                                base,
                                &lines,
                            ));
                        }
                        (None, base)
                    }
                }
            }
            None => {
                missing("explain", &mut errors);
                (None, None)
            }
        };
        if errors.len() != before {
            continue;
        }
        if let (Some(channel), Some(weight), Some(severity), Some(condition), Some(explain)) =
            (channel, weight, severity, condition, explain)
        {
            rules.push(Rule {
                id: rule_id,
                title,
                family,
                channel,
                weight,
                severity,
                condition,
                explain,
                clears,
                offence: r.offence,
                references: r.references.unwrap_or_default(),
                id_offset,
                when_base,
                explain_base,
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Pack {
        id,
        version,
        purpose,
        owner,
        review_by,
        rules,
        lines,
        review_offset,
    })
}
