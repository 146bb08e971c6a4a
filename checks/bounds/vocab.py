"""The word lists of the bounds rules (data files beside this module) and the sentence helpers
the bounds, dates and style rules share. Lists are read once and cached."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from vocab.files import data_lines, toml_data

SENTENCE_ENDS = "。!?!?;;\n"
CLAUSE_ENDS = SENTENCE_ENDS + ",,、::"


@dataclass(frozen=True)
class RateWord:
    word: str
    exceedable: bool  # may legitimately exceed 100 % (完成率, 增长率)


@cache
def rate_words() -> tuple[RateWord, ...]:
    """The rate and share words of ``data/rate_words.txt``."""
    words = []
    for line in data_lines("checks.bounds", "rate_words.txt"):
        word, _, mark = line.partition(" ")
        words.append(RateWord(word, mark.strip() == "+"))
    return tuple(words)


def rate_word(phrase: str | None) -> RateWord | None:
    """The rate word naming ``phrase``: of those it contains, the one ending last (the head noun),
    the longest on a tie; None when it has none."""
    if not phrase:
        return None
    found = [(phrase.rfind(w.word) + len(w.word), len(w.word), w) for w in rate_words() if w.word in phrase]
    return max(found, key=lambda hit: hit[:2])[2] if found else None


@cache
def growth_words() -> tuple[str, ...]:
    return tuple(data_lines("checks.bounds", "growth_words.txt"))


@cache
def signed_words() -> tuple[str, ...]:
    return tuple(data_lines("checks.bounds", "signed_words.txt"))


@dataclass(frozen=True)
class PlanWords:
    before: tuple[str, ...]
    just_before: tuple[str, ...]
    after: tuple[str, ...]


@cache
def plan_words() -> PlanWords:
    data = toml_data("checks.bounds", "plan_words.toml")
    return PlanWords(tuple(data["before"]), tuple(data["just_before"]), tuple(data["after"]))


def has_any(text: str | None, words) -> str | None:
    """The first of ``words`` found in ``text``, or None."""
    return next((word for word in words if text and word in text), None)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The normalized-view span of the sentence holding ``text[start:end]``."""
    begin = max(text.rfind(mark, 0, start) for mark in SENTENCE_ENDS) + 1
    ends = [i for mark in SENTENCE_ENDS if (i := text.find(mark, end)) >= 0]
    return begin, min(ends, default=len(text))


def clause_before(text: str, start: int) -> str:
    """The text from the start of the clause holding position ``start`` up to it."""
    return text[max(text.rfind(mark, 0, start) for mark in CLAUSE_ENDS) + 1:start]


def planned(text: str, span: tuple[int, int], claim_text: str) -> bool:
    """Whether the sentence makes the date at ``span`` of ``text`` a plan, target, deadline or
    effective date (``data/plan_words.toml``)."""
    words = plan_words()
    start, end = span
    begin, _ = sentence_bounds(text, start, end)
    before, after = text[begin:start], text[end:end + 6]
    return bool(has_any(before, words.before) or before.endswith(words.just_before)
                or after.startswith(words.after) or claim_text.endswith(words.after))
