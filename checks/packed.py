"""Findings as columns, the way the forked checker sends them back (``checks.engine.run_rules``):

    unpacked(packed(findings)) == findings

Each finding's related places and edits go into columns of their own, with how many each finding
has; a run with many glosses or spam runs sends tens of thousands of them, which, pickled record
by record, took more time to send and receive than the rules took to find (``vocab.records``).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import accumulate

from checks.finding import Edit, Finding, Location
from vocab.records import columns, rows

_NESTED = {"related": Location, "fix": Edit}  # the fields of a finding that hold records, and their class
_FLAT = tuple(field.name for field in fields(Finding) if field.name not in _NESTED)
_NAMES = {cls: tuple(field.name for field in fields(cls)) for cls in _NESTED.values()}


@dataclass(frozen=True)
class Packed:
    """Findings by columns: their own fields but the nested records (``flat``), then, for each
    nested field, how many records each finding holds and the columns of all of them in order."""

    flat: tuple[tuple, ...]
    counts: tuple[tuple[int, ...], ...]
    nested: tuple[tuple[tuple, ...], ...]


def packed(findings: Sequence[Finding]) -> Packed:
    """``findings`` as columns."""
    counts, nested = [], []
    for name, cls in _NESTED.items():
        held = [getattr(finding, name) for finding in findings]
        counts.append(tuple(map(len, held)))
        nested.append(columns([record for records in held for record in records], _NAMES[cls]))
    return Packed(columns(findings, _FLAT), tuple(counts), tuple(nested))


def unpacked(packed: Packed) -> list[Finding]:
    """The findings ``packed`` holds, in order."""
    made = rows(Finding, _FLAT, packed.flat)
    for (name, cls), counts, values in zip(_NESTED.items(), packed.counts, packed.nested, strict=True):
        records = rows(cls, _NAMES[cls], values)
        held = [tuple(records[end - count:end]) for end, count in zip(accumulate(counts), counts, strict=True)]
        deque(map(getattr(Finding, name).__set__, made, held), maxlen=0)
    return made
