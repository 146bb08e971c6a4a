"""Whether a document is a publication: paragraphs of sentences (a release, a report, a bulletin,
an article) and not a chat log, code, a data dump, a log or notes in bullet fragments.

The line shapes and thresholds are in ``checks/data/publication.toml`` (its header explains
them). Only a document that is clearly not a publication says so: a short or mixed one is one.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from sources.document import Document
from vocab.files import toml_data

if TYPE_CHECKING:
    from checks.corpus import Corpus

_LEFT_ALONE = "usage: not publications"  # the corpus note of the documents left alone as no publication
SHAPED = ("stamped", "code", "data", "fragment", "chat")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE = re.compile(r"(?:^|(?<=[。!?]))[^。!?]*[。!?]")  # starts only after an end: linear on a line without one
_NUMBER = re.compile(r"[-+]?[\d.,%‰]+")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")  # string literals of code may hold Chinese
_SIGNS = re.compile(r"[\d\s.,:;%‰+\-*/=()\[\]<>|_#]+")


@dataclass(frozen=True)
class Signal:
    """The shapes of a document's lines, and the share of its characters in prose lines."""

    lines: int  # non-blank lines
    shapes: tuple[tuple[str, int], ...]  # shape → lines, most common first
    prose_share: float  # characters of prose lines / characters of all non-blank lines

    @property
    def shaped(self) -> int:
        return sum(count for shape, count in self.shapes if shape in SHAPED)


@dataclass(frozen=True)
class _Settings:
    min_lines: int
    shaped_share: float
    prose_share: float
    prose_lines: int
    sentence_hanzi: int
    stamped: tuple[re.Pattern[str], ...]
    code: tuple[re.Pattern[str], ...]
    separators: tuple[str, ...]
    min_fields: int
    bullets: tuple[re.Pattern[str], ...]
    speaker: re.Pattern[str]
    max_message: int


@cache
def _settings() -> _Settings:
    data: dict[str, Any] = toml_data("checks", "publication.toml")
    limits = data["thresholds"]

    def compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(map(re.compile, patterns))

    return _Settings(limits["min_lines"], limits["shaped_share"], limits["prose_share"], limits["prose_lines"],
                     limits["sentence_hanzi"],
                     compiled(data["stamped"]["patterns"]), compiled(data["code"]["patterns"]),
                     tuple(data["data"]["separators"]), data["data"]["min_fields"],
                     compiled(data["fragment"]["bullets"]), re.compile(data["chat"]["speaker"]),
                     data["chat"]["max_message"])


def line_shape(line: str) -> str:
    """The shape of one non-blank line: stamped, code, data, fragment, chat, prose or other."""
    settings = _settings()
    if any(pattern.search(line) for pattern in settings.stamped):
        return "stamped"
    if not _HANZI.search(_QUOTED.sub("", line).split("#", 1)[0]) and any(p.search(line) for p in settings.code):
        return "code"
    if _is_data(line, settings):
        return "data"
    ends = _SENTENCE.findall(line)
    if not ends and any(pattern.search(line) for pattern in settings.bullets):
        return "fragment"
    speaker = settings.speaker.match(line)
    if speaker and len(line) - speaker.end() + 1 <= settings.max_message:
        return "chat"
    if any(len(_HANZI.findall(sentence)) >= settings.sentence_hanzi for sentence in ends):
        return "prose"
    return "other"


def _is_data(line: str, settings: _Settings) -> bool:
    if not _HANZI.search(line):
        return bool(_SIGNS.fullmatch(line)) and any(ch.isdigit() for ch in line)
    for separator in settings.separators:
        if line.count(separator) + 1 < settings.min_fields:
            continue
        fields = [field.strip() for field in line.split(separator)]
        numbers = sum(1 for field in fields if _NUMBER.fullmatch(field))
        if len(fields) >= settings.min_fields and 2 * numbers >= len(fields):
            return True
    return False


def signal(doc: Document) -> Signal:
    """The line shapes of ``doc``'s normalized text (page furniture included: it is short)."""
    return _signal(list(_shaped_lines(doc)))


def _shaped_lines(doc: Document) -> Iterator[tuple[str, str]]:
    """Each non-blank line of ``doc``'s normalized text, stripped, and its shape (worked out once
    per distinct line: a dump repeats its lines)."""
    shapes: dict[str, str] = {}
    for raw in doc.text.splitlines():
        if line := raw.strip():
            shape = shapes.get(line)
            if shape is None:
                shape = shapes[line] = line_shape(line)
            yield line, shape


def _signal(lines: list[tuple[str, str]]) -> Signal:
    shapes = Counter(shape for _, shape in lines)
    characters = sum(len(line) for line, _ in lines)
    prose = sum(len(line) for line, shape in lines if shape == "prose")
    return Signal(len(lines), tuple(sorted(shapes.items(), key=lambda item: (-item[1], item[0]))),
                  prose / characters if characters else 0.0)


def is_publication(doc: Document) -> bool:
    """Whether ``doc`` reads as a publication; False only when it is clearly something else (worked
    out afresh on each call: the usage rules keep it per corpus). The lines are read until
    ``prose_lines`` of them are prose: so many make a publication whatever the others are."""
    settings, lines, prose = _settings(), [], 0
    for line, shape in _shaped_lines(doc):
        lines.append((line, shape))
        prose += shape == "prose"
        if prose >= settings.prose_lines:
            return True
    found = _signal(lines)
    return not (found.lines >= settings.min_lines and found.shaped >= settings.shaped_share * found.lines
                and found.prose_share < settings.prose_share)


def left_alone(corpus: Corpus, doc: Document) -> None:
    """Record that a rule left ``doc`` alone as no publication (the run says so)."""
    corpus.note(_LEFT_ALONE, doc.id)


def not_publications(corpus: Corpus) -> tuple[str, ...]:
    """The ids of the documents a rule left alone as no publication, in input order."""
    skipped = corpus.notes.get(_LEFT_ALONE, set())
    return tuple(doc.id for doc in corpus.documents if doc.id in skipped)
