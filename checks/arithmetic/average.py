"""AR02: an average times its count that cannot give the stated total."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from types import MappingProxyType

from checks.arithmetic.reach import Reach, occurrences, starting
from checks.arithmetic.vocab import arithmetic_words
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import Interval, interval, shown
from claims.claim import Claim
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
# 平均每个生活圈4万人左右, 平均每个食堂日均就餐120人次: what follows 平均 names what is averaged over,
# within the 12 characters before the figure.
_BACK = 12
_PER = re.compile(rf"(?:{alternation(_WORDS['average'])})(?:(?:{alternation(_WORDS['per'])})"
                  rf"(?:{alternation(_WORDS['per_measure'])})?)?(?P<unit>[\u4e00-\u9fff]{{1,10}})$")


@register
class AverageTimesCount(DocumentRule):
    """An average that, times the count it averages over, cannot give the total stated with it.

    What it does
    Finds an average (`平均每个生活圈4万人左右`) stated in one passage with the count it averages
    over (`14个“一刻钟生活圈”`, the figure before it whose subject names the same thing) and a
    total in the same unit after it (`惠及53.21万人`), and flags the total when it lies outside
    count × average, with the average's own interval (左右: ±½ of its last digit, at least 5 %).

    Why is this bad?
    One of the three figures is wrong, or belongs to another year: readers who multiply will
    notice.

    Example
    `划分为17个生活圈,平均每个生活圈4万人左右,惠及53.21万人` (17 × 3.5万–4.5万 = 59.5万–76.5万).

    Use instead
    `划分为14个生活圈,平均每个生活圈4万人左右,惠及53.21万人` (14 × 3.5万–4.5万 = 49万–63万).
    """

    code = "AR02"
    name = "average-times-count"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "{count}×平均{average}应为{product},与合计{total}不符",
        "en": "{count} × an average of {average} gives {product}, not the total {total}",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for count, average, total in _triples(of_document(corpus, doc, claims), claims):
            product = times(interval(average), interval(count))
            stated = interval(total, average.unit)
            if product.overlaps(stated):
                continue
            yield self.finding(
                doc.id, total.start, total.end, claims=(total.id, count.id, average.id),
                related=[Location(doc.id, count.start, count.end, f"count: {shown(count)}", f"数量：{shown(count)}"),
                         Location(doc.id, average.start, average.end, f"average: {shown(average)}",
                                  f"平均：{shown(average)}")],
                evidence={"count": shown(count), "count_interval": interval(count).show(),
                          "average": shown(average), "average_interval": interval(average).show(),
                          "product_interval": product.show(), "total": shown(total),
                          "total_interval": stated.show()},
                count=shown(count), average=shown(average), total=shown(total),
                product="–".join("?" if v is None else f"{v:g}" for v in product.show()))


def _triples(found: list[tuple[int, Claim, str, Claim]], claims: list[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(count, average, total) around each 平均 figure of a document (its ``claims``, and the
    ``averages`` ``found`` in it)."""
    for index, average, phrase, total in found:
        count = next((c for c in reversed(claims[max(0, index - 4):index])
                      if c.kind == "count" and c.subject and shares_head(phrase, c.subject)), None)
        if count and count.sentence == total.sentence:
            yield count, average, total


def of_document(corpus: Corpus, doc: Document, claims: list[Claim]) -> list[tuple[int, Claim, str, Claim]]:
    """The averages of ``doc`` (its ``claims``), found once per corpus (AR02 and AR12 both read them)."""
    return corpus.memo(("averages", doc.id), lambda: list(averages(doc.text, claims)))


def averages(text: str, claims: list[Claim]) -> Iterator[tuple[int, Claim, str, Claim]]:
    """(index, average, what it averages over, total): each 平均每… figure and the total after it
    (only the figures within ``_BACK`` characters after a 平均 are tried)."""
    for index in starting(claims, _reach(text)):
        average = claims[index]
        per = _PER.search(text, max(0, average.span[0] - _BACK), average.span[0])
        if not per or average.kind != "count":
            continue
        total = next((c for c in claims[index + 1:index + 4] if c.kind == average.kind
                      and c.measure == average.measure and c.unit == average.unit), None)
        if total is not None and total.sentence == average.sentence:
            yield index, average, per.group("unit"), total


def _reach(text: str) -> bytearray:
    """Where a figure may start for ``_PER`` to match before it."""
    return Reach(len(text)).around(occurrences(text, _WORDS["average"]), 1, _BACK).marks


def shares_head(phrase: str, subject: str) -> bool:
    """Whether the start of ``phrase`` (two characters or more) names ``subject``'s thing:
    食堂日均就餐 and 社区食堂 share 食堂."""
    return any(phrase[:length] in subject for length in range(len(phrase), 1, -1))


def times(a: Interval, b: Interval) -> Interval:
    """The product of two intervals of non-negative figures."""
    low = None if a.low is None or b.low is None else a.low * b.low
    high = None if a.high is None or b.high is None else a.high * b.high
    return Interval(low, high)
