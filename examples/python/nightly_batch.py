"""Nightly batch: screen every message in a folder and write JSON Lines.

Each file (PAXLST manifest, PNRGOV push or MRZ text) of the folder is
screened together with the others as one input, so a manifest and the PNR
push of its flight are joined; one JSON object per assessment goes to
stdout, and a summary to stderr.

    pip install ./bindings/python
    python examples/python/nightly_batch.py examples/data --today 2026-03-01 > assessments.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import sys
from collections import Counter
from pathlib import Path

import paxscreen


def plain(value):
    """Records and enums as JSON-ready values."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.name.lower()
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--purpose", default="carrier")
    parser.add_argument("--today", help="YYYY-MM-DD (default: today)")
    parser.add_argument("--pack", type=Path, help="a rule pack (default: the embedded one)")
    args = parser.parse_args()

    pack = args.pack.read_text(encoding="utf-8") if args.pack else None
    screener = paxscreen.Screener(args.purpose, pack_toml=pack, today=args.today)
    files = sorted(p for p in args.folder.iterdir() if p.is_file() and p.suffix in {".edi", ".txt", ".mrz"})
    try:
        screening = screener.screen_bytes([p.read_bytes() for p in files])
    except paxscreen.ScreenError as e:
        print(f"cannot screen {args.folder}: {e}", file=sys.stderr)
        return 1
    statuses = Counter()
    for assessment in screening.assessments:
        statuses[assessment.status.name.lower()] += 1
        print(json.dumps(plain(assessment), ensure_ascii=False))
    print(f"{len(files)} files, {len(screening.assessments)} assessments: {dict(statuses)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
