//! Input limits: how large a segment and a message may be before the reader
//! stops keeping them.
//!
//! The reader's memory is linear in its input, so these limits are not
//! needed to stay safe; they keep one hostile or broken message from
//! holding a large share of memory and time, and they turn an absurd input
//! into a precise Error diagnostic instead of a slow success. The defaults
//! are far above what real feeds send (`spec/formats/edifact.md`, "Limits").

/// Limits on what [`crate::edifact::read`] keeps, part of
/// [`crate::edifact::ReadOptions`].
///
/// Build it from the defaults so that a field added later keeps your code
/// compiling:
///
/// ```
/// use paxscreen_core::edifact::{Limits, ReadOptions};
/// let options = ReadOptions {
///     limits: Limits {
///         max_segment_bytes: 1 << 20,
///         ..Limits::default()
///     },
///     ..ReadOptions::default()
/// };
/// assert_eq!(options.limits.max_message_segments, 1_000_000);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest segment, in bytes of input from its tag to its terminator
    /// (both included, line breaks included). A longer segment is skipped
    /// with an `edifact.segment_too_long` error and reading goes on after
    /// its terminator.
    ///
    /// Default 64 KiB (65,536): the longest real segments are PNRGOV free
    /// texts (`LTS`, `SSR`, `IFT`) of a few KB; a PAXLST segment is under
    /// 200 bytes.
    pub max_segment_bytes: usize,
    /// The most segments one message (UNH to UNT, both included) may hold.
    /// Past it the rest of the message, up to its UNT, is skipped with an
    /// `edifact.message_too_large` error; the segments before are kept.
    ///
    /// Default 1,000,000: a PAXLST for a full 900-seat flight has a few tens
    /// of thousands of segments, a PNRGOV push of a full flight a few
    /// hundred thousand at most.
    pub max_message_segments: usize,
    /// The largest message, in bytes of input from the first byte of its
    /// UNH to the end of the segment being read. Past it the rest of the
    /// message is skipped as for [`Limits::max_message_segments`].
    ///
    /// Default 64 MiB (67,108,864): real messages are under a few MB
    /// (airlines split PNRGOV pushes into parts well below that).
    pub max_message_bytes: usize,
}

impl Limits {
    /// The default [`Limits::max_segment_bytes`]: 64 KiB.
    pub const DEFAULT_MAX_SEGMENT_BYTES: usize = 64 * 1024;
    /// The default [`Limits::max_message_segments`]: 1,000,000.
    pub const DEFAULT_MAX_MESSAGE_SEGMENTS: usize = 1_000_000;
    /// The default [`Limits::max_message_bytes`]: 64 MiB.
    pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

    /// No limit at all (every field `usize::MAX`): for trusted input only.
    pub const NONE: Limits = Limits {
        max_segment_bytes: usize::MAX,
        max_message_segments: usize::MAX,
        max_message_bytes: usize::MAX,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_segment_bytes: Self::DEFAULT_MAX_SEGMENT_BYTES,
            max_message_segments: Self::DEFAULT_MAX_MESSAGE_SEGMENTS,
            max_message_bytes: Self::DEFAULT_MAX_MESSAGE_BYTES,
        }
    }
}
