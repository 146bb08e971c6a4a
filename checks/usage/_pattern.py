"""What the usage rules share: a rule that reports each match of a pattern in the normalized view,
outside quotations, titles and the spans where no figure is read; Chinese numerals for suggestions."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from checks.corpus import Corpus
from checks.finding import Finding
from checks.rule import DocumentRule
from claims.claim import Claim
from sources.document import Document
from sources.spans import merge, overlaps

# Quoted words and titles keep their own spelling (“6方会谈”是原话, 《二零一二年工作报告》).
_QUOTED = re.compile(r"“[^“”\n]*”|「[^「」\n]*」|《[^《》\n]*》|\"[^\"\n]*\"")
_DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """An integer below 10000 in Chinese numerals (11 → 十一, 105 → 一百零五)."""
    if number < 10:
        return _DIGITS[number]
    words, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            words += ("零" if zero else "") + _DIGITS[digit] + name
            zero = False
        elif words:
            zero = True
    return words[1:] if words.startswith("一十") else words


def quiet_spans(doc: Document) -> list[tuple[int, int]]:
    """Spans of the normalized view a usage rule leaves alone: quotations and titles, page
    furniture, metadata lines."""
    return merge([*(m.span() for m in _QUOTED.finditer(doc.text)), *doc.skip, *doc.meta.lines])


class PatternRule(DocumentRule):
    """A usage rule reporting matches of ``pattern`` (not itself a rule): ``fields`` gives the
    message fields of a match, or None when the match is fine after all."""

    def pattern(self) -> re.Pattern[str]:
        raise NotImplementedError

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        raise NotImplementedError

    def matches(self, doc: Document) -> Iterator[re.Match[str]]:
        """The matches outside the quiet spans."""
        quiet = quiet_spans(doc)
        return (m for m in self.pattern().finditer(doc.text) if not overlaps(quiet, *m.span()))

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for match in self.matches(doc):
            fields = self.fields(match, doc)
            if fields is not None:
                start, end = doc.original_span(*match.span())
                yield self.finding(doc.id, start, end, evidence=fields, text=doc.original[start:end], **fields)
