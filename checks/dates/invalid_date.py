"""DT02 invalid-date."""
from __future__ import annotations

import calendar
from collections.abc import Iterable

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from checks.rule import ClaimRule
from claims.claim import Claim
from claims.iso_dates import date_parts
from sources.document import Document

LEAP_YEAR = 2000  # for a day and month without a year: 2月29日 may be right


@register
class InvalidDate(ClaimRule):
    """A calendar date that does not exist (2月30日, 4月31日, 13月) or is malformed (20201月).

    What it does
    Reads the month and day of every date claim and flags a month outside 1–12 or a day past
    the end of its month (in a leap year when no year is stated, so 2月29日 alone passes), and a
    year run into its month without 年 (20201月).

    Why is this bad?
    A date that cannot be is a typo of the day or the month; the real date is unknown, and any
    timeline or deadline built from it is wrong.

    Example
    2023年2月30日,全市召开社区治理工作推进会。
    截至2024年4月31日,已完成改造任务的八成。

    Use instead
    2023年2月28日,全市召开社区治理工作推进会。
    截至2024年4月30日,已完成改造任务的八成。
    """

    code = "DT02"
    name = "invalid-date"
    default_severity = Severity.ERROR
    kinds = frozenset({"date"})
    messages = {
        "zh": "{text}不是有效日期:{zh_reason}",
        "en": "{text} is not a valid date: {en_reason}",
    }

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        if claim.qualifier == "malformed":
            yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id], evidence={"date": claim.value},
                               text=claim.text, zh_reason="年份与月份之间缺少“年”",
                               en_reason="年 is missing between the year and the month")
            return
        for part in date_parts(claim.value):
            if part.month is None:
                continue
            evidence = {"date": claim.value, "year": part.year, "month": part.month, "day": part.day}
            if not 1 <= part.month <= 12:
                yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id], evidence=evidence,
                                   text=claim.text, zh_reason=f"没有{part.month}月",
                                   en_reason=f"there is no month {part.month}")
                break
            days = calendar.monthrange(part.year or LEAP_YEAR, part.month)[1]
            if part.day is not None and not 1 <= part.day <= days:
                yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                                   evidence={**evidence, "days_in_month": days}, text=claim.text,
                                   zh_reason=f"{part.month}月只有{days}天",
                                   en_reason=f"month {part.month} has only {days} days")
                break
