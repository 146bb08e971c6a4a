"""Sentences, clauses and list items of a normalized text: what ends each, and their spans.

The normalized view folds full-width punctuation (，→ , ；→ ;), so the marks here are the
half-width ones plus those without a half-width form (。、). A sentence ends at 。!?; or a line
break; a clause also at , : and a table cell's |; a list item also at 、.
"""
from __future__ import annotations

import re
from bisect import bisect_right

SENTENCE_ENDS = "。!?;\n"
CLAUSE_ENDS = SENTENCE_ENDS + ",:|"
ITEM_ENDS = CLAUSE_ENDS + "、"
SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")
CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_ENDS)}]")
# A character within a clause (or sentence), and one that is no digit either: for windows before
# a figure.
WITHIN_CLAUSE = f"[^{re.escape(CLAUSE_ENDS)}]"
IN_CLAUSE = f"[^{re.escape(CLAUSE_ENDS)}\\d]"
IN_SENTENCE = f"[^{re.escape(SENTENCE_ENDS)}\\d]"


def starts(text: str, ends: re.Pattern[str] = SENTENCE_END) -> list[int]:
    """Where each segment of ``text`` begins (0 and the position after each end mark)."""
    return [0] + [match.end() for match in ends.finditer(text)]


def segment(text: str, segment_starts: list[int], position: int) -> tuple[int, int, int]:
    """(index, start, end) of the segment holding ``position``; ``end`` excludes its end mark."""
    index = bisect_right(segment_starts, position) - 1
    begin = segment_starts[index]
    stop = segment_starts[index + 1] - 1 if index + 1 < len(segment_starts) else len(text)
    return index, begin, stop


def clause_before(text: str, start: int, ends: str = ITEM_ENDS) -> str:
    """The text from the start of the list item (or ``ends``' segment) holding ``start`` up to it."""
    return text[max(text.rfind(mark, 0, start) for mark in ends) + 1:start]

