"""The numeral grammar, case by case from tests/fixtures/numerals.toml (one block per family).

A case names a sentence and the claim expected in it (``claim``: its exact text, so its span is
where that text stands in the sentence) with any of ``kind``, ``value``, ``low``, ``high``,
``unit``, ``measure``, ``qualifier``; ``"none"`` stands for an unbounded or missing field. A
case with ``absent`` lists texts that must not start or end a claim; ``[[numeral]]`` cases check
the grammar directly.
"""
from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from claims.numerals import parse
from tests.conftest import claims_in

TABLE = tomllib.loads((Path(__file__).parent / "fixtures" / "numerals.toml").read_text("utf-8"))
FIELDS = ("kind", "value", "low", "high", "unit", "measure", "qualifier")


def _cases(numeral: bool):
    for family, cases in TABLE.items():
        if (family == "numeral") == numeral:
            for number, case in enumerate(cases, 1):
                yield pytest.param(case, id=f"{family}-{number}-{case.get('text', case.get('numeral'))}")


def _expected(field: str, value):
    """A number of the table as an exact decimal ("1.2", 30000); dates and words stay strings."""
    if value == "none":
        return None
    if field in ("value", "low", "high") and re.fullmatch(r"-?\d+(?:\.\d+)?(?:E\d+)?", str(value)):
        return Decimal(str(value))
    return value


@pytest.mark.parametrize("case", list(_cases(numeral=False)))
def test_sentence(case):
    found = claims_in(case["text"])
    for text in case.get("absent", []):
        assert all(text not in claim.text for claim in found), [c.text for c in found]
    if "claim" not in case:
        return
    matching = [claim for claim in found if claim.text == case["claim"]]
    assert matching, (case["claim"], [c.text for c in found])
    claim = matching[0]
    assert claim.start == case["text"].index(case["claim"]) + case.get("offset", 0)
    assert claim.end == claim.start + len(case["claim"])
    for field in FIELDS:
        if field in case:
            expected = _expected(field, case[field])
            actual = getattr(claim, field)
            if isinstance(expected, Decimal):
                assert actual is not None and Decimal(actual) == expected, (field, actual)
            else:
                assert actual == expected, (field, actual)


@pytest.mark.parametrize("case", list(_cases(numeral=True)))
def test_numeral(case):
    parsed = parse(case["numeral"])
    low, high = Decimal(str(case.get("low", case.get("value")))), Decimal(str(case.get("high", case.get("value"))))
    assert (parsed.low, parsed.high) == (low, high)
    if "step" in case:
        assert parsed.step == Decimal(str(case["step"]))
