"""TI04 leftover-gloss."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.integrity._text import original_lines
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from sources.document import Document
from sources.normalize import GLOSS


@register
class LeftoverGloss(DocumentRule):
    """Inline pinyin glosses such as 來(lái) left in the published text.

    What it does
    Finds pronunciation glosses (ASCII brackets around tone-marked pinyin) in the original text,
    one finding per document: it points at the first gloss, lists every affected line as a
    related place with its count, and the message gives the total and the first ``max_listed``
    (3) glosses with their characters. The normalized view drops them for matching, so figures
    are still read; real brackets such as 社区(村) or (试行) carry no tone mark and are never
    flagged.

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
        shown = self.settings["max_listed"]
        lines = [(offset, line, found) for offset, line in original_lines(doc)
                 if (found := list(GLOSS.finditer(line)))]
        if not lines:
            return
        glosses = [line[max(0, m.start() - 1):m.end()] for _, line, found in lines for m in found]
        listed = "、".join(glosses[:shown]) + ("……" if len(glosses) > shown else "")
        first_offset, _, first_found = lines[0]
        related = [Location(doc.id, offset + found[0].start(), offset + found[-1].end(),
                            f"{len(found)} gloss(es) in this line") for offset, _, found in lines]
        yield self.finding(doc.id, first_offset + first_found[0].start(), first_offset + first_found[0].end(),
                           related=related,
                           evidence={"count": len(glosses), "lines": len(lines), "glosses": glosses},
                           count=len(glosses), lines=len(lines), listed=listed)
