"""Numerals to exact decimals: Arabic (1,234.5), Chinese (三千, 两万, 二〇二四) and scale words (万, 亿)."""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import cn2an

SCALES = {"十万": Decimal(10**5), "百万": Decimal(10**6), "千万": Decimal(10**7), "万亿": Decimal(10**12),
          "亿": Decimal(10**8), "万": Decimal(10**4), "千": Decimal(10**3), "百": Decimal(100)}
CHINESE_DIGITS = "〇零一二两三四五六七八九"
_DIGIT_VALUES = str.maketrans("〇零一二两三四五六七八九", "001223456789")


def is_arabic(text: str) -> bool:
    return text[:1].isdigit()


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Decimal:
    """The value of one numeral: ``"1,234.5"``, ``"三千"``, ``"万"`` (= 一万), ``"二〇二四"``."""
    if is_arabic(text):
        return Decimal(text.replace(",", "").replace(" ", ""))
    if all(ch in CHINESE_DIGITS for ch in text) and len(text) > 1 and "十" not in text:
        return Decimal(text.translate(_DIGIT_VALUES))
    if text[0] in "十百千万亿" and text[0] != "十":
        text = "一" + text
    return Decimal(str(cn2an.cn2an(text, "smart")))


@lru_cache(maxsize=8192)
def step_of(numeral: str, scale: Decimal = Decimal(1)) -> Decimal:
    """Place value of the last significant digit: 270 → 10, 2.8 (万) → 1000, 17 → 1."""
    if is_arabic(numeral):
        digits = numeral.replace(",", "").replace(" ", "")
        if "." in digits:
            return Decimal(1).scaleb(-len(digits.split(".")[1])) * scale
        return Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")) or 0) * scale if digits.strip("0") else scale
    value = parse_number(numeral)
    if value != value.to_integral_value():
        return Decimal(1).scaleb(value.as_tuple().exponent) * scale
    integer = str(int(value))
    return Decimal(1).scaleb(len(integer) - len(integer.rstrip("0"))) * scale


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
