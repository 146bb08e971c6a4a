"""Code-point offsets into a document's decoded original text → 1-based lines and columns.

Lines end at LF, CR or CRLF (as SARIF counts them); columns count Unicode code points, so a
Chinese character is one column. Shared by the SARIF, JUnit and Markdown renderers.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Where each line of ``text`` starts, to turn offsets into ``(line, column)``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [match.end() for match in _BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of code-point ``offset`` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@lru_cache(maxsize=64)
def line_index(text: str) -> LineIndex:
    return LineIndex(text)


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based ``(line, column)`` of code-point ``offset`` in ``text``."""
    return line_index(text).position(offset)


def span(text: str, start: int, end: int) -> tuple[int, int, int, int]:
    """``(start_line, start_column, end_line, end_column)`` of ``text[start:end]``; the end is the
    position just after the span (SARIF's convention)."""
    index = line_index(text)
    return (*index.position(start), *index.position(end))
