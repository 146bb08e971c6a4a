"""US07 decimal-leading-zero."""
from __future__ import annotations

import re
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document

# A decimal point with digits after it and none before: not part of a name, path or version
# (.NET, v.2, a.5, 1..5).
_BARE = re.compile(r"(?<![A-Za-z\d.…/\\_\-])\.(?P<digits>\d+)(?![A-Za-z\d.])")


@register
class DecimalLeadingZero(PatternRule):
    """A decimal fraction without its leading zero (.27).

    What it does
    Flags a decimal point with digits after it and no digit before (系数为.27). GB/T 15835-2011
    5.1.2 asks for the 0 before the decimal point of a pure decimal: 0.27.

    Why is this bad?
    The point is easily lost in print or on copying (.27 becomes 27), and a reader skimming a
    column takes .27 for 27.

    Example
    相关系数为.27,误差不超过.05。

    Use instead
    相关系数为0.27,误差不超过0.05。
    """

    code = "US07"
    name = "decimal-leading-zero"
    default_severity = Severity.INFO
    messages = {
        "zh": "纯小数“{text}”应写出小数点前的0:{suggestion}(GB/T 15835-2011 5.1.2)",
        "en": "pure decimal “{text}” needs its leading zero: {suggestion} (GB/T 15835-2011 5.1.2)",
    }

    def pattern(self) -> re.Pattern[str]:
        return _BARE

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        return {"suggestion": "0." + match.group("digits")}
