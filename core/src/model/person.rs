//! Facts about a person that every source writes in its own way.

use serde::Serialize;

/// Gender as travel documents and messages record it.
///
/// PAXLST `ATT+2` uses M, F, U; SSR DOCS adds X and the infant forms MI and
/// FI (read as male or female, with the infant flag kept on the traveller);
/// ICAO 9303 uses M, F and `<` (unspecified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Gender {
    /// Male (`M`).
    #[serde(rename = "M")]
    Male,
    /// Female (`F`).
    #[serde(rename = "F")]
    Female,
    /// Not specified or unknown (`U`, MRZ `<`).
    #[serde(rename = "U")]
    Unspecified,
    /// Non-binary or other (`X`).
    #[serde(rename = "X")]
    Other,
}

impl Gender {
    /// Reads a gender code (`M`, `F`, `U`, `X`, `MI`, `FI`, `<`); `None` for
    /// anything else. Case-insensitive; blanks around the code are ignored.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Gender> {
        match code.trim().to_ascii_uppercase().as_str() {
            "M" | "MI" => Some(Gender::Male),
            "F" | "FI" => Some(Gender::Female),
            "U" | "<" => Some(Gender::Unspecified),
            "X" => Some(Gender::Other),
            _ => None,
        }
    }

    /// The one-letter code (`M`, `F`, `U`, `X`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "M",
            Gender::Female => "F",
            Gender::Unspecified => "U",
            Gender::Other => "X",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_code() {
        assert_eq!(Gender::from_code("m"), Some(Gender::Male));
        assert_eq!(Gender::from_code("FI"), Some(Gender::Female));
        assert_eq!(Gender::from_code(" X "), Some(Gender::Other));
        assert_eq!(Gender::from_code("<"), Some(Gender::Unspecified));
        assert_eq!(Gender::from_code("Q"), None);
    }
}
