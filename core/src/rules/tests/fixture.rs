//! The test catalogue and facts (the "standard traveller" of spec/rules.md).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use crate::rules::{
    Catalogue, Element, Facts, FieldId, FieldSpec, ProtectedAttribute, ScalarType, Sensitivity,
    Type, Value, Weight,
};

fn spec(id: u16, ty: Type, sensitivity: Sensitivity, weight: Option<Weight>) -> FieldSpec {
    FieldSpec {
        id: FieldId(id),
        ty,
        doc: "test field",
        sensitivity,
        weight,
    }
}

pub struct TestCatalogue {
    fields: HashMap<&'static str, FieldSpec>,
    documents: DocumentCatalogue,
}

pub struct DocumentCatalogue {
    fields: HashMap<&'static str, FieldSpec>,
}

pub const DOCUMENTS: FieldId = FieldId(5);
pub const SSR_CODES: FieldId = FieldId(6);

impl TestCatalogue {
    pub fn new() -> Self {
        use Sensitivity::{None as Plain, Protected, Sensitive};
        let fields = HashMap::from([
            (
                "traveller.birth_date",
                spec(0, Type::Date, Protected(ProtectedAttribute::Age), None),
            ),
            (
                "traveller.sex",
                spec(1, Type::Text, Protected(ProtectedAttribute::Sex), None),
            ),
            (
                "traveller.nationality",
                spec(
                    2,
                    Type::Text,
                    Protected(ProtectedAttribute::Nationality),
                    None,
                ),
            ),
            (
                "traveller.name",
                spec(3, Type::Text, Sensitive("names"), None),
            ),
            (
                "traveller.remarks",
                spec(4, Type::Text, Sensitive("free text"), None),
            ),
            (
                "traveller.documents",
                spec(5, Type::List(Element::Record), Plain, None),
            ),
            (
                "traveller.ssr_codes",
                spec(
                    6,
                    Type::List(Element::Scalar(ScalarType::Text)),
                    Plain,
                    None,
                ),
            ),
            ("flight.departure_date", spec(7, Type::Date, Plain, None)),
            (
                "flight.departure.scheduled",
                spec(8, Type::DateTime, Plain, None),
            ),
            ("flight.destination", spec(9, Type::Text, Plain, None)),
            (
                "booking.lead_time",
                spec(10, Type::Duration, Plain, Some(Weight::Moderate)),
            ),
            (
                "booking.one_way",
                spec(11, Type::Bool, Plain, Some(Weight::Weak)),
            ),
            (
                "booking.paid_cash",
                spec(12, Type::Bool, Plain, Some(Weight::Weak)),
            ),
            (
                "traveller.checked_bags",
                spec(13, Type::Number, Plain, Some(Weight::Weak)),
            ),
            ("booking.created", spec(14, Type::DateTime, Plain, None)),
            ("traveller.api_surname", spec(15, Type::Text, Plain, None)),
            ("traveller.pnr_surname", spec(16, Type::Text, Plain, None)),
            ("booking.agent", spec(17, Type::Text, Plain, None)),
        ]);
        let documents = DocumentCatalogue {
            fields: HashMap::from([
                ("kind", spec(0, Type::Text, Plain, None)),
                ("number", spec(1, Type::Text, Plain, None)),
                ("issuer", spec(2, Type::Text, Plain, None)),
                ("expires_on", spec(3, Type::Date, Plain, None)),
                ("issued_on", spec(4, Type::Date, Plain, None)),
            ]),
        };
        TestCatalogue { fields, documents }
    }
}

impl Catalogue for TestCatalogue {
    fn field(&self, path: &str) -> Option<&FieldSpec> {
        self.fields.get(path)
    }
    fn element(&self, list: FieldId) -> Option<&dyn Catalogue> {
        (list == DOCUMENTS).then_some(&self.documents as &dyn Catalogue)
    }
    fn is_root(&self, name: &str) -> bool {
        self.fields
            .keys()
            .any(|k| k.split('.').next() == Some(name))
    }
}

impl Catalogue for DocumentCatalogue {
    fn field(&self, path: &str) -> Option<&FieldSpec> {
        self.fields.get(path)
    }
    fn element(&self, _list: FieldId) -> Option<&dyn Catalogue> {
        None
    }
    fn is_root(&self, name: &str) -> bool {
        self.fields
            .keys()
            .any(|k| k.split('.').next() == Some(name))
    }
}

/// An owned scalar for the fixtures.
#[derive(Debug, Clone)]
pub enum Fact {
    Bool(bool),
    Number(f64),
    Text(String),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Duration(i64),
}

impl Fact {
    fn value(&self) -> Value<'_> {
        match self {
            Fact::Bool(b) => Value::Bool(*b),
            Fact::Number(n) => Value::Number(*n),
            Fact::Text(s) => Value::text(s),
            Fact::Date(d) => Value::Date(*d),
            Fact::DateTime(d) => Value::DateTime(*d),
            Fact::Duration(d) => Value::Duration(*d),
        }
    }
}

pub fn date(s: &str) -> Fact {
    Fact::Date(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

pub fn datetime(s: &str) -> Fact {
    Fact::DateTime(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap())
}

pub fn text(s: &str) -> Fact {
    Fact::Text(s.to_string())
}

#[derive(Debug, Clone, Default)]
pub struct Record {
    pub values: HashMap<u16, Fact>,
    pub records: HashMap<u16, Vec<Record>>,
    pub scalars: HashMap<u16, Vec<Option<Fact>>>,
}

impl Record {
    pub fn set(&mut self, catalogue: &dyn Catalogue, path: &str, fact: Fact) -> &mut Self {
        let id = catalogue.field(path).unwrap().id.0;
        self.values.insert(id, fact);
        self
    }
    pub fn unset(&mut self, catalogue: &dyn Catalogue, path: &str) -> &mut Self {
        let id = catalogue.field(path).unwrap().id.0;
        self.values.remove(&id);
        self.records.remove(&id);
        self.scalars.remove(&id);
        self
    }
}

impl Facts for Record {
    fn value(&self, field: FieldId) -> Value<'_> {
        self.values
            .get(&field.0)
            .map_or(Value::Missing, Fact::value)
    }
    fn len(&self, field: FieldId) -> Option<usize> {
        self.records
            .get(&field.0)
            .map(Vec::len)
            .or_else(|| self.scalars.get(&field.0).map(Vec::len))
    }
    fn element(&self, field: FieldId, index: usize) -> Option<&dyn Facts> {
        self.records
            .get(&field.0)?
            .get(index)
            .map(|r| r as &dyn Facts)
    }
    fn item(&self, field: FieldId, index: usize) -> Value<'_> {
        match self.scalars.get(&field.0).and_then(|v| v.get(index)) {
            Some(Some(f)) => f.value(),
            _ => Value::Missing,
        }
    }
}

fn document(kind: &str, number: &str, expires: Option<&str>, issued: &str) -> Record {
    let mut r = Record::default();
    r.values.insert(0, text(kind));
    r.values.insert(1, text(number));
    r.values.insert(2, text("UTO"));
    if let Some(e) = expires {
        r.values.insert(3, date(e));
    }
    r.values.insert(4, date(issued));
    r
}

/// The standard traveller of spec/rules.md.
pub fn standard_traveller() -> Record {
    let c = TestCatalogue::new();
    let mut r = Record::default();
    r.set(&c, "traveller.birth_date", date("2010-05-20"))
        .set(&c, "traveller.sex", text("F"))
        .set(&c, "traveller.nationality", text("UTO"))
        .set(&c, "traveller.name", text("ERIKSSON ANNA"))
        .set(&c, "flight.departure_date", date("2026-01-31"))
        .set(
            &c,
            "flight.departure.scheduled",
            datetime("2026-01-31T10:30"),
        )
        .set(&c, "flight.destination", text("FRA"))
        .set(&c, "booking.lead_time", Fact::Duration(36 * 3600))
        .set(&c, "booking.one_way", Fact::Bool(true))
        .set(&c, "traveller.checked_bags", Fact::Number(0.0))
        .set(&c, "booking.created", datetime("2026-01-29T22:30"))
        .set(&c, "traveller.api_surname", text("ERIKSSON"))
        .set(&c, "traveller.pnr_surname", text("ERIKSON"));
    r.records.insert(
        DOCUMENTS.0,
        vec![
            document("P", "L898902C3", Some("2026-03-01"), "2016-03-02"),
            document("I", "X1", None, "2020-01-01"),
        ],
    );
    r.scalars
        .insert(SSR_CODES.0, vec![Some(text("UMNR")), Some(text("DOCS"))]);
    r
}
