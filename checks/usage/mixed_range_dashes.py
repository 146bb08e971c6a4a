"""US08 mixed-range-dashes."""
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

# A range mark between two numbers: the wave (~, 〜) or the one-em line (—, –); a doubled dash
# (——) is a 破折号, and the hyphen also writes dates and codes, so neither is counted.
_RANGE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[%‰万亿]?\s*(?P<mark>[~〜]|(?<!—)—(?!—)|–)\s*[-+]?\d+(?:\.\d+)?")
_STYLES = {"~": "wave", "〜": "wave", "—": "line", "–": "line"}
_NAMES = {"wave": ("浪纹线“～”", "the wave dash ~"), "line": ("一字线“—”", "the dash —")}


@register
class MixedRangeDashes(DocumentRule):
    """Ranges written with both ~ and — in one document (1~3月, 2021—2025年).

    What it does
    Counts the range marks between two numbers: the wave (～) and the one-em line (—), both
    allowed by GB/T 15835-2011 5.1.3. When a document uses both, it points at the first range of
    the less used style, with every other range of that style and the first of the other style as
    related places. One finding per document.

    Why is this bad?
    GB/T 15835-2011 asks for one form within a text (局部体例一致); two marks for the same thing
    look like two sources pasted together, and readers wonder whether they mean different things.

    Example
    1~3月全市完成投资120亿元,2021—2025年计划完成投资600亿元。

    Use instead
    1~3月全市完成投资120亿元,2021~2025年计划完成投资600亿元。
    """

    code = "US08"
    name = "mixed-range-dashes"
    default_severity = Severity.INFO
    messages = {
        "zh": "范围号混用:{minority}{count}处,其余用{majority}(GB/T 15835-2011 5.1.3),宜统一",
        "en": "range marks mixed: {count} with {minority_en}, the rest with {majority_en} (GB/T 15835-2011 5.1.3)",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        quiet = quiet_spans(doc)
        marks: dict[str, list[tuple[int, int]]] = {"wave": [], "line": []}
        for match in _RANGE.finditer(doc.text):
            if not overlaps(quiet, *match.span()):
                marks[_STYLES[match.group("mark")]].append(doc.original_span(*match.span()))
        if not all(marks.values()):
            return
        minority, majority = sorted(marks, key=lambda style: (len(marks[style]), style == "wave"))
        first, *others = marks[minority]
        related = [Location(doc.id, *span, "same style", "同一写法") for span in others]
        related.append(Location(doc.id, *marks[majority][0], "the other style", "另一写法"))
        yield self.finding(doc.id, *first, related=related,
                           evidence={minority: len(marks[minority]), majority: len(marks[majority])},
                           count=len(marks[minority]), minority=_NAMES[minority][0], majority=_NAMES[majority][0],
                           minority_en=_NAMES[minority][1], majority_en=_NAMES[majority][1])
