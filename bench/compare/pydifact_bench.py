"""pydifact (and optionally paxscreen's Python binding) on the files of the
comparison benchmark: MB/s, best and median of N repeats.

    python pydifact_bench.py INPUTS_DIR [--repeats N] [--json OUT] [--paxscreen]

INPUTS_DIR is the folder scripts/bench-compare writes (synth/ and one/).
Each corpus is read into memory once; one repeat processes every file of
it, timed with time.perf_counter. Workloads:

- pydifact_tokenizer: ``Tokenizer().get_tokens`` drained (tokens);
- pydifact_parser: ``Parser().parse`` drained (a list of segments with
  their elements; the counterpart of edifact-rs ``from_bytes``);
- pydifact_interchange: ``Interchange.from_str`` (segments plus the
  interchange envelope and its UNB check);
- paxscreen_python (with --paxscreen): ``paxscreen.parse_paxlst`` or
  ``parse_pnrgov`` through the uniffi binding (bytes to the passenger model,
  records converted to Python objects).

MB is 10^6 bytes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from pathlib import Path
from typing import Callable

CORPORA = [
    ("paxlst_flights", "synth", "_paxlst.edi", "paxlst"),
    ("pnrgov_flights", "synth", "_pnrgov.edi", "pnrgov"),
    ("paxlst_one", "one", "_paxlst.edi", "paxlst"),
]


def load(root: Path, sub: str, suffix: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted((root / sub).rglob(f"*{suffix}"))]


def timed(files: list, work: Callable[[object], int], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for f in files:
            work(f)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--paxscreen", action="store_true")
    args = ap.parse_args()

    warnings.simplefilter("ignore")
    import pydifact
    from pydifact.parser import Parser
    from pydifact.segmentcollection import Interchange
    from pydifact.tokenizer import Tokenizer

    def tokenizer(text: str) -> int:
        # Parser.parse strips the UNA before tokenising; do the same.
        body = text[9:].lstrip("\r\n") if text.startswith("UNA") else text
        return sum(1 for _ in Tokenizer().get_tokens(body))

    def parser(text: str) -> int:
        return len(list(Parser().parse(text)))

    def interchange(text: str) -> int:
        return len(list(Interchange.from_str(text).segments))

    workloads: list[tuple[str, Callable]] = [
        ("pydifact_tokenizer", tokenizer),
        ("pydifact_parser", parser),
        ("pydifact_interchange", interchange),
    ]
    paxscreen = None
    if args.paxscreen:
        import paxscreen  # type: ignore[import-not-found]

    version = getattr(pydifact, "__version__", "?")
    print(f"pydifact {version}, Python {sys.version.split()[0]}, {args.repeats} repeats")
    results = []
    for name, sub, suffix, kind in CORPORA:
        raw = load(args.inputs, sub, suffix)
        if not raw:
            sys.exit(f"{args.inputs / sub}: no *{suffix} (run scripts/bench-compare)")
        texts = [b.decode("latin-1") for b in raw]
        size = sum(len(b) for b in raw)
        runs = [(w, f, texts) for w, f in workloads]
        if paxscreen is not None:
            if kind == "paxlst":
                runs.append(("paxscreen_python", lambda b: len(paxscreen.parse_paxlst(b).manifests), raw))
            else:
                key = b"bench key"
                runs.append(("paxscreen_python", lambda b: len(paxscreen.parse_pnrgov(b, link_key=key).bookings), raw))
        for workload, work, data in runs:
            times = timed(data, work, args.repeats)
            best, median = min(times), statistics.median(times)
            row = {
                "corpus": name,
                "workload": workload,
                "bytes": size,
                "files": len(raw),
                "best_s": best,
                "median_s": median,
                "best_mb_s": size / best / 1e6,
                "median_mb_s": size / median / 1e6,
            }
            results.append(row)
            print(
                f"{name:15} {workload:22} best {row['best_mb_s']:8.3f} MB/s"
                f"  median {row['median_mb_s']:8.3f} MB/s  ({len(raw)} files, {size} bytes)",
                flush=True,
            )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
