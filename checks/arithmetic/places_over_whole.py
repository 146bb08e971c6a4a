"""AR10: the figures of several places, together above the figure of the place containing them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from types import MappingProxyType

from checks.arithmetic.sums import difference, middle
from checks.arithmetic.vocab import arithmetic_words
from checks.comparable import compare, comparison_key
from checks.corpus import Corpus
from checks.facts import Fact
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import Interval, interval, shown
from claims.claim import Claim
from claims.kinds import ADDITIVE
from sources.gazetteer import Place, load_gazetteer
from vocab.files import alternation

_PER_HEAD = re.compile(alternation(arithmetic_words()["per_head"]))  # 人均收入 does not add up over places


@register
class PlacesOverWhole(FactRule):
    """Figures of two or more places that together exceed the figure of the place containing them.

    What it does
    Aligns the same figure across documents and administrative levels (same subject, period,
    scope and status) and, for each place, adds up the figures of the places inside it that do
    not contain one another (two counties of a city). Flags the whole when the parts' sum, with
    each figure's rounding, must exceed it. Only figures that add up over places are compared:
    counts and amounts, not rates, per-head figures or averages. One place at or above its
    whole is CS03's.

    Why is this bad?
    Two districts cannot together have earned more than their whole city: a district's figure,
    the city's, or the place one of them is credited to is wrong.

    Example
    `国庆假期包头市实现旅游收入10.5亿元`; elsewhere `昆都仑区实现旅游收入6.2亿元` and
    `青山区实现旅游收入5.1亿元` (6.2 + 5.1 = 11.3亿元).

    Use instead
    Figures of the districts that fit within their city's (`青山区实现旅游收入4.1亿元`).
    """

    code = "AR10"
    name = "places-over-whole"
    default_severity = Severity.WARNING
    across_levels = True
    messages = MappingProxyType({
        "zh": "{parts_places}的“{subject}”合计{sum},超过其上级{whole_place}的{whole}"
              ",相差{gap},舍入至多解释{rounding}",
        "en": "{subject} of {parts_places} adds up to {sum}, above the {whole} of {whole_place} which contains "
              "them: {gap} over, of which rounding can explain at most {rounding}",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        gazetteer = load_gazetteer()
        located = [(claim, place) for claim in fact.claims if _adds_up(claim)
                   for place in [_place(claim.place)] if place is not None]
        found: dict[tuple, tuple[list[Claim], Interval | None]] = {}  # per place, aspects and unit of a whole
        for whole, outer in located:
            unit, key = whole.unit, (outer.code, comparison_key(whole), whole.unit)
            if key not in found:
                inside: dict[str, Claim] = {}
                for claim, place in located:
                    if place.code != outer.code and gazetteer.contains(outer, place) \
                            and not compare(whole, claim).different:
                        inside.setdefault(place.code, claim)
                parts = _disjoint(inside, gazetteer)
                found[key] = parts, _sum([interval(p, unit) for p in parts]) if len(parts) >= 2 else None
            parts, summed = found[key]
            if summed is None:
                continue
            stated = interval(whole, unit)
            if summed.low is None or stated.high is None or summed.low <= stated.high:
                continue
            gap, rounding = difference(summed, stated, whole)
            yield self.finding(
                whole.doc, whole.start, whole.end, claims=(whole.id, *(p.id for p in parts)),
                related=[Location(p.doc, p.start, p.end, f"{p.place}: {shown(p)}",
                                          f"{p.place}：{shown(p)}") for p in parts],
                evidence={"whole": shown(whole), "whole_place": whole.place, "whole_interval": stated.show(),
                          "parts": [{"place": p.place, "value": shown(p), "doc": p.doc} for p in parts],
                          "sum_interval": summed.show(), "gap": gap, "rounding_allows": rounding},
                subject=whole.subject, parts_places="、".join(p.place or "" for p in parts),
                sum=middle(summed, whole), whole=shown(whole), whole_place=whole.place, gap=gap, rounding=rounding)


def _adds_up(claim: Claim) -> bool:
    return (claim.kind in ADDITIVE and claim.aggregate not in ("average", "daily", "change")
            and not _PER_HEAD.search(claim.subject or ""))


def _place(name: str | None) -> Place | None:
    found = load_gazetteer().lookup(name) if name else ()
    return found[0] if found else None


def _disjoint(inside: dict[str, Claim], gazetteer) -> list[Claim]:
    """The claims about places that lie in no other of the places (the counties, not also their
    towns)."""
    places = {code: gazetteer.get(code) for code in inside}
    return [claim for code, claim in inside.items()
            if not any(other != code and gazetteer.contains(places[other], places[code]) for other in places)]


def _sum(intervals: list[Interval]) -> Interval:
    low = None if any(i.low is None for i in intervals) else sum((i.low for i in intervals), Decimal(0))
    high = None if any(i.high is None for i in intervals) else sum((i.high for i in intervals), Decimal(0))
    return Interval(low, high)
