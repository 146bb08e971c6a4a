"""US04 zero-form."""
from __future__ import annotations

import re
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document

# A year spelt digit by digit with 零 (二零一二年), or 〇 inside a quantity after a place word
# (一百〇八, 三千〇五十).
_YEAR = "[一二三四五六七八九〇零]"
_ZERO = re.compile(rf"(?<![一二三四五六七八九十百千〇零])(?P<year>{_YEAR}*零{_YEAR}*)年"
                   r"|(?P<quantity>[一二三四五六七八九][十百千万亿][〇零]*〇[〇零]*[一二三四五六七八九])")


@register
class ZeroForm(PatternRule):
    """零 in a year spelt in Chinese numerals, or 〇 in a quantity (二零一二年, 一百〇八).

    What it does
    GB/T 15835-2011 5.2.5 gives 0 two Chinese forms: 〇 where the numeral is a name or number
    read digit by digit (years: 二〇一二年), 零 where it is a quantity (一百零八). Flags a year of
    four Chinese digits written with 零 and 〇 after 十, 百, 千, 万 or 亿 inside a quantity.

    Why is this bad?
    The two forms tell the reader whether to read digit by digit (二〇〇八, a year) or as a
    quantity (二千零八, an amount); mixing them reads as a typing slip in a formal text.

    Example
    二零一二年,全县共有一百〇八个行政村。

    Use instead
    二〇一二年,全县共有一百零八个行政村。
    """

    code = "US04"
    name = "zero-form"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”应写作“{suggestion}”:年份用〇,数量用零(GB/T 15835-2011 5.2.5)",
        "en": "“{text}” should be “{suggestion}”: 〇 in years, 零 in quantities (GB/T 15835-2011 5.2.5)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _ZERO

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        year = match.group("year")
        if year is not None:
            return {"suggestion": year.replace("零", "〇") + "年"} if len(year) == 4 else None
        return {"suggestion": match.group("quantity").replace("〇", "零")}
