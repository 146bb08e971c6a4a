"""ST03 percent-without-sign."""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from types import MappingProxyType

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from checks.rule import ClaimRule
from checks.vocab import has_any, rate_word
from claims.claim import Claim
from claims.numbers import plain
from sources.document import Document
from vocab.files import data_sections, error

SCORE_SECTIONS = ("subjects", "suffixes")


@cache
def score_words() -> dict[str, tuple[str, ...]]:
    """``subjects`` scored, not percentages, and the ``suffixes`` that may follow a score or ratio
    (``data/score_words.txt``), each suffix one character."""
    found = data_sections("checks.style", "score_words.txt", SCORE_SECTIONS)
    for word in found["suffixes"]:
        if len(word) != 1:
            raise error("checks.style", "score_words.txt", None, f"[suffixes]: {word!r} is not one character")
    return found


@register
class PercentWithoutSign(ClaimRule):
    """A rate or share written as a bare number, without its % sign (满意度达92.4).

    What it does
    Flags a bare number (no unit) whose subject is a rate or a share (a word of
    ``checks/data/rate_words.txt`` such as 满意度, 覆盖率, 占比) and whose value lies above
    ``min_value`` (10) and at most 100. Scores are left alone: a number followed by 分, 星 or 级,
    a ratio (1:15), and subjects such as 满意度指数 or 测评得分; small values (满意度4.8) are too,
    as they are usually scores out of 5 or 10.

    Why is this bad?
    居民满意度达92.4 leaves the reader to guess the unit (percent? points out of 100?), and
    tools that read the figure cannot compare it with 92.4% elsewhere.

    Example
    经第三方测评,社区居民满意度达92.4。
    城市建成区绿化覆盖率为41。

    Use instead
    经第三方测评,社区居民满意度达92.4%。
    经第三方测评,社区居民满意度测评得分92.4分。
    """

    code = "ST03"
    name = "percent-without-sign"
    default_severity = Severity.INFO
    kinds = frozenset({"number"})
    options = MappingProxyType({"min_value": 10})
    messages = {
        "zh": "{subject}为{text},缺少百分号(%)",
        "en": "{subject} is given as {text} without a % sign",
    }

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        min_value = self.settings["min_value"]
        if claim.value is None or not min_value < claim.value <= 100:
            return
        word = rate_word(claim.subject)
        scores = score_words()
        if word is None or has_any(claim.subject, scores["subjects"]):
            return
        text = doc.text
        if text[claim.span[1]:claim.span[1] + 1].startswith(scores["suffixes"]):
            return
        if text[max(0, claim.span[0] - 1):claim.span[0]] in (":", ":", "/"):
            return
        yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                           evidence={"value": plain(claim.value), "subject": claim.subject,
                                     "rate_word": word.word},
                           subject=claim.subject, text=claim.text)
