"""Which of many intervals overlap a given one, and which lie apart from it, by sorted bounds.

An interval lies apart from ``[low, high]`` when it ends below ``low`` or starts above ``high``
(``Interval.overlaps`` negated; a missing bound is unbounded): two ranges of the intervals
sorted by their ends and by their starts. Those that overlap start at or below ``high`` and end
at or above ``low``: a prefix of the intervals sorted by their starts, searched in a tree of the
greatest end of each block, so that finding them costs about their number (times log n), not n.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Sequence
from typing import Any

from checks.values import Bound, Interval


class _Unbounded:
    """A missing bound: below every value (``sign`` -1) or above every value (+1), of any type
    (decimals, or the ISO strings of dates)."""

    __slots__ = ("sign",)

    def __init__(self, sign: int) -> None:
        self.sign = sign

    def __lt__(self, other: object) -> bool:
        return self.sign < 0 and other is not self

    def __gt__(self, other: object) -> bool:
        return self.sign > 0 and other is not self

    def __le__(self, other: object) -> bool:
        return self.sign < 0 or other is self

    def __ge__(self, other: object) -> bool:
        return self.sign > 0 or other is self


_BELOW, _ABOVE = _Unbounded(-1), _Unbounded(1)


def _low(bound: Bound) -> Any:
    return _BELOW if bound is None else bound


def _high(bound: Bound) -> Any:
    return _ABOVE if bound is None else bound


class Overlaps:
    """The items of ``intervals`` (items with their intervals), searched by the interval they
    overlap or lie apart from."""

    __slots__ = ("_items", "_starts", "_tree", "_leaves", "_by_end", "_ends")

    def __init__(self, intervals: Sequence[tuple[Hashable, Interval]]) -> None:
        by_start = sorted(intervals, key=lambda item: _low(item[1].low))
        self._items = [item for item, _ in by_start]
        self._starts = [_low(span.low) for _, span in by_start]
        leaves = 1 << max(len(by_start) - 1, 0).bit_length()
        tree = [_BELOW] * (2 * leaves)
        tree[leaves:leaves + len(by_start)] = [_high(span.high) for _, span in by_start]
        for node in range(leaves - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._tree, self._leaves = tree, leaves
        by_end = sorted(intervals, key=lambda item: _high(item[1].high))
        self._by_end = [item for item, _ in by_end]
        self._ends = [_high(span.high) for _, span in by_end]

    def __len__(self) -> int:
        return len(self._items)

    def apart_bound(self, span: Interval) -> int:
        """At least as many as lie apart from ``span``, and no more than twice as many."""
        return bisect_left(self._ends, _low(span.low)) + len(self._items) - bisect_right(self._starts, _high(span.high))

    def apart(self, span: Interval) -> list[Hashable]:
        """The items lying apart from ``span``: ending below its low bound or starting above its high."""
        below = self._by_end[:bisect_left(self._ends, _low(span.low))]
        above = self._items[bisect_right(self._starts, _high(span.high)):]
        if not below or not above:
            return below + above
        seen = set(below)  # an interval ending below ``span`` and starting above it: an inverted one
        return below + [item for item in above if item not in seen]

    def overlapping(self, span: Interval) -> list[Hashable]:
        """The items overlapping ``span``: starting at or below its high bound and ending at or above its low."""
        count, low = bisect_right(self._starts, _high(span.high)), _low(span.low)
        tree, leaves = self._tree, self._leaves
        found, stack = [], [(1, 0, leaves)]
        while stack:
            node, first, past = stack.pop()
            if first >= count or tree[node] < low:
                continue
            if node >= leaves:
                found.append(self._items[first])
                continue
            middle = (first + past) // 2
            stack.append((2 * node + 1, middle, past))
            stack.append((2 * node, first, middle))
        return found
