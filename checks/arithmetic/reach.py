"""Where a pattern that needs one of some words near a figure can match: the positions of a text
marked from the words' occurrences, so that a rule skips by one lookup the figures whose window
holds none of them (its pattern cannot match there: the rule's answer is the same). A long run of
figures with no such word near costs a lookup per figure instead of a search."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claims.claim import Claim

_SPACE = re.compile(r"\s")


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where one of ``words`` starts in ``text``, overlapping occurrences included (unordered)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1)
    return found


def spaces_before(text: str, position: int) -> int:
    """How many characters before ``position`` are whitespace (``\\s``) in a row."""
    count = 0
    while count < position and _SPACE.match(text, position - count - 1):
        count += 1
    return count


class Reach:
    """The positions 0…``size`` of a text, each marked or not."""

    def __init__(self, size: int) -> None:
        self.marks = bytearray(size + 1)

    def mark(self, low: int, high: int) -> None:
        """Mark ``low`` … ``high`` (both included, cut to the text)."""
        low, high = max(low, 0), min(high, len(self.marks) - 1)
        if low <= high:
            self.marks[low:high + 1] = b"\x01" * (high + 1 - low)

    def around(self, starts: Iterable[int], low: int, high: int) -> Reach:
        """Mark ``start + low`` … ``start + high`` for each of ``starts``."""
        for start in starts:
            self.mark(start + low, start + high)
        return self


def starting(claims: Sequence[Claim], marks: bytearray) -> list[int]:
    """The indexes of ``claims`` whose figure starts at a position ``marks`` marks (none at all
    when it marks none)."""
    if 1 not in marks:
        return []
    return [index for index, claim in enumerate(claims) if marks[claim.span[0]]]
