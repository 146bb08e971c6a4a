"""Qualified figures as value intervals, following the meanings in data/qualifiers.toml."""
from __future__ import annotations

from decimal import Decimal

from claims.vocab import qualifiers

Bound = Decimal | None


def meaning_interval(meaning: str, x: Decimal, step: Decimal) -> tuple[Bound, Bound]:
    """The interval one qualifier meaning gives to figure ``x`` stated to ``step``."""
    table = qualifiers()
    if meaning == "truncated":
        return x, x + step
    if meaning == "nearly":
        return x - x * Decimal(str(table.nearly)), x
    if meaning == "about":
        radius = max(step / 2, abs(x) * Decimal(str(table.about)))
        return x - radius, x + radius
    if meaning in ("more_than", "at_least"):
        return x, None
    if meaning in ("less_than", "at_most"):
        return min(Decimal(0), x), x
    raise ValueError(f"unknown qualifier meaning {meaning!r}")


def interval(x: Decimal, step: Decimal, meanings: list[str]) -> tuple[Bound, Bound]:
    """Intersection of the intervals of every qualifier meaning; ``[x, x]`` when there is none."""
    low: Bound = x
    high: Bound = x
    for index, meaning in enumerate(meanings):
        new_low, new_high = meaning_interval(meaning, x, step)
        if index == 0:
            low, high = new_low, new_high
            continue
        low = new_low if low is None else low if new_low is None else max(low, new_low)
        high = new_high if high is None else high if new_high is None else min(high, new_high)
    return low, high
