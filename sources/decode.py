"""Turn a file's bytes into text, saying which encoding was used or why none fits."""
from __future__ import annotations

import codecs
from collections import Counter
from dataclasses import dataclass
from functools import cache

from charset_normalizer import from_bytes

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of binary formats someone may point the tool at by mistake.
_MAGIC = (
    (b"%PDF", "a PDF file (PDF input is not supported yet)"),
    (b"PK\x03\x04", "a ZIP container such as .docx or .xlsx (not supported yet)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
)
# Legacy encodings a Chinese report may come in; GB18030 is the superset of GB2312 and GBK.
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16"]
_LEGACY_NAMES = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "cp950": "big5"}
# Level-1 (most frequent) character blocks by decoding, as (standard, first code, last code):
# GB2312 rows 16-55, Big5 A440-C67E.
_COMMON = {"gb18030": ("gb2312", b"\xb0\xa1", b"\xd7\xf9"), "big5": ("big5", b"\xa4\x40", b"\xc6\x7e")}
_PLAUSIBLE = 0.5
_CLEAR_MARGIN = 0.15
_SHORT_TEXT = 50
_SAMPLE = 1_000


class DecodeError(ValueError):
    """The bytes are not text this tool can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole file: BOM, then strict UTF-8, then GB18030/Big5 detection."""
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding)
            if not text.lstrip("\ufeff").strip():
                raise DecodeError("empty file")
            return Decoded(text, encoding)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file: {what}")
    if b"\x00" in data[:4096]:
        raise DecodeError("binary file: contains NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    decoded = _detect_legacy(data)
    if _control_ratio(decoded.text) > 0.01:
        raise DecodeError("binary file: mostly control characters")
    return decoded


def _detect_legacy(data: bytes) -> Decoded:
    """GB18030 or Big5, judged by how much of the text is each standard's frequent characters.

    Real Chinese text is almost all level-1 ("common") characters of its own standard; the wrong
    reading of the same bytes, or noise, is not. A reading below ``_PLAUSIBLE`` is rejected; of two
    plausible readings the one ahead by ``_CLEAR_MARGIN`` wins; a close call goes to
    charset-normalizer on long texts, and to GB18030 (the more common) on short ones.
    """
    readings = {encoding: text for encoding in _COMMON if (text := _decoded(data, encoding)) is not None}
    shares = {encoding: _common_share(text, encoding) for encoding, text in readings.items()}
    plausible = sorted((share, encoding) for encoding, share in shares.items() if share >= _PLAUSIBLE)
    if not plausible:
        raise DecodeError("undecodable: not UTF-8, GB18030/GBK or Big5 text")
    if len(plausible) == 1 or plausible[1][0] - plausible[0][0] >= _CLEAR_MARGIN:
        encoding = plausible[-1][1]
        return Decoded(readings[encoding], encoding)
    if _han_count(readings["gb18030"]) < _SHORT_TEXT:
        return Decoded(readings["gb18030"], "gb18030")
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    encoding = _LEGACY_NAMES.get(best.encoding, best.encoding).replace("_", "-") if best else "gb18030"
    encoding = encoding if encoding in readings else "gb18030"
    return Decoded(readings[encoding], encoding)


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _han_count(text: str) -> int:
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff")


def _common_share(text: str, encoding: str) -> float:
    """Share of the non-ASCII letters of ``text`` (Han, kana, Greek …, and private-use code points;
    not punctuation or digits) in the level-1 (frequent) block of ``encoding``, on the first
    ``_SAMPLE`` characters: a wrong reading turns into rare characters, stray kana or Greek
    letters and private-use code points."""
    common = level1_characters(encoding)
    letters = hits = 0
    for ch, count in Counter(text[:_SAMPLE]).items():
        if ch > "\x7f" and (ch.isalpha() or "\ue000" <= ch <= "\uf8ff"):
            letters += count
            hits += count if ch in common else 0
    return hits / letters if letters else 0.0


def level1_characters(encoding: str) -> frozenset[str]:
    """The characters of the level-1 (frequent) block of ``encoding`` (``gb18030`` or ``big5``)."""
    return characters(*_COMMON[encoding])


@cache
def characters(standard: str, low: bytes, high: bytes) -> frozenset[str]:
    """The characters a double-byte ``standard`` encodes from code ``low`` to ``high``, decoded once."""
    codes = (bytes((lead, trail)) for lead in range(low[0], high[0] + 1) for trail in range(0x40, 0xFF))
    return frozenset(filter(None, (_decoded(code, standard) for code in codes if low <= code <= high)))


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)
