//! doc indicators.

use super::{Context, TravellerFacts};

/// Computes the doc family.
pub fn compute<'v>(_ctx: &Context<'v, '_>, _f: &mut TravellerFacts<'v>) {}

/// The output name of a document kind (`passport`, `identity_card`...), or
/// the code as written for an unknown kind.
#[must_use]
pub fn kind_name(kind: &crate::model::DocumentKind) -> &str {
    use crate::model::DocumentKind as K;
    match kind {
        K::Passport => "passport",
        K::IdentityCard => "identity_card",
        K::Visa => "visa",
        K::CrewCertificate => "crew_certificate",
        K::PassportCard => "passport_card",
        K::ApprovedNonStandard => "approved_non_standard",
        K::AlienRegistration => "alien_registration",
        K::PermanentResidentCard => "permanent_resident_card",
        K::MilitaryId => "military_id",
        K::PilotLicence => "pilot_licence",
        K::ReEntryPermit => "re_entry_permit",
        K::Other(code) => code,
    }
}
