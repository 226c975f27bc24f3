//! Screening a long stream of inputs in flat memory: records are grouped by
//! flight, and a flight is screened once it has stopped arriving.
//!
//! A nightly batch holds millions of travellers in thousands of files, and
//! the files of one flight (its PAXLST manifest, its PNRGOV push) sit next
//! to each other in the order the feed wrote them. [`FlightBatcher`] takes
//! the records read from the inputs in that order, a chunk of inputs at a
//! time, and hands back a [`Batch`] of every flight that did not appear in
//! the chunk just ended: those flights are complete, and screening them
//! together with [`crate::screen::Screener::screen_parallel`] gives the same
//! result as screening the whole input for every traveller whose records
//! are within one chunk of each other. Memory holds two chunks' flights,
//! whatever the input's size.
//!
//! What a window cannot see:
//! - links between bookings (a shared card, phone or e-mail, a reused
//!   document number) whose flights are screened in different batches;
//! - records of one flight that arrive more than a chunk apart: the flight
//!   is then screened in parts, and [`Batch::reopened`] names it so the
//!   caller can warn (a larger chunk fixes it).
//!
//! Document scans name no flight: they are held to the last batch, where
//! they meet every flight still open (a check-in integration screens scans
//! one at a time with [`crate::screen::Screener::screen_checkin`] instead).

use super::reconcile::{FlightKey, ScreeningInput};
use crate::model::booking::Booking;
use crate::model::{DocumentScan, Manifest};
use ahash::{AHashMap, AHashSet};

/// The group a record belongs to: carrier and flight number (the date is
/// left out so that a record without one still meets its flight; the
/// screener separates dates itself).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct GroupKey {
    carrier: String,
    number: String,
}

impl From<FlightKey> for GroupKey {
    fn from(k: FlightKey) -> Self {
        GroupKey {
            carrier: k.carrier,
            number: k.number,
        }
    }
}

/// One record waiting in a group, with its place among the records of
/// its kind. (Unboxed: each record is moved in and out once.)
#[allow(clippy::large_enum_variant)]
enum Item {
    Manifest(usize, Manifest),
    Booking(usize, Booking),
}

struct Group<S> {
    /// Items with their stream sequence number and source.
    items: Vec<(u64, S, Item)>,
    /// The chunk in which the group last received a record.
    last_chunk: u64,
    /// The group's key, for [`Batch::reopened`].
    key: Option<GroupKey>,
}

/// Flights ready to screen, with the source of every record.
#[derive(Debug)]
pub struct Batch<S> {
    /// The records, in the order they were pushed.
    pub input: ScreeningInput,
    /// The source of each manifest of [`Batch::input`], index for index.
    pub manifest_sources: Vec<S>,
    /// The source of each booking.
    pub booking_sources: Vec<S>,
    /// The source of each scan.
    pub scan_sources: Vec<S>,
    /// The place of each manifest of [`Batch::input`] among all manifests
    /// pushed so far (0 for the first manifest of the stream): a caller
    /// that numbers records across batches (`api:N:…`) uses these.
    pub manifest_ordinals: Vec<usize>,
    /// The place of each booking among all bookings pushed.
    pub booking_ordinals: Vec<usize>,
    /// The place of each scan among all scans pushed.
    pub scan_ordinals: Vec<usize>,
    /// Flights (`carrier` + `number`) of this batch that had already been
    /// handed out in an earlier batch: their records arrived more than a
    /// chunk apart, so the flight is screened in parts.
    pub reopened: Vec<String>,
}

impl<S> Batch<S> {
    fn new() -> Self {
        Batch {
            input: ScreeningInput::default(),
            manifest_sources: Vec::new(),
            booking_sources: Vec::new(),
            scan_sources: Vec::new(),
            manifest_ordinals: Vec::new(),
            booking_ordinals: Vec::new(),
            scan_ordinals: Vec::new(),
            reopened: Vec::new(),
        }
    }

    /// Whether the batch holds no record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.input.manifests.is_empty()
            && self.input.bookings.is_empty()
            && self.input.scans.is_empty()
    }
}

/// Groups records by flight and hands out the flights that are complete.
/// `S` is what the caller uses to name a record's source (a file name).
///
/// ```
/// use paxscreen_core::screen::stream::FlightBatcher;
/// use paxscreen_core::screen::reconcile::ScreeningInput;
///
/// let mut batcher: FlightBatcher<String> = FlightBatcher::new();
/// // For each chunk of input files: push what each file holds, in order...
/// batcher.push("a.edi".to_string(), ScreeningInput::default());
/// // ...then take the flights that are complete and screen them.
/// if let Some(batch) = batcher.end_chunk() {
///     assert!(!batch.is_empty());
/// }
/// // At the end, everything that is left.
/// let rest = batcher.finish();
/// assert!(rest.is_none());
/// ```
pub struct FlightBatcher<S> {
    groups: AHashMap<Option<GroupKey>, Group<S>>,
    scans: Vec<(S, usize, DocumentScan)>,
    /// Records of each kind pushed so far: manifests, bookings, scans.
    counts: [usize; 3],
    /// Keys handed out so far (to tell a reopened flight).
    done: AHashSet<GroupKey>,
    chunk: u64,
    seq: u64,
}

impl<S> Default for FlightBatcher<S> {
    fn default() -> Self {
        FlightBatcher::new()
    }
}

impl<S> FlightBatcher<S> {
    /// An empty batcher.
    #[must_use]
    pub fn new() -> Self {
        FlightBatcher {
            groups: AHashMap::new(),
            scans: Vec::new(),
            counts: [0; 3],
            done: AHashSet::new(),
            chunk: 0,
            seq: 0,
        }
    }

    /// Records waiting, in all groups (manifests and bookings count one
    /// each, scans one each).
    #[must_use]
    pub fn pending(&self) -> usize {
        self.groups.values().map(|g| g.items.len()).sum::<usize>() + self.scans.len()
    }

    fn group(&mut self, key: Option<GroupKey>) -> &mut Group<S> {
        let chunk = self.chunk;
        let group = self.groups.entry(key.clone()).or_insert_with(|| Group {
            items: Vec::new(),
            last_chunk: chunk,
            key,
        });
        group.last_chunk = chunk;
        group
    }
}

impl<S: Clone> FlightBatcher<S> {
    /// Adds the records read from one source, in stream order.
    pub fn push(&mut self, source: S, read: ScreeningInput) {
        for m in read.manifests {
            let key = manifest_group(&m);
            self.seq += 1;
            let (seq, n) = (self.seq, self.counts[0]);
            self.counts[0] += 1;
            self.group(key)
                .items
                .push((seq, source.clone(), Item::Manifest(n, m)));
        }
        for b in read.bookings {
            let key = booking_group(&b);
            self.seq += 1;
            let (seq, n) = (self.seq, self.counts[1]);
            self.counts[1] += 1;
            self.group(key)
                .items
                .push((seq, source.clone(), Item::Booking(n, b)));
        }
        for s in read.scans {
            self.scans.push((source.clone(), self.counts[2], s));
            self.counts[2] += 1;
        }
    }

    /// Ends the current chunk: every flight that received no record in it
    /// is complete and comes out in one batch (`None` when there is none).
    pub fn end_chunk(&mut self) -> Option<Batch<S>> {
        let current = self.chunk;
        self.chunk += 1;
        let closed: Vec<Option<GroupKey>> = self
            .groups
            .iter()
            .filter(|(_, g)| g.last_chunk < current)
            .map(|(k, _)| k.clone())
            .collect();
        if closed.is_empty() {
            return None;
        }
        let groups: Vec<Group<S>> = closed
            .iter()
            .filter_map(|k| self.groups.remove(k))
            .collect();
        Some(self.assemble(groups, Vec::new()))
    }

    /// Everything still waiting, scans included (`None` when nothing is).
    pub fn finish(mut self) -> Option<Batch<S>> {
        let groups: Vec<Group<S>> = self.groups.drain().map(|(_, g)| g).collect();
        let scans = std::mem::take(&mut self.scans);
        if groups.is_empty() && scans.is_empty() {
            return None;
        }
        Some(self.assemble(groups, scans))
    }

    fn assemble(
        &mut self,
        groups: Vec<Group<S>>,
        scans: Vec<(S, usize, DocumentScan)>,
    ) -> Batch<S> {
        let mut batch = Batch::new();
        let mut items: Vec<(u64, S, Item)> = Vec::new();
        for g in groups {
            if let Some(key) = g.key {
                if !self.done.insert(key.clone()) {
                    batch
                        .reopened
                        .push(format!("{}{}", key.carrier, key.number));
                }
            }
            items.extend(g.items);
        }
        batch.reopened.sort();
        // Stream order, so that a batch holding the whole input is the
        // input as read.
        items.sort_unstable_by_key(|(seq, _, _)| *seq);
        for (_, source, item) in items {
            match item {
                Item::Manifest(n, m) => {
                    batch.input.manifests.push(m);
                    batch.manifest_sources.push(source);
                    batch.manifest_ordinals.push(n);
                }
                Item::Booking(n, b) => {
                    batch.input.bookings.push(b);
                    batch.booking_sources.push(source);
                    batch.booking_ordinals.push(n);
                }
            }
        }
        for (source, n, s) in scans {
            batch.input.scans.push(s);
            batch.scan_sources.push(source);
            batch.scan_ordinals.push(n);
        }
        batch
    }
}

fn manifest_group(m: &Manifest) -> Option<GroupKey> {
    let leg = m.legs.first()?;
    FlightKey::new(
        leg.carrier.as_deref(),
        leg.flight_number.as_deref(),
        leg.departure.scheduled,
    )
    .map(GroupKey::from)
}

/// The flight a push was sent for, else the booking's first segment.
fn booking_group(b: &Booking) -> Option<GroupKey> {
    b.flight
        .as_ref()
        .or(b.itinerary.first())
        .and_then(FlightKey::of_segment)
        .map(GroupKey::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::booking::FlightSegment;
    use crate::model::Leg;

    fn manifest(flight: &str) -> Manifest {
        let mut m = crate::indicators::tests::flight(Vec::new());
        m.legs = vec![Leg {
            carrier: Some("ZZ".into()),
            flight_number: Some(flight.into()),
            ..Leg::default()
        }];
        m
    }

    fn booking(flight: &str, locator: &str) -> Booking {
        Booking {
            record_locator: Some(locator.into()),
            flight: Some(FlightSegment {
                carrier: Some("ZZ".into()),
                flight_number: Some(flight.into()),
                ..FlightSegment::default()
            }),
            ..Booking::default()
        }
    }

    fn file(manifests: &[&str], bookings: &[(&str, &str)]) -> ScreeningInput {
        ScreeningInput {
            manifests: manifests.iter().map(|f| manifest(f)).collect(),
            bookings: bookings.iter().map(|(f, l)| booking(f, l)).collect(),
            scans: Vec::new(),
        }
    }

    fn flights(b: &Batch<&'static str>) -> Vec<String> {
        let mut out: Vec<String> = b
            .input
            .manifests
            .iter()
            .filter_map(|m| m.legs.first().and_then(|l| l.flight_number.clone()))
            .chain(
                b.input
                    .bookings
                    .iter()
                    .filter_map(|x| x.flight.as_ref().and_then(|s| s.flight_number.clone())),
            )
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn a_flight_is_handed_out_once_a_chunk_passes_without_it() {
        let mut s = FlightBatcher::new();
        s.push("1_api", file(&["101"], &[]));
        s.push("1_pnr", file(&[], &[("101", "AAA111")]));
        s.push("2_api", file(&["202"], &[]));
        assert!(s.end_chunk().is_none(), "nothing is complete yet");
        // Chunk 2 brings the rest of flight 202 only.
        s.push("2_pnr", file(&[], &[("202", "BBB222")]));
        let batch = s.end_chunk().expect("flight 101 is complete");
        assert_eq!(flights(&batch), vec!["101"]);
        assert_eq!(batch.manifest_sources, vec!["1_api"]);
        assert_eq!(batch.booking_sources, vec!["1_pnr"]);
        assert_eq!(batch.manifest_ordinals, vec![0]);
        assert_eq!(batch.booking_ordinals, vec![0]);
        assert!(batch.reopened.is_empty());
        assert_eq!(s.pending(), 2);
        let rest = s.finish().expect("flight 202 is left");
        assert_eq!(flights(&rest), vec!["202"]);
        assert_eq!(rest.booking_sources, vec!["2_pnr"]);
        assert_eq!(rest.manifest_ordinals, vec![1]);
        assert_eq!(rest.booking_ordinals, vec![1]);
    }

    #[test]
    fn a_batch_keeps_the_stream_order_across_flights() {
        let mut s = FlightBatcher::new();
        s.push("a", file(&["1", "2"], &[]));
        s.push("b", file(&["1"], &[("2", "CCC333"), ("1", "DDD444")]));
        let all = s.finish().expect("everything");
        let numbers: Vec<_> = all
            .input
            .manifests
            .iter()
            .filter_map(|m| m.legs[0].flight_number.clone())
            .collect();
        assert_eq!(numbers, vec!["1", "2", "1"]);
        assert_eq!(all.manifest_sources, vec!["a", "a", "b"]);
        let locators: Vec<_> = all
            .input
            .bookings
            .iter()
            .filter_map(|b| b.record_locator.clone())
            .collect();
        assert_eq!(locators, vec!["CCC333", "DDD444"]);
    }

    #[test]
    fn records_of_a_flight_arriving_far_apart_are_reported_as_reopened() {
        let mut s = FlightBatcher::new();
        s.push("a", file(&["7"], &[]));
        assert!(s.end_chunk().is_none());
        s.push("b", file(&["8"], &[]));
        let first = s.end_chunk().expect("flight 7 closes");
        assert!(first.reopened.is_empty());
        s.push("c", file(&[], &[("0007", "EEE555")]));
        let second = s.end_chunk().expect("flight 8 closes");
        assert_eq!(flights(&second), vec!["8"]);
        let last = s.finish().expect("flight 7 again");
        assert_eq!(last.reopened, vec!["ZZ7"]);
    }

    #[test]
    fn scans_wait_for_the_last_batch_and_records_without_a_flight_still_come_out() {
        let mut s: FlightBatcher<&'static str> = FlightBatcher::new();
        let mut input = ScreeningInput::default();
        input.scans.push(crate::indicators::tests::scan(
            "DOE",
            "ANNA",
            "1990-01-01",
            "X1234567",
            "2030-01-01",
        ));
        let mut flightless = manifest("1");
        flightless.legs.clear();
        input.manifests.push(flightless);
        s.push("x", input);
        assert!(s.end_chunk().is_none());
        s.push("y", file(&["9"], &[]));
        let early = s.end_chunk().expect("the flightless manifest closes");
        assert_eq!(early.input.manifests.len(), 1);
        assert!(early.input.scans.is_empty());
        let last = s.finish().expect("the scan and flight 9");
        assert_eq!(last.scan_sources, vec!["x"]);
        assert_eq!(last.input.manifests.len(), 1);
        assert!(!last.is_empty());
    }
}
