"""RS01: a figure changed where a sentence was copied, to a value the source's cannot be."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.passages import Restatement
from checks.registry import register
from checks.restatement.report import restatement_finding
from checks.rule import RestatementRule


@register
class ChangedFigure(RestatementRule):
    """A sentence copied from another document with a figure the source's cannot be (18.6亿 → 186亿).

    What it does
    Finds sentences that two or more documents state in the same words, once their figures are
    masked and script, punctuation and spacing are folded (a reprint, a Traditional-script copy,
    a lightly reworded copy), and aligns their figures by position. A figure whose interval
    cannot overlap the one most documents state (the earliest document's on equal support) is
    flagged, with both sentences side by side: a swapped or changed digit, a slipped decimal point
    or 万/亿, a changed unit. Copies that speak of another place, year or period are left alone.

    Why is this bad?
    A copy is read as the source's words: a figure changed in it is a wrong figure attributed to
    the source, and the reader cannot see the change without the source at hand.

    Example
    The source says `全市共投入资金18.6亿元改造老旧小区272个`; the reprint of the same sentence says
    `全市共投入资金186亿元改造老旧小区272个`.

    Use instead
    The source's figure: `全市共投入资金18.6亿元改造老旧小区272个`.
    """

    code = "RS01"
    name = "changed-figure"
    default_severity = Severity.ERROR
    messages = MappingProxyType({
        "zh": "转载句中的数字与原句不符:此处为{this},{source_doc}的同一句为{source}{more_zh}",
        "en": "a figure changed in a copied sentence: {this} here, {source} in the same sentence of "
              "{source_doc}{more_en}",
    })

    def check_restatement(self, restatement: Restatement, corpus: Corpus) -> Iterable[Finding]:
        return restatement_finding(self, restatement, corpus, disjoint=True)
