"""US05 approximation-form."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule, chinese_number
from sources.document import Document
from vocab.files import alternation, data_sections

_CHINESE = "一二三四五六七八九"
_VALUE = {"两": 2, **{digit: i for i, digit in enumerate(_CHINESE, start=1)}}


@cache
def _approximation() -> re.Pattern[str]:
    words = data_sections("checks.usage", "approximation_measures.txt", ("measures", "not_after"))
    after = rf"(?=(?:{alternation(words['measures'])}))(?!{alternation(words['not_after'])})"
    # A match starts at a numeral: tested first, where most places fail.
    return re.compile(rf"(?=[\d{_CHINESE}])"
                      rf"(?:(?<![第、\d.A-Za-z{_CHINESE}十])(?P<a>[{_CHINESE}]|\d)、(?P<b>[两{_CHINESE}]|\d)"
                      rf"(?P<tail>[十百千万]?){after}"
                      rf"|(?<![A-Za-z\d.])(?P<tens>[1-9]\d*0)几)")


@register
class ApproximationForm(PatternRule):
    """An approximation with 顿号 or Arabic digits (二、三米, 5、6个, 20几).

    What it does
    Two adjacent numbers that make an approximation are written together in Chinese numerals,
    with no 顿号 between them (GB/T 15835-2011 4.2.2: approximations of adjacent numbers and
    with 几 are written in Chinese numerals; 5.2.1: no 顿号 between the two; GB/T 15834-2011
    4.5.3.4 says the same of the 顿号): 二三米, 五六个, 二十几. The message cites the clause the
    match breaks. Flags 二、三 and 5、6
    before a measure word (``checks/usage/data/approximation_measures.txt``) and a round Arabic
    number before 几; 三、五 (三五天) counts too. A list stays a list: 第一、二批, 一、二年级,
    5、6月份 are left alone.

    Why is this bad?
    With a 顿号, 二、三米 reads as a list of two lengths; 5、6个 as two separate counts. 20几
    mixes an exact digit form with a vague word.

    Example
    新栽的树苗已有二、三米高,每户分到5、6个,村里20几户都参加了。

    Use instead
    新栽的树苗已有二三米高,每户分到五六个,村里二十几户都参加了。
    """

    code = "US05"
    name = "approximation-form"
    default_severity = Severity.INFO
    messages = {
        "zh": "概数“{text}”应写作“{suggestion}”(GB/T 15835-2011 {clause})",
        "en": "approximation “{text}” should be “{suggestion}” (GB/T 15835-2011 {clause})",
    }

    def pattern(self) -> re.Pattern[str]:
        return _approximation()

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        if match.group("tens"):
            tens = int(match.group("tens"))
            return {"suggestion": chinese_number(tens) + "几", "clause": "4.2.2"} if tens < 10000 else None
        a, b, tail = match.group("a", "b", "tail")
        first, second = (int(x) if x.isdigit() else _VALUE[x] for x in (a, b))
        if (first, second) not in {(first, first + 1), (3, 5)} or (b == "两" and a != "一"):
            return None
        words = chinese_number(first) + (b if b == "两" else chinese_number(second))
        return {"suggestion": words + tail, "clause": "5.2.1" if a in _VALUE else "4.2.2、5.2.1"}
