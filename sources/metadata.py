"""What a document says about itself: title, publication date, outlet, main place and year."""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from sources.document import Metadata
from sources.gazetteer import PlaceMention, load_gazetteer
from sources.spans import Span, merge, overlaps
from vocab.files import alternation, data_sections, error

_EDGE_LINES = 12
_DATE = r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"  # 2024-03-15, 2024年3月15日
# A year not inside a longer number: 19xx or 20xx, its first digit not after a digit. The digit comes
# before the lookbehind so that the engine skips at C speed to each 1 and 2.
_YEAR = re.compile(r"((?:1(?<!\d1)9|2(?<!\d2)0)\d{2})(?=年|\s*[-/.]\s*\d{1,2}\s*[-/.])")
_TITLE_END = re.compile(r"[。!?;,]$")
WORD_SECTIONS = ("date_labels", "source_labels", "after_source", "byline_labels", "self_prefixes", "levels",
                 "province", "country")
_BYLINE_LENGTH = 40  # a byline is a short line
# A dateline opening the first paragraph: outlet and place, the date, 电 or 讯 (新华社北京3月12日电),
# or 本报讯, then the reporters in brackets.
_DATELINE = re.compile(r"^\s*(?:[^\s,。:]{0,16}?\d{1,2}月\d{1,2}日(?:电|讯)|本[报网台]讯)"
                       r"(?:\s*\([^()\n]{0,40}\))?")


@cache
def metadata_words() -> dict[str, tuple[str, ...]]:
    """Word lists of data/metadata_words.txt by section (``WORD_SECTIONS``); claims/context.py
    reads the self-reference sections too."""
    found = data_sections("sources", "metadata_words.txt", known=WORD_SECTIONS)
    missing = [section for section in WORD_SECTIONS if section not in found]
    if missing:
        raise error("sources", "metadata_words.txt", None, f"missing section(s) {', '.join(f'[{s}]' for s in missing)}")
    return found


@cache
def _published() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(metadata_words()['date_labels'])})\s*:\s*{_DATE}")


@cache
def _source() -> re.Pattern[str]:
    words = metadata_words()
    return re.compile(rf"(?:{alternation(words['source_labels'])})\s*:\s*(.+?)"
                      rf"(?=\s{{2,}}|\s*(?:{alternation(words['after_source'])}|\|)|$)")


@cache
def _self() -> re.Pattern[str]:
    """我市, 全区, 本县: the document naming its own place; group 1 is the level."""
    words = metadata_words()
    return re.compile(f"(?:{alternation(words['self_prefixes'])})({alternation(words['levels'])})")


def read_metadata(text: str, skip: tuple[Span, ...], places: tuple[PlaceMention, ...],
                  title: str | None = None, published: str | None = None) -> Metadata:
    """Metadata from the normalized text and its place mentions; a ``title`` or ``published``
    found elsewhere (an HTML head) wins."""
    furniture = merge(skip)
    header = _content_lines(text, furniture, reverse=False)
    edges = header + _content_lines(text, furniture, reverse=True)
    dated = next(((span, m) for span, line in header if (m := _published().search(line))), None)
    sourced = next(((span, m) for span, line in edges if (m := _source().search(line))), None)
    published = _iso(published) or (_iso(dated[1]) if dated else None)
    if title is None and header and _looks_like_title(header[0][1].lstrip("# ")):
        title = header[0][1].lstrip("# ").strip()
    own_lines = merge([*(found[0] for found in (dated, sourced) if found), *_bylines(edges), *_datelines(header)])
    body_places = [m for m in places if not overlaps(furniture, m.start, m.end)]
    return Metadata(title=title, published=published, source=sourced[1].group(1).strip() if sourced else None,
                    place=main_place(body_places, text, title),
                    year=main_year(text, merge([*furniture, *own_lines]), published), lines=tuple(own_lines))


@cache
def _byline() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{alternation(metadata_words()['byline_labels'])})\s*[:\s]")


def _bylines(lines: list[tuple[Span, str]]) -> list[Span]:
    """The short lines that name reporters and editors (记者 张三, 责任编辑:李四)."""
    return [span for span, line in lines if len(line.strip()) <= _BYLINE_LENGTH and _byline().match(line)]


def _datelines(lines: list[tuple[Span, str]]) -> list[Span]:
    """The dateline opening a header line (新华社北京3月12日电(记者 张三)), not the paragraph after it."""
    return [(span[0] + m.start(), span[0] + m.end()) for span, line in lines if (m := _DATELINE.match(line))]


def _content_lines(text: str, furniture: list[Span], reverse: bool) -> list[tuple[Span, str]]:
    """The first (or last) non-empty lines outside page furniture, with their spans."""
    lines: list[tuple[Span, str]] = []
    end = len(text) if reverse else -1
    while len(lines) < _EDGE_LINES:
        if reverse:
            if end < 0:
                break
            start = text.rfind("\n", 0, end) + 1
            span, end = (start, end), start - 1
        else:
            start = end + 1
            if start > len(text):
                break
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            span = (start, end)
        line = text[span[0]:span[1]]
        if line.strip() and not overlaps(furniture, *span):
            lines.append((span, line))
    return lines


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 6 <= len(line) <= 80 and not _TITLE_END.search(line) and ":" not in line


def _iso(found: re.Match[str] | str | None) -> str | None:
    if isinstance(found, str):
        found = re.search(_DATE, found)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def main_year(text: str, ignored: list[Span], published: str | None) -> int | None:
    """The year the document is mostly about: its most cited year, the latest on a tie.

    Years in ``ignored`` spans (furniture, the date and source lines) do not count; the
    publication year counts as one citation, and years after it (plan periods, targets) do not.
    """
    counts = Counter(int(m.group(1)) for m in _YEAR.finditer(text) if not overlaps(ignored, *m.span()))
    if published:
        limit = int(published[:4])
        counts = Counter({year: n for year, n in counts.items() if year <= limit})
        counts[limit] += 1
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def main_place(mentions: list[PlaceMention], text: str, title: str | None) -> str | None:
    """The place the document is about, from its place ``mentions`` outside page furniture.

    Each mention counts once (three times when the same name is in the title), plus a third of
    the mentions of the places under it; a place of the kind the document calls itself most (我市, 全区) counts
    double.
    """
    gazetteer = load_gazetteer()
    if not mentions:
        return None
    in_title = {m.surface for m in gazetteer.find(title)} if title else set()
    own: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in mentions:
        own[mention.places[0].code] += 3 if mention.surface in in_title else 1
        first.setdefault(mention.places[0].code, mention.start)
    support = Counter(own)
    for code, count in own.items():
        for ancestor in gazetteer.ancestors(gazetteer.get(code)):
            support[ancestor.code] += count / 3 if ancestor.code in own else 0
    kinds = Counter(m.group(1) for m in _self().finditer(text)).most_common(2)
    kind = kinds[0][0] if kinds and (len(kinds) == 1 or kinds[0][1] > kinds[1][1]) else None

    def score(code: str) -> tuple[float, int]:
        place = gazetteer.get(code)
        matches_kind = kind is not None and (place.name.endswith(kind) or
                                             (kind in metadata_words()["province"] and place.level == 1))
        return support[code] * (2 if matches_kind else 1), -first[code]

    return gazetteer.get(max(own, key=score)).name
