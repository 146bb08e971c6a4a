"""The notes a run prints on standard error, in the run's language: English by default and under
"both", Chinese under ``zh`` (the ``notes`` tables of ``reports/data/terminal.toml``)."""
from __future__ import annotations

import sys
import tomllib
from functools import cache
from pathlib import Path

PREFIX = "run-checks: "


@cache
def _all_notes() -> dict[str, dict[str, str]]:
    with (Path(__file__).parent / "data" / "terminal.toml").open("rb") as file:
        return tomllib.load(file)["notes"]


def words(key: str, language: str, **fields: object) -> str:
    """The note ``key`` in ``language``, its fields filled in (without the prefix)."""
    return _all_notes()["zh" if language == "zh" else "en"][key].format(**fields)


def note(key: str, language: str, **fields: object) -> str:
    """The line of the note ``key``, prefixed."""
    return PREFIX + words(key, language, **fields)


def say(key: str, language: str, **fields: object) -> None:
    """Print the note ``key`` on standard error."""
    print(note(key, language, **fields), file=sys.stderr)
