"""Numerals to exact decimals: Arabic (1,234.5), Chinese (三千, 两万, 二〇二四) and scale words (万, 亿)."""
from __future__ import annotations

from decimal import Decimal

from claims.numerals import parse

SCALES = {"十万": Decimal(10**5), "百万": Decimal(10**6), "千万": Decimal(10**7), "万亿": Decimal(10**12),
          "亿": Decimal(10**8), "万": Decimal(10**4), "千": Decimal(10**3), "百": Decimal(100)}


def is_arabic(text: str) -> bool:
    return text[:1].isdigit()


def parse_number(text: str) -> Decimal:
    """The exact value of one numeral: ``"1,234.5"``, ``"三千"``, ``"万"`` (= 一万), ``"二〇二四"``
    (claims/numerals.py); raises ``ValueError`` for a vague numeral (几十) or none."""
    value = parse(text).value
    if value is None:
        raise ValueError(f"vague numeral {text!r}")
    return value


def step_of(numeral: str, scale: Decimal = Decimal(1)) -> Decimal:
    """Place value of the last significant digit: 270 → 10, 2.8 (万) → 1000, 17 → 1."""
    return parse(numeral).step * scale


def display(value: Decimal | str | None) -> str:
    """A figure for people: thousands separated (1,000,000), a date as it is, nothing for None."""
    if value is None:
        return ""
    return f"{plain(value):,}" if isinstance(value, Decimal) else str(value)


def plain(value: Decimal) -> int | float:
    """A JSON-friendly number: an int when integral, else the shortest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
