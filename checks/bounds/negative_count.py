"""BD03 negative-count."""
from __future__ import annotations

from types import MappingProxyType

from checks.bounds.column_check import ColumnCheck
from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from claims.claim import Claim
from claims.kinds import NON_NEGATIVE, kinds
from claims.numbers import plain


@register
class NegativeCount(ColumnCheck):
    """A count, amount, area or other quantity that cannot be negative, stated as negative.

    What it does
    Flags a claim of a kind that has no negative values (counts, money, weights, areas, lengths,
    volumes, energy, power, durations, ranks; option ``kinds``) whose value is below zero.
    Percentages and percentage points are not checked (a change may be negative), nor subjects
    that name a balance, a change or a level (利润, 结余, 增减, 海拔: ``checks/data/signed_words.txt``).

    Why is this bad?
    There are no −12 schools or −3.5 km of road: the minus sign is a stray dash from a table, a
    decrease written as a level, or a typo, and totals computed from it are wrong.

    Example
    全年新建幼儿园-12所,新改建农村公路-3.5公里。

    Use instead
    全年新建幼儿园12所,新改建农村公路3.5公里。
    幼儿园数量比上年减少12所。
    """

    code = "BD03"
    name = "negative-count"
    default_severity = Severity.ERROR
    options = MappingProxyType({"kinds": NON_NEGATIVE})
    messages = {
        "zh": "“{text}”为负值:{kind_zh}不能为负",
        "en": "“{text}” is negative: {kind_en} cannot be below zero",
    }

    def applies(self, claim: Claim) -> bool:
        return claim.kind in self.settings["kinds"] and claim.kind in NON_NEGATIVE

    def describe(self, claim: Claim, corpus: Corpus) -> Finding:
        highest = claim.value if claim.value is not None else claim.high
        kind = kinds()[claim.kind]
        return self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                            evidence={"value": plain(highest), "unit": claim.unit, "kind": claim.kind,
                                      "subject": claim.subject},
                            text=claim.text, kind_zh=kind.zh, kind_en=kind.en)
