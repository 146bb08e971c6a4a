"""Which claims of one side of aligned pairs a bound flags against the other side, by sort and search.

A pair rule that compares figures (a part at or above its whole, a result above its plan, a
running total that falls) flags a claim of one side when its bound lies above the bound of a
claim of the other side in a later (or an earlier) document. Sorting the other side by its bound
and sweeping the flagged side by its own, with a Fenwick tree over the other side's input order,
counts each claim's partners and finds its first few in O((n + m) log m), so a thousand copies
that all state different figures cost a few thousand steps, not a million pairs.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from operator import itemgetter

from claims.claim import Claim

Bound = Callable[[Claim], Decimal | None]


class _Fenwick:
    """Counts of marked positions 0…n-1: mark one, count those below a position, find the k-th."""

    __slots__ = ("_tree", "_top")

    def __init__(self, size: int) -> None:
        self._tree = [0] * (size + 1)
        self._top = 1 << size.bit_length()

    def mark(self, position: int) -> None:
        position += 1
        while position < len(self._tree):
            self._tree[position] += 1
            position += position & -position

    def below(self, position: int) -> int:
        """How many marked positions are below ``position``."""
        count = 0
        while position > 0:
            count += self._tree[position]
            position -= position & -position
        return count

    def kth(self, k: int) -> int:
        """The position of the k-th marked position (1-based ``k``, at most the count marked)."""
        position, step = 0, self._top
        while step:
            upper = position + step
            if upper < len(self._tree) and self._tree[upper] < k:
                position = upper
                k -= self._tree[upper]
            step >>= 1
        return position


def partners(side: Sequence[Claim], side_ranks: Sequence[int], others: Sequence[Claim], other_ranks: Sequence[int],
             mine: Bound, theirs: Bound, strict: bool, later: bool,
             listed: int) -> Iterator[tuple[Claim, int, list[Claim]]]:
    """Each claim of ``side`` with a partner among ``others``: a claim of a later document (of an
    earlier one unless ``later``) whose ``theirs`` bound lies at or below the claim's ``mine``
    (strictly below when ``strict``; a bound None has no partner). Yields the claim, how many
    partners it has and the first ``listed`` of them, in input order. Both sides are in input
    order with their documents' ranks, at most one claim per document."""
    bounds = [(bound, number) for number, claim in enumerate(others) if (bound := theirs(claim)) is not None]
    if not bounds:
        return
    bounds.sort(key=itemgetter(0))
    keys = [bound for bound, _ in bounds]
    search = bisect_left if strict else bisect_right
    marked, tree = 0, _Fenwick(len(others))
    found = []
    for bound, number in sorted(((bound, number) for number, claim in enumerate(side)
                                 if (bound := mine(claim)) is not None), key=itemgetter(0)):
        for _, position in bounds[marked:search(keys, bound)]:
            tree.mark(position)
        marked = max(marked, search(keys, bound))
        rank = side_ranks[number]
        if later:
            start = bisect_right(other_ranks, rank)
            skipped, count = tree.below(start), marked - tree.below(start)
        else:
            skipped, count = 0, tree.below(bisect_left(other_ranks, rank))
        if count:
            found.append((number, count, [others[tree.kth(skipped + k)] for k in range(1, min(count, listed) + 1)]))
    for number, count, first in sorted(found, key=itemgetter(0)):
        yield side[number], count, first


def pairs(side: Sequence[Claim], side_ranks: Sequence[int], others: Sequence[Claim], other_ranks: Sequence[int],
          mine: Bound, theirs: Bound, strict: bool, later: bool) -> Iterator[tuple[Claim, Claim]]:
    """Every (claim of ``side``, partner) that ``partners`` counts, the partners by their bound."""
    bounds = sorted(((bound, number) for number, claim in enumerate(others) if (bound := theirs(claim)) is not None),
                    key=itemgetter(0))
    keys = [bound for bound, _ in bounds]
    search = bisect_left if strict else bisect_right
    for number, claim in enumerate(side):
        bound = mine(claim)
        if bound is None:
            continue
        rank = side_ranks[number]
        for _, position in bounds[:search(keys, bound)]:
            if (other_ranks[position] > rank) if later else (other_ranks[position] < rank):
                yield claim, others[position]

