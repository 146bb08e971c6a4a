"""The guard for claim-dense text: a long run of figures packed together (a table or list dump,
``今年3个3个…``) is read with shared context. The first figure of each kind in a run is read in
full (subject, place, time, period, framing); the run's other figures of that kind take its
reading with their own value, text and place in the document, instead of rescanning the same
context once per figure; and once a run is dense, a match is parsed once per text around it
(``DenseParses``). Every figure is still a claim, and IO03 dense-figures says where the runs are.
The thresholds are ``claims/data/dense_figures.toml``; no real text comes near them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import cache

from claims.claim import Claim, Figure, Segment
from vocab.files import error, toml_data
from vocab.records import rebuilt, values_of

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


@dataclass
class SharedReadings:
    """The readings of the dense runs of one document's figures, by run and kind of figure; asked
    about the figures in increasing index."""

    runs: list[Run]
    _run: int = 0  # the first run not ending before the figure asked last
    _readings: dict[tuple[object, ...], Claim] = field(default_factory=dict)
    _made: dict[tuple[int, int], list[object]] = field(default_factory=dict)  # (earlier, figure) → field values
    _segments: dict[str, Segment] = field(default_factory=dict)  # the last sentence and clause asked for

    def _within(self, index: int) -> bool:
        """Whether figure ``index`` is in a dense run (the one at ``_run``)."""
        while self._run < len(self.runs) and self.runs[self._run].last < index:
            self._run, self._readings, self._made = self._run + 1, {}, {}
        return self._run < len(self.runs) and self.runs[self._run].first <= index

    def earlier(self, index: int, figure: Figure) -> Claim | None:
        """The claim read in full for a figure of the same kind as figure ``index`` in its dense
        run (None: outside a run, or the first of its kind there)."""
        return self._readings.get(_kind(figure)) if self._within(index) else None

    def keep(self, index: int, figure: Figure, claim: Claim) -> None:
        """Remember ``claim``, read in full for figure ``index``, for its run's others of its kind."""
        if self._within(index):
            self._readings.setdefault(_kind(figure), claim)

    def segment(self, which: str, position: int, find: Callable[[int], Segment]) -> Segment:
        """``find(position)``, the ``which`` segment (sentence, clause) holding ``position``: the one
        found last when it holds it (a run's figures share their sentence)."""
        last = self._segments.get(which)
        if last is None or not last.start <= position <= last.end:
            last = self._segments[which] = find(position)
        return last

    def shared(self, earlier: Claim, figure: Figure, place: tuple[object, ...]) -> Claim:
        """A claim of ``figure`` with the reading of ``earlier`` (subject, place, time, period,
        framing, and the kind and unit its subject gave it) and its own ``place`` in the document
        (``id``, ``start``, ``end``, ``text``, ``span``, ``sentence``, ``clause``).

        Made from ``earlier``'s field values with ``figure``'s (once per pair: a run parses its
        repeated figures once, ``DenseParses``) and set without ``__init__`` (a claim has no
        ``__post_init__``): the frozen ``__init__`` sets its fields one by one, several times the
        cost of the copy."""
        key = (id(earlier), id(figure))  # both are kept by the extraction while the run lasts
        values = self._made.get(key)
        if values is None:
            values = list(values_of(earlier).values())
            mine = list(values_of(figure).values())
            for position in _OWN:
                values[position] = mine[position]
            self._made[key] = values
        values = values.copy()
        for position, value in zip(_PLACE, place, strict=True):
            values[position] = value
        return rebuilt(Claim, values)


@dataclass
class DenseParses:
    """The parses of the figures of a run that is already dense (its last ``min_figures`` figures
    each within ``max_gap`` of the last): a match is parsed once per text around it (``_BEFORE``
    characters before, ``_AFTER`` after), so that ``3个3个…`` is parsed once, not 20,000 times."""

    bounds: Limits = field(default_factory=limits)
    _end: int = -1
    _length: int = 0
    _parses: dict[tuple[object, ...], Figure | None] = field(default_factory=dict)

    def found(self, start: int, end: int) -> None:
        """Count a figure found at ``start``-``end`` (in reading order)."""
        close = self._length and start - self._end <= self.bounds.max_gap
        self._length = self._length + 1 if close else 1
        self._end = end
        if not close:
            self._parses = {}

    def parse(self, match: re.Match[str], text: str,
              read: Callable[[re.Match[str], str], Figure | None]) -> Figure | None:
        """``read(match, text)``, or the figure it gave a match in the same surroundings in this run."""
        start, end = match.span()
        if self._length < self.bounds.min_figures or start - self._end > self.bounds.max_gap:
            return read(match, text)
        before = max(0, start - _BEFORE)
        key = (match.lastgroup, start - before, end - start, text[before:end + _AFTER])
        if key not in self._parses:
            self._parses[key] = read(match, text)
        return self._parses[key]
