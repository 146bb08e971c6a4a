"""Find the lines of page furniture (navigation, footers, contact details) in a normalized text."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _skip_line_pattern() -> re.Pattern[str]:
    """One multiline pattern matching a whole line that contains any furniture pattern."""
    data = tomllib.loads(resources.files("sources").joinpath("data/boilerplate.toml").read_text("utf-8"))
    alternatives = "|".join(f"(?:{p})" for p in data["skip_lines"]["patterns"])
    return re.compile(rf"^[^\n]*?(?:{alternatives})[^\n]*", re.MULTILINE)


def furniture_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines of ``text`` that are page furniture rather than report content."""
    return tuple(match.span() for match in _skip_line_pattern().finditer(text))
