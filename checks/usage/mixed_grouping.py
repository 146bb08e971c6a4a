"""US13 mixed-digit-grouping."""
from __future__ import annotations

import re
from collections.abc import Iterable

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.usage._pattern import quiet_spans
from claims.claim import Claim
from sources.document import Document
from sources.spans import overlaps

# Groups of three digits separated by commas (12,345) or by a thin space in the original (12 345:
# U+2009, U+202F, U+2006; the normalized view turns them into plain spaces, which also separate
# figures in tables, so only the original tells a thin space from a gap).
_GROUPED = re.compile(r"(?<![\d.,\u2009\u202f\u2006])\d{1,3}(?:(?P<mark>[,\u2009\u202f\u2006])\d{3})+(?![\d,])")
_NAMES = {",": ("逗号", "commas"), "thin": ("空格", "thin spaces")}


@register
class MixedDigitGrouping(DocumentRule):
    """Digits grouped with commas in one place and with thin spaces in another (12,345 and 2\u2009468).

    What it does
    Finds numbers grouped by threes with commas and with thin spaces (in the original text) in
    one document and, when both occur, points at the first number of the less used style, with
    the others of that style and the first of the other as related places. GB/T 15835-2011
    5.1.1 allows either way of grouping, one per text. One finding per document.

    Why is this bad?
    Two grouping styles look like two sources pasted together, and a thin-space group next to a
    comma group reads as two separate numbers.

    Example
    全年完成产值12,345万元,实现利润2\u2009468万元。(2与468之间为窄空格 U+2009)

    Use instead
    全年完成产值12,345万元,实现利润2,468万元。
    """

    code = "US13"
    name = "mixed-digit-grouping"
    default_severity = Severity.INFO
    messages = {
        "zh": "数字分节混用:{minority}分节{count}处,其余用{majority}分节(GB/T 15835-2011 5.1.1),宜统一",
        "en": "digit grouping mixed: {count} with {minority_en}, the rest with {majority_en} (GB/T 15835-2011 5.1.1)",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        quiet = [doc.original_span(*span) for span in quiet_spans(doc)]
        styles: dict[str, list[tuple[int, int]]] = {",": [], "thin": []}
        for match in _GROUPED.finditer(doc.original):
            if not overlaps(quiet, *match.span()):
                styles["," if match.group("mark") == "," else "thin"].append(match.span())
        if not all(styles.values()):
            return
        minority, majority = sorted(styles, key=lambda style: (len(styles[style]), style == ","))
        first, *others = styles[minority]
        related = [Location(doc.id, *span, "same style", "同一写法") for span in others]
        related.append(Location(doc.id, *styles[majority][0], "the other style", "另一写法"))
        yield self.finding(doc.id, *first, related=related,
                           evidence={minority: len(styles[minority]), majority: len(styles[majority])},
                           count=len(styles[minority]), minority=_NAMES[minority][0], majority=_NAMES[majority][0],
                           minority_en=_NAMES[minority][1], majority_en=_NAMES[majority][1])
