"""What the period rules share: figures that add up over time, and how a period reads."""
from __future__ import annotations

from functools import cache

from claims.claim import Claim
from claims.kinds import ADDITIVE
from claims.periods import Period
from vocab.files import data_lines

SUMMED = ("level", "new", "cumulative")  # aggregates that add up over time; not averages, peaks, changes


@cache
def flow_measures() -> frozenset[str]:
    """Measure words of counts that are flows over a period (``data/flow_measures.txt``)."""
    return frozenset(data_lines("checks.cross_source", "flow_measures.txt"))


def summed(claim: Claim) -> bool:
    """Whether the figure is an amount that adds up over time (a count, money, a weight …)."""
    return claim.kind in ADDITIVE and claim.aggregate in SUMMED


def flow(claim: Claim) -> bool:
    """Whether the figure is a flow within its period: new or cumulative, money and weights, visits."""
    return summed(claim) and (claim.aggregate != "level" or claim.kind != "count"
                              or (claim.measure or "") in flow_measures())


def running(period: Period | None) -> bool:
    """Whether the period is a running total of one year: from January (1—9月, 上半年, 一季度)."""
    return (period is not None and period.kind == "span" and bool(period.start) and bool(period.end)
            and period.start[-2:] == "01" and len(period.start) == 7 and period.start[:4] == period.end[:4])
