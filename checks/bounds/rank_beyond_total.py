"""BD02 rank-beyond-total."""
from __future__ import annotations

from types import MappingProxyType

from checks.bounds.column_check import ColumnCheck
from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from claims.claim import Claim
from claims.numbers import plain


@register
class RankBeyondTotal(ColumnCheck):
    """A rank past the number of those ranked (第25位 among 20).

    What it does
    Flags a rank whose place is larger than the total it ranks among, when the sentence states
    that total (在全区12个盟市中排名第15位).

    Why is this bad?
    Among 12 there is no 15th place: either the rank or the total is wrong (a digit dropped or
    swapped, a figure taken from another year's list), and a ranking is the figure readers
    remember.

    Example
    我市营商环境评价在全区12个盟市中排名第15位。
    在全国339个地级及以上城市中居第351位。

    Use instead
    我市营商环境评价在全区12个盟市中排名第5位。
    在全国339个地级及以上城市中居第35位。
    """

    code = "BD02"
    name = "rank-beyond-total"
    default_severity = Severity.ERROR
    options = MappingProxyType({})
    messages = {
        "zh": "名次{text}超出参与排名的总数{total}",
        "en": "rank {text} is beyond the {total} ranked",
    }

    def describe(self, claim: Claim, corpus: Corpus) -> Finding:
        place = claim.value if claim.value is not None else claim.low
        return self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                            evidence={"rank": plain(place), "total": plain(claim.total)},
                            text=claim.text, total=plain(claim.total))
