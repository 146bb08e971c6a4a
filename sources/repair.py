"""A whole text shown in the wrong encoding, read back when that round-trips exactly.

A scraped page may hold Big5 or GBK bytes shown as Latin-1 or cp1252 (``¯Q®ü¥«`` for 烏海市),
UTF-8 shown as Latin-1, cp1252 or GBK (``涔屾捣甯`` for 乌海市), or such a text misread once more
(double encoding). ``repair`` tries each wrong reading in reverse, at most twice, and keeps the
one whose bytes decode strictly into ordinary Chinese text and encode back to the same bytes.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from sources.decode import level1_characters
from sources.letters import ascii_letters, code_points, end_of_first, letter_counts

WRONG = ("cp1252", "gb18030")  # readings a text may have been shown in (cp1252 covers Latin-1)
RIGHT = ("utf-8", "gb18030", "big5")  # the encodings its bytes may really be in
ROUNDS = 2  # misreadings undone at most (double encoding)
MIN_LETTERS = 12  # non-ASCII letters a text needs before it is judged garbled, or a repair readable
GARBLED = 0.5  # a text whose share of common Chinese characters is below this is not readable
READABLE = 0.9  # a repair must reach this share
FLUENT_RUN = 3  # common characters in a row that read as real text ...
FLUENT = 0.15  # ... and the share of letters in such rows below which a text is garbled throughout
_SAMPLE = 2_000  # non-ASCII characters looked at
_HEAD = 600  # characters looked at first: a text readable there is not looked at further
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_UP_TO_SAMPLE = re.compile(rf"(?:[\x00-\x7f]*[^\x00-\x7f]){{1,{_SAMPLE}}}")  # through the last of the first _SAMPLE
_NOT_LATIN1 = re.compile(r"([^\x00-\xff]+)")
_CP1252_ONLY = frozenset(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore"))


@dataclass(frozen=True)
class Repaired:
    text: str
    encoding: str  # what the bytes really are
    misread: tuple[str, ...]  # the wrong readings undone, in the order they happened ("gbk", "latin-1")

    def label(self) -> str:
        """``big5 (repaired from latin-1)``, ``utf-8 (repaired from gbk, then latin-1)``."""
        return f"{self.encoding} (repaired from {', then '.join(self.misread)})"


@lru_cache(maxsize=8)  # asked twice of each document (repair, then garbled)
def common_share(text: str) -> tuple[float, int, int]:
    """Share of the non-ASCII letters of ``text`` (its first ``_SAMPLE``) that are frequent
    Chinese characters (level 1 of GB2312 or Big5), how many such letters there are, and how many
    ASCII letters."""
    codes = code_points(text)
    head = codes[:_HEAD]
    share, letters = _share(head)
    if letters >= 10 * MIN_LETTERS and share >= READABLE:  # plainly readable: the usual case, decided fast
        return share, letters, ascii_letters(head)
    sample = codes[:end_of_first(codes, _SAMPLE)]
    return (*_share(sample), ascii_letters(sample))


def _share(codes: np.ndarray) -> tuple[float, int]:
    """Share of the letters among ``codes`` (code points) that are frequent Chinese characters,
    and how many letters there are."""
    hits, letters = letter_counts(codes, _common())
    return (hits / letters if letters else 1.0), letters


@cache
def _common() -> frozenset[str]:
    """The frequent Chinese characters of either script (level 1 of GB2312 and of Big5)."""
    return frozenset(level1_characters("gb18030") | level1_characters("big5"))


def fluent_share(text: str) -> float:
    """Share of the non-ASCII letters of ``text`` (its first ``_SAMPLE``) that are common
    Chinese characters in a row of ``FLUENT_RUN`` or more: real text is mostly such rows, while
    the common characters of a misreading (UTF-8 shown as GBK) stand alone."""
    sample = _sample(text)
    letters = sum(ch > "\x7f" and ch.isalpha() for ch in sample)
    fluent = sum(len(row) for row in _fluent_rows().findall(sample))
    return fluent / letters if letters else 1.0


@cache
def _fluent_rows() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(sorted(_common())))}]{{{FLUENT_RUN},}}")


def _sample(text: str) -> str:
    """``text`` up to its ``_SAMPLE``-th non-ASCII character (markup and ASCII do not use it up)."""
    found = _UP_TO_SAMPLE.match(text)
    return found.group() if found else ""


def garbled(text: str) -> bool:
    """Whether ``text`` reads as misdecoded Chinese throughout: enough non-ASCII letters, more of
    them than ASCII ones (not a Western text with accents), too few of them common Chinese
    characters, and hardly any rows of those (not a clean sentence around a garbled run)."""
    share, letters, ascii_letters = common_share(text)
    return (letters >= MIN_LETTERS and letters > ascii_letters and share < GARBLED
            and fluent_share(text) < FLUENT)


def repair(text: str) -> Repaired | None:
    """``text`` read back from its misreadings, when it has enough non-ASCII letters, too few of them
    common Chinese characters, and a repair round-trips exactly into readable text; else None.
    (Unlike ``garbled`` it does not weigh ASCII letters: Big5 bytes shown as Latin-1 are half ASCII.)"""
    share, letters, _ = common_share(text)
    if letters < MIN_LETTERS or share >= GARBLED:
        return None
    return _undo(text, ROUNDS) or _segments(text)


def _segments(text: str) -> Repaired | None:
    """``text`` read back piece by piece between the characters Latin-1 cannot show, when those are
    only punctuation (a scraped page keeps its real “”, … beside Big5 or GBK bytes shown as
    Latin-1): every piece of two non-ASCII characters or more must round-trip exactly with one
    reading, and the whole must then be readable."""
    pieces = _NOT_LATIN1.split(text)
    if any(ch.isalnum() for kept in pieces[1::2] for ch in kept):  # real text beside it: TI01 reports the runs
        return None
    for right in ("big5", "gb18030"):
        read = []
        for i, piece in enumerate(pieces):
            if i % 2 or len(_NON_ASCII.findall(piece)) < 2:  # kept as it is
                read.append(piece)
                continue
            try:
                decoded = piece.encode("latin-1").decode(right)
            except UnicodeDecodeError:
                break
            if decoded.encode(right) != piece.encode("latin-1"):
                break
            read.append(decoded)
        else:
            joined = "".join(read)
            share, letters, _ = common_share(joined)
            if share >= READABLE and letters >= MIN_LETTERS:
                return Repaired(joined, right, ("latin-1",))
    return None


def _undo(text: str, rounds: int) -> Repaired | None:
    """The readable repair of ``text`` with the highest share, by one misreading undone, else by
    up to ``rounds`` of them."""
    readings = list(_readings(text))
    scored = [(common_share(decoded)[0], decoded, right, name) for decoded, right, name in readings]
    best = max(scored, default=None, key=lambda reading: reading[0])
    best = best if best and common_share(best[1])[1] >= MIN_LETTERS else None
    if best and best[0] >= READABLE:
        return Repaired(best[1], best[2], (best[3],))
    for decoded, _, name in readings if rounds > 1 else ():
        if deeper := _undo(decoded, rounds - 1):
            return Repaired(deeper.text, deeper.encoding, (*deeper.misread, name))
    return None


def _readings(text: str) -> Iterator[tuple[str, str, str]]:
    """``(text read back, its encoding, the misreading undone)`` for each misreading whose bytes
    decode strictly and encode back to the same bytes."""
    for wrong in WRONG:
        data = shown_bytes(text, wrong)
        if data is None:
            continue
        for right in RIGHT:
            try:
                decoded = data.decode(right)
            except UnicodeDecodeError:
                continue
            if decoded != text and decoded.encode(right) == data:
                yield decoded, right, _name(text, wrong)


def shown_bytes(text: str, wrong: str) -> bytes | None:
    """The bytes ``text`` was shown from, reading ``wrong``; None when it cannot have been. For
    cp1252 the five bytes it leaves undefined show as C1 controls, as Latin-1 (and browsers) do."""
    if wrong != "cp1252":
        try:
            return text.encode(wrong)
        except UnicodeEncodeError:
            return None
    out = bytearray()
    for ch in text:
        if ch < "\x80":
            out.append(ord(ch))
        elif ch in _CP1252_ONLY:
            out += ch.encode("cp1252")
        elif ch <= "\xff":
            out.append(ord(ch))
        else:
            return None
    return bytes(out)


def _name(text: str, wrong: str) -> str:
    """How the misreading is named: cp1252 only when the text has a character Latin-1 lacks."""
    if wrong == "gb18030":
        return "gbk"
    return "cp1252" if any(ch in _CP1252_ONLY for ch in text) else "latin-1"
