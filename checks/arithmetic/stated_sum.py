"""AR06: a total that the stated sum of its parts (三者总和为…) contradicts."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from types import MappingProxyType

from checks.arithmetic.reach import Reach, occurrences, starting
from checks.arithmetic.sums import difference
from checks.arithmetic.vocab import arithmetic_words
from checks.comparable import compare
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import interval, shown
from claims.claim import Claim
from claims.kinds import ADDITIVE
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
_SELECTION = re.compile(alternation(_WORDS["parts_follow"]))
_ASPECTS = frozenset({"status", "scope", "aggregate"})
_BACK = 10  # how far before its figure a sum's words are looked for
_SUM = re.compile(rf"(?:{alternation(_WORDS['parts_named'])})的?(?:{alternation(_WORDS['sum_of'])})[为是达共]?$")


@register
class StatedSumAndTotal(DocumentRule):
    """A total that the sum of its parts, stated in the same sentence, does not match.

    What it does
    Finds a sum stated for parts that are not listed (`三者总和为104.3万户`, `各月之和为…`) and the
    total before it in the same sentence, in the same unit (`一季度新增企业106.3万户`), and flags
    the total when the two differ beyond what their rounding allows. After 其中 the parts summed
    may be only some of the total's, and a sum about another place (`乙区和丙区两者之和`) is of other
    figures: neither is compared. Figures of different periods
    are not compared (a period stated in the sum's own clause).

    Why is this bad?
    The text itself says that the parts do not give the total: one of the published figures is
    wrong, or the parts and the total were counted differently, and the reader is owed which.

    Example
    `一季度新增企业106.3万户,后附1、2、3月的数字,三者总和为104.3万户`.

    Use instead
    A total and monthly figures that agree, or a note on why they differ (`因统计口径不同`).
    """

    code = "AR06"
    name = "stated-sum-and-total"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "合计{total}与所述分项之和{sum}不符,相差{gap},舍入至多解释{rounding}",
        "en": "the total {total} differs from the stated sum of its parts {sum}: a gap of {gap}, of which "
              "rounding can explain at most {rounding}",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for total, summed in _pairs(doc.text, claims):
            stated, recomputed = interval(total), interval(summed, total.unit)
            if stated.overlaps(recomputed):
                continue
            gap, rounding = difference(recomputed, stated, total)
            yield self.finding(
                doc.id, total.start, total.end, claims=(total.id, summed.id),
                related=[Location(doc.id, summed.start, summed.end, f"stated sum: {shown(summed)}",
                                         f"所述合计：{shown(summed)}")],
                evidence={"total": shown(total), "total_interval": stated.show(),
                          "stated_sum": shown(summed), "sum_interval": recomputed.show(), "gap": gap,
                          "rounding_allows": rounding},
                total=shown(total), sum=shown(summed), gap=gap, rounding=rounding)


def _pairs(text: str, claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """(total, stated sum): a sum after a [parts_named] word and the first figure of its sentence
    measured alike (a total comes before its parts and their sum). Only the figures within ``_BACK``
    characters after a [parts_named] word are tried."""
    for index in starting(claims, _reach(text)):
        summed = claims[index]
        if summed.kind not in ADDITIVE or not _SUM.search(text, max(0, summed.span[0] - _BACK), summed.span[0]):
            continue
        total = next((c for c in islice(claims, index) if c.sentence == summed.sentence and c.kind == summed.kind
                      and c.unit == summed.unit and c.measure == summed.measure), None)
        if total is None or _SELECTION.search(text, total.span[1], summed.span[0]):
            continue  # after 其中 the parts summed may be only some of the total's
        if total.place and summed.place and total.place != summed.place:
            continue  # the sum of other places' figures (乙区和丙区两者之和)
        if not compare(total, summed, _ignored(text, summed)).different:
            yield total, summed


def _reach(text: str) -> bytearray:
    """Where a figure may start for ``_SUM`` to match before it."""
    return Reach(len(text)).around(occurrences(text, _WORDS["parts_named"]), 1, _BACK).marks


def _ignored(text: str, summed: Claim) -> frozenset[str]:
    """What not to compare: the sum is of the total's own parts, so only a period stated in the
    sum's own clause (not one carried over from the months listed before it) can differ."""
    clause = text[summed.clause.start:summed.clause.end]
    own_period = summed.period is not None and summed.period.text in clause
    return _ASPECTS if own_period else _ASPECTS | {"period"}
