"""TI04 leftover-gloss."""
from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from types import MappingProxyType

from checks.corpus import Corpus
from checks.finding import Edit, Finding, Location, Severity
from checks.integrity._text import original_lines
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from sources.document import Document
from sources.normalize import GLOSS

_BREAK = re.compile(r"[\r\n]")  # what ends a line of a file read line by line (``original_lines``)


@register
class LeftoverGloss(DocumentRule):
    """Inline pinyin glosses such as 來(lái) left in the published text.

    What it does
    Finds pronunciation glosses (ASCII brackets around tone-marked pinyin) in the original text,
    one finding per document: it points at the first gloss, every other gloss is a related place
    of its own exact span, and the message gives the total, the number of lines and the first
    ``max_listed`` (3) glosses with their characters. The normalized view drops them for matching,
    so figures are still read; real brackets such as 社区(村) or (试行) carry no tone mark and are
    never flagged. A gloss whose character was lost (魯?shù)) is damage, reported by TI01.

    Why is this bad?
    Glosses are scraping artefacts (a reading aid of the page the text was copied from). Printed,
    they break words and numbers apart (4萬(wàn)人) and make the copy look careless.

    Example
    全市養(yǎng)老服務(wù)中心(站)已達(dá)到36個。

    Use instead
    全市養老服務中心(站)已達到36個。
    """

    code = "TI04"
    name = "leftover-gloss"
    default_severity = Severity.WARNING
    options = MappingProxyType({"max_listed": 3})
    messages = {
        "zh": "残留{count}处拼音注音(共{lines}段),如{listed},发布前应删除",
        "en": "{count} leftover pinyin gloss(es) in {lines} line(s), e.g. {listed}; remove them before publication",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        if "(" not in doc.original:
            return  # every gloss opens with a bracket
        shown = self.settings["max_listed"]
        spans, lines = _glosses(doc)
        if not spans:
            return
        glosses = [doc.original[max(0, start - 1):end] for start, end in spans]
        listed = "、".join(glosses[:shown]) + ("……" if len(glosses) > shown else "")
        related = [Location(doc.id, start, end, "gloss", "注音") for start, end in spans[1:]]
        yield self.finding(doc.id, *spans[0], related=related, fix=[Edit(start, end) for start, end in spans],
                           evidence={"count": len(glosses), "lines": lines, "glosses": glosses},
                           count=len(glosses), lines=lines, listed=listed)


def _glosses(doc: Document) -> tuple[list[tuple[int, int]], int]:
    """The original spans of the glosses on the article lines (``original_lines``), and how many
    lines hold one. A gloss never runs across a line break: those of a file read line by line
    are found in one pass over its original, each line break between two of them a line more."""
    if doc.format == "html":
        by_line = [[(offset + m.start(), offset + m.end()) for m in GLOSS.finditer(line)]
                   for offset, line in original_lines(doc)]
        return [span for found in by_line for span in found], sum(map(bool, by_line))
    spans = [match.span() for match in GLOSS.finditer(doc.original)]
    breaks = sum(bool(_BREAK.search(doc.original, end, start)) for (_, end), (start, _) in pairwise(spans))
    return spans, min(len(spans), 1) + breaks
