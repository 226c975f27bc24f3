//! One PNR (an `SRC` group and everything up to the next `SRC`) -> Booking.
//!
//! The segment groups of the guide are followed with a small context: the
//! last group opened (traveller, ticket, payment, itinerary segment,
//! check-in, checked-in traveller, history) decides where a segment that
//! occurs in several groups (SSR, IFT, ADD, DAT, ORG, TIF...) belongs.

use super::ssr;
use crate::edifact::{at_segment, segment_position, Element, Segment};
use crate::model::booking::{
    BagTag, Bags, Booking, BookingOffice, CheckIn, CheckedIn, Contact, ContactKind, ExcessBaggage,
    FlightSegment, FrequentFlyer, HistoryEntry, MonetaryAmount, Passenger, PassengerType, Payment,
    PaymentCard, PaymentKind, PostalAddress, QualifiedDate, RecordLocator, Remark, SpecialService,
    Tax, Ticket,
};
use crate::model::linkage::{normalise_email, normalise_phone};
use crate::model::{
    parse_hhmm, resolve_two_digit_year, split_ddmmmyy, DateRole, Diagnostic, LinkKey, Position,
    Severity,
};
use crate::reference::countries;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::borrow::Cow;

/// Where the last group opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Pnr,
    Traveller(usize),
    Ticket(usize),
    Payment(usize),
    Leg(usize),
    CheckIn(usize),
    CheckedIn(usize, usize),
    History,
}

/// An SSR waiting for every traveller to be known.
struct PendingSsr {
    service: SpecialService,
    traveller: Option<usize>,
    position: Position,
}

/// Builds one booking from its segments.
pub(crate) struct PnrBuilder<'k> {
    booking: Booking,
    ctx: Ctx,
    pending: Vec<PendingSsr>,
    with_infant: Vec<bool>,
    reference: Option<NaiveDate>,
    key: &'k LinkKey,
    decimal: u8,
}

impl<'k> PnrBuilder<'k> {
    pub(crate) fn new(
        flight: Option<FlightSegment>,
        reference: Option<NaiveDate>,
        key: &'k LinkKey,
        decimal: u8,
    ) -> Self {
        PnrBuilder {
            booking: Booking {
                flight,
                ..Booking::default()
            },
            ctx: Ctx::Pnr,
            pending: Vec::new(),
            with_infant: Vec::new(),
            reference,
            key,
            decimal,
        }
    }

    fn warn(&mut self, seg: &Segment<'_>, code: &'static str, message: impl Into<String>) {
        self.booking
            .diagnostics
            .push(at_segment(seg, Severity::Warning, code, message));
    }

    fn info(&mut self, seg: &Segment<'_>, code: &'static str, message: impl Into<String>) {
        self.booking
            .diagnostics
            .push(at_segment(seg, Severity::Info, code, message));
    }

    fn current_traveller(&self) -> Option<usize> {
        match self.ctx {
            Ctx::Traveller(t) => Some(t),
            Ctx::Ticket(k) => self.booking.tickets.get(k).and_then(|t| t.traveller),
            Ctx::Payment(p) => self.booking.payments.get(p).and_then(|p| p.traveller),
            _ => None,
        }
    }

    fn current_leg(&self) -> Option<usize> {
        match self.ctx {
            Ctx::Leg(l) => Some(l),
            Ctx::CheckIn(c) | Ctx::CheckedIn(c, _) => {
                self.booking.check_in.get(c).and_then(|c| c.segment)
            }
            _ => None,
        }
    }

    /// Maps one segment of the PNR (the `SRC` itself included).
    pub(crate) fn segment(&mut self, seg: &Segment<'_>) {
        match seg.tag_bytes() {
            b"SRC" => {}
            b"RCI" => self.rci(seg),
            b"DAT" => self.dat(seg),
            b"ORG" => self.org(seg),
            b"ADD" => self.add(seg),
            b"EBD" => {
                let traveller = self.current_traveller();
                self.booking.excess_baggage.push(ExcessBaggage {
                    traveller,
                    text: values(seg),
                });
            }
            b"IFT" => self.ift(seg),
            b"SSR" => self.ssr(seg),
            b"TIF" => self.tif(seg),
            b"FTI" => self.fti(seg),
            b"REF" => self.with_traveller(seg, |p, s| {
                p.identifiers
                    .extend(s.string(1, 2).or_else(|| s.string(1, 1)));
            }),
            b"FAR" => self.with_traveller(seg, |p, s| p.fares.push(values(s))),
            b"TKT" => self.tkt(seg),
            b"MON" => self.mon(seg),
            b"PTK" => self.with_ticket(seg, |t, s| t.pricing = Some(values(s))),
            b"TXD" => self.txd(seg),
            b"FOP" => self.fop(seg),
            b"TVL" => self.tvl(seg),
            b"RPI" => self.with_leg(seg, |l, s| {
                l.party_size = s.trimmed(1, 1).and_then(|n| n.parse().ok());
                l.status = s.string(2, 1);
            }),
            b"APD" => self.with_leg(seg, |l, s| l.aircraft = s.string(1, 1)),
            b"TRI" => self.tri(seg),
            b"SSD" => self.with_checked_in(seg, |c, s| {
                c.seat = s.string(1, 1);
                c.cabin = s.string(5, 1);
            }),
            b"TBD" => self.tbd(seg),
            b"LTS" | b"ABI" | b"SAC" => {
                self.ctx = Ctx::History;
                self.history(seg);
            }
            b"EQN" | b"ERC" | b"TRA" => {}
            _ => {
                let other = seg.tag().to_string();
                self.info(
                    seg,
                    "pnrgov.unknown_segment",
                    format!(
                        "segment {other} is not part of a PNR in the PNRGOV guide and was skipped"
                    ),
                );
            }
        }
    }

    fn history(&mut self, seg: &Segment<'_>) {
        self.booking.history.push(HistoryEntry {
            tag: seg.tag().to_string(),
            text: values(seg),
            free_text: true,
        });
    }

    fn with_traveller(&mut self, seg: &Segment<'_>, f: impl FnOnce(&mut Passenger, &Segment<'_>)) {
        match self
            .current_traveller()
            .and_then(|t| self.booking.travellers.get_mut(t))
        {
            Some(p) => f(p, seg),
            None => self.misplaced(seg, "a traveller (TIF)"),
        }
    }

    fn with_ticket(&mut self, seg: &Segment<'_>, f: impl FnOnce(&mut Ticket, &Segment<'_>)) {
        let k = match self.ctx {
            Ctx::Ticket(k) => Some(k),
            Ctx::Payment(p) => self.booking.payments.get(p).and_then(|p| p.ticket),
            _ => None,
        };
        match k.and_then(|k| self.booking.tickets.get_mut(k)) {
            Some(t) => f(t, seg),
            None => self.misplaced(seg, "a ticket (TKT)"),
        }
    }

    fn with_leg(&mut self, seg: &Segment<'_>, f: impl FnOnce(&mut FlightSegment, &Segment<'_>)) {
        match self
            .current_leg()
            .and_then(|l| self.booking.itinerary.get_mut(l))
        {
            Some(l) => f(l, seg),
            None => self.misplaced(seg, "an itinerary segment (TVL)"),
        }
    }

    fn with_checked_in(&mut self, seg: &Segment<'_>, f: impl FnOnce(&mut CheckedIn, &Segment<'_>)) {
        let target = match self.ctx {
            Ctx::CheckedIn(c, t) => self
                .booking
                .check_in
                .get_mut(c)
                .and_then(|c| c.travellers.get_mut(t)),
            _ => None,
        };
        match target {
            Some(t) => f(t, seg),
            None => self.misplaced(seg, "a checked-in traveller (TRI)"),
        }
    }

    fn misplaced(&mut self, seg: &Segment<'_>, group: &str) {
        let tag = seg.tag().to_string();
        self.warn(
            seg,
            "pnrgov.misplaced_segment",
            format!("{tag} belongs in the group of {group}, but none is open here; it was skipped"),
        );
    }

    fn date_time(
        &mut self,
        seg: &Segment<'_>,
        date: Option<&str>,
        time: Option<&str>,
    ) -> Option<NaiveDateTime> {
        let date = date?;
        let at = ddmmyy_hhmm(date, time);
        if at.is_none() {
            self.warn(
                seg,
                "pnrgov.bad_date",
                "a date is not written DDMMYY (with an optional HHMM time)",
            );
        }
        at
    }

    fn rci(&mut self, seg: &Segment<'_>) {
        if let Some(l) = self.current_leg() {
            if let Some(leg) = self.booking.itinerary.get_mut(l) {
                leg.record_locator = seg.string(1, 2);
            }
            return;
        }
        for (i, element) in seg.elements().enumerate() {
            let locator = RecordLocator {
                system: element.trimmed(1).map(Cow::into_owned),
                locator: element.trimmed(2).map(Cow::into_owned),
            };
            let date = element.trimmed(4).map(Cow::into_owned);
            let time = element.trimmed(5).map(Cow::into_owned);
            if i == 0 && self.booking.record_locator.is_none() {
                self.booking.record_locator = locator.locator;
                self.booking.owner = locator.system;
            } else {
                self.booking.other_locators.push(locator);
            }
            if self.booking.created.is_none() {
                self.booking.created = self.date_time(seg, date.as_deref(), time.as_deref());
            }
        }
        if self.booking.record_locator.is_none() {
            self.warn(
                seg,
                "pnrgov.no_record_locator",
                "RCI gives no record locator",
            );
        }
    }

    fn qualified_date(&mut self, seg: &Segment<'_>) -> QualifiedDate {
        self.qualified_date_of(seg, seg.element(1))
    }

    /// A date element `qualifier:DDMMYY:HHMM` (qualifier 3: free text).
    fn qualified_date_of(
        &mut self,
        seg: &Segment<'_>,
        element: Option<Element<'_>>,
    ) -> QualifiedDate {
        let part = |c: usize| element.and_then(|e| e.trimmed(c)).map(Cow::into_owned);
        let qualifier = part(1).unwrap_or_default();
        if qualifier == "3" {
            return QualifiedDate {
                qualifier,
                at: None,
                text: part(2),
            };
        }
        let at = self.date_time(seg, part(2).as_deref(), part(3).as_deref());
        QualifiedDate {
            qualifier,
            at,
            text: None,
        }
    }

    fn dat(&mut self, seg: &Segment<'_>) {
        match self.ctx {
            Ctx::History => self.history(seg),
            Ctx::Ticket(_) | Ctx::Payment(_) => {
                let d = self.qualified_date(seg);
                let ticket = match self.ctx {
                    Ctx::Ticket(k) => Some(k),
                    Ctx::Payment(p) => self.booking.payments.get(p).and_then(|p| p.ticket),
                    _ => None,
                };
                if let Some(t) = ticket.and_then(|k| self.booking.tickets.get_mut(k)) {
                    t.issued = d.at.or(t.issued);
                }
            }
            Ctx::Leg(_) | Ctx::CheckIn(_) | Ctx::CheckedIn(..) => {
                let d = self.qualified_date(seg);
                let segment = self.current_leg();
                self.booking.check_in.push(CheckIn {
                    segment,
                    at: d.at,
                    text: d.text,
                    agent: None,
                    travellers: Vec::new(),
                });
                self.ctx = Ctx::CheckIn(self.booking.check_in.len() - 1);
            }
            Ctx::Pnr | Ctx::Traveller(_) => {
                // Several dates may be given in one DAT, one per element.
                for element in seg.elements() {
                    let d = self.qualified_date_of(seg, Some(element));
                    match d.qualifier.as_str() {
                        "700" => self.booking.last_modified = d.at,
                        "710" => self.booking.ticketed = d.at,
                        "" if d.at.is_none() => {}
                        _ => self.booking.other_dates.push(d),
                    }
                }
            }
        }
    }

    fn office(seg: &Segment<'_>) -> BookingOffice {
        let f = seg.fields();
        BookingOffice {
            system: f.string(1, 1),
            system_location: f.string(1, 2),
            iata_number: f.string(2, 1),
            office_id: f.string(2, 2),
            city: f.string(3, 1),
            airline: f.string(4, 1),
            agent_type: f.string(5, 1),
            country: f
                .string(6, 1)
                .map(|c| countries::to_alpha3(&c).map_or(c, str::to_string)),
            currency: f.string(6, 2),
            language: f.string(6, 3),
            agent_id: f.string(7, 1),
        }
    }

    fn org(&mut self, seg: &Segment<'_>) {
        let office = Self::office(seg);
        match self.ctx {
            Ctx::CheckIn(c) => {
                if let Some(ci) = self.booking.check_in.get_mut(c) {
                    ci.agent = Some(office);
                }
            }
            Ctx::Leg(_) | Ctx::CheckedIn(..) => {
                // A check-in group that starts without its DAT.
                let segment = self.current_leg();
                self.booking.check_in.push(CheckIn {
                    segment,
                    agent: Some(office),
                    ..CheckIn::default()
                });
                self.ctx = Ctx::CheckIn(self.booking.check_in.len() - 1);
            }
            Ctx::History => self.history(seg),
            _ => {
                if self.booking.booking_office.is_none() {
                    self.booking.booking_office = Some(office);
                } else {
                    self.info(
                        seg,
                        "pnrgov.repeated_segment",
                        "a second booking-level ORG was skipped",
                    );
                }
            }
        }
    }

    fn add(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let traveller = self.current_traveller();
        let payment = match self.ctx {
            Ctx::Payment(p) => Some(p),
            _ => None,
        };
        let purpose = f.string(2, 1);
        let address = PostalAddress {
            street: f.string(2, 2),
            city: f.string(2, 3),
            state: f.string(2, 4),
            country: f
                .string(2, 6)
                .map(|c| countries::to_alpha3(&c).map_or(c, str::to_string)),
            postcode: f.string(2, 7),
        };
        if address != PostalAddress::default() {
            self.booking.contacts.push(Contact {
                kind: ContactKind::Address,
                source: "ADD".to_string(),
                purpose: purpose.clone(),
                traveller,
                payment,
                value: None,
                link: None,
                address: Some(address),
            });
        }
        if let Some(phone) = f.trimmed(2, 8) {
            self.phone(&phone, "ADD", purpose, traveller, payment);
        }
    }

    fn phone(
        &mut self,
        text: &str,
        source: &str,
        purpose: Option<String>,
        traveller: Option<usize>,
        payment: Option<usize>,
    ) {
        let Some(value) = normalise_phone(text) else {
            return;
        };
        let link = self.key.hash("phone", &value);
        self.booking.contacts.push(Contact {
            kind: ContactKind::Phone,
            source: source.to_string(),
            purpose,
            traveller,
            payment,
            value: Some(value),
            link: Some(link),
            address: None,
        });
    }

    fn ift(&mut self, seg: &Segment<'_>) {
        if self.ctx == Ctx::History {
            self.history(seg);
            return;
        }
        let f = seg.fields();
        let text = seg
            .elements()
            .skip(1)
            .flat_map(|e| {
                e.texts()
                    .into_iter()
                    .map(|t| t.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if let Ctx::Payment(p) = self.ctx {
            if let Some(payment) = self.booking.payments.get_mut(p) {
                if payment.payer.is_none() && !text.is_empty() {
                    payment.payer = Some(text);
                    return;
                }
            }
        }
        let traveller = self.current_traveller();
        let segment = self.current_leg();
        self.booking.remarks.push(Remark {
            qualifier: f.string(1, 1),
            kind: f.string(1, 2),
            airline: f.string(1, 4),
            text,
            traveller,
            segment,
            free_text: true,
        });
    }

    fn ssr(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let Some(code) = f.string(1, 1) else {
            self.warn(
                seg,
                "pnrgov.ssr_no_code",
                "SSR gives no service code; it was skipped",
            );
            return;
        };
        let text = f
            .element(1)
            .and_then(|e| e.texts_from(9, b':'))
            .map(Cow::into_owned);
        let text = text.filter(|t| !t.trim().is_empty());
        let service = SpecialService {
            code: code.to_ascii_uppercase(),
            status: f.string(1, 2),
            quantity: f.trimmed(1, 3).and_then(|q| q.parse().ok()),
            airline: f.string(1, 4),
            board_point: f.string(1, 7),
            off_point: f.string(1, 8),
            text,
            passenger_reference: f.string(2, 3),
            segment: self.current_leg(),
        };
        let traveller = match self.ctx {
            Ctx::CheckedIn(c, t) => self
                .booking
                .check_in
                .get(c)
                .and_then(|c| c.travellers.get(t))
                .and_then(|t| t.traveller),
            _ => self.current_traveller(),
        };
        self.pending.push(PendingSsr {
            service,
            traveller,
            position: segment_position(seg),
        });
    }

    fn tif(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let reference = f.string(2, 3);
        if let Ctx::CheckedIn(c, _) | Ctx::CheckIn(c) = self.ctx {
            // A TIF in a check-in group names who was checked in.
            let traveller = self.find_traveller(reference.as_deref(), seg);
            if let Some(ci) = self.booking.check_in.get_mut(c) {
                match (self.ctx, ci.travellers.last_mut()) {
                    (Ctx::CheckedIn(..), Some(last)) if last.traveller.is_none() => {
                        last.traveller = traveller;
                        if last.reference.is_none() {
                            last.reference = reference;
                        }
                    }
                    (Ctx::CheckedIn(..), Some(_)) => {}
                    _ => {
                        ci.travellers.push(CheckedIn {
                            traveller,
                            reference,
                            ..CheckedIn::default()
                        });
                        self.ctx = Ctx::CheckedIn(c, ci.travellers.len() - 1);
                    }
                }
            }
            return;
        }
        let given = f.string(2, 1);
        let (given_names, title) = split_title(given.as_deref());
        let passenger = Passenger {
            reference,
            surname: f.string(1, 1),
            given_names,
            title,
            passenger_type: f.string(2, 2).map(|c| PassengerType::from_code(&c)),
            ..Passenger::default()
        };
        if passenger.surname.is_none() {
            self.warn(seg, "pnrgov.no_surname", "TIF gives no surname");
        }
        self.with_infant
            .push(f.trimmed(2, 4).is_some_and(|f| f == "1"));
        self.booking.travellers.push(passenger);
        self.ctx = Ctx::Traveller(self.booking.travellers.len() - 1);
    }

    /// The traveller with this reference; matched by name when no reference.
    fn find_traveller(&self, reference: Option<&str>, seg: &Segment<'_>) -> Option<usize> {
        if let Some(r) = reference {
            return self
                .booking
                .travellers
                .iter()
                .position(|p| p.reference.as_deref() == Some(r));
        }
        let surname = seg.string(1, 1)?;
        let given = seg.string(2, 1);
        let mut matches = self.booking.travellers.iter().enumerate().filter(|(_, p)| {
            p.surname.as_deref() == Some(surname.as_str())
                && (given.is_none() || split_title(given.as_deref()).0 == p.given_names)
        });
        let first = matches.next()?.0;
        matches.next().is_none().then_some(first)
    }

    fn fti(&mut self, seg: &Segment<'_>) {
        let accounts: Vec<FrequentFlyer> = seg
            .elements()
            .map(|e| FrequentFlyer {
                airline: e.trimmed(1).map(Cow::into_owned),
                number: e.trimmed(2).map(Cow::into_owned),
                tier: e.trimmed(5).or_else(|| e.trimmed(4)).map(Cow::into_owned),
            })
            .filter(|f| f.number.is_some())
            .collect();
        self.with_traveller(seg, |p, _| p.frequent_flyer.extend(accounts));
    }

    fn tkt(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let number = f.string(1, 1).map(|n| n.replace([' ', '-'], ""));
        let booklets = f.trimmed(1, 3).and_then(|b| b.parse::<u32>().ok());
        let conjunctive = match (&number, booklets) {
            (Some(n), Some(b)) if b > 1 => conjunctive_numbers(n, b),
            _ => Vec::new(),
        };
        let traveller = self.current_traveller();
        self.booking.tickets.push(Ticket {
            number,
            kind: f.string(1, 2),
            booklets,
            conjunctive,
            traveller,
            ..Ticket::default()
        });
        self.ctx = Ctx::Ticket(self.booking.tickets.len() - 1);
    }

    fn amount(&self, text: Option<String>) -> Option<String> {
        text.map(|a| {
            if self.decimal == b'.' {
                a
            } else {
                a.replace(char::from(self.decimal), ".")
            }
        })
    }

    fn mon(&mut self, seg: &Segment<'_>) {
        let amounts: Vec<MonetaryAmount> = seg
            .elements()
            .map(|e| MonetaryAmount {
                qualifier: e.trimmed(1).map(Cow::into_owned),
                amount: self.amount(e.trimmed(2).map(Cow::into_owned)),
                currency: e.trimmed(3).map(Cow::into_owned),
            })
            .filter(|m| m.amount.is_some() || m.qualifier.is_some())
            .collect();
        self.with_ticket(seg, |t, _| t.amounts.extend(amounts));
    }

    fn txd(&mut self, seg: &Segment<'_>) {
        let taxes: Vec<Tax> = seg
            .elements()
            .skip(1)
            .map(|e| Tax {
                amount: self.amount(e.trimmed(1).map(Cow::into_owned)),
                code: e.trimmed(2).map(Cow::into_owned),
                currency: e.trimmed(4).map(Cow::into_owned),
            })
            .filter(|t| t.amount.is_some() || t.code.is_some())
            .collect();
        self.with_ticket(seg, |t, _| t.taxes.extend(taxes));
    }

    fn fop(&mut self, seg: &Segment<'_>) {
        let ticket = match self.ctx {
            Ctx::Ticket(k) => Some(k),
            Ctx::Payment(p) => self.booking.payments.get(p).and_then(|p| p.ticket),
            _ => None,
        };
        let traveller = self.current_traveller();
        let currency = ticket
            .and_then(|k| self.booking.tickets.get(k))
            .and_then(|t| {
                t.amounts
                    .iter()
                    .find(|a| a.qualifier.as_deref() == Some("T"))
                    .or_else(|| t.amounts.first())
            })
            .and_then(|a| a.currency.clone());
        let mut added = false;
        for e in seg.elements() {
            let get = |i: usize| e.trimmed(i + 1).map(Cow::into_owned);
            let Some(code) = get(0) else { continue };
            let kind = PaymentKind::from_code(&code);
            let account = get(4);
            let (card, account) = match (&kind, account) {
                (PaymentKind::Card, Some(number)) => {
                    let (masked, by_sender, hashed) = mask_card(&number);
                    let link = self.key.hash("card", &hashed);
                    let expires = get(5).and_then(|e| mmyy(&e));
                    (
                        Some(PaymentCard {
                            vendor: get(3),
                            masked,
                            link,
                            masked_by_sender: by_sender,
                            expires,
                        }),
                        None,
                    )
                }
                (_, Some(a)) if a.bytes().filter(u8::is_ascii_digit).count() >= 12 => {
                    (None, Some(mask_card(&a).0))
                }
                (_, a) => (None, a),
            };
            self.booking.payments.push(Payment {
                kind,
                code: code.to_ascii_uppercase(),
                old: get(1).is_some_and(|d| d == "2"),
                amount: self.amount(get(2)),
                currency: currency.clone(),
                card,
                account,
                traveller,
                ticket,
                payer: None,
            });
            added = true;
        }
        if added {
            self.ctx = Ctx::Payment(self.booking.payments.len() - 1);
        } else {
            self.warn(seg, "pnrgov.fop_empty", "FOP gives no form of payment code");
        }
    }

    fn tvl(&mut self, seg: &Segment<'_>) {
        if self.ctx == Ctx::History {
            self.history(seg);
            return;
        }
        let leg = flight_segment(seg, &mut self.booking.diagnostics);
        self.booking.itinerary.push(leg);
        self.ctx = Ctx::Leg(self.booking.itinerary.len() - 1);
    }

    fn tri(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let c = match self.ctx {
            Ctx::CheckIn(c) | Ctx::CheckedIn(c, _) => c,
            Ctx::Leg(_) => {
                let segment = self.current_leg();
                self.booking.check_in.push(CheckIn {
                    segment,
                    ..CheckIn::default()
                });
                self.booking.check_in.len() - 1
            }
            _ => {
                self.misplaced(seg, "a check-in (DAT or ORG after a TVL)");
                return;
            }
        };
        let reference = f.string(2, 4);
        let traveller = reference.as_deref().and_then(|r| {
            self.booking
                .travellers
                .iter()
                .position(|p| p.reference.as_deref() == Some(r))
        });
        if let Some(ci) = self.booking.check_in.get_mut(c) {
            ci.travellers.push(CheckedIn {
                traveller,
                reference,
                sequence: f.string(2, 1),
                ..CheckedIn::default()
            });
            self.ctx = Ctx::CheckedIn(c, ci.travellers.len() - 1);
        }
    }

    fn tbd(&mut self, seg: &Segment<'_>) {
        let f = seg.fields();
        let unit = f.string(2, 3).map(|u| match u.as_str() {
            "700" | "K" | "KG" => "kg".to_string(),
            "701" | "L" | "LB" => "lb".to_string(),
            _ => u,
        });
        let pool_code = f.string(4, 1);
        let bags = Bags {
            pieces: f.trimmed(2, 1).and_then(|p| p.parse().ok()),
            weight: f
                .trimmed(2, 2)
                .and_then(|w| w.replace(char::from(self.decimal), ".").parse().ok()),
            unit,
            pooled: pool_code.is_some(),
            head_of_pool: f
                .string(4, 2)
                .map(|h| h.chars().filter(|c| !c.is_whitespace()).collect()),
            pool_code,
            tags: seg
                .elements()
                .skip(4)
                .map(|e| BagTag {
                    airline: e.trimmed(1).map(Cow::into_owned),
                    number: e.trimmed(2).map(Cow::into_owned),
                    consecutive: e.trimmed(3).and_then(|n| n.parse().ok()),
                    destination: e.trimmed(4).map(Cow::into_owned),
                })
                .filter(|t| t.number.is_some())
                .collect(),
        };
        self.with_checked_in(seg, |c, _| c.bags.push(bags));
    }

    /// Resolves SSRs, links infants, and returns the booking.
    pub(crate) fn finish(mut self, at: Position) -> Booking {
        self.link_infants();
        let pending = std::mem::take(&mut self.pending);
        for p in pending {
            self.place_ssr(p);
        }
        self.infants_from_ssr();
        if self.booking.record_locator.is_none()
            && !self
                .booking
                .diagnostics
                .iter()
                .any(|d| d.code == "pnrgov.no_record_locator")
        {
            self.booking.diagnostics.push(Diagnostic::new(
                Severity::Warning,
                "pnrgov.no_record_locator",
                "the PNR has no RCI record locator",
                at,
            ));
        }
        self.booking
    }

    fn link_infants(&mut self) {
        let n = self.booking.travellers.len();
        for i in 0..n {
            if self.booking.travellers[i].passenger_type != Some(PassengerType::Infant)
                || self.booking.travellers[i].infant_of.is_some()
            {
                continue;
            }
            let free = |j: usize, this: &Self, need_flag: bool| {
                let p = &this.booking.travellers[j];
                p.infant.is_none()
                    && p.passenger_type != Some(PassengerType::Infant)
                    && (!need_flag || this.with_infant.get(j).copied().unwrap_or(false))
            };
            let adult = (0..i)
                .rev()
                .find(|&j| free(j, self, true))
                .or_else(|| (0..n).find(|&j| j != i && free(j, self, true)))
                .or_else(|| (0..i).rev().find(|&j| free(j, self, false)));
            if let Some(j) = adult {
                let infant_ref = self.booking.travellers[i].reference.clone();
                let adult_ref = self.booking.travellers[j].reference.clone();
                self.booking.travellers[j].infant = infant_ref;
                self.booking.travellers[i].infant_of = adult_ref;
            }
        }
    }

    fn place_ssr(&mut self, p: PendingSsr) {
        let PendingSsr {
            service,
            traveller,
            position,
        } = p;
        let mut target = traveller;
        if let Some(r) = &service.passenger_reference {
            match self
                .booking
                .travellers
                .iter()
                .position(|t| t.reference.as_deref() == Some(r.as_str()))
            {
                Some(t) => target = Some(t),
                None => self.booking.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "pnrgov.ssr_unknown_passenger",
                    format!(
                        "SSR {} names passenger reference {r}, which no TIF of this PNR has",
                        service.code
                    ),
                    position.clone(),
                )),
            }
        }
        let personal = matches!(
            service.code.as_str(),
            "DOCS" | "DOCO" | "DOCA" | "FOID" | "CTCE" | "CTCM" | "CTCH" | "PSPT"
        );
        if target.is_none() && personal && self.booking.travellers.len() == 1 {
            target = Some(0);
        }
        let text = service.text.clone().unwrap_or_default();
        let diag = |problems: Vec<ssr::Problem>, out: &mut Vec<Diagnostic>| {
            for pr in problems {
                out.push(Diagnostic::new(
                    Severity::Warning,
                    pr.code,
                    pr.message,
                    position.clone(),
                ));
            }
        };
        match service.code.as_str() {
            "DOCS" => {
                let (doc, problems) = ssr::docs(&text, self.reference);
                diag(problems, &mut self.booking.diagnostics);
                if target.is_none() {
                    target =
                        self.traveller_by_name(doc.surname.as_deref(), doc.given_names.as_deref());
                }
                if let Some(t) = target {
                    let t = if doc.infant { self.infant_of(t) } else { t };
                    self.add_document(t, doc);
                }
            }
            "DOCO" => {
                let (doc, problems) = ssr::doco(&text, self.reference);
                diag(problems, &mut self.booking.diagnostics);
                if let Some(t) = target {
                    let t = if doc.infant { self.infant_of(t) } else { t };
                    self.add_document(t, doc);
                }
            }
            "DOCA" => {
                let (address, problems) = ssr::doca(&text);
                diag(problems, &mut self.booking.diagnostics);
                if let Some(t) = target {
                    let t = if address.infant { self.infant_of(t) } else { t };
                    if let Some(p) = self.booking.travellers.get_mut(t) {
                        if !p.document_addresses.iter().any(|a| a.raw == address.raw) {
                            p.document_addresses.push(address);
                        }
                    }
                }
            }
            "CTCE" => match ssr::ctce(&text).and_then(|e| normalise_email(&e)) {
                Some(email) => {
                    if !self.has_contact(ContactKind::Email, &email, target) {
                        let link = self.key.hash("email", &email);
                        self.booking.contacts.push(Contact {
                            kind: ContactKind::Email,
                            source: "SSR CTCE".to_string(),
                            purpose: None,
                            traveller: target,
                            payment: None,
                            value: Some(email),
                            link: Some(link),
                            address: None,
                        });
                    }
                }
                None => self.booking.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "pnrgov.ssr_no_text",
                    "SSR CTCE gives no e-mail address",
                    position.clone(),
                )),
            },
            "CTCM" | "CTCH" | "CTCB" => match ssr::ctc_phone(&text).and_then(normalise_phone) {
                Some(phone) => {
                    if !self.has_contact(ContactKind::Phone, &phone, target) {
                        let link = self.key.hash("phone", &phone);
                        self.booking.contacts.push(Contact {
                            kind: ContactKind::Phone,
                            source: format!("SSR {}", service.code),
                            purpose: None,
                            traveller: target,
                            payment: None,
                            value: Some(phone),
                            link: Some(link),
                            address: None,
                        });
                    }
                }
                None => self.booking.diagnostics.push(Diagnostic::new(
                    Severity::Warning,
                    "pnrgov.ssr_no_text",
                    format!("SSR {} gives no phone number", service.code),
                    position.clone(),
                )),
            },
            _ => {}
        }
        match target.and_then(|t| self.booking.travellers.get_mut(t)) {
            Some(p) => p.special_services.push(service),
            None => match service
                .segment
                .and_then(|l| self.booking.itinerary.get_mut(l))
            {
                Some(leg) => leg.special_services.push(service),
                None => self.booking.special_services.push(service),
            },
        }
    }

    fn has_contact(&self, kind: ContactKind, value: &str, traveller: Option<usize>) -> bool {
        self.booking.contacts.iter().any(|c| {
            c.kind == kind && c.traveller == traveller && c.value.as_deref() == Some(value)
        })
    }

    /// The infant travelling with traveller `t` (or `t` itself).
    fn infant_of(&self, t: usize) -> usize {
        let Some(p) = self.booking.travellers.get(t) else {
            return t;
        };
        if p.passenger_type == Some(PassengerType::Infant) {
            return t;
        }
        p.infant
            .as_deref()
            .and_then(|r| {
                self.booking
                    .travellers
                    .iter()
                    .position(|q| q.reference.as_deref() == Some(r))
            })
            .unwrap_or(t)
    }

    fn traveller_by_name(&self, surname: Option<&str>, given: Option<&str>) -> Option<usize> {
        let surname = surname?;
        let first = given.and_then(|g| g.split_whitespace().next());
        let mut it = self.booking.travellers.iter().enumerate().filter(|(_, p)| {
            p.surname.as_deref() == Some(surname)
                && match (first, p.given_names.as_deref()) {
                    (Some(f), Some(g)) => g.split_whitespace().next() == Some(f),
                    _ => true,
                }
        });
        let found = it.next()?.0;
        it.next().is_none().then_some(found)
    }

    fn add_document(&mut self, t: usize, doc: crate::model::booking::PnrDocument) {
        let Some(p) = self.booking.travellers.get_mut(t) else {
            return;
        };
        if p.birth_date.is_none() {
            p.birth_date = doc.birth_date;
        }
        if p.gender.is_none() {
            p.gender = doc.gender;
        }
        if p.nationality.is_none() {
            p.nationality.clone_from(&doc.nationality);
        }
        let same = p.documents.iter().any(|d| {
            d.source == doc.source
                && d.document.code == doc.document.code
                && d.document.number == doc.document.number
                && (d.document.number.is_some() || d.raw == doc.raw)
        });
        if !same {
            p.documents.push(doc);
        }
    }

    /// Infants named only by an SSR INFT (no TIF of their own) become
    /// travellers, so no one is lost.
    fn infants_from_ssr(&mut self) {
        let n = self.booking.travellers.len();
        for i in 0..n {
            let p = &self.booking.travellers[i];
            if p.infant.is_some() || p.passenger_type == Some(PassengerType::Infant) {
                continue;
            }
            let Some(text) = p
                .special_services
                .iter()
                .find(|s| s.code == "INFT")
                .and_then(|s| s.text.clone())
            else {
                continue;
            };
            let (surname, given, birth) = parse_inft(&text, self.reference);
            if surname.is_none() && given.is_none() {
                continue;
            }
            let adult_ref = p.reference.clone();
            let reference = adult_ref.as_ref().map(|r| format!("{r}-INF"));
            self.booking.travellers.push(Passenger {
                reference: reference.clone(),
                surname,
                given_names: given,
                passenger_type: Some(PassengerType::Infant),
                infant_of: adult_ref,
                birth_date: birth,
                ..Passenger::default()
            });
            self.booking.travellers[i].infant = reference;
        }
    }
}

/// `SURNAME/GIVEN DDMMMYY` from SSR INFT text.
fn parse_inft(
    text: &str,
    reference: Option<NaiveDate>,
) -> (Option<String>, Option<String>, Option<NaiveDate>) {
    let t = text.trim().trim_start_matches('/');
    let (surname, rest) = match t.split_once('/') {
        Some((s, r)) => (Some(s.trim().to_string()).filter(|s| !s.is_empty()), r),
        None => (None, t),
    };
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    let birth = words
        .last()
        .and_then(|w| split_ddmmmyy(w))
        .and_then(|(yy, mm, dd)| resolve_two_digit_year(yy, mm, dd, DateRole::Birth, reference?));
    if birth.is_some() {
        words.pop();
    }
    let given = Some(words.join(" ")).filter(|g| !g.is_empty());
    (surname, given, birth)
}

/// Reads a TVL: `TVL+DDMMYY:HHMM:DDMMYY:HHMM+dep+arr+carrier:operating+flight:class`.
pub(crate) fn flight_segment(
    seg: &Segment<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> FlightSegment {
    let f = seg.fields();
    let dates = f.element(1);
    let date = |c: usize| dates.and_then(|e| e.trimmed(c));
    let departure = date(1).map(|d| ddmmyy_hhmm(&d, date(2).as_deref()));
    let arrival = date(3).map(|d| ddmmyy_hhmm(&d, date(4).as_deref()));
    if matches!(departure, Some(None)) || matches!(arrival, Some(None)) {
        diagnostics.push(at_segment(
            seg,
            Severity::Warning,
            "pnrgov.bad_date",
            "a TVL date is not written DDMMYY (with an optional HHMM time)",
        ));
    }
    let carrier = f.string(4, 1);
    let operating = f.string(4, 2).filter(|o| Some(o) != carrier.as_ref());
    FlightSegment {
        carrier,
        operating_carrier: operating,
        flight_number: f.string(5, 1),
        booking_class: f.string(5, 2),
        origin: f.string(2, 1),
        destination: f.string(3, 1),
        departure: departure.flatten(),
        arrival: arrival.flatten(),
        ..FlightSegment::default()
    }
}

/// `DDMMYY` and an optional `HHMM`. Two-digit years are 2000-2069 or
/// 1970-1999, as for envelope dates.
pub(crate) fn ddmmyy_hhmm(date: &str, time: Option<&str>) -> Option<NaiveDateTime> {
    let (yy, mm, dd) = crate::model::split_ddmmyy(date.trim())?;
    let year = if yy < 70 { 2000 + yy } else { 1900 + yy };
    let d = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, mm, dd)?;
    let t = match time.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => parse_hhmm(t)?,
        None => NaiveTime::MIN,
    };
    Some(d.and_time(t))
}

/// Splits a title off the end of the given names (`ISABELLE MRS`).
fn split_title(given: Option<&str>) -> (Option<String>, Option<String>) {
    const TITLES: [&str; 12] = [
        "MR", "MRS", "MS", "MISS", "MSTR", "DR", "PROF", "REV", "SIR", "MX", "CHD", "INF",
    ];
    let Some(g) = given else {
        return (None, None);
    };
    let g = g.trim();
    if let Some((names, last)) = g.rsplit_once(' ') {
        if TITLES.contains(&last) {
            let names = names.trim();
            return (
                Some(names.to_string()).filter(|n| !n.is_empty()),
                Some(last.to_string()),
            );
        }
    }
    (Some(g.to_string()).filter(|n| !n.is_empty()), None)
}

/// The numbers of the booklets after the first of a conjunctive ticket.
fn conjunctive_numbers(first: &str, booklets: u32) -> Vec<String> {
    if !first.bytes().all(|b| b.is_ascii_digit()) || first.len() < 4 || booklets > 16 {
        return Vec::new();
    }
    // The last ten digits are the serial; the airline prefix stays.
    let split = first.len().saturating_sub(10);
    let (prefix, serial) = first.split_at(split);
    let Ok(n) = serial.parse::<u64>() else {
        return Vec::new();
    };
    (1..u64::from(booklets))
        .map(|i| format!("{prefix}{:0width$}", n + i, width = serial.len()))
        .collect()
}

/// `MMYY` -> `YYYY-MM`.
fn mmyy(text: &str) -> Option<String> {
    let b = text.as_bytes();
    if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let month = &text[..2];
    if !(1..=12).contains(&month.parse::<u32>().ok()?) {
        return None;
    }
    Some(format!("20{}-{month}", &text[2..]))
}

/// Masks a card number: at most the first six and the last four digits are
/// kept, every other character becomes `*`. Returns the masked form, whether
/// the sender had masked it already, and the text to hash (the digits, or the
/// masked form when the sender masked it).
pub(crate) fn mask_card(number: &str) -> (String, bool, String) {
    let chars: Vec<char> = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let by_sender = chars.iter().any(|c| !c.is_ascii_digit());
    let n = chars.len();
    let (head, tail) = if n >= 13 {
        (6, 4)
    } else if n >= 8 {
        (0, 4)
    } else {
        (0, 0)
    };
    let masked: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if (i < head || i + tail >= n) && c.is_ascii_digit() {
                c
            } else {
                '*'
            }
        })
        .collect();
    let hashed = if by_sender {
        masked.clone()
    } else {
        chars.iter().collect()
    };
    (masked, by_sender, hashed)
}

/// The values of a segment, unescaped: components joined with `:`, elements
/// with `+`, trailing empty ones dropped.
pub(crate) fn values(seg: &Segment<'_>) -> String {
    let mut elements: Vec<String> = seg
        .elements()
        .map(|e| {
            let mut texts: Vec<String> = e.texts().into_iter().map(Cow::into_owned).collect();
            while texts.last().is_some_and(String::is_empty) {
                texts.pop();
            }
            texts.join(":")
        })
        .collect();
    while elements.last().is_some_and(String::is_empty) {
        elements.pop();
    }
    elements.join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_cards() {
        let (m, by_sender, h) = mask_card("4111 1111 1111 1111");
        assert_eq!(m, "411111******1111");
        assert!(!by_sender);
        assert_eq!(h, "4111111111111111");
        let (m, by_sender, h) = mask_card("XXXXXXXXXXXX1111");
        assert_eq!(m, "************1111");
        assert!(by_sender);
        assert_eq!(h, m);
        assert_eq!(mask_card("12345").0, "*****");
        assert_eq!(mask_card("123456789").0, "*****6789");
    }

    #[test]
    fn titles_and_conjunctive_tickets() {
        assert_eq!(
            split_title(Some("ISABELLE MRS")),
            (Some("ISABELLE".into()), Some("MRS".into()))
        );
        assert_eq!(split_title(Some("SOPHY")), (Some("SOPHY".into()), None));
        assert_eq!(
            conjunctive_numbers("0271420067693", 3),
            ["0271420067694", "0271420067695"]
        );
        assert_eq!(mmyy("1211").as_deref(), Some("2011-12"));
        assert_eq!(mmyy("1311"), None);
        assert_eq!(
            ddmmyy_hhmm("270513", Some("1430"))
                .map(|d| d.to_string())
                .as_deref(),
            Some("2013-05-27 14:30:00")
        );
        assert_eq!(ddmmyy_hhmm("320513", None), None);
    }

    #[test]
    fn infant_ssr_text() {
        let r = NaiveDate::from_ymd_opt(2013, 5, 27);
        let (s, g, b) = parse_inft("BELT/SOPHY 20SEP12", r);
        assert_eq!(s.as_deref(), Some("BELT"));
        assert_eq!(g.as_deref(), Some("SOPHY"));
        assert_eq!(b, NaiveDate::from_ymd_opt(2012, 9, 20));
    }
}
