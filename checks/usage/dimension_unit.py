"""US12 dimension-unit."""
from __future__ import annotations

import re
from typing import Any

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import PatternRule
from sources.document import Document

_UNIT = r"(?:mm|cm|dm|km|m|毫米|厘米|分米|千米|米)"
# Two or more factors joined by ×, the unit only after the last (4×3×5cm); a relay (4×100米接力)
# is a name.
_DIMENSIONS = re.compile(rf"(?<![\d.×A-Za-z])(?P<factors>\d+(?:\.\d+)?(?:\s*[×xX*]\s*\d+(?:\.\d+)?)+)"
                         rf"\s*(?P<unit>{_UNIT})(?![A-Za-z\d²³]|接力)")
_FACTOR = re.compile(r"\d+(?:\.\d+)?")


@register
class DimensionUnit(PatternRule):
    """Dimensions with the unit on the last factor only (4×3×5cm).

    What it does
    Flags lengths multiplied out with × (or x, *) whose unit is written after the last factor
    only. GB 3101-1993 (as GB/T 15835-2011 5.1.3 for ranges) asks for the unit on each factor:
    4cm×3cm×5cm, or (4×3×5)cm. A relay (4×100米接力) is a name and is left alone.

    Why is this bad?
    4×3×5cm reads as 4 times 3 times 5 centimetres, sixty centimetres; the reader has to guess
    that each factor is a length.

    Example
    展板尺寸为120×90cm,包装箱为4×3×5厘米。

    Use instead
    展板尺寸为120cm×90cm,包装箱为4厘米×3厘米×5厘米。
    """

    code = "US12"
    name = "dimension-unit"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”的每个因数都应带单位:{suggestion}",
        "en": "“{text}”: write the unit on every factor: {suggestion}",
    }

    def pattern(self) -> re.Pattern[str]:
        return _DIMENSIONS

    def fields(self, match: re.Match[str], doc: Document) -> dict[str, Any] | None:
        unit = match.group("unit")
        return {"suggestion": "×".join(factor + unit for factor in _FACTOR.findall(match.group("factors")))}
