//! Name normalisation and comparison for reconciling one traveller across
//! sources (PNRGOV `SSR DOCS` and TIF names, PAXLST `NAD`, MRZ scans).
//!
//! Two steps, so the hot path normalises once and compares many times:
//!
//! 1. [`NormalisedName`]: a name in the ICAO 9303 MRZ character set (`A-Z`),
//!    split into surname tokens and given-name tokens, transliterated per
//!    Doc 9303 part 3 section 6 (Latin, Cyrillic; Greek per ELOT 743),
//!    with titles (`MRS`, `MSTR`, ...) and placeholders (`FNU`) removed.
//!    Build it from a (surname, given names) pair ([`NormalisedName::new`]),
//!    a PNL/PNR name `SURNAME/GIVEN TITLE` ([`NormalisedName::from_full_name`])
//!    or an MRZ name field `SURNAME<<GIVEN<NAMES` ([`NormalisedName::from_mrz`]).
//! 2. [`compare`] / [`similarity`]: a score in `0..=1` built on Jaro-Winkler
//!    (the `strsim` crate), insensitive to token order, to the truncation of
//!    MRZ name fields (39/31/30 characters), to a missing middle name and to
//!    umlaut spellings (`MULLER`, `MUELLER`, `MÜLLER`), with a small penalty
//!    for a surname/given-name swap. [`NameMatch`] says why.
//!
//! [`name_key`] gives a blocking key for reconciliation.
//!
//! Names are personal data: nothing here logs, and the `Debug` output of
//! [`NormalisedName`] shows the shape of a name (token lengths), never its
//! letters. Every function is total: any Unicode input gives a value, never a
//! panic or an error. The full definition, the tables and the examples the
//! tests check are in `spec/names.md`.

use std::cmp::Ordering;
use std::fmt;

/// Default similarity threshold below which two names are said to differ
/// (indicator DOC-09: "PNR DOCS vs API vs scan name similarity below
/// threshold").
pub const DEFAULT_THRESHOLD: f64 = 0.85;

/// Lengths of the MRZ name fields: TD1 (30), TD2 and MRV-B (31), TD3 and
/// MRV-A (39). A name whose MRZ form is exactly one of these long may have
/// been cut there.
pub const MRZ_NAME_LIMITS: [usize; 3] = [30, 31, 39];

/// Titles and honorifics removed from the start or end of the given names
/// (never when they are the only given name). Compared after normalisation,
/// so `Mrs.` and `MRS` are the same.
pub const TITLES: &[&str] = &[
    // English, and the PNR/PNL forms (IATA name element suffixes).
    "MR", "MRS", "MS", "MISS", "MX", "MSTR", "MASTER", "DR", "PROF", "REV", "REVD", "SIR", "LADY",
    "DAME", "LORD", "CHD", "INF", "MRMRS", "MRSMR",
    // French, German, Spanish, Italian, Portuguese courtesy titles.
    "MME", "MLLE", "HERR", "FRAU", "SR", "SRA", "SRTA", "SIG", "SIGRA", "SIGNA",
];

/// Placeholders written where a name part is unknown; they are not names
/// and are removed wherever they stand (also when alone).
pub const PLACEHOLDERS: &[&str] = &["FNU", "LNU", "NFN", "NLN", "UNKNOWN"];

/// Weight of the surname part in the score; the given names get the rest.
const SURNAME_WEIGHT: f64 = 0.6;
/// Score of a part (surname or given names) that is empty on one side only.
const ONE_SIDE_EMPTY: f64 = 0.5;
/// Subtracted per token of the longer side left without a partner
/// (a missing middle name or second surname).
const UNMATCHED_TOKEN_PENALTY: f64 = 0.04;
/// Subtracted when the best reading swaps surname and given names.
const SWAP_PENALTY: f64 = 0.05;
/// Subtracted when the best reading pools all tokens, ignoring which part
/// each side put them in.
const REGROUP_PENALTY: f64 = 0.08;
/// Score of a one-letter token against a longer token with that initial.
const INITIAL_SCORE: f64 = 0.9;
/// Tokens per part used in comparisons; further tokens are ignored there.
const MAX_TOKENS: usize = 12;
/// Longest token or concatenation folded or concatenated on the stack.
const BUF_LEN: usize = 64;

/// A person's name in the MRZ character set, split into surname and given
/// names. Every token is non-empty and made of `A-Z` when built by this
/// module's constructors.
///
/// `Debug` is redacted: it prints token lengths only, so a name cannot leak
/// through a log line or a panic message that formats the value.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NormalisedName {
    /// Surname (primary identifier) tokens, in written order.
    pub surname_tokens: Vec<String>,
    /// Given-name (secondary identifier) tokens, in written order, titles and
    /// placeholders removed.
    pub given_tokens: Vec<String>,
}

impl fmt::Debug for NormalisedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lens = |v: &[String]| v.iter().map(String::len).collect::<Vec<_>>();
        f.debug_struct("NormalisedName")
            .field("surname_token_lengths", &lens(&self.surname_tokens))
            .field("given_token_lengths", &lens(&self.given_tokens))
            .finish()
    }
}

impl NormalisedName {
    /// Normalises a (surname, given names) pair, as PAXLST `NAD`, PNR `SSR
    /// DOCS` and a parsed MRZ give them. Titles are removed from the given
    /// names, placeholders from both.
    pub fn new(surname: &str, given_names: &str) -> Self {
        let mut surname_tokens = Vec::new();
        tokenise(surname, &mut surname_tokens);
        surname_tokens.retain(|t| !is_placeholder(t));
        let mut given_tokens = Vec::new();
        tokenise(given_names, &mut given_tokens);
        given_tokens.retain(|t| !is_placeholder(t));
        strip_titles(&mut given_tokens);
        Self {
            surname_tokens,
            given_tokens,
        }
    }

    /// Normalises a PNL/PNR style name `SURNAME/GIVEN NAMES TITLE` (for
    /// example a PNRGOV TIF name `SMITH/ISABELLE MRS`). The first `/`
    /// separates surname from given names; without one, everything is
    /// surname. A leading party count (`2SMITH/...`) disappears with the
    /// digits. One person per string.
    pub fn from_full_name(full_name: &str) -> Self {
        match full_name.split_once('/') {
            Some((surname, given)) => Self::new(surname, given),
            None => Self::new(full_name, ""),
        }
    }

    /// Normalises an MRZ name field `SURNAME<<GIVEN<NAMES<<<`: the first
    /// `<<` separates surname from given names, `<` separates tokens,
    /// trailing fillers are ignored. Without `<<`, everything is surname.
    pub fn from_mrz(field: &str) -> Self {
        match field.split_once("<<") {
            Some((surname, given)) => Self::new(surname, given),
            None => Self::new(field, ""),
        }
    }

    /// True when the name has no token at all (nothing could be read or
    /// transliterated, e.g. a name in a script outside the tables). Two empty
    /// names compare as equal (score 1), so callers must not take an empty
    /// name as evidence of identity.
    pub fn is_empty(&self) -> bool {
        self.surname_tokens.is_empty() && self.given_tokens.is_empty()
    }

    /// Length of the name written as an MRZ name field without trailing
    /// fillers: surname tokens joined by `<`, then `<<` and the given tokens
    /// joined by `<` (nothing after the surname when there are no given
    /// names).
    pub fn mrz_len(&self) -> usize {
        let joined =
            |v: &[String]| v.iter().map(String::len).sum::<usize>() + v.len().saturating_sub(1);
        let surname = joined(&self.surname_tokens);
        if self.given_tokens.is_empty() {
            surname
        } else {
            surname + 2 + joined(&self.given_tokens)
        }
    }

    /// The name as an MRZ name field (`SURNAME<<GIVEN<NAMES`), without
    /// trailing fillers and without truncation.
    pub fn to_mrz(&self) -> String {
        let mut out = self.surname_tokens.join("<");
        if !self.given_tokens.is_empty() {
            out.push_str("<<");
            out.push_str(&self.given_tokens.join("<"));
        }
        out
    }
}

/// Normalises free text to MRZ tokens joined by single blanks (no title or
/// placeholder handling): `"Jean-Luc O'Neil"` -> `"JEAN LUC ONEIL"`.
pub fn normalise_text(text: &str) -> String {
    let mut tokens = Vec::new();
    tokenise(text, &mut tokens);
    tokens.join(" ")
}

fn is_title(token: &str) -> bool {
    TITLES.contains(&token)
}

fn is_placeholder(token: &str) -> bool {
    PLACEHOLDERS.contains(&token)
}

/// Removes titles at the end, then at the start, while more than one given
/// token remains.
fn strip_titles(given: &mut Vec<String>) {
    while given.len() > 1 && given.last().is_some_and(|t| is_title(t)) {
        given.pop();
    }
    let leading = given
        .iter()
        .take(given.len().saturating_sub(1))
        .take_while(|t| is_title(t))
        .count();
    given.drain(..leading);
}

/// What one (upper-case) character becomes.
enum Piece {
    /// One ASCII capital letter.
    Letter(char),
    /// A transliteration (may be empty: the character is dropped).
    Text(&'static str),
    /// A token separator (blank, hyphen, comma, filler, other symbols).
    Separator,
}

/// Splits `input` into normalised tokens and appends them to `out`.
fn tokenise(input: &str, out: &mut Vec<String>) {
    if input.is_ascii() {
        tokenise_ascii(input, out);
        return;
    }
    let mut current = String::new();
    // The previous Greek base letter in this token, for the digraphs
    // OY -> OU and AY/EY/HY -> AV/EV/IV.
    let mut greek_prev: Option<char> = None;
    for raw in input.chars() {
        for c in raw.to_uppercase() {
            let piece = classify(c, greek_prev);
            greek_prev = greek_base(c).or(if is_combining(c) { greek_prev } else { None });
            match piece {
                Piece::Letter(l) => current.push(l),
                Piece::Text(t) => current.push_str(t),
                Piece::Separator => {
                    if !current.is_empty() {
                        out.push(std::mem::take(&mut current));
                    }
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
}

/// The same rules as [`tokenise`] for ASCII text, byte by byte: letters
/// upper-cased, apostrophes and digits dropped, anything else separates.
fn tokenise_ascii(input: &str, out: &mut Vec<String>) {
    let mut current = String::new();
    for b in input.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' => current.push(char::from(b.to_ascii_uppercase())),
            b'\'' | b'`' | b'0'..=b'9' => {}
            _ => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
}

fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn classify(c: char, greek_prev: Option<char>) -> Piece {
    if c.is_ascii_uppercase() {
        return Piece::Letter(c);
    }
    match c {
        // Apostrophes and similar marks are omitted (O'NEIL -> ONEIL).
        '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{02BC}' | '\u{02BB}'
        | '\u{02B9}' | '\u{2032}' => return Piece::Text(""),
        // Invisible characters: soft hyphen, zero-width space/joiners, BOM.
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => return Piece::Text(""),
        _ => {}
    }
    if is_combining(c) || c.is_numeric() {
        // Stripped diacritics of decomposed text; digits are not part of
        // names (a PNL party count, an OCR misread).
        return Piece::Text("");
    }
    if let Some(t) = latin(c)
        .or_else(|| cyrillic(c))
        .or_else(|| greek(c, greek_prev))
    {
        return Piece::Text(t);
    }
    if c.is_alphabetic() {
        // A letter outside the tables (Arabic, CJK, ...): dropped, so it
        // neither splits nor invents a token.
        Piece::Text("")
    } else {
        Piece::Separator
    }
}

/// Doc 9303 part 3, section 6 (Latin-based characters), plus the other
/// precomposed Latin letters with their diacritics stripped. Upper case only
/// (input is upper-cased first; `ß` becomes `SS` there).
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ā' | 'Ă' | 'Ą' | 'Ǎ' | 'Ǟ' | 'Ǡ' | 'Ǻ' | 'Ȁ' | 'Ȃ' | 'Ȧ' | 'Ⱥ'
        | 'Ḁ' | 'Ạ' | 'Ả' | 'Ấ' | 'Ầ' | 'Ẩ' | 'Ẫ' | 'Ậ' | 'Ắ' | 'Ằ' | 'Ẳ' | 'Ẵ' | 'Ặ' => {
            "A"
        }
        'Å' => "AA",
        'Ä' | 'Æ' | 'Ǣ' | 'Ǽ' => "AE",
        'Ɓ' | 'Ƀ' | 'Ḃ' | 'Ḅ' | 'Ḇ' => "B",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' | 'Ȼ' | 'Ḉ' => "C",
        'Ð' | 'Ď' | 'Đ' | 'Ɖ' | 'Ɗ' | 'Ḋ' | 'Ḍ' | 'Ḏ' | 'Ḑ' | 'Ḓ' => "D",
        'Ǆ' | 'Ǳ' => "DZ",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' | 'Ə' | 'Ȅ' | 'Ȇ' | 'Ȩ' | 'Ɇ' | 'Ḕ'
        | 'Ḗ' | 'Ḙ' | 'Ḛ' | 'Ḝ' | 'Ẹ' | 'Ẻ' | 'Ẽ' | 'Ế' | 'Ề' | 'Ể' | 'Ễ' | 'Ệ' => {
            "E"
        }
        'Ƒ' | 'Ḟ' => "F",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' | 'Ɣ' | 'Ǥ' | 'Ǧ' | 'Ǵ' | 'Ḡ' => "G",
        'Ĥ' | 'Ħ' | 'Ȟ' | 'Ḣ' | 'Ḥ' | 'Ḧ' | 'Ḩ' | 'Ḫ' => "H",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' | 'Ɨ' | 'Ǐ' | 'Ȉ' | 'Ȋ' | 'Ḭ' | 'Ḯ'
        | 'Ỉ' | 'Ị' => "I",
        'Ĳ' => "IJ",
        'Ĵ' | 'Ɉ' => "J",
        'Ķ' | 'Ƙ' | 'Ǩ' | 'Ḱ' | 'Ḳ' | 'Ḵ' => "K",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' | 'Ƚ' | 'Ḷ' | 'Ḹ' | 'Ḻ' | 'Ḽ' => "L",
        'Ǉ' => "LJ",
        'Ḿ' | 'Ṁ' | 'Ṃ' => "M",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' | 'Ŋ' | 'Ɲ' | 'Ǹ' | 'Ṅ' | 'Ṇ' | 'Ṉ' | 'Ṋ' => "N",
        'Ǌ' => "NJ",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ō' | 'Ŏ' | 'Ő' | 'Ɵ' | 'Ơ' | 'Ǒ' | 'Ǫ' | 'Ǭ' | 'Ȍ' | 'Ȏ' | 'Ȫ'
        | 'Ȭ' | 'Ȯ' | 'Ȱ' | 'Ṍ' | 'Ṏ' | 'Ṑ' | 'Ṓ' | 'Ọ' | 'Ỏ' | 'Ố' | 'Ồ' | 'Ổ' | 'Ỗ' | 'Ộ'
        | 'Ớ' | 'Ờ' | 'Ở' | 'Ỡ' | 'Ợ' => "O",
        'Ö' | 'Ø' | 'Œ' | 'Ǿ' => "OE",
        'Ȣ' => "OU",
        'Ƥ' | 'Ṕ' | 'Ṗ' => "P",
        'Ŕ' | 'Ŗ' | 'Ř' | 'Ȑ' | 'Ȓ' | 'Ɍ' | 'Ṙ' | 'Ṛ' | 'Ṝ' | 'Ṟ' => "R",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' | 'Ṡ' | 'Ṣ' | 'Ṥ' | 'Ṧ' | 'Ṩ' => "S",
        'ẞ' => "SS",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ƭ' | 'Ʈ' | 'Ț' | 'Ⱦ' | 'Ṫ' | 'Ṭ' | 'Ṯ' | 'Ṱ' => "T",
        'Þ' => "TH",
        'Ù' | 'Ú' | 'Û' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' | 'Ư' | 'Ǔ' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ'
        | 'Ȕ' | 'Ȗ' | 'Ṳ' | 'Ṵ' | 'Ṷ' | 'Ṹ' | 'Ṻ' | 'Ụ' | 'Ủ' | 'Ứ' | 'Ừ' | 'Ử' | 'Ữ' | 'Ự' => {
            "U"
        }
        'Ü' => "UE",
        'Ʋ' | 'Ṽ' | 'Ṿ' => "V",
        'Ŵ' | 'Ẁ' | 'Ẃ' | 'Ẅ' | 'Ẇ' | 'Ẉ' => "W",
        'Ẋ' | 'Ẍ' => "X",
        'Ý' | 'Ŷ' | 'Ÿ' | 'Ƴ' | 'Ȳ' | 'Ɏ' | 'Ẏ' | 'Ỳ' | 'Ỵ' | 'Ỷ' | 'Ỹ' => "Y",
        'Ź' | 'Ż' | 'Ž' | 'Ƶ' | 'Ẑ' | 'Ẓ' | 'Ẕ' => "Z",
        _ => return None,
    })
}

/// Doc 9303 part 3, section 6 (Cyrillic), Russian values where the table
/// differs by language. Upper case only.
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' | 'Ґ' | 'Ѓ' => "G",
        'Д' | 'Ђ' => "D",
        'Е' | 'Ё' | 'Э' => "E",
        'Є' | 'Ъ' | 'Ѣ' => "IE",
        'Ж' => "ZH",
        'З' => "Z",
        'Ѕ' | 'Џ' => "DZ",
        'И' | 'І' | 'Ї' | 'Й' => "I",
        'Ј' => "J",
        'К' | 'Ќ' => "K",
        'Л' => "L",
        'Љ' => "LJ",
        'М' => "M",
        'Н' => "N",
        'Њ' => "NJ",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "C",
        'У' | 'Ў' | 'Ѫ' => "U",
        'Ф' | 'Ѳ' => "F",
        'Х' => "KH",
        'Ц' => "TS",
        'Ч' => "CH",
        'Ш' => "SH",
        'Щ' => "SHCH",
        'Ы' | 'Ѵ' => "Y",
        'Ь' => "",
        'Ю' => "IU",
        'Я' => "IA",
        _ => return None,
    })
}

/// The unaccented Greek capital of `c`, if `c` is a Greek capital.
fn greek_base(c: char) -> Option<char> {
    Some(match c {
        'Ά' => 'Α',
        'Έ' => 'Ε',
        'Ή' => 'Η',
        'Ί' | 'Ϊ' => 'Ι',
        'Ό' => 'Ο',
        'Ύ' => 'Υ',
        // With dialytika the vowel is pronounced apart: no digraph after it,
        // and none with it (see `greek`).
        'Ϋ' => 'Ϋ',
        'Ώ' => 'Ω',
        'Α'..='Ω' => c,
        _ => return None,
    })
}

/// Greek per ELOT 743 (Doc 9303 part 3 has no Greek table that we could
/// check): letter by letter, with OY -> OU and AY/EY/HY -> AV/EV/IV.
fn greek(c: char, prev: Option<char>) -> Option<&'static str> {
    let base = greek_base(c)?;
    Some(match base {
        'Α' => "A",
        'Β' => "V",
        'Γ' => "G",
        'Δ' => "D",
        'Ε' => "E",
        'Ζ' => "Z",
        'Η' | 'Ι' => "I",
        'Θ' => "TH",
        'Κ' => "K",
        'Λ' => "L",
        'Μ' => "M",
        'Ν' => "N",
        'Ξ' => "X",
        'Ο' | 'Ω' => "O",
        'Π' => "P",
        'Ρ' => "R",
        'Σ' => "S",
        'Τ' => "T",
        'Υ' => match prev {
            Some('Ο') => "U",
            Some('Α' | 'Ε' | 'Η') => "V",
            _ => "Y",
        },
        'Ϋ' => "Y",
        'Φ' => "F",
        'Χ' => "CH",
        'Ψ' => "PS",
        _ => return None,
    })
}

/// Why two names scored as they did.
///
/// `score` is the best of three readings (direct, swapped, regrouped), each
/// also tried against the other name cut at an MRZ field limit when one name
/// exactly fills such a field; `surname_score` and `given_score` are the part
/// scores of the reading that won (for a regrouped reading both are the
/// pooled score). See `spec/names.md`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct NameMatch {
    /// Overall similarity in `0..=1`; 1 for equal names.
    pub score: f64,
    /// Similarity of the surname parts (in the winning reading) in `0..=1`.
    pub surname_score: f64,
    /// Similarity of the given-name parts (in the winning reading) in `0..=1`.
    pub given_score: f64,
    /// The best reading compares one side's surname with the other's given
    /// names (a data-entry swap); costs 0.05.
    pub swapped: bool,
    /// The best reading pools surname and given tokens on both sides (a token
    /// such as a second surname written in the other part); costs 0.08.
    pub regrouped: bool,
    /// The best reading cuts the longer name at the MRZ name field length
    /// (30, 31 or 39) that the shorter name exactly fills.
    pub truncated: bool,
}

impl NameMatch {
    fn exact() -> Self {
        Self {
            score: 1.0,
            surname_score: 1.0,
            given_score: 1.0,
            swapped: false,
            regrouped: false,
            truncated: false,
        }
    }

    /// True when the score is at least `threshold` (for example
    /// [`DEFAULT_THRESHOLD`]).
    pub fn is_match(&self, threshold: f64) -> bool {
        self.score >= threshold
    }
}

/// Similarity of two normalised names in `0..=1` (see [`compare`] for the
/// explanation). Symmetric; 1 for a name with itself.
pub fn similarity(a: &NormalisedName, b: &NormalisedName) -> f64 {
    compare(a, b).score
}

/// Compares two normalised names and explains the score.
///
/// Per part (surname, given names): tokens are paired one to one, best pairs
/// first, regardless of order; each pair scores Jaro-Winkler (also on the
/// umlaut-folded spelling, so `MULLER`, `MUELLER` and `MÜLLER` agree; a
/// one-letter token against a name with that initial scores 0.9); the part
/// scores the mean over pairs minus 0.04 per token left unpaired (a missing
/// middle name), or, when the token counts differ, the Jaro-Winkler of the
/// concatenated tokens (`VAN DER BERG` against `VANDERBERG`) if higher. An empty part against an
/// empty part scores 1, against a non-empty part 0.5. The score is 0.6 x
/// surname + 0.4 x given names, or a swapped reading (surname against given
/// names) or a regrouped reading (all tokens pooled, when no part is empty)
/// if higher after its penalty. Both names are put in a fixed order first, so the
/// result does not depend on argument order. Two empty names score 1:
/// check [`NormalisedName::is_empty`] before taking a score as evidence.
///
/// Allocation: none of its own (tokens are borrowed into fixed arrays on the
/// stack); `strsim` allocates one small buffer per Jaro-Winkler call. Parts
/// with more than 12 tokens are compared on their first 12.
pub fn compare(a: &NormalisedName, b: &NormalisedName) -> NameMatch {
    let (a, b) = match a.cmp(b) {
        Ordering::Equal => return NameMatch::exact(),
        Ordering::Less => (a, b),
        Ordering::Greater => (b, a),
    };
    let view_a = View::of(a, None);
    let view_b = View::of(b, None);
    let mut best = compare_views(&view_a, &view_b);
    let (len_a, len_b) = (a.mrz_len(), b.mrz_len());
    if MRZ_NAME_LIMITS.contains(&len_a) && len_b > len_a {
        let cut = compare_views(&view_a, &View::of(b, Some(len_a)));
        if cut.score > best.score {
            best = NameMatch {
                truncated: true,
                ..cut
            };
        }
    }
    if MRZ_NAME_LIMITS.contains(&len_b) && len_a > len_b {
        let cut = compare_views(&View::of(a, Some(len_b)), &view_b);
        if cut.score > best.score {
            best = NameMatch {
                truncated: true,
                ..cut
            };
        }
    }
    best
}

/// A blocking key for reconciliation: the umlaut-folded surname tokens in
/// sorted order joined by blanks, `/`, and the initial of the first given
/// name (nothing after `/` without given names). `MÜLLER/HANS PETER MR` and
/// `MULLER/HANS` both give `MULLER/H`.
///
/// Names that [`compare`] finds similar usually share a key, but not when
/// a surname token is missing or misspelled or surname and given names are
/// swapped: reconciliation should also block on birth date and document
/// number, and compare every pair inside a block with [`compare`].
pub fn name_key(name: &NormalisedName) -> String {
    let mut surnames: Vec<String> = name
        .surname_tokens
        .iter()
        .map(|t| {
            let mut buf = [0u8; BUF_LEN];
            fold(t, &mut buf).map_or_else(|| t.clone(), str::to_owned)
        })
        .collect();
    surnames.sort_unstable();
    let mut key = surnames.join(" ");
    key.push('/');
    if let Some(initial) = name.given_tokens.first().and_then(|t| t.chars().next()) {
        key.push(initial);
    }
    key
}

/// Up to [`MAX_TOKENS`] borrowed tokens.
#[derive(Clone, Copy)]
struct Tokens<'a> {
    items: [&'a str; MAX_TOKENS],
    len: usize,
}

impl<'a> Tokens<'a> {
    fn new() -> Self {
        Self {
            items: [""; MAX_TOKENS],
            len: 0,
        }
    }

    fn push(&mut self, token: &'a str) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = token;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[&'a str] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

/// A name's tokens, possibly cut at an MRZ field length.
struct View<'a> {
    surname: Tokens<'a>,
    given: Tokens<'a>,
}

impl<'a> View<'a> {
    /// The tokens of `name`; with `limit`, only what fits in an MRZ name
    /// field of that length (the last token kept may be cut).
    fn of(name: &'a NormalisedName, limit: Option<usize>) -> Self {
        let limit = limit.unwrap_or(usize::MAX);
        let mut pos = 0usize;
        let take = |tokens: &'a [String], out: &mut Tokens<'a>, pos: &mut usize| {
            for (i, token) in tokens.iter().enumerate() {
                if i > 0 {
                    *pos = pos.saturating_add(1);
                }
                if *pos >= limit {
                    break;
                }
                let keep = token.len().min(limit - *pos);
                out.push(prefix(token, keep));
                *pos = pos.saturating_add(keep);
            }
        };
        let mut surname = Tokens::new();
        let mut given = Tokens::new();
        take(&name.surname_tokens, &mut surname, &mut pos);
        if !name.given_tokens.is_empty() {
            pos = pos.saturating_add(2);
            take(&name.given_tokens, &mut given, &mut pos);
        }
        Self { surname, given }
    }

    fn pooled(&self) -> Tokens<'a> {
        let mut all = self.surname;
        for t in self.given.as_slice() {
            all.push(t);
        }
        all
    }
}

/// The first `len` bytes of `token`, moved back to a character boundary.
fn prefix(token: &str, len: usize) -> &str {
    let mut len = len.min(token.len());
    while !token.is_char_boundary(len) {
        len -= 1;
    }
    token.get(..len).unwrap_or(token)
}

fn compare_views(a: &View<'_>, b: &View<'_>) -> NameMatch {
    let surname = part_score(a.surname.as_slice(), b.surname.as_slice());
    let given = part_score(a.given.as_slice(), b.given.as_slice());
    let mut best = NameMatch {
        score: weighted(surname, given),
        surname_score: surname,
        given_score: given,
        swapped: false,
        regrouped: false,
        truncated: false,
    };
    let surname_x = part_score(a.surname.as_slice(), b.given.as_slice());
    let given_x = part_score(a.given.as_slice(), b.surname.as_slice());
    let swapped = weighted(surname_x, given_x) - SWAP_PENALTY;
    if swapped > best.score {
        best = NameMatch {
            score: swapped,
            surname_score: surname_x,
            given_score: given_x,
            swapped: true,
            ..best
        };
    }
    let all_parts = [&a.surname, &a.given, &b.surname, &b.given];
    if all_parts.iter().any(|p| p.len == 0) {
        // Pooling would hide a part missing on one side.
        best.score = best.score.clamp(0.0, 1.0);
        return best;
    }
    let pooled = aligned_score(a.pooled().as_slice(), b.pooled().as_slice()).clamp(0.0, 1.0);
    if pooled - REGROUP_PENALTY > best.score {
        best = NameMatch {
            score: pooled - REGROUP_PENALTY,
            surname_score: pooled,
            given_score: pooled,
            swapped: false,
            regrouped: true,
            ..best
        };
    }
    best.score = best.score.clamp(0.0, 1.0);
    best
}

fn weighted(surname: f64, given: f64) -> f64 {
    SURNAME_WEIGHT * surname + (1.0 - SURNAME_WEIGHT) * given
}

/// Similarity of two token lists (one part of a name), in `0..=1`.
fn part_score(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return ONE_SIDE_EMPTY;
    }
    let aligned = aligned_score(a, b);
    let concatenated = if a.len() == b.len() {
        0.0
    } else {
        concat_score(a, b).unwrap_or(0.0)
    };
    aligned.max(concatenated).clamp(0.0, 1.0)
}

/// Pairs tokens one to one, best pair first (ties: first in row order), and
/// scores the mean over pairs minus a penalty per unpaired token.
fn aligned_score(a: &[&str], b: &[&str]) -> f64 {
    let (m, n) = (a.len().min(MAX_TOKENS), b.len().min(MAX_TOKENS));
    let mut sims = [[0.0f64; MAX_TOKENS]; MAX_TOKENS];
    for (row, x) in sims.iter_mut().zip(a) {
        for (cell, y) in row.iter_mut().zip(b) {
            *cell = token_similarity(x, y);
        }
    }
    let mut row_used = [false; MAX_TOKENS];
    let mut col_used = [false; MAX_TOKENS];
    let pairs = m.min(n);
    let mut total = 0.0;
    for _ in 0..pairs {
        let mut best: Option<(usize, usize, f64)> = None;
        for (i, row) in sims.iter().enumerate().take(m) {
            if row_used.get(i).copied().unwrap_or(true) {
                continue;
            }
            for (j, &s) in row.iter().enumerate().take(n) {
                if col_used.get(j).copied().unwrap_or(true) {
                    continue;
                }
                if best.is_none_or(|(_, _, b)| s > b) {
                    best = Some((i, j, s));
                }
            }
        }
        let Some((i, j, s)) = best else { break };
        if let Some(r) = row_used.get_mut(i) {
            *r = true;
        }
        if let Some(c) = col_used.get_mut(j) {
            *c = true;
        }
        total += s;
    }
    let unpaired = m.max(n) - pairs;
    total / pairs as f64 - UNMATCHED_TOKEN_PENALTY * unpaired as f64
}

/// Jaro-Winkler of the concatenated tokens of each side (ASCII names up to
/// 64 characters; `None` otherwise).
fn concat_score(a: &[&str], b: &[&str]) -> Option<f64> {
    let mut buf_a = [0u8; BUF_LEN];
    let mut buf_b = [0u8; BUF_LEN];
    let x = concat(a, &mut buf_a)?;
    let y = concat(b, &mut buf_b)?;
    Some(token_similarity(x, y))
}

fn concat<'b>(tokens: &[&str], buf: &'b mut [u8; BUF_LEN]) -> Option<&'b str> {
    let mut len = 0usize;
    for t in tokens {
        if !t.is_ascii() {
            return None;
        }
        let end = len.checked_add(t.len())?;
        buf.get_mut(len..end)?.copy_from_slice(t.as_bytes());
        len = end;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Similarity of two tokens in `0..=1`.
fn token_similarity(x: &str, y: &str) -> f64 {
    if x == y {
        return 1.0;
    }
    let (mut xc, mut yc) = (x.chars(), y.chars());
    let (Some(x0), Some(y0)) = (xc.next(), yc.next()) else {
        return 0.0;
    };
    let x_initial = xc.next().is_none();
    let y_initial = yc.next().is_none();
    if x_initial != y_initial && x0 == y0 {
        return INITIAL_SCORE;
    }
    let plain = strsim::jaro_winkler(x, y);
    let mut buf_x = [0u8; BUF_LEN];
    let mut buf_y = [0u8; BUF_LEN];
    let folded_x = fold(x, &mut buf_x);
    let folded_y = fold(y, &mut buf_y);
    if folded_x.is_none() && folded_y.is_none() {
        return plain;
    }
    let fx = folded_x.unwrap_or(x);
    let fy = folded_y.unwrap_or(y);
    plain.max(strsim::jaro_winkler(fx, fy))
}

/// The umlaut-folded spelling of an ASCII token (`AE` -> `A`, `OE` -> `O`,
/// `UE` -> `U`, `AA` -> `A`, left to right), or `None` when nothing folds
/// (or the token is not ASCII or longer than 64).
fn fold<'b>(token: &str, buf: &'b mut [u8; BUF_LEN]) -> Option<&'b str> {
    let bytes = token.as_bytes();
    if !token.is_ascii() || bytes.len() > BUF_LEN {
        return None;
    }
    let mut len = 0usize;
    let mut i = 0usize;
    let mut changed = false;
    while let Some(&c) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        let pair = matches!(
            (c, next),
            (b'A', Some(b'E' | b'A')) | (b'O' | b'U', Some(b'E'))
        );
        *buf.get_mut(len)? = c;
        len += 1;
        if pair {
            changed = true;
            i += 2;
        } else {
            i += 1;
        }
    }
    if !changed {
        return None;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

#[cfg(test)]
mod ascii_tests {
    use super::*;
    use proptest::prelude::*;

    /// The general path, forced (a non-ASCII separator is appended, which
    /// adds no token).
    fn general(input: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenise(&format!("{input}\u{2007}"), &mut out);
        out
    }

    proptest! {
        #[test]
        fn ascii_fast_path_agrees_with_the_general_rules(input in "[ -~]{0,40}") {
            let mut fast = Vec::new();
            tokenise_ascii(&input, &mut fast);
            prop_assert_eq!(fast, general(&input));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn full(s: &str) -> NormalisedName {
        if s.contains("<<") || s.ends_with('<') {
            NormalisedName::from_mrz(s)
        } else {
            NormalisedName::from_full_name(s)
        }
    }

    fn tokens(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The rows of the markdown table that follows `marker` in
    /// `spec/names.md`, header and separator rows skipped, cells trimmed.
    fn spec_table(marker: &str) -> Vec<Vec<String>> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/names.md");
        let text = std::fs::read_to_string(path).expect("spec/names.md is readable");
        let start = text.find(marker).expect("marker present in spec/names.md");
        text[start + marker.len()..]
            .lines()
            .skip_while(|l| !l.trim_start().starts_with('|'))
            .take_while(|l| l.trim_start().starts_with('|'))
            .skip(2)
            .map(|l| {
                let l = l.trim();
                l.trim_start_matches('|')
                    .trim_end_matches('|')
                    .split('|')
                    .map(|c| c.trim().trim_matches('`').to_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn spec_normalisation_table() {
        let rows = spec_table("<!-- names:normalisation-cases -->");
        assert!(
            rows.len() >= 30,
            "the spec keeps its normalisation examples"
        );
        for row in rows {
            let [input, surname, given] = &row[..] else {
                panic!("normalisation row needs 3 cells: {row:?}")
            };
            let n = full(input);
            assert_eq!(n.surname_tokens.join(" "), *surname, "surname of {input}");
            assert_eq!(n.given_tokens.join(" "), *given, "given names of {input}");
        }
    }

    #[test]
    fn spec_similarity_table() {
        let rows = spec_table("<!-- names:similarity-cases -->");
        assert!(rows.len() >= 20, "the spec keeps its similarity examples");
        let mut below = 0;
        for row in rows {
            let [case, a, b, expected] = &row[..] else {
                panic!("similarity row needs 4 cells: {row:?}")
            };
            let m = compare(&full(a), &full(b));
            let ok = if expected == "= 1" {
                m.score == 1.0
            } else if let Some(t) = expected.strip_prefix(">= ") {
                m.score >= t.parse::<f64>().expect("threshold")
            } else if let Some(t) = expected.strip_prefix("< ") {
                below += 1;
                m.score < t.parse::<f64>().expect("threshold")
            } else {
                panic!("unknown expectation {expected:?} in case {case}")
            };
            assert!(
                ok,
                "case {case}: {a} vs {b} scored {m:?}, expected {expected}"
            );
        }
        assert!(below >= 5, "the spec keeps clearly different names");
    }

    #[test]
    fn latin_transliteration() {
        for (input, expected) in [
            ("Müller", "MUELLER"),
            ("Öztürk", "OEZTUERK"),
            ("Gauß", "GAUSS"),
            ("Ærø", "AEROE"),
            ("Ångström", "AANGSTROEM"),
            ("Þórður", "THORDUR"),
            ("Ðorđe", "DORDE"),
            ("Ĳssel", "IJSSEL"),
            ("Œuvre", "OEUVRE"),
            ("Łukasz", "LUKASZ"),
            ("Muñoz", "MUNOZ"),
            ("François", "FRANCOIS"),
            ("Dvořák", "DVORAK"),
            ("Nguyễn Thị", "NGUYEN THI"),
            ("Yıldız", "YILDIZ"),
            ("Ştefănescu", "STEFANESCU"),
            // Decomposed input (NFD): the combining marks are dropped.
            ("Jose\u{301}", "JOSE"),
        ] {
            assert_eq!(normalise_text(input), expected, "{input}");
        }
    }

    #[test]
    fn cyrillic_transliteration() {
        for (input, expected) in [
            ("Юлия Щеглова", "IULIIA SHCHEGLOVA"),
            ("Жанна Хабибуллина", "ZHANNA KHABIBULLINA"),
            ("Царёв Чернышёв", "TSAREV CHERNYSHEV"),
            ("Андрей Шишкин", "ANDREI SHISHKIN"),
            ("Подъячев", "PODIEIACHEV"),
            ("Ильин Тарасьев", "ILIN TARASEV"),
            ("Быстров", "BYSTROV"),
            ("Эдуард", "EDUARD"),
        ] {
            assert_eq!(normalise_text(input), expected, "{input}");
        }
    }

    #[test]
    fn greek_transliteration() {
        for (input, expected) in [
            ("Παπαδόπουλος", "PAPADOPOULOS"),
            ("Γεώργιος", "GEORGIOS"),
            ("Θεοχάρης", "THEOCHARIS"),
            ("Ψαρράς", "PSARRAS"),
            ("Ευάγγελος", "EVAGGELOS"),
            ("Ξανθή", "XANTHI"),
            ("Ρωξάνη Λαΐου", "ROXANI LAIOU"),
        ] {
            assert_eq!(normalise_text(input), expected, "{input}");
        }
    }

    #[test]
    fn punctuation_and_digits() {
        assert_eq!(normalise_text("O'Neil"), "ONEIL");
        assert_eq!(normalise_text("O\u{2019}Neil"), "ONEIL");
        assert_eq!(normalise_text("Smith-Jones, Anna"), "SMITH JONES ANNA");
        assert_eq!(normalise_text("2SMITH"), "SMITH");
        assert_eq!(normalise_text("  --  "), "");
        assert_eq!(normalise_text("李小龙"), "");
    }

    #[test]
    fn titles_are_stripped_at_either_end_but_never_alone() {
        let n = NormalisedName::new("Smith", "Isabelle Mrs");
        assert_eq!(n.given_tokens, tokens(&["ISABELLE"]));
        let n = NormalisedName::new("Smith", "Dr. Mrs Isabelle Anne");
        assert_eq!(n.given_tokens, tokens(&["ISABELLE", "ANNE"]));
        let n = NormalisedName::new("Smith", "John Mstr");
        assert_eq!(n.given_tokens, tokens(&["JOHN"]));
        let n = NormalisedName::new("Smith", "Mrs");
        assert_eq!(n.given_tokens, tokens(&["MRS"]));
        let n = NormalisedName::new("Smith", "Mr Dr");
        assert_eq!(n.given_tokens, tokens(&["MR"]));
        // Titles inside the given names stay (a name that happens to match).
        let n = NormalisedName::new("Smith", "Anna Miss Maria");
        assert_eq!(n.given_tokens, tokens(&["ANNA", "MISS", "MARIA"]));
        // Surnames are never stripped.
        let n = NormalisedName::new("Lord", "Peter");
        assert_eq!(n.surname_tokens, tokens(&["LORD"]));
    }

    #[test]
    fn placeholders_are_removed() {
        let n = NormalisedName::from_full_name("SUKARNO/FNU");
        assert!(n.given_tokens.is_empty());
        assert_eq!(
            similarity(&n, &NormalisedName::from_mrz("SUKARNO<<<<<<")),
            1.0
        );
    }

    #[test]
    fn full_name_and_mrz_forms() {
        let pnr = NormalisedName::from_full_name("1SMITH/JOHN PAUL MR");
        let mrz = NormalisedName::from_mrz("SMITH<<JOHN<PAUL<<<<<<<<<<");
        let pair = NormalisedName::new("smith", "john paul");
        assert_eq!(pnr, mrz);
        assert_eq!(pnr, pair);
        assert_eq!(pnr.to_mrz(), "SMITH<<JOHN<PAUL");
        assert_eq!(pnr.mrz_len(), 16);
        let only = NormalisedName::from_mrz("SUKARNO");
        assert_eq!(only.surname_tokens, tokens(&["SUKARNO"]));
        assert!(only.given_tokens.is_empty());
        assert_eq!(only.mrz_len(), 7);
    }

    #[test]
    fn umlaut_spellings_are_the_same_person() {
        let forms = ["MÜLLER/HANS", "MUELLER/HANS", "MULLER/HANS"];
        for a in forms {
            for b in forms {
                assert_eq!(similarity(&full(a), &full(b)), 1.0, "{a} vs {b}");
            }
        }
        assert_eq!(
            name_key(&full("MÜLLER/HANS")),
            name_key(&full("MULLER/HANS"))
        );
    }

    #[test]
    fn token_order_does_not_matter() {
        let a = full("GARCIA LOPEZ/MARIA JOSE");
        let b = full("LOPEZ GARCIA/JOSE MARIA");
        let m = compare(&a, &b);
        assert_eq!(m.score, 1.0);
        assert!(!m.swapped && !m.regrouped && !m.truncated);
    }

    #[test]
    fn truncation_at_39_counts_as_equal() {
        let long = full("ABCDEFGHIJ KLMNOPQRST/ALEXANDRA MAXIMILIANA");
        let mrz_field: String = long.to_mrz().chars().take(39).collect();
        assert_eq!(mrz_field, "ABCDEFGHIJ<KLMNOPQRST<<ALEXANDRA<MAXIMI");
        let cut = NormalisedName::from_mrz(&mrz_field);
        let m = compare(&long, &cut);
        assert_eq!(m.score, 1.0);
        assert!(m.truncated);
        assert_eq!(compare(&cut, &long), m);
        // Cut inside the "<<": the MRZ keeps the surname only.
        let surname_only = full("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM/ANNA");
        let field: String = surname_only.to_mrz().chars().take(39).collect();
        let m = compare(&surname_only, &NormalisedName::from_mrz(&field));
        assert_eq!(m.score, 1.0);
        assert!(m.truncated);
    }

    #[test]
    fn a_short_name_is_not_taken_as_truncated() {
        let m = compare(&full("SMITH<<JOHN"), &full("SMITH/JOHNATHAN"));
        assert!(!m.truncated);
        assert!(m.score < 1.0);
    }

    #[test]
    fn missing_middle_name_is_tolerated() {
        let m = compare(&full("SMITH/JOHN PAUL"), &full("SMITH/JOHN"));
        assert!(m.score >= DEFAULT_THRESHOLD && m.score < 1.0, "{m:?}");
        assert_eq!(m.surname_score, 1.0);
        assert!((m.given_score - 0.96).abs() < 1e-9, "{m:?}");
        let m = compare(&full("SMITH/JOHN PAUL GEORGE"), &full("SMITH/PAUL"));
        assert!(m.score >= DEFAULT_THRESHOLD, "{m:?}");
    }

    #[test]
    fn swapped_surname_and_given_names() {
        let m = compare(&full("SMITH/JOHN"), &full("JOHN/SMITH"));
        assert!(m.swapped);
        assert!((m.score - (1.0 - SWAP_PENALTY)).abs() < 1e-9, "{m:?}");
    }

    #[test]
    fn second_surname_in_the_given_names_is_regrouped() {
        let m = compare(&full("GARCIA LOPEZ/MARIA"), &full("MARIA LOPEZ/GARCIA"));
        assert!(m.score >= DEFAULT_THRESHOLD, "{m:?}");
        assert!(m.regrouped || m.swapped, "{m:?}");
    }

    #[test]
    fn clearly_different_names_score_low() {
        for (a, b) in [
            ("SMITH/JOHN", "SMITH/MARY"),
            ("SMITH/JOHN", "JONES/JOHN"),
            ("IVANOV/SERGEI", "PETROV/SERGEI"),
            ("BROWN/ALICE", "NGUYEN/MINH"),
        ] {
            let m = compare(&full(a), &full(b));
            assert!(m.score < DEFAULT_THRESHOLD, "{a} vs {b}: {m:?}");
            assert!(!m.is_match(DEFAULT_THRESHOLD));
        }
    }

    #[test]
    fn initials_match_their_names() {
        let m = compare(&full("SMITH/J"), &full("SMITH/JOHN"));
        assert!((m.given_score - INITIAL_SCORE).abs() < 1e-9, "{m:?}");
        let m = compare(&full("SMITH/J"), &full("SMITH/PETER"));
        assert!(m.score < DEFAULT_THRESHOLD, "{m:?}");
    }

    #[test]
    fn name_key_sorts_folds_and_keeps_the_first_initial() {
        assert_eq!(name_key(&full("MÜLLER/HANS PETER MR")), "MULLER/H");
        assert_eq!(name_key(&full("LOPEZ GARCIA/MARIA")), "GARCIA LOPEZ/M");
        assert_eq!(name_key(&full("GARCIA LOPEZ/MARIA")), "GARCIA LOPEZ/M");
        assert_eq!(name_key(&full("SUKARNO<<")), "SUKARNO/");
        assert_eq!(name_key(&NormalisedName::default()), "/");
    }

    #[test]
    fn debug_does_not_show_the_name() {
        let text = format!("{:?}", full("SMITH/JOHN"));
        assert!(!text.contains("SMITH") && !text.contains("JOHN"), "{text}");
        assert!(text.contains("[5]") && text.contains("[4]"), "{text}");
    }

    #[test]
    fn empty_names() {
        let empty = NormalisedName::new("", "");
        assert!(empty.is_empty());
        assert_eq!(similarity(&empty, &empty), 1.0);
        let m = compare(&empty, &full("SMITH/JOHN"));
        assert!(m.score <= ONE_SIDE_EMPTY, "{m:?}");
    }

    #[test]
    fn hand_built_names_with_odd_tokens_do_not_panic() {
        let odd = NormalisedName {
            surname_tokens: vec![String::new(), "É".repeat(40), "x".repeat(200)],
            given_tokens: (0..30).map(|i| format!("T{i}")).collect(),
        };
        let other = full("SMITH/JOHN");
        let s = similarity(&odd, &other);
        assert!((0.0..=1.0).contains(&s));
        assert_eq!(similarity(&odd, &odd), 1.0);
        let cut = NormalisedName {
            surname_tokens: vec!["É".repeat(20)],
            given_tokens: vec![],
        };
        assert_eq!(cut.mrz_len(), 40);
        let _ = compare(&cut, &odd);
    }

    fn arb_name() -> impl Strategy<Value = NormalisedName> {
        let token = "[A-Z]{1,12}";
        (
            prop::collection::vec(token, 0..4),
            prop::collection::vec(token, 0..5),
        )
            .prop_map(|(s, g)| NormalisedName::new(&s.join(" "), &g.join(" ")))
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_bounded(a in arb_name(), b in arb_name()) {
            let ab = compare(&a, &b);
            let ba = compare(&b, &a);
            prop_assert_eq!(ab, ba);
            prop_assert!((0.0..=1.0).contains(&ab.score));
            prop_assert!((0.0..=1.0).contains(&ab.surname_score));
            prop_assert!((0.0..=1.0).contains(&ab.given_score));
        }

        #[test]
        fn similarity_of_a_name_with_itself_is_one(a in arb_name()) {
            prop_assert_eq!(similarity(&a, &a.clone()), 1.0);
        }

        #[test]
        fn truncated_mrz_form_matches_the_full_name(a in arb_name(), limit_idx in 0usize..3) {
            let limit = MRZ_NAME_LIMITS[limit_idx];
            let field: String = a.to_mrz().chars().take(limit).collect();
            let cut = NormalisedName::from_mrz(&field);
            if a.mrz_len() > limit && cut.mrz_len() == limit {
                prop_assert_eq!(similarity(&a, &cut), 1.0);
            }
        }

        #[test]
        fn normalisation_is_idempotent_and_total(s in "\\PC{0,40}", g in "\\PC{0,40}") {
            let n = NormalisedName::new(&s, &g);
            for t in n.surname_tokens.iter().chain(&n.given_tokens) {
                prop_assert!(!t.is_empty() && t.bytes().all(|b| b.is_ascii_uppercase()));
            }
            let again = NormalisedName::new(&n.surname_tokens.join(" "), &n.given_tokens.join(" "));
            prop_assert_eq!(&again, &n);
            let from_mrz = NormalisedName::from_mrz(&n.to_mrz());
            prop_assert_eq!(&from_mrz, &n);
            prop_assert_eq!(normalise_text(&normalise_text(&s)), normalise_text(&s));
            let _ = NormalisedName::from_full_name(&s);
            let _ = NormalisedName::from_mrz(&g);
            let _ = name_key(&n);
        }

        #[test]
        fn arbitrary_unicode_compares_without_panic(s in "\\PC{0,30}", g in "\\PC{0,30}", t in "\\PC{0,30}") {
            let a = NormalisedName::from_full_name(&format!("{s}/{g}"));
            let b = NormalisedName::from_mrz(&t);
            let m = compare(&a, &b);
            prop_assert!((0.0..=1.0).contains(&m.score));
            prop_assert_eq!(m, compare(&b, &a));
        }
    }
}
