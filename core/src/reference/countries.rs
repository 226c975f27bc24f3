//! Countries and ICAO 9303 nationality codes.
//!
//! The table holds every ISO 3166-1 alpha-3 code (the codes ICAO Doc 9303
//! part 3 uses for states and territories) with its alpha-2 equivalent and
//! ISO English short name, plus the ICAO 9303 part 3 codes that are not ISO
//! codes:
//!
//! | code | meaning | [`CountryKind`] |
//! |---|---|---|
//! | `D` | Germany in the MRZ (normalised to `DEU`) | alias |
//! | `GBD` `GBN` `GBO` `GBP` `GBS` | classes of British nationality | [`CountryKind::NationalityClass`] |
//! | `RKS` | Kosovo (alpha-2 `XK`, also written `XKX`) | [`CountryKind::State`] |
//! | `EUE` | European Union (laissez-passer) | [`CountryKind::Organisation`] |
//! | `UNO` `UNA` `UNK` | UN, UN specialized agencies, UNMIK (Kosovo) | [`CountryKind::Organisation`] |
//! | `XBA` `XIM` `XCC` `XCE` `XCO` `XDC` `XEC` `XES` `XMP` `XOM` `XPO` | other organisations | [`CountryKind::Organisation`] |
//! | `XXA` `XXB` `XXC` | stateless person, refugee (1951 Convention), other refugee | [`CountryKind::ProtectedStatus`] |
//! | `XXX` | unspecified nationality | [`CountryKind::Unspecified`] |
//!
//! Passenger data mixes alpha-2 and alpha-3 codes (`/P/PH/...` next to
//! `/P/GBR/...` in the same PNR), so [`lookup`] accepts both. A two-letter
//! code is always read as ISO alpha-2, a three-letter code as alpha-3: the
//! two never collide because they have different lengths. Besides the table's
//! own alpha-2 codes, `UK` (ISO exceptionally reserved for the United
//! Kingdom) reads as `GBR`, and `XK` (the user-assigned code most senders use
//! for Kosovo) reads as `RKS`. The one-letter `D` is Germany's MRZ code and
//! reads as `DEU`; `DE` is its alpha-2 and `DEU` its alpha-3. Codes that
//! were deleted from ISO 3166-1 (`ANT`, `SCG`, `YUG`, `ZAR`, ...) are not
//! known and give `None`.
//!
//! Lookups index a table built at compile time from the sorted tables and
//! never allocate.

/// What a code in the [`lookup`] table designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CountryKind {
    /// A state or territory with an ISO 3166-1 code, and Kosovo (`RKS`).
    State,
    /// A class of British nationality (`GBD`, `GBN`, `GBO`, `GBP`, `GBS`):
    /// the issuer is the United Kingdom.
    NationalityClass,
    /// An organisation that issues travel documents, or whose officials
    /// carry them (UN, EU, Interpol, ...).
    Organisation,
    /// A stateless person (`XXA`) or a refugee (`XXB`, `XXC`). Such a status
    /// must never be used as a risk factor: see [`is_protected_status`].
    ProtectedStatus,
    /// Nationality unspecified (`XXX`).
    Unspecified,
}

/// One entry of the country table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country {
    /// The three-letter code used in ICAO 9303 documents (ISO 3166-1
    /// alpha-3 for states and territories).
    pub alpha3: &'static str,
    /// The ISO 3166-1 alpha-2 code, where there is one.
    pub alpha2: Option<&'static str>,
    /// English short name.
    pub name: &'static str,
    /// What the code designates.
    pub kind: CountryKind,
}

impl Country {
    /// True for the stateless and refugee codes `XXA`, `XXB` and `XXC`.
    #[must_use]
    pub fn is_protected_status(&self) -> bool {
        self.kind == CountryKind::ProtectedStatus
    }
}

const fn c(
    alpha3: &'static str,
    alpha2: Option<&'static str>,
    name: &'static str,
    kind: CountryKind,
) -> Country {
    Country {
        alpha3,
        alpha2,
        name,
        kind,
    }
}

/// Every known code, sorted by `alpha3` (byte order).
static COUNTRIES: &[Country] = &[
    c("ABW", Some("AW"), "Aruba", CountryKind::State),
    c("AFG", Some("AF"), "Afghanistan", CountryKind::State),
    c("AGO", Some("AO"), "Angola", CountryKind::State),
    c("AIA", Some("AI"), "Anguilla", CountryKind::State),
    c("ALA", Some("AX"), "Åland Islands", CountryKind::State),
    c("ALB", Some("AL"), "Albania", CountryKind::State),
    c("AND", Some("AD"), "Andorra", CountryKind::State),
    c(
        "ARE",
        Some("AE"),
        "United Arab Emirates",
        CountryKind::State,
    ),
    c("ARG", Some("AR"), "Argentina", CountryKind::State),
    c("ARM", Some("AM"), "Armenia", CountryKind::State),
    c("ASM", Some("AS"), "American Samoa", CountryKind::State),
    c("ATA", Some("AQ"), "Antarctica", CountryKind::State),
    c(
        "ATF",
        Some("TF"),
        "French Southern Territories",
        CountryKind::State,
    ),
    c("ATG", Some("AG"), "Antigua and Barbuda", CountryKind::State),
    c("AUS", Some("AU"), "Australia", CountryKind::State),
    c("AUT", Some("AT"), "Austria", CountryKind::State),
    c("AZE", Some("AZ"), "Azerbaijan", CountryKind::State),
    c("BDI", Some("BI"), "Burundi", CountryKind::State),
    c("BEL", Some("BE"), "Belgium", CountryKind::State),
    c("BEN", Some("BJ"), "Benin", CountryKind::State),
    c(
        "BES",
        Some("BQ"),
        "Bonaire, Sint Eustatius and Saba",
        CountryKind::State,
    ),
    c("BFA", Some("BF"), "Burkina Faso", CountryKind::State),
    c("BGD", Some("BD"), "Bangladesh", CountryKind::State),
    c("BGR", Some("BG"), "Bulgaria", CountryKind::State),
    c("BHR", Some("BH"), "Bahrain", CountryKind::State),
    c("BHS", Some("BS"), "Bahamas", CountryKind::State),
    c(
        "BIH",
        Some("BA"),
        "Bosnia and Herzegovina",
        CountryKind::State,
    ),
    c("BLM", Some("BL"), "Saint Barthélemy", CountryKind::State),
    c("BLR", Some("BY"), "Belarus", CountryKind::State),
    c("BLZ", Some("BZ"), "Belize", CountryKind::State),
    c("BMU", Some("BM"), "Bermuda", CountryKind::State),
    c(
        "BOL",
        Some("BO"),
        "Bolivia, Plurinational State of",
        CountryKind::State,
    ),
    c("BRA", Some("BR"), "Brazil", CountryKind::State),
    c("BRB", Some("BB"), "Barbados", CountryKind::State),
    c("BRN", Some("BN"), "Brunei Darussalam", CountryKind::State),
    c("BTN", Some("BT"), "Bhutan", CountryKind::State),
    c("BVT", Some("BV"), "Bouvet Island", CountryKind::State),
    c("BWA", Some("BW"), "Botswana", CountryKind::State),
    c(
        "CAF",
        Some("CF"),
        "Central African Republic",
        CountryKind::State,
    ),
    c("CAN", Some("CA"), "Canada", CountryKind::State),
    c(
        "CCK",
        Some("CC"),
        "Cocos (Keeling) Islands",
        CountryKind::State,
    ),
    c("CHE", Some("CH"), "Switzerland", CountryKind::State),
    c("CHL", Some("CL"), "Chile", CountryKind::State),
    c("CHN", Some("CN"), "China", CountryKind::State),
    c("CIV", Some("CI"), "Côte d'Ivoire", CountryKind::State),
    c("CMR", Some("CM"), "Cameroon", CountryKind::State),
    c(
        "COD",
        Some("CD"),
        "Congo, The Democratic Republic of the",
        CountryKind::State,
    ),
    c("COG", Some("CG"), "Congo", CountryKind::State),
    c("COK", Some("CK"), "Cook Islands", CountryKind::State),
    c("COL", Some("CO"), "Colombia", CountryKind::State),
    c("COM", Some("KM"), "Comoros", CountryKind::State),
    c("CPV", Some("CV"), "Cabo Verde", CountryKind::State),
    c("CRI", Some("CR"), "Costa Rica", CountryKind::State),
    c("CUB", Some("CU"), "Cuba", CountryKind::State),
    c("CUW", Some("CW"), "Curaçao", CountryKind::State),
    c("CXR", Some("CX"), "Christmas Island", CountryKind::State),
    c("CYM", Some("KY"), "Cayman Islands", CountryKind::State),
    c("CYP", Some("CY"), "Cyprus", CountryKind::State),
    c("CZE", Some("CZ"), "Czechia", CountryKind::State),
    c("DEU", Some("DE"), "Germany", CountryKind::State),
    c("DJI", Some("DJ"), "Djibouti", CountryKind::State),
    c("DMA", Some("DM"), "Dominica", CountryKind::State),
    c("DNK", Some("DK"), "Denmark", CountryKind::State),
    c("DOM", Some("DO"), "Dominican Republic", CountryKind::State),
    c("DZA", Some("DZ"), "Algeria", CountryKind::State),
    c("ECU", Some("EC"), "Ecuador", CountryKind::State),
    c("EGY", Some("EG"), "Egypt", CountryKind::State),
    c("ERI", Some("ER"), "Eritrea", CountryKind::State),
    c("ESH", Some("EH"), "Western Sahara", CountryKind::State),
    c("ESP", Some("ES"), "Spain", CountryKind::State),
    c("EST", Some("EE"), "Estonia", CountryKind::State),
    c("ETH", Some("ET"), "Ethiopia", CountryKind::State),
    c(
        "EUE",
        Some("EU"),
        "European Union",
        CountryKind::Organisation,
    ),
    c("FIN", Some("FI"), "Finland", CountryKind::State),
    c("FJI", Some("FJ"), "Fiji", CountryKind::State),
    c(
        "FLK",
        Some("FK"),
        "Falkland Islands (Malvinas)",
        CountryKind::State,
    ),
    c("FRA", Some("FR"), "France", CountryKind::State),
    c("FRO", Some("FO"), "Faroe Islands", CountryKind::State),
    c(
        "FSM",
        Some("FM"),
        "Micronesia, Federated States of",
        CountryKind::State,
    ),
    c("GAB", Some("GA"), "Gabon", CountryKind::State),
    c(
        "GBD",
        None,
        "British Overseas Territories Citizen",
        CountryKind::NationalityClass,
    ),
    c(
        "GBN",
        None,
        "British National (Overseas)",
        CountryKind::NationalityClass,
    ),
    c(
        "GBO",
        None,
        "British Overseas Citizen",
        CountryKind::NationalityClass,
    ),
    c(
        "GBP",
        None,
        "British Protected Person",
        CountryKind::NationalityClass,
    ),
    c("GBR", Some("GB"), "United Kingdom", CountryKind::State),
    c(
        "GBS",
        None,
        "British Subject",
        CountryKind::NationalityClass,
    ),
    c("GEO", Some("GE"), "Georgia", CountryKind::State),
    c("GGY", Some("GG"), "Guernsey", CountryKind::State),
    c("GHA", Some("GH"), "Ghana", CountryKind::State),
    c("GIB", Some("GI"), "Gibraltar", CountryKind::State),
    c("GIN", Some("GN"), "Guinea", CountryKind::State),
    c("GLP", Some("GP"), "Guadeloupe", CountryKind::State),
    c("GMB", Some("GM"), "Gambia", CountryKind::State),
    c("GNB", Some("GW"), "Guinea-Bissau", CountryKind::State),
    c("GNQ", Some("GQ"), "Equatorial Guinea", CountryKind::State),
    c("GRC", Some("GR"), "Greece", CountryKind::State),
    c("GRD", Some("GD"), "Grenada", CountryKind::State),
    c("GRL", Some("GL"), "Greenland", CountryKind::State),
    c("GTM", Some("GT"), "Guatemala", CountryKind::State),
    c("GUF", Some("GF"), "French Guiana", CountryKind::State),
    c("GUM", Some("GU"), "Guam", CountryKind::State),
    c("GUY", Some("GY"), "Guyana", CountryKind::State),
    c("HKG", Some("HK"), "Hong Kong", CountryKind::State),
    c(
        "HMD",
        Some("HM"),
        "Heard Island and McDonald Islands",
        CountryKind::State,
    ),
    c("HND", Some("HN"), "Honduras", CountryKind::State),
    c("HRV", Some("HR"), "Croatia", CountryKind::State),
    c("HTI", Some("HT"), "Haiti", CountryKind::State),
    c("HUN", Some("HU"), "Hungary", CountryKind::State),
    c("IDN", Some("ID"), "Indonesia", CountryKind::State),
    c("IMN", Some("IM"), "Isle of Man", CountryKind::State),
    c("IND", Some("IN"), "India", CountryKind::State),
    c(
        "IOT",
        Some("IO"),
        "British Indian Ocean Territory",
        CountryKind::State,
    ),
    c("IRL", Some("IE"), "Ireland", CountryKind::State),
    c(
        "IRN",
        Some("IR"),
        "Iran, Islamic Republic of",
        CountryKind::State,
    ),
    c("IRQ", Some("IQ"), "Iraq", CountryKind::State),
    c("ISL", Some("IS"), "Iceland", CountryKind::State),
    c("ISR", Some("IL"), "Israel", CountryKind::State),
    c("ITA", Some("IT"), "Italy", CountryKind::State),
    c("JAM", Some("JM"), "Jamaica", CountryKind::State),
    c("JEY", Some("JE"), "Jersey", CountryKind::State),
    c("JOR", Some("JO"), "Jordan", CountryKind::State),
    c("JPN", Some("JP"), "Japan", CountryKind::State),
    c("KAZ", Some("KZ"), "Kazakhstan", CountryKind::State),
    c("KEN", Some("KE"), "Kenya", CountryKind::State),
    c("KGZ", Some("KG"), "Kyrgyzstan", CountryKind::State),
    c("KHM", Some("KH"), "Cambodia", CountryKind::State),
    c("KIR", Some("KI"), "Kiribati", CountryKind::State),
    c(
        "KNA",
        Some("KN"),
        "Saint Kitts and Nevis",
        CountryKind::State,
    ),
    c("KOR", Some("KR"), "Korea, Republic of", CountryKind::State),
    c("KWT", Some("KW"), "Kuwait", CountryKind::State),
    c(
        "LAO",
        Some("LA"),
        "Lao People's Democratic Republic",
        CountryKind::State,
    ),
    c("LBN", Some("LB"), "Lebanon", CountryKind::State),
    c("LBR", Some("LR"), "Liberia", CountryKind::State),
    c("LBY", Some("LY"), "Libya", CountryKind::State),
    c("LCA", Some("LC"), "Saint Lucia", CountryKind::State),
    c("LIE", Some("LI"), "Liechtenstein", CountryKind::State),
    c("LKA", Some("LK"), "Sri Lanka", CountryKind::State),
    c("LSO", Some("LS"), "Lesotho", CountryKind::State),
    c("LTU", Some("LT"), "Lithuania", CountryKind::State),
    c("LUX", Some("LU"), "Luxembourg", CountryKind::State),
    c("LVA", Some("LV"), "Latvia", CountryKind::State),
    c("MAC", Some("MO"), "Macao", CountryKind::State),
    c(
        "MAF",
        Some("MF"),
        "Saint Martin (French part)",
        CountryKind::State,
    ),
    c("MAR", Some("MA"), "Morocco", CountryKind::State),
    c("MCO", Some("MC"), "Monaco", CountryKind::State),
    c(
        "MDA",
        Some("MD"),
        "Moldova, Republic of",
        CountryKind::State,
    ),
    c("MDG", Some("MG"), "Madagascar", CountryKind::State),
    c("MDV", Some("MV"), "Maldives", CountryKind::State),
    c("MEX", Some("MX"), "Mexico", CountryKind::State),
    c("MHL", Some("MH"), "Marshall Islands", CountryKind::State),
    c("MKD", Some("MK"), "North Macedonia", CountryKind::State),
    c("MLI", Some("ML"), "Mali", CountryKind::State),
    c("MLT", Some("MT"), "Malta", CountryKind::State),
    c("MMR", Some("MM"), "Myanmar", CountryKind::State),
    c("MNE", Some("ME"), "Montenegro", CountryKind::State),
    c("MNG", Some("MN"), "Mongolia", CountryKind::State),
    c(
        "MNP",
        Some("MP"),
        "Northern Mariana Islands",
        CountryKind::State,
    ),
    c("MOZ", Some("MZ"), "Mozambique", CountryKind::State),
    c("MRT", Some("MR"), "Mauritania", CountryKind::State),
    c("MSR", Some("MS"), "Montserrat", CountryKind::State),
    c("MTQ", Some("MQ"), "Martinique", CountryKind::State),
    c("MUS", Some("MU"), "Mauritius", CountryKind::State),
    c("MWI", Some("MW"), "Malawi", CountryKind::State),
    c("MYS", Some("MY"), "Malaysia", CountryKind::State),
    c("MYT", Some("YT"), "Mayotte", CountryKind::State),
    c("NAM", Some("NA"), "Namibia", CountryKind::State),
    c("NCL", Some("NC"), "New Caledonia", CountryKind::State),
    c("NER", Some("NE"), "Niger", CountryKind::State),
    c("NFK", Some("NF"), "Norfolk Island", CountryKind::State),
    c("NGA", Some("NG"), "Nigeria", CountryKind::State),
    c("NIC", Some("NI"), "Nicaragua", CountryKind::State),
    c("NIU", Some("NU"), "Niue", CountryKind::State),
    c("NLD", Some("NL"), "Netherlands", CountryKind::State),
    c("NOR", Some("NO"), "Norway", CountryKind::State),
    c("NPL", Some("NP"), "Nepal", CountryKind::State),
    c("NRU", Some("NR"), "Nauru", CountryKind::State),
    c("NZL", Some("NZ"), "New Zealand", CountryKind::State),
    c("OMN", Some("OM"), "Oman", CountryKind::State),
    c("PAK", Some("PK"), "Pakistan", CountryKind::State),
    c("PAN", Some("PA"), "Panama", CountryKind::State),
    c("PCN", Some("PN"), "Pitcairn", CountryKind::State),
    c("PER", Some("PE"), "Peru", CountryKind::State),
    c("PHL", Some("PH"), "Philippines", CountryKind::State),
    c("PLW", Some("PW"), "Palau", CountryKind::State),
    c("PNG", Some("PG"), "Papua New Guinea", CountryKind::State),
    c("POL", Some("PL"), "Poland", CountryKind::State),
    c("PRI", Some("PR"), "Puerto Rico", CountryKind::State),
    c(
        "PRK",
        Some("KP"),
        "Korea, Democratic People's Republic of",
        CountryKind::State,
    ),
    c("PRT", Some("PT"), "Portugal", CountryKind::State),
    c("PRY", Some("PY"), "Paraguay", CountryKind::State),
    c("PSE", Some("PS"), "Palestine, State of", CountryKind::State),
    c("PYF", Some("PF"), "French Polynesia", CountryKind::State),
    c("QAT", Some("QA"), "Qatar", CountryKind::State),
    c("REU", Some("RE"), "Réunion", CountryKind::State),
    c("RKS", Some("XK"), "Kosovo", CountryKind::State),
    c("ROU", Some("RO"), "Romania", CountryKind::State),
    c("RUS", Some("RU"), "Russian Federation", CountryKind::State),
    c("RWA", Some("RW"), "Rwanda", CountryKind::State),
    c("SAU", Some("SA"), "Saudi Arabia", CountryKind::State),
    c("SDN", Some("SD"), "Sudan", CountryKind::State),
    c("SEN", Some("SN"), "Senegal", CountryKind::State),
    c("SGP", Some("SG"), "Singapore", CountryKind::State),
    c(
        "SGS",
        Some("GS"),
        "South Georgia and the South Sandwich Islands",
        CountryKind::State,
    ),
    c(
        "SHN",
        Some("SH"),
        "Saint Helena, Ascension and Tristan da Cunha",
        CountryKind::State,
    ),
    c(
        "SJM",
        Some("SJ"),
        "Svalbard and Jan Mayen",
        CountryKind::State,
    ),
    c("SLB", Some("SB"), "Solomon Islands", CountryKind::State),
    c("SLE", Some("SL"), "Sierra Leone", CountryKind::State),
    c("SLV", Some("SV"), "El Salvador", CountryKind::State),
    c("SMR", Some("SM"), "San Marino", CountryKind::State),
    c("SOM", Some("SO"), "Somalia", CountryKind::State),
    c(
        "SPM",
        Some("PM"),
        "Saint Pierre and Miquelon",
        CountryKind::State,
    ),
    c("SRB", Some("RS"), "Serbia", CountryKind::State),
    c("SSD", Some("SS"), "South Sudan", CountryKind::State),
    c(
        "STP",
        Some("ST"),
        "Sao Tome and Principe",
        CountryKind::State,
    ),
    c("SUR", Some("SR"), "Suriname", CountryKind::State),
    c("SVK", Some("SK"), "Slovakia", CountryKind::State),
    c("SVN", Some("SI"), "Slovenia", CountryKind::State),
    c("SWE", Some("SE"), "Sweden", CountryKind::State),
    c("SWZ", Some("SZ"), "Eswatini", CountryKind::State),
    c(
        "SXM",
        Some("SX"),
        "Sint Maarten (Dutch part)",
        CountryKind::State,
    ),
    c("SYC", Some("SC"), "Seychelles", CountryKind::State),
    c(
        "SYR",
        Some("SY"),
        "Syrian Arab Republic",
        CountryKind::State,
    ),
    c(
        "TCA",
        Some("TC"),
        "Turks and Caicos Islands",
        CountryKind::State,
    ),
    c("TCD", Some("TD"), "Chad", CountryKind::State),
    c("TGO", Some("TG"), "Togo", CountryKind::State),
    c("THA", Some("TH"), "Thailand", CountryKind::State),
    c("TJK", Some("TJ"), "Tajikistan", CountryKind::State),
    c("TKL", Some("TK"), "Tokelau", CountryKind::State),
    c("TKM", Some("TM"), "Turkmenistan", CountryKind::State),
    c("TLS", Some("TL"), "Timor-Leste", CountryKind::State),
    c("TON", Some("TO"), "Tonga", CountryKind::State),
    c("TTO", Some("TT"), "Trinidad and Tobago", CountryKind::State),
    c("TUN", Some("TN"), "Tunisia", CountryKind::State),
    c("TUR", Some("TR"), "Türkiye", CountryKind::State),
    c("TUV", Some("TV"), "Tuvalu", CountryKind::State),
    c(
        "TWN",
        Some("TW"),
        "Taiwan, Province of China",
        CountryKind::State,
    ),
    c(
        "TZA",
        Some("TZ"),
        "Tanzania, United Republic of",
        CountryKind::State,
    ),
    c("UGA", Some("UG"), "Uganda", CountryKind::State),
    c("UKR", Some("UA"), "Ukraine", CountryKind::State),
    c(
        "UMI",
        Some("UM"),
        "United States Minor Outlying Islands",
        CountryKind::State,
    ),
    c(
        "UNA",
        None,
        "Specialized agency of the United Nations",
        CountryKind::Organisation,
    ),
    c(
        "UNK",
        None,
        "Kosovo (United Nations Interim Administration Mission)",
        CountryKind::Organisation,
    ),
    c(
        "UNO",
        None,
        "United Nations Organization",
        CountryKind::Organisation,
    ),
    c("URY", Some("UY"), "Uruguay", CountryKind::State),
    c("USA", Some("US"), "United States", CountryKind::State),
    c("UZB", Some("UZ"), "Uzbekistan", CountryKind::State),
    c(
        "VAT",
        Some("VA"),
        "Holy See (Vatican City State)",
        CountryKind::State,
    ),
    c(
        "VCT",
        Some("VC"),
        "Saint Vincent and the Grenadines",
        CountryKind::State,
    ),
    c(
        "VEN",
        Some("VE"),
        "Venezuela, Bolivarian Republic of",
        CountryKind::State,
    ),
    c(
        "VGB",
        Some("VG"),
        "Virgin Islands, British",
        CountryKind::State,
    ),
    c(
        "VIR",
        Some("VI"),
        "Virgin Islands, U.S.",
        CountryKind::State,
    ),
    c("VNM", Some("VN"), "Viet Nam", CountryKind::State),
    c("VUT", Some("VU"), "Vanuatu", CountryKind::State),
    c("WLF", Some("WF"), "Wallis and Futuna", CountryKind::State),
    c("WSM", Some("WS"), "Samoa", CountryKind::State),
    c(
        "XBA",
        None,
        "African Development Bank",
        CountryKind::Organisation,
    ),
    c(
        "XCC",
        None,
        "Caribbean Community (CARICOM)",
        CountryKind::Organisation,
    ),
    c("XCE", None, "Council of Europe", CountryKind::Organisation),
    c(
        "XCO",
        None,
        "Common Market for Eastern and Southern Africa (COMESA)",
        CountryKind::Organisation,
    ),
    c(
        "XDC",
        None,
        "Southern African Development Community (SADC)",
        CountryKind::Organisation,
    ),
    c(
        "XEC",
        None,
        "Economic Community of West African States (ECOWAS)",
        CountryKind::Organisation,
    ),
    c(
        "XES",
        None,
        "Organisation of Eastern Caribbean States (OECS)",
        CountryKind::Organisation,
    ),
    c(
        "XIM",
        None,
        "African Export-Import Bank",
        CountryKind::Organisation,
    ),
    c(
        "XMP",
        None,
        "Parliamentary Assembly of the Mediterranean",
        CountryKind::Organisation,
    ),
    c(
        "XOM",
        None,
        "Sovereign Military Order of Malta",
        CountryKind::Organisation,
    ),
    c(
        "XPO",
        None,
        "International Criminal Police Organization (INTERPOL)",
        CountryKind::Organisation,
    ),
    c(
        "XXA",
        None,
        "Stateless person (1954 Convention)",
        CountryKind::ProtectedStatus,
    ),
    c(
        "XXB",
        None,
        "Refugee (1951 Convention and 1967 Protocol)",
        CountryKind::ProtectedStatus,
    ),
    c(
        "XXC",
        None,
        "Refugee (other than 1951 Convention)",
        CountryKind::ProtectedStatus,
    ),
    c(
        "XXX",
        None,
        "Unspecified nationality",
        CountryKind::Unspecified,
    ),
    c("YEM", Some("YE"), "Yemen", CountryKind::State),
    c("ZAF", Some("ZA"), "South Africa", CountryKind::State),
    c("ZMB", Some("ZM"), "Zambia", CountryKind::State),
    c("ZWE", Some("ZW"), "Zimbabwe", CountryKind::State),
];

/// Alpha-2 code -> alpha-3 code, sorted by alpha-2. Holds every alpha-2 of
/// [`COUNTRIES`] and the alias `UK`.
static ALPHA2: &[(&str, &str)] = &[
    ("AD", "AND"),
    ("AE", "ARE"),
    ("AF", "AFG"),
    ("AG", "ATG"),
    ("AI", "AIA"),
    ("AL", "ALB"),
    ("AM", "ARM"),
    ("AO", "AGO"),
    ("AQ", "ATA"),
    ("AR", "ARG"),
    ("AS", "ASM"),
    ("AT", "AUT"),
    ("AU", "AUS"),
    ("AW", "ABW"),
    ("AX", "ALA"),
    ("AZ", "AZE"),
    ("BA", "BIH"),
    ("BB", "BRB"),
    ("BD", "BGD"),
    ("BE", "BEL"),
    ("BF", "BFA"),
    ("BG", "BGR"),
    ("BH", "BHR"),
    ("BI", "BDI"),
    ("BJ", "BEN"),
    ("BL", "BLM"),
    ("BM", "BMU"),
    ("BN", "BRN"),
    ("BO", "BOL"),
    ("BQ", "BES"),
    ("BR", "BRA"),
    ("BS", "BHS"),
    ("BT", "BTN"),
    ("BV", "BVT"),
    ("BW", "BWA"),
    ("BY", "BLR"),
    ("BZ", "BLZ"),
    ("CA", "CAN"),
    ("CC", "CCK"),
    ("CD", "COD"),
    ("CF", "CAF"),
    ("CG", "COG"),
    ("CH", "CHE"),
    ("CI", "CIV"),
    ("CK", "COK"),
    ("CL", "CHL"),
    ("CM", "CMR"),
    ("CN", "CHN"),
    ("CO", "COL"),
    ("CR", "CRI"),
    ("CU", "CUB"),
    ("CV", "CPV"),
    ("CW", "CUW"),
    ("CX", "CXR"),
    ("CY", "CYP"),
    ("CZ", "CZE"),
    ("DE", "DEU"),
    ("DJ", "DJI"),
    ("DK", "DNK"),
    ("DM", "DMA"),
    ("DO", "DOM"),
    ("DZ", "DZA"),
    ("EC", "ECU"),
    ("EE", "EST"),
    ("EG", "EGY"),
    ("EH", "ESH"),
    ("ER", "ERI"),
    ("ES", "ESP"),
    ("ET", "ETH"),
    ("EU", "EUE"),
    ("FI", "FIN"),
    ("FJ", "FJI"),
    ("FK", "FLK"),
    ("FM", "FSM"),
    ("FO", "FRO"),
    ("FR", "FRA"),
    ("GA", "GAB"),
    ("GB", "GBR"),
    ("GD", "GRD"),
    ("GE", "GEO"),
    ("GF", "GUF"),
    ("GG", "GGY"),
    ("GH", "GHA"),
    ("GI", "GIB"),
    ("GL", "GRL"),
    ("GM", "GMB"),
    ("GN", "GIN"),
    ("GP", "GLP"),
    ("GQ", "GNQ"),
    ("GR", "GRC"),
    ("GS", "SGS"),
    ("GT", "GTM"),
    ("GU", "GUM"),
    ("GW", "GNB"),
    ("GY", "GUY"),
    ("HK", "HKG"),
    ("HM", "HMD"),
    ("HN", "HND"),
    ("HR", "HRV"),
    ("HT", "HTI"),
    ("HU", "HUN"),
    ("ID", "IDN"),
    ("IE", "IRL"),
    ("IL", "ISR"),
    ("IM", "IMN"),
    ("IN", "IND"),
    ("IO", "IOT"),
    ("IQ", "IRQ"),
    ("IR", "IRN"),
    ("IS", "ISL"),
    ("IT", "ITA"),
    ("JE", "JEY"),
    ("JM", "JAM"),
    ("JO", "JOR"),
    ("JP", "JPN"),
    ("KE", "KEN"),
    ("KG", "KGZ"),
    ("KH", "KHM"),
    ("KI", "KIR"),
    ("KM", "COM"),
    ("KN", "KNA"),
    ("KP", "PRK"),
    ("KR", "KOR"),
    ("KW", "KWT"),
    ("KY", "CYM"),
    ("KZ", "KAZ"),
    ("LA", "LAO"),
    ("LB", "LBN"),
    ("LC", "LCA"),
    ("LI", "LIE"),
    ("LK", "LKA"),
    ("LR", "LBR"),
    ("LS", "LSO"),
    ("LT", "LTU"),
    ("LU", "LUX"),
    ("LV", "LVA"),
    ("LY", "LBY"),
    ("MA", "MAR"),
    ("MC", "MCO"),
    ("MD", "MDA"),
    ("ME", "MNE"),
    ("MF", "MAF"),
    ("MG", "MDG"),
    ("MH", "MHL"),
    ("MK", "MKD"),
    ("ML", "MLI"),
    ("MM", "MMR"),
    ("MN", "MNG"),
    ("MO", "MAC"),
    ("MP", "MNP"),
    ("MQ", "MTQ"),
    ("MR", "MRT"),
    ("MS", "MSR"),
    ("MT", "MLT"),
    ("MU", "MUS"),
    ("MV", "MDV"),
    ("MW", "MWI"),
    ("MX", "MEX"),
    ("MY", "MYS"),
    ("MZ", "MOZ"),
    ("NA", "NAM"),
    ("NC", "NCL"),
    ("NE", "NER"),
    ("NF", "NFK"),
    ("NG", "NGA"),
    ("NI", "NIC"),
    ("NL", "NLD"),
    ("NO", "NOR"),
    ("NP", "NPL"),
    ("NR", "NRU"),
    ("NU", "NIU"),
    ("NZ", "NZL"),
    ("OM", "OMN"),
    ("PA", "PAN"),
    ("PE", "PER"),
    ("PF", "PYF"),
    ("PG", "PNG"),
    ("PH", "PHL"),
    ("PK", "PAK"),
    ("PL", "POL"),
    ("PM", "SPM"),
    ("PN", "PCN"),
    ("PR", "PRI"),
    ("PS", "PSE"),
    ("PT", "PRT"),
    ("PW", "PLW"),
    ("PY", "PRY"),
    ("QA", "QAT"),
    ("RE", "REU"),
    ("RO", "ROU"),
    ("RS", "SRB"),
    ("RU", "RUS"),
    ("RW", "RWA"),
    ("SA", "SAU"),
    ("SB", "SLB"),
    ("SC", "SYC"),
    ("SD", "SDN"),
    ("SE", "SWE"),
    ("SG", "SGP"),
    ("SH", "SHN"),
    ("SI", "SVN"),
    ("SJ", "SJM"),
    ("SK", "SVK"),
    ("SL", "SLE"),
    ("SM", "SMR"),
    ("SN", "SEN"),
    ("SO", "SOM"),
    ("SR", "SUR"),
    ("SS", "SSD"),
    ("ST", "STP"),
    ("SV", "SLV"),
    ("SX", "SXM"),
    ("SY", "SYR"),
    ("SZ", "SWZ"),
    ("TC", "TCA"),
    ("TD", "TCD"),
    ("TF", "ATF"),
    ("TG", "TGO"),
    ("TH", "THA"),
    ("TJ", "TJK"),
    ("TK", "TKL"),
    ("TL", "TLS"),
    ("TM", "TKM"),
    ("TN", "TUN"),
    ("TO", "TON"),
    ("TR", "TUR"),
    ("TT", "TTO"),
    ("TV", "TUV"),
    ("TW", "TWN"),
    ("TZ", "TZA"),
    ("UA", "UKR"),
    ("UG", "UGA"),
    ("UK", "GBR"),
    ("UM", "UMI"),
    ("US", "USA"),
    ("UY", "URY"),
    ("UZ", "UZB"),
    ("VA", "VAT"),
    ("VC", "VCT"),
    ("VE", "VEN"),
    ("VG", "VGB"),
    ("VI", "VIR"),
    ("VN", "VNM"),
    ("VU", "VUT"),
    ("WF", "WLF"),
    ("WS", "WSM"),
    ("XK", "RKS"),
    ("YE", "YEM"),
    ("YT", "MYT"),
    ("ZA", "ZAF"),
    ("ZM", "ZMB"),
    ("ZW", "ZWE"),
];

/// Codes that are neither alpha-2 nor a table alpha-3, sorted.
static ALIASES: &[(&str, &str)] = &[("D", "DEU"), ("XKX", "RKS")];

/// The whole table, sorted by alpha-3 code.
#[must_use]
pub fn all() -> &'static [Country] {
    COUNTRIES
}

/// Trims blanks and MRZ `<` fillers, checks that what is left is one to
/// three ASCII letters, and upper-cases it into a stack buffer.
fn normalise(code: &str) -> Option<([u8; 3], usize)> {
    // The characters trimmed are all ASCII, so trimming bytes is exact.
    let filler = |b: &u8| *b == b'<' || b.is_ascii_whitespace();
    let bytes = code.as_bytes();
    let start = bytes.iter().position(|b| !filler(b))?;
    let end = bytes.iter().rposition(|b| !filler(b))? + 1;
    let bytes = bytes.get(start..end)?;
    if bytes.is_empty() || bytes.len() > 3 {
        return None;
    }
    let mut key = [0u8; 3];
    for (slot, &b) in key.iter_mut().zip(bytes) {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        *slot = b.to_ascii_uppercase();
    }
    Some((key, bytes.len()))
}

/// No entry at this slot of [`CodeIndex`].
const NO_ENTRY: u16 = u16::MAX;

/// Every accepted code, by its letters, to its row of [`COUNTRIES`]: a
/// direct table lookup instead of a search. Built at compile time from the
/// tables above, so it can never disagree with them.
struct CodeIndex {
    /// Three letters `abc` at `a * 676 + b * 26 + c` (`A` = 0): the
    /// alpha-3 codes and the three-letter aliases.
    three: [u16; 26 * 26 * 26],
    /// Two letters at `a * 26 + b`: the alpha-2 codes and `UK`.
    two: [u16; 26 * 26],
    /// One letter: the alias `D`.
    one: [u16; 26],
}

static INDEX: CodeIndex = CodeIndex::build();

/// The slot of upper-case letters `key` in their table of [`CodeIndex`].
const fn slot(key: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < key.len() {
        n = n * 26 + (key[i] - b'A') as usize;
        i += 1;
    }
    n
}

impl CodeIndex {
    const fn build() -> CodeIndex {
        let mut index = CodeIndex {
            three: [NO_ENTRY; 26 * 26 * 26],
            two: [NO_ENTRY; 26 * 26],
            one: [NO_ENTRY; 26],
        };
        let mut row = 0;
        while row < COUNTRIES.len() {
            // The table has 274 rows: a row number always fits a u16.
            #[allow(clippy::cast_possible_truncation)]
            let value = row as u16;
            index.three[slot(COUNTRIES[row].alpha3.as_bytes())] = value;
            row += 1;
        }
        let mut i = 0;
        while i < ALPHA2.len() {
            let (code, alpha3) = ALPHA2[i];
            index.two[slot(code.as_bytes())] = index.three[slot(alpha3.as_bytes())];
            i += 1;
        }
        let mut i = 0;
        while i < ALIASES.len() {
            let (code, alpha3) = ALIASES[i];
            let target = index.three[slot(alpha3.as_bytes())];
            match code.len() {
                1 => index.one[slot(code.as_bytes())] = target,
                3 => index.three[slot(code.as_bytes())] = target,
                // Evaluated at compile time: a two-letter alias belongs in
                // ALPHA2, and this stops the build rather than misfiling it.
                _ => panic!("an alias has one or three letters"),
            }
            i += 1;
        }
        index
    }

    /// The row for an upper-case key of one to three letters.
    fn get(&self, key: &[u8]) -> Option<&'static Country> {
        let table: &[u16] = match key.len() {
            1 => &self.one,
            2 => &self.two,
            3 => &self.three,
            _ => return None,
        };
        let row = *table.get(slot(key))?;
        COUNTRIES.get(usize::from(row))
    }
}

#[cfg(test)]
fn find_pair(table: &'static [(&'static str, &'static str)], key: &[u8]) -> Option<&'static str> {
    table
        .binary_search_by(|(k, _)| k.as_bytes().cmp(key))
        .ok()
        .and_then(|i| table.get(i))
        .map(|&(_, v)| v)
}

#[cfg(test)]
fn find_alpha3(key: &[u8]) -> Option<&'static Country> {
    COUNTRIES
        .binary_search_by(|country| country.alpha3.as_bytes().cmp(key))
        .ok()
        .and_then(|i| COUNTRIES.get(i))
}

/// Finds a country by ICAO/ISO alpha-3 code, ISO alpha-2 code or the MRZ
/// code `D` (Germany), case-insensitively, after trimming blanks and `<`
/// fillers (`"D<<"`, `" gbr "` and `"gb"` all work).
///
/// ```
/// use paxscreen_core::reference::countries::{lookup, CountryKind};
/// assert_eq!(lookup("D<<").map(|c| c.alpha3), Some("DEU"));
/// assert_eq!(lookup("ph").map(|c| c.alpha3), Some("PHL"));
/// assert_eq!(lookup("XXB").map(|c| c.kind), Some(CountryKind::ProtectedStatus));
/// assert!(lookup("QQQ").is_none());
/// ```
#[must_use]
pub fn lookup(code: &str) -> Option<&'static Country> {
    let (key, len) = normalise(code)?;
    INDEX.get(key.get(..len)?)
}

/// The three-letter code for any code [`lookup`] accepts (`"D"` and `"DE"`
/// give `"DEU"`, `"XK"` gives `"RKS"`).
#[must_use]
pub fn to_alpha3(code: &str) -> Option<&'static str> {
    lookup(code).map(|country| country.alpha3)
}

/// The ISO alpha-2 code for any code [`lookup`] accepts, where there is one.
#[must_use]
pub fn to_alpha2(code: &str) -> Option<&'static str> {
    lookup(code).and_then(|country| country.alpha2)
}

/// True when `code` is a stateless or refugee code (`XXA`, `XXB`, `XXC`).
/// Screening must not treat such a status as a risk factor.
#[must_use]
pub fn is_protected_status(code: &str) -> bool {
    lookup(code).is_some_and(Country::is_protected_status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique() {
        assert!(COUNTRIES
            .windows(2)
            .all(|w| w[0].alpha3.as_bytes() < w[1].alpha3.as_bytes()));
        assert!(ALPHA2
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
        assert!(ALIASES
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
    }

    #[test]
    fn tables_are_consistent() {
        for country in COUNTRIES {
            assert_eq!(country.alpha3.len(), 3);
            assert!(country.alpha3.bytes().all(|b| b.is_ascii_uppercase()));
            if let Some(a2) = country.alpha2 {
                assert_eq!(find_pair(ALPHA2, a2.as_bytes()), Some(country.alpha3));
            }
        }
        for (a2, a3) in ALPHA2.iter().chain(ALIASES) {
            let target = find_alpha3(a3.as_bytes()).unwrap();
            assert!(
                *a2 == "UK" || ALIASES.iter().any(|(k, _)| k == a2) || target.alpha2 == Some(*a2)
            );
        }
        // 249 ISO 3166-1 codes plus the ICAO 9303 special codes.
        assert_eq!(COUNTRIES.iter().filter(|c| c.alpha2.is_some()).count(), 251);
    }

    #[test]
    fn the_index_agrees_with_the_sorted_tables_for_every_key() {
        let letters = b'A'..=b'Z';
        for a in letters.clone() {
            assert_eq!(
                INDEX.get(&[a]),
                find_pair(ALIASES, &[a]).and_then(|a3| find_alpha3(a3.as_bytes()))
            );
            for b in letters.clone() {
                assert_eq!(
                    INDEX.get(&[a, b]),
                    find_pair(ALPHA2, &[a, b]).and_then(|a3| find_alpha3(a3.as_bytes()))
                );
                for c in letters.clone() {
                    let key = [a, b, c];
                    let searched = find_alpha3(&key).or_else(|| {
                        find_pair(ALIASES, &key).and_then(|a3| find_alpha3(a3.as_bytes()))
                    });
                    assert_eq!(INDEX.get(&key), searched, "{key:?}");
                }
            }
        }
    }

    #[test]
    fn mixed_codes_resolve() {
        assert_eq!(to_alpha3("D"), Some("DEU"));
        assert_eq!(to_alpha3("D<<"), Some("DEU"));
        assert_eq!(to_alpha3("de"), Some("DEU"));
        assert_eq!(to_alpha3(" DEU "), Some("DEU"));
        assert_eq!(to_alpha3("GB"), Some("GBR"));
        assert_eq!(to_alpha3("UK"), Some("GBR"));
        assert_eq!(to_alpha3("gbn"), Some("GBN"));
        assert_eq!(to_alpha3("XK"), Some("RKS"));
        assert_eq!(to_alpha3("XKX"), Some("RKS"));
        assert_eq!(to_alpha3("PH"), Some("PHL"));
        // The Doc 9303 specimen state "Utopia" is not a real code.
        assert_eq!(to_alpha3("UTO"), None);
        assert_eq!(to_alpha2("FRA"), Some("FR"));
        assert_eq!(to_alpha2("XXA"), None);
        assert_eq!(
            lookup("XPO").map(|c| c.kind),
            Some(CountryKind::Organisation)
        );
        assert_eq!(
            lookup("GBD").map(|c| c.kind),
            Some(CountryKind::NationalityClass)
        );
        assert_eq!(
            lookup("XXX").map(|c| c.kind),
            Some(CountryKind::Unspecified)
        );
        assert_eq!(lookup("CIV").map(|c| c.name), Some("Côte d'Ivoire"));
    }

    #[test]
    fn bad_codes_give_none() {
        for code in [
            "", "<<<", "   ", "X", "QQ", "QQQ", "DEUT", "D1", "1", "ÄÖÜ", "GB<R", "ANT", "YUG",
        ] {
            assert!(lookup(code).is_none(), "{code:?}");
        }
    }

    #[test]
    fn protected_status_codes() {
        for code in ["XXA", "XXB", "xxc", "XXC<"] {
            assert!(is_protected_status(code), "{code}");
        }
        for code in ["XXX", "GBR", "UNO", "", "XX"] {
            assert!(!is_protected_status(code), "{code}");
        }
    }
}
