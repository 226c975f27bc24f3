//! The static field catalogue: every field a rule may read, with its type,
//! one line of documentation, its sensitivity and its weight hint.
//!
//! The names are the contract between the indicators and the rule packs
//! (`spec/fields.md` is generated from this table).

use crate::rules::{
    Catalogue, Element, FieldId, FieldSpec, ProtectedAttribute, ScalarType, Sensitivity, Type,
    Weight,
};

use ProtectedAttribute::{Age, Nationality, Sex};

const NAMES: Sensitivity = Sensitivity::Sensitive("names");
const PLAIN: Sensitivity = Sensitivity::None;
const TEXT_LIST: Type = Type::List(Element::Scalar(ScalarType::Text));
const RECORDS: Type = Type::List(Element::Record);

macro_rules! catalogue {
    (
        $(#[$meta:meta])* enum $enum:ident, $table:ident, $count:ident {
            $( $variant:ident = $path:literal : $ty:expr, $sens:expr, $weight:expr, $doc:literal; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum $enum {
            $( #[doc = $doc] $variant, )*
        }

        /// The number of fields.
        pub const $count: usize = [$( $enum::$variant, )*].len();

        /// Every field in catalogue order: `(path, spec)`.
        pub static $table: [(&str, FieldSpec); $count] = [
            $( ($path, FieldSpec {
                id: FieldId($enum::$variant as u16),
                ty: $ty,
                doc: $doc,
                sensitivity: $sens,
                weight: $weight,
            }), )*
        ];

        impl $enum {
            /// Every field, in catalogue order.
            pub const ALL: [$enum; $count] = [$( $enum::$variant, )*];

            /// The field's id in the catalogue.
            #[must_use]
            pub const fn id(self) -> FieldId {
                FieldId(self as u16)
            }

            /// The field's dotted path (`booking.lead_time`).
            #[must_use]
            pub fn path(self) -> &'static str {
                $table[self as usize].0
            }

            /// The field's description.
            #[must_use]
            pub fn spec(self) -> &'static FieldSpec {
                &$table[self as usize].1
            }

            /// The field with this id, if there is one.
            #[must_use]
            pub fn from_id(id: FieldId) -> Option<$enum> {
                Self::ALL.get(usize::from(id.0)).copied()
            }
        }
    };
}

catalogue! {
    /// A field of the traveller catalogue. The discriminant is the
    /// [`FieldId`] the evaluator passes to [`crate::rules::Facts`].
    enum Field, FIELDS, FIELD_COUNT {
        TravellerRole = "traveller.role": Type::Text, PLAIN, None,
            "Role on the manifest: `passenger`, `crew`, `transit_passenger`, `transit_crew`, `crew_off_duty` (PNR-only travellers: `passenger`).";
        TravellerSex = "traveller.sex": Type::Text, Sensitivity::Protected(Sex), None,
            "Sex marker M, F, U or X.";
        TravellerBirthDate = "traveller.birth_date": Type::Date, Sensitivity::Protected(Age), None,
            "Birth date.";
        TravellerAgeAtDeparture = "traveller.age_at_departure": Type::Number, Sensitivity::Protected(Age), None,
            "Age in whole years on the local departure date of the screened flight.";
        TravellerIsMinor = "traveller.is_minor": Type::Bool, Sensitivity::Protected(Age), None,
            "Age at departure is under 18.";
        TravellerNationality = "traveller.nationality": Type::Text, Sensitivity::Protected(Nationality), None,
            "Nationality, ICAO three-letter code where it could be normalised.";
        TravellerProtectedStatus = "traveller.protected_status": Type::Bool, PLAIN, None,
            "Nationality or document issuer is XXA, XXB or XXC (stateless or refugee): exonerating, never a risk.";
        TravellerSurname = "traveller.surname": Type::Text, NAMES, None,
            "Surname as written (sensitive: no rule may read it).";
        TravellerGivenNames = "traveller.given_names": Type::Text, NAMES, None,
            "Given names as written (sensitive: no rule may read it).";
        TravellerSources = "traveller.sources": TEXT_LIST, PLAIN, None,
            "The sources that name this traveller, in order: `api`, `pnr`, `scan`.";
        TravellerInApi = "traveller.in_api": Type::Bool, PLAIN, None,
            "An API manifest (PAXLST) lists the traveller.";
        TravellerInPnr = "traveller.in_pnr": Type::Bool, PLAIN, None,
            "A booking (PNRGOV) names the traveller.";
        TravellerInScan = "traveller.in_scan": Type::Bool, PLAIN, None,
            "A document scan (MRZ) was joined to the traveller.";
        TravellerDocuments = "traveller.documents": RECORDS, PLAIN, None,
            "Every travel document from every source (see the element fields below).";
        DocumentKind = "document.kind": Type::Text, PLAIN, None,
            "Kind of the primary document: `passport`, `identity_card`, `visa`, `crew_certificate`, ... or the code as written.";
        DocumentCode = "document.code": Type::Text, PLAIN, None,
            "Document type code of the primary document as written (P, PD, I, AC ...).";
        DocumentIssuingState = "document.issuing_state": Type::Text, Sensitivity::Protected(Nationality), None,
            "Issuing state of the primary document.";
        DocumentNumberPresent = "document.number_present": Type::Bool, PLAIN, None,
            "The primary document has a number.";
        DocumentExpiresOn = "document.expires_on": Type::Date, PLAIN, None,
            "Expiry date of the primary document.";
        DocumentIssuedOn = "document.issued_on": Type::Date, PLAIN, None,
            "Issue date of the primary document.";
        DocumentExpiredAtDeparture = "document.expired_at_departure": Type::Bool, PLAIN, None,
            "The primary document expires before the local departure date.";
        DocumentDaysValidAfterArrival = "document.days_valid_after_arrival": Type::Number, PLAIN, None,
            "Days from the local arrival date (departure date when unknown) to expiry; negative when expired.";
        DocumentDaysSinceIssue = "document.days_since_issue": Type::Number, PLAIN, Some(Weight::Weak),
            "Days from issue to the local departure date.";
        DocumentIssuedBeforeBirth = "document.issued_before_birth": Type::Bool, PLAIN, None,
            "The issue date is before the holder's birth date.";
        DocumentAgeAtIssue = "document.age_at_issue": Type::Number, PLAIN, None,
            "Holder's age in whole years on the issue date.";
        DocumentValidityYears = "document.validity_years": Type::Number, PLAIN, None,
            "Validity from issue to expiry in years (days / 365.25, two decimals).";
        DocumentValidityUnusual = "document.validity_unusual": Type::Bool, PLAIN, None,
            "Passport or identity card whose validity is not a whole number of years from 1 to 10 (one day either side allowed).";
        DocumentKindUnusualForTrip = "document.kind_unusual_for_trip": Type::Bool, PLAIN, None,
            "Diplomatic, service or official passport on a booking paid in cash or untraceably, or a crew certificate held by a passenger.";
        MrzPresent = "mrz.present": Type::Bool, PLAIN, None,
            "A machine-readable zone scan was joined to the traveller.";
        MrzCheckFailed = "mrz.check_failed": Type::Bool, PLAIN, None,
            "At least one check digit of the scan failed.";
        MrzPossibleMisread = "mrz.possible_misread": Type::Bool, PLAIN, None,
            "The scan has characters that may be OCR misreads (O/0, I/1, B/8 ...).";
        MrzFailedChecks = "mrz.failed_checks": TEXT_LIST, PLAIN, None,
            "The failed checks: `document_number`, `birth_date`, `expiry_date`, `optional_data`, `composite`.";
        IdentityDocumentShared = "identity.document_shared": Type::Bool, PLAIN, None,
            "The same document number and issuer appears in the input with a different identity (other birth date, or name similarity below 0.80).";
        IdentityDocumentSharedCount = "identity.document_shared_count": Type::Number, PLAIN, None,
            "How many different other identities present the same document number and issuer.";
        CrosscheckSourcesCompared = "crosscheck.sources_compared": Type::Number, PLAIN, None,
            "How many sources (`api`, `pnr`, `scan`) were compared with each other.";
        CrosscheckBirthDateDiffers = "crosscheck.birth_date_differs": Type::Bool, PLAIN, None,
            "Two sources give different birth dates.";
        CrosscheckNameSimilarity = "crosscheck.name_similarity": Type::Number, PLAIN, None,
            "Lowest name similarity (0 to 1, spec/names.md) between two sources.";
        CrosscheckIssuerDiffers = "crosscheck.issuer_differs": Type::Bool, PLAIN, None,
            "Two sources give different issuing states for the primary document.";
        CrosscheckNumberDiffers = "crosscheck.number_differs": Type::Bool, PLAIN, None,
            "Two sources give different numbers for the primary document.";
        CrosscheckRenewal = "crosscheck.renewal": Type::Bool, PLAIN, None,
            "The number differs but name, birth date and issuer agree: a renewed document (exonerating).";
        TripOneWay = "trip.one_way": Type::Bool, PLAIN, Some(Weight::Weak),
            "The booking's itinerary never comes back to within 150 km of its origin.";
        TripDistanceKm = "trip.distance_km": Type::Number, PLAIN, None,
            "Great-circle kilometres flown over the outbound journey's segments.";
        TripOdDistanceKm = "trip.od_distance_km": Type::Number, PLAIN, None,
            "Great-circle kilometres from the journey's origin to its destination.";
        TripCircuity = "trip.circuity": Type::Number, PLAIN, Some(Weight::Weak),
            "Distance flown divided by origin-destination distance.";
        TripSegments = "trip.segments": Type::Number, PLAIN, None,
            "Segments of the outbound journey.";
        TripTransitPoints = "trip.transit_points": TEXT_LIST, PLAIN, None,
            "Airports where the outbound journey connects, in order.";
        TripMinConnection = "trip.min_connection": Type::Duration, PLAIN, None,
            "Shortest connection of the outbound journey (time zones applied).";
        TripMaxConnection = "trip.max_connection": Type::Duration, PLAIN, None,
            "Longest connection of the outbound journey (time zones applied).";
        TripLongHaul = "trip.long_haul": Type::Bool, PLAIN, None,
            "Origin-destination distance over 3,000 km.";
        TripOnwardMissing = "trip.onward_missing": Type::Bool, PLAIN, None,
            "The traveller is declared in transit at the flight's arrival airport but the booking has no onward segment from it.";
        BookingPresent = "booking.present": Type::Bool, PLAIN, None,
            "A booking was joined to the traveller.";
        BookingLeadTime = "booking.lead_time": Type::Duration, PLAIN, Some(Weight::Weak),
            "From booking creation (UTC) to the flight's scheduled departure (local time at the origin made UTC).";
        BookingPaymentCash = "booking.payment_cash": Type::Bool, PLAIN, Some(Weight::Weak),
            "A current form of payment is cash.";
        BookingPaymentUntraceable = "booking.payment_untraceable": Type::Bool, PLAIN, Some(Weight::Weak),
            "Every current form of payment is cash, cheque or miscellaneous.";
        BookingPayerIsTraveller = "booking.payer_is_traveller": Type::Bool, PLAIN, None,
            "A payment names one of the booking's travellers (by reference or by payer name).";
        BookingPartySize = "booking.party_size": Type::Number, PLAIN, None,
            "Travellers named in the booking.";
        BookingAdults = "booking.adults": Type::Number, PLAIN, None,
            "Adults in the booking (age 18 or more, else passenger type adult).";
        BookingMinors = "booking.minors": Type::Number, PLAIN, None,
            "Minors in the booking (age under 18, else passenger type child or infant).";
        BookingUnrelatedAdults = "booking.unrelated_adults": Type::Bool, PLAIN, None,
            "Two or more adults, no two sharing a surname token, and no infant links.";
        BookingLateNameChange = "booking.late_name_change": Type::Bool, PLAIN, None,
            "The booking history records a name element cancelled or changed after the original entry.";
        BookingLateDocumentChange = "booking.late_document_change": Type::Bool, PLAIN, None,
            "The booking history records a DOCS element cancelled or changed after the original entry.";
        BookingCardSharedBookings = "booking.card_shared_bookings": Type::Number, PLAIN, None,
            "Other bookings of the input paid with a card of this booking (keyed hash).";
        BookingContactSharedBookings = "booking.contact_shared_bookings": Type::Number, PLAIN, None,
            "Other bookings of the input with a phone or e-mail of this booking (keyed hash).";
        BookingAgency = "booking.agency": Type::Text, PLAIN, None,
            "IATA number of the booking office, else its office id.";
        BagsChecked = "bags.checked": Type::Number, PLAIN, Some(Weight::Weak),
            "Checked bags (API MEA, else the PNR check-in record).";
        BagsPooledWithUnrelated = "bags.pooled_with_unrelated": Type::Bool, PLAIN, Some(Weight::Weak),
            "Bags pooled with a traveller of the booking who shares no surname token.";
        ProtectionMinorWithoutGuardian = "protection.minor_without_guardian": Type::Bool, PLAIN, None,
            "A minor whose booking names no adult sharing a surname token or an infant link.";
        ProtectionUmnr = "protection.umnr": Type::Bool, PLAIN, None,
            "An unaccompanied minor service (SSR UMNR) is booked for the traveller.";
        ProtectionUmnrDetailsMissing = "protection.umnr_details_missing": Type::Bool, PLAIN, None,
            "UMNR without details, without a booking contact, or with an age that disagrees with the birth date.";
        QualityDocumentMissing = "quality.document_missing": Type::Bool, PLAIN, None,
            "No source gives a travel document.";
        QualityPlaceholderNumber = "quality.placeholder_number": Type::Bool, PLAIN, None,
            "The primary document number looks like a placeholder (one repeated character, XXXX, 123456789).";
        QualityPlaceholderBirthDate = "quality.placeholder_birth_date": Type::Bool, PLAIN, None,
            "The birth date is 1 January (often written when the day is unknown).";
        QualityNameMissing = "quality.name_missing": Type::Bool, PLAIN, None,
            "No readable surname after normalisation.";
        QualityManualEntry = "quality.manual_entry": Type::Bool, PLAIN, None,
            "The API record says its data was not verified against the document (GEI+4+174).";
        FlightCarrier = "flight.carrier": Type::Text, PLAIN, None,
            "Carrier code of the screened flight.";
        FlightNumber = "flight.number": Type::Text, PLAIN, None,
            "Flight number of the screened flight, without carrier or leading zeros.";
        FlightOrigin = "flight.origin": Type::Text, PLAIN, None,
            "Departure airport of the screened flight.";
        FlightDestination = "flight.destination": Type::Text, PLAIN, None,
            "Arrival airport of the screened flight.";
        FlightDeparture = "flight.departure": Type::DateTime, PLAIN, None,
            "Scheduled local departure.";
        FlightArrival = "flight.arrival": Type::DateTime, PLAIN, None,
            "Scheduled local arrival.";
    }
}

catalogue! {
    /// A field of one element of `traveller.documents`.
    enum DocumentField, DOCUMENT_FIELDS, DOCUMENT_FIELD_COUNT {
        Kind = "kind": Type::Text, PLAIN, None,
            "Kind: `passport`, `identity_card`, `visa`, ... or the code as written.";
        Code = "code": Type::Text, PLAIN, None,
            "Document type code as written.";
        IssuingState = "issuing_state": Type::Text, Sensitivity::Protected(Nationality), None,
            "Issuing state.";
        ExpiresOn = "expires_on": Type::Date, PLAIN, None,
            "Expiry date.";
        IssuedOn = "issued_on": Type::Date, PLAIN, None,
            "Issue date.";
        NumberPresent = "number_present": Type::Bool, PLAIN, None,
            "The document has a number.";
        Source = "source": Type::Text, PLAIN, None,
            "Where it came from: `api`, `pnr` or `scan`.";
    }
}

/// The first path segments of the traveller catalogue.
const ROOTS: &[&str] = &[
    "traveller",
    "document",
    "mrz",
    "identity",
    "crosscheck",
    "trip",
    "booking",
    "bags",
    "protection",
    "quality",
    "flight",
];

/// The traveller field catalogue (a zero-sized handle on [`FIELDS`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldCatalogue;

/// The element catalogue of `traveller.documents`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DocumentCatalogue;

impl Catalogue for FieldCatalogue {
    fn field(&self, path: &str) -> Option<&FieldSpec> {
        FIELDS.iter().find(|(p, _)| *p == path).map(|(_, s)| s)
    }

    fn element(&self, list: FieldId) -> Option<&dyn Catalogue> {
        (list == Field::TravellerDocuments.id()).then_some(&DocumentCatalogue as &dyn Catalogue)
    }

    fn is_root(&self, name: &str) -> bool {
        ROOTS.contains(&name)
    }
}

impl Catalogue for DocumentCatalogue {
    fn field(&self, path: &str) -> Option<&FieldSpec> {
        DOCUMENT_FIELDS
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, s)| s)
    }

    fn element(&self, _list: FieldId) -> Option<&dyn Catalogue> {
        None
    }

    fn is_root(&self, name: &str) -> bool {
        DOCUMENT_FIELDS.iter().any(|(p, _)| *p == name)
    }
}

fn type_name(ty: Type) -> &'static str {
    match ty {
        Type::Bool => "bool",
        Type::Number => "number",
        Type::Text => "text",
        Type::Date => "date",
        Type::DateTime => "datetime",
        Type::Duration => "duration",
        Type::List(Element::Record) => "list of records",
        Type::List(Element::Scalar(s)) => match s {
            ScalarType::Bool => "list of bool",
            ScalarType::Number => "list of number",
            ScalarType::Text => "list of text",
            ScalarType::Date => "list of date",
            ScalarType::DateTime => "list of datetime",
            ScalarType::Duration => "list of duration",
        },
    }
}

fn sensitivity_name(s: Sensitivity) -> String {
    match s {
        Sensitivity::None => String::new(),
        Sensitivity::Protected(Sex) => "protected: sex".to_string(),
        Sensitivity::Protected(Age) => "protected: age".to_string(),
        Sensitivity::Protected(Nationality) => "protected: nationality".to_string(),
        Sensitivity::Sensitive(why) => format!("sensitive: {why}"),
    }
}

fn weight_name(w: Option<Weight>) -> &'static str {
    match w {
        None => "",
        Some(Weight::Weak) => "weak",
        Some(Weight::Moderate) => "moderate",
        Some(Weight::Strong) => "strong",
    }
}

fn table(out: &mut String, rows: &[(&str, FieldSpec)], prefix: &str) {
    out.push_str("| field | type | sensitivity | weight | meaning |\n");
    out.push_str("|---|---|---|---|---|\n");
    for (path, spec) in rows {
        out.push_str(&format!(
            "| `{prefix}{path}` | {} | {} | {} | {} |\n",
            type_name(spec.ty),
            sensitivity_name(spec.sensitivity),
            weight_name(spec.weight),
            spec.doc.replace('|', "\\|"),
        ));
    }
}

/// The catalogue as Markdown: the text of `spec/fields.md` (and of
/// `paxscreen rules fields`).
#[must_use]
pub fn catalogue_markdown() -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(
        "# Screening fields\n\n\
         <!-- Generated from core/src/indicators/catalogue.rs; do not edit. \
         Regenerate with `UPDATE_SPEC=1 cargo test -p paxscreen-core fields_spec`. -->\n\n\
         The fields a rule condition may read (spec/rules.md), computed once per traveller by the \
         built-in indicators (spec/indicators.md). A field that cannot be computed from the data is \
         *missing*, never guessed; conditions on missing fields are neither true nor false.\n\n\
         * **sensitivity**: `sensitive` fields may not be read by any rule; `protected` attributes \
         (sex, age, nationality) may be used only together with a fact that is not protected.\n\
         * **weight**: a rule whose every field is `weak` is refused by the linter.\n\
         * Thresholds are never part of a field: packs compare (`booking.lead_time < 72h`).\n\n\
         ## Traveller fields\n\n",
    );
    table(&mut out, &FIELDS, "");
    out.push_str(
        "\n## Elements of `traveller.documents`\n\n\
         Read with `any(traveller.documents, d => d.kind == \"passport\")` and the like.\n\n",
    );
    table(&mut out, &DOCUMENT_FIELDS, "d.");
    out
}
