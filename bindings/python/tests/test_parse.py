"""Parsing through Python: values, errors, and agreement with the Rust CLI."""

from __future__ import annotations

import datetime
import json
import threading

import pytest

import paxscreen

MRZ_TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


def test_passenger_list_values(examples):
    result = paxscreen.parse_paxlst(examples / "paxlst_passengers.edi")
    manifest = result.manifests[0]
    assert manifest.list_type == "passengers"
    leg = manifest.legs[0]
    assert (leg.departure.airport, leg.arrival.airport) == ("LHR", "JFK")
    assert leg.departure.scheduled == "2026-03-01T10:00:00"
    first = manifest.travellers[0]
    assert first.surname == "EXAMPLE"
    assert first.birth_date == "1985-04-12"
    assert first.gender == paxscreen.Gender.FEMALE
    assert first.documents[0].kind == "passport"
    assert first.documents[0].issuing_state == "GBR"


def test_bytes_and_path_inputs_agree(examples):
    path = examples / "paxlst_crew.edi"
    assert paxscreen.parse_paxlst(path.read_bytes()) == paxscreen.parse_paxlst(path)
    assert paxscreen.parse_paxlst(bytearray(path.read_bytes())).manifests[0].list_type == "crew"


def test_tolerated_layout_is_reported_with_positions(examples):
    result = paxscreen.parse_paxlst(examples / "paxlst_telex_wrapped.edi")
    codes = [d.code for d in result.diagnostics]
    assert "edifact.leading_text" in codes
    manifest = result.manifests[0]
    assert len(manifest.travellers) == 4
    unt = next(d for d in manifest.diagnostics if d.code == "edifact.unt_count")
    assert unt.position.line > 0 and unt.position.segment_tag == "UNT"
    assert unt.code in unt.display


def test_strict_turns_warnings_into_errors(examples):
    lenient = paxscreen.parse_paxlst(examples / "paxlst_telex_wrapped.edi")
    strict = paxscreen.parse_paxlst(examples / "paxlst_telex_wrapped.edi", strict=True)
    assert any(d.severity == paxscreen.Severity.WARNING for d in lenient.manifests[0].diagnostics)
    assert all(d.severity != paxscreen.Severity.WARNING for d in strict.manifests[0].diagnostics)


def test_pnrgov_bookings(examples):
    result = paxscreen.parse_pnrgov(examples / "pnrgov_many_pnrs.edi", link_key=b"k")
    assert len(result.bookings) == 5
    booking = result.bookings[0]
    assert booking.record_locator == "GRP3AB"
    assert [p.surname for p in booking.travellers] == ["NOVAK", "NOVAK", "DVORAK"]
    assert (booking.flight.origin, booking.flight.destination) == ("FRA", "LIS")


def test_link_hashes_depend_on_the_key(examples):
    path = examples / "pnrgov_one_pnr.edi"
    a = paxscreen.parse_pnrgov(path, link_key=b"one").bookings[0]
    b = paxscreen.parse_pnrgov(path, link_key=b"one").bookings[0]
    c = paxscreen.parse_pnrgov(path, link_key=b"two").bookings[0]
    links = lambda booking: [x.link for x in booking.contacts if x.link]  # noqa: E731
    assert links(a) and links(a) == links(b)
    assert links(a) != links(c)


def test_mrz_scan():
    scan = paxscreen.parse_mrz(MRZ_TD3, today=datetime.date(2010, 1, 1))
    assert scan.format == paxscreen.MrzFormat.TD3
    assert (scan.surname, scan.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert scan.birth_date == "1974-08-12"
    assert scan.expiry_date == "2012-04-15"
    assert scan.checks_ok
    assert [c.name for c in scan.checks][0] == "document_number"
    assert paxscreen.parse_mrz("\n".join(MRZ_TD3), today="2010-01-01") == scan


def test_mrz_failed_check_and_misread():
    lines = [MRZ_TD3[0], MRZ_TD3[1].replace("L898902C36", "L898902C35")]
    scan = paxscreen.parse_mrz(lines, today="2010-01-01")
    assert not scan.checks_ok
    failed = [c for c in scan.checks if c.status == paxscreen.CheckStatus.FAILED]
    assert failed[0].name == "document_number"
    assert failed[0].expected == "6" and failed[0].found == "5"


def test_unreadable_input_error_shows_position_and_reason(examples):
    push = (examples / "pnrgov_one_pnr.edi").read_bytes()
    with pytest.raises(paxscreen.ParseError.NoMessage) as info:
        paxscreen.parse_paxlst(push)
    text = str(info.value)
    assert text.startswith("line ")
    assert "no PAXLST message" in text
    assert "=" not in text  # a sentence, not a field dump


def test_empty_input_is_its_own_kind():
    with pytest.raises(paxscreen.ParseError.Empty) as info:
        paxscreen.parse_pnrgov(b"  \n")
    assert "empty" in str(info.value)


def test_mrz_error_shows_line_and_column():
    with pytest.raises(paxscreen.MrzError) as info:
        paxscreen.parse_mrz(["P<UTO", "L898902C3"])
    assert str(info.value).startswith("line 1, column")


def test_bad_date_argument_is_an_error():
    with pytest.raises(paxscreen.MrzError.InvalidArgument) as info:
        paxscreen.parse_mrz(MRZ_TD3, today="1 March")
    assert "YYYY-MM-DD" in str(info.value)


def test_garbage_never_crashes():
    for data in [b"\x00\xff" * 50, b"UNA:+.? '" * 3, b"UNB+" + b"+" * 1000, bytes(range(256))]:
        try:
            paxscreen.parse_paxlst(data)
        except paxscreen.ParseError as e:
            assert str(e)


def test_concurrent_calls_agree(examples):
    data = (examples / "paxlst_passengers.edi").read_bytes()
    expected = paxscreen.parse_paxlst(data)
    results = []

    def work():
        for _ in range(20):
            results.append(paxscreen.parse_paxlst(data) == expected)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(results)


@pytest.mark.parametrize(
    "name",
    ["paxlst_passengers.edi", "paxlst_crew.edi", "paxlst_progressive_two_legs.edi", "paxlst_telex_wrapped.edi"],
)
def test_paxlst_agrees_with_rust_cli(examples, rust_cli, name):
    rows = [json.loads(line) for line in rust_cli("parse", f"examples/data/{name}").splitlines()]
    rust = [r for r in rows if r["kind"] == "paxlst"]
    ours = paxscreen.parse_paxlst(examples / name).manifests
    assert rust and len(rust) == len(ours)
    for r, m in zip(rust, ours):
        assert r["list_type"] == m.list_type
        assert [(t["surname"], t["birth_date"], t["nationality"]) for t in r["travellers"]] == [
            (t.surname, t.birth_date, t.nationality) for t in m.travellers
        ]
        assert [[d["number"] for d in t["documents"]] for t in r["travellers"]] == [
            [d.number for d in t.documents] for t in m.travellers
        ]
        assert [(d["code"], d["line"], d["column"]) for d in r["diagnostics"]] == [
            (d.code, d.position.line, d.position.column) for d in m.diagnostics
        ]


@pytest.mark.parametrize("name", ["pnrgov_one_pnr.edi", "pnrgov_many_pnrs.edi", "pnrgov_two_parts.edi"])
def test_pnrgov_agrees_with_rust_cli(examples, rust_cli, name):
    rows = [json.loads(line) for line in rust_cli("parse", f"examples/data/{name}").splitlines()]
    rust = [r for r in rows if r["kind"] == "pnrgov"]
    ours = paxscreen.parse_pnrgov(examples / name).bookings
    assert rust and len(rust) == len(ours)
    for r, b in zip(rust, ours):
        assert r["record_locator"] == b.record_locator
        assert [p["surname"] for p in r["travellers"]] == [p.surname for p in b.travellers]
        assert [p["birth_date"] for p in r["travellers"]] == [p.birth_date for p in b.travellers]
        assert [d["code"] for d in r["diagnostics"]] == [d.code for d in b.diagnostics]
