"""Golden files for the command line's outputs on the bundled examples (exact comparison).

Regenerate deliberately after an intended change with ``UPDATE_GOLDEN=1 python3 -m pytest
tests/test_golden_cli.py`` and review the diff before committing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_cli import run

GOLDEN = Path(__file__).parent / "golden"
RULES = "cross_source,arithmetic,dates,integrity,style"  # bounds (Great Expectations) has its own tests


@pytest.mark.parametrize("name, args", [
    ("examples.claims.json", ("claims", "examples", "--format", "json")),
    ("examples.claims.csv", ("claims", "examples", "--format", "csv")),
    ("examples.claims.txt", ("claims", "examples")),
    ("examples.check.json", ("check", "examples", "--format", "json", "--lang", "en", "--select", RULES)),
    ("examples.findings.csv", ("check", "examples", "--format", "csv", "--lang", "en", "--select", RULES)),
    ("examples.check.txt", ("check", "examples", "--lang", "en", "--select", RULES)),
    ("examples.check.html", ("check", "examples", "--format", "html", "--lang", "en", "--select", RULES)),
    ("examples.check.zh.html", ("check", "examples", "--format", "html", "--lang", "zh", "--select", RULES)),
])
def test_golden(name, args):
    output = run(*args).stdout
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8"), f"{name} changed; see the module docstring to update it"
