#!/usr/bin/env python3
"""Reads the logs of libFuzzer runs and prints one table row per target:
the runs' length, executions, rate, edge coverage at two thirds of the
executions and at the end, growth in the last third, peak RSS and what the
runs found. A target whose coverage grew by less than 1 % in the last third
of its executions is taken to have reached its plateau.

    python3 plateau.py logs/r1/*.log logs/r2/*.log

Each log is the standard error of `./run.sh TARGET SECONDS`; the target is
the log's file name without its extension. Several logs of one target, in
the order given, are runs that went on from the same corpus: they are read
as one campaign, each run's executions counted after those of the runs
before it, so "the last third" is the last third of all of them (a short
second run alone would show little growth whether or not the target had
reached its plateau).
"""
import pathlib
import re
import sys

STATUS = re.compile(r"^#(\d+)\s+\w+\s+cov: (\d+) .*?rss: (\d+)Mb")
DONE = re.compile(r"^Done (\d+) runs in (\d+) second")
STAT = re.compile(r"^stat::(\w+):\s+(\d+)")
FOUND = re.compile(r"ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|==\d+== ERROR")


def read(path):
    """One run: its status points (executions, coverage, RSS), executions,
    seconds (None if it did not finish), peak RSS, rate and findings."""
    points, stats, done, found = [], {}, None, []
    for line in pathlib.Path(path).read_text(errors="replace").splitlines():
        if m := STATUS.match(line):
            points.append((int(m[1]), int(m[2]), int(m[3])))
        elif m := DONE.match(line):
            done = (int(m[1]), int(m[2]))
        elif m := STAT.match(line):
            stats[m[1]] = int(m[2])
        elif FOUND.search(line):
            found.append(line.strip())
    if not points:
        return None
    execs = stats.get("number_of_executed_units") or (done[0] if done else points[-1][0])
    return {
        "points": points,
        "execs": execs,
        "seconds": done[1] if done else None,
        "rss": stats.get("peak_rss_mb") or max(p[2] for p in points),
        "rate": stats.get("average_exec_per_sec") or (execs // done[1] if done and done[1] else 0),
        "found": found,
    }


def row(name, runs):
    points, offset = [], 0
    for run in runs:
        points += [(offset + e, c, r) for e, c, r in run["points"]]
        offset += run["execs"]
    execs = offset
    before = max((p for p in points if p[0] <= execs * 2 // 3), default=points[0])[1]
    end = points[-1][1]
    growth = 100.0 * (end - before) / before if before else float("inf")
    plateau = "yes" if growth < 1.0 else "not yet"
    secs = " + ".join(f"{r['seconds']:,}" if r["seconds"] is not None else "stopped" for r in runs)
    rates = " / ".join(f"{r['rate']:,}" for r in runs)
    rss = max(r["rss"] for r in runs)
    found = [f for r in runs for f in r["found"]]
    verdict = "; ".join(found[:2]) if found else "0"
    return (f"| `{name}` | {secs} | {execs:,} | {rates} | {before:,} → {end:,} "
            f"| {plateau} (+{growth:.1f} %) | {rss:,} | {verdict} |")


if __name__ == "__main__":
    targets = {}
    for p in sys.argv[1:]:
        run = read(p)
        name = pathlib.Path(p).stem
        if run is None:
            print(f"{p}: no status line", file=sys.stderr)
            continue
        targets.setdefault(name, []).append(run)
    print("| target | seconds (per run) | execs | execs/s (per run) | cov at ⅔ → at end "
          "| plateau | peak RSS MB | crashes |")
    print("| --- | ---: | ---: | ---: | --- | --- | ---: | --- |")
    for name, runs in targets.items():
        print(row(name, runs))
