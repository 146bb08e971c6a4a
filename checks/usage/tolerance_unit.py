"""US11 tolerance-unit."""
from __future__ import annotations

import re
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document

# A value ± tolerance with the unit after the tolerance only, no brackets: 65±2%, 20±2℃, 5±1mm.
_TOLERANCE = re.compile(r"(?<![(\d.])(?P<value>\d+(?:\.\d+)?)\s*±\s*(?P<tolerance>\d+(?:\.\d+)?)(?![\d.)])"
                        r"\s*(?P<unit>%|‰|℃|°C|(?:mm|cm|km|mg|kg|ml|mL|m|g|L|s|h|V|A|W|Pa|Hz)(?![A-Za-z]))")


@register
class ToleranceUnit(PatternRule):
    """A tolerance whose unit is written once, after it (65±2%, 20±2℃).

    What it does
    Flags a value with a ± tolerance and a unit or % after the tolerance only. GB 3101-1993 (and
    GB/T 15835-2011 5.1.3 on ranges, by the same reasoning) asks for the unit to apply to both:
    brackets, (65±2)%, or the unit on each, 20℃±2℃.

    Why is this bad?
    65±2% reads as 65 plus or minus 2 percent of 65; the unit belongs to the value as much as to
    the tolerance, and copies of the figure lose it from the value.

    Example
    试验温度为20±2℃,相对湿度65±2%。

    Use instead
    试验温度为(20±2)℃,相对湿度(65±2)%。
    """

    code = "US11"
    name = "tolerance-unit"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”的单位应同时作用于数值和公差:{suggestion}",
        "en": "“{text}”: the unit applies to the value and the tolerance: {suggestion}",
    }

    def pattern(self) -> re.Pattern[str]:
        return _TOLERANCE

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        value, tolerance, unit = match.group("value", "tolerance", "unit")
        return {"suggestion": f"({value}±{tolerance}){unit}"}
