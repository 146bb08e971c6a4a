"""Inline suppression: comments in a Markdown or HTML document that switch rules off where they are.

    <!-- run-checks: disable CS02 -->   … findings of CS02 are suppressed …   <!-- run-checks: enable CS02 -->
    <!-- run-checks: disable -->        every rule, up to the next enable (or the end)
    <!-- run-checks: disable-next-line CS01,ST -->   the line after the comment only

Codes are rule ids or families, comma- or space-separated; none means every rule. The comments are
read in the document's original text (plain text has no comments to hide them in), and a finding
is suppressed when its start lies in a region that names its rule or family.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sources.document import Document

_COMMENT = re.compile(r"<!--\s*run-checks:\s*(disable-next-line|disable|enable)\b([^>]*?)-->")
FORMATS = ("markdown", "html")


@dataclass(frozen=True)
class Region:
    """Original-text offsets ``start``–``end`` where ``codes`` (empty: every rule) are off."""

    start: int
    end: int
    codes: frozenset[str]

    def covers(self, offset: int, names: set[str]) -> bool:
        return self.start <= offset < self.end and (not self.codes or bool(self.codes & names))


def regions(doc: Document) -> list[Region]:
    """The suppressed regions of ``doc`` (none for plain text)."""
    if doc.format not in FORMATS:
        return []
    text, found, open_at = doc.original, [], {}
    for match in _COMMENT.finditer(text):
        kind, codes = match.group(1), frozenset(re.split(r"[\s,]+", match.group(2).strip())) - {""}
        if kind == "disable-next-line":
            line_start = text.find("\n", match.end())
            if line_start >= 0:
                line_end = text.find("\n", line_start + 1)
                found.append(Region(line_start + 1, len(text) if line_end < 0 else line_end, codes))
        elif kind == "disable":
            open_at.setdefault(codes, match.end())
        elif codes in open_at:
            found.append(Region(open_at.pop(codes), match.start(), codes))
        elif not codes:  # a bare enable closes every open region
            found += [Region(start, match.start(), open_codes) for open_codes, start in open_at.items()]
            open_at.clear()
    found += [Region(start, len(text), codes) for codes, start in open_at.items()]
    return found
