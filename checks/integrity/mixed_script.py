"""TI05 mixed-script."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from types import MappingProxyType

import opencc

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.integrity._text import charset, garbled_document, original_lines
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from sources.document import Document

_NAMES = {"T": ("繁体", "Traditional"), "S": ("简体", "Simplified")}
_TO = {"T": "s2t", "S": "t2s"}  # conversion into a script


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def script_of(ch: str) -> str | None:
    """"T" for a character only Traditional text uses, "S" for one only Simplified text uses, else None.

    OpenCC says which characters have another form in the other script; a character that is also
    in the other script's standard set (群 in Big5, 乾 in GB2312: variants and homographs) is
    not distinctive.
    """
    if ch < "\u3400":
        return None
    if _converter("t2s").convert(ch) != ch and ch not in charset("gb2312"):
        return "T"
    if _converter("s2t").convert(ch) != ch and ch not in charset("big5"):
        return "S"
    return None


@cache
def script_classes() -> dict[str, re.Pattern[str]]:
    """A pattern of one character for each script: every character from U+3400 to U+FFFF whose
    ``script_of`` it is, worked out with one conversion of the whole range each way."""
    chars = [chr(code) for code in range(0x3400, 0x10000) if not 0xD800 <= code <= 0xDFFF]
    to_s = _converter("t2s").convert("\n".join(chars)).split("\n")
    to_t = _converter("s2t").convert("\n".join(chars)).split("\n")
    found: dict[str, list[str]] = {"T": [], "S": []}
    for ch, simplified, traditional in zip(chars, to_s, to_t, strict=True):
        if simplified != ch and ch not in charset("gb2312"):
            found["T"].append(ch)
        elif traditional != ch and ch not in charset("big5"):
            found["S"].append(ch)
    return {script: re.compile(f"[{re.escape(''.join(members))}]") for script, members in found.items()}


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # beyond script_classes


@register
class MixedScript(DocumentRule):
    """A document that mixes Traditional and Simplified characters.

    What it does
    Classifies every character with OpenCC as Traditional-only, Simplified-only or shared (shared
    ones, the majority, are ignored). When the smaller script has at least ``min_minority`` (5)
    distinctive characters and at least ``min_share`` (0.02) of all distinctive ones, the document
    gets one finding: at its first run of the smaller script (a stretch of the line without a
    character of the main script), converted into the main script, with the counts of both
    scripts and of the runs; every other run is a related place labelled with its conversion.

    Why is this bad?
    A paragraph pasted from a Traditional source into a Simplified report (or the reverse), or a
    half-finished conversion, looks careless, and a search for a name in one script misses the
    other.

    Example
    全市建成社区食堂24个，其中海勃灣區8個，日均服务老年人1200人次。

    Use instead
    全市建成社区食堂24个，其中海勃湾区8个，日均服务老年人1200人次。
    """

    code = "TI05"
    name = "mixed-script"
    default_severity = Severity.INFO
    options = MappingProxyType({"min_minority": 5, "min_share": 0.02})
    messages = {
        "zh": "{main_zh}文本中夹杂{minority_zh}字{minority}个（{main_zh}字{majority}个），共{runs}处，"
              "如“{run}”（{main_zh}应为“{converted}”）",
        "en": "{minority} {minority_en} characters in {main_en} text ({majority} {main_en}), in {runs} run(s), "
              "e.g. “{run}” ({main_en}: “{converted}”)",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        if garbled_document(doc, corpus):  # TI01's single finding says it all
            return
        lines = list(original_lines(doc))
        text = "".join(line for _, line in lines)
        if (self.settings["min_minority"] > 0 and not _ASTRAL.search(text)
                and not all(pattern.search(text) for pattern in script_classes().values())):
            return  # a script has no character here: too few for a finding
        counts = _counts(text)
        main, minor = sorted(counts, key=lambda script: (counts[script], script == "S"), reverse=True)
        total = counts[main] + counts[minor]
        if counts[minor] < self.settings["min_minority"] or counts[minor] < self.settings["min_share"] * total:
            return
        convert = _converter(_TO[main]).convert
        runs = [(offset + start, offset + end, line[start:end]) for offset, line in lines
                for start, end in _runs(_scripted(line), minor)]
        (start, end, run), rest = runs[0], runs[1:]
        converted = convert(run)
        related = [Location(doc.id, s, e, f"{_NAMES[main][1]}: {convert(text)}",
                            f"{_NAMES[main][0]}：{convert(text)}") for s, e, text in rest]
        yield self.finding(
            doc.id, start, end, related=related,
            evidence={"run": run, "converted": converted, "main_script": main, "counts": dict(counts),
                      "runs": len(runs)},
            run=run, converted=converted, minority=counts[minor], majority=counts[main], runs=len(runs),
            main_zh=_NAMES[main][0], main_en=_NAMES[main][1],
            minority_zh=_NAMES[minor][0], minority_en=_NAMES[minor][1])


def _counts(text: str) -> dict[str, int]:
    """How many characters of ``text`` each script has (``script_of``): found by the script classes
    when no character lies beyond them, else counted one distinct character at a time."""
    if _ASTRAL.search(text):
        counted = Counter(text)
        counts = {"T": 0, "S": 0}
        for ch, number in counted.items():
            if script := script_of(ch):
                counts[script] += number
        return counts
    return {script: len(pattern.findall(text)) for script, pattern in script_classes().items()}


def _scripted(line: str) -> list[tuple[int, str]]:
    """The position and script of each character of ``line`` that has one."""
    return [(i, script) for i, script in enumerate(map(script_of, line)) if script]


def _runs(found: list[tuple[int, str]], minor: str) -> list[tuple[int, int]]:
    """Line spans of the runs of ``minor`` characters: from one to the last before a character of
    the main script."""
    runs: list[tuple[int, int]] = []
    broken = True
    for position, script in found:
        if script != minor:
            broken = True
        elif broken:
            runs.append((position, position + 1))
            broken = False
        else:
            runs[-1] = (runs[-1][0], position + 1)
    return runs
