"""The document record every later stage works from."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sources.decode import Damage
from sources.gazetteer import PlaceMention
from sources.offsets import OffsetMap, Runs


@dataclass(frozen=True)
class Metadata:
    """What the document says about itself: title, date line, outlet, main place, main year, and
    the spans of ``text`` that are about the document rather than its subject (``lines``: the
    date, source and byline lines and the dateline, whose figures are no report figures)."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    place: str | None = None
    year: int | None = None
    lines: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Document:
    """One input file, decoded, with a normalized view for matching.

    ``original`` is the decoded file exactly as it was (HTML markup included); ``text`` is the
    normalized view (article text only, Simplified script, half-width digits and punctuation,
    pronunciation glosses removed); ``offsets`` maps every character of ``text`` back to
    ``original`` (as ``Runs``: a few numbers for a text copied from its file). ``skip`` lists
    spans of ``text`` (page furniture, contact lines) where no claim is looked for; ``places``
    are the place names mentioned in ``text``. A file that could not be read has ``status ==
    "error"``, an ``error`` message, and empty texts. For a Word or PDF file ``original`` is the
    text extracted from it (``sources.office``) and ``layout`` says which paragraph and run, or
    page and line, each span of it came from. ``damage`` lists the places where the bytes did not
    decode as the file meant (``sources.decode.Damage``).
    """

    id: str
    path: str
    status: str
    error: str | None = None
    encoding: str | None = None
    format: str | None = None
    original: str = ""
    text: str = ""
    offsets: OffsetMap | Runs = field(default_factory=lambda: OffsetMap.identity(0))
    skip: tuple[tuple[int, int], ...] = ()
    places: tuple[PlaceMention, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    layout: tuple = ()  # Word and PDF: ``sources.office.Block`` records, where each span of ``original`` came from
    damage: tuple[Damage, ...] = ()  # spans of ``original`` the decoder could not read as the file meant
    file: str | None = None  # the file's own name when ``path`` shows bytes that are not UTF-8 as escapes

    @property
    def location(self) -> Path:
        """Where the file is on disk (``path`` is how it is shown)."""
        return Path(self.file or self.path)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span of the normalized-view span ``start..end``."""
        return self.offsets.span(start, end)
