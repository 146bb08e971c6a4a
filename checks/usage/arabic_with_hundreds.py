"""US02 arabic-with-hundreds."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document
from vocab.files import alternation, data_lines

_SMALL = {"十": 10, "百": 100, "千": 1000}
_TOKEN = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]*)")
_HUNDREDS = re.compile(r"\d[十百千]")  # a digit with 十, 百 or 千 as its multiplier


@cache
def _mixed() -> re.Pattern[str]:
    units = alternation(data_lines("checks.usage", "unit_prefixes.txt"))
    return re.compile(rf"(?<![A-Za-z\d.])(?:\d+(?:\.\d+)?(?:(?!{units})[十百千]|[万亿])+)+(?:\d+(?![\d.]))?")


def value_of(numeral: str) -> Decimal:
    """The value of Arabic digits mixed with 十百千万亿 (3亿4千5百万 → 345000000)."""
    yi = wan = rest = Decimal(0)
    for digits, multipliers in _TOKEN.findall(numeral):
        part = Decimal(digits)
        for word in multipliers:
            if word in _SMALL:
                part *= _SMALL[word]
            elif word == "万":
                wan, rest, part = rest + part, Decimal(0), Decimal(0)
            else:
                yi, wan, rest, part = wan * 10000 + rest + part, Decimal(0), Decimal(0), Decimal(0)
        rest += part
    return yi * 10**8 + wan * 10**4 + rest


def _digits(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def plain(value: Decimal) -> str:
    """``value`` in Arabic digits with 万 or 亿 only (4000, 3.45亿)."""
    for scale, word in ((10**8, "亿"), (10**4, "万")):
        if value >= scale:
            return _digits(value / scale) + word
    return _digits(value)


@register
class ArabicWithHundreds(PatternRule):
    """Arabic digits written with 千 or 百 (4千, 3百人, 3亿4千5百万).

    What it does
    Flags an Arabic number followed by 十, 百 or 千 as a multiplier. GB/T 15835-2011 5.3 lets
    Arabic digits combine with 万 and 亿 only; the message gives the number in that form. 千 or
    百 that starts a unit (5千瓦, 3千米, 3百分点: ``checks/usage/data/unit_prefixes.txt``) is
    left alone.

    Why is this bad?
    4千 mixes two numeral systems where one suffices; 3亿4千5百万 takes a moment to read as
    3.45亿, and copies of it drift (3亿4千5百万 and 34500万 in one report).

    Example
    全年新增就业4千人,其中返乡创业3百人,完成投资3亿4千5百万元。

    Use instead
    全年新增就业4000人,其中返乡创业300人,完成投资3.45亿元。
    """

    code = "US02"
    name = "arabic-with-hundreds"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”中阿拉伯数字只宜与万、亿连用,应写作{suggestion}(GB/T 15835-2011 5.3)",
        "en": "“{text}”: Arabic digits combine with 万 and 亿 only; write {suggestion} (GB/T 15835-2011 5.3)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _mixed()

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        if not _HUNDREDS.search(match.group()):
            return None
        return {"suggestion": plain(value_of(match.group()))}
