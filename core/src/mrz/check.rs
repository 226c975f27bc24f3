//! The ICAO 9303 check digit: weights 7, 3, 1 repeating over the character
//! values (`0`-`9` are themselves, `A`=10 .. `Z`=35, `<`=0), sum modulo 10.

/// The value of one MRZ character, `None` outside `A-Z0-9<`.
#[must_use]
pub fn character_value(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        b'A'..=b'Z' => Some(u32::from(c - b'A') + 10),
        b'<' => Some(0),
        _ => None,
    }
}

/// The check digit (`'0'`..=`'9'`) of `data`; `None` when a character is
/// outside `A-Z0-9<` (lower case is not accepted here).
///
/// ```
/// assert_eq!(paxscreen_core::mrz::check_digit("L898902C3"), Some('6'));
/// assert_eq!(paxscreen_core::mrz::check_digit("740812"), Some('2'));
/// assert_eq!(paxscreen_core::mrz::check_digit("l898902c3"), None);
/// ```
#[must_use]
pub fn check_digit(data: &str) -> Option<char> {
    let mut sum = 0u32;
    for (i, c) in data.bytes().enumerate() {
        sum += character_value(c)? * WEIGHTS[i % 3];
    }
    Some(digit_char(sum))
}

const WEIGHTS: [u32; 3] = [7, 3, 1];

/// Check digit over bytes already known to be in `A-Z0-9<` (anything else
/// counts as 0).
pub(crate) fn check_digit_bytes<'a>(data: impl IntoIterator<Item = &'a u8>) -> u8 {
    let mut sum = 0u32;
    for (i, c) in data.into_iter().enumerate() {
        sum += character_value(*c).unwrap_or(0) * WEIGHTS[i % 3];
    }
    b'0' + u8::try_from(sum % 10).unwrap_or(0)
}

fn digit_char(sum: u32) -> char {
    char::from(b'0' + u8::try_from(sum % 10).unwrap_or(0))
}

/// The OCR look-alike of a character, if it has one: O/0, I/1, B/8, S/5,
/// Z/2, G/6.
pub(crate) fn look_alike(c: u8) -> Option<u8> {
    Some(match c {
        b'O' => b'0',
        b'0' => b'O',
        b'I' => b'1',
        b'1' => b'I',
        b'B' => b'8',
        b'8' => b'B',
        b'S' => b'5',
        b'5' => b'S',
        b'Z' => b'2',
        b'2' => b'Z',
        b'G' => b'6',
        b'6' => b'G',
        _ => return None,
    })
}
