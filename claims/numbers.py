"""Numerals to exact decimals: Arabic (1,234.5), Chinese (三千, 两万, 二〇二四) and scale words (万, 亿)."""
from __future__ import annotations

from decimal import Context, Decimal

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


# Digits of the largest figure given as an int: Python refuses to write an int of more digits than
# its int-to-string limit (4,300 by default, 640 at the lowest a user may set).
MAX_DIGITS = 640
MAX_FLOAT_EXPONENT = 307  # a float holds up to about 1.8e308; beyond, it would be infinite
SIGNIFICANT = 17  # digits of a huge figure written in scientific notation: a float's precision


def display(value: Decimal | str | None) -> str:
    """A figure for people: thousands separated (1,000,000), a date as it is, nothing for None;
    a huge figure in scientific notation (1.2345678901234568E+4999)."""
    if value is None:
        return ""
    if not isinstance(value, Decimal):
        return str(value)
    number = plain(value)
    return number if isinstance(number, str) else f"{number:,}"


def plain(value: Decimal) -> int | float | str:
    """A JSON-friendly number: an int when integral, else the shortest float; a figure too large
    for either (more than ``MAX_DIGITS`` digits, or a fraction past a float's range) as a string in
    scientific notation rounded to ``SIGNIFICANT`` digits, which no renderer fails to write."""
    if not value.is_finite():
        return str(value)
    if value == value.to_integral_value():
        if value.adjusted() < MAX_DIGITS:
            return int(value)
    elif value.adjusted() < MAX_FLOAT_EXPONENT:
        return float(value)
    return f"{Context(prec=SIGNIFICANT).create_decimal(value).normalize():E}"
