"""TI03 injected-spam."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.integrity._text import text_lines
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from claims.sentences import SENTENCE_END
from sources.document import Document
from sources.spans import merge, overlaps
from vocab.files import data_sections

SECTIONS = ("strong", "weak", "latin-ok", "legit-context", "cites-url")
WORD_BOUNDARIES = set("，。！？；：、“”‘’「」『』《》()（）,.!?;:\n ")  # around an injected run
WIDTH = 12  # characters of the interrupted clause shown on each side
LEGIT_WINDOW = 20  # characters of the sentence searched on each side for a [legit-context] word
# A Latin-letter code: one to three letters, or letters mixed with digits (ag, ld, bet365), not part of
# a longer word, number, address or URL. Longer words (Apple官网) are brand names, not spam codes.
_CODE = re.compile(r"(?<![A-Za-z0-9._/@:-])(?:[A-Za-z]{1,3}|(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{2,10})"
                   r"(?![A-Za-z0-9._/@-])")
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&*+=%]*[A-Za-z0-9/]", re.IGNORECASE)
_KINDS = {"spam": ("垃圾广告", "spam"), "url": ("无关网址", "stray URL")}


@dataclass(frozen=True)
class Lexicon:
    terms: re.Pattern[str]  # empty matches with a group "strong" or "weak" holding the term
    latin_ok: frozenset[str]
    legit: re.Pattern[str]
    cited: re.Pattern[str]  # matches at the end of the text before a URL cited as such


@cache
def lexicon() -> Lexicon:
    """``data/spam.txt`` by section, compiled once."""
    found = data_sections("checks.integrity", "spam.txt", known=SECTIONS)
    sections = {name: list(found.get(name, ())) for name in SECTIONS}
    strong, weak, legit = (_alternation(sections[name]) for name in ("strong", "weak", "legit-context"))
    # A lookahead finds a term at every position, overlapping ones too (真人娱乐 and 娱乐城).
    terms = re.compile(f"(?=(?P<strong>{strong})|(?P<weak>{weak}))", re.IGNORECASE)
    # A URL cited as such: in brackets, or right after a word that introduces an address.
    cited = re.compile(rf"(?:[(（]|(?:{_alternation(sections['cites-url'])})[:：]?\s*)$")
    return Lexicon(terms, frozenset(word.lower() for word in sections["latin-ok"]), re.compile(legit), cited)


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


@dataclass(frozen=True)
class Injection:
    start: int
    end: int
    kind: str  # "spam" or "url"
    terms: tuple[str, ...]


@register
class InjectedSpam(DocumentRule):
    """Gambling spam or a stray URL injected into a sentence.

    What it does
    Looks for text that does not belong in the sentence it sits in, on every line of the article
    that is not page furniture. The lexicon (``checks/integrity/data/spam.txt``) has strong
    gambling terms (百家乐, 真人娱乐, bet365), spam only when no word such as 打击 or 赌博 in the
    sentence makes them a legitimate mention, and weak terms that are ordinary words elsewhere
    (官方网站, 澳门, 彩票, 开户, 网址), spam only when glued to a Latin-letter code (ag, ld) that is
    not a common abbreviation (GDP, APP, 5G). Adjacent terms and codes form one injected run,
    reported with the clause it interrupts and that clause without it. A URL in running text is
    reported too, unless it is cited (in brackets, or after 网址, 网站, 访问 …).

    Why is this bad?
    Scraped or hacked pages carry gambling advertisements spliced into official wording; a
    report that reprints them promotes illegal gambling and discredits the whole text.

    Example
    全市开展“诚信bet365体育官网兴商宣传周”活动36场。

    Use instead
    全市开展“诚信兴商宣传周”活动36场。
    详细名单已在市政府官方网站公布。(an ordinary mention of a website)
    """

    code = "TI03"
    name = "injected-spam"
    default_severity = Severity.ERROR
    messages = {
        "zh": "“{clause}”中混入{kind_zh}“{run}”，去掉后为“{repaired}”",
        "en": "{kind_en} “{run}” injected into “{clause}” (without it: “{repaired}”)",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for injection in _injections(doc):
            start, end = injection.start, injection.end
            left, right = _clause(doc.text, start, end)
            run, clause = doc.text[start:end], doc.text[left:right]
            repaired = doc.text[left:start] + doc.text[end:right]
            kind_zh, kind_en = _KINDS[injection.kind]
            yield self.finding(doc.id, *doc.original_span(start, end),
                               evidence={"injected": run, "clause": clause, "repaired": repaired,
                                         "kind": injection.kind, "terms": list(injection.terms)},
                               run=run, clause=clause, repaired=repaired, kind_zh=kind_zh, kind_en=kind_en)


def _injections(doc: Document) -> Iterator[Injection]:
    skip = list(doc.skip)
    for offset, line in text_lines(doc):
        if overlaps(skip, offset, offset + len(line)):
            continue
        for injection in (*_spam_runs(line), *_urls(line)):
            yield Injection(offset + injection.start, offset + injection.end, injection.kind, injection.terms)


def _spam_runs(line: str) -> Iterator[Injection]:
    """Runs of adjacent terms and Latin codes with a spam signal, in line offsets."""
    words = lexicon()
    items = [(*m.span(m.lastgroup), m.lastgroup) for m in words.terms.finditer(line) if m.lastgroup]
    taken = merge((start, end) for start, end, _ in items)
    items += [(m.start(), m.end(), "code") for m in _CODE.finditer(line)
              if m.group().lower() not in words.latin_ok and not overlaps(taken, *m.span())]
    runs: list[list[tuple[int, int, str]]] = []
    for item in sorted(items):
        if runs and item[0] <= max(end for _, end, _ in runs[-1]):
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        kinds = {kind for _, _, kind in run}
        start, end = run[0][0], max(end for _, end, _ in run)
        glued_code = "code" in kinds and len(kinds) > 1
        if glued_code or ("strong" in kinds and not _legit(line, start, end)):
            yield Injection(start, end, "spam", tuple(line[s:e] for s, e, _ in run))


def _legit(line: str, start: int, end: int) -> bool:
    """Whether the sentence around ``start..end`` mentions gambling as something to fight."""
    before = SENTENCE_END.split(line[max(0, start - LEGIT_WINDOW):start])[-1]
    after = SENTENCE_END.split(line[end:end + LEGIT_WINDOW])[0]
    return bool(lexicon().legit.search(f"{before} {after}"))


def _urls(line: str) -> Iterator[Injection]:
    for match in _URL.finditer(line):
        if not lexicon().cited.search(line[:match.start()]):
            yield Injection(match.start(), match.end(), "url", (match.group(),))


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start..end`` (at most ``WIDTH`` characters each side); when the run is a
    clause of its own, the text before it on its line."""
    left, right = start, end
    while left > 0 and text[left - 1] not in WORD_BOUNDARIES and start - left < WIDTH:
        left -= 1
    while right < len(text) and text[right] not in WORD_BOUNDARIES and right - end < WIDTH:
        right += 1
    if (left, right) == (start, end):
        left = max(text.rfind("\n", 0, start) + 1, start - WIDTH)
    return left, right

