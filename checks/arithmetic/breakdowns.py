"""Totals stated with their parts in one passage, and whether the parts are the whole list.

A list is whole (``WHOLE``) after 合计/总计 (`捐款5.59万元、捐物13.42万元,合计19.01万元`), above a
Markdown table's 合计 row (the cells of its column up to the header), in brackets or
after a colon right behind the total (`共计272个(新城区10个、…)`, `共计272个:新城区10个、…`), and
in brackets of parts by year inside the total's span of years (`2021~2024年已完成1263个(2021年
333个,…)`), and when its parts name every member of a complete partition (城镇、乡村). It may be
a selection (``SELECTION``) after 其中, also 其中 opening the next sentence, or parts over several
clauses (`其中,国内游客1100万人次,增长5%,入境游客100万人次`), and in a 分别 list after the total's
clause (`共120个,城区、农村分别为65个、50个`). After
`…个小区中,` (``AMONG``) the parts may be a selection or overlap (已开工80个、已竣工50个): such a
list tells something only when it adds up.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from checks.arithmetic.reach import Reach, occurrences, spaces_before
from checks.arithmetic.vocab import arithmetic_words, partitions
from checks.corpus import Corpus
from claims import periods
from claims.claim import Claim
from claims.kinds import ADDITIVE
from claims.sentences import IN_CLAUSE, IN_SENTENCE
from claims.vocab import list_words
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
_TOTAL_BEFORE = re.compile(rf"(?:{alternation(_WORDS['total_before'])}){IN_CLAUSE}{{0,4}}$")   # 合计19.01万元
_TOTAL_OPENS = re.compile(rf"(?:{alternation(_WORDS['total_opens'])}){IN_CLAUSE}{{0,12}}$")   # 共培训3200人次,其中…
_BEHIND, _OPENING = 8, 16  # how far before its figure a total's word is looked for (合计; 共, 累计)
_NEAR = 8  # how far after the total's figure (and its noun) its bracket, colon or 中, comes
_AFTER = 40  # how far after the total's figure its 其中 may come, in its sentence
_BRACKET_OPENS = re.compile(rf"{IN_CLAUSE}{{0,{_NEAR}}}?\(")  # the total's noun, then its breakdown in brackets
_COLON_OPENS = re.compile(rf"{IN_CLAUSE}{{0,{_NEAR}}}?:")  # 共计272个小区:新城区10个、…
_AMONG_OPENS = re.compile(rf"{IN_CLAUSE}{{0,{_NEAR}}}?(?:{alternation(_WORDS['among'])}),")  # 156个小区中,新城区1个…
_PARTS_FOLLOW = re.compile(rf"{IN_SENTENCE}{{0,4}}(?:{alternation(_WORDS['parts_follow'])})")
# the 其中 after a total: in its sentence, or opening the next (…增长4.5%。其中,…)
_PARTS_AFTER = re.compile(rf"[^。;!?\n]{{0,{_AFTER}}}?(?:[。;]\s*)?(?:{alternation(_WORDS['parts_follow'])})")
# another way of dividing the total (按经营地分, 分城乡看, 从产业看)
_DIMENSION = re.compile(rf"(?:{alternation(_WORDS['dimension_start'])})[^\d,;。]{{1,6}}"
                        rf"(?:{alternation(_WORDS['dimension_end'])})(?=[,:])")
_TABLE_TOTAL = re.compile(rf"(?:{alternation(_WORDS['total_before'])})")  # | 合计 | 50座 |
_SUBTOTAL = re.compile(rf"(?:{alternation((*_WORDS['parts_follow'], *_WORDS['subtotal']))})")  # a part's parts
_ROW_OPENS = re.compile(r"\s*\|")  # a table row: its first cell empty
_RULE_ROW = re.compile(r"^\|[\s:|-]*-[\s:|-]*$", re.MULTILINE)  # |---|---|
_RESPECTIVE = re.compile(rf"{IN_CLAUSE}{{0,8}},{IN_CLAUSE}{{0,20}}{list_words().respectively}")
_PASSAGE_END = re.compile(r"[。!?\n]")
_LABEL = re.compile(r"[^、,:;()\d\s]{1,8}$")
_LEADING_SELECTION = re.compile(rf"^(?:{alternation(_WORDS['parts_follow'])})")
_SKIPPED = ("change", "average", "daily")  # parts of a total are levels, not its growth or mean


WHOLE, SELECTION, AMONG = "whole", "selection", "among"


@dataclass(frozen=True)
class Breakdown:
    """A total and its parts; ``listing`` says whether they are the whole list (``WHOLE``), may be
    a selection (``SELECTION``) or may also overlap (``AMONG``)."""

    total: Claim
    parts: tuple[Claim, ...]
    listing: str


def of_document(corpus: Corpus, doc: Document) -> list[Breakdown]:
    """The breakdowns of ``doc``, found once per corpus (AR01 and AR05 both read them)."""
    return corpus.memo(("breakdowns", doc.id), lambda: list(breakdowns(doc.text, corpus.claims_of[doc.id])))


def breakdowns(text: str, claims: list[Claim]) -> Iterator[Breakdown]:
    """The breakdowns of a document (normalized ``text``, its ``claims`` in reading order)."""
    starts, ends = _reach(text)
    if 1 not in starts and 1 not in ends:
        return
    layout = _Layout(text, claims)
    for index, claim in enumerate(claims):
        start, end = claim.span
        if claim.kind not in ADDITIVE or not (starts[start] or ends[end]):
            continue  # no word a total needs is within reach of its figure: every test below fails
        opens = _TOTAL_OPENS.search(text, max(0, start - _OPENING), start)
        before = layout.run(index, -1) if _TOTAL_BEFORE.search(text, max(0, start - _BEHIND), start) else []
        if len(before) >= 2:
            yield Breakdown(claim, tuple(before), WHOLE)
            continue
        column = _column(text, claims, index)
        if column:
            yield Breakdown(claim, column, WHOLE)
            continue
        found = (_listed(layout, index, opens is not None) or
                 _selection(layout, index, opens is not None) or
                 (_respectively(layout, index) if opens else None))
        if found:
            parts, listing = found
            yield Breakdown(claim, parts, WHOLE if listing == SELECTION and partitioned(text, parts) else listing)


def _reach(text: str) -> tuple[bytearray, bytearray]:
    """Where a total may start (first) and end (second) in ``text`` for a test of ``breakdowns`` to
    pass, each needing a word within reach of its figure: before it a total's word (合计 within
    ``_BEHIND``; 共 within ``_OPENING``, which the colon and 分别 lists need) or a table row's |
    on its line; after it a bracket or a 中 within ``_NEAR``, or a 其中 where ``_PARTS_AFTER``
    reaches (``_AFTER`` characters, a 。 or ;, then the spaces before the 其中)."""
    size = len(text)
    starts = Reach(size).around(occurrences(text, _WORDS["total_before"]), 1, _BEHIND)
    starts.around(occurrences(text, _WORDS["total_opens"]), 1, _OPENING)
    bar = text.find("|")
    while bar >= 0:  # a row's cells: from its first | to the end of its line
        line_end = text.find("\n", bar)
        line_end = size if line_end < 0 else line_end
        starts.mark(bar + 1, line_end)
        bar = text.find("|", line_end)
    ends = Reach(size).around(occurrences(text, ("(", *_WORDS["among"])), -_NEAR, 0)
    for word in occurrences(text, _WORDS["parts_follow"]):
        ends.mark(word - _AFTER - 1 - spaces_before(text, word), word)
    return starts.marks, ends.marks


def _column(text: str, claims: list[Claim], index: int) -> tuple[Claim, ...] | None:
    """The cells above a Markdown table's 合计 row in the total's column, up to the header."""
    total = claims[index]
    row_start = text.rfind("\n", 0, total.span[0]) + 1
    if not _ROW_OPENS.match(text, row_start, total.span[0]):  # not a table row: no line to split
        return None
    cells = text[row_start:total.span[0]].split("|")
    if len(cells) < 3 or cells[0].strip() or not _TABLE_TOTAL.fullmatch(cells[1].strip()):
        return None
    column, parts = len(cells), []
    for claim in reversed(claims[:index]):
        start = text.rfind("\n", 0, claim.span[0]) + 1
        if start == row_start:
            continue
        row = text[start:claim.span[0]].split("|")
        between = text[start:row_start]
        if not between.startswith("|") or _RULE_ROW.search(between) or len(row) != column:
            break
        if not _alike(total, claim) or _SUBTOTAL.match(row[1].strip()):
            return None
        parts.append(claim)
        row_start = start
    return tuple(parts[::-1]) if len(parts) >= 2 else None


def _listed(layout: _Layout, index: int, opens: bool) -> tuple[tuple[Claim, ...], str] | None:
    """Parts right behind the total: in brackets, after a colon, or after `…中,`."""
    text, claims = layout.text, layout.claims
    total = claims[index]
    end = total.span[1]
    if bracket := _BRACKET_OPENS.match(text, end):
        closing = text.find(")", bracket.end(), total.sentence.end)
        if closing < 0:
            return None
        inside = [claim for claim in (claims[later] for later in layout.starting(bracket.end(), closing)
                                      if later > index)
                  if claim.span[1] <= closing and claim.kind != "date"]  # 2021年333个: the year labels a part
        if len(inside) < 2 or not all(_alike(total, c) for c in inside):
            return None
        if _within_years(total, inside):
            return tuple(inside), WHOLE
        if opens:
            whole = not _PARTS_FOLLOW.match(text, bracket.end()) and _counted_alike(total, inside)
            return tuple(inside), WHOLE if whole else SELECTION
        return None
    if opens and (colon := _COLON_OPENS.match(text, end)):
        parts = layout.run(index, 1)
        if len(parts) >= 2 and parts[0].span[0] >= colon.end():
            return tuple(parts), WHOLE if _counted_alike(total, parts) else SELECTION
    if _AMONG_OPENS.match(text, end):
        parts = layout.run(index, 1)
        if len(parts) >= 2:
            return tuple(parts), AMONG
    return None


@dataclass
class _Leftmost:
    """``pattern.search`` asked from positions that mostly increase: the last answer serves again
    for the same end while no match can start between (from the position asked last to the start
    of the match it found, or to the end when there was none; a match at a position does not depend
    on where the search began)."""

    pattern: re.Pattern[str]
    _last: tuple[int, int, re.Match[str] | None] | None = None

    def search(self, text: str, position: int, end: int = sys.maxsize) -> re.Match[str] | None:
        if self._last is not None:
            asked, until, found = self._last
            if until == end and asked <= position and (found is None or position <= found.start()):
                return found
        found = self.pattern.search(text, position, end)
        self._last = (position, end, found)
        return found


@dataclass
class _Counter:
    """How many ``mark`` characters a text holds from ``start`` to a position, counted on from the
    last position asked when it is further."""

    text: str
    mark: str
    start: int
    _counted: tuple[int, int] | None = None  # (position, count up to it)

    def up_to(self, position: int) -> int:
        if self._counted is not None and self._counted[0] <= position:
            count = self._counted[1] + self.text.count(self.mark, self._counted[0], position)
        else:
            count = self.text.count(self.mark, self.start, position)
        self._counted = (max(position, self.start), count)
        return count


@dataclass
class _Layout:
    """A document's text and claims (in reading order) with what ``breakdowns`` looks up in them
    over and over: the claims by where they start (sorted when first asked), the stretches of
    claims measured alike, and the last passage end and dimension phrase found."""

    text: str
    claims: list[Claim]
    passage_end: _Leftmost = field(default_factory=lambda: _Leftmost(_PASSAGE_END))
    dimension: _Leftmost = field(default_factory=lambda: _Leftmost(_DIMENSION))
    _ends: dict[int, dict[int, int]] = field(default_factory=lambda: {-1: {}, 1: {}})  # step → index → run's end

    def run(self, index: int, step: int) -> list[Claim]:
        """The claims measured like ``claims[index]`` right before (step -1) or after (step 1) it,
        in the same sentence, with no other kind of figure between. Claims together with their
        neighbours are so with all of the stretch: each is walked over once per direction."""
        claims, ends = self.claims, self._ends[step]
        if index not in ends:
            walked, position = [index], index
            while 0 <= position + step < len(claims) and _together(claims[index], claims[position + step]):
                position += step
                if position in ends:
                    position = ends[position]
                    break
                walked.append(position)
            ends.update(dict.fromkeys(walked, position))
        end = ends[index]
        return claims[index + 1:end + 1] if step > 0 else claims[end:index]

    @cached_property
    def _by_start(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self.claims)), key=lambda index: self.claims[index].span[0])
        return order, [self.claims[index].span[0] for index in order]

    def starting(self, low: int, high: int) -> list[int]:
        """The indexes, in reading order, of the claims that start from ``low`` to ``high``."""
        order, starts = self._by_start
        return sorted(order[bisect_left(starts, low):bisect_right(starts, high)])


def _earlier_in_sentence(claims: list[Claim], index: int) -> Iterator[Claim]:
    """The claims before ``claims[index]`` in its sentence, nearest first (claims in reading order
    hold each sentence's together)."""
    sentence = claims[index].sentence
    for earlier in range(index - 1, -1, -1):
        if claims[earlier].sentence != sentence:
            return
        yield claims[earlier]


def _later_before(claims: list[Claim], index: int, end: int) -> Iterator[Claim]:
    """The claims after ``claims[index]`` that start before ``end`` (claims in reading order)."""
    for later in range(index + 1, len(claims)):
        if claims[later].span[0] >= end:
            return
        yield claims[later]


def _selection(layout: _Layout, index: int, opens: bool) -> tuple[tuple[Claim, ...], str] | None:
    """Parts after the 其中 that follows the total, in its sentence or opening the next one, with
    no figure measured alike between (`总产值1046.3亿元,增长4.5%。其中,…`); without 共/累计 the
    total must be the first such figure of its sentence. Parts count what the total counts (not
    the stock 年末在册…总数 among new ones). The list ends at a ;, unless each ;-segment holds one
    part and together they are the members of a partition (`其中,第一产业增加值79.9亿元,增长4.2%;
    第二产业…;第三产业…`): items after a ; may be of another whole (粮食作物…其中,稻谷…;玉米…;
    油料…). It also ends at a 。, at a nested 其中 and where another way of dividing begins
    (按经营地分, 分城乡看)."""
    text, claims = layout.text, layout.claims
    total = claims[index]
    following = _PARTS_AFTER.match(text, total.span[1])
    if following is None:
        return None
    before = any(_alike(total, c) for c in _earlier_in_sentence(claims, index))
    between = any(_alike(total, c) for c in _later_before(claims, index, following.end()))
    if between or (before and not opens):
        return None
    stop = layout.passage_end.search(text, following.end())
    stop_at = stop.start() if stop else len(text)
    if (dimension := layout.dimension.search(text, following.end(), stop_at)) is not None:
        stop_at = dimension.start()
    nested = _nested(text, following.end(), stop_at)
    segments: dict[int, list[Claim]] = {}
    semicolons = _Counter(text, ";", following.end())
    for claim in (claims[later] for later in range(index + 1, len(claims))):
        if claim.span[0] >= stop_at or claim.span[0] >= nested:
            break  # the passage ends, or a nested 其中 lists the parts of a part
        if _alike(total, claim) and claim.aggregate not in _SKIPPED and _counted_alike(total, [claim]):
            segments.setdefault(semicolons.up_to(claim.span[0]), []).append(claim)
    parts: list[Claim] = []
    for number in range(len(segments)):
        found = segments.get(number, [])
        if number and (len(found) != 1 or len(segments[0]) != 1):
            break
        parts += found
    first = segments.get(0, [])
    if len(parts) > len(first) and not partitioned(text, parts):
        parts = first  # past a ; only the members of a partition (第一产业…;第二产业…)
    return (tuple(parts), SELECTION) if len(parts) >= 2 else None


def _nested(text: str, start: int, stop: int) -> int:
    """Where the first [parts_follow] word from ``start`` ends (``stop`` when none ends before it):
    ``_PARTS_FOLLOW`` finds a nested 其中 from ``start`` to a position before ``stop`` exactly when
    the position is there or further."""
    return min((at + len(word) for word in _WORDS["parts_follow"] if (at := text.find(word, start, stop)) >= 0),
               default=stop)


def _respectively(layout: _Layout, index: int) -> tuple[tuple[Claim, ...], str] | None:
    """Parts in a 分别 list right after the total's clause (共120个,城区、农村分别为65个、50个): the
    items named may be only some of the kinds counted."""
    listed = _RESPECTIVE.match(layout.text, layout.claims[index].span[1])
    parts = layout.run(index, 1) if listed else []
    return (tuple(parts), SELECTION) if len(parts) >= 2 and parts[0].span[0] >= listed.end() else None


def _alike(total: Claim, part: Claim) -> bool:
    return part.kind == total.kind and part.unit == total.unit and part.measure == total.measure


def _counted_alike(total: Claim, parts: list[Claim]) -> bool:
    """Whether the parts count what the total counts over its period: not the new ones of some
    years of a running total (累计建成120个(2023年新建40个、2024年新建50个))."""
    running = {"level", "cumulative"}
    return all((p.aggregate == total.aggregate or {p.aggregate, total.aggregate} <= running)
               and (p.period is None or (total.period is not None and periods.compare(p.period, total.period)
                                          != "different")) for p in parts)


def _within_years(total: Claim, parts: list[Claim]) -> bool:
    """Whether every part is of one year inside the total's span of years (2021~2024年)."""
    span = total.period
    if span is None or span.kind != "span" or not span.start or not span.end:
        return False
    return all(p.period is not None and p.period.kind == "year" and p.period.start
               and span.start[:4] <= p.period.start[:4] <= span.end[:4] for p in parts)


def _together(total: Claim, claim: Claim) -> bool:
    """Whether ``claim`` is measured like ``total``, in its sentence."""
    return _alike(total, claim) and claim.sentence == total.sentence


def partitioned(text: str, parts: tuple[Claim, ...] | list[Claim]) -> bool:
    """Whether the parts are named by every member of one complete partition, each once (城镇 and
    乡村, 男性 and 女性: ``data/partitions.txt``), by their subjects or the words before them."""
    names = [part.subject or label(text, part) or '' for part in parts]
    for members in partitions():
        hits = [{index for index, member in enumerate(members) if any(n in name for n in member)} for name in names]
        if all(len(hit) == 1 for hit in hits) and sorted(next(iter(hit)) for hit in hits) == list(range(len(members))):
            return True
    return False


def label(text: str, part: Claim) -> str | None:
    """The words naming a listed part, right before its figure (新城区 in `、新城区10个、`, 线上 in
    `,其中线上1200人次`)."""
    found = _LABEL.search(text, max(0, part.span[0] - 8), part.span[0])
    words = _LEADING_SELECTION.sub("", found.group()) if found else ""
    return words or None


def named(text: str, part: Claim) -> str:
    """A part as a message shows it: its label and figure (新城区10个)."""
    return f"{label(text, part) or ''}{' '.join(part.text.split())}"
