"""The short phrase naming what a figure counts: 改造老旧小区279个 → 老旧小区改造.

Chinese states a figure either after the counted thing (举办招聘活动142场, 居民满意度达90.65%)
or before it (建成17个“一刻钟社区生活圈”). The phrase is cut from the clause around the figure
with the word lists of data/subject_words.txt; nothing here parses the sentence.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from claims.vocab import change_words, figure_words, measure_words, subject_words
from vocab.files import alternation, error, in_order

MAX_LENGTH = 20
_BOUNDARY = set(",;:。!?\n|、“”")
_BRACKETS = re.compile(r"\([^()]{0,12}\)|“|”|\"|'|‘|’|《|》|「|」")
_QUOTES = {"“": "”", "「": "」", "\"": "\"", "《": "》"}
_ROW_START = re.compile(r"\s*\|")  # a table row: its first non-blank character is a bar


def _comparator() -> str:
    """同比, 环比, or 较/比 + a base year + an optional 同期 (较上年同期), as a regex."""
    words = subject_words()
    return (f"(?:{alternation(words['comparison'])}|(?:{alternation(words['compared_to'])})"
            f"(?:{alternation(words['base_year'])})(?:{alternation(words['same_period'])})?)")


COMPARATOR = _comparator()


@cache
def _leading() -> re.Pattern[str]:
    """Separators, comparators and filler at the start of a phrase; the filler in its listed order."""
    return re.compile(rf"^(?:[、,;:\s]|{COMPARATOR}|{in_order(subject_words()['leading'])})+")


@cache
def _change() -> re.Pattern[str]:
    return re.compile(rf"{COMPARATOR}?({alternation(change_words().verbs)})$")


@cache
def _words(section: str) -> str:
    return alternation(subject_words()[section])


@cache
def verbs() -> re.Pattern[str]:
    """Transform and action verbs in one pattern; ``lastgroup`` tells which matched."""
    verbs = subject_words()
    firsts = re.escape("".join(sorted({w[0] for w in (*verbs["transform"], *verbs["action"])})))
    return re.compile(f"(?=[{firsts}])(?:(?P<transform>{_words('transform')})|(?P<action>{_words('action')}))")


@cache
def _trailing_links() -> re.Pattern[str]:
    return re.compile(f"(?:{_words('link')}|{COMPARATOR})+$")


@cache
def _generic() -> re.Pattern[str]:
    return re.compile(_words("generic"))


def _not_with() -> str:
    """The characters before 同 that make it part of a word (共同, 相同), as a class body."""
    words = subject_words()["not_with"]
    bad = [word for word in words if len(word) != 2 or word[1] != "同"]
    if bad:
        raise error("claims", "subject_words.txt", None, f"[not_with]: {bad} are not a character and 同")
    return re.escape("".join(word[0] for word in words))


@cache
def _following_phrase() -> re.Pattern[str]:
    """Characters up to a boundary, 的, a digit or a stop word; a transform verb is kept and ends it.

    After a figure, 的 ends what is counted: 十七个生活圈的服务功能 counts 生活圈; so do an ordinal
    (城市第3位, but not 第一书记) and 同 used as "with" (企业同自治区院校签订, but not 共同体).
    """
    ranks = re.escape("".join(figure_words()["rank_units"]))
    stops = (f"{_words('action')}|{_words('stop_after')}|{_words('transform')}"
             f"|第(?=\\d|[一二三四五六七八九十]+(?:[{ranks},;:。!?\\n]|$))|(?<![{_not_with()}])同")
    boundary = re.escape("".join(sorted(_BOUNDARY | {"的"})))
    char = rf"(?:{_words('continues')}|(?!{stops})[^{boundary}\d])"
    return re.compile(rf"(?!{stops})[\u4e00-\u9fff]{char}*(?:{_words('transform')})?")


@lru_cache(maxsize=4096)  # the same phrases recur: a subject is cleaned for each figure it heads
def clean(phrase: str) -> str:
    """Drop quotes, short bracketed notes and filler; keep the head after 等/的 and the tail."""
    phrase = _leading().sub("", _BRACKETS.sub("", phrase).strip())
    phrase = phrase.rstrip("的、,;: ")
    for marker in ("等", "的"):
        head = phrase.rsplit(marker, 1)[-1]
        if marker in phrase[:-1] and len(head) >= 2:
            phrase = head
    return phrase[-MAX_LENGTH:]


def following(text: str, end: int) -> str:
    """The noun phrase right after a measure word: 17个“一刻钟社区生活圈” → 一刻钟社区生活圈."""
    if end < len(text) and text[end] in _QUOTES:
        close = text.find(_QUOTES[text[end]], end + 1, end + 30)
        return clean(text[end + 1:close]) if close > 0 else ""
    found = _following_phrase().match(text, end, end + MAX_LENGTH)
    return clean(found.group().removesuffix("中")) if found else ""  # 339个城市中: among them


def table_row_label(text: str, line_start: int, start: int) -> str | None:
    """In a Markdown table row (| 居民满意度 | 96.5% |), the first cell names a figure in a later
    cell; ``line_start`` is where the line holding ``start`` begins. Nothing of the line is copied
    but that cell: a line of thousands of figures is not read again for each of them."""
    bar = _ROW_START.match(text, line_start, start)
    second = text.find("|", bar.end(), start) if bar else -1
    return (clean(text[bar.end():second]) or None) if second >= 0 else None


@lru_cache(maxsize=8192)  # the same clause openings recur in a report's copies and restatements
def preceding(phrase: str, measure: str | None, previous: str | None) -> str:
    """The counted thing from the clause text before a figure (``phrase``), or ``""``.

    ``previous`` is the subject of the figure before in the same sentence: a list continuation
    (33310元、17002元) inherits it, a change (同比提高2.8个百分点) extends it with the change verb.
    """
    phrase = phrase.strip()
    if phrase in subject_words()["list_joiners"]:
        return previous or ""
    change = _change().search(phrase)
    stripped = _leading().sub("", _trailing_links().sub("", phrase))
    if not stripped:
        if change and previous:
            return previous + change.group(1)
        return clean(phrase)
    subject = _counted(stripped, measure)
    if change and subject and not subject.endswith(change.group(1)):
        return subject + change.group(1)  # 优良天数比率较上年提高2.8个百分点: the change of the ratio
    return subject


def _counted(stripped: str, measure: str | None) -> str:
    """The counted thing in a clause stripped of linking words: the object of its last verb."""
    verb = _last(verbs(), stripped)
    if verb is None:
        return clean(stripped)
    before, obj = clean(stripped[:verb.start()]), clean(stripped[verb.end():])
    if verb.lastgroup == "transform":
        head = obj or clean(verbs().sub("", stripped[:verb.start()]))
        return head + verb.group()
    if obj and not _generic().fullmatch(obj):
        return obj
    if obj:
        return clean(stripped)  # 参与人数: the verb belongs to the noun
    if before:
        return before  # 生产总值实现: the verb only links
    return verb.group() + measure_words().get(measure or "", "")


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None
