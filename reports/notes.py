"""The notes a run prints on standard error, in the run's language: English by default and under
"both", Chinese under ``zh`` (the ``notes`` tables of ``reports/data/terminal.toml``)."""
from __future__ import annotations

import sys
from functools import cache
from typing import Any

from vocab.files import toml_data

PREFIX = "run-checks: "


@cache
def _terminal() -> dict[str, Any]:
    return toml_data("reports", "terminal.toml")


def wording(language: str, *section: str) -> dict[str, Any]:
    """The words of ``reports/data/terminal.toml`` (its top level, or ``section``) in the run's
    language: English by default and under "both"."""
    table = _terminal()
    for name in section:
        table = table[name]
    return table["zh" if language == "zh" else "en"]


def words(key: str, language: str, **fields: object) -> str:
    """The note ``key`` in ``language``, its fields filled in (without the prefix)."""
    return wording(language, "notes")[key].format(**fields)


def note(key: str, language: str, **fields: object) -> str:
    """The line of the note ``key``, prefixed."""
    return PREFIX + words(key, language, **fields)


def say(key: str, language: str, **fields: object) -> None:
    """Print the note ``key`` on standard error."""
    print(note(key, language, **fields), file=sys.stderr)
