"""Per-call cost of one check-in screen through Python.

Builds one Screener, then times N calls of ``screen_checkin`` on a
one-passenger PAXLST message (parse + screen + conversion of the
assessment), and prints mean, p50 and p99 in microseconds. Compare with
the Rust figure of ``cargo bench -p paxscreen-ffi --bench checkin``.

    python bindings/python/bench/bench_checkin.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import paxscreen

REPO = Path(__file__).resolve().parents[3]
MESSAGE = (
    b"UNA:+.? 'UNB+UNOA:4+ZZAIR+AGENCY+260301:0800+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'"
    b"TDT+20+ZZ101+++ZZ'LOC+125+LHR'DTM+189:2603011000:201'LOC+87+JFK'DTM+232:2603011315:201'"
    b"NAD+FL+++EXAMPLE:ANNA'ATT+2++F'DTM+329:850412'NAT+2+GBR'"
    b"DOC+P:110:111+X00000001'DTM+36:300115'LOC+91+GBR'CNT+42:1'UNT+15+1'UNZ+1+1'"
)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    screener = paxscreen.Screener("carrier", today="2026-03-01")
    for _ in range(500):  # warm up
        screener.screen_checkin(MESSAGE, 0)
    samples = []
    for _ in range(n):
        start = time.perf_counter_ns()
        screener.screen_checkin(MESSAGE, 0)
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    us = [s / 1000 for s in samples]
    p99 = us[min(len(us) - 1, int(len(us) * 0.99))]
    print(
        f"python check-in: {n} calls, mean {statistics.fmean(us):.1f} us, "
        f"p50 {us[len(us) // 2]:.1f} us, p99 {p99:.1f} us"
    )


if __name__ == "__main__":
    main()
