"""reports.json_text writes what json.dumps(indent=2, ensure_ascii=False) writes."""
from __future__ import annotations

import json

import pytest

from reports.json_text import dumps

VALUES = [
    {"a": [1, 2.5, -0.0, None, True], "b": {}, "c": [], "中文": "乌海市\x1b\u2028\"\\", "t": (1, 2)},
    {"small": 1e-05, "smaller": 9.99e-08, "edge": 0.0001},
    {"big": 1e16, "bigger": 1.5e22, "fine": 123456789012345.6},
    {"huge": 10**30, "deep": [[[{"x": 0.30000000000000004}]]]},
    {"note": "1e5 written in a string"},
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("sort_keys", [False, True])
def test_same_text_as_the_standard_encoder(value, sort_keys):
    assert dumps(value, sort_keys) == json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)


def test_what_neither_encodes_still_fails():
    with pytest.raises((TypeError, ValueError)):
        dumps({"value": object()})


def test_digits_and_e_inside_strings_keep_the_fast_path(monkeypatch):
    def standard(*args, **kwargs):
        raise AssertionError("fell back to json.dumps")
    monkeypatch.setattr(json, "dumps", standard)
    text = dumps({"text": "B2e型 0.00001%", "list": ["3e", 0.5]})
    assert '"B2e型 0.00001%"' in text


def test_an_exponent_float_falls_back_to_the_standard_spelling():
    assert dumps([1e16, {"x": 1e-05}]) == '[\n  1e+16,\n  {\n    "x": 1e-05\n  }\n]'
