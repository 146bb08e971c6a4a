"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, fast.

The standard encoder is pure Python once it indents, and holds every fragment of a large report
at once; orjson writes the same text in C. Where the two could differ the standard encoder writes
it: a float orjson spells otherwise (``1e16`` for ``1e+16``, ``0.00001`` for ``1e-05``; the
search may also hit a string holding ``": 1e5``, which only costs speed), an integer beyond 64
bits, or a value orjson cannot encode (its error then surfaces as before).

A large report is written as it is made (``streamed``): an object whose long arrays are
``Items`` (at any depth), their elements encoded a chunk at a time, so that neither the records nor
the text are all held at once, and the chunks of a long report are made on two cores
(``reports.both_ends``). Its values must have their floats passed through ``exact`` (which marks
those orjson would spell otherwise), so that no search of the text is needed; a chunk orjson
cannot encode (an integer beyond 64 bits) is written by the standard encoder, as ``dumps`` would.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

import orjson

from reports.both_ends import Part, pieces

# a number token (a value after its key, or an array element on its own line: strings hold no raw
# newline and escape their quotes) in exponent notation, or below 0.0001
_SPELLED_OTHERWISE = re.compile(r'(?:": |\n *)-?(?:\d+(?:\.\d+)?[eE]|0\.0000)')
_FIXED = (1e-4, 1e16)  # |x| where json.dumps writes a float in fixed notation, as orjson does
CHUNK = 256  # array elements encoded at a time by ``streamed``
_MARK = b"\x00"  # around the number of an ``Items`` in the text of the value holding it


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
    """An array of ``streamed`` text: ``record`` of each of ``elements`` (the elements themselves
    without one), made a chunk at a time as they are written."""

    elements: Sequence[Any]
    record: Callable[[Any], object] | None = None


def streamed(fields: Iterable[tuple[str, object]], sort_keys: bool = False) -> Iterator[bytes]:
    """The UTF-8 text of ``dumps(dict(fields), sort_keys) + "\\n"`` in pieces, an ``Items`` value
    written as the array of its elements, ``CHUNK`` of them encoded at a time, on two cores when
    there are many (``reports.both_ends``). The keys come in the order given (``sort_keys`` sorts
    the keys inside the values)."""
    return pieces(parts(fields, sort_keys))


def parts(fields: Iterable[tuple[str, object]], sort_keys: bool = False) -> list[Part]:
    """``streamed``'s pieces as calls that make them, each on its own (in any process). An
    ``Items`` may stand anywhere in a value; the rest of a value holding one must be what orjson
    encodes (no integer beyond 64 bits: only ``Items`` elements have the standard encoder's
    fallback)."""
    first = opened(fields, sort_keys)
    return [*first, *closed((), sort_keys, after=len(first) > 1)]


def opened(fields: Iterable[tuple[str, object]], sort_keys: bool = False) -> list[Part]:
    """The pieces of an object's opening and of its first members, ``fields``; ``closed`` makes
    the pieces of the others and of its end, so that the two together are ``parts``."""
    return [partial(bytes, b"{"), *_members(fields, sort_keys, b"\n")]


def closed(fields: Iterable[tuple[str, object]], sort_keys: bool = False, after: bool = True) -> list[Part]:
    """The pieces of an object's members ``fields`` after those of ``opened`` (``after``: when
    it had any), and of the object's end."""
    made = _members(fields, sort_keys, b",\n" if after else b"\n")
    return [*made, partial(bytes, b"\n}\n" if after or made else b"}\n")]


def _members(fields: Iterable[tuple[str, object]], sort_keys: bool, separator: bytes) -> list[Part]:
    """The pieces of the members ``fields``, the first led by ``separator``."""
    made: list[Part] = []
    for key, value in fields:
        opening = separator + b"  " + _encoded(key, sort_keys) + b": "
        separator = b",\n"
        arrays: list[Items] = []
        marked = _marked(value, arrays)
        if not arrays:
            made.append(partial(bytes, opening + _encoded(value, sort_keys).replace(b"\n", b"\n  ")))
            continue
        option = orjson.OPT_INDENT_2 | (orjson.OPT_SORT_KEYS if sort_keys else 0)
        text = opening + orjson.dumps(marked, default=_spelled, option=option).replace(b"\n", b"\n  ")
        between = text.split(_MARK)  # text, array number, text, array number, ..., text
        for at in range(0, len(between) - 1, 2):
            line = between[at][between[at].rfind(b"\n") + 1:]
            indent = line[:len(line) - len(line.lstrip(b" "))]  # of the line the array opens on
            made.append(partial(bytes, between[at]))
            made += _array(arrays[int(between[at + 1])], indent, sort_keys)
        made.append(partial(bytes, between[-1]))
    return made


def _marked(value: object, arrays: list[Items]) -> object:
    """``value`` with each ``Items`` in it a numbered mark (added to ``arrays``), orjson writing the
    mark as it is: bytes no JSON text holds (a string escapes its control characters)."""
    if isinstance(value, Items):
        arrays.append(value)
        return orjson.Fragment(_MARK + str(len(arrays) - 1).encode("ascii") + _MARK)
    if isinstance(value, dict):
        return {key: _marked(item, arrays) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_marked(item, arrays) for item in value]
    return value


def _array(items: Items, indent: bytes, sort_keys: bool) -> list[Part]:
    """The pieces of ``items``'s array, opening on a line indented by ``indent``."""
    chunks = [_Chunk(items, start, start + CHUNK, indent, sort_keys) for start in range(0, len(items.elements), CHUNK)]
    return [*chunks, partial(bytes, b"\n" + indent + b"]" if chunks else b"[]")]


@dataclass(frozen=True)
class _Chunk:
    """The text of the elements ``start`` to ``end`` of an array opening on a line indented by
    ``indent``."""

    items: Items
    start: int
    end: int
    indent: bytes
    sort_keys: bool

    def __call__(self) -> bytes:
        elements = self.items.elements[self.start:self.end]
        record = self.items.record
        value: object = elements if record is None else [record(element) for element in elements]
        depth = len(self.indent) // 2  # the elements encoded inside as many more arrays, at their own indent
        for _ in range(depth):
            value = [value]
        text = _encoded(value, self.sort_keys)
        # "[\n  [\n    element,\n    element\n  ]\n]" for an array opening on a line indented by two
        before, after = _around(depth)
        return (b"[\n" if self.start == 0 else b",\n") + text[len(before):len(text) - len(after)]


@cache
def _around(depth: int) -> tuple[bytes, bytes]:
    """The text before and after the elements of an array inside ``depth`` more arrays, at the
    outermost level."""
    return (b"".join(b"  " * level + b"[\n" for level in range(depth + 1)),
            b"".join(b"\n" + b"  " * level + b"]" for level in reversed(range(depth + 1))))


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
