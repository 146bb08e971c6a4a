"""vocab.records: slotted frozen records pickled as one tuple of their field values."""
from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass, replace
from decimal import Decimal

import pytest

from checks.finding import Edit, Finding, Location, Severity
from claims.claim import Claim, Segment
from claims.periods import Period
from vocab.records import compact


def _claim() -> Claim:
    return Claim("quantity", Decimal("6620000"), Decimal("6620000"), Decimal("6630000"), "tonne", "吨", "约",
                 Decimal("1E+4"), id="d:3", doc="d", start=40, end=45, text="662万吨", subject="粮食产量",
                 place="乌海市", span=(38, 43), sentence=Segment(2, 30, 60), clause=Segment(4, 35, 50),
                 period=Period("year", "2024", "2024", "2024年"), scope=("规模以上",), status="plan")


def test_records_come_back_equal_and_frozen_with_no_dict_of_their_own():
    claim = _claim()
    finding = Finding("TI04", "leftover-gloss", Severity.WARNING, "注音", "d", 1, 7, ("d:3",),
                      (Location("d", 29, 34, "gloss", "注音"),), fix=(Edit(1, 7),), unlisted=2)
    for record in (claim, claim.sentence, claim.period, finding, finding.related[0], finding.fix[0]):
        again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert again == record and type(again) is type(record)
        assert not hasattr(again, "__dict__") and copy.copy(record) == record
        with pytest.raises(FrozenInstanceError):
            again.start = 0  # type: ignore[misc]
    assert hash(pickle.loads(pickle.dumps(claim))) == hash(claim)
    assert replace(claim, place="海南区").place == "海南区"


def test_a_pickled_record_holds_its_values_not_its_field_names():
    data = pickle.dumps(_claim())
    assert "粮食产量".encode() in data and b"6620000" in data
    assert not any(name.encode() in data for name in ("subject", "qualifier", "aggregate", "sentence"))


def test_a_record_of_one_field_is_refused():
    @dataclass(frozen=True, slots=True)
    class Single:
        value: int

    with pytest.raises(TypeError, match="two fields"):
        compact(Single)
