"""reports.evidence: a finding's evidence as plain JSON values, the same for every renderer."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from checks.finding import Finding, Severity
from reports.evidence import evidence


def _finding(**values: object) -> Finding:
    return Finding("CS01", "cross-source-conflict", Severity.ERROR, "m", "doc", 0, 1,
                   evidence=MappingProxyType(dict(values)))


def test_decimals_become_ints_or_floats():
    found = evidence(_finding(whole=Decimal("17"), part=Decimal("2.50"), exp=Decimal("1E+2")))
    assert found == {"whole": 17, "part": 2.5, "exp": 100}
    assert [type(value) for value in found.values()] == [int, float, int]


def test_tuples_become_lists_and_sets_sorted_lists():
    found = evidence(_finding(pair=(1, (2, "三")), words=frozenset({"乙", "甲", "丙"}), numbers={10, 9, 100},
                              mixed={1, "a"}))
    assert found["pair"] == [1, [2, "三"]]
    assert found["words"] == sorted(["乙", "甲", "丙"])
    assert found["numbers"] == [9, 10, 100]
    assert found["mixed"] == ["a", 1]  # not comparable: by repr, "'a'" < "1"
    assert all(type(value) is list for value in found.values())


def test_nested_mappings_keep_their_key_order_and_get_str_keys():
    inner = MappingProxyType({"z": Decimal("0.5"), 3: [{"b": None, "a": True}]})
    found = evidence(_finding(second=inner, first="x"))
    assert found == {"second": {"z": 0.5, "3": [{"b": None, "a": True}]}, "first": "x"}
    assert list(found) == ["second", "first"]
    assert list(found["second"]) == ["z", "3"]
    assert list(found["second"]["3"][0]) == ["b", "a"]
    assert type(found["second"]) is dict


def test_scalars_stay_and_anything_else_is_its_str():
    found = evidence(_finding(s="文", i=3, f=0.25, b=False, n=None, day=date(2024, 2, 29), sev=Severity.WARNING))
    assert found == {"s": "文", "i": 3, "f": 0.25, "b": False, "n": None, "day": "2024-02-29", "sev": "warning"}
    assert json.loads(json.dumps(found)) == found


def test_no_evidence_is_an_empty_dict():
    assert evidence(Finding("CS01", "x", Severity.INFO, "m", "doc", 0, 0)) == {}
