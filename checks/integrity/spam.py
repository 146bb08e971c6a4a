"""TI03 injected-spam."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from checks.corpus import Corpus
from checks.finding import Edit, Finding, Severity
from checks.first_characters import finditer, starts
from checks.integrity._text import text_lines
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from claims.sentences import SENTENCE_END
from sources.document import Document
from sources.spans import merge, overlaps
from vocab.files import data_sections

# Term sections by category, in the order they are tried at one position (the first that matches wins).
TERM_SECTIONS = {"gambling": "gambling", "adult": "adult", "brand-suffix": "gambling", "gambling-weak": "gambling",
                 "adult-weak": "adult", "seo": "seo", "ads": "ads"}
SECTIONS = (*TERM_SECTIONS, "not-brand", "latin-ok", "legit-context", "title-ok", "bylines", "cites-url",
            "openers")
STRONG = {"gambling", "adult"}  # spam on their own unless the sentence fights them
GLUES_TO_CODE = {"gambling", "adult", "brand-suffix", "gambling-weak", "ads"}  # spam glued to a Latin code
WORD_BOUNDARIES = set("，。！？；：、“”‘’「」『』《》()（）,.!?;:\n ")  # around an injected run
WIDTH = 12  # characters of the interrupted clause shown on each side
LEGIT_WINDOW = 20  # characters of the sentence searched on each side for a [legit-context] word
BRAND = (2, 4)  # Han characters of a brand name glued to a [brand-suffix] term
# Characters a brand name never runs across (particles, prepositions, measure and time words).
_NOT_BRAND = set("的了是在和与及或对将被把着过向从为于也都就而并由经据让给请用以按到至等个年月日号人次家户项所岁")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A Latin-letter code: one to three letters, or letters mixed with digits (ag, ld, bet365), not part of
# a longer word, number, address or URL. Longer words (Apple官网) are brand names, not spam codes.
_CODE = re.compile(r"(?<![A-Za-z0-9._/@:-])(?:[A-Za-z]{1,3}|(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{2,10})"
                   r"(?![A-Za-z0-9._/@-])")
# A digit code glued to a gambling word (5566娱乐, 888世纪平台, 55xx娱乐): digits not followed by a unit,
# at most three Han characters of a brand, then the word; 世纪 only after three digits or more (not 21世纪).
_DIGITS = re.compile(r"(?<![0-9A-Za-z.])(?:[0-9]{2,6}"
                     r"(?![0-9.%．年月日号个万亿千百元人次家户项名岁天期届批件台座所场条多余])"
                     r"[\u4e00-\u9fff]{0,3}?(?:娱乐|平台|登录|登陆)|[0-9]{3,6}[\u4e00-\u9fff]{0,3}?世纪)")
# A Latin word of four letters or more with a capital inside (ManBetX, BetWay): a brand, spam only
# in a run of bait terms (最新ManBetX全站), never on its own (iPhone, WeChat).
_LATIN_BRAND = re.compile(r"(?<![A-Za-z0-9._/@:-])(?=[A-Za-z0-9]*[a-z][A-Z])[A-Za-z][A-Za-z0-9]{3,19}"
                          r"(?![A-Za-z0-9._/@-])")
_LETTER = re.compile("[A-Za-z]")
_SPACES = re.compile(r"\s*")  # what str.strip strips
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&*+=%]*[A-Za-z0-9/]", re.IGNORECASE)
_KINDS = {"spam": ("垃圾广告", "spam"), "url": ("无关网址", "stray URL")}
_DATELINE = re.compile(r"[0-9]{1,2}月[0-9]{1,2}日(?:电|讯)")
_TITLE = re.compile(r"《([^《》\n]{1,24})》")
_EMOJI = re.compile("[\u2600-\u27bf\U0001f300-\U0001faff\u2648-\u2653]")
_CLAUSE_MARKS = set("，,；;：:")  # a line of keywords has no clauses
_INSTITUTION = set("府局委厅办院部馆校会社台所处")  # a name ending so is an institution, not a brand
_PARTICLES = set("的了是在和与及对将被把着过向从为于也都就而但并所要会能已")
_CATEGORY_ORDER = ("gambling", "adult", "seo", "ads")
_FIXED = {"code": _CODE, "latin": _LATIN_BRAND, "digits": _DIGITS, "url": _URL}  # the patterns beside the terms
PATTERNS = frozenset({"terms", *_FIXED})  # what a line is searched for (``_patterns``)


@dataclass(frozen=True)
class Lexicon:
    terms: re.Pattern[str]  # empty matches with one group per term section (brand_suffix …) holding the term
    latin_ok: frozenset[str]
    legit: re.Pattern[str]
    cited: re.Pattern[str]  # matches at the end of the text before a URL cited as such
    title_ok: re.Pattern[str]  # matches at the end of a real title
    byline: re.Pattern[str]  # a byline or source label at the start of a line, with its colon
    opener: re.Pattern[str]  # how a sentence opens (近日，): a spam term right before one at a line start is spliced in
    not_brand: re.Pattern[str]  # matches at the end of an ordinary word that may stand where a brand would


@cache
def lexicon() -> Lexicon:
    """``data/spam.txt`` by section, compiled once."""
    found = data_sections("checks.integrity", "spam.txt", known=SECTIONS)
    sections = {name: list(found.get(name, ())) for name in SECTIONS}
    # A lookahead finds a term at every position, overlapping ones too (真人娱乐 and 娱乐城); each
    # section is tried only at one of its first characters (else each of its terms would be).
    groups = "|".join(f"{_entered(_alternation(sections[name]))}(?P<{_group(name)}>{_alternation(sections[name])})"
                      for name in TERM_SECTIONS)
    terms = re.compile(f"(?={groups})", re.IGNORECASE)
    # A URL cited as such: in brackets, or right after a word that introduces an address.
    cited = re.compile(rf"(?:[(（]|(?:{_alternation(sections['cites-url'])})[:：]?\s*)$")
    title_ok = re.compile(f"(?:{_alternation(sections['title-ok'])})$")
    byline = re.compile(rf"^\s*(?:{_alternation(sections['bylines'])})\s*[:：]\s*")
    return Lexicon(terms, frozenset(word.lower() for word in sections["latin-ok"]),
                   re.compile(_alternation(sections["legit-context"])), cited, title_ok, byline,
                   re.compile(_alternation(sections["openers"])),
                   re.compile(f"(?:{_alternation(sections['not-brand'])})$"))


def _group(section: str) -> str:
    return section.replace("-", "_")


def _section(group: str) -> str:
    return group.replace("_", "-")


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _entered(alternation: str) -> str:
    """A lookahead for the first characters of a case-insensitive ``alternation`` (nothing when
    they cannot be bounded)."""
    first = starts(re.compile(alternation, re.IGNORECASE))
    return "" if first is None else f"(?={first.pattern})"


@dataclass(frozen=True)
class Injection:
    start: int
    end: int
    kind: str  # "spam" or "url"
    terms: tuple[str, ...]
    category: str = ""  # of spam: gambling, adult, seo or ads


Item = tuple[int, int, str]  # start, end and section of a term, or "code", "latin", "digits", "brand"


@register
class InjectedSpam(DocumentRule):
    """Gambling spam or a stray URL injected into a sentence.

    What it does
    Looks for text that does not belong in the sentence it sits in, on every line of the article
    that is not page furniture, by its shape rather than by a list of sites. The lexicon
    (``checks/integrity/data/spam.txt``) has categories: gambling and adult terms (百家乐, 真人娱乐,
    bet365), spam unless a word such as 打击, 赌博 or 扫黄 in the sentence makes them a legitimate
    mention; brand suffixes (体育官网, 娱乐平台登录, 彩票网); and weak SEO and ad words (全站, 最新官网,
    登录入口, 下载) that are ordinary words elsewhere. The shapes: a brand of two to four characters (not an ordinary
    word such as 智慧 or 全民健身: 智慧体育app is a government app), a digit code (9988…娱乐) or a Latin code
    that is not a common abbreviation (GDP, APP, 5G) glued to a spam term; a run of several terms, a
    Latin brand with a capital inside counting as one (万博最新ManBetX全站); a brand term opening a
    paragraph right before the sentence's own opener (彩迷网日前，…); a line of keywords without sentence
    structure (many terms, emoji or zodiac signs, Latin codes beside a bait word: AG九游会登陆J9); a
    《title》 made of spam terms; a spam term in a byline or source line; a run breaking a dateline
    (…11月3日电). Adjacent terms and codes form one injected run, reported with the clause it
    interrupts and that clause without it, and with its category. A URL in running text is reported
    too, unless it is cited (in brackets, or after 网址, 网站, 访问 …).

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
            span = doc.original_span(start, end)
            yield self.finding(doc.id, *span, fix=[Edit(*span)],
                               evidence={"injected": run, "clause": clause, "repaired": repaired,
                                         "kind": injection.kind, "category": injection.category or None,
                                         "terms": list(injection.terms)},
                               run=run, clause=clause, repaired=repaired, kind_zh=kind_zh, kind_en=kind_en)


def _injections(doc: Document) -> Iterator[Injection]:
    skip = list(doc.skip)
    present = _present(doc.text)
    for offset, line in text_lines(doc):
        if overlaps(skip, offset, offset + len(line)):
            continue
        for injection in (*_spam_runs(line, present), *(_urls(line) if "url" in present else ())):
            yield Injection(offset + injection.start, offset + injection.end, injection.kind, injection.terms,
                            injection.category)


def _spam_runs(line: str, present: frozenset[str] = PATTERNS) -> Iterator[Injection]:
    """Spam in a line, in line offsets: a keyword line as a whole, a fake 《title》, or runs of adjacent
    terms, codes and brands with a spam signal (of the ``present`` patterns)."""
    items = _items(line, present)
    if not items:
        return  # no term, code or brand: no keyword line, fake title or run
    keywords = _keyword_line(line, items)
    if keywords:
        yield keywords
        return
    titles = list(_fake_titles(line, items))
    yield from titles
    taken = [(title.start, title.end) for title in titles]
    words = lexicon()
    byline = words.byline.match(line)
    dateline = _DATELINE.search(line[:48])
    for run in _runs(items):
        start, end = run[0][0], max(end for _, end, _ in run)
        kinds = {kind for _, _, kind in run}
        if overlaps(taken, start, end):
            continue
        spam = bool(kinds & STRONG) and not _legit(line, start, end)
        spam = spam or ("code" in kinds and bool(kinds & GLUES_TO_CODE))
        if not spam and (kinds & {"digits", "brand"} or _shaped(run)):
            spam = not _legit(line, start, end, inside=True)
        if not spam and byline and start >= byline.end() and kinds & _IN_BYLINE:
            spam = not _legit(line, start, end, inside=True)
            if spam and "brand" not in kinds:  # the name the term is glued to, up to the label
                start = max(byline.end(), _brand(line, start))
        if not spam and dateline and end <= dateline.start() and kinds - {"ads"}:
            spam = not _legit(line, start, end, inside=True)
        if not spam and kinds & _OPENS_LINE and _opens_line(line, start, end):
            spam = not _legit(line, start, end, inside=True)
        if spam and "latin" in kinds and "brand" not in kinds:  # the Han name of a Latin brand (万博最新ManBetX…)
            start = _brand(line, start, guess=False)
        if spam:
            yield Injection(start, end, "spam", tuple(line[s:e] for s, e, _ in run), _category(kinds))


_SHAPED = {"gambling-weak", "adult-weak", "seo"}  # three terms in a run, one of these: spam


def _shaped(run: list[Item]) -> bool:
    """Three terms in a run, two of them bait (not site furniture): 官方入口网页版手机版, 精品免费视频在线观看."""
    return len(run) >= 3 and sum(kind in _SHAPED for _, _, kind in run) >= 2


_IN_BYLINE = {"gambling-weak", "adult-weak", "brand-suffix"}
_OPENS_LINE = {"brand-suffix"}


def _opens_line(line: str, start: int, end: int) -> bool:
    """Whether ``start..end`` opens the line and the sentence opens again right after it
    (彩迷会近日，…): a name spliced before the paragraph, which reads on without it."""
    return _SPACES.match(line).end() >= start and bool(lexicon().opener.match(line, end))


def _present(text: str) -> frozenset[str]:
    """The names of the patterns (``_patterns``) with a match somewhere in ``text``: only they can
    match on its lines, none of them looking past a line break (a match in a line is one in the text)."""
    return frozenset(name for name, pattern in _patterns().items() if next(finditer(pattern, text), None))


def _patterns() -> dict[str, re.Pattern[str]]:
    return {"terms": lexicon().terms, **_FIXED}


def _items(line: str, present: frozenset[str] = PATTERNS) -> list[Item]:
    """Terms, Latin and digit codes, and the brand before a [brand-suffix] term, sorted (of the
    ``present`` patterns: the others have no match)."""
    words = lexicon()
    items = [(*m.span(m.lastgroup), _section(m.lastgroup)) for m in finditer(words.terms, line)
             if m.lastgroup] if "terms" in present else []
    for kind, pattern in (("code", _CODE), ("latin", _LATIN_BRAND)):
        if kind in present and _LETTER.search(line):  # a code and a Latin brand each hold a letter
            taken = merge((start, end) for start, end, _ in items)
            items += [(m.start(), m.end(), kind) for m in finditer(pattern, line)
                      if m.group().lower() not in words.latin_ok and not overlaps(taken, *m.span())]
    if "digits" in present:
        items += [(m.start(), m.end(), "digits") for m in finditer(_DIGITS, line)]
    ends = {end for _, end, _ in items}
    for start, _, kind in list(items):
        if kind == "brand-suffix" and start not in ends:
            brand = _brand(line, start)
            if brand < start and not words.not_brand.search(line[:start]):
                items.append((brand, start, "brand"))
    return sorted(items)


def _brand(line: str, start: int, guess: bool = True) -> int:
    """Where a brand name glued before ``start`` begins (``start`` when there is none): two to four
    Han characters up to a boundary, else (with ``guess``) the two right before."""
    left = start
    while left > 0 and start - left < BRAND[1] and _HAN.match(line[left - 1]) and line[left - 1] not in _NOT_BRAND:
        left -= 1
    if start - left < BRAND[0] or line[start - 1] in _INSTITUTION:
        return start
    if start - left == BRAND[1] and left > 0 and _HAN.match(line[left - 1]) and line[left - 1] not in _NOT_BRAND:
        return start - BRAND[0] if guess else start  # no boundary in sight: a short brand in running text
    return left


def _runs(items: list[Item]) -> list[list[Item]]:
    """The sorted ``items`` in runs: each item starting at or before the furthest end of its run so far."""
    runs: list[list[Item]] = []
    reach = -1
    for item in items:
        if runs and item[0] <= reach:
            runs[-1].append(item)
            reach = max(reach, item[1])
        else:
            runs.append([item])
            reach = item[1]
    return runs


def _category(kinds: set[str]) -> str:
    found = {TERM_SECTIONS[kind] for kind in kinds if kind in TERM_SECTIONS} or {"gambling"}
    return next(category for category in _CATEGORY_ORDER if category in found)


def _keyword_line(line: str, items: list[Item]) -> Injection | None:
    """A line of spam keywords with no sentence structure: three terms or more (two with an emoji or
    zodiac sign), covering much of it, no sentence end and hardly a particle. Latin codes count
    when a term other than site furniture is there (AG九游会登陆J9), single letters (B区) do not."""
    terms = [item for item in items if item[2] in TERM_SECTIONS or item[2] == "digits"]
    if {kind for _, _, kind in terms} - {"ads"}:
        terms = sorted(terms + [item for item in items if item[2] in ("code", "latin") and item[1] - item[0] > 1])
    if SENTENCE_END.search(line) or not _CLAUSE_MARKS.isdisjoint(line) or len(line.strip()) > 80:
        return None
    if len(terms) < 3 and not (len(terms) >= 2 and _EMOJI.search(line)):
        return None
    body = "".join(ch for ch in line if ch.isalnum())
    if not body:
        return None
    covered = sum(end - start for start, end in merge((start, end) for start, end, _ in terms))
    particles = sum(ch in _PARTICLES for ch in body)
    if covered < 0.3 * len(body) or particles > max(1, len(body) // 15) or lexicon().legit.search(line):
        return None
    if not {kind for _, _, kind in terms} - {"ads"}:
        return None
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    kinds = {kind for _, _, kind in terms}
    return Injection(start, end, "spam", tuple(line[s:e] for s, e, _ in terms), _category(kinds))


def _fake_titles(line: str, items: list[Item]) -> Iterator[Injection]:
    """A 《…》 holding spam terms that is not a real title (none of the endings of [title-ok])."""
    words = lexicon()
    for match in _TITLE.finditer(line):
        inside = [item for item in items if match.start(1) <= item[0] and item[1] <= match.end(1)]
        kinds = {kind for _, _, kind in inside} - {"ads", "code"}
        if not kinds or words.title_ok.search(match.group(1)) or _legit(line, *match.span(), inside=True):
            continue
        yield Injection(*match.span(), "spam", tuple(line[s:e] for s, e, _ in inside), _category(kinds))


def _legit(line: str, start: int, end: int, inside: bool = False) -> bool:
    """Whether the sentence around ``start..end`` (and the run itself, when ``inside``) makes it a
    legitimate mention: gambling as something to fight, a lottery regulator."""
    before = SENTENCE_END.split(line[max(0, start - LEGIT_WINDOW):start])[-1]
    after = SENTENCE_END.split(line[end:end + LEGIT_WINDOW])[0]
    legit = lexicon().legit
    return bool(legit.search(f"{before} {after}") or (inside and legit.search(before + line[start:end] + after)))


def _urls(line: str) -> Iterator[Injection]:
    for match in finditer(_URL, line):
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

