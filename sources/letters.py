"""Counting letters of a text by code-point tables: a text becomes an array of its code points
once, and each count is a table look-up over that array, not a Python loop over its characters."""
from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

BMP = 0x10000  # the tables cover the Basic Multilingual Plane; a character past it is looked at alone


def code_points(text: str) -> np.ndarray:
    """The code points of ``text``, one per character (a lone surrogate included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def is_letter(ch: str) -> bool:
    """A non-ASCII letter (Han, kana, Greek …) or private-use code point; not punctuation or digits."""
    return ch > "\x7f" and (ch.isalpha() or "\ue000" <= ch <= "\uf8ff")


@cache
def _letters() -> np.ndarray:
    return np.fromiter(map(is_letter, map(chr, range(BMP))), dtype=bool, count=BMP)


@lru_cache(maxsize=8)
def _members(common: frozenset[str]) -> np.ndarray:
    """Whether each code point of the plane is a non-ASCII character of ``common``."""
    table = np.zeros(BMP, dtype=bool)
    table[[ord(ch) for ch in common if "\x7f" < ch < chr(BMP)]] = True
    return table


def letter_counts(codes: np.ndarray, common: frozenset[str]) -> tuple[int, int]:
    """(non-ASCII characters of ``common``, those and the other non-ASCII letters) among ``codes``."""
    members, letters = _members(common), _letters()
    far: list[str] = []
    if len(codes) and codes.max() >= BMP:
        far = [chr(code) for code in codes[codes >= BMP].tolist()]
        codes = codes[codes < BMP]
    hits = int(np.count_nonzero(members[codes])) + sum(ch in common for ch in far)
    rare = int(np.count_nonzero(letters[codes] & ~members[codes])) + sum(ch not in common and is_letter(ch)
                                                                          for ch in far)
    return hits, hits + rare


def ascii_letters(codes: np.ndarray) -> int:
    """How many of ``codes`` are ASCII letters (A-Z, a-z)."""
    return int(np.count_nonzero(((codes | 0x20) - 0x61) < 26))


def end_of_first(codes: np.ndarray, count: int) -> int:
    """The position just past the ``count``-th non-ASCII code point (past the last one when there
    are fewer; 0 when there is none)."""
    found = np.flatnonzero(codes > 0x7F)
    return int(found[min(count, len(found)) - 1]) + 1 if len(found) else 0
