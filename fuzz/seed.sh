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
echo "seeded $(find "$corpus" -type f | wc -l) files under $corpus"
