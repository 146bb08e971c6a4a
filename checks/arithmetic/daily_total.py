"""AR11: a daily average times the days of the period that cannot give the stated total."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from types import MappingProxyType

from checks.arithmetic.sums import difference, middle
from checks.arithmetic.vocab import arithmetic_words
from checks.comparable import compare
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import Interval, interval, shown
from claims.claim import Claim
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
# 国庆假期7天,… | 7天共接待… | 8天长假期间,…: the days are the period the total covers
_DAYS_SPAN = re.compile(rf"(?:{alternation(_WORDS['days_follow'])})*(?:[,:]|(?:{alternation(_WORDS['total_opens'])}))")


@register
class DailyTimesDays(DocumentRule):
    """A daily average that, times the days of the period, cannot give the total stated with it.

    What it does
    Finds a passage stating the days of a period (`国庆假期7天,`, `7天共接待`), a daily average
    (`日均接待游客70万人次`) and a total in the same unit (`共接待游客520万人次`), in one sentence,
    and flags the total when it lies outside days × the average's interval (each figure stands for
    what rounds to it).

    Why is this bad?
    Readers multiply: a week's total that is not seven times the daily figure means one of them is
    wrong, or belongs to another period.

    Example
    `国庆假期全市日均接待游客70万人次,7天共接待游客520万人次` (7 × 70万 = 490万).

    Use instead
    `国庆假期全市日均接待游客70万人次,7天共接待游客490万人次`.
    """

    code = "AR11"
    name = "daily-times-days"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "{days}×日均{daily}应为{product},与合计{total}不符,相差{gap},舍入至多解释{rounding}",
        "en": "{days} × a daily {daily} gives {product}, not the total {total}: a gap of {gap}, of which "
              "rounding can explain at most {rounding}",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for days, daily, total in _triples(doc.text, claims):
            product = _times(interval(daily, total.unit), days.value)
            stated = interval(total)
            if product.overlaps(stated):
                continue
            gap, rounding = difference(product, stated, total)
            yield self.finding(
                doc.id, total.start, total.end, claims=(total.id, daily.id, days.id),
                related=[Location(doc.id, days.start, days.end, f"days: {shown(days)}", f"天数：{shown(days)}"),
                         Location(doc.id, daily.start, daily.end, f"daily average: {shown(daily)}",
                                  f"日均：{shown(daily)}")],
                evidence={"days": shown(days), "daily": shown(daily), "daily_interval": interval(daily).show(),
                          "product_interval": product.show(), "total": shown(total),
                          "total_interval": stated.show(), "gap": gap, "rounding_allows": rounding},
                days=shown(days), daily=shown(daily), product=middle(product, total), total=shown(total),
                gap=gap, rounding=rounding)


def _triples(text: str, claims: list[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(days, daily average, total) of one sentence (none in a document without a daily average)."""
    if not any(claim.aggregate == "daily" for claim in claims):
        return
    sentences: dict[int, list[Claim]] = {}
    for claim in claims:
        sentences.setdefault(claim.sentence.index, []).append(claim)
    for found in sentences.values():
        days = [c for c in found if c.kind == "duration" and c.unit == "day" and isinstance(c.value, Decimal)
                and c.value == c.value.to_integral_value() and c.value > 1 and c.qualifier is None
                and _DAYS_SPAN.match(text, c.span[1])]
        if len(days) != 1:
            continue
        for daily in (c for c in found if c.aggregate == "daily" and isinstance(c.value, Decimal)):
            totals = [c for c in found if c.kind == daily.kind and c.unit == daily.unit and c.measure == daily.measure
                      and c.aggregate in ("level", "cumulative") and not compare(daily, c, _DAILY).different]
            if len(totals) == 1:
                yield days[0], daily, totals[0]


_DAILY = frozenset({"aggregate"})  # the average and the total differ by aggregate only


def _times(daily: Interval, days: Decimal) -> Interval:
    return Interval(None if daily.low is None else daily.low * days, None if daily.high is None else daily.high * days)
