"""BD01 rate-over-100."""
from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

from checks.bounds.column_check import ColumnCheck
from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from checks.vocab import rate_word
from claims.claim import Claim
from claims.numbers import plain

CEILINGS = {"percent": Decimal(100), "cheng": Decimal(10)}  # 100 %, 十成


@register
class RateOver100(ColumnCheck):
    """A rate or share (覆盖率, 占比, 满意度) stated above 100 %.

    What it does
    Flags a percentage (or tenths, 成) above 100 % whose subject is a rate or a share: a word of
    ``checks/data/rate_words.txt`` such as 覆盖率, 达标率, 满意度, 占比 or 比例. Growth and
    decline (增长, 提高, 同比) and rates that may be over-fulfilled (完成率, 增长率, 使用率) are left
    alone. The lower bound of the figure is compared, so 近 and 约 never make it fire.

    Why is this bad?
    A share of a whole cannot be larger than the whole: 覆盖率达112% is a typo (11.2 %? 92 %?)
    or a growth rate mislabelled as a level. Readers who spot it stop trusting the other figures.

    Example
    全市城乡居民医保参保率达到112%,较上年提高1.5个百分点。
    二级以上医院占比为135%。

    Use instead
    全市城乡居民医保参保率达到97.2%,较上年提高1.5个百分点。
    全市参保人数比上年增长112%。(增长率可以超过100%)
    """

    code = "BD01"
    name = "rate-over-100"
    default_severity = Severity.ERROR
    options = MappingProxyType({})
    messages = {
        "zh": "{subject}为{text},超过{ceiling}:比率或占比不能超过100%",
        "en": "{subject} is {text}, above {ceiling}: a rate or share cannot exceed 100 %",
    }

    def describe(self, claim: Claim, corpus: Corpus) -> Finding:
        ceiling = CEILINGS[claim.unit]
        lowest = claim.low if claim.low is not None else claim.value
        word = rate_word(claim.subject)
        return self.finding(
            claim.doc, claim.start, claim.end, claims=[claim.id],
            evidence={"value": plain(claim.value if claim.value is not None else lowest),
                      "low": plain(lowest), "unit": claim.unit, "ceiling": plain(ceiling),
                      "subject": claim.subject, "rate_word": word.word if word else None},
            subject=claim.subject, text=claim.text, ceiling="100%" if claim.unit == "percent" else "十成(100%)")
