"""分别 lists: "A、B、C分别改造96个、112个、71个" gives each item its own value.

An item that is a place becomes the place of its value; parallel noun items share the head of
the last one (城镇、农村常住居民人均可支配收入 → 城镇… and 农村常住居民人均可支配收入).
"""
from __future__ import annotations

import re
from dataclasses import replace

from claims.claim import Claim
from claims.context import DocumentContext
from claims.subject import COMPARATOR, clean, preceding
from claims.vocab import change_words, list_words
from vocab.files import alternation

_WORDS = list_words()
_JOINERS = _WORDS.between_figures  # 、 和 及 与 ,、
_ITEM_SPLIT = re.compile(alternation(_WORDS.joiners))  # 、 和 及 与
_RESPECTIVELY = _WORDS.respectively  # 分别
_CHANGE = re.compile(rf"{COMPARATOR}?(?:{re.escape(_RESPECTIVELY)})?({alternation(change_words().verbs)})")


def distribute(claims: list[Claim], context: DocumentContext) -> list[Claim]:
    """``claims`` with the subjects and places of every 分别 list assigned item by item.

    A list right after a distributed one in the same sentence, led only by a change word
    (…分别达到33310元、17002元,增长7%、11.5%), extends the same items' subjects.
    """
    result = list(claims)
    previous: tuple[int, list[str]] | None = None  # sentence start, subjects distributed there
    for first, last in _runs(claims, context.text):
        start = claims[first].span[0]
        clause = context.clause_start(start)
        lead = context.text[clause:start]
        change = _CHANGE.fullmatch(lead.strip())
        continues = previous and previous[0] == context.sentence_start(start) and len(previous[1]) == last - first + 1
        if change and continues:
            for offset, subject in enumerate(previous[1]):
                result[first + offset] = replace(claims[first + offset], subject=subject + change.group(1))
            continue
        if _RESPECTIVELY not in lead:
            continue
        items_text, verb_phrase = lead.rsplit(_RESPECTIVELY, 1)
        items = [item.strip() for item in _ITEM_SPLIT.split(clean(items_text)) if item.strip()]
        if len(items) != last - first + 1:
            continue
        places = [_place(item, context) for item in items]
        if all(places):
            subject = preceding(verb_phrase, claims[first].measure, None) or None
            for offset, place in enumerate(places):
                result[first + offset] = replace(claims[first + offset], place=place, subject=subject)
        elif not any(places):
            subjects = _parallel(items)
            for offset, subject in enumerate(subjects):
                result[first + offset] = replace(claims[first + offset], subject=subject)
            previous = (context.sentence_start(start), subjects)
    return result


def _runs(claims: list[Claim], text: str) -> list[tuple[int, int]]:
    """Index ranges of two or more claims of one kind joined only by 、/和/及."""
    runs, start = [], 0
    for index in range(1, len(claims) + 1):
        joined = (index < len(claims) and claims[index].kind == claims[start].kind
                  and text[claims[index - 1].span[1]:claims[index].span[0]] in _JOINERS)
        if not joined:
            if index - start >= 2:
                runs.append((start, index - 1))
            start = index
    return runs


def _place(item: str, context: DocumentContext) -> str | None:
    found = context.gazetteer.find(item)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(item):
        return context.gazetteer.resolve(found[0], context.place).name
    return None


def _parallel(items: list[str]) -> list[str]:
    """Items sharing the last item's head when the others are parallel modifiers of equal length."""
    width = len(items[0])
    if all(len(item) == width for item in items[:-1]) and len(items[-1]) > width:
        head = items[-1][width:]
        return [item + head for item in items[:-1]] + [items[-1]]
    return items
