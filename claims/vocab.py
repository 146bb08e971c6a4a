"""Load the claim vocabularies from the data files beside this module (read once, cached)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from vocab.files import csv_rows, data_sections, error, toml_data

UNIT_COLUMNS = ("word", "unit", "kind", "not_before")
MEASURE_COLUMNS = ("word", "noun", "not_before")


@dataclass(frozen=True)
class Qualifiers:
    """Qualifier words by position, their meanings, parameters and vague numerals."""

    prefix: dict[str, str]
    suffix: dict[str, str]
    nearly: float
    about: float
    vague: dict[str, tuple[int, int | None]]


@cache
def qualifiers() -> Qualifiers:
    data = toml_data("claims", "qualifiers.toml")
    meanings = {"truncated", "nearly", "about", "more_than", "at_least", "less_than", "at_most"}
    for position in ("prefix", "suffix"):
        unknown = set(data[position].values()) - meanings
        if unknown:
            raise error("claims", "qualifiers.toml", None, f"[{position}]: unknown meaning {sorted(unknown)}")
    vague = {word: (bounds[0], bounds[1] if len(bounds) > 1 else None) for word, bounds in data["vague"].items()}
    parameters = data["parameters"]
    return Qualifiers(data["prefix"], data["suffix"], parameters["nearly"], parameters["about"], vague)


@cache
def unit_words() -> dict[str, tuple[str, str]]:
    """Surface word → (pint unit expression, kind)."""
    return {row["word"]: (row["unit"], row["kind"]) for row in csv_rows("claims", "unit_words.csv", UNIT_COLUMNS)}


@cache
def not_before() -> dict[str, str]:
    """Unit or measure word → alternatives that may not follow it (年 in 90年代)."""
    rows = csv_rows("claims", "unit_words.csv", UNIT_COLUMNS) + csv_rows("claims", "measure_words.csv", MEASURE_COLUMNS)
    return {row["word"]: row["not_before"] for row in rows if row["not_before"]}


@dataclass(frozen=True)
class SubUnit:
    """A sub-unit after a unit word (角 after 元, 两 after 斤, 半 after 年): its share of the unit."""

    tail: str  # "" for a bare digit (五块六)
    fraction: Decimal
    read_as: str  # the unit word the whole amount is read in; "" for the unit word itself
    not_before: str


@cache
def sub_units() -> dict[str, tuple[SubUnit, ...]]:
    """Unit word → its sub-units (data/sub_units.csv), largest first."""
    found: dict[str, list[SubUnit]] = {}
    known = {*unit_words(), *measure_words()}
    for row in csv_rows("claims", "sub_units.csv", ("word", "tail", "fraction", "read_as", "not_before")):
        if row["word"] not in known or (row["read_as"] and row["read_as"] not in unit_words()):
            raise error("claims", "sub_units.csv", None, f"{row['word']}: unknown unit word")
        sub = SubUnit(row["tail"], Decimal(row["fraction"]), row["read_as"], row["not_before"])
        found.setdefault(row["word"], []).append(sub)
    return {word: tuple(sorted(subs, key=lambda sub: -sub.fraction)) for word, subs in found.items()}


@cache
def money_signs() -> dict[str, str]:
    """Currency sign or code before an amount (￥, US$, RMB) → the unit word it stands for."""
    rows = csv_rows("claims", "money_signs.csv", ("sign", "unit_word"))
    words = unit_words()
    for row in rows:
        if row["unit_word"] not in words:
            raise error("claims", "money_signs.csv", None, f"{row['sign']}: {row['unit_word']!r} is no unit word")
    return {row["sign"]: row["unit_word"] for row in rows}


@cache
def measure_words() -> dict[str, str]:
    """Measure word → the noun naming what it counts."""
    return {row["word"]: row["noun"] for row in csv_rows("claims", "measure_words.csv", MEASURE_COLUMNS)}


NAMED_SECTIONS = ("names", "hotlines", "hotline_words")
SUBJECT_SECTIONS = ("transform", "action", "link", "stop_after", "generic", "comparison", "compared_to", "base_year",
                    "same_period", "leading", "list_joiners", "between_list_figures", "respectively", "not_with",
                    "continues", "counted", "breakdown")
FIGURE_SECTIONS = ("range", "truncation", "before_minus", "lookalike_labels", "date_tails", "plain_date_tails",
                   "open_ended", "link_before", "time_frame_units", "time_frame_words", "rank_units", "rank_verbs",
                   "not_rank_verbs",
                   "rank_scope", "negative_sign", "not_negative_before", "money_before", "half",
                   "tenths_digits", "one_counts",
                   "truncation_before_unit")
CHANGE_SECTIONS = ("up", "down", "before_to", "from", "to")
CONTEXT_SECTIONS = ("partners", "this_year", "last_year", "next_year", "yesterday", "day_before", "dated_day")
RELATIVE_YEARS = {"this_year": 0, "last_year": -1, "next_year": 1}


@cache
def named_numbers() -> dict[str, tuple[str, ...]]:
    """Sections ``names``, ``hotlines`` and ``hotline_words``."""
    return data_sections("claims", "named_numbers.txt", NAMED_SECTIONS)


@cache
def subject_words() -> dict[str, tuple[str, ...]]:
    """Word lists of data/subject_words.txt by section (``SUBJECT_SECTIONS``)."""
    return data_sections("claims", "subject_words.txt", SUBJECT_SECTIONS)


@dataclass(frozen=True)
class ListWords:
    """The words of 分别 lists (claims/lists.py), from data/subject_words.txt."""

    joiners: tuple[str, ...]  # [list_joiners]: the items of a list are split at them (、和及与)
    between_figures: frozenset[str]  # [between_list_figures]: all that may stand between two figures
    respectively: str  # [respectively]: the one word 分别


@cache
def list_words() -> ListWords:
    """Sections ``list_joiners``, ``between_list_figures`` and ``respectively`` (exactly one word)."""
    found = subject_words()
    if len(found["respectively"]) != 1:
        raise error("claims", "subject_words.txt", None, f"[respectively]: one word expected: {found['respectively']}")
    return ListWords(found["list_joiners"], frozenset(found["between_list_figures"]), found["respectively"][0])


@cache
def figure_words() -> dict[str, tuple[str, ...]]:
    """Word lists of data/figure_words.txt by section (``FIGURE_SECTIONS``). Each ``not_rank_verbs``
    word is one character and a rank verb; each ``open_ended`` word is a ``date_tails`` word."""
    name = "figure_words.txt"
    found = data_sections("claims", name, FIGURE_SECTIONS)
    for word in found["not_rank_verbs"]:
        if word[1:] not in found["rank_verbs"]:
            raise error("claims", name, None, f"[not_rank_verbs]: {word!r} is not a character and a rank verb")
    for word in found["open_ended"]:
        if word not in found["date_tails"]:
            raise error("claims", name, None, f"[open_ended]: {word!r} is not in [date_tails]")
    return found


@cache
def context_words() -> dict[str, tuple[str, ...]]:
    """Word lists of data/context_words.txt by section (``CONTEXT_SECTIONS``)."""
    return data_sections("claims", "context_words.txt", CONTEXT_SECTIONS)


@cache
def relative_years() -> dict[str, int]:
    """今年 → 0, 去年 → -1, 明年 → 1: relative-year words and their offset from the document's year."""
    found = context_words()
    return {word: offset for section, offset in RELATIVE_YEARS.items() for word in found[section]}


@dataclass(frozen=True)
class ChangeWords:
    """Words of change (data/change_words.txt): verbs up and down, and the frame 由A…到B."""

    up: tuple[str, ...]
    down: tuple[str, ...]
    before_to: tuple[str, ...]
    start: tuple[str, ...]  # 由, 从
    to: tuple[str, ...]  # 至, 到

    @property
    def verbs(self) -> tuple[str, ...]:
        return (*self.up, *self.down)


@cache
def change_words() -> ChangeWords:
    found = data_sections("claims", "change_words.txt", CHANGE_SECTIONS)
    return ChangeWords(found["up"], found["down"], found["before_to"], found["from"], found["to"])
