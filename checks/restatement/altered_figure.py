"""RS02: a figure restated in a copied sentence with another qualifier, precision, unit or measure."""
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
class AlteredFigure(RestatementRule):
    """A copied sentence whose figure still fits the source's but is stated otherwise (超过450万 → 450万).

    What it does
    In the sentences RS01 aligns, flags a figure whose interval still overlaps the source's but
    whose stated form changed: another value inside a qualifier (3000余场 → 3005余场), a dropped or
    added qualifier (超过450万居民 → 450万居民, 279个 → 270余个), another precision (53.21万 →
    53.2万), another unit or measure word (457.46万人次 → 457.46万人). Notation alone (1,000 and
    1000, 十七 and 17, 萬 and 万, full-width digits) is no change. The message says what changed.

    Why is this bad?
    The copy no longer says what the source says: a dropped 超过 turns a lower bound into an exact
    count, a changed measure word counts something else, a changed digit inside 余 is a figure
    nobody reported. Each may be a slip or a silent correction; either way an editor must look.

    Example
    The source says `惠及超过450万居民`; the copy of the sentence says `惠及450万居民`.

    Use instead
    The source's wording: `惠及超过450万居民`.
    """

    code = "RS02"
    name = "altered-figure"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "转载句中的数字写法改动({changes_zh}):此处为{this},{source_doc}的同一句为{source}{more_zh}",
        "en": "a figure restated otherwise in a copied sentence ({changes_en}): {this} here, {source} in the "
              "same sentence of {source_doc}{more_en}",
    })

    def check_restatement(self, restatement: Restatement, corpus: Corpus) -> Iterable[Finding]:
        return restatement_finding(self, restatement, corpus, disjoint=False)
