"""Load the claim vocabularies from the data files beside this module (read once, cached)."""
from __future__ import annotations

from dataclasses import dataclass
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


@cache
def measure_words() -> dict[str, str]:
    """Measure word → the noun naming what it counts."""
    return {row["word"]: row["noun"] for row in csv_rows("claims", "measure_words.csv", MEASURE_COLUMNS)}


@cache
def named_numbers() -> dict[str, tuple[str, ...]]:
    """Sections ``names``, ``hotlines`` and ``hotline_words``."""
    return data_sections("claims", "named_numbers.txt")


@cache
def subject_words() -> dict[str, tuple[str, ...]]:
    """Word lists by section: ``transform``, ``action``, ``link``, ``stop_after``, ``generic``."""
    return data_sections("claims", "subject_words.txt")
