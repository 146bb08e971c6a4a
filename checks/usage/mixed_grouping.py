"""US13 mixed-digit-grouping."""
from __future__ import annotations

import re

from checks.finding import Severity
from checks.registry import register
from checks.usage._pattern import MixedStyleRule

# Groups of three digits separated by commas (12,345) or by a thin space in the original (12 345:
# U+2009, U+202F, U+2006; the normalized view turns them into plain spaces, which also separate
# figures in tables, so only the original tells a thin space from a gap).
_GROUPED = re.compile(r"(?<![\d.,\u2009\u202f\u2006])\d{1,3}(?:(?P<mark>[,\u2009\u202f\u2006])\d{3})+(?![\d,])")


@register
class MixedDigitGrouping(MixedStyleRule):
    """Digits grouped with commas in one place and with thin spaces in another (12,345 and 2\u2009468).

    What it does
    Finds numbers grouped by threes with commas and with thin spaces (in the original text) in
    one document and, when both occur, points at the first number of the less used style, with
    the others of that style and the first of the other as related places. GB/T 15835-2011
    5.1.1 allows either way of grouping, one per text. One finding per document.

    Why is this bad?
    Two grouping styles look like two sources pasted together, and a thin-space group next to a
    comma group reads as two separate numbers.

    Example
    全年完成产值12,345万元,实现利润2\u2009468万元。(2与468之间为窄空格 U+2009)

    Use instead
    全年完成产值12,345万元,实现利润2,468万元。
    """

    code = "US13"
    name = "mixed-digit-grouping"
    default_severity = Severity.INFO
    messages = {
        "zh": "数字分节混用:{minority}分节{count}处,其余用{majority}分节(GB/T 15835-2011 5.1.1),宜统一",
        "en": "digit grouping mixed: {count} with {minority_en}, the rest with {majority_en} (GB/T 15835-2011 5.1.1)",
    }

    names = {",": ("逗号", "commas"), "thin": ("空格", "thin spaces")}
    tie = ","
    marks = _GROUPED
    in_original = True

    def style(self, match: re.Match[str]) -> str:
        return "," if match.group("mark") == "," else "thin"
