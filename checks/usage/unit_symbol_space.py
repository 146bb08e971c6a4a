"""US14 unit-symbol-space."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import islice
from types import MappingProxyType
from typing import Any

from checks.finding import Finding, Severity
from checks.first_characters import finditer
from checks.registry import register
from checks.usage._pattern import UsageRule, quiet_spans
from sources.document import Document
from sources.spans import overlaps
from vocab.files import toml_data

_NUMBER = r"(?<![A-Za-z0-9_.°′″])(?:\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?"
_HANZI = re.compile(r"[\u4e00-\u9fff]")
_UNSPACED = {"advice_zh": "数值与单位符号间应留空隙",
             "advice_en": "leave a space between the number and the unit symbol"}
_SPACED_ANGLE = {"advice_zh": "平面角单位与数值间不留空隙", "advice_en": "no space before a plane-angle unit"}


@dataclass(frozen=True)
class Quantity:
    """A number with a unit symbol in the normalized view: where, the symbol, and the gap."""

    start: int
    end: int
    number: str
    symbol: str
    spaced: bool


@cache
def _vocabulary() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], dict[str, float]]:
    data = toml_data("checks.usage", "unit_symbols.toml")
    symbols = sorted(data["symbols"]["words"], key=len, reverse=True)
    unit = re.compile(rf"(?P<number>{_NUMBER})(?P<gap> ?)(?P<symbol>{'|'.join(map(re.escape, symbols))})"
                      r"(?![A-Za-zΩμµ²³·/])")
    angle = re.compile(rf"(?P<number>{_NUMBER}) (?P<symbol>{'|'.join(map(re.escape, data['angles']['words']))})"
                       r"(?![CF])")
    return unit, angle, frozenset(data["symbols"]["ambiguous"]), data["technical"]


@cache
def _ends() -> re.Pattern[str]:
    """A digit, an optional space and a unit symbol: the end of the number and the symbol of a
    quantity. Each quantity holds one, apart from the others' (a symbol has no digit), so a text
    has at most as many quantities as matches of this."""
    symbols = sorted(toml_data("checks.usage", "unit_symbols.toml")["symbols"]["words"], key=len, reverse=True)
    return re.compile(rf"\d ?(?:{'|'.join(map(re.escape, symbols))})(?![A-Za-zΩμµ²³·/])")


def quantities(doc: Document) -> list[Quantity]:
    """The numbers with a unit symbol in ``doc``, outside quotations, titles and furniture."""
    unit, _, ambiguous, _ = _vocabulary()
    quiet, found = quiet_spans(doc), []
    for match in unit.finditer(doc.text):
        after = doc.text[match.end():match.end() + 1]
        if match.group("symbol") in ambiguous and (after.isalnum() or _HANZI.match(after)):
            continue  # 5A级景区, 4K电视
        if not overlaps(quiet, *match.span()):
            found.append(Quantity(*match.span(), match.group("number"), match.group("symbol"),
                                  bool(match.group("gap"))))
    return found


def is_technical(doc: Document, found: list[Quantity] | None = None) -> bool:
    """Whether ``doc`` is technical text: many numbers with unit symbols, of several kinds."""
    limits = _vocabulary()[3]
    found = quantities(doc) if found is None else found
    return (len(found) >= limits["min_quantities"] and len({q.symbol for q in found}) >= limits["min_symbols"]
            and 1000 * len(found) / max(len(doc.text), 1) >= limits["per_thousand"])


@register
class UnitSymbolSpace(UsageRule):
    """In technical text, a unit symbol written against its number (5kg), or an angle spaced (30 °).

    What it does
    In a document that is technical text (many numbers with unit symbols of several kinds, by
    ``checks/usage/data/unit_symbols.toml``) and that mostly writes a space before its unit
    symbols already (the option ``spaced_share``, 0.5), flags each number written against its
    symbol; in any technical text, flags a space before a plane-angle unit (° ′ ″). GB 3101-1993
    3.4: a space between the number and the unit symbol, 20 ℃ included; none for ° ′ ″.
    Ordinary prose (5公里, 5km in a news story) is never technical text.

    Why is this bad?
    A technical text that spaces most of its units and not the others looks like two sources
    pasted together, and 5kg against 5 kg on one page is the kind of slip a copy editor of a
    journal is asked to catch; a spaced degree sign can break from its number at a line end.

    Example
    样品质量为2.5 kg,长度为120 mm,在20 ℃下保温30 min,施加电压12V,电流0.5 A,频率50 Hz,
    功率6 W,转角为30 °。

    Use instead
    样品质量为2.5 kg,长度为120 mm,在20 ℃下保温30 min,施加电压12 V,电流0.5 A,频率50 Hz,
    功率6 W,转角为30°。
    """

    code = "US14"
    name = "unit-symbol-space"
    default_severity = Severity.INFO
    options = MappingProxyType({**UsageRule.options, "spaced_share": 0.5})
    messages = {
        "zh": "“{text}”:{advice_zh},应写作“{suggestion}”(GB 3101-1993 3.4)",
        "en": "“{text}”: {advice_en}; write “{suggestion}” (GB 3101-1993 3.4)",
    }

    def check_usage(self, doc: Document) -> Iterable[Finding]:
        least = _vocabulary()[3]["min_quantities"]
        if sum(1 for _ in islice(finditer(_ends(), doc.text), least)) < least:
            return  # too few quantities for technical text
        found = quantities(doc)
        if not is_technical(doc, found):
            return
        spaced = sum(q.spaced for q in found)
        places: list[tuple[int, int, dict[str, Any]]] = []
        if spaced >= self.settings["spaced_share"] * len(found):
            places += [(q.start, q.end, {"suggestion": f"{q.number} {q.symbol}", **_UNSPACED})
                       for q in found if not q.spaced]
        quiet = quiet_spans(doc)
        places += [(m.start(), m.end(), {"suggestion": m.group("number") + m.group("symbol"), **_SPACED_ANGLE})
                   for m in _vocabulary()[1].finditer(doc.text) if not overlaps(quiet, *m.span())]
        for start, end, fields in sorted(places, key=lambda place: place[:2]):
            first, last = doc.original_span(start, end)
            yield self.finding(doc.id, first, last, evidence={**fields, "quantities": len(found), "spaced": spaced},
                               text=doc.original[first:last], **fields)
