"""Typed reading of configuration values: each bad value a ``SchemaError`` of one line naming
the key, the type it expects and the value it got (``select[0]: expected a string, got the
integer 1``); the caller prefixes the file. ``read_structured`` reads the files those values
come from (configuration, expectation suites, baselines), each fault one line naming the file.
"""
from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sources.files import not_regular, read_regular

SHOWN = 40  # characters of a bad value quoted in a message


class SchemaError(ValueError):
    """A value of the wrong type or shape; the message names the key."""


def describe(value: object) -> str:
    """A value as a message shows it, on one line: "the integer 5", "an array [[1]]"."""
    kinds = ((bool, "the boolean"), (int, "the integer"), (float, "the float"), (str, "the string"),
             (list, "an array"), (dict, "a table"))
    kind = next((name for cls, name in kinds if isinstance(value, cls)), f"a {type(value).__name__}")
    shown = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda match: f"\\x{ord(match.group()):02x}", repr(value))
    return f"{kind} {shown if len(shown) <= SHOWN else shown[:SHOWN] + '…'}"


def fail(key: str, expected: str, value: object) -> SchemaError:
    return SchemaError(f"{key}: expected {expected}, got {describe(value)}")


def string(value: object, key: str, expected: str = "a string") -> str:
    if not isinstance(value, str):
        raise fail(key, expected, value)
    return value


def strings(value: object, key: str, comma: bool = False) -> tuple[str, ...]:
    """An array of strings; with ``comma`` also one string of comma-separated names (as the
    command line's ``--select CS01,CS02``)."""
    if comma and isinstance(value, str):
        return tuple(name.strip() for name in value.split(",") if name.strip())
    expected = "an array of strings" + (" (or one comma-separated string)" if comma else "")
    if not isinstance(value, list):
        raise fail(key, expected, value)
    return tuple(string(item, f"{key}[{index}]") for index, item in enumerate(value))


def table(value: object, key: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise fail(key, "a table", value)
    return value


def like(value: object, default: object, key: str) -> None:
    """An option's value, of the type of its ``default``: a boolean, an integer (≥ 0), a number
    (≥ 0), a string, or an array of strings."""
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise fail(key, "a boolean", value)
    elif isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail(key, "an integer ≥ 0", value)
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < float("inf"):
            raise fail(key, "a number ≥ 0", value)
    elif isinstance(default, str):
        string(value, key)
    elif isinstance(default, tuple | list | frozenset | set):
        strings(value, key)


@dataclass(frozen=True)
class Syntax:
    """A structured file format: its parser, the parser's syntax error, and what it nests."""

    name: str
    parse: Callable[[str], Any]
    error: type[Exception]
    nesting: str


TOML = Syntax("TOML", tomllib.loads, tomllib.TOMLDecodeError, "arrays or tables")
JSON = Syntax("JSON", json.loads, json.JSONDecodeError, "arrays or objects")


def read_structured(path: Path, syntax: Syntax, what: str, utf8_note: str = "", invalid: str = "") -> Any:
    """The parsed content of the regular UTF-8 file ``path`` (a ``what``: "baseline file"); any
    fault a ``SchemaError`` of one line starting with the path: none there, not a regular file
    (a FIFO or a device may never end), not UTF-8 (then ``utf8_note``), nested too deeply, not
    valid (after ``invalid``: "not a run-checks baseline: "), unreadable."""
    if not path.exists() and not path.is_symlink():
        raise SchemaError(f"{path}: no such {what}")
    if reason := not_regular(path):
        raise SchemaError(f"{path}: no {what} ({reason})")
    try:
        return syntax.parse(read_regular(path).decode("utf-8"))
    except UnicodeDecodeError as error:
        raise SchemaError(f"{path}: not UTF-8 (byte {error.object[error.start]:#04x} at offset {error.start})"
                          + (f"; {utf8_note}" if utf8_note else "")) from None
    except RecursionError:
        raise SchemaError(f"{path}: {syntax.nesting} nested too deeply to read") from None
    except syntax.error as error:
        raise SchemaError(f"{path}: {invalid}not valid {syntax.name}: {error}") from None
    except OSError as error:
        raise SchemaError(f"{path}: cannot be read: {error.strerror or error}") from None
