"""CS04 running-total-decrease."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import partial
from types import MappingProxyType

from checks.alignment import Alignment
from checks.comparable import aspects, period_label
from checks.corpus import Corpus
from checks.cross_source.periods import running, summed
from checks.facts import Bounds, Fact, flagged_pairs
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import high, interval, low, shown
from claims.claim import Claim


@register
class RunningTotalDecrease(FactRule):
    """A running total for a longer part of the year below the same total for a shorter part.

    What it does
    Aligns figures of different documents that state the same thing for periods running from
    January of one year (1—9月 and 1—10月, 一季度 and 上半年), with the same aggregate, scope and
    status, and flags the one for the longer period when its interval lies below the shorter
    period's: an amount that adds up over time (a count of new things, money, a cumulative
    total) cannot fall as months are added. Averages, peaks, rates and changes are left alone.

    Why is this bad?
    A total that shrinks from one monthly release to the next means one release has a wrong
    figure, or that the two do not count the same thing, which the text should then say.

    Example
    `1—9月,全市新开工改造老旧小区513个` in one release, `1—10月,全市新开工改造老旧小区498个`
    in the next.

    Use instead
    `1—10月,全市新开工改造老旧小区528个`.
    """

    code = "CS04"
    name = "running-total-decrease"
    default_severity = Severity.WARNING
    ignores = frozenset({"period"})
    messages = MappingProxyType({
        "zh": "“{subject}”{later_period}为{later},低于{earlier_period}的{earlier}:累计数不会随月份增加而减少",
        "en": "{subject} is {later} for {later_period}, below {earlier} for {earlier_period}: "
              "a running total cannot fall as months are added",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        return (self._finding(pair) for pair in flagged_pairs(fact, _later))  # pairs alike are judged by one

    def _finding(self, pair: Alignment) -> Finding:
        earlier, later = sorted((pair.a, pair.b), key=_end)
        unit = earlier.unit
        before, after = interval(earlier, unit), interval(later, unit)
        return self.finding(
            later.doc, later.start, later.end, claims=(later.id, earlier.id),
            related=[Location(earlier.doc, earlier.start, earlier.end,
                              f"{period_label(earlier)}: {shown(earlier)} here",
                              f"{period_label(earlier, 'zh')}此处为{shown(earlier)}")],
            evidence={"later": shown(later), "later_interval": after.show(), "later_aspects": aspects(later),
                      "earlier": shown(earlier), "earlier_interval": before.show(),
                      "earlier_aspects": aspects(earlier), "unit": unit, "alignment_score": pair.score},
            subject=later.subject, later=shown(later), later_period=period_label(later),
            earlier=shown(earlier), earlier_period=period_label(earlier))


def _end(claim: Claim) -> str:
    return claim.period.end


def _later(pair: Alignment) -> Bounds | None:
    """How the figure for the longer period of two running totals of one year is judged: below
    the shorter period's (``Bounds`` flags above, so both bounds are negated)."""
    a, b = pair.a, pair.b
    if not (summed(a) and summed(b) and running(a.period) and running(b.period)):
        return None
    if a.period.start != b.period.start or a.period.end == b.period.end:
        return None
    earlier, later = sorted((a, b), key=_end)
    return Bounds(later, partial(_negated, bound=partial(high, unit=earlier.unit)),
                  partial(_negated, bound=partial(low, unit=earlier.unit)), strict=True)


def _negated(claim: Claim, bound: Callable[[Claim], Decimal | None]) -> Decimal | None:
    value = bound(claim)
    return None if value is None else -value
