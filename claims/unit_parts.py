"""What stands around a unit word: a currency sign before the amount, sub-units after the unit
(123元1角1分, 3斤5两, 3年半, 五块六), and 半 or 多 inside a 个 unit (两个半月, 十个多月)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from claims.numerals import characters, parse
from claims.vocab import figure_words, money_signs, sub_units
from vocab.files import alternation


@dataclass(frozen=True)
class UnitReading:
    """The unit word an amount is read in, and what its sub-units add to it."""

    word: str | None  # 元 for 五块六, 个月 for 两个半月, 美元 for $100
    extra: Decimal = Decimal(0)  # 0.11 of 123元1角1分, in units of ``word``
    step: Decimal | None = None  # the share of the last stated sub-unit (0.01 for 1分); None: none
    truncated: str | None = None  # 多 of 十个多月


@cache
def _tails() -> re.Pattern[str]:
    """One numbered tail (1角, 五两), 半, or a bare digit."""
    words = {sub.tail for subs in sub_units().values() for sub in subs if sub.tail}
    chinese = re.escape(characters().chinese)
    return re.compile(rf"(?:(\d{{1,2}}|[{chinese}]{{1,2}}?)?({alternation(words)})|(\d|[{chinese}])$)")


@cache
def _splits() -> tuple[frozenset[str], frozenset[str]]:
    """The [half] and [truncation] words that may split a 个 unit."""
    words = figure_words()
    return frozenset(words["half"]), frozenset(words["truncation"])


@cache
def read_unit(unit: str | None, sub: str | None, sign: str | None) -> UnitReading:
    """The reading of a match's ``unit`` group, its ``sub`` group and its currency ``sign``."""
    if unit is None:
        return UnitReading(money_signs()[sign] if sign else None)
    halves, truncations = _splits()
    if unit.startswith("个") and len(unit) > 2 and (unit[1] in halves or unit[1] in truncations):
        base = "个" + unit[2:]
        if unit[1] in halves:
            return UnitReading(base, Decimal("0.5"), Decimal("0.5"))
        return UnitReading(base, step=Decimal(1), truncated=unit[1])  # 十个多月: [10, 11] months
    if not sub:
        return UnitReading(unit)
    subs = {s.tail: s for s in sub_units()[unit]}
    extra, step, read_as = Decimal(0), None, ""
    position = 0
    while position < len(sub):
        found = _tails().match(sub, position)
        numeral, tail = (found.group(1) or found.group(3), found.group(2) or "") if found else (None, None)
        if found is None or tail not in subs:
            raise ValueError(f"sub-unit {sub!r} of {unit!r}")
        share = subs[tail]
        value = Decimal(1) if numeral is None else parse(numeral).low
        extra += value * share.fraction
        step = share.fraction if numeral is None or step is None else min(step, share.fraction)
        read_as = read_as or share.read_as
        position = found.end()
    return UnitReading(read_as or unit, extra, step)


def tenths(numeral: str) -> Decimal | None:
    """七五折 → 7.5: a two-digit Chinese numeral before a ``tenths_digits`` unit reads as a digit and
    its tenth; None for any other numeral."""
    digits = characters().digits
    if len(numeral) == 2 and numeral[0] in digits and numeral[1] in digits:
        return Decimal(digits[numeral[0]]) + Decimal(digits[numeral[1]]) / 10
    return None
