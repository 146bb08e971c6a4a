"""CS03: a part stated at or above its whole across administrative levels."""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache, partial
from types import MappingProxyType

from checks.alignment import Alignment
from checks.comparable import aspects, compared_as
from checks.corpus import Corpus
from checks.facts import Bounds, Fact, flagged
from checks.finding import LISTED, Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import high, interval, is_exact, low, shown
from claims.claim import Claim
from claims.kinds import ADDITIVE
from claims.units import convert
from sources.gazetteer import Place, load_gazetteer
from vocab.files import alternation, data_lines


@cache
def not_additive() -> re.Pattern[str]:
    """Any word of ``data/not_additive.txt``: a subject that does not add up over places (率, 人均)."""
    return re.compile(alternation(data_lines("checks.cross_source", "not_additive.txt")))


@register
class ScopeContainment(FactRule):
    """A smaller place's figure for a programme at or above the figure of the place containing it.

    What it does
    Aligns claims about places on different administrative levels (a district and its city, a
    city and its region: a place hierarchy from administrative-division codes) and flags a part
    whose interval lies at or above its whole's. Only quantities that add up over places are
    compared: counts, money, weights, areas, lengths; not rates, shares or averages. A part is
    reported once: the message names the first document stating the whole, and the related
    places list the first five and count the rest.

    Why is this bad?
    A district cannot have renovated more compounds than its whole city: one of the two figures,
    or the place it is attributed to, is wrong.

    Example
    The city report says `全市改造老旧小区279个`; the district briefing says
    `海勃湾区改造老旧小区296个`.

    Use instead
    Check the district's figure against the city's breakdown: `海勃湾区改造老旧小区96个`.
    """

    code = "CS03"
    name = "scope-containment"
    default_severity = Severity.WARNING
    across_levels = True
    messages = MappingProxyType({
        "zh": "{part_place}的“{subject}”为{part},不低于其上级{whole_place}的{whole}{compared_zh}",
        "en": "{subject} of {part_place} is {part}, at or above the {whole} of {whole_place} which contains it"
              "{compared_en}",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        for part, count, pairs in flagged(fact, self._part, LISTED):  # pairs alike are judged by one
            whole, pair = _other(pairs[0], part), pairs[0]
            wholes = [_other(each, part) for each in pairs]
            unit = whole.unit
            yield self.finding(
                part.doc, part.start, part.end, claims=(part.id, *(o.id for o in wholes)),
                related=[Location(o.doc, o.start, o.end, f"{o.place}: {shown(o)} here",
                                  f"{o.place}此处为{shown(o)}") for o in wholes],
                evidence={"part": shown(part), "part_place": part.place,
                          "part_interval": interval(part, unit).show(), "whole": shown(whole),
                          "whole_place": whole.place, "whole_interval": interval(whole, unit).show(),
                          "unit": unit, "alignment_score": pair.score, "reasons": list(pair.reasons),
                          "part_aspects": aspects(part), "whole_aspects": aspects(whole)},
                unlisted=count - len(wholes), **compared_as(part), subject=part.subject, part=shown(part),
                part_place=part.place, whole=shown(whole), whole_place=whole.place)

    @staticmethod
    def _part(pair: Alignment) -> Bounds | None:
        """How the part of a pair is judged against its whole (at or above it), else None: two
        exact figures compare as stated; otherwise the part's least possible value must reach the
        whole's greatest."""
        if pair.a.kind not in ADDITIVE or not_additive().search(pair.a.subject or "") \
                or not_additive().search(pair.b.subject or ""):
            return None
        ordered = _part_and_whole(pair.a, pair.b, load_gazetteer().lookup)
        if ordered is None:
            return None
        part, whole = ordered
        unit = whole.unit
        if is_exact(part) and is_exact(whole):
            return Bounds(part, partial(_exact_value, unit=unit), _value)
        return Bounds(part, partial(low, unit=unit), partial(high, unit=unit))


def _other(pair: Alignment, claim: Claim) -> Claim:
    return pair.b if pair.a is claim else pair.a


def _exact_value(claim: Claim, unit: str | None) -> Decimal:
    return convert(claim.value, claim.unit, unit) if claim.unit and unit and claim.unit != unit else claim.value


def _value(claim: Claim) -> Decimal:
    return claim.value


def _part_and_whole(a, b, lookup) -> tuple | None:
    """(part, whole) when one claim's place lies strictly inside the other's, else None."""
    first, second = _place(a.place, lookup), _place(b.place, lookup)
    if first is None or second is None or first.code == second.code:
        return None
    gazetteer = load_gazetteer()
    if gazetteer.contains(second, first):
        return a, b
    if gazetteer.contains(first, second):
        return b, a
    return None


def _place(name: str | None, lookup) -> Place | None:
    found = lookup(name) if name else ()
    return found[0] if found else None
