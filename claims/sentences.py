"""Sentences, clauses and list items of a normalized text: what ends each, and their spans.

The normalized view folds full-width punctuation (，→ , ；→ ;), so the marks here are the
half-width ones plus those without a half-width form (。、). A sentence ends at 。!?; or a line
break; a clause also at , : and a table cell's |; a list item also at 、.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

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


# The longest sentence and clause read as one: a longer run without an end mark (a list of
# thousands of figures, a page without punctuation) is cut every so many characters, so that the
# work per figure, which reads its sentence and clause, stays bounded. Real sentences are far shorter.
MAX_SENTENCE = 500
MAX_CLAUSE = 200


def starts(text: str, ends: re.Pattern[str] = SENTENCE_END, longest: int | None = None) -> list[int]:
    """Where each segment of ``text`` begins (0 and the position after each end mark), and, with
    ``longest``, every ``longest`` characters into a segment longer than that."""
    pieces = ends.split(text)  # each end mark is one character: a segment starts one past the piece before
    found = list(accumulate(map((1).__add__, map(len, pieces[:-1])), initial=0))
    if longest is None or max(map(len, pieces)) < longest:  # no segment to cut (the usual case)
        return found
    cut = []
    for begin, end in zip(found, [*found[1:], len(text)], strict=True):
        cut += range(begin, max(begin + 1, end), longest)
    return cut


def segment(text: str, segment_starts: list[int], position: int) -> tuple[int, int, int]:
    """(index, start, end) of the segment holding ``position``; ``end`` excludes its end mark."""
    index = bisect_right(segment_starts, position) - 1
    begin = segment_starts[index]
    stop = segment_starts[index + 1] - 1 if index + 1 < len(segment_starts) else len(text)
    return index, begin, stop


def clause_before(text: str, start: int, ends: str = ITEM_ENDS) -> str:
    """The text from the start of the list item (or ``ends``' segment) holding ``start`` up to it."""
    return text[max(text.rfind(mark, 0, start) for mark in ends) + 1:start]

