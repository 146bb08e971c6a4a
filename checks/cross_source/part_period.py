"""CS05 part-period-above-whole."""
from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from types import MappingProxyType

from checks.alignment import Alignment
from checks.comparable import aspects, period_label
from checks.corpus import Corpus
from checks.cross_source.periods import flow
from checks.facts import Bounds, Fact, flagged_pairs
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import high, interval, low, shown
from claims.claim import Claim
from claims.periods import covers


@register
class PartPeriodAboveWhole(FactRule):
    """A flow over part of a period stated above the same flow over the whole period.

    What it does
    Aligns figures of different documents that state the same flow (new or cumulative counts,
    visits in 人次, money, weights: ``checks/cross_source/data/flow_measures.txt``) for periods
    of which one lies within the other (3月份 within 一季度, a quarter within its year), with the
    same aggregate, scope and status, and flags the part when its interval lies above the
    whole's. Stocks at a date (企业达1260家) are left alone: they may rise and fall.

    Why is this bad?
    What happens in March also happens in the first quarter: a month cannot hold more new jobs,
    visits or investment than its quarter, so one of the two figures is wrong.

    Example
    `3月份,全市城镇新增就业4500人` in one release, `一季度,全市城镇新增就业4200人` in another.

    Use instead
    `3月份,全市城镇新增就业1500人`.
    """

    code = "CS05"
    name = "part-period-above-whole"
    default_severity = Severity.WARNING
    ignores = frozenset({"period"})
    messages = MappingProxyType({
        "zh": "“{subject}”{part_period}为{part},高于包含它的{whole_period}的{whole}",
        "en": "{subject} is {part} for {part_period}, above {whole} for {whole_period} which contains it",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        return (self._finding(pair) for pair in flagged_pairs(fact, _part))  # pairs alike are judged by one

    def _finding(self, pair: Alignment) -> Finding:
        part, whole = _part_and_whole(pair)
        unit = whole.unit
        inner, outer = interval(part, unit), interval(whole, unit)
        return self.finding(
            part.doc, part.start, part.end, claims=(part.id, whole.id),
            related=[Location(whole.doc, whole.start, whole.end, f"{period_label(whole)}: {shown(whole)} here",
                              f"{period_label(whole, 'zh')}此处为{shown(whole)}")],
            evidence={"part": shown(part), "part_interval": inner.show(), "part_aspects": aspects(part),
                      "whole": shown(whole), "whole_interval": outer.show(), "whole_aspects": aspects(whole),
                      "unit": unit, "alignment_score": pair.score},
            subject=part.subject, part=shown(part), part_period=period_label(part), whole=shown(whole),
            whole_period=period_label(whole))


def _part_and_whole(pair: Alignment) -> tuple[Claim, Claim] | None:
    """(part, whole) when both are flows and one's period strictly contains the other's, else None."""
    a, b = pair.a, pair.b
    if not (flow(a) and flow(b) and a.period and b.period) or a.period == b.period:
        return None
    if covers(a.period, b.period) and not covers(b.period, a.period):
        return b, a
    if covers(b.period, a.period) and not covers(a.period, b.period):
        return a, b
    return None


def _part(pair: Alignment) -> Bounds | None:
    """How the part of a pair is judged against its whole: above it, in the whole's unit."""
    ordered = _part_and_whole(pair)
    if ordered is None:
        return None
    part, whole = ordered
    return Bounds(part, partial(low, unit=whole.unit), partial(high, unit=whole.unit), strict=True)
