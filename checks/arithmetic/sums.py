"""Sums for the arithmetic rules: what a figure of a sum stands for, the sum of parts, and the gap
between a sum and a stated figure, shown in the stated figure's scale word."""
from __future__ import annotations

import re
from decimal import Decimal

from checks.values import Interval, interval
from claims.claim import Claim
from claims.numbers import plain

_SCALES = (("亿億", Decimal(10) ** 8), ("万萬", Decimal(10) ** 4))
_PLAIN_INTEGER = re.compile(r"\d+[^\d.万亿萬億千百]*")


def allowed(claim: Claim, unit: str | None = None) -> Interval:
    """What a figure of a breakdown stands for: a count written as a plain integer is exact (5所 is
    five schools, not 4.5 to 5.5), any other figure what rounds to it."""
    if claim.kind == "count" and claim.qualifier is None and _PLAIN_INTEGER.fullmatch(claim.text) \
            and isinstance(claim.value, Decimal) and (unit is None or unit == claim.unit):
        return Interval(claim.value, claim.value)
    return interval(claim, unit)


def added(parts: tuple[Claim, ...] | list[Claim], unit: str | None) -> Interval:
    """The sum of what the parts stand for (``allowed``), in ``unit``."""
    return summed([allowed(part, unit) for part in parts])


def summed(intervals: list[Interval]) -> Interval:
    """The sum of intervals (unbounded on a side where one of them is)."""
    low = None if any(i.low is None for i in intervals) else sum((i.low for i in intervals), Decimal(0))
    high = None if any(i.high is None for i in intervals) else sum((i.high for i in intervals), Decimal(0))
    return Interval(low, high)


def difference(summed: Interval, stated: Interval, like: Claim | None = None) -> tuple[str, str]:
    """The gap between the middles of two bounded intervals and the most their rounding can
    explain (the sum of their half-widths), in ``like``'s scale word (``scaled``); "?" when a side
    is unbounded."""
    if None in (summed.low, summed.high, stated.low, stated.high):
        return "?", "?"
    gap = abs((summed.low + summed.high) - (stated.low + stated.high)) / 2
    rounding = ((summed.high - summed.low) + (stated.high - stated.low)) / 2
    return scaled(gap, like), scaled(rounding, like)


def middle(value: Interval, like: Claim | None = None) -> str:
    """The middle of a bounded interval in ``like``'s scale word, "?" when unbounded."""
    if value.low is None or value.high is None:
        return "?"
    return scaled((value.low + value.high) / 2, like)


def scaled(value: Decimal, like: Claim | None) -> str:
    """``value`` written with the scale word of ``like``'s text (1130000000 → 11.3亿 beside 10.5亿元)."""
    for words, scale in _SCALES:
        if like is not None and any(word in like.text for word in words):
            return f"{plain(value / scale)}{words[0]}"
    return str(plain(value))
