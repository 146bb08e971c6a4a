"""US10 doubled-rate."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document
from vocab.files import alternation, data_lines


@cache
def _doubled() -> re.Pattern[str]:
    return re.compile(alternation(data_lines("checks.usage", "doubled_units.txt")))


@register
class DoubledRate(PatternRule):
    """A rate said twice (时速每小时220公里, 日均每天3万人次).

    What it does
    Flags a rate word next to the "per" phrase it already contains
    (``checks/usage/data/doubled_units.txt``): 时速 is 每小时, 日均 is 每天, 人均 is 每人. Unit
    words count once for each quantity. No clause of GB/T 15835-2011 or GB 3101-1993 names this
    slip; it is a redundancy (语义重复) copy desks strike by their own rules.

    Why is this bad?
    时速每小时220公里 reads as "per hour per hour", an acceleration; it is a drafting slip that
    makes the figure look careless.

    Example
    列车最高时速每小时350公里,车站日均每天发送旅客3万人次。

    Use instead
    列车最高时速350公里,车站日均发送旅客3万人次。
    """

    code = "US10"
    name = "doubled-rate"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”重复表达了单位时间,保留一个即可(如“{first}”)",
        "en": "“{text}” says the rate twice; keep one of them (“{first}”)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _doubled()

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        return {"first": match.group()[:2]}
