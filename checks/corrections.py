"""Correction notices: paragraphs that correct a figure published earlier, and the wrong and right
figures they name.

A paragraph is a notice when it holds a notice word (更正, 勘误, 有误, 误为 … in
``data/correction_words.txt``). Inside it, each joining word pairs the figures around it: the
figure before 应为 (更正为, 改为 …) is wrong and the one after it right; before 误为 (误写为, 误作 …)
right and after it wrong; the figure before 之误 is right and the one before that wrong. The two
figures must be of one kind. A notice's own figures state no fact: they are not aligned, copied or
compared with the body by the other rules.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from claims.claim import Claim
from sources.document import Document
from vocab.files import alternation, data_sections

SECTIONS = ("notice", "corrected_to", "mistaken_as", "mistake_of")


@dataclass(frozen=True)
class Correction:
    """A figure a notice corrects: the wrong claim, the right claim, and the notice's span in the
    normalized view."""

    wrong: Claim
    right: Claim
    start: int
    end: int


@cache
def _words() -> dict[str, re.Pattern[str]]:
    words = data_sections("checks", "correction_words.txt", known=SECTIONS)
    return {section: re.compile(alternation(words[section])) for section in SECTIONS}


def notice_spans(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs of ``doc``'s normalized view that are correction notices (none without a
    notice word in the text: no word holds a line break)."""
    spans, start = [], 0
    if not _words()["notice"].search(doc.text):
        return spans
    for line in doc.text.split("\n"):
        if _words()["notice"].search(line):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def corrections(doc: Document, claims: list[Claim]) -> list[Correction]:
    """The wrong and right figures the notices of ``doc`` name."""
    found = []
    for start, end in notice_spans(doc):
        inside = _Figures(sorted((c for c in claims if start <= c.span[0] and c.span[1] <= end), key=lambda c: c.span))
        text = doc.text[start:end]
        for section in ("corrected_to", "mistaken_as", "mistake_of"):
            for match in _words()[section].finditer(text):
                at, stop = start + match.start(), start + match.end()
                if section == "corrected_to":
                    wrong, right = inside.before(at), inside.after(stop)
                elif section == "mistaken_as":
                    right, wrong = inside.before(at), inside.after(stop)
                else:
                    right = inside.before(at)
                    wrong = inside.before(right.span[0] - 1) if right else None
                if wrong and right and wrong.kind == right.kind and wrong.value != right.value:
                    found.append(Correction(wrong, right, start, end))
    return sorted(set(found), key=lambda c: c.wrong.span)


class _Figures:
    """A notice's claims in text order, looked up by position."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.starts = [claim.span[0] for claim in claims]

    def before(self, at: int) -> Claim | None:
        """The last claim ending at or before ``at``."""
        index = bisect_right(self.starts, at) - 1
        return self.claims[index] if index >= 0 and self.claims[index].span[1] <= at else None

    def after(self, at: int) -> Claim | None:
        """The first claim starting at or after ``at``."""
        index = bisect_right(self.starts, at - 1)
        return self.claims[index] if index < len(self.claims) else None
