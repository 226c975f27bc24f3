//! Service string advice (UNA) and syntax identifiers (UNB).

use std::fmt;

/// The six service characters of an interchange.
///
/// Without a UNA segment the ISO 9735 defaults apply: `:` `+` `.` `?` and `'`,
/// with no repetition separator. A repetition separator is used only from
/// syntax version 4, and only when a UNA declares it: feeds that write
/// `UNOA:4` without a UNA often carry a literal `*` in party identifiers
/// (`APIS*ABE`), and reading it as a separator would corrupt them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Delimiters {
    /// Component data element separator (default `:`).
    pub component: u8,
    /// Data element separator (default `+`).
    pub element: u8,
    /// Decimal mark (default `.`). Only numbers use it; it is never escaped.
    pub decimal: u8,
    /// Release character (default `?`); `None` when the UNA gives a blank.
    pub release: Option<u8>,
    /// Repetition separator (syntax version 4 and later, from a UNA only).
    pub repetition: Option<u8>,
    /// Segment terminator (default `'`).
    pub terminator: u8,
}

impl Default for Delimiters {
    fn default() -> Self {
        Delimiters {
            component: b':',
            element: b'+',
            decimal: b'.',
            release: Some(b'?'),
            repetition: None,
            terminator: b'\'',
        }
    }
}

/// Why a UNA segment could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaProblem {
    /// Fewer than nine bytes are left in the input.
    Truncated,
    /// Two service characters are the same byte.
    Duplicate,
    /// A service character is a letter or digit, which would split data.
    Alphanumeric,
}

impl fmt::Display for UnaProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnaProblem::Truncated => "the UNA segment is shorter than nine characters",
            UnaProblem::Duplicate => "the UNA segment gives the same character two roles",
            UnaProblem::Alphanumeric => "the UNA segment uses a letter or digit as a separator",
        })
    }
}

impl Delimiters {
    /// Reads the nine bytes of a UNA segment (`UNA:+.? '`).
    ///
    /// The repetition character is kept as declared; the interchange reader
    /// drops it again when the syntax version is below 4.
    pub fn from_una(una: &[u8]) -> Result<Delimiters, UnaProblem> {
        let Some(&[component, element, decimal, release, repetition, terminator]) = una.get(3..9)
        else {
            return Err(UnaProblem::Truncated);
        };
        let release = (release != b' ').then_some(release);
        let repetition = (repetition != b' ').then_some(repetition);
        let d = Delimiters {
            component,
            element,
            decimal,
            release,
            repetition,
            terminator,
        };
        let separators = d.separators();
        for (i, a) in separators.iter().enumerate() {
            if a.is_ascii_alphanumeric() {
                return Err(UnaProblem::Alphanumeric);
            }
            if separators[i + 1..].contains(a) {
                return Err(UnaProblem::Duplicate);
            }
        }
        Ok(d)
    }

    /// The characters that must be released inside a value: the separators,
    /// the terminator and the release character itself.
    #[must_use]
    pub fn separators(&self) -> Vec<u8> {
        let mut v = vec![self.component, self.element, self.terminator];
        v.extend(self.release);
        v.extend(self.repetition);
        v
    }

    /// Whether `byte` has to be released when it occurs in a value.
    #[must_use]
    pub fn is_special(&self, byte: u8) -> bool {
        byte == self.component
            || byte == self.element
            || byte == self.terminator
            || Some(byte) == self.release
            || Some(byte) == self.repetition
    }

    /// The nine bytes of the UNA segment that declares these delimiters.
    #[must_use]
    pub fn to_una(&self) -> [u8; 9] {
        [
            b'U',
            b'N',
            b'A',
            self.component,
            self.element,
            self.decimal,
            self.release.unwrap_or(b' '),
            self.repetition.unwrap_or(b' '),
            self.terminator,
        ]
    }
}

/// How the bytes of values are turned into text, from the UNB syntax
/// identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Charset {
    /// `UNOA`, `UNOB` and IATA's `IATA`/`IATB`: ASCII subsets.
    Ascii,
    /// `UNOC`: ISO 8859-1.
    Latin1,
    /// `UNOD` to `UNOK`: other ISO 8859 parts, read as ISO 8859-1 with a
    /// diagnostic (no byte is lost: the mapping is reversible).
    OtherIso8859,
    /// `UNOW` and `UNOY`: UTF-8 (ISO 10646).
    Utf8,
}

impl Charset {
    /// The character set of a syntax identifier; `None` when unknown.
    #[must_use]
    pub fn from_syntax_identifier(id: &str) -> Option<Charset> {
        match id {
            "UNOA" | "UNOB" | "IATA" | "IATB" => Some(Charset::Ascii),
            "UNOC" => Some(Charset::Latin1),
            "UNOD" | "UNOE" | "UNOF" | "UNOG" | "UNOH" | "UNOI" | "UNOJ" | "UNOK" => {
                Some(Charset::OtherIso8859)
            }
            "UNOW" | "UNOY" => Some(Charset::Utf8),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_una_character() {
        let d = Delimiters::from_una(b"UNA:+.?*'").unwrap();
        assert_eq!(d.component, b':');
        assert_eq!(d.element, b'+');
        assert_eq!(d.decimal, b'.');
        assert_eq!(d.release, Some(b'?'));
        assert_eq!(d.repetition, Some(b'*'));
        assert_eq!(d.terminator, b'\'');
        assert_eq!(&d.to_una(), b"UNA:+.?*'");
    }

    #[test]
    fn blanks_mean_not_used() {
        let d = Delimiters::from_una(b"UNA:*.  #").unwrap();
        assert_eq!(d.element, b'*');
        assert_eq!(d.release, None);
        assert_eq!(d.repetition, None);
        assert_eq!(d.terminator, b'#');
    }

    #[test]
    fn refuses_unusable_una() {
        assert_eq!(Delimiters::from_una(b"UNA:+."), Err(UnaProblem::Truncated));
        assert_eq!(
            Delimiters::from_una(b"UNA::.? '"),
            Err(UnaProblem::Duplicate)
        );
        assert_eq!(
            Delimiters::from_una(b"UNAA+.? '"),
            Err(UnaProblem::Alphanumeric)
        );
    }

    #[test]
    fn charsets() {
        assert_eq!(
            Charset::from_syntax_identifier("IATA"),
            Some(Charset::Ascii)
        );
        assert_eq!(
            Charset::from_syntax_identifier("UNOC"),
            Some(Charset::Latin1)
        );
        assert_eq!(Charset::from_syntax_identifier("UNOY"), Some(Charset::Utf8));
        assert_eq!(Charset::from_syntax_identifier("SIRE"), None);
    }
}
