"""A grammar of numerals: Arabic, Chinese, financial and mixed numerals to exact decimals.

A numeral is read in three layers (characters from data/numerals.toml):

- **big units** 亿 and 万 split it at their last occurrence into a multiplied head and a tail:
  ``三万万`` = 三万 × 万, ``4.78万亿`` = 4.78万 × 亿, ``25万6千`` = 25 × 万 + 6千; a tail of one
  digit is the next place down (``一万三`` = 13000, ``一亿二`` = 1.2亿), 零 leaves it as it is
  (``两万零三`` = 20003);
- a **section** below 万 adds digits times 十/百/千 from left to right (``一百二十`` = 120, ``十五``,
  ``廿七``, ``壹佰贰拾叁``, ``1千零1``), a last digit after a multiplier again the next place down
  (``千三`` = 1300, ``两千四`` = 2400); Arabic digits (``3万4000``) count as written;
- **atoms**: Arabic numbers (grouping by ``,`` or spaces removed), Chinese digits, a digit string
  (``二〇二四``), a decimal with 点 (``一点两`` = 1.2, ``二点五万``), vague digits (``几十万``,
  ``十几``) and two neighbouring digits (``三四十`` = [30, 40], ``五六`` = [5, 6]) as intervals.

``parse`` gives the interval [low, high] (one point for an exact numeral) and the step, the
place value of the last stated digit (2.8万 → 1000, 一百二十 → 10).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property, lru_cache

from vocab.files import toml_data

_GROUPING = re.compile(r"(?<=\d)[, ](?=\d)")
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
LOW, HIGH = 0, 1


@dataclass(frozen=True)
class Characters:
    """What each numeral character means (data/numerals.toml)."""

    digits: dict[str, int]
    multipliers: dict[str, int]
    tens: dict[str, int]
    point: tuple[str, ...]
    leading: dict[str, tuple[int, int]]
    trailing: dict[str, tuple[int, int]]

    @cached_property
    def big(self) -> tuple[str, ...]:
        """亿 and 万: the multipliers between sections, largest first."""
        return tuple(sorted((w for w, v in self.multipliers.items() if v >= 10**4), key=lambda w: -self.multipliers[w]))

    @cached_property
    def chinese(self) -> str:
        """Every character of a Chinese numeral, for a regex class."""
        words = (*self.digits, *self.multipliers, *self.tens, *self.leading, *self.trailing, *self.point)
        return "".join(dict.fromkeys(words))


@cache
def characters() -> Characters:
    data = toml_data("claims", "numerals.toml")
    vague = data["vague"]
    return Characters(data["digits"], data["multipliers"], data["tens"], tuple(data["point"]["words"]),
                      {w: tuple(b) for w, b in vague["leading"].items()},
                      {w: tuple(b) for w, b in vague["trailing"].items()})


@dataclass(frozen=True)
class Numeral:
    """The value of a numeral: an interval (low == high when exact) and the step of its last digit."""

    low: Decimal
    high: Decimal
    step: Decimal

    @property
    def value(self) -> Decimal | None:
        return self.low if self.low == self.high else None


@lru_cache(maxsize=8192)
def parse(text: str) -> Numeral:
    """The numeral ``text`` (no sign, no unit); raises ``ValueError`` when it is none."""
    text = _GROUPING.sub("", text).replace(" ", "")
    if not text:
        raise ValueError("empty numeral")
    low, step = _value(text, LOW)
    high, _ = _value(text, HIGH)
    return Numeral(low, high, step)


def _value(text: str, pick: int) -> tuple[Decimal, Decimal]:
    """(value, step) of ``text``, vague digits at their low (``pick`` 0) or high (1) end."""
    chars = characters()
    if _ARABIC.fullmatch(text):
        return Decimal(text), _arabic_step(text)
    point = next((p for p in chars.point if p in text), None)
    if point:
        return _decimal(text, point, pick)
    for big in chars.big:
        at = text.rfind(big)
        if at >= 0:
            return _big(text[:at], chars.multipliers[big], text[at + 1:], pick)
    if len(text) > 1 and all(ch in chars.digits for ch in text):
        return _digit_string(text, pick)
    return _section(text, pick)


def _big(head: str, unit: int, tail: str, pick: int) -> tuple[Decimal, Decimal]:
    """head × unit + tail, for the 万 or 亿 at the split."""
    value, step = _value(head, pick) if head else (Decimal(1), Decimal(1))
    value, step = value * unit, step * unit
    if not tail:
        return value, step
    chars = characters()
    if tail[0] in chars.digits and chars.digits[tail[0]] == 0:
        rest, rest_step = _value(tail.lstrip("".join(w for w, v in chars.digits.items() if v == 0)), pick)
    elif len(tail) == 1 and (tail in chars.digits or tail.isdigit()):
        digit = chars.digits.get(tail, None)
        rest, rest_step = Decimal(int(tail) if digit is None else digit) * unit / 10, Decimal(unit) / 10
    else:
        rest, rest_step = _value(tail, pick)
    if rest >= unit:
        raise ValueError(f"tail {tail!r} not below its unit")
    return value + rest, min(step, rest_step) if rest else step


def _decimal(text: str, point: str, pick: int) -> tuple[Decimal, Decimal]:
    """二点五万, 一点两, 4.5: integer part, fraction digits, then the multipliers after them."""
    chars = characters()
    whole, _, rest = text.partition(point)
    fraction = ""
    while rest and rest[0] in chars.digits:
        fraction, rest = fraction + str(chars.digits[rest[0]]), rest[1:]
    if not fraction or any(ch not in chars.multipliers for ch in rest):
        raise ValueError(f"bad decimal {text!r}")
    value = (_value(whole, pick)[0] if whole else Decimal(0)) + Decimal("0." + fraction)
    scale = Decimal(1)
    for ch in rest:
        scale *= chars.multipliers[ch]
    return value * scale, Decimal(1).scaleb(-len(fraction)) * scale


def _digit_string(text: str, pick: int) -> tuple[Decimal, Decimal]:
    """二〇二四 → 2024; two neighbouring digits (三四, 五六) → the interval between them."""
    digits = [characters().digits[ch] for ch in text]
    if len(digits) == 2 and digits[1] == digits[0] + 1 and digits[0]:
        return Decimal(digits[pick]), Decimal(1)
    return Decimal("".join(map(str, digits))), Decimal(1)


def _section(text: str, pick: int) -> tuple[Decimal, Decimal]:
    """Digits times 十/百/千 below 万, left to right: 一百二十, 十五, 廿七, 1千零1, 千三, 三四十."""
    chars = characters()
    total, steps = Decimal(0), []
    pending: tuple[Decimal, Decimal] | None = None  # a digit waiting for its multiplier
    last: int | None = None  # the last multiplier
    gap = False  # a 零 since the last multiplier
    position = 0
    while position < len(text):
        ch = text[position]
        arabic = _ARABIC.match(text, position)
        if arabic:
            if pending is not None:
                raise ValueError(f"two numbers in {text!r}")
            pending, position = (Decimal(arabic.group()), _arabic_step(arabic.group())), arabic.end()
            continue
        position += 1
        if ch in chars.digits and chars.digits[ch] == 0:
            gap = True
        elif ch in chars.digits or ch in chars.leading or ch in chars.trailing:
            pending = _digit(ch, pending, last, pick)
        elif ch in chars.tens:
            if pending is not None or (last is not None and last <= 10):
                raise ValueError(f"misplaced {ch!r} in {text!r}")
            total, last, gap = total + chars.tens[ch], 10, False
            steps.append(Decimal(10))
        elif ch in chars.multipliers:
            factor = chars.multipliers[ch]
            if last is not None and (factor >= last or pending is None):
                raise ValueError(f"multipliers out of order or without a digit in {text!r}")
            digit, digit_step = pending if pending is not None else (Decimal(1), Decimal(1))
            total += digit * factor
            steps.append(digit_step * factor)
            pending, last, gap = None, factor, False
        else:
            raise ValueError(f"not a numeral character {ch!r} in {text!r}")
    if pending is not None:
        digit, digit_step = pending
        if last is not None and not gap and digit < 10 and digit == digit.to_integral_value():
            total += digit * last / 10  # 千三, 一百二: the next place down
            steps.append(Decimal(last) / 10)
        else:
            total += digit
            steps.append(digit_step)
    if not steps:
        return total, Decimal(1)  # 零
    return total, min(steps)


def _digit(ch: str, pending: tuple[Decimal, Decimal] | None, last: int | None, pick: int) -> tuple[Decimal, Decimal]:
    """A digit or vague digit; a digit right after its neighbour below makes an interval (三四十)."""
    chars = characters()
    if ch in chars.digits:
        digit = chars.digits[ch]
        if pending is not None and digit != pending[0] + 1:
            raise ValueError(f"two digits in a row before {ch!r}")
        return pending if pending is not None and pick == LOW else (Decimal(digit), Decimal(1))
    if pending is not None:
        raise ValueError(f"a vague digit after a digit: {ch!r}")
    bounds = chars.leading.get(ch) if last is None else chars.trailing.get(ch)
    if bounds is None:
        raise ValueError(f"misplaced vague digit {ch!r}")
    return Decimal(bounds[pick]), Decimal(1)


def _arabic_step(digits: str) -> Decimal:
    """270 → 10, 2.80 → 0.01, 5000 → 1000, 0 → 1."""
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1]))
    significant = digits.rstrip("0")
    return Decimal(1).scaleb(len(digits) - len(significant)) if significant.strip("0") else Decimal(1)
