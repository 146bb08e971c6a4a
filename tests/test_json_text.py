"""reports.json_text writes what json.dumps(indent=2, ensure_ascii=False) writes."""
from __future__ import annotations

import json
import random

import pytest

from reports import json_text
from reports.json_text import Items, Spelled, dumps, exact, streamed

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


# --- streamed text (json_text.streamed) ------------------------------------------------------------

def _value(rng: random.Random, depth: int = 0) -> object:
    """A random JSON value: nested objects and arrays, odd floats, integers beyond 64 bits, text
    with escapes and Chinese."""
    pick = rng.randrange(9 if depth < 3 else 6)
    if pick == 0:
        return rng.choice([0, -1, 7, 2**63 - 1, -(2**63), 2**64, -(2**70), 10**50, True, False, None])
    if pick == 1:
        return exact(rng.choice([0.0, -0.0, 0.5, 1e-4, 9.99e-05, 1e-05, -3.2e-07, 1e15, 1e16, -2.5e22, 1e308,
                                 123456789012345.6, float("nan"), float("inf"), float("-inf")]))
    if pick == 2:
        return exact(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-12, 25))
    if pick in (3, 4, 5):
        return "".join(rng.choice(['乌海市', 'a', '"', '\\', '\n', '\x1b', '\u2028', ' ', '1e5', '0.00001'])
                       for _ in range(rng.randrange(6)))
    if pick in (6, 7):
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {f"k{rng.randrange(30)}": _value(rng, depth + 1) for _ in range(rng.randrange(4))}


@pytest.mark.parametrize("seed", range(40))
def test_streamed_text_is_what_the_standard_encoder_writes(seed, monkeypatch):
    rng = random.Random(seed)
    monkeypatch.setattr(json_text, "CHUNK", rng.choice([1, 2, 5, 256]))
    fields = [(f"field{number}", Items([_value(rng) for _ in range(rng.randrange(8))]) if rng.random() < 0.6
               else _value(rng)) for number in range(rng.randrange(5))]
    plain = {key: list(value.elements) if isinstance(value, Items) else value for key, value in fields}
    sort_keys = rng.random() < 0.3
    text = b"".join(streamed(fields, sort_keys)).decode("utf-8")
    assert text == json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"


@pytest.mark.parametrize("seed", range(20))
def test_items_nested_anywhere_in_a_value_give_the_standard_text(seed, monkeypatch):
    """An array of ``Items`` inside objects and arrays (as SARIF's results, two levels down)."""
    rng = random.Random(seed)
    monkeypatch.setattr(json_text, "CHUNK", rng.choice([1, 3, 256]))

    def nested(depth: int) -> tuple[object, object]:  # (with Items, as plain values)
        if depth == 0 or rng.random() < 0.3:
            elements = [_value(rng) for _ in range(rng.randrange(6))]
            return Items(elements, lambda element: [element]), [[element] for element in elements]
        if rng.random() < 0.5:
            pairs = [(f"k{number}", nested(depth - 1)) for number in range(rng.randrange(1, 4))]
            return {key: pair[0] for key, pair in pairs}, {key: pair[1] for key, pair in pairs}
        items = [nested(depth - 1) for _ in range(rng.randrange(1, 4))]
        return [item[0] for item in items], [item[1] for item in items]

    marked, plain = nested(3)
    sort_keys = rng.random() < 0.5
    text = b"".join(streamed([("a", 1), ("runs", marked), ("z", "end")], sort_keys)).decode("utf-8")
    assert text == json.dumps({"a": 1, "runs": plain, "z": "end"}, ensure_ascii=False, indent=2,
                              sort_keys=sort_keys) + "\n"


def test_items_are_made_a_chunk_at_a_time(monkeypatch):
    monkeypatch.setattr(json_text, "CHUNK", 3)
    made = []

    def record(number):
        made.append(number)
        return {"n": number}

    pieces = streamed([("items", Items(range(7), record))])
    taken = [next(pieces), next(pieces), next(pieces)]  # "{", the key, the first chunk
    assert made == [0, 1, 2] and taken[2].startswith(b'[\n    {\n      "n": 0\n    }')
    assert json.loads(b"".join([*taken, *pieces])) == {"items": [{"n": number} for number in range(7)]}


def test_exact_marks_only_the_floats_spelled_otherwise():
    assert type(exact(0.25)) is float and type(exact(-0.0)) is float and type(exact(123456789012345.6)) is float
    assert all(isinstance(exact(number), Spelled) for number in (1e-05, 1e16, float("nan"), -2e-300))
    assert exact(1e-05) == 1e-05 and json.dumps(exact(1e16)) == "1e+16"
