"""The one reader of data files (``<package>/data/<name>``), with file-and-line errors.

Every vocabulary of the project is a readable file beside the module that loads it: plain word
lists (one entry a line, ``#`` comments, optional ``[section]`` headers), CSV tables with a
header row, and TOML. A bad entry raises :class:`DataFileError` naming the file and the line.
"""
from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources


class DataFileError(ValueError):
    """A data file that cannot be used; the message starts with ``path:line:``."""


@dataclass(frozen=True)
class Line:
    """One entry of a word list: its text and its 1-based line number."""

    text: str
    number: int


def where(package: str, name: str) -> str:
    """The data file's path as shown in messages (``claims/data/units.txt``)."""
    return f"{package.replace('.', '/')}/data/{name}"


def error(package: str, name: str, line: int | None, message: str) -> DataFileError:
    """An error at ``line`` (None: the whole file) of a data file."""
    return DataFileError(f"{where(package, name)}:{line}: {message}" if line else f"{where(package, name)}: {message}")


def read_text(package: str, name: str) -> str:
    """A data file of ``package`` as text."""
    try:
        return resources.files(package).joinpath(f"data/{name}").read_text("utf-8")
    except (OSError, UnicodeDecodeError) as failure:
        raise error(package, name, None, str(failure)) from failure


def numbered_lines(package: str, name: str) -> list[Line]:
    """The non-empty lines of a word list, ``#`` comments removed, with their line numbers."""
    found = []
    for number, raw in enumerate(read_text(package, name).splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()
        if text:
            found.append(Line(text, number))
    return found


def data_lines(package: str, name: str) -> list[str]:
    """The non-empty lines of a word list, ``#`` comments removed."""
    return [line.text for line in numbered_lines(package, name)]


def data_sections(package: str, name: str, known: Sequence[str] | None = None) -> dict[str, tuple[str, ...]]:
    """A word list with ``[section]`` headers, one entry a line. An entry before the first header,
    or a section not in ``known`` (when given), is an error naming its line; a ``known`` section
    missing from the file is an error naming the file."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in numbered_lines(package, name):
        if line.text.startswith("[") and line.text.endswith("]"):
            section = line.text[1:-1]
            if known is not None and section not in known:
                raise error(package, name, line.number, f"unknown section [{section}]; known: {', '.join(known)}")
            current = sections.setdefault(section, [])
        elif current is None:
            raise error(package, name, line.number, f"entry {line.text!r} before the first [section]")
        else:
            current.append(line.text)
    missing = [section for section in known or () if section not in sections]
    if missing:
        raise error(package, name, None, f"missing section(s) {', '.join(f'[{s}]' for s in missing)}")
    return {section: tuple(words) for section, words in sections.items()}


def entry_line(package: str, name: str, section: str, entry: str) -> int | None:
    """The line of ``entry`` in ``[section]`` of a word list (None: not there), for a loader that
    rejects an entry after reading it."""
    current = None
    for line in numbered_lines(package, name):
        if line.text.startswith("[") and line.text.endswith("]"):
            current = line.text[1:-1]
        elif current == section and line.text == entry:
            return line.number
    return None


def csv_rows(package: str, name: str, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a CSV table whose header is exactly ``columns`` (``#`` lines are comments).
    A row with another number of fields is an error naming its line."""
    numbered = [(number, line) for number, line in enumerate(read_text(package, name).splitlines(), start=1)
                if line.strip() and not line.startswith("#")]
    if not numbered:
        raise error(package, name, None, "no header row")
    reader = csv.reader(line for _, line in numbered)
    header = next(reader)
    if tuple(header) != tuple(columns):
        raise error(package, name, numbered[0][0], f"header {','.join(header)!r}, expected {','.join(columns)!r}")
    rows = []
    for (number, _), fields in zip(numbered[1:], reader, strict=True):
        if len(fields) != len(columns):
            raise error(package, name, number, f"{len(fields)} fields, expected {len(columns)} ({','.join(columns)})")
        rows.append(dict(zip(columns, fields, strict=True)))
    return rows


def toml_data(package: str, name: str) -> dict:
    """A TOML data file (a syntax error names its line and column)."""
    try:
        return tomllib.loads(read_text(package, name))
    except tomllib.TOMLDecodeError as failure:
        raise error(package, name, None, str(failure)) from failure


def toml_line(package: str, name: str, section: str, key: str) -> int | None:
    """The line of ``key`` in ``[section]`` of a TOML data file (None: not there), for a loader that
    rejects a value after parsing it."""
    current = None
    for number, line in enumerate(read_text(package, name).splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
        elif current == section and stripped.partition("=")[0].strip().strip('"') == key:
            return number
    return None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words``, longest first so the longest word wins."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


def in_order(words: Iterable[str]) -> str:
    """A regex alternation of literal ``words`` in the order given, for lists where the first
    word that matches must win even when a longer one follows (已 before 已经)."""
    return "|".join(re.escape(word) for word in words)

