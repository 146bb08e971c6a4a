"""Where and when a figure is about: the place and the time it refers to.

A figure takes the nearest place named before it in its sentence, unless that place is only a
partner (与北京27家医院合作 is still about the document's city); 全市/全区/全国 resolve against
the document's own place. Its time is the nearest date before it in the sentence, 今年/去年
relative to the document's year, else the document's year.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from claims import sentences
from claims.claim import Segment
from claims.vocab import context_words, relative_years
from sources.document import Document
from sources.gazetteer import Gazetteer, Place, PlaceMention, load_gazetteer
from sources.metadata import metadata_words
from sources.spans import merge, overlaps
from vocab.files import alternation

CLAUSE_WINDOW = 64
_LINE_END = re.compile("\n")
# Quoted names (“三千孤儿入内蒙”主题展馆, 《包头市…方案》): a place inside one is part of the name.
_QUOTED = re.compile(r"“[^“”\n]{0,40}”|「[^「」\n]{0,40}」|《[^《》\n]{0,60}》")


@cache
def _scope() -> re.Pattern[str]:
    """Scope words: 全市, 我区 (group 1: the level), and the country, which names a scope only before
    a figure or after 在 (全国模范集体 is a kind of award)."""
    words = metadata_words()
    firsts = re.escape("".join(sorted({word[0] for word in (*words["self_prefixes"], *words["country"])})))
    country = alternation(words["country"])
    return re.compile(rf"(?=[{firsts}])(?:(?:{alternation(words['self_prefixes'])})({alternation(words['levels'])})"
                      rf"|(?:(?<=在)(?:{country})|(?:{country})(?=[\d一二两三四五六七八九十])))")


@cache
def _partner() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(context_words()['partners'])}){sentences.WITHIN_CLAUSE}*$")


@cache
def _relative() -> re.Pattern[str]:
    return re.compile(alternation(relative_years()))


@dataclass(frozen=True)
class DocumentContext:
    """Per-document lookups, built once: sentences, clauses, place mentions outside quoted names,
    scope words (全市, 全区)."""

    text: str
    sentence_starts: list[int]
    clause_starts: list[int]
    mentions: list[PlaceMention]
    mention_starts: list[int]
    scopes: list[tuple[int, str | None, str | None]]  # position, level (市, 区; None: 全国), place
    place: Place | None
    year: int | None
    gazetteer: Gazetteer
    relatives: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, word): 去年, 今年 …
    relative_ends: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=lambda: [0])
    _sentences: dict[int, Segment] = field(default_factory=dict, repr=False, compare=False)  # by index
    _clauses: dict[int, Segment] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, doc: Document) -> DocumentContext:
        gazetteer = load_gazetteer()
        starts = sentences.starts(doc.text, sentences.SENTENCE_END, sentences.MAX_SENTENCE)
        clauses = sentences.starts(doc.text, sentences.CLAUSE_END, sentences.MAX_CLAUSE)
        quoted = merge(m.span() for m in _QUOTED.finditer(doc.text))
        mentions = [m for m in doc.places if not overlaps(quoted, m.start, m.end)]
        found = gazetteer.lookup(doc.meta.place) if doc.meta.place else ()
        place = found[0] if found else None
        scopes = [(m.start(), m.group(1), _scope_place(place, m.group(0), m.group(1)))
                  for m in _scope().finditer(doc.text)]
        relatives = [(m.start(), m.end(), m.group()) for m in _relative().finditer(doc.text)]
        return cls(doc.text, starts, clauses, mentions, [m.start for m in mentions], scopes, place, doc.meta.year,
                   gazetteer, relatives, [end for _, end, _ in relatives], sentences.starts(doc.text, _LINE_END))

    def sentence_start(self, position: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, position) - 1]

    def sentence(self, position: int) -> Segment:
        """The sentence holding ``position`` (one record for all its figures)."""
        return self._segment(self.sentence_starts, self._sentences, position)

    def clause(self, position: int) -> Segment:
        """The whole clause holding ``position`` (no window; one record for all its figures)."""
        return self._segment(self.clause_starts, self._clauses, position)

    def _segment(self, starts: list[int], made: dict[int, Segment], position: int) -> Segment:
        index = bisect.bisect_right(starts, position) - 1
        found = made.get(index)
        if found is None:
            found = made[index] = Segment(*sentences.segment(self.text, starts, position))
        return found

    def line_start(self, position: int) -> int:
        """Start of the line holding ``position``."""
        return self.line_starts[bisect.bisect_right(self.line_starts, position) - 1]

    def clause_start(self, position: int) -> int:
        """Start of the clause holding ``position``, at most ``CLAUSE_WINDOW`` characters back."""
        start = self.clause_starts[bisect.bisect_right(self.clause_starts, position) - 1]
        return max(start, position - CLAUSE_WINDOW)

    def skip_place(self, position: int, end: int) -> int:
        """``position`` moved past place names starting there (乌海市投入… → 投入…), up to ``end``."""
        index = bisect.bisect_left(self.mention_starts, position)
        while index < len(self.mentions) and self.mentions[index].start == position and self.mentions[index].end <= end:
            position = self.mentions[index].end
            index += 1
        return position

    def resolve(self, mention: PlaceMention) -> str:
        """The official name of a mention, resolved against the document's place."""
        return _resolve(mention, self.place)


@lru_cache(maxsize=4096)
def _resolve(mention: PlaceMention, place: Place | None) -> str:
    return load_gazetteer().resolve(mention, place).name


def place_of(context: DocumentContext, start: int, sentence: int) -> str | None:
    """The place a figure at ``start`` (normalized view, in the sentence starting at ``sentence``) is about.

    The nearest place named before it wins; a nearer scope word (全市, 全区) means the place named
    earlier in the sentence when that is of its kind (乌海市…全市83个社区), else the document's.
    """
    scope_index = bisect.bisect_left(context.scopes, (start,)) - 1
    scope = context.scopes[scope_index] if scope_index >= 0 and context.scopes[scope_index][0] >= sentence else None
    mention = _topic(context, start, sentence)
    if scope and (mention is None or scope[0] > mention[0]):
        suffix = scope[1]
        if mention and suffix and mention[1].endswith(suffix):
            return mention[1]
        return scope[2]
    if mention:
        return mention[1]
    return context.place.name if context.place else None


def _topic(context: DocumentContext, start: int, sentence: int) -> tuple[int, str] | None:
    """(position, official name) of the nearest non-partner place named before ``start`` in its sentence."""
    index = bisect.bisect_left(context.mention_starts, start) - 1
    while index >= 0 and context.mentions[index].start >= sentence:
        mention = context.mentions[index]
        if mention.end <= start and not _partner().search(context.text, sentence, mention.start):
            return mention.start, context.resolve(mention)
        index -= 1
    return None


@lru_cache(maxsize=1024)  # a document names the same few scopes again and again
def _scope_place(place: Place | None, scope: str, level: str | None) -> str | None:
    """全市 → the document's city, 全区 → its district or autonomous region, 全国 → the country
    (``scope`` is the words, ``level`` their level: 市, 区; None for the country)."""
    if level is None:
        return scope  # the country
    if place is None:
        return None
    province = level in metadata_words()["province"]
    for candidate in [place, *load_gazetteer().ancestors(place)]:
        if (province and candidate.level == 1) or candidate.name.endswith(level):
            return candidate.name
    return place.name


def time_of(context: DocumentContext, start: int, sentence: int, dates: list[tuple[int, str]]) -> str | None:
    """The time a figure at ``start`` refers to; ``dates`` are (position, time) of the date claims."""
    index = bisect.bisect_left(dates, (start, "")) - 1
    if index >= 0 and dates[index][0] >= sentence:
        return dates[index][1]
    last = bisect.bisect_right(context.relative_ends, start) - 1  # found once per document, not per figure
    if last >= 0 and context.relatives[last][0] >= sentence and context.year:
        return str(context.year + relative_years()[context.relatives[last][2]])
    return str(context.year) if context.year else None
