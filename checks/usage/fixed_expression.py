"""US06 fixed-expression-digits."""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule, chinese_number
from sources.document import Document
from vocab.files import data_lines

_WEEK = ("星期", "礼拜")
_NUMBER = r"(?<![\d.A-Za-z])\d{1,3}(?![\d.])"


@cache
def _fixed() -> re.Pattern[str]:
    """The expressions of the data file, each N a number; a match starts at a digit or at the first
    character of an expression that does not start with N (tested first: most places fail there).
    Those that start with N share one number (read once, not once per expression); an expression
    of each kind never starts where one of the other could, so each keeps its order among its kind."""
    lines = data_lines("checks.usage", "fixed_expressions.txt")
    starts = "".join(sorted({line[0] for line in lines if not line.startswith("N")}))
    numbered = [_expression(line[1:]) for line in lines if line.startswith("N")]
    worded = [_expression(line) for line in lines if not line.startswith("N")]
    kinds = [f"{_NUMBER}(?:{'|'.join(numbered)})"] * bool(numbered) + worded
    return re.compile(rf"(?=[\d{re.escape(starts)}])(?:{'|'.join(kinds)})")


def _expression(line: str) -> str:
    """A line of the data file as a pattern: each N a number, the rest as written."""
    return _NUMBER.join(map(re.escape, line.split("N")))


@register
class FixedExpressionDigits(PatternRule):
    """A fixed expression written with Arabic digits (星期5, 6方会谈, 11届全国人大1次会议).

    What it does
    Flags the fixed expressions of ``checks/usage/data/fixed_expressions.txt`` (星期N, N方会谈,
    N中全会, N届全国人大N次会议 …) written with Arabic digits. GB/T 15835-2011 4.2.3 keeps the
    Chinese numerals of set words and names (星期五, 六方会谈, 三中全会), and 4.3 asks for them
    where the text is formal (庄重典雅): 十一届全国人大一次会议. The message cites 4.3 for a
    session (届, 次会议) and 4.2.3 for the rest.

    Why is this bad?
    The numeral is part of the name, not a quantity; written in digits the name no longer looks
    like the one readers know and search for, and the text looks like a draft.

    Example
    会议定于星期5召开,议题是6方会谈和十八届3中全会精神的落实。

    Use instead
    会议定于星期五召开,议题是六方会谈和十八届三中全会精神的落实。
    """

    code = "US06"
    name = "fixed-expression-digits"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”是定型词语,数字应写作汉字:{suggestion}(GB/T 15835-2011 {clause})",
        "en": "“{text}” is a fixed expression; write its numerals in Chinese: {suggestion} (GB/T 15835-2011 {clause})",
    }

    def pattern(self) -> re.Pattern[str]:
        return _fixed()

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        if match.group().startswith(_WEEK) and match.group()[2:] not in tuple("1234567"):
            return None  # 星期12 is no day of the week
        suggestion = re.sub(r"\d+", lambda number: chinese_number(int(number.group())), match.group())
        clause = "4.3" if re.search(r"届|次会议", match.group()) else "4.2.3"
        return {"suggestion": suggestion.replace("星期七", "星期日").replace("礼拜七", "礼拜日"), "clause": clause}
