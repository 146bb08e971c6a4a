"""What the integrity rules share: the article lines of the original, whether a document is garbled,
Han ranges, character sets."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from checks.corpus import Corpus
from sources.decode import characters, level1_characters
from sources.document import Document
from sources.repair import garbled

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LINE = re.compile(r"[^\r\n]+")
# The byte range of the Han characters of each standard: (codec, first code, last code).
_HAN_BLOCKS = {"gb2312": ("gb2312", b"\xb0\xa1", b"\xf7\xfe"), "big5": ("big5", b"\xa4\x40", b"\xf9\xfe")}


def original_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each line of the original that holds article text.

    A text or Markdown file is read line by line. For HTML it is the original span of each line of
    the normalized view (one article block, inline markup and character references included), so
    scripts, menus and footers are never read.
    """
    if doc.format != "html":
        for match in _LINE.finditer(doc.original):
            yield match.start(), match.group()
        return
    position = 0
    for line in doc.text.split("\n"):
        end = position + len(line)
        if line.strip():
            start, stop = doc.original_span(position, end)
            if end < len(doc.text):  # reach the block's end: a gloss may follow its last character
                stop = max(stop, doc.original_span(end, end + 1)[0])
            yield start, doc.original[start:stop]
        position = end + 1


def garbled_document(doc: Document, corpus: Corpus) -> bool:
    """Whether the document reads as misdecoded throughout (``sources.repair.garbled``), worked out
    once per corpus for every rule that asks."""
    return corpus.memo(("garbled", doc.id), lambda: garbled(doc.text))


def text_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each non-blank line of the normalized view."""
    for match in _LINE.finditer(doc.text):
        if match.group().strip():
            yield match.start(), match.group()


@cache
def common_characters() -> frozenset[str]:
    """The level-1 (frequent) characters of GB2312 and Big5: ordinary Chinese text is almost all these."""
    return level1_characters("gb18030") | level1_characters("big5")


def char_class(chars: Iterable[str]) -> str:
    """The body of a regular-expression class holding exactly ``chars``, in ranges."""
    codes = sorted(map(ord, set(chars)))
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(re.escape(chr(low)) + (f"-{re.escape(chr(high))}" if high > low else "") for low, high in ranges)


def charset(encoding: str) -> frozenset[str]:
    """Every Han character of GB2312 (both levels) or Big5 (both levels)."""
    return characters(*_HAN_BLOCKS[encoding])
