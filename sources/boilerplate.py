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
    alternatives: tuple[re.Pattern[str], ...]  # the file's patterns searched alone; those led by ^ as one


@cache
def _rules() -> _Rules:
    """One multiline pattern: group ``always`` for precise patterns, ``short`` for the others."""
    data = toml_data("sources", "boilerplate.toml")
    rules = data["skip_lines"]
    always = "|".join(f"(?:{p})" for p in rules["always"])
    short = "|".join(f"(?:{p})" for p in rules["short"])
    pattern = re.compile(rf"^[^\n]*?(?:(?P<always>{always})|(?P<short>{short}))[^\n]*", re.MULTILINE)
    patterns = (*rules["always"], *rules["short"])
    anchored = "|".join(f"(?:{p})" for p in patterns if p.startswith("^"))  # no first character to skip to
    searched = [p for p in patterns if not p.startswith("^")] + ([anchored] if anchored else [])
    alternatives = tuple(re.compile(p, re.MULTILINE) for p in searched)
    return _Rules(pattern, rules["max_length"], alternatives)


def furniture_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines of ``text`` that are page furniture rather than report content."""
    rules = _rules()
    spans = []
    for match in _line_matches(text, rules):
        line = match.group()
        if match.group("always") or (len(line) <= rules.max_length and "。" not in line):
            spans.append(match.span())
    return tuple(spans)


def _line_matches(text: str, rules: _Rules) -> list[re.Match[str]]:
    """What ``rules.pattern.finditer(text)`` gives, without trying every pattern at every character
    of every line: each pattern is searched alone (with the engine's own skip to its first
    characters), and the whole pattern is matched only at the start of the line where the nearest
    of them starts; the lines before it hold none. An empty match (a pattern that can match
    nothing) follows finditer's own rules, so the plain scan decides then. The patterns led by ``^``
    are searched as one alternation: each would try every character, where one scan finds the
    first line start any of them matches."""
    found = [alternative.search(text) for alternative in rules.alternatives]
    matches: list[re.Match[str]] = []
    while starts := [match.start() for match in found if match is not None]:
        match = rules.pattern.match(text, text.rfind("\n", 0, min(starts)) + 1)
        if match is None or match.end() == match.start():
            return list(rules.pattern.finditer(text))
        matches.append(match)
        end = match.end()
        resume = end if text[end - 1] == "\n" else text.find("\n", end) + 1  # the next line start
        if resume == 0:
            break
        found = [match if match is None or match.start() >= resume else alternative.search(text, resume)
                 for match, alternative in zip(found, rules.alternatives, strict=True)]
    return matches
