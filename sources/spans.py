"""Sorted, disjoint spans of a text and fast overlap tests against them."""
from __future__ import annotations

import bisect
from collections.abc import Iterable

Span = tuple[int, int]


def merge(spans: Iterable[Span]) -> list[Span]:
    """The union of ``spans`` as sorted, disjoint spans."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps one of the sorted, disjoint ``spans``."""
    index = bisect.bisect_left(spans, (end, -1)) - 1
    return index >= 0 and spans[index][1] > start
