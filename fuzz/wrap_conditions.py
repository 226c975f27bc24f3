#!/usr/bin/env python3
"""Wraps each input of a condition corpus as the `when` of a one-rule pack,
so that the `pack` target starts from what the `condition` target found:

    python3 wrap_conditions.py corpus/condition corpus/pack

`pack` reaches the condition language only through a TOML file whose rule
holds the condition, so byte mutations that keep the TOML valid and change
the condition are rare, and on its own it takes hours to reach ground the
`condition` target covers in minutes. seed.sh runs this on the condition
seeds; run it again after a `condition` run to carry that run's finds over.

A condition is written as a TOML literal string ('''…''', kept byte for
byte, as in the shipped packs) where TOML allows it, and otherwise as a
basic string with escapes; both ways are read by the pack loader. Inputs
that are not UTF-8 are skipped (neither target reads them). Output files
are named `when_<sha1 of the input>`, so running this twice adds nothing.
"""
import hashlib
import json
import pathlib
import sys

HEADER = """[pack]
id = "fuzz-wrapped"
version = "1"
purpose = "carrier"
owner = "fuzz"
review_by = 2027-03-31

[[rule]]
id = "DOC-02a"
title = "Wrapped condition"
family = "DOC"
channel = "compliance"
weight = "strong"
severity = "high"
explain = "Expires on {document.expires_on}."
clears = "A valid document."
references = { legal_basis = "none", source = "fuzz" }
"""


def toml_string(text):
    """The condition as a TOML string value."""
    literal_ok = "'''" not in text and not text.endswith("'") and all(
        c in "\t\n" or (c >= " " and c != "\x7f") for c in text
    )
    if literal_ok:
        return "'''\n" + text + "'''"
    # JSON's escapes (\" \\ \n \t \uXXXX ...) are valid in a TOML basic
    # string; JSON leaves DEL as it is, TOML does not allow it unescaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def main(src, dst):
    dst.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in sorted(src.iterdir()):
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        out = dst / f"when_{hashlib.sha1(data).hexdigest()}"
        if not out.exists():
            out.write_text(HEADER + "when = " + toml_string(text) + "\n", encoding="utf-8")
            written += 1
    print(f"wrapped {written} conditions into {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: wrap_conditions.py CONDITION_CORPUS PACK_CORPUS")
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
