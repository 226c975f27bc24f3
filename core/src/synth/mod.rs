//! Synthetic traffic with ground truth: flights between real airports of
//! the embedded table, a PAXLST passenger manifest, a PAXLST crew list and a
//! PNRGOV push per flight that agree with each other, and planted patterns
//! listed in `truth.jsonl`. Every person, booking, card and phone is
//! invented.
//!
//! Generation is flight by flight: each flight's files are written when the
//! flight is done, so memory does not grow with `travellers`. Only what
//! cross-flight patterns need is kept: a ring of the last documents (for
//! the reused-document pattern) and the open facilitator rings (one card or
//! one phone over several bookings). Every cross-flight plant stays inside a
//! window of [`LINK_WINDOW`] consecutive flights, so a screen that links
//! only flights close in file order still sees every planted link. The
//! distributions and the truth format are written down in `spec/synth.md`.
//!
//! The generator draws from a 64-bit splitmix PRNG written here (a few
//! lines) rather than from `rand`: the output must stay byte-identical for a
//! seed across dependency upgrades, which `rand`'s algorithms do not promise.

use crate::edifact::{Delimiters, Writer};
use crate::reference::airports::{self, Airport};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use std::collections::{HashSet, VecDeque};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

mod names;

/// How many consecutive flights (in file order) a cross-flight plant may
/// span: a reused document is taken from a traveller of at most the 31
/// flights before, and the bookings of a facilitator card or a shared
/// contact are all placed within 32 flights of the first.
pub const LINK_WINDOW: u64 = 32;

/// The first departure date of generated traffic; flights depart over the
/// 28 days from it. `paxscreen evaluate` screens with it as reference date.
#[must_use]
pub fn start_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default()
}

/// Splitmix64: a tiny, fixed, seedable generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for a seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi.saturating_sub(lo) + 1)
    }
    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let x = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        x
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// One element of a non-empty slice (the first if empty is impossible).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        #[allow(clippy::cast_possible_truncation)]
        let i = (self.next_u64() % items.len().max(1) as u64) as usize;
        &items[i.min(items.len().saturating_sub(1))]
    }
}

/// A pattern the generator can plant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// A document expired at departure.
    ExpiredDocument,
    /// A document issued days before a one-way long-haul trip.
    FreshDocument,
    /// A document number and issuer presented by another identity.
    DocumentReused,
    /// The PNR's DOCS birth date differs from the API's (same document).
    BirthDateMismatch,
    /// The API names another person than the PNR (same document): a
    /// different surname, not a spelling variant.
    NameMismatch,
    /// One card, of someone who does not travel, pays for several one-way
    /// single-traveller bookings.
    FacilitatorCard,
    /// One phone number on several bookings made without an agency.
    SharedContact,
    /// A one-way booking of nine or more adults with no family link.
    UnrelatedGroup,
    /// A minor booked with an adult of another surname only.
    MinorUnrelatedAdult,
    /// Cash, booked hours before, one-way, long-haul.
    CashLastMinute,
    /// One-way long-haul to a hub with the API naming a further destination
    /// and no onward segment booked.
    BrokenJourney,
}

impl Pattern {
    /// Every pattern.
    pub const ALL: [Pattern; 11] = [
        Pattern::ExpiredDocument,
        Pattern::FreshDocument,
        Pattern::DocumentReused,
        Pattern::BirthDateMismatch,
        Pattern::NameMismatch,
        Pattern::FacilitatorCard,
        Pattern::SharedContact,
        Pattern::UnrelatedGroup,
        Pattern::MinorUnrelatedAdult,
        Pattern::CashLastMinute,
        Pattern::BrokenJourney,
    ];
    /// The name used on the command line and in `truth.jsonl`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Pattern::ExpiredDocument => "expired-document",
            Pattern::FreshDocument => "fresh-document",
            Pattern::DocumentReused => "document-reused",
            Pattern::BirthDateMismatch => "birth-date-mismatch",
            Pattern::NameMismatch => "name-mismatch",
            Pattern::FacilitatorCard => "facilitator-card",
            Pattern::SharedContact => "shared-contact",
            Pattern::UnrelatedGroup => "unrelated-group",
            Pattern::MinorUnrelatedAdult => "minor-unrelated-adult",
            Pattern::CashLastMinute => "cash-last-minute",
            Pattern::BrokenJourney => "broken-journey",
        }
    }
    /// The pattern of a name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Pattern> {
        Pattern::ALL.into_iter().find(|p| p.name() == name)
    }
    /// Its position in [`Pattern::ALL`] (and in the counts of [`Summary`]).
    #[must_use]
    pub fn index(self) -> usize {
        Pattern::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
    /// Rule ids of the embedded packs (`core/packs/*.toml`) the pattern
    /// should trigger for each traveller it is planted on.
    ///
    /// A birth-date mismatch lists DOC-07a besides DOC-09a: the reconciler
    /// joins the API traveller and the PNR passenger by record locator and
    /// the same name (DOC-09a: the birth date differs between the
    /// sources), and the document is still presented with two birth
    /// dates, which is what DOC-07a reports.
    #[must_use]
    pub fn rules(self) -> &'static [&'static str] {
        match self {
            Pattern::ExpiredDocument => &["DOC-02a"],
            Pattern::FreshDocument => &["DOC-03a"],
            Pattern::DocumentReused => &["DOC-07a"],
            Pattern::BirthDateMismatch => &["DOC-09a", "DOC-07a"],
            Pattern::NameMismatch => &["DOC-09b"],
            Pattern::FacilitatorCard => &["BKG-02a"],
            Pattern::SharedContact => &["BKG-04a"],
            Pattern::UnrelatedGroup => &["BKG-07a"],
            Pattern::MinorUnrelatedAdult => &["PRT-01a"],
            Pattern::CashLastMinute => &["BKG-01a"],
            Pattern::BrokenJourney => &["ITN-02a"],
        }
    }
    /// True for patterns planted on a booking (their truth lines carry the
    /// record locator), false for patterns planted on one traveller.
    #[must_use]
    pub fn is_booking(self) -> bool {
        matches!(
            self,
            Pattern::FacilitatorCard
                | Pattern::SharedContact
                | Pattern::UnrelatedGroup
                | Pattern::CashLastMinute
                | Pattern::BrokenJourney
        )
    }
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    /// Passengers in all (crew come on top).
    pub travellers: u64,
    /// Seed of the generator: the same seed gives the same bytes.
    pub seed: u64,
    /// Patterns and their rates: per traveller for document and
    /// cross-source patterns, per booking drawn for booking patterns; a
    /// pattern needing a long-haul flight or a one-way booking is drawn
    /// only where it can apply.
    pub plants: Vec<(Pattern, f64)>,
    /// Share of files written messy (Type-B wrapper, wrapped lines, custom
    /// UNA, bad counts, Latin-1 names, or a PNRGOV push sent in parts).
    pub messy: f64,
}

/// Counts of a generation run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Flights generated.
    pub flights: u64,
    /// Passengers generated.
    pub travellers: u64,
    /// Message files written.
    pub files: u64,
    /// Lines written to `truth.jsonl`.
    pub truth_lines: u64,
    /// Per pattern (in the order of [`Pattern::ALL`]): the draws made, that
    /// is the subjects (travellers or bookings) where it could apply and
    /// was tried. Planted counts follow a binomial law over them.
    pub eligible: [u64; 11],
    /// Per pattern (in the order of [`Pattern::ALL`]): the instances
    /// planted (a traveller, a booking, or a facilitator ring).
    pub planted: [u64; 11],
}

#[derive(Debug, Clone)]
struct Person {
    surname: String,
    given: String,
    female: bool,
    birth: NaiveDate,
    nat: &'static str,
    doc: String,
    issuer: &'static str,
    issued: NaiveDate,
    expiry: NaiveDate,
    bags: u8,
    pnr_birth: NaiveDate,
    api_surname: String,
    api_given: String,
    final_dest: Option<&'static str>,
    plant: Option<Pattern>,
}

impl Person {
    fn api_name(&self) -> String {
        format!("{}/{}", self.api_surname, self.api_given)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pay {
    Card(u64),
    Cash,
    Invoice,
}

#[derive(Debug, Clone)]
struct Booking {
    locator: String,
    created: NaiveDateTime,
    people: Vec<Person>,
    one_way: bool,
    pay: Pay,
    payer: String,
    phone: String,
    agency: bool,
    plant: Option<Pattern>,
}

struct Flight {
    index: u64,
    carrier: &'static str,
    number: u32,
    origin: &'static Airport,
    dest: &'static Airport,
    dep: NaiveDateTime,
    arr: NaiveDateTime,
    /// Over the long-haul distance of the indicators (`trip.long_haul`).
    long_haul: bool,
}

impl Flight {
    fn label(&self) -> String {
        format!("{}{}", self.carrier, self.number)
    }
}

const HUBS: [&str; 40] = [
    "LHR", "CDG", "FRA", "AMS", "MAD", "FCO", "IST", "DXB", "DOH", "JFK", "ORD", "ATL", "LAX",
    "YYZ", "MEX", "GRU", "BOG", "JNB", "ADD", "NBO", "LOS", "CAI", "CMN", "DEL", "BOM", "SIN",
    "BKK", "HKG", "PEK", "NRT", "ICN", "SYD", "VIE", "ZRH", "MUC", "BCN", "LIS", "WAW", "ATH",
    "KUL",
];
const CARRIERS: [&str; 8] = ["ZZ", "XZ", "ZY", "XY", "ZX", "YZ", "XX", "ZW"];

/// A facilitator ring being placed: the bookings of one card or one phone
/// still to come, on later flights, at the latest on flight `last`.
struct Ring {
    pattern: Pattern,
    card: u64,
    phone: String,
    left: u64,
    last: u64,
}

/// A document of a recent traveller: flight index and label, API name,
/// number and issuer.
type RecentDoc = (u64, String, String, String, &'static str);

struct Gen<'a> {
    rng: Rng,
    /// Draws of the messy kinds only, so the traffic is the same whatever
    /// `messy` is.
    messy_rng: Rng,
    config: &'a Config,
    airports: Vec<&'static Airport>,
    people_seq: u64,
    booking_seq: u64,
    recent_docs: VecDeque<RecentDoc>,
    rings: Vec<Ring>,
    truth: BufWriter<File>,
    summary: Summary,
}

/// Generates the traffic under `out` (created if missing): per flight,
/// `NNNN/FFFFFF_CCNNNN_paxlst.edi`, `_crew.edi` and `_pnrgov.edi`, and
/// `truth.jsonl` with one object per planted instance and traveller.
///
/// # Errors
/// When a file cannot be written.
pub fn generate(config: &Config, out: &Path) -> io::Result<Summary> {
    fs::create_dir_all(out)?;
    let airports: Vec<&'static Airport> =
        HUBS.iter().filter_map(|c| airports::airport(c)).collect();
    if airports.len() < 2 {
        return Err(io::Error::other("the airport table lacks the hubs"));
    }
    let mut g = Gen {
        rng: Rng::new(config.seed),
        messy_rng: Rng::new(config.seed ^ 0x4D45_5353_5900_0000),
        config,
        airports,
        people_seq: 0,
        booking_seq: 0,
        recent_docs: VecDeque::with_capacity(256),
        rings: Vec::new(),
        truth: BufWriter::new(File::create(out.join("truth.jsonl"))?),
        summary: Summary::default(),
    };
    let mut remaining = config.travellers;
    let mut index = 0u64;
    while remaining > 0 {
        let flight = g.flight(index);
        let want = g.rng.range(60, 220).min(remaining);
        let bookings = g.bookings(&flight, want, want == remaining);
        let count: u64 = bookings.iter().map(|b| b.people.len() as u64).sum();
        remaining = remaining.saturating_sub(count);
        g.summary.travellers += count;
        g.write_flight(out, &flight, &bookings)?;
        index += 1;
    }
    g.summary.flights = index;
    g.truth.flush()?;
    Ok(g.summary)
}

fn rate(config: &Config, p: Pattern) -> f64 {
    config
        .plants
        .iter()
        .filter(|(q, _)| *q == p)
        .map(|(_, r)| *r)
        .sum()
}

impl Gen<'_> {
    fn flight(&mut self, index: u64) -> Flight {
        let origin = *self.rng.pick(&self.airports);
        let mut dest = *self.rng.pick(&self.airports);
        while dest.iata == origin.iata {
            dest = *self.rng.pick(&self.airports);
        }
        let km = airports::great_circle_km(origin, dest);
        let day = start_date() + Duration::days(i64::try_from(self.rng.range(0, 27)).unwrap_or(0));
        let minutes = i64::try_from(self.rng.range(6 * 12, 22 * 12) * 5).unwrap_or(600);
        let dep = day.and_hms_opt(0, 0, 0).unwrap_or_default() + Duration::minutes(minutes);
        #[allow(clippy::cast_possible_truncation)]
        let block = (km / 800.0 * 60.0) as i64 + 40;
        Flight {
            index,
            carrier: CARRIERS[(index % 8) as usize],
            // Odd numbers out, the next even number back (see `tvl`): a
            // return leg never names another generated flight.
            number: u32::try_from(1 + 2 * (index / 8 % 4999)).unwrap_or(1),
            origin,
            dest,
            dep,
            arr: dep + Duration::minutes(block),
            long_haul: km > crate::indicators::itinerary::LONG_HAUL_KM,
        }
    }

    /// A name not yet on the flight: a given name of the origin with the
    /// surname (drawn unless given), two given names when one is not
    /// enough; bounded, so a crowded origin never stalls the generator.
    fn name(
        &mut self,
        origin: usize,
        female: bool,
        surname: Option<&str>,
        taken: &mut HashSet<String>,
    ) -> (String, String) {
        let o = &names::ORIGINS[origin % names::ORIGINS.len()];
        let list = if female { o.female } else { o.male };
        let mut last = (String::new(), String::new());
        for attempt in 0..200 {
            let s =
                surname.map_or_else(|| (*self.rng.pick(o.surnames)).to_string(), str::to_string);
            let g = if attempt < 30 {
                (*self.rng.pick(list)).to_string()
            } else {
                format!("{} {}", self.rng.pick(list), self.rng.pick(list))
            };
            let key = format!("{s}/{g}");
            if taken.insert(key) {
                return (s, g);
            }
            last = (s, g);
        }
        last
    }

    fn person(
        &mut self,
        f: &Flight,
        surname: Option<&str>,
        origin: usize,
        age: (u64, u64),
        taken: &mut HashSet<String>,
    ) -> Person {
        let female = self.rng.chance(0.5);
        let (s, g) = self.name(origin, female, surname, taken);
        let o = &names::ORIGINS[origin % names::ORIGINS.len()];
        let years = self.rng.range(age.0, age.1);
        let mut birth = f.dep.date()
            - Duration::days(i64::try_from(years * 365 + self.rng.range(10, 350)).unwrap_or(0));
        if birth.month() == 1 && birth.day() == 1 {
            birth += Duration::days(3);
        }
        let adult = years >= 18;
        let issued = f.dep.date()
            - Duration::days(
                i64::try_from(self.rng.range(200, if adult { 3300 } else { 1500 })).unwrap_or(400),
            );
        // A document is never issued before its holder is born.
        let issued = issued.max(birth + Duration::days(30));
        let expiry = issued + Duration::days(if adult { 3652 } else { 1826 }) - Duration::days(1);
        self.people_seq += 1;
        let doc = format!("{}{:08}", &o.nat[..1], self.people_seq);
        Person {
            surname: s.clone(),
            api_surname: s.clone(),
            api_given: g.clone(),
            given: g,
            female,
            birth,
            nat: o.nat,
            doc,
            issuer: o.nat,
            issued,
            expiry,
            bags: u8::try_from(self.rng.range(0, 3)).unwrap_or(1),
            pnr_birth: birth,
            final_dest: None,
            plant: None,
        }
    }

    fn locator(&mut self) -> String {
        const A: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        self.booking_seq += 1;
        let mut x = self.booking_seq.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ self.config.seed;
        let mut s = String::with_capacity(6);
        for _ in 0..6 {
            s.push(char::from(A[(x % 32) as usize]));
            x /= 32;
        }
        s
    }

    fn booking(&mut self, f: &Flight, people: Vec<Person>, taken_contact: Option<&str>) -> Booking {
        let lead_hours = match self.rng.range(0, 99) {
            0..=4 => self.rng.range(3, 48),
            5..=29 => self.rng.range(48, 14 * 24),
            30..=74 => self.rng.range(14 * 24, 60 * 24),
            _ => self.rng.range(60 * 24, 300 * 24),
        };
        let pay = match self.rng.range(0, 99) {
            0..=84 => Pay::Card(4_000_000_000_000_000 + self.rng.range(0, 999_999_999_999)),
            85..=92 => Pay::Cash,
            _ => Pay::Invoice,
        };
        let one_way = self.rng.chance(0.3);
        let payer = people
            .first()
            .map(|p| format!("{} {}", p.given, p.surname))
            .unwrap_or_default();
        let locator = self.locator();
        let phone = taken_contact.map_or_else(
            || format!("4470{:08}", self.booking_seq % 100_000_000),
            str::to_string,
        );
        let mut b = Booking {
            locator,
            created: f.dep - Duration::hours(i64::try_from(lead_hours).unwrap_or(100)),
            people,
            one_way,
            pay,
            payer,
            phone,
            agency: self.rng.chance(0.4),
            plant: None,
        };
        // Baseline traffic avoids the planted combinations by accident.
        let untraceable = !matches!(b.pay, Pay::Card(_));
        if untraceable && b.one_way && f.long_haul {
            if lead_hours < 96 {
                b.created = f.dep - Duration::days(10);
            }
            for p in &mut b.people {
                p.bags = p.bags.max(1);
            }
        }
        b
    }

    /// The bookings of a flight, about `want` travellers; on the `last`
    /// flight every open ring is closed.
    fn bookings(&mut self, f: &Flight, want: u64, last: bool) -> Vec<Booking> {
        let mut taken = HashSet::new();
        let mut out: Vec<Booking> = Vec::new();
        let mut count = 0u64;
        // Open rings place their next booking here with probability 0.2,
        // always on their last flight of the window (or the run).
        let mut rings = std::mem::take(&mut self.rings);
        for ring in &mut rings {
            while ring.left > 0 && (last || ring.last <= f.index || self.rng.chance(0.2)) {
                let b = self.ring_booking(f, ring.pattern, ring.card, &ring.phone, &mut taken);
                ring.left -= 1;
                count += b.people.len() as u64;
                out.push(b);
                if !last && ring.last > f.index {
                    break;
                }
            }
        }
        rings.retain(|r| r.left > 0);
        self.rings = rings;
        while count < want {
            let origin =
                usize::try_from(self.rng.range(0, names::ORIGINS.len() as u64 - 1)).unwrap_or(0);
            let mut planted = None;
            for p in Pattern::ALL
                .into_iter()
                .filter(|p| p.is_booking() || *p == Pattern::MinorUnrelatedAdult)
            {
                let r = rate(self.config, p);
                let eligible = match p {
                    Pattern::CashLastMinute | Pattern::BrokenJourney => f.long_haul,
                    _ => true,
                };
                if r > 0.0 && eligible {
                    self.summary.eligible[p.index()] += 1;
                    if self.rng.chance(r) {
                        self.summary.planted[p.index()] += 1;
                        planted = Some(p);
                        break;
                    }
                }
            }
            let added = match planted {
                Some(p) => self.planted_bookings(f, p, origin, last, &mut taken),
                None => {
                    let people = self.party(f, origin, &mut taken);
                    vec![self.booking(f, people, None)]
                }
            };
            for b in added {
                count += b.people.len() as u64;
                out.push(b);
            }
        }
        // Travellers of a planted booking get no traveller pattern: a
        // cross-source mismatch would keep them from their booking and hide
        // the booking pattern.
        for b in &mut out {
            let open = b.plant.is_none();
            for person in &mut b.people {
                self.traveller_plant(f, b.one_way && open, open, person);
            }
        }
        out
    }

    fn party(&mut self, f: &Flight, origin: usize, taken: &mut HashSet<String>) -> Vec<Person> {
        let size = match self.rng.range(0, 99) {
            0..=54 => 1,
            55..=79 => 2,
            80..=87 => 3,
            88..=94 => 4,
            95..=97 => 5,
            _ => 6,
        };
        let family = size >= 2 && self.rng.chance(if size == 2 { 0.5 } else { 0.7 });
        let mut people = Vec::with_capacity(size);
        let first = self.person(f, None, origin, (25, 70), taken);
        let surname = first.surname.clone();
        people.push(first);
        for i in 1..size {
            let p = if family {
                let age = if i == 1 { (25, 60) } else { (2, 17) };
                self.person(f, Some(&surname), origin, age, taken)
            } else {
                self.person(f, None, origin, (18, 70), taken)
            };
            people.push(p);
        }
        people
    }

    /// One booking of a facilitator ring: one traveller, paid by the ring's
    /// card (facilitator card: a payer who does not travel, one-way) or
    /// giving the ring's phone (shared contact: booked without an agency).
    fn ring_booking(
        &mut self,
        f: &Flight,
        p: Pattern,
        card: u64,
        phone: &str,
        taken: &mut HashSet<String>,
    ) -> Booking {
        let o = usize::try_from(self.rng.range(0, names::ORIGINS.len() as u64 - 1)).unwrap_or(0);
        let person = self.person(f, None, o, (25, 60), taken);
        let mut b = self.booking(
            f,
            vec![person],
            (p == Pattern::SharedContact).then_some(phone),
        );
        if p == Pattern::FacilitatorCard {
            b.pay = Pay::Card(card);
            b.payer = "JONAS PAYMASTER".to_string();
            b.one_way = true;
        } else {
            b.agency = false;
        }
        b.plant = Some(p);
        for q in &mut b.people {
            q.bags = q.bags.max(1);
        }
        b
    }

    fn planted_bookings(
        &mut self,
        f: &Flight,
        p: Pattern,
        origin: usize,
        last: bool,
        taken: &mut HashSet<String>,
    ) -> Vec<Booking> {
        let mut out = Vec::new();
        match p {
            Pattern::FacilitatorCard | Pattern::SharedContact => {
                // The first booking here, the others on later flights of
                // the window (see `bookings`).
                let n = self.rng.range(3, 4);
                let card = 5_000_000_000_000_000 + self.rng.range(0, 999_999_999_999);
                let phone = format!("4479{:08}", self.rng.range(0, 99_999_999));
                out.push(self.ring_booking(f, p, card, &phone, taken));
                let mut ring = Ring {
                    pattern: p,
                    card,
                    phone,
                    left: n - 1,
                    last: f.index + LINK_WINDOW - 1,
                };
                if last {
                    while ring.left > 0 {
                        out.push(self.ring_booking(f, p, card, &ring.phone, taken));
                        ring.left -= 1;
                    }
                } else {
                    self.rings.push(ring);
                }
            }
            Pattern::UnrelatedGroup => {
                // Unrelated: no two share a surname token (bounded retries).
                let n = self.rng.range(9, 12);
                let mut people: Vec<Person> = Vec::new();
                let mut tokens: HashSet<String> = HashSet::new();
                for _ in 0..n {
                    let mut person = None;
                    for _ in 0..40 {
                        let o = usize::try_from(self.rng.range(0, names::ORIGINS.len() as u64 - 1))
                            .unwrap_or(0);
                        let q = self.person(f, None, o, (25, 60), taken);
                        if q.surname.split(' ').all(|t| !tokens.contains(t)) {
                            person = Some(q);
                            break;
                        }
                    }
                    if let Some(q) = person {
                        tokens.extend(q.surname.split(' ').map(str::to_string));
                        people.push(q);
                    }
                }
                let mut b = self.booking(f, people, None);
                b.one_way = true;
                b.pay = Pay::Card(4_900_000_000_000_000 + self.booking_seq);
                b.plant = Some(p);
                out.push(b);
            }
            Pattern::MinorUnrelatedAdult => {
                let adult = self.person(f, None, origin, (25, 60), taken);
                let other = (origin + 1) % names::ORIGINS.len();
                let mut minor = self.person(f, None, other, (5, 15), taken);
                minor.plant = Some(p);
                let mut b = self.booking(f, vec![adult, minor], None);
                b.one_way = false;
                out.push(b);
            }
            _ => {
                let person = self.person(f, None, origin, (25, 60), taken);
                let mut b = self.booking(f, vec![person], None);
                b.one_way = true;
                b.plant = Some(p);
                if p == Pattern::CashLastMinute {
                    b.pay = Pay::Cash;
                    b.created =
                        f.dep - Duration::hours(i64::try_from(self.rng.range(3, 60)).unwrap_or(5));
                } else {
                    b.pay = Pay::Card(4_800_000_000_000_000 + self.booking_seq);
                    let mut dest = *self.rng.pick(&self.airports);
                    while dest.iata == f.dest.iata || dest.iata == f.origin.iata {
                        dest = *self.rng.pick(&self.airports);
                    }
                    if let Some(q) = b.people.first_mut() {
                        q.final_dest = Some(dest.iata);
                    }
                }
                for q in &mut b.people {
                    q.bags = q.bags.max(1);
                }
                out.push(b);
            }
        }
        out
    }

    fn traveller_plant(&mut self, f: &Flight, one_way: bool, open: bool, p: &mut Person) {
        // Documents of travellers more than the window back are dropped.
        while self
            .recent_docs
            .front()
            .is_some_and(|d| d.0 + LINK_WINDOW <= f.index)
        {
            self.recent_docs.pop_front();
        }
        if open && p.plant.is_none() {
            for pat in [
                Pattern::ExpiredDocument,
                Pattern::FreshDocument,
                Pattern::DocumentReused,
                Pattern::BirthDateMismatch,
                Pattern::NameMismatch,
            ] {
                let r = rate(self.config, pat);
                // An expired document keeps its validity and is still
                // issued after its holder's birth: the latest it can have
                // expired by departure.
                let validity = p.expiry - p.issued;
                let max_expired_days = (f.dep.date() - validity - p.birth).num_days() - 30;
                let eligible = match pat {
                    Pattern::ExpiredDocument => max_expired_days >= 2,
                    Pattern::FreshDocument => one_way && f.long_haul,
                    Pattern::DocumentReused => !self.recent_docs.is_empty(),
                    _ => true,
                };
                if r <= 0.0 || !eligible {
                    continue;
                }
                self.summary.eligible[pat.index()] += 1;
                if !self.rng.chance(r) {
                    continue;
                }
                match pat {
                    Pattern::ExpiredDocument => {
                        let hi = u64::try_from(max_expired_days.min(400)).unwrap_or(2);
                        p.expiry = f.dep.date()
                            - Duration::days(i64::try_from(self.rng.range(2, hi)).unwrap_or(2));
                        p.issued = p.expiry - validity;
                    }
                    Pattern::FreshDocument => {
                        p.issued = f.dep.date()
                            - Duration::days(i64::try_from(self.rng.range(2, 25)).unwrap_or(5));
                        p.expiry = p.issued + validity;
                    }
                    Pattern::DocumentReused => {
                        let i =
                            usize::try_from(self.rng.range(0, self.recent_docs.len() as u64 - 1))
                                .unwrap_or(0);
                        if let Some((_, flight, name, doc, issuer)) =
                            self.recent_docs.get(i).cloned()
                        {
                            p.doc = doc;
                            p.issuer = issuer;
                            self.truth_line(
                                Pattern::DocumentReused,
                                "traveller",
                                &flight,
                                &name,
                                None,
                            );
                        }
                    }
                    Pattern::BirthDateMismatch => {
                        p.pnr_birth = p.birth
                            - Duration::days(
                                i64::try_from(self.rng.range(400, 3000)).unwrap_or(400),
                            );
                        // Not 1 January, a placeholder (DQ-01c) of its own.
                        if p.pnr_birth.month() == 1 && p.pnr_birth.day() == 1 {
                            p.pnr_birth += Duration::days(3);
                        }
                    }
                    _ => self.other_name(p),
                }
                self.summary.planted[pat.index()] += 1;
                p.plant = Some(pat);
                break;
            }
        }
        if p.plant != Some(Pattern::DocumentReused) {
            if self.recent_docs.len() >= 256 {
                self.recent_docs.pop_front();
            }
            self.recent_docs
                .push_back((f.index, f.label(), p.api_name(), p.doc.clone(), p.issuer));
        }
    }

    /// Name mismatch: the API names another person of the same origin, a
    /// different surname (and given name when the draw gives one), kept only
    /// when the two names compare below 0.80: a different person, not a
    /// spelling variant. After 20 draws (never with the embedded lists, but
    /// bounded) a name of another origin is taken.
    fn other_name(&mut self, p: &mut Person) {
        use crate::screen::names::{compare, NormalisedName};
        let o = names::ORIGINS
            .iter()
            .find(|o| o.nat == p.nat)
            .unwrap_or(&names::ORIGINS[0]);
        let list = if p.female { o.female } else { o.male };
        let booked = NormalisedName::new(&p.surname, &p.given);
        for _ in 0..20 {
            let s = *self.rng.pick(o.surnames);
            let g = *self.rng.pick(list);
            if compare(&booked, &NormalisedName::new(s, g)).score < 0.80 {
                p.api_surname = s.to_string();
                p.api_given = g.to_string();
                return;
            }
        }
        let other = &names::ORIGINS[(names::ORIGINS
            .iter()
            .position(|x| x.nat == o.nat)
            .unwrap_or(0)
            + 4)
            % names::ORIGINS.len()];
        p.api_surname = other.surnames[0].to_string();
        p.api_given = other.male[0].to_string();
    }

    fn truth_line(
        &mut self,
        p: Pattern,
        subject: &str,
        flight: &str,
        traveller: &str,
        booking: Option<&str>,
    ) {
        let rules: Vec<String> = p.rules().iter().map(|r| format!("\"{r}\"")).collect();
        let booking = booking
            .map(|b| format!(",\"booking\":\"{b}\""))
            .unwrap_or_default();
        // Names and locators are ASCII letters, spaces, apostrophes and
        // hyphens: nothing to escape in JSON.
        let _ = writeln!(
            self.truth,
            "{{\"pattern\":\"{}\",\"subject\":\"{subject}\",\"flight\":\"{flight}\",\"traveller\":\"{traveller}\"{booking},\"rules\":[{}]}}",
            p.name(),
            rules.join(",")
        );
        self.summary.truth_lines += 1;
    }

    fn write_flight(&mut self, out: &Path, f: &Flight, bookings: &[Booking]) -> io::Result<()> {
        let label = f.label();
        for b in bookings {
            // A traveller of a planted booking may carry a traveller
            // pattern too: one line each.
            for p in &b.people {
                for pat in [b.plant, p.plant].into_iter().flatten() {
                    let kind = if pat.is_booking() {
                        "booking"
                    } else {
                        "traveller"
                    };
                    self.truth_line(
                        pat,
                        kind,
                        &label,
                        &p.api_name(),
                        pat.is_booking().then_some(b.locator.as_str()),
                    );
                }
            }
        }
        let dir = out.join(format!("{:04}", f.index / 1000));
        fs::create_dir_all(&dir)?;
        let stem = format!("{:06}_{label}", f.index);
        let api = self.messy_write(false, |w| write_paxlst(w, f, bookings));
        fs::write(dir.join(format!("{stem}_paxlst.edi")), api)?;
        let crew = self.messy_write(false, |w| write_crew(w, f));
        fs::write(dir.join(format!("{stem}_crew.edi")), crew)?;
        let pnr = self.messy_write(true, |w| write_pnrgov(w, f, bookings));
        fs::write(dir.join(format!("{stem}_pnrgov.edi")), pnr)?;
        self.summary.files += 3;
        Ok(())
    }

    /// Writes one file, messy with the configured probability: 1 Type-B
    /// wrapper and wrapped lines, 2 wrapped lines, 3 other UNA delimiters,
    /// 4 wrong counts (CNT, UNT, EQN), 5 Latin-1 names, 6 (PNRGOV only) the
    /// push sent in parts.
    fn messy_write(&mut self, pnrgov: bool, body: impl Fn(&mut Out)) -> Vec<u8> {
        let kind = if self.config.messy > 0.0 && self.messy_rng.chance(self.config.messy) {
            self.messy_rng.range(1, if pnrgov { 6 } else { 5 })
        } else {
            0
        };
        let delimiters = if kind == 3 {
            Delimiters {
                component: b':',
                element: b'*',
                decimal: b'.',
                release: Some(b'?'),
                repetition: None,
                terminator: b'#',
            }
        } else {
            Delimiters::default()
        };
        let mut o = Out {
            w: Writer::new(delimiters).with_line_breaks(kind != 2 && kind != 1),
            bad_counts: kind == 4,
            latin1: kind == 5,
            parts: kind == 6,
        };
        body(&mut o);
        let bytes = o.w.finish();
        match kind {
            1 | 2 => {
                let mut v = Vec::with_capacity(bytes.len() + bytes.len() / 60 + 40);
                if kind == 1 {
                    v.extend_from_slice(b"QU BORDERXX\r\n.ZZAIRXH 011200\r\n");
                }
                for chunk in bytes.chunks(64) {
                    v.extend_from_slice(chunk);
                    v.extend_from_slice(b"\r\n");
                }
                v
            }
            _ => bytes,
        }
    }
}

/// A writer with the messy options of one file.
struct Out {
    w: Writer,
    bad_counts: bool,
    latin1: bool,
    /// A PNRGOV push goes out in parts (UNH element 4 `01:C` ... `nn:F`).
    parts: bool,
}

impl Out {
    fn seg(&mut self, tag: &str, elements: &[&[&str]]) {
        // Generated values hold only characters the writer can release.
        let _ = self.w.segment(tag, elements);
    }
    fn name(&self, s: &str) -> Vec<u8> {
        if self.latin1 {
            // Latin-1 letters in place of the transliteration (per file).
            s.replacen("UE", "\u{DC}", 1)
                .replacen("AE", "\u{C4}", 1)
                .chars()
                .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
                .collect()
        } else {
            s.as_bytes().to_vec()
        }
    }
    fn count(&self, n: usize) -> String {
        (if self.bad_counts { n + 3 } else { n }).to_string()
    }
}

fn yymmdd(d: NaiveDate) -> String {
    d.format("%y%m%d").to_string()
}
fn ddmmyy(d: NaiveDate) -> String {
    d.format("%d%m%y").to_string()
}
fn ddmmmyy(d: NaiveDate) -> String {
    d.format("%d%b%y").to_string().to_uppercase()
}
fn hhmm(t: NaiveDateTime) -> String {
    format!("{:02}{:02}", t.hour(), t.minute())
}

/// The UNA and UNB of a file: UNOC where names are written in Latin-1.
fn interchange_header(o: &mut Out, f: &Flight, reference: &str) {
    o.w.una();
    let syntax = if o.latin1 { "UNOC" } else { "UNOA" };
    o.seg(
        "UNB",
        &[
            &[syntax, "4"],
            &["ZZAIRLINE"],
            &["BORDERAGENCY"],
            &[&yymmdd(f.dep.date()), "0600"],
            &[reference],
        ],
    );
}

fn header(o: &mut Out, f: &Flight, kind: &str, bgm: &str) -> usize {
    interchange_header(o, f, &format!("{kind}{:07}", f.index));
    let start = o.w.segment_count();
    o.seg("UNH", &[&["1"], &["PAXLST", "D", "05B", "UN", "IATA"]]);
    o.seg("BGM", &[&[bgm]]);
    o.seg("NAD", &[&["MS"], &[], &[], &["SYNTHETIC OPERATIONS"]]);
    o.seg("TDT", &[&["20"], &[&f.label()], &[], &[], &[f.carrier]]);
    o.seg("LOC", &[&["125"], &[f.origin.iata]]);
    let dep = format!("{}{}", yymmdd(f.dep.date()), hhmm(f.dep));
    o.seg("DTM", &[&["189", &dep, "201"]]);
    o.seg("LOC", &[&["87"], &[f.dest.iata]]);
    let arr = format!("{}{}", yymmdd(f.arr.date()), hhmm(f.arr));
    o.seg("DTM", &[&["232", &arr, "201"]]);
    start
}

fn trailer(o: &mut Out, f: &Flight, kind: &str, start: usize, people: usize) {
    let ref_ = format!("{kind}{:07}", f.index);
    let c = o.count(people);
    o.seg("CNT", &[&["42", &c]]);
    let n = o.count(o.w.segment_count() - start + 1);
    o.seg("UNT", &[&[&n], &["1"]]);
    o.seg("UNZ", &[&["1"], &[&ref_]]);
}

fn write_paxlst(o: &mut Out, f: &Flight, bookings: &[Booking]) {
    let start = header(o, f, "API", "745");
    let mut n = 0;
    for b in bookings {
        for p in &b.people {
            n += 1;
            let sur = o.name(&p.api_surname);
            let giv = o.name(&p.api_given);
            let _ =
                o.w.segment("NAD", &[&[&b"FL"[..]], &[], &[], &[&sur[..], &giv[..]]]);
            o.seg("ATT", &[&["2"], &[], &[if p.female { "F" } else { "M" }]]);
            o.seg("DTM", &[&["329", &yymmdd(p.birth)]]);
            o.seg("LOC", &[&["178"], &[f.origin.iata]]);
            o.seg("LOC", &[&["179"], &[p.final_dest.unwrap_or(f.dest.iata)]]);
            o.seg("NAT", &[&["2"], &[p.nat]]);
            o.seg("RFF", &[&["AVF", &b.locator]]);
            o.seg("DOC", &[&["P", "110", "111"], &[&p.doc]]);
            o.seg("DTM", &[&["36", &yymmdd(p.expiry)]]);
            o.seg("DTM", &[&["182", &yymmdd(p.issued)]]);
            o.seg("LOC", &[&["91"], &[p.issuer]]);
        }
    }
    trailer(o, f, "API", start, n);
}

fn write_crew(o: &mut Out, f: &Flight) {
    let start = header(o, f, "CRW", "250");
    let crew = 2 + f.index % 4;
    for i in 0..crew {
        let o_ = &names::ORIGINS
            [usize::try_from((f.index + i) % names::ORIGINS.len() as u64).unwrap_or(0)];
        let sur = o_.surnames
            [usize::try_from((f.index * 7 + i * 3) % o_.surnames.len() as u64).unwrap_or(0)];
        let giv = o_.male[usize::try_from((f.index + i * 5) % o_.male.len() as u64).unwrap_or(0)];
        let birth = NaiveDate::from_ymd_opt(
            1970 + i32::try_from((f.index + i) % 25).unwrap_or(0),
            1 + u32::try_from(i % 12).unwrap_or(0),
            10 + u32::try_from(f.index % 15).unwrap_or(0),
        )
        .unwrap_or_default();
        // Two letters: never a passenger's number (one letter, eight digits).
        let doc = format!("CR{:02}{:06}", i, f.index % 1_000_000);
        o.seg("NAD", &[&["FM"], &[], &[], &[sur, giv]]);
        o.seg("ATT", &[&["2"], &[], &["M"]]);
        o.seg("DTM", &[&["329", &yymmdd(birth)]]);
        o.seg("LOC", &[&["178"], &[f.origin.iata]]);
        o.seg("LOC", &[&["179"], &[f.dest.iata]]);
        o.seg(
            "EMP",
            &[&["1"], &[if i == 0 { "CR1" } else { "CR2" }, "110", "111"]],
        );
        o.seg("NAT", &[&["2"], &[o_.nat]]);
        o.seg("DOC", &[&["P", "110", "111"], &[&doc]]);
        o.seg(
            "DTM",
            &[&["36", &yymmdd(f.dep.date() + Duration::days(900))]],
        );
        o.seg("LOC", &[&["91"], &[o_.nat]]);
    }
    trailer(o, f, "CRW", start, usize::try_from(crew).unwrap_or(0));
}

fn tvl(o: &mut Out, f: &Flight, back: bool) {
    let (dep, arr, a, b) = if back {
        (
            f.dep + Duration::days(9),
            f.arr + Duration::days(9),
            f.dest.iata,
            f.origin.iata,
        )
    } else {
        (f.dep, f.arr, f.origin.iata, f.dest.iata)
    };
    let n = (f.number + u32::from(back)).to_string();
    o.seg(
        "TVL",
        &[
            &[
                &ddmmyy(dep.date()),
                &hhmm(dep),
                &ddmmyy(arr.date()),
                &hhmm(arr),
            ],
            &[a],
            &[b],
            &[f.carrier],
            &[&n, "Y"],
        ],
    );
}

/// Opens PNRGOV message `part` (0-based) of `parts` (0: not in parts):
/// UNH, then the header every part repeats (MSG, ORG, TVL, EQN). Returns
/// the segment count before the UNH.
fn pnrgov_header(o: &mut Out, f: &Flight, bookings: usize, part: usize, parts: usize) -> usize {
    let start = o.w.segment_count();
    let h = format!("{}/{}/{}", f.label(), ddmmyy(f.dep.date()), hhmm(f.dep));
    let reference = (part + 1).to_string();
    let seq = format!("{:02}", part + 1);
    let last = if part + 1 == parts { "F" } else { "C" };
    if parts == 0 {
        o.seg("UNH", &[&[&reference], &["PNRGOV", "11", "1", "IA"], &[&h]]);
    } else {
        o.seg(
            "UNH",
            &[
                &[&reference],
                &["PNRGOV", "11", "1", "IA"],
                &[&h],
                &[&seq, last],
            ],
        );
    }
    o.seg("MSG", &[&["", "22"]]);
    o.seg("ORG", &[&[f.carrier, f.origin.iata]]);
    let (dep, arr) = (f.dep, f.arr);
    let n = f.number.to_string();
    o.seg(
        "TVL",
        &[
            &[
                &ddmmyy(dep.date()),
                &hhmm(dep),
                &ddmmyy(arr.date()),
                &hhmm(arr),
            ],
            &[f.origin.iata],
            &[f.dest.iata],
            &[f.carrier],
            &[&n],
        ],
    );
    let eqn = o.count(bookings);
    o.seg("EQN", &[&[&eqn]]);
    start
}

fn pnrgov_trailer(o: &mut Out, start: usize, part: usize) {
    let n = o.count(o.w.segment_count() - start + 1);
    let reference = (part + 1).to_string();
    o.seg("UNT", &[&[&n], &[&reference]]);
}

fn write_pnrgov(o: &mut Out, f: &Flight, bookings: &[Booking]) {
    let ref_ = format!("PNR{:07}", f.index);
    interchange_header(o, f, &ref_);
    // In parts: up to three, each cut inside a PNR (after its contact), so
    // the PNR only reads whole when the parts are put back together.
    let parts = if o.parts {
        bookings.len().clamp(1, 3)
    } else {
        0
    };
    let cuts: Vec<usize> = (1..parts).map(|k| k * bookings.len() / parts).collect();
    let mut part = 0;
    let mut start = pnrgov_header(o, f, bookings.len(), part, parts);
    for (bi, b) in bookings.iter().enumerate() {
        o.seg("SRC", &[]);
        o.seg(
            "RCI",
            &[&[
                f.carrier,
                &b.locator,
                "",
                &ddmmyy(b.created.date()),
                &hhmm(b.created),
            ]],
        );
        if b.agency {
            o.seg(
                "ORG",
                &[
                    &[f.carrier, "LON"],
                    &["91234567", "LONZZ01TA"],
                    &["LON"],
                    &[f.carrier],
                    &["T"],
                    &["GB", "GBP", "EN"],
                ],
            );
        } else {
            o.seg(
                "ORG",
                &[
                    &[f.carrier, f.origin.iata],
                    &[],
                    &[],
                    &[f.carrier],
                    &["E"],
                    &["GB"],
                ],
            );
        }
        let phone = format!("/{}/GB", b.phone);
        o.seg(
            "SSR",
            &[&["CTCM", "HK", "1", f.carrier, "", "", "", "", &phone]],
        );
        if cuts.contains(&bi) {
            pnrgov_trailer(o, start, part);
            part += 1;
            start = pnrgov_header(o, f, bookings.len(), part, parts);
        }
        for (i, p) in b.people.iter().enumerate() {
            let idx = (i + 1).to_string();
            let title = format!("{} {}", p.given, if p.female { "MS" } else { "MR" });
            let sur = o.name(&p.surname);
            let tit = o.name(&title);
            let _ =
                o.w.segment("TIF", &[&[&sur[..]], &[&tit[..], b"A", idx.as_bytes()]]);
            let docs = format!(
                "/P/{}/{}/{}/{}/{}/{}/{}/{}",
                p.issuer,
                p.doc,
                p.nat,
                ddmmmyy(p.pnr_birth),
                if p.female { "F" } else { "M" },
                ddmmmyy(p.expiry),
                p.surname,
                p.given
            );
            let docs = o.name(&docs);
            let _ = o.w.segment(
                "SSR",
                &[&[
                    &b"DOCS"[..],
                    b"HK",
                    b"1",
                    f.carrier.as_bytes(),
                    b"",
                    b"",
                    b"",
                    b"",
                    &docs[..],
                ]],
            );
            if i == 0 {
                let tkt = format!("22024{:08}", b.locator.len() as u64 * 1000 + f.index % 1000);
                o.seg("TKT", &[&[&tkt, "T", "1"]]);
                o.seg("MON", &[&["T", "640.00", "EUR"]]);
                match b.pay {
                    Pay::Card(n) => {
                        let c = n.to_string();
                        o.seg("FOP", &[&["CC", "", "640.00", "VI", &c, "0829"]]);
                    }
                    Pay::Cash => o.seg("FOP", &[&["CA", "", "640.00"]]),
                    Pay::Invoice => o.seg("FOP", &[&["IN", "", "640.00"]]),
                }
                o.seg("IFT", &[&["4", "43"], &[&b.payer]]);
            }
        }
        tvl(o, f, false);
        let rpi = b.people.len().to_string();
        o.seg("RPI", &[&[&rpi], &["HK"]]);
        if !b.one_way {
            tvl(o, f, true);
            o.seg("RPI", &[&[&rpi], &["HK"]]);
        }
        for (i, p) in b.people.iter().enumerate() {
            let idx = (i + 1).to_string();
            o.seg("DAT", &[&["2", &ddmmyy(f.dep.date()), "0800"]]);
            o.seg("ORG", &[&[f.carrier, f.origin.iata], &[], &[], &[], &["A"]]);
            let tri = format!("{}-{:03}", f.origin.iata, i + 1);
            o.seg("TRI", &[&[], &[&tri, "", "", &idx]]);
            let title = format!("{} {}", p.given, if p.female { "MS" } else { "MR" });
            let sur = o.name(&p.surname);
            let tit = o.name(&title);
            let _ =
                o.w.segment("TIF", &[&[&sur[..]], &[&tit[..], b"A", idx.as_bytes()]]);
            let pieces = p.bags.to_string();
            let weight = (u32::from(p.bags) * 20).to_string();
            if p.bags > 0 {
                let tag = format!("0220{:06}", (f.index * 1000 + i as u64) % 1_000_000);
                o.seg(
                    "TBD",
                    &[
                        &[],
                        &[&pieces, &weight, "700"],
                        &[],
                        &[],
                        &[f.carrier, &tag, &pieces, f.dest.iata],
                    ],
                );
            } else {
                o.seg("TBD", &[&[], &["0"]]);
            }
        }
    }
    pnrgov_trailer(o, start, part);
    let messages = (part + 1).to_string();
    o.seg("UNZ", &[&[&messages], &[&ref_]]);
}

#[cfg(test)]
mod tests;
