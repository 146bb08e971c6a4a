"""The characters a regular expression's matches can start with, as a pattern of one character, so
that a rule can skip the text (or the positions) where a long pattern cannot match.

``starts(pattern)`` reads the pattern's syntax tree (``re._parser``): a literal, a character class,
the first item of each branch, of a group or of a lookahead, past what may match nothing (``x?``,
``x*``, anchors, lookbehinds). It gives up (None) on what it cannot bound (``.``, a negated
class, a backreference, a pattern that may match the empty string), so a gate built on it never
skips a match. Compiled with the pattern's flags, the class folds case exactly as the pattern does.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT_NOT)


def starts(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching one character, every first character of a match of ``pattern`` among
    them; None when they cannot be bounded."""
    found = _firsts(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE).data)
    if found is None or found[1] or not found[0]:
        return None
    return re.compile(f"[{''.join(sorted(found[0]))}]", pattern.flags)


def scan(pattern: re.Pattern[str], gate: re.Pattern[str] | None, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only where ``gate`` (``starts(pattern)``) finds a
    character, for a pattern whose matches are all non-empty or all empty (a lookahead)."""
    if gate is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for first in gate.finditer(text):
        position = first.start()
        if position >= end and (match := pattern.match(text, position)):
            end = match.end()
            yield match


def _firsts(items: list) -> tuple[set[str], bool] | None:
    """The class items a sequence's match can start with, and whether it may match nothing."""
    found: set[str] = set()
    for op, av in items:
        step = _first(op, av)
        if step is None:
            return None
        found |= step[0]
        if not step[1]:
            return found, False
    return found, True


def _first(op: object, av: object) -> tuple[set[str], bool] | None:
    """The class items one node's match can start with, and whether it may match nothing."""
    if op is sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is sre.IN:
        return _class(av)
    if op is sre.BRANCH:
        found, empty = set(), False
        for branch in av[1]:
            step = _firsts(branch)
            if step is None:
                return None
            found |= step[0]
            empty = empty or step[1]
        return found, empty
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _firsts(sub.data)
    if op in _REPEATS:
        low, _, sub = av
        step = _firsts(sub.data)
        return None if step is None else (step[0], step[1] or low == 0)
    if op is sre.ASSERT:
        direction, sub = av
        if direction < 0:
            return set(), True
        step = _firsts(sub.data)  # what a lookahead must see is where the match starts
        return (set(), True) if step is None or step[1] else (step[0], False)
    if op in _ZERO_WIDTH:
        return set(), True
    return None


def _class(items: list) -> tuple[set[str], bool] | None:
    found = set()
    for op, av in items:
        if op is sre.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            found.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            found.add(_CATEGORIES[av])
        else:
            return None
    return found, False
