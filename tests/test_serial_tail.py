"""The serial tail of a large check (issue 18): each fast path gives exactly what its plain
definition gives. Claim records made with a cache of numbers are ``claim_record``'s records,
odd figures included."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

import pipeline
from claims.frame import claim_record, claim_records
from claims.numbers import plain

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def claims() -> list:
    return pipeline.extract(pipeline.read([EXAMPLES])).claims


def test_claim_records_with_cached_numbers_are_claim_record(claims):
    odd = [replace(claims[0], value=value, low=value, high=Decimal("1.50"))
           for value in (Decimal("NaN"), Decimal("sNaN"), Decimal("-0"), Decimal("1E+30"), Decimal("1.5"))]
    made, calls = claim_records(lambda value: ("n", plain(value))), []
    counted = claim_records(lambda value: calls.append(value) or plain(value))
    for claim in [*claims, *odd, *claims]:
        assert made(claim) == claim_record(claim, lambda value: ("n", plain(value)))
    for claim in [*claims, *claims]:
        assert counted(claim) == claim_record(claim)
    assert any(claim.period is not None for claim in claims) and any(claim.period is None for claim in claims)
    distinct = {value for claim in claims for value in (claim.value, claim.low, claim.high, claim.precision,
                                                       claim.total) if isinstance(value, Decimal)}
    assert len(calls) == len(distinct) < len(claims)  # each figure's number made once
