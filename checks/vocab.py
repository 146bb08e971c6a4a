"""The word lists several rule families share (``data/`` beside this module): rate and share
words, growth words, signed quantities, plan words. Lists are read once and cached."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from claims.claim import Claim
from vocab.files import data_lines, toml_data


@dataclass(frozen=True)
class RateWord:
    word: str
    exceedable: bool  # may legitimately exceed 100 % (完成率, 增长率)


@cache
def rate_words() -> tuple[RateWord, ...]:
    """The rate and share words of ``data/rate_words.txt``."""
    words = []
    for line in data_lines("checks", "rate_words.txt"):
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
    return tuple(data_lines("checks", "growth_words.txt"))


@cache
def signed_words() -> tuple[str, ...]:
    return tuple(data_lines("checks", "signed_words.txt"))


@dataclass(frozen=True)
class PlanWords:
    before: tuple[str, ...]
    just_before: tuple[str, ...]
    after: tuple[str, ...]


@cache
def plan_words() -> PlanWords:
    data = toml_data("checks", "plan_words.toml")
    return PlanWords(tuple(data["before"]), tuple(data["just_before"]), tuple(data["after"]))


def has_any(text: str | None, words) -> str | None:
    """The first of ``words`` found in ``text``, or None."""
    return next((word for word in words if text and word in text), None)


def planned(text: str, claim: Claim) -> bool:
    """Whether its sentence makes the date ``claim`` of the normalized ``text`` a plan, target,
    deadline or effective date (``data/plan_words.toml``)."""
    words = plan_words()
    start, end = claim.span
    before, after = text[claim.sentence.start:start], text[end:end + 6]
    return bool(has_any(before, words.before) or before.endswith(words.just_before)
                or after.startswith(words.after) or claim.text.endswith(words.after))
