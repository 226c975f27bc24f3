#!/usr/bin/env bash
# Source coverage of paxscreen-core (core/src only: not the harness, not the
# dependencies) reached by a corpus of a target:
#
#     ./libcov.sh TARGET            # corpus/TARGET
#     ./libcov.sh TARGET DIR...     # e.g. a snapshot taken during a run
#
# Prints one line: target, the corpus, its files, then covered/total regions
# and lines of core/src. libFuzzer's `cov:` counts edges of everything
# instrumented (the toml and serde parsers of `pack`, chrono, arbitrary);
# this counts only the library's own code. To see whether a run still
# reaches new library code late on, snapshot the corpus during the run with
# hard links (`cp -al corpus/TARGET snap/TARGET-1250`: libFuzzer writes new
# files and deletes replaced ones, never edits one, so a snapshot stays as
# it was) and compare the snapshots. Needs
# `rustup component add llvm-tools-preview --toolchain nightly`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
target="$1"
shift
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=("corpus/$target")
coverage_log="$(mktemp)"
trap 'rm -f "$coverage_log"' EXIT
# The raw profile of an earlier run would be merged into this one.
rm -rf "coverage/$target"
if ! cargo +nightly fuzz coverage "$target" "${dirs[@]}" >"$coverage_log" 2>&1; then
    tail -20 "$coverage_log" >&2
    exit 1
fi
bin="$(find target -path '*/coverage/*/release/*' -name "$target" -type f | head -1)"
llvm_cov="$(ls "$(rustc +nightly --print sysroot)"/lib/rustlib/*/bin/llvm-cov)"
"$llvm_cov" export "$bin" -instr-profile="coverage/$target/coverage.profdata" \
    -summary-only -ignore-filename-regex='(\.cargo|/rustc/|/fuzz/)' |
    python3 -c '
import json, sys
target, dirs, files = sys.argv[1:4]
t = json.load(sys.stdin)["data"][0]["totals"]
r, l = t["regions"], t["lines"]
print("\t".join([target, dirs, files + " files",
                 "regions %d/%d" % (r["covered"], r["count"]),
                 "lines %d/%d" % (l["covered"], l["count"])]))
' "$target" "${dirs[*]}" "$(find "${dirs[@]}" -type f | wc -l)"
