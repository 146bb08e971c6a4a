"""Frozen records that cross between processes cheaply: pickled as one tuple of their field values.

    @compact
    @dataclass(frozen=True, slots=True)
    class Segment: ...

With ``__slots__`` a record holds each field in one pointer instead of a dict of them (a claim and
its segments: about 1,450 bytes → 1,100 once unpickled in the main process), but dataclasses
pickles a slotted frozen record field by field in Python, twice the time of the dict. ``compact``
pickles it as ``(class, values)``: the values read at once (``operator.attrgetter``) and set
without a Python call per field, as fast to load as the dict was and half its size.
"""
from __future__ import annotations

from collections import deque
from dataclasses import fields
from itertools import repeat
from operator import attrgetter
from typing import TypeVar

R = TypeVar("R", bound=type)
_FIELDS: dict[type, tuple[str, ...]] = {}  # each compact class → its field names, in order
_set = object.__setattr__  # past a frozen record's own __setattr__, as its __init__ sets fields


def compact(cls: R) -> R:
    """``cls`` (a frozen dataclass with slots and two fields or more) pickled as its field values."""
    names = tuple(field.name for field in fields(cls))
    if len(names) < 2:
        raise TypeError(f"{cls.__name__}: compact records have two fields or more")
    _FIELDS[cls] = names
    values = attrgetter(*names)

    def __reduce__(self: object) -> tuple:
        return _rebuilt, (cls, values(self))

    cls.__reduce__ = __reduce__
    cls._values = values  # type: ignore[attr-defined]
    return cls


def values_of(record: object) -> dict[str, object]:
    """A compact record's fields and their values."""
    cls = type(record)
    return dict(zip(_FIELDS[cls], cls._values(record), strict=True))  # type: ignore[attr-defined]


def made(cls: type, values: dict[str, object]) -> object:
    """A record of compact class ``cls`` with these field values (all of them), set without its
    ``__init__``: a copy with a few fields changed at a fraction of ``dataclasses.replace``'s cost."""
    record = object.__new__(cls)
    deque(map(_set, repeat(record), values.keys(), values.values()), maxlen=0)
    return record


def _rebuilt(cls: type, values: tuple) -> object:
    """The record of class ``cls`` with these field values."""
    record = object.__new__(cls)
    deque(map(_set, repeat(record), _FIELDS[cls], values), maxlen=0)
    return record
