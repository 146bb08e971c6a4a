"""AR01: a total that its listed parts do not add up to."""
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
from claims.kinds import ADDITIVE
from claims.numbers import plain
from claims.sentences import IN_CLAUSE, IN_SENTENCE
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
_TOTAL_BEFORE = re.compile(rf"(?:{alternation(_WORDS['total_before'])}){IN_CLAUSE}{{0,4}}$")   # 合计19.01万元
_TOTAL_OPENS = re.compile(rf"(?:{alternation(_WORDS['total_opens'])}){IN_CLAUSE}{{0,12}}$")   # 共培训3200人次,其中…
_BRACKET_OPENS = re.compile(rf"{IN_CLAUSE}{{0,8}}?\(")  # the total's noun, then its breakdown in brackets
_PARTS_FOLLOW = re.compile(rf"{IN_SENTENCE}{{0,4}}(?:{alternation(_WORDS['parts_follow'])})")


@register
class PartsAndTotal(DocumentRule):
    """Parts listed with their total (合计, 其中) that do not add up to it.

    What it does
    Finds totals stated with their parts in one passage: parts followed by 合计/总计/共计
    (`捐款5.59万元、捐物13.42万元,合计19.01万元`), or a total followed by 其中 and its parts
    (`共培训3200人次,其中线上1200人次、线下2000人次`), or a total followed by its breakdown in
    brackets (`共计272个小区(新城区10个、回民区30个…)`). The sum of the parts, with the rounding
    each figure allows, must be able to equal the total. After 合计, and in brackets, the parts
    are the whole list; after 其中 (also inside brackets) they may be a selection, so only parts
    adding up to more than the total are flagged.

    Why is this bad?
    A total that its own parts contradict tells the reader that at least one figure is wrong.

    Example
    `共培训3200人次,其中线上1200人次、线下2100人次` (1200 + 2100 = 3300).

    Use instead
    `共培训3200人次,其中线上1200人次、线下2000人次`.
    """

    code = "AR01"
    name = "parts-and-total"
    default_severity = Severity.ERROR
    messages = MappingProxyType({
        "zh": "分项之和为{sum},与合计{total}不符({parts})",
        "en": "the parts add up to {sum}, not the total {total} ({parts})",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for total, parts, complete in _totals(doc, claims):
            unit = total.unit
            added = _sum([interval(part, unit) for part in parts])
            stated = interval(total, unit)
            wrong = not added.overlaps(stated) if complete else (
                added.low is not None and stated.high is not None and added.low > stated.high)
            if not wrong:
                continue
            yield self.finding(
                doc.id, total.start, total.end, claims=(total.id, *(p.id for p in parts)),
                related=[Location(doc.id, p.start, p.end, f"part: {shown(p)}") for p in parts],
                evidence={"total": shown(total), "total_interval": stated.show(),
                          "parts": [shown(p) for p in parts], "sum_interval": added.show(),
                          "complete_list": complete, "unit": unit},
                sum=_show_sum(added), total=shown(total), parts=" + ".join(shown(p) for p in parts))


def _totals(doc: Document, claims: list[Claim]) -> Iterator[tuple[Claim, list[Claim], bool]]:
    """(total, parts, whether the parts are the complete list) found in ``doc``."""
    text = doc.text
    for index, claim in enumerate(claims):
        if claim.kind not in ADDITIVE:
            continue
        start, end = claim.span
        opens = _TOTAL_OPENS.search(text, max(0, start - 16), start)
        before = _run(claims, index, -1) if _TOTAL_BEFORE.search(text, max(0, start - 8), start) else []
        after = _run(claims, index, 1) if opens and _PARTS_FOLLOW.match(text, end) else []
        bracketed = _bracketed(text, claims, index) if opens else None
        if len(before) >= 2:
            yield claim, before, True
        elif len(after) >= 2:
            yield claim, after, False
        elif bracketed:
            yield claim, *bracketed


def _bracketed(text: str, claims: list[Claim], index: int) -> tuple[list[Claim], bool] | None:
    """The parts listed in brackets right after a total (共计272个小区(新城区10个、回民区…)), and
    whether they are the whole list (not when the bracket opens with 其中); None when the bracket
    holds fewer than two figures or a figure measured otherwise."""
    total = claims[index]
    opening = _BRACKET_OPENS.match(text, total.span[1])
    if opening is None:
        return None
    closing = text.find(")", opening.end(), total.sentence.end)
    if closing < 0:
        return None
    inside = [c for c in claims[index + 1:] if opening.end() <= c.span[0] and c.span[1] <= closing]
    if len(inside) < 2 or any(c.kind != total.kind or c.unit != total.unit or c.measure != total.measure
                              for c in inside):
        return None
    return inside, not _PARTS_FOLLOW.match(text, opening.end())


def _run(claims: list[Claim], index: int, step: int) -> list[Claim]:
    """The claims measured like ``claims[index]`` right before (step -1) or after (step 1) it,
    in the same sentence, with no other kind of figure between."""
    total, run, position = claims[index], [], index + step
    while 0 <= position < len(claims):
        claim = claims[position]
        if claim.kind != total.kind or claim.unit != total.unit or claim.measure != total.measure \
                or claim.sentence != total.sentence:
            break
        run.append(claim)
        position += step
    return run[::step]


def _sum(intervals: list[Interval]) -> Interval:
    low = None if any(i.low is None for i in intervals) else sum((i.low for i in intervals), Decimal(0))
    high = None if any(i.high is None for i in intervals) else sum((i.high for i in intervals), Decimal(0))
    return Interval(low, high)


def _show_sum(added: Interval) -> str:
    if added.low is None or added.high is None:
        return "?"
    return str(plain((added.low + added.high) / 2))
