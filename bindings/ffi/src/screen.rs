//! The screening surface: the [`Screener`] object, its assessments and
//! findings, and [`lint_pack`].

use std::sync::Arc;

use chrono::NaiveDate;
use paxscreen_core::edifact::{self, ReadOptions};
use paxscreen_core::indicators::FieldCatalogue;
use paxscreen_core::model::LinkKey;
use paxscreen_core::rules::{self, Channel, Pack, Purpose, RuleSeverity, Weight};
use paxscreen_core::screen::assessment as core;
use paxscreen_core::screen::reconcile::ScreeningInput;
use paxscreen_core::screen::{self as screen, display_lint};
use paxscreen_core::{mrz, paxlst, pnrgov};

use crate::error::{PackError, ScreenError};
use crate::guard::guard;
use crate::manifest::{date, date_time, Severity};
use crate::parse::date_argument;

/// A traveller's status after screening: `Clear < Review < Inhibit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Status {
    /// Nothing calls for action.
    Clear,
    /// A person should look at the findings before the traveller proceeds.
    Review,
    /// A compliance rule says the traveller may not be carried as the data
    /// stands; a person can override.
    Inhibit,
}

impl From<core::Status> for Status {
    fn from(s: core::Status) -> Self {
        match s {
            core::Status::Clear => Status::Clear,
            core::Status::Review => Status::Review,
            core::Status::Inhibit => Status::Inhibit,
        }
    }
}

/// One field and value that triggered a rule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Evidence {
    /// The catalogue field (`document.days_valid_after_arrival`).
    pub field: String,
    /// The value as text (masked when sensitive); `None` when missing.
    pub value: Option<String>,
    /// `api`, `pnr`, `scan` or `derived`.
    pub source: String,
}

/// One rule that fired, explained. Protection findings are referrals:
/// they never change a status.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Finding {
    /// Rule id (`DOC-02a`).
    pub rule: String,
    /// Rule title.
    pub title: String,
    /// Pack id.
    pub pack: String,
    /// Pack version.
    pub pack_version: String,
    /// `compliance`, `facilitation`, `protection` or `data_quality`.
    pub channel: String,
    /// `strong`, `moderate` or `weak`.
    pub weight: String,
    /// `low`, `medium` or `high`.
    pub severity: String,
    /// The status this finding asks for on its own.
    pub status: Status,
    /// A sentence a person can read.
    pub explanation: String,
    /// What would clear it.
    pub clears: String,
    /// Legal basis, as the pack states it.
    pub legal_basis: Option<String>,
    /// Source of the indicator.
    pub indicator_source: Option<String>,
    /// The fields and values that triggered it.
    pub evidence: Vec<Evidence>,
}

fn channel(c: Channel) -> String {
    c.as_str().to_string()
}

fn weight(w: Weight) -> String {
    match w {
        Weight::Strong => "strong",
        Weight::Moderate => "moderate",
        Weight::Weak => "weak",
    }
    .to_string()
}

fn severity(s: RuleSeverity) -> String {
    core::severity_str(s).to_string()
}

impl From<&core::Finding> for Finding {
    fn from(f: &core::Finding) -> Self {
        Finding {
            rule: f.rule.clone(),
            title: f.title.clone(),
            pack: f.pack.clone(),
            pack_version: f.pack_version.clone(),
            channel: channel(f.channel),
            weight: weight(f.weight),
            severity: severity(f.severity),
            status: f.status().into(),
            explanation: f.explanation.clone(),
            clears: f.clears.clone(),
            legal_basis: f.references.legal_basis.clone(),
            indicator_source: f.references.source.clone(),
            evidence: f
                .evidence
                .iter()
                .map(|e| Evidence {
                    field: e.field.clone(),
                    value: match &e.value {
                        core::EvidenceValue::Missing => None,
                        core::EvidenceValue::Bool(b) => Some(b.to_string()),
                        core::EvidenceValue::Number(n) => Some(n.to_string()),
                        core::EvidenceValue::Text(t) => Some(t.clone()),
                    },
                    source: match e.source {
                        core::EvidenceSource::Api => "api",
                        core::EvidenceSource::Pnr => "pnr",
                        core::EvidenceSource::Scan => "scan",
                        core::EvidenceSource::Derived => "derived",
                    }
                    .to_string(),
                })
                .collect(),
        }
    }
}

fn findings(f: &[core::Finding]) -> Vec<Finding> {
    f.iter().map(Finding::from).collect()
}

/// Who an assessment is about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct TravellerSummary {
    /// Identifier within the screening.
    pub id: String,
    /// Surname.
    pub surname: Option<String>,
    /// Given names.
    pub given_names: Option<String>,
    /// Birth date (`YYYY-MM-DD`).
    pub birth_date: Option<String>,
    /// Role (`passenger`, `crew`...).
    pub role: String,
    /// Which sources describe the traveller (`api`, `pnr`, `scan`).
    pub sources: Vec<String>,
}

/// Which flight an assessment is about.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlightSummary {
    /// Carrier.
    pub carrier: Option<String>,
    /// Flight number.
    pub number: Option<String>,
    /// Origin airport.
    pub origin: Option<String>,
    /// Destination airport.
    pub destination: Option<String>,
    /// Local departure (`YYYY-MM-DDTHH:MM:SS`).
    pub departure: Option<String>,
}

impl From<&core::FlightSummary> for FlightSummary {
    fn from(f: &core::FlightSummary) -> Self {
        FlightSummary {
            carrier: f.carrier.clone(),
            number: f.number.clone(),
            origin: f.origin.clone(),
            destination: f.destination.clone(),
            departure: date_time(f.departure),
        }
    }
}

/// Facilitation findings set aside because a protection rule explains
/// them (PRT-04).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Exoneration {
    /// The protection rule.
    pub rule: String,
    /// Why.
    pub explanation: String,
    /// The rule ids suppressed.
    pub suppressed: Vec<String>,
}

/// The result of screening one traveller on one flight.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Assessment {
    /// Who.
    pub traveller: TravellerSummary,
    /// Which flight.
    pub flight: FlightSummary,
    /// `clear`, `review` or `inhibit`: only compliance findings inhibit.
    pub status: Status,
    /// Compliance and facilitation findings.
    pub findings: Vec<Finding>,
    /// Protection referrals (never change the status).
    pub referrals: Vec<Finding>,
    /// Data quality findings.
    pub data_quality: Vec<Finding>,
    /// Set when facilitation findings were suppressed.
    pub exoneration: Option<Exoneration>,
    /// Every rule id that fired (findings, referrals, data quality), sorted.
    pub rule_ids: Vec<String>,
}

impl From<&core::Assessment> for Assessment {
    fn from(a: &core::Assessment) -> Self {
        let mut rule_ids: Vec<String> = a.rule_ids().map(str::to_string).collect();
        rule_ids.sort();
        Assessment {
            traveller: TravellerSummary {
                id: a.traveller.id.clone(),
                surname: a.traveller.surname.clone(),
                given_names: a.traveller.given_names.clone(),
                birth_date: date(a.traveller.birth_date),
                role: a.traveller.role.clone(),
                sources: a
                    .traveller
                    .sources
                    .iter()
                    .map(|s| (*s).to_string())
                    .collect(),
            },
            flight: (&a.flight).into(),
            status: a.status.into(),
            findings: findings(&a.findings),
            referrals: findings(&a.referrals),
            data_quality: findings(&a.data_quality),
            exoneration: a.exoneration.as_ref().map(|x| Exoneration {
                rule: x.rule.to_string(),
                explanation: x.explanation.to_string(),
                suppressed: x.suppressed.clone(),
            }),
            rule_ids,
        }
    }
}

/// A finding about a flight as a whole.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct FlightFinding {
    /// The flight.
    pub flight: FlightSummary,
    /// The finding.
    pub finding: Finding,
}

/// A finding about bookings or an identifier linking them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BookingFinding {
    /// The flight.
    pub flight: FlightSummary,
    /// `card`, `contact`...: what links the bookings.
    pub subject_kind: String,
    /// The subject's identifier (a keyed hash, never the card or contact).
    pub subject_id: String,
    /// The record locators concerned.
    pub bookings: Vec<String>,
    /// The finding.
    pub finding: Finding,
}

/// The result of screening a whole input.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Screening {
    /// One assessment per traveller and flight.
    pub assessments: Vec<Assessment>,
    /// Findings about flights.
    pub flight_findings: Vec<FlightFinding>,
    /// Findings about bookings.
    pub booking_findings: Vec<BookingFinding>,
}

impl From<&screen::Screening> for Screening {
    fn from(s: &screen::Screening) -> Self {
        Screening {
            assessments: s.assessments.iter().map(Assessment::from).collect(),
            flight_findings: s
                .flight_findings
                .iter()
                .map(|f| FlightFinding {
                    flight: (&f.flight).into(),
                    finding: (&f.finding).into(),
                })
                .collect(),
            booking_findings: s
                .booking_findings
                .iter()
                .map(|f| BookingFinding {
                    flight: (&f.flight).into(),
                    subject_kind: f.subject.kind.to_string(),
                    subject_id: f.subject.id.clone(),
                    bookings: f.subject.bookings.clone(),
                    finding: (&f.finding).into(),
                })
                .collect(),
        }
    }
}

/// One finding of the pack linter.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct LintFinding {
    /// `Error` refuses the pack; `Warning` is reported.
    pub severity: Severity,
    /// Stable code (`lint.sensitive-field`...).
    pub code: String,
    /// The rule it is about (`None` for the pack itself).
    pub rule_id: Option<String>,
    /// What is wrong and what to do.
    pub message: String,
    /// 1-based line in the pack file.
    pub line: u32,
    /// 1-based column in the pack file.
    pub column: u32,
    /// The whole finding on one line (`error[code]: rule X, line L, column C: message`).
    pub display: String,
}

impl From<&rules::LintFinding> for LintFinding {
    fn from(f: &rules::LintFinding) -> Self {
        LintFinding {
            severity: f.severity.into(),
            code: f.code.to_string(),
            rule_id: f.rule_id.clone(),
            message: f.message.clone(),
            line: f.line,
            column: f.column,
            display: display_lint(f).to_string(),
        }
    }
}

fn purpose_argument(purpose: &str) -> Result<Purpose, String> {
    Purpose::parse(purpose).ok_or_else(|| {
        format!(
            "argument `purpose`: {purpose:?} is not a purpose (carrier, border-api, pnr-serious-crime, protection)"
        )
    })
}

fn today(value: Option<&str>) -> Result<NaiveDate, String> {
    Ok(date_argument("today", value)?.unwrap_or_else(|| chrono::Local::now().date_naive()))
}

/// Lints a rule pack (TOML text) for a deployment purpose (`carrier`,
/// `border-api`, `pnr-serious-crime`, `protection`), with `today`
/// (`YYYY-MM-DD`, default the current date) as the reference for its review
/// deadline. Returns every finding; a pack with an `Error` finding would be
/// refused by [`Screener::new`]. A pack that does not load at all is a
/// [`PackError::Invalid`] listing every error with its line and column.
#[uniffi::export(default(today = None))]
pub fn lint_pack(
    pack_toml: String,
    purpose: String,
    today: Option<String>,
) -> Result<Vec<LintFinding>, PackError> {
    guard(
        || {
            let purpose = purpose_argument(&purpose).map_err(PackError::InvalidArgument)?;
            let today = self::today(today.as_deref()).map_err(PackError::InvalidArgument)?;
            let pack = Pack::from_toml(&pack_toml, &FieldCatalogue).map_err(|errors| {
                PackError::Invalid(screen::ScreenerError::Load(errors).to_string())
            })?;
            Ok(rules::lint(&pack, &FieldCatalogue, purpose, today)
                .iter()
                .map(LintFinding::from)
                .collect())
        },
        PackError::Internal,
    )
}

/// The embedded default pack for a purpose (TOML text), if there is one.
#[uniffi::export]
pub fn default_pack(purpose: String) -> Option<String> {
    Purpose::parse(&purpose)
        .and_then(screen::default_pack)
        .map(str::to_string)
}

/// A linted, compiled rule pack, ready to screen. Build it once and share
/// it: it is immutable, safe to call from many threads at once.
#[derive(Debug, uniffi::Object)]
pub struct Screener {
    inner: screen::Screener,
    link_key: LinkKey,
    reference_date: Option<NaiveDate>,
}

/// Reads one input: MRZ text when it has no EDIFACT segment terminator,
/// else every PAXLST and PNRGOV message in it (the readers' own mapping).
fn read_input(
    bytes: &[u8],
    number: usize,
    reference_date: Option<NaiveDate>,
    link_key: &LinkKey,
    input: &mut ScreeningInput,
) -> Result<(), ScreenError> {
    let unreadable = |reason: String| ScreenError::Unreadable(format!("input {number}: {reason}"));
    if !bytes.contains(&b'\'') {
        let text = String::from_utf8_lossy(bytes);
        let today = reference_date.unwrap_or_else(|| chrono::Local::now().date_naive());
        let scan = mrz::parse_text(&text, today)
            .map_err(|e| unreadable(format!("{}: {} (read as MRZ lines)", e.position, e.kind)))?;
        input.scans.push(scan);
        return Ok(());
    }
    let t = edifact::read(bytes, ReadOptions::default())
        .map_err(|e| unreadable(format!("{}: {} [{}]", e.position, e.kind, e.kind.code())))?;
    let manifests = paxlst::map_transmission(
        bytes,
        &t,
        &paxlst::Options {
            strict: false,
            reference_date,
        },
    )
    .manifests;
    let bookings = pnrgov::map_transmission(
        bytes,
        &t,
        &pnrgov::Options {
            strict: false,
            reference_date,
            link_key: Some(link_key.clone()),
        },
    )
    .bookings;
    if manifests.is_empty() && bookings.is_empty() {
        return Err(unreadable(
            "the input holds no PAXLST or PNRGOV message".to_string(),
        ));
    }
    input.manifests.extend(manifests);
    input.bookings.extend(bookings);
    Ok(())
}

#[uniffi::export]
impl Screener {
    /// Builds a screener for a purpose (`carrier`, `border-api`,
    /// `pnr-serious-crime`, `protection`) from a rule pack (TOML text;
    /// `None` for the embedded default pack of the purpose). The pack is linted
    /// with `today` (`YYYY-MM-DD`, default the current date) as the
    /// reference for its review deadline and refused when the linter says
    /// so. `today` is also the reference date for two-digit years and MRZ
    /// dates of the inputs. `link_key` keys the hashes that link cards and
    /// contacts across bookings (a random per-process key when `None`: pass
    /// your own secret to compare results across processes).
    #[uniffi::constructor(default(pack_toml = None, today = None, link_key = None))]
    pub fn new(
        purpose: String,
        pack_toml: Option<String>,
        today: Option<String>,
        link_key: Option<Vec<u8>>,
    ) -> Result<Arc<Self>, PackError> {
        guard(
            || {
                let purpose = purpose_argument(&purpose).map_err(PackError::InvalidArgument)?;
                let reference_date =
                    date_argument("today", today.as_deref()).map_err(PackError::InvalidArgument)?;
                let day = reference_date.unwrap_or_else(|| chrono::Local::now().date_naive());
                let inner = match &pack_toml {
                    Some(text) => screen::Screener::new(text, purpose, day),
                    None => screen::Screener::embedded(purpose, day),
                }
                .map_err(|e| match e {
                    screen::ScreenerError::Refused(_) => PackError::Refused(e.to_string()),
                    _ => PackError::Invalid(e.to_string()),
                })?;
                let link_key = match &link_key {
                    Some(k) => LinkKey::new(k),
                    None => LinkKey::process().clone(),
                };
                Ok(Arc::new(Screener {
                    inner,
                    link_key,
                    reference_date,
                }))
            },
            PackError::Internal,
        )
    }

    /// The purpose it screens for.
    pub fn purpose(&self) -> String {
        self.inner.purpose().as_str().to_string()
    }

    /// The pack's id.
    pub fn pack_id(&self) -> String {
        self.inner.pack().id.clone()
    }

    /// The pack's version.
    pub fn pack_version(&self) -> String {
        self.inner.pack().version.clone()
    }

    /// Lint warnings of the pack (an overdue review...).
    pub fn warnings(&self) -> Vec<LintFinding> {
        self.inner
            .warnings()
            .iter()
            .map(LintFinding::from)
            .collect()
    }

    /// Screens several inputs together as one (a manifest and the PNR push
    /// of its flight are joined; MRZ text is matched to its traveller):
    /// each input is PAXLST and/or PNRGOV EDIFACT, or MRZ lines.
    pub fn screen_bytes(&self, inputs: Vec<Vec<u8>>) -> Result<Screening, ScreenError> {
        guard(
            || {
                let mut input = ScreeningInput::default();
                for (i, bytes) in inputs.iter().enumerate() {
                    read_input(
                        bytes,
                        i + 1,
                        self.reference_date,
                        &self.link_key,
                        &mut input,
                    )?;
                }
                Ok(Screening::from(&self.inner.screen(&input)))
            },
            ScreenError::Internal,
        )
    }

    /// The check-in path: screens traveller number `traveller` (from 0) of
    /// the first manifest in `manifest` (PAXLST bytes) on its first leg,
    /// with the document scan `mrz_lines` and the first booking of
    /// `booking` (PNRGOV bytes) when the caller has them. Nothing links
    /// this traveller to other bookings.
    #[uniffi::method(default(mrz_lines = None, booking = None))]
    pub fn screen_checkin(
        &self,
        manifest: Vec<u8>,
        traveller: u32,
        mrz_lines: Option<Vec<String>>,
        booking: Option<Vec<u8>>,
    ) -> Result<Assessment, ScreenError> {
        guard(
            || {
                let parsed = paxlst::parse(
                    &manifest,
                    &paxlst::Options {
                        strict: false,
                        reference_date: self.reference_date,
                    },
                )
                .map_err(|e| {
                    ScreenError::Unreadable(format!("manifest: {e} [{}]", e.kind.code()))
                })?;
                let m = parsed.manifests.first().ok_or_else(|| {
                    ScreenError::Unreadable("manifest: no PAXLST message".to_string())
                })?;
                let leg = m.legs.first().ok_or_else(|| {
                    ScreenError::InvalidArgument(
                        "manifest: the manifest has no flight leg (TDT)".to_string(),
                    )
                })?;
                let t = usize::try_from(traveller)
                    .ok()
                    .and_then(|i| m.travellers.get(i))
                    .ok_or_else(|| {
                        ScreenError::InvalidArgument(format!(
                            "argument `traveller`: {traveller} is out of range (the manifest has {} travellers)",
                            m.travellers.len()
                        ))
                    })?;
                let scan = match &mrz_lines {
                    Some(lines) => {
                        let today = self
                            .reference_date
                            .unwrap_or_else(|| chrono::Local::now().date_naive());
                        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                        Some(
                            mrz::parse(&lines, today)
                                .map_err(|e| ScreenError::Unreadable(format!("mrz_lines: {e}")))?,
                        )
                    }
                    None => None,
                };
                let bookings = match &booking {
                    Some(bytes) => {
                        pnrgov::parse(
                            bytes,
                            &pnrgov::Options {
                                strict: false,
                                reference_date: self.reference_date,
                                link_key: Some(self.link_key.clone()),
                            },
                        )
                        .map_err(|e| {
                            ScreenError::Unreadable(format!("booking: {e} [{}]", e.kind.code()))
                        })?
                        .bookings
                    }
                    None => Vec::new(),
                };
                let a = self
                    .inner
                    .screen_checkin(t, leg, bookings.first(), scan.as_ref());
                Ok(Assessment::from(&a))
            },
            ScreenError::Internal,
        )
    }
}
