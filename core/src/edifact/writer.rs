//! Writes EDIFACT with any delimiters, releasing special characters.

use super::delimiters::Delimiters;
use super::error::{Error, ErrorKind};
use crate::model::Position;

/// Builds an interchange byte by byte, escaping values for its delimiters.
///
/// ```
/// use paxscreen_core::edifact::{Delimiters, Writer};
/// let mut w = Writer::new(Delimiters::default());
/// w.segment("NAD", &[&["FL"], &[], &[], &["O'NEIL", "ANN"]]).unwrap();
/// assert_eq!(w.finish(), b"NAD+FL+++O?'NEIL:ANN'".to_vec());
/// ```
#[derive(Debug, Clone)]
pub struct Writer {
    delimiters: Delimiters,
    out: Vec<u8>,
    line_breaks: bool,
    segments: usize,
}

impl Writer {
    /// A writer for the given delimiters.
    #[must_use]
    pub fn new(delimiters: Delimiters) -> Self {
        Writer {
            delimiters,
            out: Vec::new(),
            line_breaks: false,
            segments: 0,
        }
    }

    /// Puts a line feed after every segment terminator (as many feeds do).
    #[must_use]
    pub fn with_line_breaks(mut self, on: bool) -> Self {
        self.line_breaks = on;
        self
    }

    /// Writes the UNA service string advice for these delimiters.
    pub fn una(&mut self) {
        self.out.extend_from_slice(&self.delimiters.to_una());
        if self.line_breaks {
            self.out.push(b'\n');
        }
    }

    /// Writes one segment: `elements[i][j]` is component `j` of element `i`.
    /// Trailing empty components and elements are written as given.
    ///
    /// Fails when a value holds a special character and the delimiters have
    /// no release character, or when the tag is not three letters or digits.
    pub fn segment<V: AsRef<[u8]>>(&mut self, tag: &str, elements: &[&[V]]) -> Result<(), Error> {
        if tag.len() != 3 || !tag.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(self.unwritable("a segment tag is three letters or digits".to_string()));
        }
        let mark = self.out.len();
        self.out.extend_from_slice(tag.as_bytes());
        for element in elements {
            self.out.push(self.delimiters.element);
            for (j, component) in element.iter().enumerate() {
                if j > 0 {
                    self.out.push(self.delimiters.component);
                }
                if let Err(e) = self.value(component.as_ref()) {
                    self.out.truncate(mark);
                    return Err(e);
                }
            }
        }
        self.out.push(self.delimiters.terminator);
        if self.line_breaks {
            self.out.push(b'\n');
        }
        self.segments += 1;
        Ok(())
    }

    /// Writes bytes as they are, with no escaping (wrappers, broken input
    /// for tests).
    pub fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Number of segments written so far.
    #[must_use]
    pub fn segment_count(&self) -> usize {
        self.segments
    }

    /// The bytes written.
    #[must_use]
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    /// The bytes written so far.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.out
    }

    fn value(&mut self, bytes: &[u8]) -> Result<(), Error> {
        for &b in bytes {
            if self.delimiters.is_special(b) {
                let Some(release) = self.delimiters.release else {
                    return Err(self.unwritable(format!(
                        "the value holds the separator {:?} and there is no release character",
                        char::from(b)
                    )));
                };
                self.out.push(release);
            }
            self.out.push(b);
        }
        Ok(())
    }

    fn unwritable(&self, reason: String) -> Error {
        Error {
            kind: ErrorKind::Unwritable { reason },
            position: Position::at(self.out.len()),
        }
    }
}
