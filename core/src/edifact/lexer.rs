//! The allocation-free core: finds segment boundaries in borrowed bytes.

use super::delimiters::Delimiters;
use std::borrow::Cow;

/// One segment as the lexer found it, before any interpretation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSegment<'a> {
    /// Tag and elements without the terminator; line breaks removed.
    pub content: Cow<'a, [u8]>,
    /// Byte offset of the first content byte in the input.
    pub offset: usize,
    /// Byte offset just past the terminator (or the end of the input).
    pub end: usize,
    /// Whether a terminator ended the segment (false at the end of input).
    pub terminated: bool,
    /// Whether line breaks inside the segment were removed.
    pub had_line_breaks: bool,
    /// Whether blanks (not line breaks) stood between the previous segment
    /// and this one.
    pub after_blanks: bool,
    /// Whether the segment ends with a release character that releases
    /// nothing (`ABC?` at the end of the input).
    pub dangling_release: bool,
}

/// Splits an interchange into segments.
///
/// A terminator ends a segment only when the run of release characters
/// before it is even: `??'` ends a segment, `?'` and `???'` do not. Line
/// breaks between segments are skipped; line breaks inside a segment are not
/// data (feeds wrap at 64-69 columns) and are removed, also inside a run of
/// release characters. Blanks between segments are skipped and flagged.
#[derive(Debug, Clone)]
pub struct Lexer<'a> {
    input: &'a [u8],
    pos: usize,
    delimiters: Delimiters,
}

impl<'a> Lexer<'a> {
    /// A lexer over `input`, starting at byte `start`.
    #[must_use]
    pub fn new(input: &'a [u8], start: usize, delimiters: Delimiters) -> Self {
        Lexer {
            input,
            pos: start.min(input.len()),
            delimiters,
        }
    }

    /// Byte offset of the next unread byte.
    #[must_use]
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Moves to byte `pos` (used after a UNA, or to skip text).
    pub fn seek(&mut self, pos: usize) {
        self.pos = pos.min(self.input.len());
    }

    /// Changes the delimiters (after a UNA or UNB).
    pub fn set_delimiters(&mut self, delimiters: Delimiters) {
        self.delimiters = delimiters;
    }

    /// The delimiters in use.
    #[must_use]
    pub fn delimiters(&self) -> Delimiters {
        self.delimiters
    }

    fn is_layout(&self, b: u8) -> bool {
        matches!(b, b'\r' | b'\n' | b' ' | b'\t' | 0x0c) && b != self.delimiters.terminator
    }

    fn breaks_are_layout(&self) -> bool {
        !matches!(self.delimiters.terminator, b'\r' | b'\n')
    }

    /// Skips line breaks and blanks; returns whether any blank was skipped.
    fn skip_layout(&mut self) -> bool {
        let mut blanks = false;
        while let Some(&b) = self.input.get(self.pos) {
            if !self.is_layout(b) {
                break;
            }
            blanks |= !matches!(b, b'\r' | b'\n');
            self.pos += 1;
        }
        blanks
    }

    /// Finds the next real terminator at or after `from`, and whether a line
    /// break lies before it. One SIMD search covers both in the common case.
    fn find_terminator(&self, from: usize) -> (Option<usize>, bool) {
        let t = self.delimiters.terminator;
        let breaks_are_layout = self.breaks_are_layout();
        let mut search = from;
        let mut saw_break = false;
        loop {
            let Some(rest) = self.input.get(search..) else {
                return (None, saw_break);
            };
            let hit = if saw_break || !breaks_are_layout {
                memchr::memchr(t, rest)
            } else {
                memchr::memchr3(t, b'\r', b'\n', rest)
            };
            let Some(i) = hit else {
                return (None, saw_break);
            };
            let at = search + i;
            search = at + 1;
            if self.input[at] != t {
                saw_break = true;
                continue;
            }
            if let Some(r) = self.delimiters.release {
                // Fast path: the byte before is data, so the terminator is real.
                let before = if at > from { self.input[at - 1] } else { 0 };
                if (before == r || matches!(before, b'\r' | b'\n'))
                    && self.released_before(at, from, r)
                {
                    continue;
                }
            }
            return (Some(at), saw_break);
        }
    }

    /// Whether the byte at `at` is released: an odd run of release
    /// characters (line breaks inside the run ignored) stands before it.
    fn released_before(&self, at: usize, floor: usize, release: u8) -> bool {
        let mut run = 0usize;
        let mut i = at;
        while i > floor {
            i -= 1;
            let b = self.input[i];
            if b == release {
                run += 1;
            } else if self.breaks_are_layout() && matches!(b, b'\r' | b'\n') {
                continue;
            } else {
                break;
            }
        }
        run % 2 == 1
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = RawSegment<'a>;

    fn next(&mut self) -> Option<RawSegment<'a>> {
        let after_blanks = self.skip_layout();
        let start = self.pos;
        if start >= self.input.len() {
            return None;
        }
        let (end_of_content, end, terminated, had_line_breaks) = match self.find_terminator(start) {
            (Some(t), saw_break) => (t, t + 1, true, saw_break),
            (None, _) => {
                // No terminator before the end: the rest is one segment,
                // without its trailing layout.
                let mut e = self.input.len();
                while e > start && self.is_layout(self.input[e - 1]) {
                    e -= 1;
                }
                let breaks = self.breaks_are_layout()
                    && memchr::memchr2(b'\r', b'\n', &self.input[start..e]).is_some();
                (e, self.input.len(), false, breaks)
            }
        };
        self.pos = end;
        let bytes = &self.input[start..end_of_content];
        let content = if had_line_breaks {
            Cow::Owned(
                bytes
                    .iter()
                    .copied()
                    .filter(|b| !matches!(b, b'\r' | b'\n'))
                    .collect(),
            )
        } else {
            Cow::Borrowed(bytes)
        };
        let dangling_release = !terminated
            && self
                .delimiters
                .release
                .is_some_and(|r| self.released_before(end_of_content, start, r));
        Some(RawSegment {
            content,
            offset: start,
            end,
            terminated,
            had_line_breaks,
            after_blanks,
            dangling_release,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(input: &[u8]) -> Vec<String> {
        Lexer::new(input, 0, Delimiters::default())
            .map(|s| String::from_utf8_lossy(&s.content).into_owned())
            .collect()
    }

    #[test]
    fn release_parity_decides_the_terminator() {
        assert_eq!(contents(b"A+B??'C'"), vec!["A+B??", "C"]);
        assert_eq!(contents(b"A+B?'C'"), vec!["A+B?'C"]);
        assert_eq!(contents(b"A+B???'C'D'"), vec!["A+B???'C", "D"]);
    }

    #[test]
    fn line_breaks_inside_segments_are_removed() {
        let segs: Vec<_> =
            Lexer::new(b"NAD+FL+++WILL\r\nIAMS'\nATT+2'", 0, Delimiters::default()).collect();
        assert_eq!(&*segs[0].content, b"NAD+FL+++WILLIAMS");
        assert!(segs[0].had_line_breaks);
        assert!(!segs[1].had_line_breaks);
        assert_eq!(segs[1].offset, 21);
    }

    #[test]
    fn a_wrap_inside_a_release_run_does_not_change_parity() {
        assert_eq!(contents(b"NAD+O?\n'NEIL'X'"), vec!["NAD+O?'NEIL", "X"]);
    }

    #[test]
    fn blanks_between_segments_are_skipped_and_flagged() {
        let segs: Vec<_> = Lexer::new(b"A' B'\n  C'", 0, Delimiters::default()).collect();
        assert_eq!(segs.len(), 3);
        assert!(!segs[0].after_blanks);
        assert!(segs[1].after_blanks);
        assert!(segs[2].after_blanks);
        assert_eq!(&*segs[2].content, b"C");
    }

    #[test]
    fn unterminated_tail_is_one_segment() {
        let segs: Vec<_> = Lexer::new(b"A'B+C?\n", 0, Delimiters::default()).collect();
        assert_eq!(segs.len(), 2);
        assert!(!segs[1].terminated);
        assert!(segs[1].dangling_release);
    }

    #[test]
    fn no_release_character() {
        let d = Delimiters {
            release: None,
            ..Delimiters::default()
        };
        let segs: Vec<_> = Lexer::new(b"A?'B'", 0, d).collect();
        assert_eq!(segs.len(), 2);
    }
}
