"""TI01 mojibake."""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.first_characters import finditer
from checks.integrity._text import HAN, char_class, common_characters, garbled_document, original_lines
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from sources.decode import level1_characters
from sources.document import Document
from sources.normalize import GLOSS, TONE_LETTERS, to_simplified
from sources.repair import common_share, shown_bytes

# (codec the text was wrongly decoded with, the codec of its bytes): the readings tried in reverse.
PAIRS = (("gb18030", "utf-8"), ("cp1252", "utf-8"), ("latin-1", "utf-8"),
         ("latin-1", "gb18030"), ("cp1252", "gb18030"), ("latin-1", "big5"), ("cp1252", "big5"),
         ("gb18030", "big5"), ("big5", "gb18030"))
_NAMES = {"gb18030": "GBK", "big5": "Big5", "cp1252": "cp1252", "latin-1": "Latin-1", "utf-8": "UTF-8"}
MAX_GAP = 3  # ordinary characters allowed between two rare ones of a run
EXTEND = 3  # characters tried on each side of a run to find where the damage starts and ends
MAX_BAD = 0.2  # share of the repair that may still be rare or undecodable
DAMAGE_GAP = 8  # damage marks this close together are one finding
CROSS_MIN = 6  # common characters a repair into GBK or Big5 needs ...
CROSS_MARKS = 4  # ... and rare characters its run needs
LOST = "□"  # a character whose bytes were lost, in a repair
SHOWN = 8  # candidates of a lost character named in the message (the evidence has all)
SHOWN_GARBLED = 20  # characters of a wholly garbled document quoted in the message
_LOST_BYTES = {"cp1252": b"\x81\x8d\x8f\x90\x9d"}  # a lost byte: the five cp1252 cannot decode ...
_CONTINUATION = bytes(range(0x80, 0xC0))  # ... else any UTF-8 continuation byte
_PARTICLES = "吗呢吧么嘛啊呀哪嗎麼"
_PINYIN = f"a-zü{TONE_LETTERS}"
# Lost bytes of out-of-step decoding: ? between Han characters (?! when the next pair decoded as
# a full-width !), ? before a clause mark, ? right before a gloss whose bracket may be gone.
_DAMAGE = re.compile(rf"(?<=[{HAN}])(?<![{_PARTICLES}])\?!?(?=[{HAN}])|(?<=[{HAN}])\?(?=[,，、;；:：])"
                     rf"|\?(?=\(?(?=[a-zü]*[{TONE_LETTERS}])[{_PINYIN}]{{1,8}}\))")

# The reading of a gloss whose character (and bracket) was lost: 魯?shù)榭h, 堅持?jǐn)?shù)字.
_LOST_GLOSS = re.compile(rf"\?\(?((?=[a-zü]*[{TONE_LETTERS}])[{_PINYIN}]{{1,8}})\)")


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    text: str  # the likely original, LOST for a lost character
    wrong: str
    right: str
    lost: tuple[tuple[str, ...], ...]  # per lost character, the common characters it may have been


@cache
def suspicious(ch: str) -> bool:
    """A character ordinary Chinese text rarely has: not level-1, not punctuation or space."""
    if ch < "\x80" or ch in common_characters():
        return False
    category = unicodedata.category(ch)
    return category[0] in "LSN" or category in ("Co", "Cn", "Cc") or ch == "\ufffd"


@register
class Mojibake(DocumentRule):
    """Mojibake: text decoded with the wrong encoding (红石榴 shown as 绾㈢煶姒), or damaged by it.

    What it does
    Finds runs of characters that are rare in Chinese text (outside the level-1 blocks of GB2312
    and Big5) and re-encodes them the other way round: UTF-8 read as GBK, cp1252 or Latin-1, GBK
    or Big5 read as cp1252 or Latin-1, Big5 read as GBK and the reverse. When a reading turns the
    run into common characters it is reported as the likely original. A character one of whose
    bytes was lost (�) is completed when exactly one common candidate makes a word found in the
    corpus (红石 + 榴), and shown as □ with its candidates otherwise. It also flags damage that cannot be repaired: a
    ``?`` between Han characters, before a clause mark or right before a pinyin gloss, left where
    out-of-step decoding lost bytes; before a gloss (魯?shù)) the message names the reading of the
    lost character, so an editor can restore the name. A document that is mojibake throughout is read back when it
    is read (``sources.repair``: Big5 or GBK shown as Latin-1 or cp1252, UTF-8 shown as Latin-1,
    cp1252 or GBK, twice over), when that round-trips exactly, and its encoding says so; one that
    cannot be gets a single finding at its first line, and none of its figures is read.

    Why is this bad?
    Mojibake hides names and figures: a reader sees nonsense, a search misses the text, and
    a checker cannot match it against other reports.

    Example
    社区“鐭虫Υ绫�”志愿服务队开展活动32场。

    Use instead
    社区“石榴籽”志愿服务队开展活动32场。
    """

    code = "TI01"
    name = "mojibake"
    default_severity = Severity.WARNING
    messages = {"zh": "疑似乱码“{text}”：{detail_zh}", "en": "likely mojibake “{text}”: {detail_en}"}

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        if garbled_document(doc, corpus):
            yield self._garbled(doc)
            return
        texts = corpus.memo("document_texts", lambda: [other.text for other in corpus.documents])
        maybe_rare = _maybe_rare()
        if not maybe_rare.search(doc.original) and "?" not in doc.original:
            return  # no line has a run of rare characters or a damage mark (each starts at a ?)
        for offset, line in original_lines(doc):
            # a gloss's tone letters are rare: only a line with rare characters beside its glosses is repaired
            if maybe_rare.search(line) and ("(" not in line or maybe_rare.search(GLOSS.sub("", line))):
                plain = GLOSS.sub(lambda m: " " * len(m.group()), line) if "(" in line else line
                for repair in repairs(plain):
                    yield self._repaired(doc.id, offset, line, repair, texts)
            for start, end in _damage(line):
                text = line[start:end]
                readings = _LOST_GLOSS.findall(line, start, end + 9)
                lost_zh = f"读音为{'、'.join(readings)}的字已丢失" if readings else "字节已丢失"
                lost_en = f"the character(s) read {', '.join(readings)} lost" if readings else "partly lost"
                yield self.finding(doc.id, offset + start, offset + end,
                                   evidence={"text": text, "context": line[max(0, start - 8):end + 8],
                                             "lost_readings": readings},
                                   text=text, detail_zh=f"解码错位，{lost_zh}，无法自动复原，请核对原文",
                                   detail_en=f"bytes decoded out of step and {lost_en}; cannot be repaired, "
                                             "check the source")

    def _garbled(self, doc: Document) -> Finding:
        """One finding for a document that is mojibake throughout and has no exact repair, at its
        first line."""
        start, line = next((offset, line) for offset, line in original_lines(doc) if line.strip())
        text = line[:SHOWN_GARBLED] + ("…" if len(line) > SHOWN_GARBLED else "")
        share = round(100 * common_share(doc.text)[0])
        return self.finding(doc.id, start, start + len(line), evidence={"text": text, "common_share": share},
                            text=text, detail_zh=f"全文均为乱码（常用汉字仅占{share}%），无法准确复原，"
                                                 "其中的数字未读取，请核对原文",
                            detail_en=f"the whole text is mojibake ({share}% common Chinese characters) with no "
                                      "exact repair; its figures are not read, check the source")

    def _repaired(self, doc: str, offset: int, line: str, repair: Repair, texts: list[str]) -> Finding:
        likely, unresolved = _complete(repair, texts)
        text = line[repair.start:repair.end]
        how_zh = f"{_NAMES[repair.right]}文本按{_NAMES[repair.wrong]}误读"
        how_en = f"{_NAMES[repair.right]} read as {_NAMES[repair.wrong]}"
        listed = ["/".join(c[:SHOWN]) + ("/…" if len(c) > SHOWN else "") for c in unresolved]
        note_zh = "".join(f"，{LOST}为丢失的字（可能是{c}）" for c in listed)
        note_en = "".join(f"; {LOST} is a lost character (one of {c})" for c in listed)
        return self.finding(doc, offset + repair.start, offset + repair.end,
                            evidence={"text": text, "likely": likely, "decoding": how_en,
                                      "lost_candidates": [list(c) for c in repair.lost]},
                            text=text, detail_zh=f"可能原为“{likely}”（{how_zh}{note_zh}）",
                            detail_en=f"likely “{likely}” ({how_en}{note_en})")


def repairs(line: str) -> Iterator[Repair]:
    """The best repair of each run of rare characters of ``line`` that has an acceptable one."""
    for start, end, low, high, marks in _runs(line):
        best, best_key = None, None
        for left in range(max(low, start - EXTEND), start + 1):
            for right in range(end, min(high, end + EXTEND) + 1):
                for wrong, codec in PAIRS:
                    decoded = _redecode(line[left:right], wrong, codec)
                    if decoded is None:
                        continue
                    good, bad = _quality(decoded[0], codec)
                    key = (good - 3 * bad, left - right)
                    if _plausible(good, bad, wrong, codec, marks) and (best_key is None or key > best_key):
                        best, best_key = Repair(left, right, decoded[0], wrong, codec, decoded[1]), key
        if best:
            yield best


def rare_characters(text: str) -> set[str]:
    """The characters of ``text`` that are ``suspicious``."""
    return {ch for ch in set(text).difference(_plain()) if suspicious(ch)}


@cache
def _plain() -> frozenset[str]:
    """The characters below U+10000 that are not ``suspicious``."""
    return frozenset(ch for ch in map(chr, range(0x10000)) if not suspicious.__wrapped__(ch))


@cache
def _maybe_rare() -> re.Pattern[str]:
    """A character that may be ``suspicious``: any but the plain ones below U+10000."""
    return re.compile(f"[^{char_class(_plain())}]")


def _runs(line: str) -> Iterator[tuple[int, int, int, int, int]]:
    """``(start, end, low, high, count)``: a run of ``count`` (two or more) rare characters at most
    ``MAX_GAP`` apart, and the stretch without ASCII or spaces around it."""
    rare = rare_characters(line)
    if not rare:
        return
    for stretch in re.finditer(r"[^\x00-\x20\x7f]+", line):
        marks = [stretch.start() + i for i, ch in enumerate(stretch.group()) if ch in rare]
        groups: list[list[int]] = []
        for mark in marks:
            if groups and mark - groups[-1][-1] - 1 <= MAX_GAP:
                groups[-1].append(mark)
            else:
                groups.append([mark])
        for group in groups:
            if len(group) >= 2:
                yield group[0], group[-1] + 1, stretch.start(), stretch.end(), len(group)


def _redecode(text: str, wrong: str, codec: str) -> tuple[str, tuple[tuple[str, ...], ...]] | None:
    """``text`` encoded with ``wrong`` and decoded with ``codec`` (None when it cannot be encoded),
    and for UTF-8 the candidates of each character whose byte was lost at a �."""
    chunks = [shown_bytes(piece, wrong) for piece in text.split("\ufffd")]
    if None in chunks:
        return None
    if codec != "utf-8":
        return "\ufffd".join(chunk.decode(codec, errors="replace") for chunk in chunks), ()
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    parts, lost = [decoder.decode(chunks[0])], []
    for chunk in chunks[1:]:
        pending = decoder.getstate()[0]
        decoder.reset()
        need = _utf8_size(pending[0]) - len(pending) - 1 if pending else -1
        candidates = _fill(pending, chunk[:need], _LOST_BYTES.get(wrong, _CONTINUATION)) if need >= 0 else ()
        parts.append(LOST if candidates else "\ufffd")
        if candidates:
            lost.append(candidates)
            chunk = chunk[need:]
        parts.append(decoder.decode(chunk))
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts), tuple(lost)


def _utf8_size(lead: int) -> int:
    return 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4


def _fill(pending: bytes, tail: bytes, lost: bytes) -> tuple[str, ...]:
    """The common characters ``pending`` + one lost byte + ``tail`` may have been."""
    found = []
    for byte in lost:
        try:
            ch = (pending + bytes((byte,)) + tail).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if ch in common_characters():
            found.append(ch)
    return tuple(found)


def _quality(text: str, codec: str) -> tuple[int, int]:
    """Characters of a repair in the level-1 block of ``codec`` (of GB2312 or Big5 for UTF-8), and
    rare or undecodable ones."""
    common = common_characters() if codec == "utf-8" else level1_characters(codec)
    good = sum(ch in common for ch in text)
    bad = sum((ch not in common and suspicious(ch)) or ("\x00" <= ch < " ") for ch in text if ch != LOST)
    return good, bad


def _plausible(good: int, bad: int, wrong: str, codec: str, marks: int) -> bool:
    """Whether a repair of a run with ``marks`` rare characters is mostly common text. GBK and Big5
    read as each other need a longer, clean run with more rare characters: most of their byte
    pairs are valid in both, so a few rare characters of real text often "repair"."""
    if not {wrong, codec} <= {"gb18030", "big5"}:
        return good >= 2 and bad <= MAX_BAD * (good + bad)
    return good >= CROSS_MIN and bad == 0 and marks >= CROSS_MARKS


def _complete(repair: Repair, texts: list[str]) -> tuple[str, list[tuple[str, ...]]]:
    """The repair with each lost character whose candidates leave exactly one word known to the
    corpus filled in, and the candidates still open."""
    parts = repair.text.split(LOST)
    result, still_open = parts[0], []
    for candidates, after in zip(repair.lost, parts[1:], strict=True):
        probes = {ch: to_simplified(result[-2:] + ch if len(result) >= 2 else ch + after[:2]) for ch in candidates}
        known = [ch for ch, probe in probes.items() if len(probe) >= 3 and any(probe in text for text in texts)]
        if len(known) == 1:
            result += known[0] + after
        else:
            result += LOST + after
            still_open.append(candidates)
    return result, still_open


def _damage(line: str) -> Iterator[tuple[int, int]]:
    """Spans of ``line`` around damage marks, marks at most ``DAMAGE_GAP`` apart merged."""
    if "?" not in line:
        return  # every mark is a ?
    span = None
    for match in finditer(_DAMAGE, line):
        if span and match.start() - span[1] <= DAMAGE_GAP:
            span = (span[0], match.end())
        else:
            if span:
                yield span
            span = match.span()
    if span:
        yield span
