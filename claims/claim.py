"""The claim record: one figure of a document, normalized and located."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from vocab.records import compact

if TYPE_CHECKING:
    from claims.periods import Period


@compact
@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence or clause of a document's normalized view: its position among the document's
    sentences (or clauses) and its span, end mark excluded."""

    index: int
    start: int
    end: int


@compact
@dataclass(frozen=True, slots=True)
class Figure:
    """The measured part of a claim: kind, value and interval, unit, hedging, precision.

    For quantities ``value``/``low``/``high`` are exact decimals in ``unit`` with 万/亿 folded in
    (662万吨 → 6620000 tonne); ``low``/``high`` bound the interval the wording allows (``None``:
    unbounded) and ``precision`` is the place value of the last stated digit. For dates they are
    ISO strings (``"2024-10-31"``, ``"2024-10"``, ``"2024"``) and ``precision`` is ``"day"``,
    ``"month"`` or ``"year"``. ``total`` is what a rank ranks among.
    """

    kind: str
    value: Decimal | str | None
    low: Decimal | str | None
    high: Decimal | str | None
    unit: str | None = None
    measure: str | None = None
    qualifier: str | None = None
    precision: Decimal | str | None = None
    total: Decimal | None = None


@compact
@dataclass(frozen=True, kw_only=True, slots=True)
class Claim(Figure):
    """A numeric claim: a figure, where it stands in its document, and what it is about.

    ``start``/``end`` are code-point offsets into the document's original text and ``text`` is
    exactly ``original[start:end]``; ``span`` is the claim's place in the normalized view, and
    ``sentence`` and ``clause`` the segments of the normalized view holding it
    (``claims.sentences`` says what ends each), for later stages that read context.

    What makes two figures comparable: ``period``, the time the figure covers (None: not stated),
    ``aggregate`` (level, cumulative, new, daily, average, peak, change), ``scope``, the words
    narrowing what is counted (民营, 规模以上, 其中), and ``status`` (actual, plan, in_progress).
    """

    id: str
    doc: str
    start: int
    end: int
    text: str
    subject: str | None = None
    place: str | None = None
    time: str | None = None
    span: tuple[int, int] = (0, 0)
    sentence: Segment = Segment(0, 0, 0)
    clause: Segment = Segment(0, 0, 0)
    period: Period | None = None
    aggregate: str = "level"
    scope: tuple[str, ...] = ()
    status: str = "actual"
