//! Segments, elements and components, read lazily from borrowed bytes.
//!
//! Positions follow the implementation guides' notation: data elements are
//! numbered from 1 after the tag (`NAD04` is the fourth element), components
//! from 1 inside an element (`NAD04-2`). `segment.text(4, 2)` reads `NAD04-2`.

use super::delimiters::Delimiters;
use std::borrow::Cow;

/// How the bytes of one segment are turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Every byte is ASCII: values are borrowed as they are.
    Ascii,
    /// Valid UTF-8 in a UTF-8 interchange.
    Utf8,
    /// ISO 8859-1: every byte is one character, so nothing is lost. Used for
    /// UNOC, and for bytes that are not valid in the declared character set
    /// (with a diagnostic from the reader).
    Latin1,
}

/// One segment: its tag and elements, borrowed from the input.
///
/// The content excludes the terminator. Line breaks inside a segment (feeds
/// wrapped at 64-69 columns) are removed; only then is the content owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    content: Cow<'a, [u8]>,
    delimiters: Delimiters,
    encoding: Encoding,
    /// Byte offset of the segment's first character in the input.
    pub offset: usize,
    /// Index of the segment within its interchange (UNB is 0, UNA is not
    /// counted).
    pub index: u32,
    tag_end: u32,
}

impl<'a> Segment<'a> {
    /// A segment over `content` (tag and elements, no terminator).
    #[must_use]
    pub fn new(
        content: Cow<'a, [u8]>,
        delimiters: Delimiters,
        encoding: Encoding,
        offset: usize,
        index: u32,
    ) -> Self {
        let tag_end = if content.get(3) == Some(&delimiters.element)
            && !content[..3].contains(&delimiters.element)
        {
            3
        } else {
            content
                .iter()
                .position(|&b| b == delimiters.element)
                .unwrap_or(content.len())
        };
        Segment {
            tag_end: u32::try_from(tag_end).unwrap_or(u32::MAX),
            content,
            delimiters,
            encoding,
            offset,
            index,
        }
    }

    /// The segment tag (`NAD`); empty when the segment does not start with
    /// one.
    #[must_use]
    pub fn tag(&self) -> &str {
        let end =
            usize::try_from(self.tag_end).map_or(self.content.len(), |e| e.min(self.content.len()));
        std::str::from_utf8(&self.content[..end]).unwrap_or("")
    }

    /// The tag as bytes, without UTF-8 validation: what hot paths match on
    /// (`match seg.tag_bytes() { b"NAD" => ... }`).
    #[must_use]
    pub fn tag_bytes(&self) -> &[u8] {
        let end =
            usize::try_from(self.tag_end).map_or(self.content.len(), |e| e.min(self.content.len()));
        &self.content[..end]
    }

    /// Whether the tag is `tag`.
    #[must_use]
    pub fn is(&self, tag: &str) -> bool {
        self.tag_bytes() == tag.as_bytes()
    }

    /// The raw content, tag and elements, escaped as written.
    #[must_use]
    pub fn content(&self) -> &[u8] {
        &self.content
    }

    /// The segment's delimiters.
    #[must_use]
    pub fn delimiters(&self) -> &Delimiters {
        &self.delimiters
    }

    /// How values of this segment are decoded.
    #[must_use]
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The data elements after the tag, in order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'_>> + '_ {
        let d = self.delimiters;
        self.after_tag()
            .into_iter()
            .flat_map(move |rest| split_released(rest, d.element, d.release))
            .map(move |raw| Element {
                raw,
                delimiters: d,
                encoding: self.encoding,
            })
    }

    /// Number of data elements after the tag.
    #[must_use]
    pub fn element_count(&self) -> usize {
        self.elements().count()
    }

    /// The elements after the tag and its separator, raw; `None` when no
    /// separator follows the tag (`SRC'`).
    fn after_tag(&self) -> Option<&[u8]> {
        self.content.get(self.tag_bytes().len() + 1..)
    }

    /// Data element `n`, counted from 1 after the tag.
    #[must_use]
    pub fn element(&self, n: usize) -> Option<Element<'_>> {
        let d = self.delimiters;
        let (raw, _) = nth_part(
            self.after_tag()?,
            d.element,
            None,
            d.release,
            n.checked_sub(1)?,
        )?;
        Some(Element {
            raw,
            delimiters: d,
            encoding: self.encoding,
        })
    }

    /// Component `c` (from 1) of element `e` (from 1), unescaped and decoded;
    /// `None` when absent or empty.
    #[must_use]
    pub fn text(&self, e: usize, c: usize) -> Option<Cow<'_, str>> {
        self.element(e)?.text(c)
    }

    /// Like [`Segment::text`], with blanks around the value removed; `None`
    /// when nothing but blanks remains.
    #[must_use]
    pub fn trimmed(&self, e: usize, c: usize) -> Option<Cow<'_, str>> {
        self.element(e)?.trimmed(c)
    }

    /// Like [`Segment::trimmed`], as an owned `String`.
    #[must_use]
    pub fn string(&self, e: usize, c: usize) -> Option<String> {
        self.trimmed(e, c).map(Cow::into_owned)
    }

    /// The data elements split once, for reading several values of this
    /// segment: each [`Segment::text`] rescans the segment from its start,
    /// [`Fields::text`] does not.
    #[must_use]
    pub fn fields(&self) -> Fields<'_> {
        Fields::new(self)
    }

    /// The segment as written, for keeping unknown segments: unescaped
    /// release characters stay as they are.
    #[must_use]
    pub fn raw_text(&self) -> String {
        decode(&self.content, self.encoding).into_owned()
    }
}

/// How many data elements [`Fields`] indexes; elements after these are
/// found by a scan of the segment, as [`Segment::element`] finds them.
const INDEXED_ELEMENTS: usize = 24;

/// A segment's data elements, split in one pass ([`Segment::fields`]).
///
/// Mapping code reads many values of one segment (`ORG` has eleven); with
/// `Fields` the segment is scanned once and each element is found by index.
/// Segments of more than 24 elements are read as well: the elements past
/// the 24th are found by a scan of the segment.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'s> {
    segment: &'s Segment<'s>,
    /// `bounds[i]` is the offset in the content of the separator before
    /// element `i + 1`; `bounds[count]` ends the last indexed element.
    bounds: [u32; INDEXED_ELEMENTS + 1],
    /// Elements indexed.
    count: usize,
    /// Whether the segment has more elements than are indexed.
    more: bool,
}

impl<'s> Fields<'s> {
    fn new(segment: &'s Segment<'s>) -> Fields<'s> {
        let mut fields = Fields {
            segment,
            bounds: [0; INDEXED_ELEMENTS + 1],
            count: 0,
            more: false,
        };
        let content: &[u8] = &segment.content;
        let first = segment.tag_bytes().len();
        if first >= content.len() || u32::try_from(content.len()).is_err() {
            // No element separator after the tag, or a segment too long for
            // 32-bit offsets (reads then fall back to scanning).
            fields.more = first < content.len();
            return fields;
        }
        let separator = segment.delimiters.element;
        let release = segment.delimiters.release;
        let bound = |fields: &mut Fields<'s>, at: usize| -> bool {
            if fields.count == INDEXED_ELEMENTS {
                fields.more = true;
                return false;
            }
            fields.count += 1;
            // The content length fits in u32 (checked above).
            fields.bounds[fields.count] = u32::try_from(at).unwrap_or(u32::MAX);
            true
        };
        fields.bounds[0] = u32::try_from(first).unwrap_or(u32::MAX);
        let mut i = first + 1;
        while let Some(&b) = content.get(i) {
            if Some(b) == release {
                i += 2;
                continue;
            }
            if b == separator && !bound(&mut fields, i) {
                return fields;
            }
            i += 1;
        }
        bound(&mut fields, content.len());
        fields
    }

    /// The segment the fields belong to.
    #[must_use]
    pub fn segment(&self) -> &'s Segment<'s> {
        self.segment
    }

    /// Data element `n`, counted from 1 after the tag.
    #[must_use]
    pub fn element(&self, n: usize) -> Option<Element<'s>> {
        if n > self.count {
            return if self.more {
                self.segment.element(n)
            } else {
                None
            };
        }
        let start = usize::try_from(*self.bounds.get(n.checked_sub(1)?)?).ok()? + 1;
        let end = usize::try_from(*self.bounds.get(n)?).ok()?;
        Some(Element {
            raw: self.segment.content.get(start..end)?,
            delimiters: self.segment.delimiters,
            encoding: self.segment.encoding,
        })
    }

    /// Number of data elements after the tag.
    #[must_use]
    pub fn count(&self) -> usize {
        if self.more {
            self.segment.element_count()
        } else {
            self.count
        }
    }

    /// Component `c` (from 1) of element `e` (from 1), as
    /// [`Segment::text`].
    #[must_use]
    pub fn text(&self, e: usize, c: usize) -> Option<Cow<'s, str>> {
        self.element(e)?.text(c)
    }

    /// Component `c` of element `e`, trimmed, as [`Segment::trimmed`].
    #[must_use]
    pub fn trimmed(&self, e: usize, c: usize) -> Option<Cow<'s, str>> {
        self.element(e)?.trimmed(c)
    }

    /// Component `c` of element `e`, trimmed and owned, as
    /// [`Segment::string`].
    #[must_use]
    pub fn string(&self, e: usize, c: usize) -> Option<String> {
        self.trimmed(e, c).map(Cow::into_owned)
    }
}

/// One data element: components, and repetitions where the interchange
/// declares a repetition separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Element<'s> {
    raw: &'s [u8],
    delimiters: Delimiters,
    encoding: Encoding,
}

impl<'s> Element<'s> {
    /// The element as written, escaped.
    #[must_use]
    pub fn raw(&self) -> &'s [u8] {
        self.raw
    }

    /// Whether the element is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// The first repetition's components, raw.
    fn first_repetition(&self) -> &'s [u8] {
        match self.delimiters.repetition {
            Some(rep) => split_released(self.raw, rep, self.delimiters.release)
                .next()
                .unwrap_or(self.raw),
            None => self.raw,
        }
    }

    /// The repetitions of this element (one when none are written or the
    /// interchange has no repetition separator).
    pub fn repetitions(&self) -> impl Iterator<Item = Element<'s>> + 's {
        let d = self.delimiters;
        let encoding = self.encoding;
        let sep = d.repetition.unwrap_or(d.terminator);
        split_released(self.raw, sep, d.release).map(move |raw| Element {
            raw,
            delimiters: Delimiters {
                repetition: None,
                ..d
            },
            encoding,
        })
    }

    /// The components of the first repetition, raw (escaped).
    pub fn components(&self) -> impl Iterator<Item = &'s [u8]> + 's {
        split_released(
            self.first_repetition(),
            self.delimiters.component,
            self.delimiters.release,
        )
    }

    /// Number of components.
    #[must_use]
    pub fn component_count(&self) -> usize {
        self.components().count()
    }

    /// Component `c` (from 1), unescaped and decoded; `None` when absent or
    /// empty.
    #[must_use]
    pub fn text(&self, c: usize) -> Option<Cow<'s, str>> {
        let (raw, released) = self.component(c)?;
        if raw.is_empty() {
            return None;
        }
        Some(if released {
            unescape_decode(raw, self.delimiters.release, self.encoding)
        } else {
            decode(raw, self.encoding)
        })
    }

    /// Component `c` raw, and whether it holds a release character.
    fn component(&self, c: usize) -> Option<(&'s [u8], bool)> {
        let d = self.delimiters;
        nth_part(
            self.raw,
            d.component,
            d.repetition,
            d.release,
            c.checked_sub(1)?,
        )
    }

    /// Component `c`, trimmed of blanks; `None` when nothing remains.
    #[must_use]
    pub fn trimmed(&self, c: usize) -> Option<Cow<'s, str>> {
        let (raw, released) = self.component(c)?;
        if !released {
            // Blanks are single bytes in every supported character set, so
            // trimming before decoding is exact and saves a copy.
            let raw = raw.trim_ascii();
            return (!raw.is_empty()).then(|| decode(raw, self.encoding));
        }
        let text = unescape_decode(raw, self.delimiters.release, self.encoding);
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        if trimmed.len() == text.len() {
            return Some(text);
        }
        Some(Cow::Owned(trimmed.to_string()))
    }

    /// Components `c` (from 1) to the last of the first repetition,
    /// unescaped and decoded, joined with `joiner`: what `texts()[c - 1..]
    /// .join(joiner)` gives, in one pass. `None` when there is no component
    /// `c`.
    #[must_use]
    pub fn texts_from(&self, c: usize, joiner: u8) -> Option<Cow<'s, str>> {
        let d = self.delimiters;
        let raw = self.first_repetition();
        let start = if c <= 1 {
            (c == 1).then_some(0)?
        } else {
            let (part, _) = nth_part(raw, d.component, None, d.release, c - 2)?;
            // The part ends at a separator unless it is the last one.
            let end = part.as_ptr() as usize - raw.as_ptr() as usize + part.len();
            (end < raw.len()).then_some(end + 1)?
        };
        let tail = raw.get(start..)?;
        let plain = joiner == d.component && d.release.is_none_or(|r| !tail.contains(&r));
        if plain {
            return Some(decode(tail, self.encoding));
        }
        let mut out = Vec::with_capacity(tail.len());
        let mut bytes = tail.iter();
        while let Some(&b) = bytes.next() {
            if Some(b) == d.release {
                // A release at the very end releases nothing: keep it.
                out.push(bytes.next().copied().unwrap_or(b));
            } else if b == d.component {
                out.push(joiner);
            } else {
                out.push(b);
            }
        }
        Some(Cow::Owned(decode(&out, self.encoding).into_owned()))
    }

    /// All components, unescaped and decoded (empty ones as empty strings).
    #[must_use]
    pub fn texts(&self) -> Vec<Cow<'s, str>> {
        let release = self.delimiters.release;
        let encoding = self.encoding;
        self.components()
            .map(|raw| unescape_decode(raw, release, encoding))
            .collect()
    }
}

/// Part `n` (from 0) of `bytes` split at unreleased `separator`, ending early
/// at an unreleased `stop` (the repetition separator inside an element), with
/// whether the part holds a release character. A scalar scan: segments are
/// short, and one pass beats several vector searches set up per field.
fn nth_part(
    bytes: &[u8],
    separator: u8,
    stop: Option<u8>,
    release: Option<u8>,
    n: usize,
) -> Option<(&[u8], bool)> {
    let mut start = 0;
    let mut index = 0;
    let mut released = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if Some(b) == release {
            released = true;
            i += 2;
            continue;
        }
        let stops = Some(b) == stop;
        if b == separator || stops {
            if index == n {
                return Some((&bytes[start..i], released));
            }
            if stops {
                return None;
            }
            index += 1;
            start = i + 1;
            released = false;
        }
        i += 1;
    }
    (index == n).then(|| (bytes.get(start..).unwrap_or(&[]), released))
}

/// Splits `bytes` at `separator`, skipping separators that are released.
/// Yields at least one (possibly empty) part.
pub(crate) fn split_released(
    bytes: &[u8],
    separator: u8,
    release: Option<u8>,
) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(bytes);
    std::iter::from_fn(move || {
        let current = rest?;
        match find_unreleased(current, separator, release) {
            Some(i) => {
                rest = Some(&current[i + 1..]);
                Some(&current[..i])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Position of the first `separator` in `bytes` that is not released. A
/// scalar scan: values are a few bytes long, where setting up a vector search
/// per value costs more than it saves.
fn find_unreleased(bytes: &[u8], separator: u8, release: Option<u8>) -> Option<usize> {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == separator {
            return Some(i);
        }
        i += if Some(b) == release { 2 } else { 1 };
    }
    None
}

/// Removes release characters and decodes.
fn unescape_decode(raw: &[u8], release: Option<u8>, encoding: Encoding) -> Cow<'_, str> {
    match release {
        Some(r) if memchr::memchr(r, raw).is_some() => {
            let mut out = Vec::with_capacity(raw.len());
            let mut bytes = raw.iter();
            while let Some(&b) = bytes.next() {
                if b == r {
                    // A release at the very end releases nothing: keep it.
                    out.push(bytes.next().copied().unwrap_or(b));
                } else {
                    out.push(b);
                }
            }
            Cow::Owned(decode(&out, encoding).into_owned())
        }
        _ => decode(raw, encoding),
    }
}

/// Decodes bytes in a segment's encoding. Never fails: bytes that are not
/// valid UTF-8 are read as ISO 8859-1.
pub(crate) fn decode(bytes: &[u8], encoding: Encoding) -> Cow<'_, str> {
    match encoding {
        Encoding::Ascii | Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => Cow::Owned(latin1(bytes)),
        },
        Encoding::Latin1 => {
            if bytes.is_ascii() {
                Cow::Borrowed(std::str::from_utf8(bytes).unwrap_or_default())
            } else {
                Cow::Owned(latin1(bytes))
            }
        }
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Segment<'_> {
        Segment::new(
            Cow::Borrowed(text.as_bytes()),
            Delimiters::default(),
            Encoding::Ascii,
            0,
            0,
        )
    }

    #[test]
    fn reads_elements_and_components_from_one() {
        let s = seg("NAD+FL+++WILLIAMS:JOHN:DONALD+235 WESTERN ROAD");
        assert_eq!(s.tag(), "NAD");
        assert_eq!(s.text(1, 1).as_deref(), Some("FL"));
        assert_eq!(s.text(2, 1), None);
        assert_eq!(s.text(4, 1).as_deref(), Some("WILLIAMS"));
        assert_eq!(s.text(4, 3).as_deref(), Some("DONALD"));
        assert_eq!(s.text(4, 4), None);
        assert_eq!(s.text(0, 1), None);
        assert_eq!(s.text(4, 0), None);
        assert_eq!(s.element_count(), 5);
    }

    #[test]
    fn released_separators_are_data() {
        let s = seg("NAD+FL+++O?'NEIL?:?+??:ANN");
        assert_eq!(s.text(4, 1).as_deref(), Some("O'NEIL:+?"));
        assert_eq!(s.text(4, 2).as_deref(), Some("ANN"));
    }

    #[test]
    fn trimmed_drops_blanks_only() {
        let s = seg("DTM+232: 1306212200:201");
        assert_eq!(s.text(1, 2).as_deref(), Some(" 1306212200"));
        assert_eq!(s.trimmed(1, 2).as_deref(), Some("1306212200"));
        assert_eq!(seg("X+  ").trimmed(1, 1), None);
    }

    #[test]
    fn repetitions_split_only_when_declared() {
        let d = Delimiters {
            repetition: Some(b'*'),
            ..Delimiters::default()
        };
        let s = Segment::new(Cow::Borrowed(&b"X+A:1*B:2"[..]), d, Encoding::Ascii, 0, 0);
        let e = s.element(1).unwrap();
        assert_eq!(e.repetitions().count(), 2);
        assert_eq!(e.text(1).as_deref(), Some("A"));
        assert_eq!(e.text(2).as_deref(), Some("1"));
        let second = e.repetitions().nth(1).unwrap();
        assert_eq!(second.text(1).as_deref(), Some("B"));
        // Without a repetition separator `*` is data.
        assert_eq!(seg("UNB+APIS*ABE").text(1, 1).as_deref(), Some("APIS*ABE"));
    }

    #[test]
    fn latin1_bytes_are_kept() {
        let s = Segment::new(
            Cow::Borrowed(&b"NAD+FL+++M\xdcLLER"[..]),
            Delimiters::default(),
            Encoding::Latin1,
            0,
            0,
        );
        assert_eq!(s.text(4, 1).as_deref(), Some("MÜLLER"));
    }

    #[test]
    fn fields_read_what_the_segment_reads() {
        let long = format!("X{}", "+E".repeat(30));
        let texts = [
            "NAD+FL+++WILLIAMS:JOHN:DONALD+235 WESTERN ROAD",
            "NAD+FL+++O?'NEIL?:?+??:ANN++",
            "SRC",
            "UNH+",
            "DTM+232: 1306212200:201",
            "X+AB?",
            "X+A?+B+C??+D",
            long.as_str(),
        ];
        for text in texts {
            let s = seg(text);
            let f = s.fields();
            assert_eq!(f.count(), s.element_count(), "{text}");
            for e in 0..=s.element_count() + 2 {
                assert_eq!(
                    f.element(e).map(|x| x.raw()),
                    s.element(e).map(|x| x.raw()),
                    "{text} element {e}"
                );
                for c in 0..4 {
                    assert_eq!(f.text(e, c), s.text(e, c), "{text} {e}:{c}");
                    assert_eq!(f.string(e, c), s.string(e, c), "{text} {e}:{c}");
                }
            }
        }
    }

    #[test]
    fn texts_from_joins_what_texts_gives() {
        let joined = |e: &Element<'_>, c: usize| -> Option<String> {
            let texts = e.texts();
            (c >= 1 && c <= texts.len()).then(|| texts[c - 1..].join(":"))
        };
        for text in [
            "SSR+DOCS:HK:1:ZZ:::::/P/GBR/123/GBR/12JUL64/M/23AUG19/SMITH/JOHN",
            "SSR+CTCE:HK:1:ZZ:::::A//EXAMPLE?.COM?:X:Y?+Z",
            "SSR+A:B",
            "SSR+A:B:",
            "SSR+",
            "SSR+A:B?",
        ] {
            let s = seg(text);
            let e = s.element(1).unwrap();
            for c in 0..12 {
                assert_eq!(
                    e.texts_from(c, b':').map(Cow::into_owned),
                    joined(&e, c),
                    "{text} from {c}"
                );
            }
        }
        // Another component separator: joined with the joiner, released
        // separators kept as data.
        let d = Delimiters {
            component: b'/',
            ..Delimiters::default()
        };
        let s = Segment::new(Cow::Borrowed(&b"X+A/B?/C/D"[..]), d, Encoding::Ascii, 0, 0);
        let e = s.element(1).unwrap();
        assert_eq!(e.texts_from(2, b':').as_deref(), Some("B/C:D"));
    }

    #[test]
    fn trailing_release_is_kept() {
        assert_eq!(seg("X+AB?").text(1, 1).as_deref(), Some("AB?"));
    }
}
