"""BD04 date-after-publication."""
from __future__ import annotations

from checks.bounds.column_check import ColumnCheck
from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from claims.claim import Claim
from claims.iso_dates import iso_day


@register
class DateAfterPublication(ColumnCheck):
    """A reported event dated after the document was published.

    What it does
    Flags a date stated to the day or the month whose first day falls after the document's
    publication date (its 发布时间 line). Plans, targets, deadlines and effective dates are left
    alone: a date with 将于, 计划, 预计, 力争… before it in the same sentence, 到 right before it,
    or 前, 起, 施行… right after it (``checks/data/plan_words.toml``).

    Why is this bad?
    A report published on 12 December cannot tell what happened on 20 December: the month or
    the day is a typo, or the document's date line is wrong.

    Example
    发布时间:2024-12-11
    12月20日,全市召开民族团结进步表彰大会。

    Use instead
    发布时间:2024-12-11
    12月2日,全市召开民族团结进步表彰大会。
    全市将于12月20日召开民族团结进步表彰大会。
    """

    code = "BD04"
    name = "date-after-publication"
    default_severity = Severity.ERROR
    messages = {
        "zh": "{text}晚于文档发布日期{published}({days}天后)",
        "en": "{text} is after the document's publication date {published} ({days} days later)",
    }

    def describe(self, claim: Claim, corpus: Corpus) -> Finding:
        published = iso_day(corpus.document[claim.doc].meta.published)
        first = iso_day(claim.low)
        days = (first - published).days
        return self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                            evidence={"date": claim.value, "first_day": first.isoformat(),
                                      "published": published.isoformat(), "days_after": days},
                            text=claim.text, published=published.isoformat(), days=days)
