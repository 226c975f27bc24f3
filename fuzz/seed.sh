#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seeds from the project's own synthetic
# examples and test vectors. The corpora are not committed (see .gitignore).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus"
mkdir -p "$corpus"/{edifact_read,paxlst,pnrgov,mrz,condition,pack,edifact_structured}

for f in "$root"/examples/data/*.edi "$root"/spec/vectors/data/*.edi; do
    cp "$f" "$corpus/edifact_read/"
done
for f in "$root"/examples/data/paxlst_*.edi "$root"/examples/data/scenario_*.edi "$root"/spec/vectors/data/paxlst_*.edi; do
    cp "$f" "$corpus/paxlst/"
done
for f in "$root"/examples/data/pnrgov_*.edi "$root"/spec/vectors/data/pnrgov_*.edi; do
    cp "$f" "$corpus/pnrgov/"
done
for f in "$root"/spec/vectors/data/*.mrz; do
    cp "$f" "$corpus/mrz/"
done
for f in "$root"/core/packs/*.toml; do
    cp "$f" "$corpus/pack/"
done
# Generated feeds: small flights (about ten travellers) from `paxscreen synth`,
# many patterns planted and most files messy (Type-B wrapper, wrapped lines,
# custom UNA, parts, wrong counts, Latin-1), kept small so that libFuzzer's
# input length stays near its default.
synth="$(mktemp -d)"
trap 'rm -rf "$synth"' EXIT
(cd "$root" && cargo build --release -q -p paxscreen-cli)
for seed in 1 2 3 4 5 6 7 8; do
    "$root/target/release/paxscreen" synth --out "$synth/$seed" --travellers 8 \
        --seed "$seed" --messy 0.6 --plant facilitator-card=0.2 \
        --plant document-reused=0.2 --plant name-mismatch=0.2 \
        --plant broken-journey=0.2 --plant minor-unrelated-adult=0.2 >/dev/null 2>&1
    for f in "$synth/$seed"/*/*.edi; do
        name="synth${seed}_$(basename "$f")"
        cp "$f" "$corpus/edifact_read/$name"
        case "$f" in
            *_pnrgov.edi) cp "$f" "$corpus/pnrgov/$name" ;;
            *) cp "$f" "$corpus/paxlst/$name" ;;
        esac
    done
done
# Each rule's `when` of the shipped packs is one condition seed.
python3 - "$root" "$corpus/condition" <<'PY'
import pathlib, sys, tomllib
root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for pack in sorted((root / "core" / "packs").glob("*.toml")):
    for rule in tomllib.loads(pack.read_text()).get("rule", []):
        if isinstance(rule.get("when"), str):
            n += 1
            (out / f"when_{n}").write_text(rule["when"])
PY
# The same conditions, each as the `when` of a one-rule pack, so that `pack`
# starts inside the condition language (wrap_conditions.py says why; run it
# again after a `condition` run to carry that run's corpus over).
python3 "$here/wrap_conditions.py" "$corpus/condition" "$corpus/pack" >/dev/null
echo "seeded $(find "$corpus" -type f | wc -l) files under $corpus"
