"""The normalized view used for matching: one script, half-width forms, no pronunciation glosses.

Every step either keeps the text's length (folding, Traditional → Simplified) or deletes whole
characters (glosses), so the offset map to the original survives.
"""
from __future__ import annotations

import re
from functools import cache

import numpy as np
import opencc

from sources.letters import BMP, code_points
from sources.offsets import OffsetMap, deletion_mask

TONE_LETTERS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# An inline pinyin gloss such as 來(lái): ASCII brackets around pinyin letters with at least one
# tone mark. Real brackets (社区(村), (试行)) never contain a tone-marked letter.
GLOSS = re.compile(rf"\((?=[a-zü]*[{TONE_LETTERS}])[a-zü{TONE_LETTERS}]{{1,8}}\)")

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_DASHES = "\u2010\u2011\u2012\u2212\ufe63"


@cache
def _fold_table() -> np.ndarray:
    """Full-width ASCII forms to ASCII, exotic spaces to a space, dash variants to '-': the code
    point each code point of the Basic Multilingual Plane becomes (every other character is itself)."""
    folded = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    folded.update({ord(ch): ord(" ") for ch in _SPACES})
    folded.update({ord(ch): ord("-") for ch in _DASHES})
    folded[ord("\ufe6a")] = ord("%")
    table = np.arange(BMP, dtype=np.uint32)
    table[list(folded)] = list(folded.values())
    return table


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _traditional() -> re.Pattern[str]:
    """The characters ``t2s`` changes on their own, found by converting every CJK character once."""
    han = "".join(map(chr, range(0x3400, 0xA000)))
    converted = _t2s().convert(han)
    changed = "".join(a for a, b in zip(han, converted, strict=True) if a != b) if len(converted) == len(han) else han
    return re.compile(f"[{re.escape(changed)}]")


def fold(text: str) -> str:
    """Half-width digits and punctuation, plain spaces; the length never changes. Every code point
    is looked up in one table at once (``str.translate`` calls back per character)."""
    codes = code_points(text)
    if len(codes) and codes.max() >= BMP:  # a character past the plane is itself
        folded = np.where(codes < BMP, _fold_table()[np.minimum(codes, BMP - 1)], codes)
    else:
        folded = _fold_table()[codes]
    return folded.astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC ``t2s``, guaranteed to keep the length.

    ``t2s`` maps character for character in practice; should a line ever change length, that
    line keeps its original script so the offset map stays exact.
    """
    if not _traditional().search(text):
        return text  # no Traditional character: nothing to convert
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    kept = [line if len(new) != len(line) else new for line, new in zip(lines, map(_t2s().convert, lines), strict=True)]
    return "\n".join(kept)


def normalize(text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """Normalized view of ``text`` (whose characters map to the original through ``offsets``)."""
    glosses = [match.span() for match in GLOSS.finditer(text)]
    if glosses:
        mask = deletion_mask(len(text), glosses)
        text = "".join(part for part in _kept_parts(text, glosses))
        offsets = offsets.keep(mask)
    return to_simplified(fold(text)), offsets


def _kept_parts(text: str, spans: list[tuple[int, int]]):
    position = 0
    for start, end in spans:
        yield text[position:start]
        position = end
    yield text[position:]
