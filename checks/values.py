"""Comparing figures: the interval a claim allows, in a unit both sides share.

An exact figure stands for what rounds to it, as statcheck reads reported statistics: 53.21万 is
[53.205万, 53.215万], 7.2亿 is [7.15亿, 7.25亿]. A plain integer (2000人次, 279个) is taken as
exact to the unit: its trailing zeros are no sign of rounding. A qualified figure (270余, 近10亿)
keeps the interval of its qualifier. ``None`` is an unbounded side.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from claims.claim import Claim
from claims.numbers import plain
from claims.units import convert

_PRECISE = frozenset(".万萬亿億千")  # a decimal point or a scale word: the last digit's place sets the tolerance
_HALF = Decimal("0.5")
Bound = Decimal | None


@dataclass(frozen=True)
class Interval:
    low: Bound
    high: Bound

    def overlaps(self, other: Interval) -> bool:
        below = self.high is not None and other.low is not None and self.high < other.low
        above = self.low is not None and other.high is not None and self.low > other.high
        return not (below or above)

    def contains(self, value: Decimal) -> bool:
        return (self.low is None or self.low <= value) and (self.high is None or value <= self.high)

    def show(self) -> list[int | float | None]:
        return [None if self.low is None else plain(self.low), None if self.high is None else plain(self.high)]


def tolerance(claim: Claim) -> Decimal:
    """Half the place value of the last stated digit; 0.5 for a plain integer."""
    if _PRECISE.isdisjoint(claim.text):
        return _HALF
    return claim.precision / 2 if isinstance(claim.precision, Decimal) else _HALF


def interval(claim: Claim, unit: str | None = None) -> Interval:
    """The values ``claim`` allows, in ``unit`` (default: its own)."""
    if claim.qualifier is None and isinstance(claim.value, Decimal):
        half = tolerance(claim)
        low, high = claim.value - half, claim.value + half
    else:
        low, high = claim.low, claim.high
    if unit and claim.unit and unit != claim.unit:
        low = None if low is None else convert(low, claim.unit, unit)
        high = None if high is None else convert(high, claim.unit, unit)
    return Interval(low, high)


def low(claim: Claim, unit: str | None = None) -> Bound:
    """The least value ``claim`` allows, in ``unit``."""
    return interval(claim, unit).low


def high(claim: Claim, unit: str | None = None) -> Bound:
    """The greatest value ``claim`` allows, in ``unit``."""
    return interval(claim, unit).high


def is_exact(claim: Claim) -> bool:
    return claim.qualifier is None and isinstance(claim.value, Decimal)


def shown(claim: Claim) -> str:
    """How an editor reads the figure: its text without line breaks."""
    return " ".join(claim.text.split())
