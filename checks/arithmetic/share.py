"""AR03: a share that its part and whole, stated with it, do not give."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from types import MappingProxyType

from checks.arithmetic.vocab import arithmetic_words
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import Interval, interval, shown
from claims.claim import Claim
from claims.sentences import IN_CLAUSE
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
_NOUNS = alternation(_WORDS["share_nouns"])
# 占比 | 占全市农村人口总数的比重 (占 in the last 9 characters) | 比重 | 比例
_SHARE = re.compile(rf"{alternation(_WORDS['share'])}|(?:{alternation(_WORDS['share_of'])}).{{0,8}}的?(?:{_NOUNS})?$"
                    rf"|{_NOUNS}")
_WHOLE = re.compile(rf"(?:{alternation(_WORDS['whole'])}){IN_CLAUSE}{{0,12}}$")
_LOOKBACK = 6


@register
class ShareOfWhole(DocumentRule):
    """A percentage share that the part and the whole stated with it do not give.

    What it does
    Finds a share (`占比37.5%`, `占…的比重`) stated after its part and its whole
    (`共培训3200人次,其中线上1200人次……线上培训占比37.5%`): the part is the figure before it whose
    subject the share names, the whole the 共/总计 figure before that in the same unit. Flags the
    share when part ÷ whole, with each figure's rounding, falls outside the share's interval.

    Why is this bad?
    A share is a calculation the reader can redo: when it disagrees with its own figures, one of
    the three is wrong.

    Example
    `全年共培训3200人次,其中线上1200人次、线下2000人次,线上培训占比35%` (1200 ÷ 3200 = 37.5 %).

    Use instead
    `全年共培训3200人次,其中线上1200人次、线下2000人次,线上培训占比37.5%`.
    """

    code = "AR03"
    name = "share-of-whole"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "{part}÷{whole}={ratio},与所述占比{share}不符",
        "en": "{part} of {whole} is {ratio}, not the stated share {share}",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for share, part, whole in _triples(doc.text, claims):
            ratio = _ratio(interval(part), interval(whole, part.unit))
            stated = interval(share)
            if ratio.overlaps(stated):
                continue
            middle = float(part.value / whole.value * 100)
            yield self.finding(
                doc.id, share.start, share.end, claims=(share.id, part.id, whole.id),
                related=[Location(doc.id, part.start, part.end, f"part: {shown(part)}", f"部分：{shown(part)}"),
                         Location(doc.id, whole.start, whole.end, f"whole: {shown(whole)}", f"总体：{shown(whole)}")],
                evidence={"share": shown(share), "share_interval": stated.show(), "part": shown(part),
                          "whole": shown(whole), "ratio_percent_interval": ratio.show()},
                part=shown(part), whole=shown(whole), ratio=f"{middle:.4g}%", share=shown(share))


def _triples(text: str, claims: list[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(share, part, whole) for each share of a document whose part and whole precede it."""
    for index, share in enumerate(claims):
        if share.kind != "percent" or not share.subject or not _SHARE.search(share.subject):
            continue
        earlier = claims[max(0, index - _LOOKBACK):index]
        part = next((c for c in reversed(earlier) if c.kind == "count" and c.subject
                     and c.subject in share.subject and isinstance(c.value, Decimal)), None)
        if part is None:
            continue
        whole = next((c for c in reversed(earlier) if c is not part and c.unit == part.unit
                      and c.measure == part.measure and isinstance(c.value, Decimal) and c.value
                      and _WHOLE.search(text, max(0, c.span[0] - 16), c.span[0])), None)
        if whole is not None and whole.sentence == share.sentence:
            yield share, part, whole


def _ratio(part: Interval, whole: Interval) -> Interval:
    """part ÷ whole as a percentage interval (non-negative figures)."""
    if None in (part.low, part.high, whole.low, whole.high) or whole.low <= 0:
        return Interval(None, None)
    return Interval(part.low / whole.high * 100, part.high / whole.low * 100)
