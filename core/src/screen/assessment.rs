//! What screening says: per-traveller [`Assessment`]s and the findings whose
//! subject is not one person ([`FlightFinding`], [`BookingFinding`]).
//!
//! These are output types: they serialise (JSON) to the records described
//! by `spec/findings.schema.json`. Every hit explains itself: the rule and
//! pack version, the fields and values that triggered it (sensitive values
//! masked), a sentence, and what would clear it.
//!
//! The status rule is fixed here, not in packs: only compliance findings may
//! inhibit (a `high` severity inhibits, lower ones ask for review),
//! facilitation findings at most ask for review, and protection referrals
//! and data-quality findings never change the status.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Serialize, Serializer};

use crate::rules::{Channel, RuleSeverity, Weight};

/// A traveller's status after screening. Ordered: `Clear < Review < Inhibit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing calls for action.
    Clear,
    /// A person should look at the findings before the traveller proceeds.
    Review,
    /// A compliance rule says the traveller may not be carried as the data
    /// stands (for example an expired document); a person can override.
    Inhibit,
}

impl Status {
    /// The name used in output (`clear`, `review`, `inhibit`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Clear => "clear",
            Status::Review => "review",
            Status::Inhibit => "inhibit",
        }
    }

    /// Parses a status name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "clear" => Some(Status::Clear),
            "review" => Some(Status::Review),
            "inhibit" => Some(Status::Inhibit),
            _ => None,
        }
    }

    /// The status one finding of this channel and severity asks for: only
    /// compliance may inhibit (when `high`), facilitation at most asks for
    /// review, protection and data quality never change the status.
    #[must_use]
    pub fn for_finding(channel: Channel, severity: RuleSeverity) -> Status {
        match (channel, severity) {
            (Channel::Compliance, RuleSeverity::High) => Status::Inhibit,
            (Channel::Compliance | Channel::Facilitation, _) => Status::Review,
            (Channel::Protection | Channel::DataQuality, _) => Status::Clear,
        }
    }
}

/// Where a value shown as evidence came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// The API manifest (PAXLST).
    Api,
    /// The booking (PNRGOV).
    Pnr,
    /// A document scan (MRZ).
    Scan,
    /// Computed from several values or sources (a distance, a comparison).
    Derived,
}

/// A value shown as evidence: `null`, a yes/no, a number or a text (dates,
/// date-times and durations as text, as the explanations show them).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum EvidenceValue {
    /// The value is missing (`null`).
    Missing,
    /// A yes/no value.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A text, possibly masked.
    Text(String),
}

/// One field and value that triggered a rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The catalogue field (`document.days_valid_after_arrival`), or a
    /// subject field of a flight or booking finding.
    pub field: String,
    /// The value, masked when sensitive (`null` when missing).
    pub value: EvidenceValue,
    /// Where the value came from.
    pub source: EvidenceSource,
}

/// Legal basis and source of a rule, as the pack states them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FindingReferences {
    /// The legal basis (`ICAO Annex 9, 3.47`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    /// Where the indicator comes from (`Frontex VEGA handbook`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One rule hit, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Rule id (`DOC-02a`).
    pub rule: String,
    /// The rule's title.
    pub title: String,
    /// Pack id.
    pub pack: String,
    /// Pack version.
    pub pack_version: String,
    /// Channel: who acts on it and how.
    #[serde(serialize_with = "serialize_channel")]
    pub channel: Channel,
    /// Declared weight of the rule.
    pub weight: Weight,
    /// How serious the hit is.
    #[serde(serialize_with = "serialize_severity")]
    pub severity: RuleSeverity,
    /// A sentence a person can read.
    pub explanation: String,
    /// What would clear the hit.
    pub clears: String,
    /// Legal basis and source.
    pub references: FindingReferences,
    /// The fields and values that triggered it.
    pub evidence: Vec<Evidence>,
}

impl Finding {
    /// The status this finding asks for on its own (see [`Status::for_finding`]).
    #[must_use]
    pub fn status(&self) -> Status {
        Status::for_finding(self.channel, self.severity)
    }
}

/// The name of a severity in output.
#[must_use]
pub fn severity_str(s: RuleSeverity) -> &'static str {
    match s {
        RuleSeverity::Low => "low",
        RuleSeverity::Medium => "medium",
        RuleSeverity::High => "high",
    }
}

fn serialize_channel<S: Serializer>(c: &Channel, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.as_str())
}

fn serialize_severity<S: Serializer>(v: &RuleSeverity, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(severity_str(*v))
}

/// Who was assessed. Names appear only here, because the caller passed
/// them in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TravellerSummary {
    /// A stable id within the screening input (`F1/2026-03-01/ZZ123/3`
    /// style; see the screener's documentation).
    pub id: String,
    /// Surname as received.
    pub surname: Option<String>,
    /// Given names as received.
    pub given_names: Option<String>,
    /// Birth date.
    pub birth_date: Option<NaiveDate>,
    /// `passenger`, `crew`, `transit_passenger`, `transit_crew` ...
    pub role: String,
    /// Which sources describe the traveller (`api`, `pnr`, `scan`).
    pub sources: Vec<&'static str>,
}

/// The flight a traveller, booking or finding belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct FlightSummary {
    /// Carrier code.
    pub carrier: Option<String>,
    /// Flight number as written.
    pub number: Option<String>,
    /// Departure airport.
    pub origin: Option<String>,
    /// Arrival airport.
    pub destination: Option<String>,
    /// Scheduled local departure.
    pub departure: Option<NaiveDateTime>,
}

/// Why facilitation findings were not produced for a traveller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exoneration {
    /// The exonerating indicator (`PRT-04`).
    pub rule: &'static str,
    /// What happened, for people.
    pub explanation: &'static str,
    /// The facilitation rules that would otherwise have fired.
    pub suppressed: Vec<String>,
}

/// The PRT-04 exoneration: protected-status travellers get no facilitation findings.
pub const PRT04_EXPLANATION: &str = "The traveller holds a protected status (stateless or \
refugee: XXA, XXB or XXC); facilitation findings are not produced for them and protection \
handling applies (PRT-04).";

/// The assessment of one traveller on one flight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Who.
    pub traveller: TravellerSummary,
    /// On which flight.
    pub flight: FlightSummary,
    /// The resulting status (see [`Assessment::status_of`]).
    pub status: Status,
    /// Compliance and facilitation findings, in pack order.
    pub findings: Vec<Finding>,
    /// Protection referrals: never change the status.
    pub referrals: Vec<Finding>,
    /// Data-quality findings: never change the status.
    pub data_quality: Vec<Finding>,
    /// Set when facilitation findings were suppressed (PRT-04).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exoneration: Option<Exoneration>,
}

impl Assessment {
    /// Builds an assessment from the hits (in pack order), sorting them into
    /// channels, applying the PRT-04 exoneration when `protected_status`,
    /// and computing the status.
    #[must_use]
    pub fn from_hits(
        traveller: TravellerSummary,
        flight: FlightSummary,
        hits: Vec<Finding>,
        protected_status: bool,
    ) -> Assessment {
        let mut findings = Vec::new();
        let mut referrals = Vec::new();
        let mut data_quality = Vec::new();
        let mut suppressed = Vec::new();
        for hit in hits {
            match hit.channel {
                Channel::Facilitation if protected_status => suppressed.push(hit.rule),
                Channel::Compliance | Channel::Facilitation => findings.push(hit),
                Channel::Protection => referrals.push(hit),
                Channel::DataQuality => data_quality.push(hit),
            }
        }
        let exoneration = protected_status.then_some(Exoneration {
            rule: "PRT-04",
            explanation: PRT04_EXPLANATION,
            suppressed,
        });
        let status = Assessment::status_of(&findings);
        Assessment {
            traveller,
            flight,
            status,
            findings,
            referrals,
            data_quality,
            exoneration,
        }
    }

    /// The status findings ask for: the highest of [`Finding::status`]
    /// over them, `Clear` when there are none.
    #[must_use]
    pub fn status_of(findings: &[Finding]) -> Status {
        findings
            .iter()
            .map(Finding::status)
            .max()
            .unwrap_or(Status::Clear)
    }

    /// The ids of every rule that fired (findings, referrals, data quality).
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.findings
            .iter()
            .chain(&self.referrals)
            .chain(&self.data_quality)
            .map(|f| f.rule.as_str())
    }
}

/// A finding whose subject is a flight (a manifest as a whole).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlightFinding {
    /// The flight.
    pub flight: FlightSummary,
    /// The finding.
    pub finding: Finding,
}

/// What a booking-level finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookingSubject {
    /// `card` (a payment card's link hash), `contact` (a phone or e-mail
    /// link hash) or `booking`.
    pub kind: &'static str,
    /// The link hash (for `card` and `contact`) or the record locator.
    pub id: String,
    /// The record locators of the bookings concerned, sorted.
    pub bookings: Vec<String>,
}

/// A finding whose subject is a booking or an identifier linking bookings
/// (for example one card funding several unrelated bookings).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BookingFinding {
    /// The flight screened when it was found.
    pub flight: FlightSummary,
    /// What it is about.
    pub subject: BookingSubject,
    /// The finding.
    pub finding: Finding,
}

/// Masks a document number: every character but the last three becomes `*`
/// (`L898902C3` -> `******2C3`); numbers of three characters or fewer are
/// masked whole.
#[must_use]
pub fn mask_document_number(number: &str) -> String {
    let count = number.chars().count();
    if count <= 3 {
        return "*".repeat(count);
    }
    let mut out = "*".repeat(count - 3);
    out.extend(number.chars().skip(count - 3));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &str, channel: Channel, severity: RuleSeverity) -> Finding {
        Finding {
            rule: rule.into(),
            title: "t".into(),
            pack: "p".into(),
            pack_version: "1".into(),
            channel,
            weight: Weight::Strong,
            severity,
            explanation: "e".into(),
            clears: "c".into(),
            references: FindingReferences::default(),
            evidence: vec![Evidence {
                field: "x".into(),
                value: EvidenceValue::Missing,
                source: EvidenceSource::Derived,
            }],
        }
    }

    #[test]
    fn only_high_compliance_inhibits() {
        use Channel::*;
        use RuleSeverity::*;
        assert_eq!(Status::for_finding(Compliance, High), Status::Inhibit);
        assert_eq!(Status::for_finding(Compliance, Medium), Status::Review);
        assert_eq!(Status::for_finding(Facilitation, High), Status::Review);
        assert_eq!(Status::for_finding(Protection, High), Status::Clear);
        assert_eq!(Status::for_finding(DataQuality, High), Status::Clear);
    }

    #[test]
    fn referrals_and_quality_never_change_status() {
        let hits = vec![
            finding("PRT-01a", Channel::Protection, RuleSeverity::High),
            finding("DQ-01a", Channel::DataQuality, RuleSeverity::High),
        ];
        let a = Assessment::from_hits(
            TravellerSummary::default(),
            FlightSummary::default(),
            hits,
            false,
        );
        assert_eq!(a.status, Status::Clear);
        assert_eq!(a.referrals.len(), 1);
        assert_eq!(a.data_quality.len(), 1);
        assert!(a.findings.is_empty());
    }

    #[test]
    fn protected_status_suppresses_facilitation_and_says_so() {
        let hits = vec![
            finding("BKG-01a", Channel::Facilitation, RuleSeverity::Medium),
            finding("DOC-02a", Channel::Compliance, RuleSeverity::Medium),
        ];
        let a = Assessment::from_hits(
            TravellerSummary::default(),
            FlightSummary::default(),
            hits,
            true,
        );
        assert_eq!(a.status, Status::Review);
        assert_eq!(a.findings.len(), 1);
        assert_eq!(a.findings[0].rule, "DOC-02a");
        let ex = a.exoneration.as_ref().map(|e| e.suppressed.clone());
        assert_eq!(ex, Some(vec!["BKG-01a".to_string()]));
    }

    #[test]
    fn masks_keep_last_three() {
        assert_eq!(mask_document_number("X12345241"), "******241");
        assert_eq!(mask_document_number("AB"), "**");
        assert_eq!(mask_document_number(""), "");
    }

    #[test]
    fn serialises_missing_evidence_as_null() {
        let f = finding("DOC-02a", Channel::Compliance, RuleSeverity::High);
        let json = serde_json::to_string(&f).unwrap_or_default();
        assert!(json.contains(r#""value":null"#), "{json}");
        assert!(json.contains(r#""channel":"compliance""#), "{json}");
        assert!(json.contains(r#""severity":"high""#), "{json}");
    }
}
