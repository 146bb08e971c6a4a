"""Frozen records that cross between processes cheaply: pickled as one tuple of their field values.

    @compact
    @dataclass(frozen=True, slots=True)
    class Segment: ...

With ``__slots__`` a record holds each field in one pointer instead of a dict of them (a claim and
its segments: about 1,450 bytes → 1,100 once unpickled in the main process), but dataclasses
pickles a slotted frozen record field by field in Python, twice the time of the dict. ``compact``
pickles it as ``(class, values)``: the values read at once (``operator.attrgetter``) and set
without a Python call per field, as fast to load as the dict was and half its size.

A list of many records of one class (a document's claims, sent back by a pool worker) is cheaper
still as ``Packed``: its columns, each distinct nested record (a sentence's ``Segment``) once, set
column by column on records made all at once, with no Python call per record. ``columns`` and
``rows`` do the same for records holding tuples of records (findings and their places,
``checks.packed``).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import fields
from functools import cache
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple, TypeVar

R = TypeVar("R", bound=type)
_FIELDS: dict[type, tuple[str, ...]] = {}  # each compact class → its field names, in order
_SETTERS: dict[type, tuple] = {}  # each compact class → its fields' slot setters, in order
_set = object.__setattr__  # past a frozen record's own __setattr__, as its __init__ sets fields


def compact(cls: R) -> R:
    """``cls`` (a frozen dataclass with slots and two fields or more) pickled as its field values."""
    names = tuple(field.name for field in fields(cls))
    if len(names) < 2:
        raise TypeError(f"{cls.__name__}: compact records have two fields or more")
    _FIELDS[cls] = names
    values = attrgetter(*names)

    def __reduce__(self: object) -> tuple:
        return rebuilt, (cls, values(self))

    cls.__reduce__ = __reduce__
    _SETTERS[cls] = tuple(getattr(cls, name).__set__ for name in names)
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


def rebuilt(cls: type, values: Sequence[object]) -> object:
    """The record of compact class ``cls`` with these field values, in field order (all of them),
    set without its ``__init__``."""
    record = object.__new__(cls)
    deque(map(_set, repeat(record), _FIELDS[cls], values), maxlen=0)
    return record


class Packed(list):
    """A list of records of compact class ``cls`` that pickles as its columns and unpickles as a
    plain list of equal records. A column of nested compact records (or None) is sent as each
    distinct object once and the index of each record's; the records rebuilt share those as the
    records sent did."""

    __slots__ = ("cls",)

    def __init__(self, cls: type, records: Iterable[object] = ()) -> None:
        super().__init__(records)
        self.cls = cls

    def __reduce__(self) -> tuple:
        return _unpacked, (self.cls, len(self), _columns(self.cls, self))


class _Shared(NamedTuple):
    """A column of compact records: the distinct ones (``count`` of them, as columns) and where
    each record's stands among them (-1: None)."""

    cls: type
    count: int
    columns: list
    indexes: list[int]


def _columns(cls: type, records: list) -> list:
    """The columns of ``records`` (of compact class ``cls``), in field order."""
    columns: list = list(zip(*map(cls._values, records), strict=True))  # type: ignore[attr-defined]
    for at, inner in _nested(cls) if records else ():
        if set(map(type, columns[at])) <= {inner, type(None)}:
            columns[at] = _shared(inner, columns[at])
    return columns


@cache
def _nested(cls: type) -> tuple[tuple[int, type], ...]:
    """The fields of ``cls`` declared to hold records of one compact class (``Segment``,
    ``Period | None``), by index, with that class (asked once its records exist)."""
    named = {inner.__name__: inner for inner in _FIELDS}
    found = []
    for at, field in enumerate(fields(cls)):
        kinds = [named[name] for name in map(str.strip, str(field.type).split("|")) if name in named]
        if len(kinds) == 1:
            found.append((at, kinds[0]))
    return tuple(found)


def _shared(cls: type, column: tuple) -> _Shared:
    """A column of records of compact class ``cls`` (or None), each distinct object once: the
    records a document's figures share (their sentence) are sent once, and rebuilt once."""
    keys = list(map(id, column))
    distinct = dict(zip(keys, column, strict=True))
    distinct.pop(id(None), None)
    where = dict(zip(distinct, range(len(distinct)), strict=True))
    where[id(None)] = -1
    return _Shared(cls, len(distinct), _columns(cls, list(distinct.values())), list(map(where.__getitem__, keys)))


def _unpacked(cls: type, count: int, columns: list) -> list:
    """``count`` records of class ``cls`` with these columns of field values."""
    return _filled(cls, count, _SETTERS[cls], columns)


def columns(records: Sequence[object], names: Sequence[str]) -> tuple[tuple, ...]:
    """The values of the fields ``names`` of ``records``, a tuple per field, in record order."""
    return tuple(tuple(map(attrgetter(name), records)) for name in names)


def rows(cls: type, names: Sequence[str], values: Sequence[tuple]) -> list:
    """The records of slotted class ``cls`` whose fields ``names`` (one or more) hold ``values``
    (``columns``); a field not named is left unset, for the caller to set."""
    return _filled(cls, len(values[0]), [getattr(cls, name).__set__ for name in names], values)


def _filled(cls: type, count: int, setters: Sequence, columns: Sequence) -> list:
    """``count`` new records of slotted class ``cls``, each column set through its slot's setter
    (past a frozen record's own ``__setattr__``) by the interpreter's loops, not a Python call per
    record; a ``_Shared`` column is rebuilt once and its records shared."""
    records = list(map(object.__new__, repeat(cls, count)))
    for setter, column in zip(setters, columns, strict=count > 0):
        if type(column) is _Shared:
            table = _unpacked(column.cls, column.count, column.columns)
            table.append(None)
            column = map(table.__getitem__, column.indexes)
        deque(map(setter, records, column), maxlen=0)
    return records
