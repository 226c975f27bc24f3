"""Screening through Python: the shared vectors (spec/vectors/), the
conformance dump compared with Rust's, check-in, packs and threads."""

from __future__ import annotations

import threading
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

import pytest

import paxscreen

from conftest import REPO

VECTORS = REPO / "spec" / "vectors"
CASES = tomllib.loads((VECTORS / "screening.toml").read_text(encoding="utf-8"))["case"]


def label(a: paxscreen.Assessment) -> str:
    return f"{a.traveller.surname or ''}/{a.traveller.given_names or ''}"


def dump_line(case: str, a: paxscreen.Assessment) -> str:
    """The conformance line: the same format in every language."""
    explanations = [f.explanation for f in [*a.findings, *a.referrals, *a.data_quality]]
    return "\t".join(
        [case, label(a), a.status.name.lower(), ",".join(a.rule_ids), " | ".join(explanations)]
    )


def screen_case(case: dict) -> paxscreen.Screening:
    screener = paxscreen.Screener(
        case["purpose"],
        pack_toml=paxscreen.default_pack(case["pack"]),
        today=case["reference_date"],
        link_key=b"vectors",
    )
    return screener.screen_bytes([(VECTORS / p).read_bytes() for p in case["inputs"]])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case):
    screening = screen_case(case)
    for expected in case["expected"]:
        found = [a for a in screening.assessments if label(a) == expected["traveller"]]
        assert len(found) == 1, expected["traveller"]
        a = found[0]
        assert a.status.name.lower() == expected["status"], expected["traveller"]
        assert a.rule_ids == sorted(expected["rules"]), expected["traveller"]
        if "suppressed" in expected:
            got = a.exoneration.suppressed if a.exoneration else []
            assert got == expected["suppressed"]
    if "flight_rules" in case:
        assert sorted(f.finding.rule for f in screening.flight_findings) == sorted(case["flight_rules"])
    if "booking_rules" in case:
        assert sorted(f.finding.rule for f in screening.booking_findings) == sorted(case["booking_rules"])


def test_conformance_dump_matches_rust():
    lines = []
    for case in CASES:
        lines += [dump_line(case["name"], a) for a in screen_case(case).assessments]
    text = "".join(line + "\n" for line in lines)
    out = REPO / "target" / "conformance"
    out.mkdir(parents=True, exist_ok=True)
    (out / "python.tsv").write_text(text, encoding="utf-8")
    rust = out / "rust.tsv"
    if rust.exists():  # written by `cargo test -p paxscreen-ffi`; scripts/test-all also compares
        assert text == rust.read_text(encoding="utf-8")


def documents() -> bytes:
    return (VECTORS / "data" / "paxlst_documents.edi").read_bytes()


def test_checkin_one_traveller():
    screener = paxscreen.Screener("carrier", today="2026-03-01")
    a = screener.screen_checkin(documents(), 1)
    assert a.traveller.surname == "EXPIRED"
    assert a.status == paxscreen.Status.INHIBIT
    assert a.rule_ids == ["DOC-02a"]
    finding = a.findings[0]
    assert finding.channel == "compliance"
    assert "expired" in finding.explanation
    assert finding.clears


def test_checkin_errors_are_readable():
    screener = paxscreen.Screener("carrier", today="2026-03-01")
    with pytest.raises(paxscreen.ScreenError.InvalidArgument) as info:
        screener.screen_checkin(documents(), 99)
    assert "out of range" in str(info.value)
    with pytest.raises(paxscreen.ScreenError.Unreadable) as info:
        screener.screen_checkin(b"", 0)
    assert "empty" in str(info.value)


def test_pack_errors_show_line_and_column():
    with pytest.raises(paxscreen.PackError.Invalid) as info:
        paxscreen.Screener("carrier", pack_toml="id = 1")
    assert "line 1, column 1" in str(info.value)
    with pytest.raises(paxscreen.PackError.InvalidArgument):
        paxscreen.Screener("nobody")


def test_lint_pack():
    pack = paxscreen.default_pack("carrier")
    assert paxscreen.lint_pack(pack, "carrier", today="2026-03-01") == []
    findings = paxscreen.lint_pack(pack, "protection", today="2026-03-01")
    mismatch = [f for f in findings if f.code == "lint.purpose-mismatch"]
    assert mismatch and mismatch[0].severity == paxscreen.Severity.ERROR
    assert mismatch[0].line > 0


def test_one_screener_shared_by_threads():
    screener = paxscreen.Screener("carrier", today="2026-03-01")
    data = documents()
    expected = screener.screen_bytes([data])
    results = []

    def work():
        for _ in range(10):
            results.append(screener.screen_bytes([data]) == expected)
            results.append(screener.screen_checkin(data, 1).rule_ids == ["DOC-02a"])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and all(results)
