"""The word lists of the arithmetic rules (``data/arithmetic_words.txt`` beside this module) and
the complete partitions of a whole (``data/partitions.txt``), read once and cached. The patterns
stay with the rules; the words are joined in from here."""
from __future__ import annotations

from functools import cache

from vocab.files import data_lines, data_sections, error

NAME = "arithmetic_words.txt"
PARTITIONS = "partitions.txt"
SECTIONS = ("total_before", "total_opens", "parts_follow", "dimension_start", "dimension_end", "subtotal",
            "among", "parts_named", "sum_of", "per_head", "days_follow", "whole", "share", "share_nouns",
            "share_of", "average", "per", "per_measure")


@cache
def arithmetic_words() -> dict[str, tuple[str, ...]]:
    """Word lists by section (``SECTIONS``). Each ``per_measure`` word is one character."""
    found = data_sections("checks.arithmetic", NAME, SECTIONS)
    for word in found["per_measure"]:
        if len(word) != 1:
            raise error("checks.arithmetic", NAME, None, f"[per_measure]: {word!r} is not one character")
    return found


@cache
def partitions() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The complete partitions of ``data/partitions.txt``: members, each a tuple of names."""
    found = []
    for line in data_lines("checks.arithmetic", PARTITIONS):
        members = tuple(tuple(member.split("|")) for member in line.split())
        if len(members) < 2:
            raise error("checks.arithmetic", PARTITIONS, None, f"{line!r} has fewer than two members")
        found.append(members)
    return tuple(found)
