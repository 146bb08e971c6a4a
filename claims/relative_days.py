"""Dates counted back from the publication date: 昨日, 前天, 昨(31)日 (data/context_words.txt)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache

from claims.claim import Figure
from claims.vocab import context_words
from vocab.files import alternation

OFFSETS = {"yesterday": -1, "day_before": -2}


@cache
def _pattern() -> re.Pattern[str]:
    words = context_words()
    whole = alternation(word for section in OFFSETS for word in words[section])
    return re.compile(rf"(?P<word>{whole})|(?P<prefix>{alternation(words['dated_day'])})\((?P<day>\d{{1,2}})\)日")


@cache
def _needles() -> tuple[str, ...]:
    """Strings one of which a text must hold to hold a relative day: a quick test before the scan."""
    words = context_words()
    return (*_offsets(), *(prefix + "(" for prefix in words["dated_day"]))


@cache
def _offsets() -> dict[str, int]:
    return {word: offset for section, offset in OFFSETS.items() for word in context_words()[section]}


def relative_days(text: str, published: str | None) -> Iterator[tuple[int, int, Figure]]:
    """(start, end, figure) of each relative day of ``text``; none without a publication day."""
    try:
        day = date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        day = None
    if day is None or not any(needle in text for needle in _needles()):
        return
    for match in _pattern().finditer(text):
        found = _day(match, day)
        if found:
            iso = found.isoformat()
            yield match.start(), match.end(), Figure("date", iso, iso, iso, precision="day")


def _day(match: re.Match[str], published: date) -> date | None:
    """The date meant: 昨日 is the day before publication; 昨(31)日 is the last 31st on or before it."""
    if match.group("word"):
        return published + timedelta(days=_offsets()[match.group("word")])
    stated = int(match.group("day"))
    month = published.replace(day=1)
    for _ in range(2):  # this month, else the one before (昨(31)日 in a paper of 1 June)
        try:
            candidate = month.replace(day=stated)
        except ValueError:
            candidate = None
        if candidate and candidate <= published + timedelta(days=1):
            return candidate
        month = (month - timedelta(days=1)).replace(day=1)
    return None
