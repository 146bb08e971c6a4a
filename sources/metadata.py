"""What a document says about itself: title, publication date, outlet, main place and year."""
from __future__ import annotations

import re
from collections import Counter

from sources.document import Metadata
from sources.gazetteer import load_gazetteer

_HEADER_LINES = 12
_PUBLISHED = re.compile(r"(?:发文时间|发布时间|发布日期|发稿时间|更新时间|成文日期|日期|时间)\s*:\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SOURCE = re.compile(r"(?:资料来源|信息来源|稿件来源|来源|稿源|出处)\s*:\s*(.+?)(?=\s{2,}|\s*作者|\s*发布|\s*时间|$)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年|\s*[-/.]\s*\d{1,2}\s*[-/.])")
_TITLE_END = re.compile(r"[。!?;,]$")


def read_metadata(text: str, skip: tuple[tuple[int, int], ...], title: str | None = None,
                  published: str | None = None) -> Metadata:
    """Metadata from the normalized text; ``title``/``published`` found elsewhere (HTML head) win."""
    header = _header_lines(text, skip)
    published = _iso(published) or next((_iso(m) for line in header if (m := _PUBLISHED.search(line))), None)
    source = next((m.group(1).strip() for line in _lines(text, skip) if (m := _SOURCE.search(line))), None)
    title = title or (header[0].strip() if header and _looks_like_title(header[0]) else None)
    body = "\n".join(_lines(text, skip))
    return Metadata(title=title, published=published, source=source, place=main_place(body, title),
                    year=main_year(text, skip, published))


def _lines(text: str, skip: tuple[tuple[int, int], ...]) -> list[str]:
    skipped = {start for start, _ in skip}
    lines, start = [], 0
    for line in text.split("\n"):
        if start not in skipped and line.strip():
            lines.append(line)
        start += len(line) + 1
    return lines


def _header_lines(text: str, skip: tuple[tuple[int, int], ...]) -> list[str]:
    return _lines(text, skip)[:_HEADER_LINES]


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 6 <= len(line) <= 80 and not _TITLE_END.search(line) and ":" not in line


def _iso(found: re.Match[str] | str | None) -> str | None:
    if found is None:
        return None
    if isinstance(found, str):
        found = re.search(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", found)
        if found is None:
            return None
    year, month, day = (int(part) for part in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def main_year(text: str, skip: tuple[tuple[int, int], ...], published: str | None) -> int | None:
    """The year the document is mostly about: its most cited year, the latest on a tie.

    The publication year counts as one citation, and years after it (plan periods, targets)
    do not count.
    """
    counts = Counter(int(m.group(1)) for line in _lines(text, skip) for m in _YEAR.finditer(line)
                     if not _SOURCE.search(line) and not _PUBLISHED.search(line))
    if published:
        limit = int(published[:4])
        counts = Counter({year: n for year, n in counts.items() if year <= limit})
        counts[limit] += 1
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


_SELF = re.compile(r"(?:我|全|本)(市|区|盟|旗|县|省)")


def main_place(text: str, title: str | None) -> str | None:
    """The place the document is about (``text`` without its page furniture).

    Each mention counts once (three times in the title), plus a third of the mentions of the
    places under it; a place of the kind the document calls itself most (我市, 全区) counts
    double.
    """
    gazetteer = load_gazetteer()
    mentions = gazetteer.find(text)
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
    kinds = Counter(m.group(1) for m in _SELF.finditer(text)).most_common(2)
    kind = kinds[0][0] if kinds and (len(kinds) == 1 or kinds[0][1] > kinds[1][1]) else None

    def score(code: str) -> tuple[float, int]:
        place = gazetteer.get(code)
        matches_kind = kind is not None and (place.name.endswith(kind) or (kind == "省" and place.level == 1))
        return support[code] * (2 if matches_kind else 1), -first[code]

    return gazetteer.get(max(own, key=score)).name
