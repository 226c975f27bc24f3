#!/usr/bin/env python3
"""Generate core/data/airports.tsv from the `airportsdata` package.

Usage (from the repository root):

    pip install airportsdata      # MIT licence; pin the version you want
    python3 scripts/gen_airports.py [OUTPUT]   # default core/data/airports.tsv

Keeps every airport that has an IATA code, and only the fields paxscreen
needs: IATA code, name, ISO 3166-1 alpha-2 country, latitude and longitude
(rounded to 4 decimals, about 11 m) and IANA time zone. Rows are sorted by
IATA code, so the Rust side can binary-search them. The first line is a
comment naming the source and its version; the output is deterministic for
a given airportsdata version.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

import airportsdata

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "core" / "data" / "airports.tsv"
IATA_RE = re.compile(r"[A-Z]{3}")
COUNTRY_RE = re.compile(r"[A-Z]{2}")


def coordinate(value: float) -> str:
    """Round to 4 decimals and drop trailing zeros ("51.47", "-0.4543")."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def clean(text: str) -> str:
    """One line, no tabs: the TSV has no quoting."""
    return " ".join(str(text).split())


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    version = importlib.metadata.version("airportsdata")
    airports = airportsdata.load("IATA")
    rows = []
    for code, airport in airports.items():
        if not IATA_RE.fullmatch(code or ""):
            continue
        country = airport["country"]
        tz = airport["tz"]
        if not COUNTRY_RE.fullmatch(country) or not tz:
            print(f"skipping {code}: country {country!r}, tz {tz!r}", file=sys.stderr)
            continue
        rows.append(
            "\t".join(
                [
                    code,
                    clean(airport["name"]),
                    country,
                    coordinate(airport["lat"]),
                    coordinate(airport["lon"]),
                    clean(tz),
                ]
            )
        )
    rows.sort()
    header = (
        f"# airportsdata {version} (MIT licence, see core/data/README.md); "
        "columns: iata name country lat lon tz"
    )
    output.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} airports to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
