"""Find the lines of page furniture (navigation, footers, contact details) in a normalized text."""
from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources


@cache
def _skip_line_pattern() -> re.Pattern[str]:
    data = tomllib.loads(resources.files("sources").joinpath("data/boilerplate.toml").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["skip_lines"]["patterns"]))


def furniture_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines of ``text`` that are page furniture rather than report content."""
    pattern = _skip_line_pattern()
    spans = []
    start = 0
    for line in text.split("\n"):
        if line.strip() and pattern.search(line):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(spans)
