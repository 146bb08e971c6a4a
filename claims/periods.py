"""What time a figure covers: 1—9月, 前三季度, 截至10月底, 2013年以来, 十四五期间, 春节假期.

A figure's period is read from the period words of its sentence before it (the nearest wins) or
from a bracket after it in its clause (改造1535个(2021—2024年)); a document's period from its
title or first line. The words are data (data/period_words.toml, plus the range words, date tails
and relative years of the other vocabularies); this module keeps the grammar: numerals, the date
markers 年 月 日 号, dashes, quotes and brackets. Dates are ISO as claims write them: ``2024``,
``2024-01``, ``2024-01-31``, and ``--01`` / ``--01-31`` when the year is not known.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claims.claim import Segment
from claims.iso_dates import date_parts
from claims.numbers import parse_number
from claims.vocab import figure_words, qualifiers, relative_years
from sources.normalize import fold, to_simplified
from vocab.files import alternation, error, toml_data, toml_line
from vocab.records import compact

NAME = "period_words.toml"
LISTS = {"quarters": ("words", "ordinals"), "counting": ("first", "months", "recent", "recent_tails"),
         "to_date": ("words", "now", "month_end"), "since": ("before", "after"), "days": ("words",),
         "plan_tails": ("words",), "holiday_tails": ("words",), "base": ("before", "after"),
         "unread_tails": ("words",)}

YEAR = r"(?:1[89]\d{2}|20\d{2}|[〇零一二][〇零一二三四五六七八九]{3})"
SMALL = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"  # a month, day or count
QUARTER = r"[1-4一二三四两]"
DASHES = r"-{1,2}|—{1,2}|–|~"
FREE = r"(?<![\d.〇零一二两三四五六七八九十])"  # not inside a longer numeral
OPEN, CLOSE = "[“\"「]?", "[”\"」]?"
_LINE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")  # a line as str.splitlines cuts them


@compact
@dataclass(frozen=True, slots=True)
class Period:
    """What time a figure covers.

    ``kind`` is "day", "span", "to_date", "since" or "year". ``start`` and ``end`` are ISO and
    inclusive (1—9月 of 2024: "2024-01" to "2024-09"), None when not stated: a ``to_date`` has
    only its cut-off as ``end``, a ``since`` only its ``start``; a holiday (春节假期) neither.
    ``text`` is the wording in the normalized text; ``inferred`` marks a period taken from the
    document's title or headline rather than the figure's own sentence.
    """

    kind: str
    start: str | None
    end: str | None
    text: str
    inferred: bool = False


@dataclass(frozen=True)
class PeriodWords:
    """The vocabularies of data/period_words.toml (its header says what each is for)."""

    parts_of_year: dict[str, tuple[int, int]]  # 上半年 → (1, 6)
    plans: dict[str, tuple[int, int]]  # 十四五 → (2021, 2025)
    holidays: dict[str, str]  # a word naming a holiday → the holiday: 五一 → 劳动节
    lists: dict[str, tuple[str, ...]]  # "section.key" → words: "to_date.words" → (截至, 截止, …)

    def any(self, key: str) -> str:
        """A non-capturing alternation of the words of ``lists[key]``."""
        return f"(?:{alternation(self.lists[key])})"


@cache
def period_words(package: str = "claims") -> PeriodWords:
    """``<package>``/data/period_words.toml, checked: a bad or missing entry is an error naming its line."""
    entries = _Entries(package, toml_data(package, NAME))
    lists = {f"{section}.{key}": entries.words(section, key, entries.section(section).get(key))
             for section, keys in LISTS.items() for key in keys}
    holidays = {word: name for name, words in entries.section("holidays").items()
                for word in entries.words("holidays", name, words)}
    return PeriodWords(entries.pairs("parts_of_year", 1, 12), entries.pairs("plans", 1900, 2100), holidays, lists)


@dataclass(frozen=True)
class _Entries:
    """The checked reading of the data file's sections and entries."""

    package: str
    data: dict

    def section(self, section: str) -> dict:
        found = self.data.get(section)
        if not isinstance(found, dict) or not found:
            raise error(self.package, NAME, None, f"missing or empty section [{section}]")
        return found

    def words(self, section: str, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value or not all(isinstance(word, str) and word for word in value):
            raise error(self.package, NAME, toml_line(self.package, NAME, section, key),
                        f"[{section}] {key}: a list of words expected")
        return tuple(value)

    def pairs(self, section: str, low: int, high: int) -> dict[str, tuple[int, int]]:
        """A section of ``word = [first, last]`` entries, low <= first <= last <= high."""
        pairs = {}
        for key, value in self.section(section).items():
            if not (isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value)
                    and low <= value[0] <= value[1] <= high):
                raise error(self.package, NAME, toml_line(self.package, NAME, section, key),
                            f"[{section}] {key}: [first, last] from {low} to {high} expected, got {value!r}")
            pairs[key] = (value[0], value[1])
        return pairs


Build = Callable[[re.Match[str], int | None], Period | None]


@dataclass(frozen=True)
class _Form:
    """A form of a period: its pattern, what reads a match (None: not a period after all), and its
    gate, words one of which every match holds, looked for first: a sentence without any of them
    is not scanned."""

    pattern: re.Pattern[str]
    build: Build
    gate: tuple[str, ...]


@cache
def _forms() -> tuple[_Form, ...]:
    """Each form of a period, tried on a sentence only when it holds the form's gate word."""
    words = period_words()
    dash = f"(?:{DASHES}|{alternation(figure_words()['range'])})"
    tails = f"(?:{alternation(figure_words()['plain_date_tails'])})?"
    prefix = rf"(?:(?P<y>{YEAR})年|(?P<rel>{alternation(relative_years())}))?"
    date = rf"{prefix}(?:(?P<m>{SMALL})月{tails}(?:(?P<d>{SMALL})[日号])?)?"
    plans, end, unread = alternation(words.plans), words.any("to_date.month_end"), words.any("unread_tails.words")
    month, year, parts = "月", "年", alternation(words.parts_of_year)
    lists = words.lists
    forms: list[tuple[str, Build, tuple[str, ...]]] = [
        (rf"{words.any('to_date.words')}\s*(?:(?P<now>{words.any('to_date.now')})|{date}{end}?)", _cut_off,
         lists["to_date.words"]),
        (rf"{FREE}{prefix}(?:(?P<m>{SMALL})月)?{end}", _cut_off, lists["to_date.month_end"]),
        (rf"{words.any('since.before')}?{FREE}(?:{OPEN}(?P<plan>{plans}){CLOSE}|{date}){words.any('since.after')}",
         _since, lists["since.after"]),
        (rf"{words.any('to_date.words')}?\s*{FREE}{prefix}(?P<q>{QUARTER}){words.any('quarters.words')}{end}",
         _quarter_end, lists["quarters.words"]),
        (rf"{_not_a_qualifier()}{words.any('counting.recent')}(?P<n>{SMALL})年{words.any('counting.recent_tails')}?",
         _recent, lists["counting.recent"]),
        (rf"{FREE}{prefix}(?P<m1>{SMALL})月(?P<d1>{SMALL})[日号]?\s*{dash}\s*(?:(?P<m2>{SMALL})月)?(?P<d2>{SMALL})[日号]",
         _day_range, (month,)),
        (rf"{FREE}{prefix}(?P<m1>{SMALL})(?:月{tails})?\s*{dash}\s*(?P<m2>{SMALL})月{tails}(?!{SMALL}[日号])",
         _month_range, (month,)),
        (rf"{FREE}(?P<y1>{YEAR})年?\s*{dash}\s*(?P<y2>{YEAR})年{tails}", _year_range, (year,)),
        (rf"{FREE}{prefix}(?:(?P<first>{words.any('counting.first')})|{words.any('quarters.ordinals')})?"
         rf"(?P<q>{QUARTER}){words.any('quarters.words')}", _quarter, lists["quarters.words"]),
        (rf"{FREE}{prefix}{words.any('counting.first')}(?P<n>{SMALL}){words.any('counting.months')}", _first_months,
         lists["counting.months"]),
        (rf"{FREE}{prefix}(?P<part>{parts})", _part_of_year, tuple(words.parts_of_year)),
        (rf"{OPEN}(?P<plan>{plans}){CLOSE}{words.any('plan_tails.words')}", _plan, tuple(words.plans)),
        (rf"{FREE}{prefix}{OPEN}(?P<name>{alternation(words.holidays)}){CLOSE}{words.any('holiday_tails.words')}",
         _holiday_span, lists["holiday_tails.words"]),
        (rf"{FREE}(?:{prefix}(?P<m>{SMALL})月(?P<d>{SMALL})[日号])?{words.any('days.words')}", _day,
         lists["days.words"]),
        (rf"{FREE}{prefix}(?P<m>{SMALL})月{tails}(?!{SMALL}[日号]|{unread})", _month, (month,)),
        (rf"{FREE}(?P<y>{YEAR})年{tails}(?!{SMALL}月|{unread})", _year, (year,)),
    ]
    return tuple(_Form(re.compile(pattern), build, gate) for pattern, build, gate in forms)


@cache
def _gate_words() -> frozenset[str]:
    """Every gate word of every form."""
    return frozenset(word for form in _forms() for word in form.gate)


def _not_a_qualifier() -> str:
    """Lookbehinds keeping a [counting] recent word from being the end of a qualifier (接近5年: nearly)."""
    return "".join(f"(?<!{re.escape(head)})" for head in sorted(_qualifier_heads()))


@cache
def _qualifier_heads() -> frozenset[str]:
    """What comes before a [counting] recent word in a qualifier (接 of 接近)."""
    recent = period_words().lists["counting.recent"]
    return frozenset(word[:-len(tail)] for word in qualifiers().prefix for tail in recent
                     if word.endswith(tail) and word != tail)


@cache
def _reach() -> tuple[int, int]:
    """How far before a sentence and after it the reading of its periods looks: the widest
    lookbehind of the forms (``FREE``, one character, and ``_not_a_qualifier``'s heads; the forms
    have no other), and the longest word after a base of comparison (比2020年同期)."""
    return max([1, *map(len, _qualifier_heads())]), max(map(len, period_words().lists["base.after"]))


def _number(numeral: str) -> int:
    return int(parse_number(numeral))


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """``2024``, ``2024-03``, ``--03-05``…; None for an invalid date or one with neither year nor month."""
    if month is None:
        return None if year is None or day is not None else f"{year:04d}"
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= calendar.monthrange(year or 2000, month)[1]):
        return None
    head = f"{year:04d}" if year is not None else "-"
    return f"{head}-{month:02d}" if day is None else f"{head}-{month:02d}-{day:02d}"


def _year_of(groups: dict[str, str | None], year: int | None) -> int | None:
    """The year a match states (2024年…), else the figure's year (also for 今年…)."""
    return _number(groups["y"]) if groups.get("y") else year


def _dated(groups: dict[str, str | None], year: int | None) -> tuple[bool, str | None]:
    """Whether the groups y/rel, m, d state a valid date, and its ISO value (None: the year is unknown)."""
    if not (groups.get("y") or groups.get("rel") or groups.get("m")):
        return False, None
    month, day = (_number(groups[key]) if groups.get(key) else None for key in ("m", "d"))
    iso = _iso(_year_of(groups, year), month, day)
    return iso is not None or month is None, iso


def _months(year: int | None, first: int, last: int, text: str) -> Period | None:
    start, end = _iso(year, first), _iso(year, last)
    return Period("span", start, end, text) if start and end and first <= last else None


def _cut_off(match: re.Match[str], year: int | None) -> Period | None:
    groups = match.groupdict()
    if groups.get("now"):
        return Period("to_date", None, None, match.group())
    valid, end = _dated(groups, year)
    return Period("to_date", None, end, match.group()) if valid else None


def _since(match: re.Match[str], year: int | None) -> Period | None:
    groups = match.groupdict()
    if groups["plan"]:
        return Period("since", str(period_words().plans[groups["plan"]][0]), None, match.group())
    valid, start = _dated(groups, year)
    return Period("since", start, None, match.group()) if valid else None


def _quarter_end(match: re.Match[str], year: int | None) -> Period | None:
    end = _iso(_year_of(match.groupdict(), year), 3 * _number(match["q"]))
    return Period("to_date", None, end, match.group()) if end else None


def _recent(match: re.Match[str], year: int | None) -> Period | None:
    count = _number(match["n"])
    return Period("since", str(year - count + 1) if year else None, None, match.group()) if count else None


def _day_range(match: re.Match[str], year: int | None) -> Period | None:
    first_year = _year_of(match.groupdict(), year)
    m1, d1, d2 = _number(match["m1"]), _number(match["d1"]), _number(match["d2"])
    m2 = _number(match["m2"]) if match["m2"] else m1
    wraps = (m2, d2) < (m1, d1)  # 12月29日至1月2日 ends in the next year
    if wraps and not match["m2"]:
        return None
    start, end = _iso(first_year, m1, d1), _iso(first_year + 1 if wraps and first_year else first_year, m2, d2)
    return Period("span", start, end, match.group()) if start and end else None


def _month_range(match: re.Match[str], year: int | None) -> Period | None:
    return _months(_year_of(match.groupdict(), year), _number(match["m1"]), _number(match["m2"]), match.group())


def _year_range(match: re.Match[str], _year: int | None) -> Period | None:
    first, last = _number(match["y1"]), _number(match["y2"])
    return Period("span", str(first), str(last), match.group()) if first < last else None


def _quarter(match: re.Match[str], year: int | None) -> Period | None:
    quarter = _number(match["q"])
    first = 1 if match["first"] else 3 * quarter - 2
    return _months(_year_of(match.groupdict(), year), first, 3 * quarter, match.group())


def _first_months(match: re.Match[str], year: int | None) -> Period | None:
    return _months(_year_of(match.groupdict(), year), 1, _number(match["n"]), match.group())


def _part_of_year(match: re.Match[str], year: int | None) -> Period | None:
    return _months(_year_of(match.groupdict(), year), *period_words().parts_of_year[match["part"]], match.group())


def _plan(match: re.Match[str], _year: int | None) -> Period:
    first, last = period_words().plans[match["plan"]]
    return Period("span", str(first), str(last), match.group())


def _holiday_span(match: re.Match[str], _year: int | None) -> Period:
    return Period("span", None, None, match.group())


def _day(match: re.Match[str], year: int | None) -> Period | None:
    if not match["m"]:
        return Period("day", None, None, match.group())
    day = _iso(_year_of(match.groupdict(), year), _number(match["m"]), _number(match["d"]))
    return Period("day", day, day, match.group()) if day else None


def _month(match: re.Match[str], year: int | None) -> Period | None:
    month = _iso(_year_of(match.groupdict(), year), _number(match["m"]))
    return Period("span", month, month, match.group()) if month else None


def _year(match: re.Match[str], _year: int | None) -> Period:
    stated = str(_number(match["y"]))
    return Period("year", stated, stated, match.group())


def _stated(text: str, begin: int, end: int, year: int | None) -> list[tuple[int, int, Period]]:
    """(start, end, period) of the periods stated in ``text[begin:end]``, left to right: where
    readings overlap the leftmost, then longest, wins; a base of comparison (比2020年) is left out.
    Read from the sentence with what the reading looks at around it (``_reach``), once for every
    document that repeats it."""
    before, after = _reach()
    start = max(0, begin - before)
    found = _stated_around(text[start:end + after], begin - start, end - start, year)
    return [(first + start, last + start, period) for first, last, period in found]


@lru_cache(maxsize=8192)
def _stated_around(text: str, begin: int, end: int, year: int | None) -> tuple[tuple[int, int, Period], ...]:
    """``_stated`` of a sentence cut out with its surroundings (positions in ``text``)."""
    sentence = text[begin:end]
    present = {word for word in _gate_words() if word in sentence}  # one look for each word, not each form
    found = sorted(((match.start(), match.end(), period) for form in _forms()
                    if not present.isdisjoint(form.gate)
                    for match in form.pattern.finditer(text, begin, end) if (period := form.build(match, year))),
                   key=lambda item: (item[0], -item[1]))
    chosen: list[tuple[int, int, Period]] = []
    for item in found:
        if not chosen or item[0] >= chosen[-1][1]:
            chosen.append(item)
    base = period_words().lists
    return tuple((start, stop, period) for start, stop, period in chosen
                 if not text.endswith(base["base.before"], begin, start)
                 and not text.startswith(base["base.after"], stop))


def period_of(text: str, sentence: Segment, clause: Segment, span: tuple[int, int], year: int | None) -> Period | None:
    """The period the figure at ``span`` of the normalized ``text`` covers, from the period words of its
    sentence before it (the nearest one wins); a period alone in the first bracket after the figure
    in its clause (改造1535个(2021—2024年)) wins over them. A missing year is ``year`` (the figure's
    year, which already reads 今年/去年; None: unknown). None when nothing says."""
    bracketed = _bracketed(text, span[1], clause.end, year)
    if bracketed:
        return bracketed
    before = [period for _, stop, period in _in_sentence(text, sentence.start, sentence.end, year) if stop <= span[0]]
    return before[-1] if before else None


@lru_cache(maxsize=256)
def _in_sentence(text: str, begin: int, end: int, year: int | None) -> tuple[tuple[int, int, Period], ...]:
    """The periods stated in a sentence, read once for all its figures."""
    return tuple(_stated(text, begin, end, year))


def _bracketed(text: str, begin: int, end: int, year: int | None) -> Period | None:
    """The period that is all of the first bracket in ``text[begin:end]``, if any."""
    opening = text.find("(", begin, end)
    closing = text.find(")", opening, end) if opening >= 0 else -1
    if closing < 0:
        return None
    inner = text[opening + 1:closing]
    first, last = opening + 1 + len(inner) - len(inner.lstrip()), closing - len(inner) + len(inner.rstrip())
    found = _stated(text, first, last, year)
    return found[0][2] if len(found) == 1 and found[0][:2] == (first, last) else None


def document_period(title: str | None, text: str) -> Period | None:
    """The period a whole document is about when its title, else its first non-empty line, states
    one (a bulletin titled 2024年1—10月…), as an ``inferred`` Period; the first such period counts.
    A plain year (2024年政府工作报告) is not taken: a report's year is not always the period of its
    figures, and the document's year is in its metadata. None otherwise."""
    lines = [to_simplified(fold(title))] if title else []
    first = next((line for line in map(re.Match.group, _LINE.finditer(text)) if line.strip()), None)
    lines += [first] if first else []
    for line in lines:
        stated = [period for _, _, period in _stated(line, 0, len(line), None) if period.kind != "year"]
        if stated:
            return replace(stated[0], inferred=True)
    return None


Bound = tuple[int | None, int, int]  # (year or None, month, day)


def _bound(iso: str | None, last: bool) -> Bound | None:
    """The first (or ``last``) day of an ISO date: 2024 → (2024, 1, 1) or (2024, 12, 31)."""
    parts = date_parts(iso)
    if len(parts) != 1:
        return None
    year, month, day = parts[0].year, parts[0].month, parts[0].day
    month = month or (12 if last else 1)
    return year, month, day or (calendar.monthrange(year or 2000, month)[1] if last else 1)


def _bounds(period: Period) -> tuple[Bound | None, Bound | None]:
    return _bound(period.start, False), _bound(period.end, True)


def compare(a: Period | None, b: Period | None) -> str:
    """Whether two figures' periods are the "same", "different" or "unknown".

    - Either side None → "unknown".
    - Different kinds → "different", except a ``year`` and a ``span`` of exactly that whole year
      (2024年全年, 2024年1—12月) → "same" ("unknown" when the span's year is not known).
    - Same kind, compared by the days they cover (2024年3月 = 2024年3月1日至31日; 截至10月底 =
      截至10月31日): equal → "same"; when one side's year is missing (``--``) and the month and day
      parts agree → "unknown"; otherwise "different" (1—9月 vs 1—10月, two cut-offs at different
      dates).
    - A period without any stated date (截至目前, 近三年 without a year, 当日) → "unknown", except
      that two undated spans (holidays) are the same by their text or by naming the same holiday
      in the same year (春节假期, 春节长假), else "different".
    """
    if a is None or b is None:
        return "unknown"
    if a.kind != b.kind:
        return _whole_year(a, b) if {a.kind, b.kind} == {"year", "span"} else "different"
    first, second = _bounds(a), _bounds(b)
    if not any(first) or not any(second):
        if a.kind == "span" and not any(first) and not any(second):
            return "same" if a.text == b.text or _holiday_key(a.text) == _holiday_key(b.text) else "different"
        return "unknown"
    pairs = list(zip(first, second, strict=True))
    if any((x is None) != (y is None) for x, y in pairs):
        return "unknown"
    if first == second:
        return "same"
    if any((x[0] is None) != (y[0] is None) for x, y in pairs if x and y) \
            and all(x[1:] == y[1:] for x, y in pairs if x and y):
        return "unknown"
    return "different"


def _whole_year(a: Period, b: Period) -> str:
    """A ``year`` against a ``span``: "same" when the span is exactly that year."""
    year, span = (a, b) if a.kind == "year" else (b, a)
    start, end = _bounds(span)
    if start is None or end is None or start[1:] != (1, 1) or end[1:] != (12, 31) or start[0] != end[0]:
        return "different"
    if start[0] is None:
        return "unknown"
    return "same" if str(start[0]) == year.start else "different"


def _holiday_key(text: str) -> tuple[str | None, str] | None:
    """(stated year or relative year, holiday) of a holiday period's text; None when it names none."""
    for form in _forms():
        match = form.pattern.fullmatch(text)
        if match and form.build is _holiday_span:
            return match["y"] or match["rel"], period_words().holidays[match["name"]]
    return None



def covers(outer: Period, inner: Period) -> bool:
    """Whether ``inner`` lies within ``outer`` (3月 within 一季度, 一季度 within 2024年, 2020年 within
    2013年以来; a period within itself). Both need their dates stated with the year on both
    sides or on neither; a ``since`` is open up to now."""
    (outer_start, outer_end), (inner_start, inner_end) = _bounds(outer), _bounds(inner)
    if outer_start is None or inner_start is None or inner_end is None or (outer_end is None and outer.kind != "since"):
        return False
    known = [bound[0] is not None for bound in (outer_start, outer_end, inner_start, inner_end) if bound]
    if any(known) and not all(known):
        return False
    return outer_start <= inner_start and (outer_end is None or inner_end <= outer_end)
