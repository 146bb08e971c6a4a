"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, fast.

The standard encoder is pure Python once it indents, and holds every fragment of a large report
at once; orjson writes the same text in C. Where the two could differ the standard encoder writes
it: a float orjson spells otherwise (``1e16`` for ``1e+16``, ``0.00001`` for ``1e-05``; the
search may also hit a string holding ``": 1e5``, which only costs speed), an integer beyond 64
bits, or a value orjson cannot encode (its error then surfaces as before).

A large report is written as it is made (``streamed``): an object whose long arrays are
``Items``, their elements encoded a chunk at a time, so that neither the records nor the text are
all held at once. Its values must have their floats passed through ``exact`` (which marks those
orjson would spell otherwise), so that no search of the text is needed; a chunk orjson cannot
encode (an integer beyond 64 bits) is written by the standard encoder, as ``dumps`` would.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

import orjson

# a number token (a value after its key, or an array element on its own line: strings hold no raw
# newline and escape their quotes) in exponent notation, or below 0.0001
_SPELLED_OTHERWISE = re.compile(r'(?:": |\n *)-?(?:\d+(?:\.\d+)?[eE]|0\.0000)')
_FIXED = (1e-4, 1e16)  # |x| where json.dumps writes a float in fixed notation, as orjson does
CHUNK = 256  # array elements encoded at a time by ``streamed``


def dumps(value: object, sort_keys: bool = False) -> str:
    """``value`` as indented JSON text, non-ASCII characters as they are."""
    option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        text = orjson.dumps(value, option=option).decode("utf-8")
    except TypeError:
        text = None
    if text is None or _SPELLED_OTHERWISE.search(text):
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    return text


class Spelled(float):
    """A float that orjson would spell otherwise than json.dumps (exponent notation, NaN): it is
    written as json.dumps writes it, and is the same float everywhere else."""


def exact(number: float) -> float:
    """``number``, a ``Spelled`` float when orjson would write it otherwise than json.dumps."""
    if number == 0 or _FIXED[0] <= abs(number) < _FIXED[1]:
        return number
    return Spelled(number)


@dataclass(frozen=True)
class Items:
    """An array of ``streamed`` text, its elements made one at a time as they are written."""

    elements: Iterable[object]


def streamed(fields: Iterable[tuple[str, object]], sort_keys: bool = False) -> Iterator[bytes]:
    """The UTF-8 text of ``dumps(dict(fields), sort_keys) + "\\n"`` in pieces, an ``Items`` value
    written as the array of its elements, ``CHUNK`` of them encoded at a time. The keys come in
    the order given (``sort_keys`` sorts the keys inside the values)."""
    yield b"{"
    separator = b"\n"
    for key, value in fields:
        yield separator + b"  " + _encoded(key, sort_keys) + b": "
        separator = b",\n"
        if isinstance(value, Items):
            yield from _array(value.elements, sort_keys)
        else:
            yield _encoded(value, sort_keys).replace(b"\n", b"\n  ")
    yield b"\n}\n" if separator != b"\n" else b"}\n"


def _array(elements: Iterable[object], sort_keys: bool) -> Iterator[bytes]:
    """An array at the first level of an object, its elements a chunk at a time."""
    iterator = iter(elements)
    opening = b"[\n    "
    while chunk := list(islice(iterator, CHUNK)):
        text = _encoded(chunk, sort_keys)  # "[\n  element,\n  element\n]" at the outermost level
        yield opening + text[4:-2].replace(b"\n", b"\n  ")
        opening = b",\n    "
    yield b"[]" if opening == b"[\n    " else b"\n  ]"


def _encoded(value: object, sort_keys: bool) -> bytes:
    """``value`` as indented UTF-8 JSON text at the outermost level, as json.dumps writes it."""
    option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        return orjson.dumps(value, default=_spelled, option=option)
    except TypeError:  # an integer beyond 64 bits, or what orjson cannot encode: the standard encoder
        return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys).encode("utf-8")


def _spelled(value: object) -> orjson.Fragment:
    if isinstance(value, Spelled):
        return orjson.Fragment(json.dumps(float(value)).encode("ascii"))
    raise TypeError(f"Type is not JSON serializable: {type(value).__name__}")
