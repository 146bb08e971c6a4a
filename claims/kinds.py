"""The kinds of quantity a claim measures and what holds for each (``data/kinds.csv``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from vocab.files import csv_rows, error

COLUMNS = ("kind", "additive", "non_negative", "aligned", "zh", "en")
_FLAGS = {"yes": True, "no": False}


@dataclass(frozen=True)
class Kind:
    """One kind of quantity: whether it adds up, can be negative, is aligned, and its names."""

    name: str
    additive: bool
    non_negative: bool
    aligned: bool
    zh: str
    en: str


@cache
def kinds() -> dict[str, Kind]:
    """Every kind by name, in the file's order."""
    found = {}
    for row in csv_rows("claims", "kinds.csv", COLUMNS):
        flags = {}
        for column in ("additive", "non_negative", "aligned"):
            if row[column] not in _FLAGS:
                raise error("claims", "kinds.csv", None,
                            f"{row['kind']}: {column} must be yes or no, not {row[column]!r}")
            flags[column] = _FLAGS[row[column]]
        found[row["kind"]] = Kind(row["kind"], zh=row["zh"], en=row["en"], **flags)
    return found


KINDS = tuple(kinds())
ADDITIVE = frozenset(name for name, kind in kinds().items() if kind.additive)
NON_NEGATIVE = tuple(name for name, kind in kinds().items() if kind.non_negative)
ALIGNED = frozenset(name for name, kind in kinds().items() if kind.aligned)
