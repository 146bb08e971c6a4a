"""Turn a file's bytes into text, saying which encoding was used or why none fits."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

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
            return Decoded(data.decode(encoding), encoding)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file: {what}")
    if b"\x00" in data[:4096]:
        raise DecodeError("binary file: contains NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _detect_legacy(data)


def _detect_legacy(data: bytes) -> Decoded:
    """GB18030 or Big5: when only one decodes strictly it is the one; otherwise ask charset-normalizer."""
    strict = [encoding for encoding in ("gb18030", "big5") if _decodes(data, encoding)]
    if len(strict) == 1:
        return Decoded(data.decode(strict[0]), strict[0])
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise DecodeError("undecodable: not UTF-8, GB18030/GBK or Big5 text")
    encoding = _LEGACY_NAMES.get(best.encoding, best.encoding).replace("_", "-")
    text = data.decode(encoding, errors="strict")
    if _control_ratio(text) > 0.01:
        raise DecodeError("binary file: mostly control characters")
    return Decoded(text, encoding)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f")
    return controls / max(len(text), 1)
