"""AR04: a stated change that its own start and end figures do not give."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from types import MappingProxyType

from checks.arithmetic.reach import Reach, occurrences, starting
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import Interval, interval, shown
from claims.claim import Claim
from claims.sentences import IN_CLAUSE
from claims.vocab import change_words
from sources.document import Document
from vocab.files import alternation

_WORDS = change_words()
_FROM = re.compile(rf"(?:{alternation(_WORDS.start)})$")
_TO = re.compile(rf"\s*(?:{alternation((*_WORDS.verbs, *_WORDS.before_to))})?(?:{alternation(_WORDS.to)})\s*")
_COMPARED, _THAN_BACK = "比较", 10  # 比上年的120亿元, 较同期11.6%: in the 10 characters before the figure
_THAN = re.compile(rf"[{_COMPARED}]{IN_CLAUSE}{{0,8}}$")
_CHANGE = re.compile(rf"\s*(?:{alternation(_WORDS.verbs)})了?\s*")  # …120亿元增长10%
_DOWN = re.compile(alternation(_WORDS.down))


@register
class GrowthBothEnds(DocumentRule):
    """A growth rate or change that the start and end figures stated with it do not give.

    What it does
    Finds a change stated with both its ends (`由78.9%提高到82%,提高3.1个百分点`,
    `从2.1万人增至2.5万人,增长19%`, `收入132亿元,比上年的120亿元增长10%`) and recomputes it from
    them: percentage points for two percentages, a relative change otherwise (a change in %
    between two percentages may be either). Flags the stated change when no reading fits, with each figure's rounding.

    Why is this bad?
    Growth is what readers quote; when it disagrees with its own start and end, one of the three
    figures is wrong, or points and percent are confused.

    Example
    `优良天数比率由78.9%提高到82%,提高5个百分点` (82 − 78.9 = 3.1).

    Use instead
    `优良天数比率由78.9%提高到82%,提高3.1个百分点`.
    """

    code = "AR04"
    name = "growth-both-ends"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "由{first}到{last}应为{expected},与所述{change}不符",
        "en": "from {first} to {last} is {expected}, not the stated {change}",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for start, end, change in of_document(corpus, doc, claims):
            found = readings(start, end, change)
            stated = signed(change, doc.text)
            if not found or any(reading.overlaps(stated) for reading, _ in found):
                continue
            expected = " / ".join(f"{_show(reading)} ({label})" for reading, label in found)
            yield self.finding(
                doc.id, change.start, change.end, claims=(change.id, start.id, end.id),
                related=[Location(doc.id, start.start, start.end, f"from: {shown(start)}", f"起点：{shown(start)}"),
                         Location(doc.id, end.start, end.end, f"to: {shown(end)}", f"终点：{shown(end)}")],
                evidence={"start": shown(start), "end": shown(end), "change": shown(change),
                          "change_interval": stated.show(),
                          "expected": [{"interval": r.show(), "reading": label} for r, label in found]},
                first=shown(start), last=shown(end), expected=expected, change=shown(change))


def of_document(corpus: Corpus, doc: Document, claims: list[Claim]) -> list[tuple[Claim, Claim, Claim]]:
    """The changes of ``doc`` (its ``claims``), found once per corpus (AR04 and AR07 both read them)."""
    return corpus.memo(("changes", doc.id), lambda: list(changes(doc.text, claims)))


def changes(text: str, claims: list[Claim]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """(start, end, change): 由A…到B followed by a change in the same sentence, or B,比…A and a
    change right after it (收入132亿元,比上年的120亿元增长10%). Only the figures right after a
    [start] word (由, 从), or within ``_THAN_BACK`` characters after a 比 or 较, are tried."""
    after_from, after_than = _reach(text)
    for index in starting(claims[:-2], after_from):
        start, end = claims[index], claims[index + 1]
        if start.unit != end.unit or start.kind != end.kind or not isinstance(start.value, Decimal):
            continue
        if not _FROM.search(text, max(0, start.span[0] - 1), start.span[0]):
            continue
        if not _TO.fullmatch(text, start.span[1], end.span[0]):
            continue
        change = claims[index + 2]
        same_sentence = end.sentence == change.sentence
        if change.kind in ("percent", "percentage_points") and same_sentence:
            yield start, end, change
    for index in (index + 1 for index in starting(claims[1:-1], after_than)):
        end, start, change = claims[index - 1], claims[index], claims[index + 1]
        alike = end.kind == start.kind and end.unit == start.unit and isinstance(start.value, Decimal)
        if alike and change.kind in ("percent", "percentage_points") and end.sentence == change.sentence \
                and _THAN.search(text, max(0, start.span[0] - _THAN_BACK), start.span[0]) \
                and _CHANGE.fullmatch(text, start.span[1], change.span[0]):
            yield start, end, change


def _reach(text: str) -> tuple[bytearray, bytearray]:
    """Where a figure may start for ``_FROM`` (first) and ``_THAN`` (second) to match before it."""
    size = len(text)
    return (Reach(size).around(occurrences(text, _WORDS.start), 1, 1).marks,
            Reach(size).around(occurrences(text, _COMPARED), 1, _THAN_BACK).marks)


def readings(start: Claim, end: Claim, change: Claim) -> list[tuple[Interval, str]]:
    """What the change can be: points between two percentages, and/or a relative change."""
    a, b = interval(start), interval(end, start.unit)
    if None in (a.low, a.high, b.low, b.high):
        return []
    readings = []
    if start.kind == "percent" and change.kind in ("percentage_points", "percent"):
        readings.append((Interval(b.low - a.high, b.high - a.low), "points"))
    if change.kind == "percent" and a.low > 0:
        low = min((b.low - a.high) / a.high, (b.low - a.high) / a.low) * 100
        high = max((b.high - a.low) / a.low, (b.high - a.low) / a.high) * 100
        readings.append((Interval(low, high), "relative"))
    return readings


def _show(reading: Interval) -> str:
    low, high = reading.show()
    return f"{low:.3g}–{high:.3g}"


def signed(change: Claim, text: str) -> Interval:
    """The change's interval, negative when it is a decline (下降3%)."""
    stated = interval(change)
    lead = text[max(0, change.span[0] - 4):change.span[0]]
    if _DOWN.search(lead) and stated.low is not None and stated.low >= 0:
        return Interval(None if stated.high is None else -stated.high, -stated.low)
    return stated
