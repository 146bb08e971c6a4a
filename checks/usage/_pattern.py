"""What the usage rules share: quiet on documents that are not publications (the option
``publications_only``, for the whole family ``[options.usage]``); a rule reporting each match of a
pattern in the normalized view outside quotations, titles and the spans where no figure is read; a
rule reporting two styles of one thing mixed in a document; Chinese numerals for suggestions.
The documents the family leaves alone are recorded in the corpus (``checks.publication.left_alone``),
so that the run can say so."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from checks.corpus import Corpus
from checks.finding import Finding, Location
from checks.first_characters import finditer
from checks.publication import is_publication, left_alone
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


class UsageRule(DocumentRule):
    """A usage rule (not itself a rule): by default it looks only at publications
    (``checks.publication``), not at chat logs, code, data dumps, logs or notes."""

    options: ClassVar[Mapping[str, Any]] = MappingProxyType({"publications_only": True})

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        if self.settings["publications_only"] and not corpus.memo(("publication", doc.id),
                                                                  lambda: is_publication(doc)):
            left_alone(corpus, doc)
            return ()
        return self.check_usage(doc)

    def check_usage(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError


class PatternRule(UsageRule):
    """A usage rule reporting matches of ``pattern`` (not itself a rule): ``fields`` gives the
    message fields of a match, or None when the match is fine after all."""

    def pattern(self) -> re.Pattern[str]:
        raise NotImplementedError

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        raise NotImplementedError

    def matches(self, doc: Document) -> Iterator[re.Match[str]]:
        """The matches outside the quiet spans (found only when there is a match: most documents have
        none), looked for only in a text holding what a match needs, where one can start."""
        quiet = None
        for match in finditer(self.pattern(), doc.text):
            quiet = quiet_spans(doc) if quiet is None else quiet
            if not overlaps(quiet, *match.span()):
                yield match

    def check_usage(self, doc: Document) -> Iterable[Finding]:
        for match in self.matches(doc):
            fields = self.fields(match, doc)
            if fields is not None:
                start, end = doc.original_span(*match.span())
                yield self.finding(doc.id, start, end, evidence=fields, text=doc.original[start:end], **fields)


class MixedStyleRule(UsageRule):
    """A usage rule finding one thing written in two styles in a document (not itself a rule):
    each match of ``marks`` outside the quiet spans is a place of the style ``style`` names;
    ``names`` gives the (zh, en) name of each style and ``tie`` the one counted as the majority
    when both are used as often. One finding per document, at the first place of the less used
    style, with the others of that style and the first of the other as related places."""

    marks: ClassVar[re.Pattern[str]]
    in_original: ClassVar[bool] = False  # match the original text (where thin spaces survive)
    names: ClassVar[Mapping[str, tuple[str, str]]]
    tie: ClassVar[str]

    def style(self, match: re.Match[str]) -> str:
        raise NotImplementedError

    def places(self, doc: Document) -> dict[str, list[tuple[int, int]]]:
        """The original spans of each style's places."""
        text = doc.original if self.in_original else doc.text
        quiet = None
        places: dict[str, list[tuple[int, int]]] = {style: [] for style in self.names}
        for match in finditer(self.marks, text):
            quiet = self._quiet(doc) if quiet is None else quiet
            if not overlaps(quiet, *match.span()):
                span = match.span() if self.in_original else doc.original_span(*match.span())
                places[self.style(match)].append(span)
        return places

    def _quiet(self, doc: Document) -> list[tuple[int, int]]:
        quiet = quiet_spans(doc)
        return [doc.original_span(*span) for span in quiet] if self.in_original else quiet

    def check_usage(self, doc: Document) -> Iterable[Finding]:
        places = self.places(doc)
        if not all(places.values()):
            return
        minority, majority = sorted(places, key=lambda style: (len(places[style]), style == self.tie))
        first, *others = places[minority]
        related = [Location(doc.id, *span, "same style", "同一写法") for span in others]
        related.append(Location(doc.id, *places[majority][0], "the other style", "另一写法"))
        yield self.finding(doc.id, *first, related=related,
                           evidence={minority: len(places[minority]), majority: len(places[majority])},
                           count=len(places[minority]), minority=self.names[minority][0],
                           majority=self.names[majority][0], minority_en=self.names[minority][1],
                           majority_en=self.names[majority][1])
