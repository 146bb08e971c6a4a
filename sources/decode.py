"""Turn a file's bytes into text, saying which encoding was used or why none fits."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from functools import cache

from charset_normalizer import from_bytes

from sources.letters import code_points, letter_counts

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


MAX_STRAY_NULS = 3  # NUL bytes read as damage; more, or NULs beside other control bytes, mean binary
MAX_LOST = 0.05  # share of the bytes that may be lost before a file counts as undecodable
MAX_DAMAGE = 1_000  # damaged places read before a file counts as undecodable
_SPLITS = 5  # character boundaries tried after a fragment in a foreign encoding
_WINDOW = 12  # bytes before and after a fragment where its cut is looked for
_FRAGMENT_ENCODINGS = ("gb18030", "big5")
_ASCII = re.compile(rb"[\x00-\x7f]")
_CODECS = {"utf-32": ("utf-32-le", "utf-32-be"), "utf-8-sig": ("utf-8",), "utf-16": ("utf-16-le", "utf-16-be")}


class DecodeError(ValueError):
    """The bytes are not text this tool can read; the message says why."""


@dataclass(frozen=True)
class Damage:
    """A span of the decoded text that is not what the file meant to say: bytes that could not be
    decoded (shown as U+FFFD), NUL bytes (shown as U+FFFD), or a fragment read in another
    encoding than the rest of the file."""

    start: int
    end: int
    what: str  # "2 undecodable bytes", "a NUL byte", "a gb18030 fragment in utf-8 text"
    lost: bool = True  # False when the text of the span was read back (a foreign fragment)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    damage: tuple[Damage, ...] = ()


def decode_bytes(data: bytes) -> Decoded:
    """Decode a whole file: BOM, then strict UTF-8, UTF-16 without a BOM, GB18030/Big5 detection,
    and last a reading that reports its damage (undecodable bytes, stray NULs, fragments in
    another encoding). Raises ``DecodeError`` only for a file that is empty, binary or mostly
    undecodable; never another exception."""
    if not data.strip():
        raise DecodeError("empty file")
    boms = [(bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)]
    for bom, encoding in boms:
        codec = _codec(bom, encoding)
        if (text := _decoded(data[len(bom):], codec)) is not None:
            return _checked(Decoded(text, encoding))
    if boms:
        return _misleading_bom(data, *boms[-1])
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file: {what}")
    if (text := _decoded(data, "utf-8")) is not None and "\x00" not in text:
        return _checked(Decoded(text, "utf-8"))
    if (utf16 := _utf16_without_bom(data)) is not None:
        return utf16
    if text is not None:
        return _checked(Decoded(text, "utf-8"))  # stray NULs: reported, or binary
    try:
        return _checked(_detect_legacy(data), controls=True)
    except DecodeError:
        return _damaged(data)


def _codec(bom: bytes, encoding: str) -> str:
    """The codec of the bytes after ``bom`` (the byte order the mark gives)."""
    return _CODECS[encoding][0 if bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF16_LE, codecs.BOM_UTF8) else 1]


def _misleading_bom(data: bytes, bom: bytes, encoding: str) -> Decoded:
    """A file whose byte-order mark does not fit the bytes after it: those bytes read as if the
    mark were not there when they decode cleanly so (a UTF-8 mark before GBK text), else read in
    the mark's encoding with the undecodable bytes reported (UTF-16 of odd length, a lone
    surrogate)."""
    rest = data[len(bom):]
    try:
        decoded = decode_bytes(rest) if rest.strip() else None
    except DecodeError:
        decoded = None
    if decoded is not None and not decoded.damage:
        mark = encoding.removesuffix("-sig")
        return Decoded(decoded.text, f"{decoded.encoding} (after a misleading {mark} byte-order mark)")
    codec = _codec(bom, encoding)
    return _checked(_lenient(rest, codec, encoding), controls=True)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """``data`` as UTF-16 without a byte-order mark, when one byte order reads as Chinese or
    ASCII text throughout (no NUL, hardly a control or a rare character)."""
    if len(data) % 2 or len(data) < 8:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _decoded(data, codec)
        if text is None or "\x00" in text or _control_ratio(text) > 0.01:
            continue
        han = [ch for ch in text if ch > "\x7f" and ch.isalpha()]
        ascii_share = sum(" " <= ch <= "~" or ch in "\t\n\r" for ch in text) / len(text)
        plain = all(ch <= "\x7f" or ch.isalpha() or not ch.isprintable() or ch.isspace() or
                    "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f"
                    for ch in text[:_SAMPLE])
        common = max(_common_share(text, encoding) for encoding in _COMMON) if han else 0.0
        if plain and (common >= _PLAUSIBLE or (not han and ascii_share > 0.95)):
            return Decoded(text, f"{codec} (no byte-order mark)")
    return None


def _damaged(data: bytes) -> Decoded:
    """The best reading of bytes no encoding decodes cleanly: UTF-8 with fragments in GB18030 or
    Big5 read back, or GB18030 or Big5 with the undecodable bytes replaced; the one that loses
    fewest bytes, then has fewest damaged places. ``DecodeError`` when even that is not text."""
    readings = []
    for reading in (lambda: _mixed(data), lambda: _lenient(data, "gb18030"), lambda: _lenient(data, "big5")):
        try:
            readings.append(reading())
        except DecodeError:
            continue
    plausible = [r for r in readings if _letters_share(r.text) >= _PLAUSIBLE]
    if not plausible:
        raise DecodeError("undecodable: not UTF-8, GB18030/GBK or Big5 text")
    best = min(plausible, key=lambda r: (sum(d.end - d.start for d in r.damage if d.lost), len(r.damage)))
    return _checked(_merged(best), controls=True)


def _merged(decoded: Decoded) -> Decoded:
    """``decoded`` with the fragments of one encoding that only ASCII separates (digits, spaces)
    reported as one."""
    merged: list[Damage] = []
    for damage in decoded.damage:
        last = merged[-1] if merged else None
        if (last and not last.lost and not damage.lost and last.what == damage.what
                and decoded.text[last.end:damage.start].isascii()):
            merged[-1] = Damage(last.start, damage.end, last.what, lost=False)
        else:
            merged.append(damage)
    return replace(decoded, damage=tuple(merged))


def _letters_share(text: str) -> float:
    return max(_common_share(text, encoding) for encoding in _COMMON)


def _lenient(data: bytes, codec: str, encoding: str | None = None) -> Decoded:
    """``data`` in ``codec``, each undecodable byte run replaced by U+FFFD and reported."""
    decode = codecs.getdecoder(codec)
    view, pieces, damage, pos, length, lost = memoryview(data), [], [], 0, 0, 0
    while pos < len(data):
        try:
            pieces.append(decode(view[pos:])[0])
            break
        except UnicodeDecodeError as error:
            good = decode(view[pos:pos + error.start])[0]
            pieces += [good, "\ufffd"]
            length += len(good)
            count = error.end - error.start
            lost += count
            damage.append(Damage(length, length + 1, f"{count} undecodable byte{'s' if count > 1 else ''}"))
            length += 1
            pos += error.end
        _too_damaged(damage, lost, len(data))
    return Decoded("".join(pieces), encoding or codec, tuple(damage))


def _mixed(data: bytes) -> Decoded:
    """``data`` as UTF-8 in which the runs of non-ASCII bytes that are not UTF-8 are read as GB18030
    or Big5 fragments (cut where the text reads best), or replaced by U+FFFD when they are not."""
    decode = codecs.getdecoder("utf-8")
    view, pieces, damage, pos, length, lost = memoryview(data), [], [], 0, 0, 0
    while pos < len(data):
        try:
            pieces.append(decode(view[pos:])[0])
            break
        except UnicodeDecodeError as error:
            bad = pos + error.start
            run_start = _run_start(data, pos, bad)
            run_end = _next_ascii(data, bad)
            head = decode(view[pos:run_start])[0]
            pieces.append(head)
            length += len(head)
            fragment = _fragment(data, run_start, bad, run_end)
            if fragment is None:
                piece = decode(view[run_start:bad])[0]
                count = error.end - error.start
                pieces += [piece, "\ufffd"]
                length += len(piece)
                lost += count
                damage.append(Damage(length, length + 1, f"{count} undecodable byte{'s' if count > 1 else ''}"))
                length += 1
                pos = pos + error.end
            else:
                before, foreign, after, encoding = fragment
                pieces += [before, foreign, after]
                damage.append(Damage(length + len(before), length + len(before) + len(foreign),
                                     f"a {encoding} fragment in utf-8 text", lost=False))
                length += len(before) + len(foreign) + len(after)
                pos = run_end
        _too_damaged(damage, lost, len(data))
    return Decoded("".join(pieces), "utf-8", tuple(damage))


def _run_start(data: bytes, low: int, bad: int) -> int:
    """Where the run of non-ASCII bytes before ``bad`` starts, looking back at most ``_WINDOW``
    bytes, at a UTF-8 character boundary (``data[low:bad]`` is valid UTF-8)."""
    start = max(low, bad - _WINDOW)
    ascii = [i for i in range(bad - 1, start - 1, -1) if data[i] < 0x80][:1]
    start = ascii[0] + 1 if ascii else start
    while start < bad and 0x80 <= data[start] <= 0xBF:
        start += 1
    return start


def _next_ascii(data: bytes, start: int) -> int:
    match = _ASCII.search(data, start)
    return match.start() if match else len(data)


def _fragment(data: bytes, start: int, bad: int, end: int) -> tuple[str, str, str, str] | None:
    """The run ``data[start:end]`` (non-ASCII bytes, not UTF-8 at ``bad``) read as UTF-8, then a
    GB18030 or Big5 fragment, then UTF-8 again, cut at the character boundaries where most of
    the fragment's letters are common Chinese characters; None when no cut reads as Chinese."""
    firsts = range(bad, start - 1, -1)
    tail = _utf8_tail(data, bad, end)
    lasts = {end, *[p for p in range(tail, min(end, tail + _WINDOW)) if not 0x80 <= data[p] <= 0xBF][:_SPLITS]}
    best, best_score = None, 0
    for first in firsts:
        before = _decoded(data[start:first], "utf-8")
        if before is None:
            continue
        for last in lasts:
            after = _decoded(data[last:end], "utf-8") if last > first else None
            if after is None:
                continue
            for encoding in _FRAGMENT_ENCODINGS:
                foreign = _decoded(data[first:last], encoding)
                if foreign is None or _common_share(foreign, encoding) < _PLAUSIBLE:
                    continue
                score = _fluency(before + foreign + after)
                if score > best_score:
                    best, best_score = (before, foreign, after, encoding), score
    return best


def _utf8_tail(data: bytes, low: int, high: int) -> int:
    """Start of the longest run of whole UTF-8 characters that ends ``data[low:high]``."""
    position = high
    while position > low:
        lead = position - 1
        while lead > low and 0x80 <= data[lead] <= 0xBF and position - lead < 4:
            lead -= 1
        if _utf8_size(data[lead]) != position - lead:
            break
        position = lead
    return position


def _utf8_size(lead: int) -> int:
    """Bytes of the UTF-8 character a lead byte starts (0: not a lead byte)."""
    return 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0


def _fluency(text: str) -> int:
    """Common Chinese letters of ``text`` less its other non-ASCII letters."""
    common = _either_level1()
    return sum(1 if ch in common else -1 for ch in text if ch > "\x7f" and ch.isalpha())


@cache
def _either_level1() -> frozenset[str]:
    """The characters of the level-1 block of GB18030 or of Big5 (made once: a union of some
    9,000 characters cost a fragment's every cut a quarter of a millisecond)."""
    return level1_characters("gb18030") | level1_characters("big5")


def _too_damaged(damage: list[Damage], lost: int, size: int) -> None:
    if len(damage) > MAX_DAMAGE or lost > max(MAX_STRAY_NULS, MAX_LOST * size):
        raise DecodeError("undecodable: too many bytes fit no encoding (UTF-8, GB18030/GBK, Big5)")


def _checked(decoded: Decoded, controls: bool = False) -> Decoded:
    """``decoded`` with its NUL characters replaced by U+FFFD and reported, unless the text is
    binary (more than a few NULs, or NULs and other control characters, or many of those) or
    empty."""
    text = decoded.text
    if not text.lstrip("\ufeff").strip():
        raise DecodeError("empty file")
    nuls = text.count("\x00")
    if nuls > MAX_STRAY_NULS or (nuls and _control_ratio(text.replace("\x00", ""))):
        raise DecodeError("binary file: contains NUL bytes")
    if controls and _control_ratio(text) - nuls / max(len(text), 1) > 0.01:
        raise DecodeError("binary file: mostly control characters")
    if not nuls:
        return decoded
    stray = tuple(Damage(i, i + 1, "a NUL byte") for i, ch in enumerate(text) if ch == "\x00")
    damage = tuple(sorted((*decoded.damage, *stray), key=lambda d: d.start))
    return Decoded(text.replace("\x00", "\ufffd"), decoded.encoding, damage)


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
    hits, letters = common_letters(text[:_SAMPLE], level1_characters(encoding))
    return hits / letters if letters else 0.0


def common_letters(text: str, common: frozenset[str]) -> tuple[int, int]:
    """(letters of ``common``, non-ASCII letters and private-use code points) in ``text``; every
    character of ``common`` is a non-ASCII letter (a level-1 block holds Han characters only)."""
    return letter_counts(code_points(text), common)


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
