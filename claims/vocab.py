"""Load the claim vocabularies from the data files beside this module (read once, cached)."""
from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


def alternation(words) -> str:
    """A regex alternation of literal ``words``, longest first so the longest word wins."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


def read_data(package: str, name: str) -> str:
    """A data file of ``package`` (``<package>/data/<name>``)."""
    return resources.files(package).joinpath(f"data/{name}").read_text("utf-8")


def data_lines(package: str, name: str) -> list[str]:
    """The non-empty lines of a data file, ``#`` comments removed."""
    stripped = (line.split("#", 1)[0].strip() for line in read_data(package, name).splitlines())
    return [line for line in stripped if line]


def data_sections(package: str, name: str) -> dict[str, tuple[str, ...]]:
    """A word list file with ``[section]`` headers, one entry per line."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in data_lines(package, name):
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return {section: tuple(words) for section, words in sections.items()}


def _read(name: str) -> str:
    return read_data("claims", name)


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in _read(name).splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines))


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
    data = tomllib.loads(_read("qualifiers.toml"))
    meanings = {"truncated", "nearly", "about", "more_than", "at_least", "less_than", "at_most"}
    for position in ("prefix", "suffix"):
        unknown = set(data[position].values()) - meanings
        if unknown:
            raise ValueError(f"qualifiers.toml [{position}]: unknown meaning {sorted(unknown)}")
    vague = {word: (bounds[0], bounds[1] if len(bounds) > 1 else None) for word, bounds in data["vague"].items()}
    parameters = data["parameters"]
    return Qualifiers(data["prefix"], data["suffix"], parameters["nearly"], parameters["about"], vague)


@cache
def unit_words() -> dict[str, tuple[str, str]]:
    """Surface word → (pint unit expression, kind)."""
    return {row["word"]: (row["unit"], row["kind"]) for row in _csv_rows("unit_words.csv")}


@cache
def not_before() -> dict[str, str]:
    """Unit or measure word → alternatives that may not follow it (年 in 90年代)."""
    rows = _csv_rows("unit_words.csv") + _csv_rows("measure_words.csv")
    return {row["word"]: row["not_before"] for row in rows if row["not_before"]}


@cache
def measure_words() -> dict[str, str]:
    """Measure word → the noun naming what it counts."""
    return {row["word"]: row["noun"] for row in _csv_rows("measure_words.csv")}


@cache
def named_numbers() -> dict[str, tuple[str, ...]]:
    """Sections ``names``, ``hotlines`` and ``hotline_words``."""
    return data_sections("claims", "named_numbers.txt")


@cache
def subject_words() -> dict[str, tuple[str, ...]]:
    """Word lists by section: ``transform``, ``action``, ``link``, ``stop_after``, ``generic``."""
    return data_sections("claims", "subject_words.txt")
