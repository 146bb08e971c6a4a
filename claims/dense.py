"""The guard for claim-dense text: a long run of figures packed together (a table or list dump,
``今年3个3个…``) is read with shared context. The first figure of each kind in a run is read in
full (subject, place, time, period, framing); the run's other figures of that kind take its
reading with their own value, text and place in the document, instead of rescanning the same
context once per figure; and once a run is dense, a match is parsed once per text around it
(``DenseParses``). Every figure is still a claim, and IO03 dense-figures says where the runs are.
The thresholds are ``claims/data/dense_figures.toml``; no real text comes near them.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cache
from typing import TYPE_CHECKING

from claims.claim import Claim, Figure, Segment
from vocab.files import error, toml_data
from vocab.records import rows, values_of

if TYPE_CHECKING:
    from claims.context import DocumentContext
    from sources.document import Document

_NAME = "dense_figures.toml"
_BEFORE, _AFTER = 48, 16  # the surroundings a figure's parse reads (claims.figures: a rank's total, 48 back)


@dataclass(frozen=True)
class Limits:
    """A dense run: at least ``min_figures`` figures, each at most ``max_gap`` characters after the last."""

    min_figures: int
    max_gap: int


@dataclass(frozen=True)
class Run:
    """A dense run of figures: the indexes of its first and last figure and its span (normalized view)."""

    first: int
    last: int
    start: int
    end: int

    @property
    def figures(self) -> int:
        return self.last - self.first + 1


@cache
def limits() -> Limits:
    data = toml_data("claims", _NAME)
    values = {key: data.get(key) for key in ("min_figures", "max_gap")}
    for key, value in values.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise error("claims", _NAME, None, f"{key} must be a non-negative integer, not {value!r}")
    return Limits(**values)


def dense_runs(spans: Sequence[tuple[int, int]], bounds: Limits | None = None) -> list[Run]:
    """The dense runs among ``spans`` (figures in reading order), in one pass."""
    bounds = bounds or limits()
    runs: list[Run] = []
    first = 0
    for index in range(1, len(spans) + 1):
        if index < len(spans) and spans[index][0] - spans[index - 1][1] <= bounds.max_gap:
            continue
        if index - first >= bounds.min_figures:
            runs.append(Run(first, index - 1, spans[first][0], spans[index - 1][1]))
        first = index
    return runs


def _kind(figure: Figure) -> tuple[object, ...]:
    """What a figure shares its reading with: same kind, unit, measure word and qualifier (a date:
    the same date)."""
    return (figure.kind, figure.unit, figure.measure, figure.qualifier, figure.value if figure.kind == "date" else None)


_FIELDS = tuple(f.name for f in fields(Claim))
_PLACE = tuple(_FIELDS.index(name) for name in ("id", "start", "end", "text", "span", "sentence", "clause"))
_OWN = tuple(_FIELDS.index(f.name) for f in fields(Figure) if f.name not in ("kind", "unit"))
_KIND, _SUBJECT = _FIELDS.index("kind"), _FIELDS.index("subject")


@dataclass
class SharedReadings:
    """The readings of the dense runs among one document's figures (``spans``: each figure's claim
    span in the normalized view, in reading order), by run and kind of figure; asked about the
    figures in increasing index."""

    spans: list[tuple[int, int]]
    runs: list[Run] = field(init=False)
    _run: int = 0  # the first run not ending before the figure asked last
    _readings: dict[tuple[object, ...], Claim] = field(default_factory=dict)
    _rows: dict[int, list[object]] = field(default_factory=dict)  # id of a figure of the run → its claim's values
    _segments: dict[str, Segment] = field(default_factory=dict)  # the last sentence and clause found
    _queued: list[int] = field(default_factory=list)  # the indexes of the figures queued for ``claims``
    _values: list[list[object]] = field(default_factory=list)  # and their claims' values

    def __post_init__(self) -> None:
        self.runs = dense_runs(self.spans)

    def _within(self, index: int) -> bool:
        """Whether figure ``index`` is in a dense run (the one at ``_run``)."""
        while self._run < len(self.runs) and self.runs[self._run].last < index:
            self._run, self._readings, self._rows = self._run + 1, {}, {}
        return self._run < len(self.runs) and self.runs[self._run].first <= index

    def keep(self, index: int, figure: Figure, claim: Claim) -> None:
        """Remember ``claim``, read in full for figure ``index``, for its run's others of its kind."""
        if self._within(index):
            self._readings.setdefault(_kind(figure), claim)

    def share(self, index: int, figures: Sequence[Figure], subject: str | None) -> tuple[int, str | None]:
        """Queue the claims of ``figures[index]`` and those after it in its dense run, as far as each
        takes the reading of the figure read in full for its kind there (subject, place, time,
        period, framing, and the kind and unit its subject gave it); ``claims`` makes them. How many
        were queued (0: outside a run, or the first of its kind there), and the subject they leave
        for the figure after them (the last non-date's; ``subject`` when they are dates).

        A claim's field values are its earlier's with its figure's, once per figure object (a run
        parses its repeated figures once, ``DenseParses``)."""
        if not self._within(index):
            return 0, subject
        rows, values = self._rows, self._values
        for position in range(index, self.runs[self._run].last + 1):
            figure = figures[position]
            row = rows.get(id(figure))  # the figures are kept by the extraction while the run lasts
            if row is None:
                row = self._row(figure)
                if row is None:
                    break
            values.append(row)
        else:
            position += 1
        self._queued.extend(range(index, position))
        for row in reversed(values[len(values) - (position - index):]):
            if row[_KIND] != "date":
                return position - index, row[_SUBJECT]
        return position - index, subject

    def _row(self, figure: Figure) -> list[object] | None:
        """The values of the claim of ``figure`` (of the run at ``_run``) with its kind's reading
        there; None when it is the first of its kind."""
        earlier = self._readings.get(_kind(figure))
        if earlier is None:
            return None
        row = list(values_of(earlier).values())
        mine = list(values_of(figure).values())
        for position in _OWN:
            row[position] = mine[position]
        self._rows[id(figure)] = row
        return row

    def claims(self, doc: Document, context: DocumentContext) -> list[Claim]:
        """The claims queued since last asked, in order, each with its own place in ``doc``: ``id``,
        ``start``, ``end``, ``text``, ``span``, ``sentence``, ``clause``.

        Made all at once, column by column and without ``__init__`` (a claim has no
        ``__post_init__``; the frozen ``__init__`` sets its fields one by one, several times the
        cost), their offsets mapped at once."""
        if not self._queued:
            return []
        with _uncollected():
            return self._made(doc, context)

    def _made(self, doc: Document, context: DocumentContext) -> list[Claim]:
        columns = list(zip(*self._values, strict=True))
        spans = list(map(self.spans.__getitem__, self._queued))
        starts, ends = zip(*spans, strict=True)
        first, last = doc.offsets.spans(starts, ends)
        place = (list(map(f"{doc.id}:".__add__, map(str, map((1).__add__, self._queued)))), first, last,
                 list(map(doc.original.__getitem__, map(slice, first, last))), spans,
                 self._segment("sentence", starts, context.sentence), self._segment("clause", starts, context.clause))
        for position, column in zip(_PLACE, place, strict=True):
            columns[position] = column
        self._queued, self._values = [], []
        return rows(Claim, _FIELDS, columns)

    def _segment(self, which: str, positions: Sequence[int], find: Callable[[int], Segment]) -> list[Segment]:
        """``find(position)`` for each of ``positions`` (increasing), the ``which`` segment (sentence,
        clause) holding it: the one found last while it holds them (a run's figures share their
        sentence)."""
        last = self._segments.get(which)
        found = []
        for position in positions:
            if last is None or not last.start <= position <= last.end:
                last = find(position)
            found.append(last)
        self._segments[which] = last
        return found


@contextmanager
def _uncollected() -> Iterator[None]:
    """No automatic collection inside the block. The claims of a run hold no reference cycles, but
    their 20,000 allocations would start some 30 collections, each walking the young columns of
    field values again (0.06 CPU s at 20,000 figures); after it, one collection walks them once."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass
class DenseParses:
    """The parses of the figures of a run that is already dense (its last ``min_figures`` figures
    each within ``max_gap`` of the last): a match is parsed once per text around it (``_BEFORE``
    characters before, ``_AFTER`` after), so that ``3个3个…`` is parsed once, not 20,000 times."""

    bounds: Limits = field(default_factory=limits)
    _end: int = -1
    _length: int = 0
    _parses: dict[tuple[object, ...], Figure | None] = field(default_factory=dict)

    def parse(self, match: re.Match[str], text: str,
              read: Callable[[re.Match[str], str], Figure | None]) -> Figure | None:
        """``read(match, text)``, or the figure it gave a match in the same surroundings in this run;
        a figure found is counted in the run (the matches come in reading order)."""
        start, end = match.span()
        close = self._length and start - self._end <= self.bounds.max_gap
        if close and self._length >= self.bounds.min_figures:
            before = start - _BEFORE if start > _BEFORE else 0
            key = (match.lastgroup, start - before, end - start, text[before:end + _AFTER])
            figure = self._parses.get(key, match)  # (the match: not parsed yet)
            if figure is match:
                figure = self._parses[key] = read(match, text)
        else:
            figure = read(match, text)
        if figure is not None:
            self._length = self._length + 1 if close else 1
            self._end = end
            if not close:
                self._parses = {}
        return figure
