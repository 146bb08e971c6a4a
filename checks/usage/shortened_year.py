"""US03 shortened-year."""
from __future__ import annotations

import re
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document

# Two digits and 年 with a month after it (18年3月) or between 自/从/于 and 以来/起/底 (自98年以来,
# 于18年底), or as the second end of a range after a four-digit year (1950~80年); a duration
# (服役18年3个月, 第18年, 在20年内) has none of these shapes.
# Every match starts at a digit: tested first, where most places fail.
_SHORT = re.compile(r"(?=\d)(?:(?<![\d.第近满了约超共历刑期])(?P<short>\d{2})年(?=(?:1[0-2]|0?[1-9])月)"
                    r"|(?<=[自从于])(?P<since>\d{2})年(?=以来|起|至今|开始|底|初|末)"
                    r"|(?<![\d.])(?P<first>(?:1[5-9]|20)\d{2})(?P<dash>\s*[~〜—–至到-]\s*)(?P<end>\d{2})年(?!代))")


@register
class ShortenedYear(PatternRule):
    """A year written with two digits (18年3月, 1950~80年).

    What it does
    Flags a two-digit year that a month follows (18年3月) or that 自/从/于 and 以来/起/底 frame
    (自98年以来, 于18年底), and the second end of a range of years cut to two digits (1950~80年,
    2018—19年). GB/T 15835-2011 5.1.4 (年份不应简写) asks for the full year: 2018年3月,
    1950年~1980年. A two-digit number of years (工作18年, 18年3个月)
    is a duration and is left alone, and so are decades (80年代).

    Why is this bad?
    18年 can be 2018, 1918 or eighteen years; in a range, 1950~80年 can read as a span of
    eighty years. Archives and readers outside the report's own decade cannot tell.

    Example
    该项目于18年3月开工,延续了1950~80年的建设规划。

    Use instead
    该项目于2018年3月开工,延续了1950年~1980年的建设规划。
    """

    code = "US03"
    name = "shortened-year"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”简写了年份,应写出完整年份,如{suggestion}(GB/T 15835-2011 5.1.4)",
        "en": "“{text}” shortens the year; write it in full, e.g. {suggestion} (GB/T 15835-2011 5.1.4)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _SHORT

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        short = match.group("short") or match.group("since")
        if short:
            return {"suggestion": f"{'19' if short >= '50' else '20'}{short}年"}
        first, dash, end = match.group("first", "dash", "end")
        year = int(first[:2] + end)
        if year <= int(first):
            year += 100
        return {"suggestion": f"{first}年{dash}{year}年"} if year - int(first) < 100 else None
