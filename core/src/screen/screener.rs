//! The [`Screener`]: a linted, compiled rule pack applied to travellers.

use std::fmt;

use ahash::AHashMap;
use chrono::NaiveDate;
use rayon::prelude::*;

use super::assessment::{
    mask_document_number, Assessment, BookingFinding, BookingSubject, Evidence, EvidenceSource,
    EvidenceValue, Finding, FindingReferences, FlightFinding, FlightSummary, TravellerSummary,
};
use super::reconcile::{
    api_names, booking_identity, reconcile_with, FlightCase, FlightKey, InputIndex, ScreeningInput,
    TravellerView,
};
use crate::indicators::{compute_into, Field, FieldCatalogue, FlightContext, TravellerFacts};
use crate::model::booking::Booking;
use crate::model::{DocumentScan, Leg, Manifest, Traveller};
use crate::rules::{
    lint, Channel, Facts, LintFinding, Pack, Purpose, Rule, RuleError, RuleSeverity, Value, Weight,
};

/// The embedded default pack for carriers (`core/packs/carrier.toml`).
pub const CARRIER_PACK: &str = include_str!("../../packs/carrier.toml");

/// The embedded default pack for border agencies on API data
/// (`core/packs/border-api.toml`).
pub const BORDER_API_PACK: &str = include_str!("../../packs/border-api.toml");

/// The embedded default pack for a purpose, if there is one.
#[must_use]
pub fn default_pack(purpose: Purpose) -> Option<&'static str> {
    match purpose {
        Purpose::Carrier => Some(CARRIER_PACK),
        Purpose::BorderApi => Some(BORDER_API_PACK),
        Purpose::PnrSeriousCrime | Purpose::Protection => None,
    }
}

/// Why a [`Screener`] could not be built. Every variant carries the
/// positions (line and column in the pack file) of what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScreenerError {
    /// The pack could not be loaded (TOML, conditions, templates).
    #[error("the rule pack could not be loaded:\n{}", join_lines(.0))]
    Load(Vec<RuleError>),
    /// The linter refuses the pack for this purpose.
    #[error("the rule pack is refused by the linter:\n{}", join_lint(.0))]
    Refused(Vec<LintFinding>),
    /// No pack is embedded for this purpose.
    #[error("no default rule pack is embedded for purpose `{0}`; give one")]
    NoDefaultPack(&'static str),
}

fn join_lines(errors: &[RuleError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn join_lint(findings: &[LintFinding]) -> String {
    findings
        .iter()
        .map(|f| display_lint(f).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Shows a lint finding as `error[lint.weak-only]: rule X, line 3, column 8: message`.
#[must_use]
pub fn display_lint(f: &LintFinding) -> impl fmt::Display + '_ {
    struct Show<'a>(&'a LintFinding);
    impl fmt::Display for Show<'_> {
        fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
            let f = self.0;
            let level = match f.severity {
                crate::Severity::Error => "error",
                crate::Severity::Warning => "warning",
                crate::Severity::Info => "info",
            };
            write!(out, "{level}[{}]: ", f.code)?;
            if let Some(id) = &f.rule_id {
                write!(out, "rule {id}, ")?;
            }
            write!(out, "line {}, column {}: {}", f.line, f.column, f.message)
        }
    }
    Show(f)
}

/// Which subject a rule's hits belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// The traveller.
    Traveller,
    /// The payment card that links bookings (`booking.card_shared_bookings`).
    Card,
    /// The contact that links bookings (`booking.contact_shared_bookings`).
    Contact,
}

/// A compiled, linted rule pack, ready to screen. Built once; `Send +
/// Sync`, so one screener serves every thread.
///
/// Three ways in, one per user:
/// - [`Screener::screen_checkin`]: one passenger inside a check-in
///   transaction (no input-wide machinery);
/// - [`Screener::screen`]: a manifest and the PNR push for its flight (or
///   any [`ScreeningInput`]);
/// - [`Screener::screen_parallel`] and [`Screener::screen_batch`]: many
///   flights or many inputs on every core, output in input order.
#[derive(Debug, Clone)]
pub struct Screener {
    pack: Pack,
    purpose: Purpose,
    warnings: Vec<LintFinding>,
    subjects: Vec<Subject>,
    show_links: bool,
}

/// The result of screening one [`ScreeningInput`].
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Screening {
    /// One assessment per traveller and flight, flights in the order they
    /// first appear in the input, travellers in input order.
    pub assessments: Vec<Assessment>,
    /// Findings about a flight as a whole (a manifest whose declared counts
    /// are off).
    pub flight_findings: Vec<FlightFinding>,
    /// Findings about bookings or identifiers linking them (one card paying
    /// several unrelated bookings).
    pub booking_findings: Vec<BookingFinding>,
}

/// Id and version of the screener's own flight-level checks.
pub const BUILTIN_PACK: &str = "paxscreen-builtin";

impl Screener {
    /// Loads a pack from TOML for a purpose, lints it with `today` as the
    /// reference date for its review deadline, and refuses it when the
    /// linter does. Lint warnings are kept ([`Screener::warnings`]).
    ///
    /// # Errors
    /// [`ScreenerError::Load`] when the pack does not load,
    /// [`ScreenerError::Refused`] when the linter refuses it.
    pub fn new(pack_toml: &str, purpose: Purpose, today: NaiveDate) -> Result<Self, ScreenerError> {
        let pack = Pack::from_toml(pack_toml, &FieldCatalogue).map_err(ScreenerError::Load)?;
        Screener::from_pack(pack, purpose, today)
    }

    /// The screener of the embedded default pack for a purpose.
    ///
    /// # Errors
    /// [`ScreenerError::NoDefaultPack`] for purposes without one.
    pub fn embedded(purpose: Purpose, today: NaiveDate) -> Result<Self, ScreenerError> {
        let text = default_pack(purpose).ok_or(ScreenerError::NoDefaultPack(purpose.as_str()))?;
        Screener::new(text, purpose, today)
    }

    /// Lints an already compiled pack and builds the screener.
    ///
    /// # Errors
    /// [`ScreenerError::Refused`] when the linter refuses it.
    pub fn from_pack(
        pack: Pack,
        purpose: Purpose,
        today: NaiveDate,
    ) -> Result<Self, ScreenerError> {
        let findings = lint(&pack, &FieldCatalogue, purpose, today);
        if crate::rules::lint::refuses(&findings) {
            return Err(ScreenerError::Refused(findings));
        }
        let subjects = pack.rules.iter().map(subject_of).collect();
        Ok(Screener {
            pack,
            purpose,
            warnings: findings,
            subjects,
            show_links: false,
        })
    }

    /// Whether booking findings show the keyed link hash of the identifier
    /// the bookings share (`subject.link` and the `card.link`,
    /// `phone.link` or `email.link` evidence). Off by default: turn it on
    /// only when the bookings were read with the caller's own key
    /// ([`crate::pnrgov::Options::link_key`]); with the per-process random
    /// key the hashes change from run to run, and the output would not be
    /// the same for the same input.
    #[must_use]
    pub fn show_link_hashes(mut self, show: bool) -> Self {
        self.show_links = show;
        self
    }

    /// The pack.
    #[must_use]
    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// The purpose it screens for.
    #[must_use]
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// Lint warnings of the pack (for example an overdue review).
    #[must_use]
    pub fn warnings(&self) -> &[LintFinding] {
        &self.warnings
    }

    /// Screens one API traveller on one leg, with their booking and a
    /// document scan when the caller has them: the check-in path. Builds no
    /// input-wide index (so nothing links this traveller to other
    /// bookings) and allocates only for the assessment.
    #[must_use]
    pub fn screen_checkin(
        &self,
        traveller: &Traveller,
        leg: &Leg,
        booking: Option<&Booking>,
        scan: Option<&DocumentScan>,
    ) -> Assessment {
        let mut case = FlightCase::new(FlightKey::new(
            leg.carrier.as_deref(),
            leg.flight_number.as_deref(),
            leg.departure.scheduled,
        ));
        case.origin = leg.departure.airport.as_deref();
        case.destination = leg.arrival.airport.as_deref();
        case.departure = leg.departure.scheduled;
        case.arrival = leg.arrival.scheduled;
        let view = TravellerView::single(
            0,
            0,
            traveller,
            booking.map(|b| (0, b)),
            scan.map(|s| (0, s)),
        );
        let index = InputIndex::empty();
        let flight = flight_summary(&case);
        let mut facts = TravellerFacts::new();
        compute_into(&view, &case, &index, FlightContext::new(&case), &mut facts);
        self.assess(&view, &facts, flight, &mut |_, _| {})
    }

    /// Screens a whole input (manifests, PNR pushes, scans) on this thread.
    #[must_use]
    pub fn screen(&self, input: &ScreeningInput) -> Screening {
        let names = api_names(input);
        let index = InputIndex::build_with(input, &names);
        let cases = reconcile_with(input, names);
        let links = self.link_index(input);
        let parts: Vec<Screening> = cases
            .iter()
            .map(|case| self.screen_case(input, case, &index, &links))
            .collect();
        self.finish(input, parts)
    }

    /// Screens a whole input with its flights spread over every core
    /// (rayon); the result is the same as [`Screener::screen`]'s.
    #[must_use]
    pub fn screen_parallel(&self, input: &ScreeningInput) -> Screening {
        let names = api_names(input);
        let index = InputIndex::build_with(input, &names);
        let cases = reconcile_with(input, names);
        let links = self.link_index(input);
        let parts: Vec<Screening> = cases
            .par_iter()
            .map(|case| self.screen_case(input, case, &index, &links))
            .collect();
        self.finish(input, parts)
    }

    /// Screens many independent inputs on every core; results in input
    /// order.
    #[must_use]
    pub fn screen_batch(&self, inputs: &[ScreeningInput]) -> Vec<Screening> {
        inputs.par_iter().map(|i| self.screen(i)).collect()
    }

    fn finish(&self, input: &ScreeningInput, parts: Vec<Screening>) -> Screening {
        let mut out = Screening::default();
        for p in parts {
            join(&mut out.assessments, p.assessments);
            join(&mut out.flight_findings, p.flight_findings);
            join(&mut out.booking_findings, p.booking_findings);
        }
        if self.purpose.allows(Channel::DataQuality) {
            for m in &input.manifests {
                if let Some(f) = self.declared_count_finding(m) {
                    out.flight_findings.push(f);
                }
            }
        }
        out
    }

    fn screen_case(
        &self,
        input: &ScreeningInput,
        case: &FlightCase<'_>,
        index: &InputIndex,
        links: &LinkIndex<'_>,
    ) -> Screening {
        let flight = flight_summary(case);
        let values = FlightContext::new(case);
        // Reused from traveller to traveller (reset by `compute_into`).
        let mut facts = TravellerFacts::new();
        let mut out = Screening::default();
        out.assessments.reserve_exact(case.travellers.len());
        // (rule index, subject, hash) -> booking indexes
        let mut linked: Vec<(usize, Subject, usize)> = Vec::new();
        for view in &case.travellers {
            compute_into(view, case, index, values, &mut facts);
            let a = self.assess(view, &facts, flight.clone(), &mut |rule, subject| {
                if let Some(p) = view.pnr {
                    if !linked.contains(&(rule, subject, p.booking_index)) {
                        linked.push((rule, subject, p.booking_index));
                    }
                }
            });
            out.assessments.push(a);
        }
        out.booking_findings = self.booking_findings(input, links, &flight, &linked);
        out
    }

    /// Evaluates the pack for one traveller. Hits of rules whose subject is
    /// a linking identifier are passed to `linked` instead of the
    /// traveller's findings.
    fn assess(
        &self,
        view: &TravellerView<'_>,
        facts: &TravellerFacts<'_>,
        flight: FlightSummary,
        linked: &mut dyn FnMut(usize, Subject),
    ) -> Assessment {
        let protected = matches!(
            facts.get(Field::TravellerProtectedStatus).value(),
            Value::Bool(true)
        );
        let mut hits = Vec::new();
        for (i, rule) in self.pack.rules.iter().enumerate() {
            if !rule.fires(facts) {
                continue;
            }
            match self.subjects.get(i).copied().unwrap_or(Subject::Traveller) {
                Subject::Traveller => hits.push(self.finding(rule, facts)),
                subject if !protected => linked(i, subject),
                _ => {}
            }
        }
        Assessment::from_hits(traveller_summary(view), flight, hits, protected)
    }

    /// Builds the finding of a rule that fired.
    fn finding(&self, rule: &Rule, facts: &TravellerFacts<'_>) -> Finding {
        let mut evidence: Vec<Evidence> = Vec::new();
        for use_ in rule.condition.fields() {
            if use_.path.contains("[]") || evidence.iter().any(|e| e.field == use_.path) {
                continue;
            }
            let Some(field) = Field::from_id(use_.spec.id) else {
                continue;
            };
            if matches!(
                use_.spec.sensitivity,
                crate::rules::Sensitivity::Sensitive(_)
            ) {
                continue;
            }
            let source = match facts.source(field).map(|s| s.kind()) {
                Some("api") => EvidenceSource::Api,
                Some("pnr") => EvidenceSource::Pnr,
                Some("scan") => EvidenceSource::Scan,
                _ => EvidenceSource::Derived,
            };
            evidence.push(Evidence {
                field: use_.path.clone(),
                value: evidence_value(&use_.path, &facts.value(use_.spec.id)),
                source,
            });
        }
        self.finding_with(rule, rule.explain(facts), evidence)
    }

    fn finding_with(&self, rule: &Rule, explanation: String, evidence: Vec<Evidence>) -> Finding {
        Finding {
            rule: rule.id.clone(),
            title: rule.title.clone(),
            pack: self.pack.id.clone(),
            pack_version: self.pack.version.clone(),
            channel: rule.channel,
            weight: rule.weight,
            severity: rule.severity,
            explanation,
            clears: rule.clears.clone(),
            references: FindingReferences {
                legal_basis: rule.references.legal_basis.clone(),
                source: rule.references.source.clone(),
            },
            evidence,
        }
    }

    /// One booking finding per rule and linking identifier: the subject is
    /// the kind of identifier (card, phone, e-mail) and the sorted record
    /// locators of every booking of the input that carries it (pushes of one
    /// booking count once); the link hash only when shown.
    fn booking_findings(
        &self,
        input: &ScreeningInput,
        links: &LinkIndex<'_>,
        flight: &FlightSummary,
        linked: &[(usize, Subject, usize)],
    ) -> Vec<BookingFinding> {
        if linked.is_empty() {
            return Vec::new();
        }
        let (by_hash, kind_of) = (&links.by_hash, &links.kind_of);
        let mut out: Vec<BookingFinding> = Vec::new();
        let mut seen: Vec<(usize, &str)> = Vec::new();
        for &(ri, subject, bi) in linked {
            let (Some(rule), Some(booking)) = (self.pack.rules.get(ri), input.bookings.get(bi))
            else {
                continue;
            };
            let kind = match subject {
                Subject::Card => "card",
                Subject::Contact => "contact",
                Subject::Traveller => continue,
            };
            let mut hashes: Vec<&str> = link_hashes(booking)
                .filter(|(k, _, _)| *k == kind)
                .map(|(_, h, _)| h)
                .collect();
            hashes.sort_unstable();
            hashes.dedup();
            for h in hashes {
                let Some(bookings) = by_hash.get(&(kind, h)) else {
                    continue;
                };
                if bookings.len() < 2 || seen.contains(&(ri, h)) {
                    continue;
                }
                seen.push((ri, h));
                let detail = kind_of.get(h).copied().unwrap_or(kind);
                let mut locators: Vec<String> = bookings
                    .iter()
                    .filter_map(|&i| input.bookings.get(i))
                    .map(|b| b.record_locator.clone().unwrap_or_default())
                    .collect();
                locators.sort();
                let count = bookings.len();
                let explanation = format!(
                    "The same {} appears in {count} bookings of the data screened: {}.",
                    match detail {
                        "card" => "payment card",
                        "phone" => "phone number",
                        "email" => "e-mail address",
                        _ => "phone or e-mail",
                    },
                    rule.title.to_lowercase()
                );
                let mut evidence = Vec::with_capacity(2);
                if self.show_links {
                    evidence.push(Evidence {
                        field: format!("{detail}.link"),
                        value: EvidenceValue::Text(h.to_string()),
                        source: EvidenceSource::Pnr,
                    });
                }
                evidence.push(Evidence {
                    field: format!("{detail}.bookings"),
                    value: EvidenceValue::Number(count as f64),
                    source: EvidenceSource::Derived,
                });
                out.push(BookingFinding {
                    flight: flight.clone(),
                    subject: BookingSubject {
                        kind: detail,
                        id: format!("{detail}:{}", locators.join(",")),
                        bookings: locators,
                        link: self.show_links.then(|| h.to_string()),
                    },
                    finding: self.finding_with(rule, explanation, evidence),
                });
            }
        }
        out.sort_by(|a, b| (&a.finding.rule, &a.subject.id).cmp(&(&b.finding.rule, &b.subject.id)));
        out
    }

    /// The bookings of the input by linking identifier, built once per
    /// screening (empty when no rule of the pack links bookings).
    fn link_index<'a>(&self, input: &'a ScreeningInput) -> LinkIndex<'a> {
        let mut links = LinkIndex::default();
        if !self.subjects.iter().any(|s| *s != Subject::Traveller) {
            return links;
        }
        for (bi, b) in input.bookings.iter().enumerate() {
            let identity = booking_identity(b);
            for (kind, h, detail) in link_hashes(b) {
                links.kind_of.entry(h).or_insert(detail);
                let list = links.by_hash.entry((kind, h)).or_default();
                // Pushes of one booking count once (the first one stands
                // for them: they share their record locator).
                let again = list.last() == Some(&bi)
                    || (identity.is_some()
                        && list.iter().any(|&o| {
                            input.bookings.get(o).and_then(booking_identity) == identity
                        }));
                if !again {
                    list.push(bi);
                }
            }
        }
        links
    }

    /// DQ-02a: a manifest whose declared passenger or crew count (CNT) does
    /// not match the travellers it lists. Not for one part of a multi-part
    /// message, whose count covers every part.
    fn declared_count_finding(&self, m: &Manifest) -> Option<FlightFinding> {
        if m.envelope.transfer.is_some() {
            return None;
        }
        let passengers = m
            .travellers
            .iter()
            .filter(|t| t.role.is_passenger())
            .count();
        let crew = m.travellers.iter().filter(|t| t.role.is_crew()).count();
        let mut evidence = Vec::new();
        let mut push = |field: &str, declared: Option<u32>, listed: usize| {
            if let Some(d) = declared {
                if usize::try_from(d).ok() != Some(listed) {
                    evidence.push(Evidence {
                        field: format!("manifest.declared_{field}"),
                        value: EvidenceValue::Number(f64::from(d)),
                        source: EvidenceSource::Api,
                    });
                    evidence.push(Evidence {
                        field: format!("manifest.listed_{field}"),
                        value: EvidenceValue::Number(listed as f64),
                        source: EvidenceSource::Derived,
                    });
                }
            }
        };
        push("passengers", m.declared_counts.passengers, passengers);
        push("crew", m.declared_counts.crew, crew);
        if evidence.is_empty() {
            return None;
        }
        let case = FlightCase::of_manifest(m);
        Some(FlightFinding {
            flight: flight_summary(&case),
            finding: Finding {
                rule: "DQ-02a".into(),
                title: "Manifest counts do not match the travellers listed".into(),
                pack: BUILTIN_PACK.into(),
                pack_version: env!("CARGO_PKG_VERSION").into(),
                channel: Channel::DataQuality,
                weight: Weight::Moderate,
                severity: RuleSeverity::Medium,
                explanation: format!(
                    "The manifest declares {} passengers and {} crew but lists {passengers} passengers and {crew} crew.",
                    show_count(m.declared_counts.passengers),
                    show_count(m.declared_counts.crew),
                ),
                clears: "A complete manifest, or corrected counts (CNT+42 passengers, CNT+41 crew).".into(),
                references: FindingReferences {
                    legal_basis: Some("Dir. 2004/82/EC Art. 3(2)".into()),
                    source: Some("indicator DQ-01; PAXLST implementation guide (CNT)".into()),
                },
                evidence,
            },
        })
    }
}

fn show_count(n: Option<u32>) -> String {
    n.map_or_else(|| "no count of".to_string(), |n| n.to_string())
}

/// The subject of a rule's hits: rules that read how many other bookings
/// share a card or a contact are about the identifier, not the traveller.
fn subject_of(rule: &Rule) -> Subject {
    let reads = |f: Field| rule.condition.fields().iter().any(|u| u.spec.id == f.id());
    if reads(Field::BookingCardSharedBookings) {
        Subject::Card
    } else if reads(Field::BookingContactSharedBookings) {
        Subject::Contact
    } else {
        Subject::Traveller
    }
}

/// The card and contact link hashes of a booking's current payments and
/// its phones and e-mails: (subject kind, hash, identifier kind).
/// Bookings by linking identifier: (kind, hash) to the indexes of the
/// bookings carrying it, and the detail (card, phone, e-mail) of each hash.
#[derive(Default)]
struct LinkIndex<'a> {
    by_hash: AHashMap<(&'static str, &'a str), Vec<usize>>,
    kind_of: AHashMap<&'a str, &'static str>,
}

fn link_hashes(b: &Booking) -> impl Iterator<Item = (&'static str, &str, &'static str)> + '_ {
    use crate::model::booking::ContactKind;
    let cards = b
        .payments
        .iter()
        .filter(|p| !p.old)
        .filter_map(|p| p.card.as_ref())
        .map(|c| ("card", c.link.0.as_str(), "card"));
    let contacts = b.contacts.iter().filter_map(|c| {
        let detail = match c.kind {
            ContactKind::Phone => "phone",
            ContactKind::Email => "email",
            ContactKind::Address => return None,
        };
        c.link.as_ref().map(|h| ("contact", h.0.as_str(), detail))
    });
    cards.chain(contacts).filter(|(_, h, _)| !h.is_empty())
}

/// An evidence value as output shows it; document numbers are masked.
fn evidence_value(path: &str, v: &Value<'_>) -> EvidenceValue {
    match v {
        Value::Missing => EvidenceValue::Missing,
        Value::Bool(b) => EvidenceValue::Bool(*b),
        Value::Number(n) if n.is_finite() => EvidenceValue::Number(*n),
        Value::Number(_) => EvidenceValue::Missing,
        Value::Text(t) if path.ends_with(".number") => EvidenceValue::Text(mask_document_number(t)),
        other => {
            let mut s = String::new();
            crate::rules::explain::write_value(&mut s, other, crate::rules::Type::Text);
            EvidenceValue::Text(s)
        }
    }
}

/// Appends `more` to `all`, taking it whole when `all` is still empty.
fn join<T>(all: &mut Vec<T>, mut more: Vec<T>) {
    if all.is_empty() {
        *all = more;
    } else {
        all.append(&mut more);
    }
}

fn flight_summary(case: &FlightCase<'_>) -> FlightSummary {
    FlightSummary {
        carrier: case
            .key
            .as_ref()
            .map(|k| k.carrier.clone())
            .filter(|c| !c.is_empty()),
        number: case.key.as_ref().map(|k| k.number.clone()),
        origin: case.origin.map(str::to_string),
        destination: case.destination.map(str::to_string),
        departure: case.departure,
    }
}

fn traveller_summary(view: &TravellerView<'_>) -> TravellerSummary {
    let id = if let Some(a) = view.api {
        format!("api:{}:{}", a.manifest, a.traveller)
    } else if let Some(p) = view.pnr {
        format!("pnr:{}:{}", p.booking_index, p.passenger)
    } else if let Some(s) = view.scan {
        format!("scan:{}", s.index)
    } else {
        "unknown".to_string()
    };
    let mut sources: Vec<&'static str> = Vec::with_capacity(3);
    for s in view.sources() {
        let k = s.kind();
        if !sources.contains(&k) {
            sources.push(k);
        }
    }
    TravellerSummary {
        id,
        surname: view.surname.map(|s| s.value.to_string()),
        given_names: view.given_names.map(|s| s.value.to_string()),
        birth_date: view.birth_date.map(|b| b.value),
        role: view
            .api
            .map_or("passenger", |a| a.record.role.as_str())
            .to_string(),
        sources,
    }
}

/// Compile-time proof that a screener can be shared across threads.
const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Screener>();
};
