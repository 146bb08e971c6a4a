"""Find every numeric claim of a document."""
from __future__ import annotations

import bisect
import re
from functools import cache

from claims.claim import Claim
from claims.context import DocumentContext, place_of, time_of
from claims.figures import Figure, date, quantity
from claims.patterns import master
from claims.subject import clean, following, preceding
from claims.vocab import named_numbers
from sources.document import Document

_CLAUSE_END = re.compile(r"[,;:。!?\n|]")
_SHORT_QUOTE = re.compile(r"“[^“”\n]{1,12}”|\"[^\"\n]{1,12}\"|「[^「」\n]{1,12}」")
_RANK_SCOPE = re.compile(r"在[^,;:。!?]*$|(?:居|位居|排名|排|名列|位列|列|排在|跃居|升至|跃升至|保持)$")
_DATE_GROUPS = ("yrange", "iso", "ymd", "md")


@cache
def _named() -> re.Pattern[str]:
    """Named numbers, never inside a longer numeral (120 is a hotline, 1200 is not)."""
    words = "|".join(map(re.escape, sorted(named_numbers(), key=len, reverse=True)))
    numeral = "0-9〇零一二两三四五六七八九十百千万亿"
    return re.compile(f"(?<![{numeral}])(?:{words})(?![{numeral}])")


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc`` in reading order, ids ``<doc>:<n>``."""
    if not doc.ok or not doc.text:
        return []
    text = doc.text
    blocked = _blocked_spans(doc)
    found: list[tuple[int, int, Figure]] = []
    for match in master().finditer(text):
        group = match.lastgroup
        if group == "skip" or _overlaps(blocked, match.start(), match.end()):
            continue
        figure = date(match, doc.meta.year) if group in _DATE_GROUPS else quantity(match, text, doc.meta.year)
        if figure is not None:
            found.append((match.start(), match.end(), figure))
    return _claims(doc, found)


def _claims(doc: Document, found: list[tuple[int, int, Figure]]) -> list[Claim]:
    context = DocumentContext.of(doc)
    dates = [(start, _as_time(figure)) for start, _, figure in found if figure.kind == "date"]
    claims = []
    previous_end, previous_subject = -1, None
    for number, (start, end, figure) in enumerate(found, 1):
        same_sentence = previous_end >= context.sentence_start(start)
        clause = max(_clause_start(doc.text, start), previous_end if same_sentence else -1)
        subject = _subject(doc.text, start, end, figure, clause, previous_subject if same_sentence else None)
        original_start, original_end = doc.original_span(start, end)
        time = _as_time(figure) if figure.kind == "date" else time_of(context, start, dates)
        claims.append(Claim(
            id=f"{doc.id}:{number}", doc=doc.id, start=original_start, end=original_end,
            text=doc.original[original_start:original_end], kind=figure.kind, value=figure.value, low=figure.low,
            high=figure.high, unit=figure.unit, measure=figure.measure, qualifier=figure.qualifier,
            subject=subject or None, place=place_of(context, _place_anchor(doc.text, start, figure)), time=time, precision=figure.precision,
            total=figure.total, span=(start, end),
        ))
        previous_end = end
        previous_subject = subject if figure.kind != "date" else previous_subject
    return claims


def _subject(text: str, start: int, end: int, figure: Figure, clause: int, previous: str | None) -> str:
    if figure.kind == "date":
        return ""
    if figure.kind == "rank":
        return clean(_RANK_SCOPE.sub("", text[_clause_start(text, start):start]))
    phrase = text[clause:start]
    if figure.kind == "count":
        after = following(text, end)
        if after:
            return after
    return preceding(phrase, figure.measure, previous)


def _place_anchor(text: str, start: int, figure: Figure) -> int:
    """Where to read a figure's place: a rank's place comes before its 在全国…中 scope."""
    if figure.kind == "rank":
        clause = _clause_start(text, start)
        scope = text.find("在", clause, start)
        return scope if scope >= 0 else start
    return start


def _clause_start(text: str, position: int) -> int:
    window_start = max(0, position - 64)
    last = None
    for last in _CLAUSE_END.finditer(text, window_start, position):
        pass
    return last.end() if last else window_start


def _as_time(figure: Figure) -> str:
    value = str(figure.value)
    return value + "/.." if figure.qualifier == "以来" else value


def _blocked_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans where a number is no claim: page furniture, named numbers, short quoted names."""
    spans = list(doc.skip)
    spans += [m.span() for m in _named().finditer(doc.text)]
    spans += [m.span() for m in _SHORT_QUOTE.finditer(doc.text) if any(ch.isdigit() or ch in "一二两三四五六七八九十百千万" for ch in m.group())]
    merged: list[tuple[int, int]] = []
    for span_start, span_end in sorted(spans):
        if merged and span_start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span_end))
        else:
            merged.append((span_start, span_end))
    return merged


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start..end`` overlaps one of the sorted, disjoint ``spans``."""
    index = bisect.bisect_left(spans, (end, -1)) - 1
    return index >= 0 and spans[index][1] > start
