"""US01 range-multiplier-one-end."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document
from vocab.files import alternation, data_lines

_POWER = r"[×x]10(?:\^-?\d+|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"


@cache
def _range() -> re.Pattern[str]:
    multipliers = alternation(data_lines("checks.usage", "range_multipliers.txt"))
    return re.compile(rf"(?<![\d.,%‰])(?P<low>\d+(?:\.\d+)?)(?P<dash>\s*[~〜—–至到-]\s*)"
                      rf"(?P<high>\d+(?:\.\d+)?)(?P<mult>{_POWER}|{multipliers})")


@register
class RangeMultiplierOneEnd(PatternRule):
    """A range whose multiplier or percent sign is written on one end only (9~16亿, 15~30%).

    What it does
    Flags a range of two Arabic numbers whose second end carries 万, 亿, %, ‰ or a power of ten
    (``checks/usage/data/range_multipliers.txt``) and whose first end is bare. GB/T 15835-2011
    5.1.3 lets the first end drop a unit both ends share (100~150kg) but not a part of the
    number itself: 9亿~16亿, not 9~16亿; 15%~30%, not 15~30%; 4.3×10⁶~5.7×10⁶.

    Why is this bad?
    9~16亿 reads as "from 9 to 1.6 billion": the first end is nine. Readers and checks that take
    the range apart get a first end a hundred million times too small.

    Example
    全省新能源装机容量预计达9~16亿千瓦,年均增长15~30%。

    Use instead
    全省新能源装机容量预计达9亿~16亿千瓦,年均增长15%~30%。
    """

    code = "US01"
    name = "range-multiplier-one-end"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”的“{mult}”应在范围两端都写出:{suggestion}(GB/T 15835-2011 5.1.3)",
        "en": "“{text}”: write “{mult}” on both ends of the range: {suggestion} (GB/T 15835-2011 5.1.3)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _range()

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        low, dash, high, mult = match.group("low", "dash", "high", "mult")
        return {"mult": mult, "suggestion": f"{low}{mult}{dash}{high}{mult}"}
