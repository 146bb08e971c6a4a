"""CS02: a figure restated less precisely than another source states it."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks.comparable import aspects, compared_as
from checks.corpus import Corpus
from checks.facts import Fact
from checks.finding import LISTED, Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import interval, is_exact, shown, tolerance
from claims.claim import Claim


def _width(claim: Claim, unit: str | None) -> float:
    span = interval(claim, unit)
    return float("inf") if span.low is None or span.high is None else float(span.high - span.low)


@register
class ImpreciseRestatement(FactRule):
    """A figure restated with a qualifier or at a coarser precision than another source's exact one.

    What it does
    Among aligned claims that agree, flags one whose interval is wider than another's: a
    qualified restatement of an exact figure (279 → 270余), or a coarser rounding (53.21万 →
    53万余). One-sided bounds (至少1个, 超过5000人次) and ranges state something else and are left
    alone. The message says which source states it exactly.

    Why is this bad?
    The restatement is not wrong, but it loses information and hides whether the writer had the
    exact figure; a reprint should carry the source's figure.

    Example
    The report says `改造老旧小区279个`; the reprint says `提升老旧小区改造270余个`.

    Use instead
    Keep the source's exact figure: `改造老旧小区279个`.
    """

    code = "CS02"
    name = "imprecise-restatement"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "“{subject}”此处表述为{this},{exact_doc}的精确数字为{exact}(两者相容){compared_zh}",
        "en": "{subject} is restated as {this}; {exact_doc} states it exactly as {exact} (compatible){compared_en}",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        order, widths = corpus.order, {}

        def width_of(claim: Claim, unit: str | None) -> float:  # once per claim and unit of the fact
            key = (claim.id, unit)
            if key not in widths:
                widths[key] = _width(claim, unit)
            return widths[key]

        for statement in fact.statements:
            claim, unit = statement.claim, statement.claim.unit
            width = width_of(claim, unit)
            if claim.qualifier == "range" or width == float("inf"):
                continue  # a range, or a one-sided bound (至少1个), is no rounding of a figure
            sharper = [o for o in statement.agree if width_of(o, unit) < width and is_exact(o)]
            if not sharper:
                continue
            best = min(sharper, key=lambda o: (width_of(o, unit), order[o.doc]))
            listed = sharper[:LISTED]
            yield self.finding(
                claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in listed)),
                related=[Location(o.doc, o.start, o.end, f"stated exactly as {shown(o)} here",
                                  f"此处确切为{shown(o)}") for o in listed],
                evidence={"value": shown(claim), "interval": interval(claim, unit).show(), "unit": unit,
                          "exact": shown(best), "exact_interval": interval(best, unit).show(),
                          "exact_tolerance": float(tolerance(best)), "alignment_score": statement.score,
                          "aspects": aspects(claim), "exact_aspects": aspects(best),
                          "exact_count": len(sharper)},
                unlisted=len(sharper) - len(listed),
                subject=claim.subject, this=shown(claim), exact=shown(best),
                exact_doc=corpus.name(best.doc), **compared_as(claim))
