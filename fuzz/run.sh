#!/usr/bin/env bash
# Runs one fuzz target for a given time with the flags this project uses,
# from corpus/TARGET (kept and grown between runs), writing libFuzzer's
# output to logs/TARGET.log for plateau.py:
#
#     ./run.sh TARGET SECONDS
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
target="$1"
seconds="$2"
extra=()
case "$target" in
    edifact_read | paxlst | pnrgov) extra=(-dict=dict/edifact.dict) ;;
    pack) extra=(-dict=dict/pack.dict) ;;
    # ASan records the stack of every allocation; on this target that costs
    # twice the memory and about a quarter of the rate (README, "Runs of 2026-12-07").
    condition) extra=(-dict=dict/pack.dict); export ASAN_OPTIONS=malloc_context_size=0 ;;
    edifact_structured) extra=(-max_len=4096 -len_control=0) ;;
esac
mkdir -p "corpus/$target" logs
cargo +nightly fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 -print_final_stats=1 \
    "${extra[@]}" 2> "logs/$target.log"
