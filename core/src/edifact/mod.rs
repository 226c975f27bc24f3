//! The UN/EDIFACT syntax layer (ISO 9735): service string advice,
//! segments, envelopes and their control checks, and a writer.
//!
//! This layer knows nothing of passengers. [`read`] splits a transmission
//! into interchanges and messages of borrowed [`Segment`]s; the message
//! mappings ([`crate::paxlst`], [`crate::pnrgov`]) read those.
//!
//! ```
//! use paxscreen_core::edifact::{read, ReadOptions};
//! let t = read(b"UNB+UNOA:4+A+B+260101:1200+1'UNH+1+PAXLST:D:15B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'",
//!              ReadOptions::default()).unwrap();
//! let (_, message) = t.messages().next().unwrap();
//! assert_eq!(message.message_type.name, "PAXLST");
//! assert_eq!(message.body()[0].text(1, 1).as_deref(), Some("745"));
//! assert_eq!(t.all_diagnostics().count(), 0);
//! ```

mod delimiters;
mod error;
mod interchange;
mod lexer;
mod limits;
mod segment;
mod writer;

pub use delimiters::{Charset, Delimiters, UnaProblem};
pub use error::{Error, ErrorKind};
pub use interchange::{
    at_segment, read, segment_position, Group, Interchange, InterchangeHeader, Message,
    MessageType, Party, ReadOptions, Transfer, Transmission,
};
pub use lexer::{Lexer, RawSegment};
pub use limits::Limits;
pub use segment::{Element, Encoding, Fields, Segment};
pub use writer::Writer;

#[cfg(test)]
mod tests;
