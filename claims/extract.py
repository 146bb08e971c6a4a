"""Find every numeric claim of a document."""
from __future__ import annotations

import bisect
import re
from dataclasses import fields, replace
from functools import cache, partial

from claims.aspects import AspectReader
from claims.claim import Claim, Figure
from claims.context import DocumentContext, place_of, time_of
from claims.dense import DenseParses, SharedReadings
from claims.figures import date, quantity
from claims.lists import distribute
from claims.patterns import master
from claims.relative_days import relative_days
from claims.subject import clean, following, preceding, table_row_label
from claims.vocab import figure_words, measure_words, named_numbers, subject_words, unit_words
from sources.document import Document
from sources.reader import failed
from sources.spans import merge, overlaps
from vocab.files import alternation

# A short quotation holding a numeral is a name or slogan (“五个认同”, “12345”), unless it quotes a
# statistic: a decimal with its scale word (“新增企业106.3万户”).
_NUMERAL = "0-9一二两三四五六七八九十百千万"
_SHORT_QUOTE = re.compile(rf"“(?=[^“”\n]{{1,12}}”)[^“”\n{_NUMERAL}]*[{_NUMERAL}][^“”\n]*”"
                          rf"|「(?=[^「」\n]{{1,12}}」)[^「」\n{_NUMERAL}]*[{_NUMERAL}][^「」\n]*」")
_DATE_GROUPS = ("yrange", "iso", "nomark", "ymd", "md")
_FIGURE_FIELDS = tuple(field.name for field in fields(Figure))  # what a claim takes from its figure


@cache
def _rank_scope_start() -> re.Pattern[str]:
    """Where a rank's scope starts (在全国…中居第3位, 位列全国…第3位): its subject ends there."""
    return re.compile(alternation(figure_words()["rank_scope"]))


@cache
def _counted_head() -> re.Pattern[str]:
    """A bare figure whose subject names a count of something is a count: 参与人数, 阅读量, 人次."""
    return re.compile(f"(?:{alternation(subject_words()['counted'])})$")


@cache
def _breakdown() -> re.Pattern[str]:
    """A leading 其中 and the list joiners after it."""
    words = subject_words()
    joiners = re.escape("".join(words["list_joiners"]))
    return re.compile(rf"\s*(?:(?:{alternation(words['breakdown'])})\s*[,:]?)?[{joiners}\s]*")


@cache
def _named() -> re.Pattern[str]:
    """Named numbers and hotlines (12345热线), never inside a longer numeral (1200 is no 120)."""
    table = named_numbers()
    firsts = re.escape("".join(sorted({word[0] for word in (*table["names"], *table["hotlines"])})))
    numeral = "0-9〇零一二两三四五六七八九十百千万亿"
    names = f"(?:{alternation(table['names'])})"
    hotlines = f"(?:{alternation(table['hotlines'])})(?=[”\"]?(?:{alternation(table['hotline_words'])}))"
    return re.compile(f"(?=[{firsts}])(?<![{numeral}])(?:{names}|{hotlines})(?![{numeral}])")


def extract_claims(doc: Document) -> list[Claim]:
    """All claims of ``doc`` in reading order, ids ``<doc>:<n>``."""
    if not doc.ok or not doc.text:
        return []
    text = doc.text
    blocked = _blocked_spans(doc)
    places = {mention.start: mention.end for mention in doc.places}
    starts = sorted(places)
    found: list[tuple[int, int, Figure]] = []
    parses = DenseParses()
    dated = partial(_dated, doc.meta.year)
    for match in master().finditer(text):
        group = match.lastgroup
        start, end = match.span()
        if group == "skip" or overlaps(blocked, start, end):
            continue
        if group in _DATE_GROUPS:
            figure = parses.parse(match, text, dated)
        else:
            index = bisect.bisect_right(starts, start)
            if index < len(starts) and starts[index] < end:
                match = _before_place(match, text, places, starts)
                start, end = match.span()
            figure = parses.parse(match, text, quantity)
            if figure is not None and end in places:
                figure = _place_follows(figure)
        if figure is not None:
            found.append((start, end, figure))
    relative = [item for item in relative_days(text, doc.meta.published) if not overlaps(blocked, item[0], item[1])]
    if relative:
        found = sorted([*found, *relative], key=lambda item: item[0])
    return _claims(doc, found)


def _dated(year: int | None, match: re.Match[str], text: str) -> Figure | None:
    """The figure of a date match (``DenseParses``' reading: a date reads its match alone)."""
    return date(match, year)


def _before_place(match: re.Match[str], text: str, places: dict[int, int], starts: list[int]) -> re.Match[str]:
    """The match cut before a place name its unit or qualifier runs into (3台州: 台 is no measure);
    ``starts`` are the sorted starts of ``places``."""
    index = bisect.bisect_right(starts, match.start("n1") if match.group("n1") else match.start())
    end = match.end()
    while index < len(starts) and starts[index] < end:
        if places[starts[index]] > end:
            return master().match(text, match.start(), starts[index]) or match
        index += 1
    return match


def _place_follows(figure: Figure) -> Figure:
    """A bare 万/亿 count followed by a place name counts nothing: 1.2万呼和浩特… is a number."""
    if figure.kind == "count" and figure.measure is None:
        return replace(figure, kind="number", unit=None)
    return figure


def _claims(doc: Document, found: list[tuple[int, int, Figure]]) -> list[Claim]:
    context = DocumentContext.of(doc)
    aspects = AspectReader(doc)
    dates = [(start, _as_time(figure)) for start, _, figure in found if figure.kind == "date"]
    claims: list[Claim] = []
    figures = [figure for _, _, figure in found]
    readings = SharedReadings([(_claim_start(doc.text, start, f), end) for start, end, f in found])
    previous_end, previous_subject = -1, None
    index = 0
    while index < len(found):
        shared, previous_subject = readings.share(index, figures, previous_subject)
        if shared:  # figures of a dense run (claims.dense): their kind's reading there
            index += shared
            previous_end = found[index - 1][1]
            continue
        number, (start, end, figure) = index + 1, found[index]
        index += 1
        claims += readings.claims(doc, context)  # those shared so far, for the subjects read from them
        sentence = context.sentence_start(start)
        same_sentence = previous_end >= sentence
        subject = _resolve_subject(doc.text, start, end, figure, context, claims,
                                   previous_subject if same_sentence else None, previous_end if same_sentence else -1)
        if figure.kind == "number" and subject and _counted_head().search(subject):
            figure = replace(figure, kind="count", unit="item")  # 参与人数突破100万
        place = place_of(context, _place_anchor(doc.text, start, figure, context), sentence)
        start = _claim_start(doc.text, start, figure)
        time = _as_time(figure) if figure.kind == "date" else time_of(context, start, sentence, dates)
        original_start, original_end = doc.original_span(start, end)
        sentence_of, clause_of = context.sentence(start), context.clause(start)
        claims.append(Claim(
            **{name: getattr(figure, name) for name in _FIGURE_FIELDS},
            id=f"{doc.id}:{number}", doc=doc.id, start=original_start, end=original_end,
            text=doc.original[original_start:original_end], subject=subject or None, place=place, time=time,
            span=(start, end), sentence=sentence_of, clause=clause_of,
            **aspects.read((start, end), sentence_of, clause_of, figure.kind, figure.unit, subject or None, time),
        ))
        readings.keep(number - 1, figure, claims[-1])
        previous_end = end
        if figure.kind != "date":
            previous_subject = subject
    claims += readings.claims(doc, context)
    listed = distribute(claims, context)
    return [claim if claim is read else aspects.refreshed(claim) for claim, read in zip(listed, claims, strict=True)]


def _claim_start(text: str, start: int, figure: Figure) -> int:
    """Where a figure's claim starts: a rank's text includes its 第."""
    return text.rfind("第", max(0, start - 2), start) if figure.kind == "rank" else start


def _resolve_subject(text: str, start: int, end: int, figure: Figure, context: DocumentContext,
                     claims: list[Claim], previous: str | None, previous_end: int) -> str | None:
    """The subject of a figure, from its clause, or from an earlier figure it continues.

    ``previous`` and ``previous_end`` describe the figure before in the same sentence (-1: none).
    """
    clause = context.clause_start(start)
    phrase_start = context.skip_place(_skip_breakdown(text, max(clause, previous_end), start), start)
    subject = _subject(text, start, end, figure, clause, phrase_start, previous, context.line_start(start))
    if not subject and phrase_start == start and phrase_start > max(clause, previous_end):
        return _earlier_subject(claims, figure)  # 其中,海勃湾区7个: a part of an earlier figure
    if not subject and figure.kind == "rank":
        return _ranked_subject(claims, context, start)  # 资金拨付率达93.6%,居全区20个旗县第一
    return subject


def _subject(text: str, start: int, end: int, figure: Figure, clause: int, phrase_start: int,
             previous: str | None, line_start: int) -> str:
    """``clause`` starts the clause, ``line_start`` the line; the phrase before the figure starts
    after any earlier figure."""
    if figure.kind == "date":
        return ""
    if figure.kind == "rank":
        return clean(text[clause:_rank_scope(text, clause, start)])
    label = table_row_label(text, line_start, start)
    if label:
        return label
    phrase = text[phrase_start:start]
    if figure.kind == "count":
        after = following(text, end)
        if after:
            return after
    return preceding(phrase, figure.measure, previous)


def _place_anchor(text: str, start: int, figure: Figure, context: DocumentContext) -> int:
    """Where to read a figure's place: a rank's place comes before its 在全国…中 scope."""
    return _rank_scope(text, context.clause_start(start), start) if figure.kind == "rank" else start


def _rank_scope(text: str, clause: int, start: int) -> int:
    """Where a rank's scope starts (在全国…中居, 位列全国…): its subject ends and its place is read there."""
    scope = _rank_scope_start().search(text, clause, start)
    return scope.start() if scope else start


def _skip_breakdown(text: str, clause: int, start: int) -> int:
    """Past a leading 其中 (the parts of a figure stated before) and list joiners."""
    found = _breakdown().match(text, clause, start)
    return found.end() if found else clause


def _ranked_subject(claims: list[Claim], context: DocumentContext, start: int) -> str | None:
    """The subject of the figure a rank ranks: the last one of its sentence before the rank's scope."""
    limit = _rank_scope(context.text, context.clause_start(start), start)
    sentence = context.sentence_start(start)
    earlier = [c for c in claims[-8:] if sentence <= c.span[0] and c.span[1] <= limit and c.subject]
    return earlier[-1].subject if earlier else None


def _earlier_subject(claims: list[Claim], figure: Figure, lookback: int = 12) -> str | None:
    """The subject of the nearest earlier claim counted the same way (same measure and unit)."""
    for claim in reversed(claims[-lookback:]):
        if claim.subject and claim.measure == figure.measure and claim.unit == figure.unit:
            return claim.subject
    return None


def _as_time(figure: Figure) -> str:
    value = str(figure.value)
    return value + "/.." if figure.qualifier in figure_words()["open_ended"] else value  # 2013年以来


def _blocked_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans where a number is no claim: page furniture, the document's own date, source and byline
    lines and dateline, named numbers, short quoted names (not a quoted figure)."""
    spans = [*doc.skip, *doc.meta.lines]
    spans += [m.span() for m in _named().finditer(doc.text)]
    spans += [m.span() for m in _SHORT_QUOTE.finditer(doc.text) if not _quoted_figure().search(m.group()[1:-1])]
    return merge(spans)


@cache
def _quoted_figure() -> re.Pattern[str]:
    """A quotation ending in an Arabic figure with its measure word or unit (“改造老旧小区297个”, as a
    correction notice quotes it), or holding a decimal with 万/亿 (“新增企业106.3万户”), states a
    figure; “五个认同” and “12345” stay names."""
    words = sorted({*measure_words(), *unit_words()}, key=len, reverse=True)
    return re.compile(rf"\d[\d.,]*[万亿]?(?:{'|'.join(map(re.escape, words))})$|\d\.\d+[万亿萬億]")


def extract_isolated(doc: Document) -> tuple[Document, list[Claim]]:
    """``doc`` and its claims; an unexpected exception in the extraction makes ``doc`` an error
    document naming it, with no claims, so that the run goes on with the other documents."""
    try:
        return doc, extract_claims(doc)
    except Exception as error:  # a defect of this tool on one input: that input's error, not the run's
        return failed(doc, "extracting claims", error), []
