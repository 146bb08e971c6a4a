"""US09 mixed-date-forms."""
from __future__ import annotations

import re
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document

_CHINESE_YEAR = "[〇零一二三四五六七八九]{4}年"
_CHINESE_MONTH = "(?:十[一二]?|[一二三四五六七八九])月"
# One date, two numeral forms: a Chinese year with an Arabic month (二〇〇八年8月), or an Arabic
# year with a Chinese month (2008年八月). A match starts at a numeral: tested first, where most places fail.
_MIXED = re.compile(rf"(?=[\d〇零一二三四五六七八九])"
                    rf"(?:(?<![〇零一二三四五六七八九十])(?P<chinese>{_CHINESE_YEAR})(?P<month>\d{{1,2}})月"
                    rf"|(?<![\d.])(?P<arabic>\d{{4}}年){_CHINESE_MONTH}(?!革命))")


@register
class MixedDateForms(PatternRule):
    """One date written half in Chinese numerals, half in Arabic digits (二〇〇八年8月8日).

    What it does
    Flags a date whose year is in Chinese numerals and month in Arabic digits (二〇〇八年8月8日),
    or the other way round (2008年八月). GB/T 15835-2011 4.3 asks for one form for figures of one
    kind in one place (同类别同形式): 2008年8月8日 or 二〇〇八年八月八日.

    Why is this bad?
    A mixed date looks half-edited: one part was converted and the other forgotten, and the
    reader wonders which part was changed.

    Example
    二〇〇八年8月8日,第二十九届奥运会在北京开幕。

    Use instead
    2008年8月8日,第二十九届奥运会在北京开幕。
    """

    code = "US09"
    name = "mixed-date-forms"
    default_severity = Severity.INFO
    messages = {
        "zh": "日期“{text}”混用汉字数字和阿拉伯数字,应统一为一种(GB/T 15835-2011 4.3)",
        "en": "the date “{text}” mixes Chinese numerals and Arabic digits; use one form (GB/T 15835-2011 4.3)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _MIXED

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        if match.group("chinese") and not 1 <= int(match.group("month")) <= 12:
            return None
        return {"form": "chinese year" if match.group("chinese") else "arabic year"}
