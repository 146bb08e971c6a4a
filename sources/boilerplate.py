"""Find the lines of page furniture (navigation, footers, contact details) in a normalized text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vocab.files import toml_data


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    max_length: int


@cache
def _rules() -> _Rules:
    """One multiline pattern: group ``always`` for precise patterns, ``short`` for the others."""
    data = toml_data("sources", "boilerplate.toml")
    rules = data["skip_lines"]
    always = "|".join(f"(?:{p})" for p in rules["always"])
    short = "|".join(f"(?:{p})" for p in rules["short"])
    pattern = re.compile(rf"^[^\n]*?(?:(?P<always>{always})|(?P<short>{short}))[^\n]*", re.MULTILINE)
    return _Rules(pattern, rules["max_length"])


def furniture_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines of ``text`` that are page furniture rather than report content."""
    rules = _rules()
    spans = []
    for match in rules.pattern.finditer(text):
        line = match.group()
        if match.group("always") or (len(line) <= rules.max_length and "。" not in line):
            spans.append(match.span())
    return tuple(spans)
