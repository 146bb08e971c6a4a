"""The characters a regular expression's matches can start with, and the characters they must
hold, as patterns of one character, so that a rule can skip the positions (or the texts) where a
long pattern cannot match; ``finditer`` uses both.

``starts(pattern)`` reads the pattern's syntax tree (``re._parser``): a literal, a character class,
the first item of each branch, of a group or of a lookahead, past what may match nothing (``x?``,
``x*``, anchors, lookbehinds). It gives up (None) on what it cannot bound (``.``, a negated
class, a backreference, a pattern that may match the empty string), so a gate built on it never
skips a match. ``required(pattern)`` reads the same tree for what a match must consume. Compiled
with the pattern's flags, each class folds case exactly as the pattern does.

``seeker(pattern)`` puts the first characters in front of the pattern, as a class the regular
expression engine skips to by itself (it does so only for a pattern that opens with a character or
a class, not with a lookbehind or a lookahead): its matches are the first characters of the
pattern's matches, found without a step in Python for each place where one could start.
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
    them; None when they cannot be bounded, or when some matches are empty and others not."""
    tree = _parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE)
    if tree.getwidth()[0] == 0 < tree.getwidth()[1]:
        return None  # some matches empty, some not: ``scan`` would not follow finditer
    found = _firsts(tree.data)
    if found is None or found[1] or not found[0]:
        return None
    return re.compile(f"[{''.join(sorted(found[0]))}]", pattern.flags)


def seeker(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern matching, where ``pattern`` matches, its first character: ``starts(pattern)``
    followed by a lookbehind that looks ahead from that character for ``pattern``. None when
    ``starts`` gives up, or for what a lookbehind may not hold (a backreference)."""
    first = starts(pattern)
    if first is None:
        return None
    body = pattern.pattern + ("\n" if pattern.flags & re.VERBOSE else "")  # a comment ends at a newline
    try:
        return re.compile(f"{first.pattern}(?<=(?=(?:{body}))(?s:.))", pattern.flags)
    except re.error:
        return None


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``: nothing when ``text`` lacks what a match needs (``required``),
    else found by its ``seeker``."""
    needed, seek = _gates(pattern)
    if all(character.search(text) for character in needed):
        yield from scan(pattern, seek, text)


_GATES: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str] | None]] = {}


def _gates(pattern: re.Pattern[str]) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str] | None]:
    """``required(pattern)`` and ``seeker(pattern)``, made once per pattern object (kept by its id:
    hashing a pattern hashes all its compiled code, long for a lexicon)."""
    known = _GATES.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _GATES[id(pattern)] = pattern, required(pattern), seeker(pattern)
    return known[1], known[2]


def scan(pattern: re.Pattern[str], seek: re.Pattern[str] | None, text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, each match made where ``seek`` (``seeker(pattern)``) finds one
    starting; after an empty match (a lookahead), the next is looked for one character on."""
    if seek is None:
        yield from pattern.finditer(text)
        return
    end = 0
    while found := seek.search(text, end):
        position = found.start()
        match = pattern.match(text, position)
        end = max(match.end(), position + 1)
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


def required(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """Patterns of one character, each matching some character of every match of ``pattern`` (what
    it cannot match without): the literals and classes it must consume, the first characters of
    each branching it must pass and the last classes its branches need. A text where one of them
    finds nothing has no match."""
    items = _required(_parser.parse(pattern.pattern, pattern.flags & ~re.UNICODE).data)
    return tuple(dict.fromkeys(re.compile(f"[{''.join(sorted(item))}]", pattern.flags) for item in items))


def _required(items: list) -> list[set[str]]:
    found: list[set[str]] = []
    for op, av in items:
        if op in (sre.LITERAL, sre.IN, sre.BRANCH):
            step = _first(op, av)
            if step is not None and not step[1] and step[0]:
                found.append(step[0])
        if op is sre.BRANCH:  # each way through needs its last class: one of them is in the text
            lasts = [_required(branch) for branch in av[1]]
            if all(lasts):
                found.append(set().union(*(needed[-1] for needed in lasts)))
        elif op is sre.SUBPATTERN and not (av[1] or av[2]):
            found += _required(av[3].data)
        elif op in _REPEATS and av[0] >= 1:
            found += _required(av[2].data)
        elif op is sre.ASSERT and av[0] > 0:  # what a lookahead sees is in the text too
            found += _required(av[1].data)
    return found
