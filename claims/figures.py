"""Turn one match of the master pattern into the fields of a quantity or date claim."""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from claims.claim import Figure
from claims.intervals import interval
from claims.numbers import SCALES, is_arabic, parse_number
from claims.numerals import Numeral, characters, parse
from claims.sentences import IN_CLAUSE, WITHIN_CLAUSE
from claims.unit_parts import UnitReading, read_unit, tenths
from claims.units import units
from claims.vocab import figure_words, measure_words, qualifiers, unit_words
from vocab.files import alternation


@cache
def _rank_verbs() -> re.Pattern[str]:
    """A rank verb earlier in the clause: 居第3位, 居全区20个边境旗县第一 (居 of 聚居 is no verb)."""
    words = figure_words()
    verbs = []
    for verb in sorted(words["rank_verbs"], key=lambda w: (-len(w), w)):
        before = "".join(re.escape(word[0]) for word in words["not_rank_verbs"] if word[1:] == verb)
        verbs.append(f"(?<![{before}]){re.escape(verb)}" if before else re.escape(verb))
    return re.compile(f"(?:{'|'.join(verbs)}){WITHIN_CLAUSE}{{0,30}}$")


@cache
def _link_before() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(figure_words()['link_before'])})$")


@cache
def _money_before() -> re.Pattern[str]:
    """A money verb ending the text before a bare amount, a linking word allowed after it: 总投资达."""
    words = figure_words()
    return re.compile(f"(?:{alternation(words['money_before'])})(?:{alternation(words['link_before'])})?$")


@cache
def _words(section: str) -> frozenset[str]:
    """Time-frame units (年, 个月), rank units (位, 名) and the date tails kept as the qualifier
    (10月底, 2013年以来; 份 and 度 of 5月份, 2023年度 add nothing)."""
    return frozenset(figure_words()[section])


class Parts(NamedTuple):
    """The named pieces of a quantity match, read in one call."""

    pre: str | None
    sign: str | None
    vague: str | None
    den: str | None
    neg: str | None
    n1: str | None
    n2: str | None
    mid: str | None
    scale: str | None
    mid2: str | None
    plus: str | None
    unit: str | None
    sub: str | None
    post: str | None

    @classmethod
    def of(cls, match: re.Match[str]) -> Parts:
        return cls(*match.group(*cls._fields))


def quantity(match: re.Match[str], text: str) -> Figure | None:
    """The figure of a ``qty`` match, or ``None`` when it is no quantity (an ordinal, a bare label)."""
    parts = Parts.of(match)
    start = match.start("n1") if parts.n1 else match.start()
    if "第" in text[max(0, start - 2):start]:
        return _rank(parts, text, start)
    if parts.vague:
        return _vague(parts)
    numeral = parts.n1
    arabic = is_arabic(numeral)
    try:
        reading = read_unit(parts.unit, parts.sub, parts.sign)
    except (ValueError, ArithmeticError, KeyError):
        return None
    if reading.word is None and not parts.den and _bare_amount(parts, text, match.start()):
        reading = UnitReading(_money_word())  # 出资186亿, 总投资两千万: a bare amount after a money verb
    marked = reading.word or parts.scale or parts.den
    qualified = _qualifiers(parts)
    if reading.truncated:
        qualified.append((reading.truncated, "truncated"))  # 十个多月
    if parts.mid and not (reading.word or parts.scale) and parts.mid in _words("truncation_before_unit"):
        return None  # 1来1往: 来 truncates only before a unit
    if not (marked or qualified) and not arabic:
        return None  # 统一, 一个个: a bare Chinese numeral is never a figure
    if arabic and start > 0 and not parts.sign:
        before = text[start - 1]
        if before.isascii() and before.isalnum() or before in "._#/":
            return None  # part of a code: V2, No.5
    try:
        alone = parse(numeral)
        whole = parse(numeral + parts.scale) if parts.scale else alone
        if reading.word in _words("tenths_digits"):
            tenth = tenths(numeral)
            whole = whole if tenth is None else Numeral(tenth, tenth, Decimal("0.1"))
    except (ValueError, ArithmeticError, KeyError):
        return None
    extra = reading.extra
    if not _is_figure(parts, reading.word, text, match.start(), arabic, alone.high + extra if extra else alone.high,
                      bool(qualified)):
        return None  # (alone.high: 一两天 is no article)
    kind, unit, measure = _kind_and_unit(reading.word, bool(parts.den), parts.scale, text, match.end())
    step = whole.step if reading.step is None else min(whole.step, reading.step)
    sign = None
    if parts.neg or parts.den:
        sign = Decimal(-1) if parts.neg else Decimal(1)
        if parts.den:
            try:
                sign *= Decimal(100) / _denominator(parts.den)  # 三分之一 → 33.3… percent
            except (ValueError, ArithmeticError, KeyError):
                return None
        step = abs(step * sign)
    if parts.n2:
        try:
            low, high = _range(numeral, parts.n2, parts.scale or "")
        except (ValueError, ArithmeticError, KeyError):
            return None
        return Figure(kind, None, _signed(low, sign), _signed(high, sign), unit, measure, "range", step)
    if whole.value is None:  # 几十万, 二十几万: an interval of its own
        return Figure(kind, None, _signed(whole.low, sign), _signed(whole.high, sign), unit, measure, numeral, step)
    x = _signed(whole.low + extra if extra else whole.low, sign)
    if parts.unit in _words("time_frame_units") and parts.pre and qualified[0][0] in _words("time_frame_words"):
        qualified = qualified[1:]  # 近三年: "the past three years"; 将近三年 stays "nearly three years"
    low, high = interval(x, step, [meaning for _, meaning in qualified])
    return Figure(kind, x, low, high, unit, measure, ",".join(word for word, _ in qualified) or None, step)


def _signed(value: Decimal, factor: Decimal | None) -> Decimal:
    """``value`` times the sign and fraction factor (None: neither)."""
    return value if factor is None else value * factor


_TRAILING = re.compile(r"[千百万亿]+$")


def _range(first: str, second: str, scale: str) -> tuple[Decimal, Decimal]:
    """The ends of a range whose first end may share the second's multiplier: 两到三万 is
    [2万, 3万], 3-5万 [3万, 5万], 一百二十到一百五十万 [120万, 150万]; 8500到3万 keeps 8500."""
    high = parse(second + scale).high
    shared = scale or (_TRAILING.search(second).group() if _TRAILING.search(second) else "")
    if shared and shared[0] not in first:
        try:
            low = parse(first + shared).low
        except ValueError:
            low = None
        if low is not None and low <= high:
            return low, high
    return parse(first).low, high


def _bare_amount(parts: Parts, text: str, start: int) -> bool:
    """A numeral ending in 万 or 亿 (186亿, 两千万) right after a money verb (出资, 总投资达)."""
    ending = parts.scale or parts.n1
    return ending[-1] in characters().big and bool(_money_before().search(text, max(0, start - 8), start))


@cache
def _money_word() -> str:
    """The unit word of a bare amount: the one that reads as yuan (元)."""
    return next(word for word, (unit, _) in unit_words().items() if unit == "yuan")


def _qualifiers(parts: Parts) -> list[tuple[str, str]]:
    """(word, meaning) of every qualifier of the match, in reading order."""
    table = qualifiers()
    found = []
    if parts.pre:
        found.append((parts.pre, table.prefix[parts.pre]))
    found += [(word, "truncated") for word in (parts.mid, parts.mid2, parts.plus) if word]
    if parts.post:
        found.append((parts.post, table.suffix[parts.post]))
    return found


def _is_figure(parts: Parts, unit: str | None, text: str, match_start: int, arabic: bool, mantissa: Decimal,
               qualified: bool) -> bool:
    """Whether a number is a figure: it needs a unit, a scale, a qualifier or a linking verb."""
    if not arabic:
        if mantissa == 1 and not parts.scale and not parts.den and not qualified and unit not in _words("one_counts"):
            return False  # 一个, 一批: the indefinite article (一元, 一家 count)
        if parts.n1 in SCALES and not qualified:
            return False  # 万人上山: a bare scale word is a name, not a count
    if unit or parts.scale or parts.den:
        return True
    if qualified:
        return arabic
    return arabic and bool(_link_before().search(text, max(0, match_start - 3), match_start))


def _denominator(word: str) -> Decimal:
    """百 → 100, 千 → 1000, 三 → 3 (the N of N分之M)."""
    return SCALES.get(word) or parse_number(word)


def _kind_and_unit(unit_word, fraction, scale_word, text, end) -> tuple[str, str | None, str | None]:
    if fraction:
        return "percent", "percent", None
    if unit_word in units():
        unit = units()[unit_word]
        return unit.kind, unit.name or None, None
    if unit_word in measure_words():
        return "count", "item", unit_word
    if scale_word and end < len(text) and "\u4e00" <= text[end] <= "\u9fff":
        return "count", "item", None  # 为1.35万各族群众: a count without a measure word
    return "number", None, None


def _rank(parts: Parts, text: str, start: int) -> Figure | None:
    """居第3位 is a rank (with its total when 在339个城市中 precedes); other 第N are ordinals."""
    before = text[max(0, start - 40):start].rstrip().removesuffix("第")
    if not parts.n1 or not (_rank_verbs().search(before) or parts.unit in _words("rank_units")):
        return None
    after = start + len(parts.n1)
    if not parts.unit and after < len(text) and "\u4e00" <= text[after] <= "\u9fff":
        return None  # 第一要务, 第一方阵: an ordinal adjective
    try:
        rank = parse_number(parts.n1)
    except (ValueError, ArithmeticError, KeyError):
        return None
    return Figure("rank", rank, rank, rank, None, parts.unit, None, Decimal(1), _rank_total(text, start))


# The number ranked among: 在全国339个城市中居第3位, 位列全国339个城市第3位.
_TOTAL = re.compile(rf"(\d+|[一二两三四五六七八九十百千]+)个{IN_CLAUSE}{{0,30}}$")


def _rank_total(text: str, start: int) -> Decimal | None:
    window = text[max(0, start - 48):start]
    found = _TOTAL.search(window)
    if not found:
        return None
    try:
        return parse_number(found.group(1))
    except (ValueError, ArithmeticError, KeyError):
        return None


def _vague(parts: Parts) -> Figure:
    """数百名, 上万人: an interval from the vague-numeral table, a value only when one-sided."""
    low, high = qualifiers().vague[parts.vague]
    kind, unit, measure = _kind_and_unit(parts.unit, False, None, "", 0)
    low_d = Decimal(low)
    high_d = Decimal(high) if high is not None else None
    return Figure(kind, low_d if high is None else None, low_d, high_d, unit, measure, parts.vague, None)


def date(match: re.Match[str], year: int | None) -> Figure | None:
    """The figure of a date match: ISO value, bounds and precision; None for a vague one (三四月)."""
    try:
        return _date(match, year)
    except ValueError:
        return None


def _date(match: re.Match[str], year: int | None) -> Figure | None:
    group = match.group
    if group("yrange"):
        first, last = int(parse_number(group("y1"))), int(parse_number(group("y2")))
        return Figure("date", f"{first}/{last}", f"{first}-01-01", f"{last}-12-31", qualifier="range", precision="year")
    if group("iso"):
        return _calendar_date(int(group("iy")), int(group("im")), int(group("id")), None)
    if group("nomark"):  # 20201月: a date with 年 left out, for DT02
        return replace(_calendar_date(int(group("ny")), int(group("nm")), None, None), qualifier="malformed")
    if group("ymd"):
        y = _full_year(int(parse_number(group("y"))))
        m = int(parse_number(group("m")[:-1])) if group("m") else None
        return _days(y, m, match, "", group("ytail"))
    m = int(parse_number(group("m2")[:-1]))
    if m > 12 and group("d2") is None:
        return None
    return _days(year, m, match, "2", group("mtail"))


def _full_year(year: int) -> int:
    """08年 → 2008, 98年 → 1998; four-digit years as they are."""
    if year >= 100:
        return year
    return year + (2000 if year < 50 else 1900)


def _days(y: int | None, m: int | None, match: re.Match[str], tag: str, tail: str | None) -> Figure:
    """A date of the ``days`` groups ending in ``tag``: one day, or a range of days (12—19日,
    11日至8月22日) as the interval between its first and last day."""
    group = match.group
    day = group(f"d{tag}") if m is not None else None
    first = _calendar_date(y, m, int(parse_number(day)) if day else None, tail)
    last_day = group(f"dr{tag}") or group(f"de{tag}")
    if not last_day:
        return first
    last_month = int(parse_number(group(f"mr{tag}")[:-1])) if group(f"mr{tag}") else m
    last_year = int(parse_number(group("yr"))) if not tag and group("yr") else y
    last = _calendar_date(last_year, last_month, int(parse_number(last_day)), None)
    return Figure("date", f"{first.value}/{last.value}", first.low, last.high, qualifier="range", precision="day")


def _calendar_date(y: int | None, m: int | None, d: int | None, tail: str | None) -> Figure:
    """ISO strings for a date of year, month or day precision; ``--MM-DD`` when the year is unknown."""
    tail = tail if tail in _words("date_tails") else None
    prefix = f"{y:04d}" if y is not None else "-"
    if m is None:
        return Figure("date", prefix, f"{prefix}-01-01", f"{prefix}-12-31", qualifier=tail, precision="year")
    month = f"{prefix}-{m:02d}"
    if d is None:
        last = calendar.monthrange(y or 2000, m)[1] if 1 <= m <= 12 else None
        low, high = (f"{month}-01", f"{month}-{last:02d}") if last else (None, None)
        return Figure("date", month, low, high, qualifier=tail, precision="month")
    day = f"{month}-{d:02d}"
    return Figure("date", day, day, day, qualifier=tail, precision="day")
