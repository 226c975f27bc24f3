"""Shared fixtures: where the repository's examples and vectors are, and the
Rust CLI the results are compared with."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "data"


def _cli() -> Path | None:
    explicit = os.environ.get("PAXSCREEN_CLI")
    if explicit:
        return Path(explicit)
    for profile in ("debug", "release"):
        candidate = REPO / "target" / profile / "paxscreen"
        if candidate.exists():
            return candidate
    found = shutil.which("paxscreen")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def examples() -> Path:
    """The folder of synthetic example messages."""
    return EXAMPLES


@pytest.fixture(scope="session")
def rust_cli():
    """Runs the Rust `paxscreen` binary and returns its stdout (JSON Lines).

    The test command builds it (`cargo test` does); when it is missing the
    tests that compare with it fail rather than skip, unless
    PAXSCREEN_ALLOW_NO_CLI=1 (for a wheel installed on its own).
    """
    cli = _cli()
    if cli is None or not cli.exists():
        if os.environ.get("PAXSCREEN_ALLOW_NO_CLI") == "1":
            pytest.skip("the paxscreen CLI is not built")
        pytest.fail("the paxscreen CLI is not built: run `cargo build -p paxscreen-cli` or set PAXSCREEN_CLI")

    def run(*args: str) -> str:
        return subprocess.run(
            [str(cli), *args], check=False, capture_output=True, text=True, cwd=REPO
        ).stdout

    return run
