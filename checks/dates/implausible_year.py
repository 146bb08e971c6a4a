"""DT01 implausible-year."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import MappingProxyType

from checks.corpus import Corpus
from checks.dates.vocab import history_words
from checks.finding import Finding, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.vocab import has_any, planned
from claims.claim import Claim
from claims.iso_dates import date_parts
from sources.document import Document

WINDOW = 20  # characters of the sentence looked at on each side of the date for history words


@register
class ImplausibleYear(DocumentRule):
    """A date whose year is far from the document's own time, often a one-digit typo (2004 for 2024).

    What it does
    Compares the year of every date with the document's main year (the year it is mostly about)
    and its publication year, and flags a year more than ``max_years_back`` (15) years before or
    ``max_years_ahead`` (6) years after them. When the year differs from the main year in a
    single digit (2004 or 2034 in a 2024 report) it is a likely typo, reported one severity
    higher (an error by default) with the intended year. Historical references are left alone:
    ranges (1999—2004年), 以来, dates inside a 《title》, and dates with a history word such as
    成立, 始建, 创办, 周年 near them (``checks/dates/data/history_words.txt``). Future years of
    plans and targets (到2035年, 2035年远景目标: ``checks/data/plan_words.toml``) are too.

    Why is this bad?
    A 2024 work report that dates an event 2004年9月12日 misleads every reader and every
    timeline built from it; a one-digit slip is easy to make and hard to see.

    Example
    2024年全区社区治理工作总结……2004年9月12日,全区社区治理现场推进会在包头召开。

    Use instead
    2024年全区社区治理工作总结……2024年9月12日,全区社区治理现场推进会在包头召开。
    内蒙古自治区成立于1947年5月1日。(历史日期)
    """

    code = "DT01"
    name = "implausible-year"
    default_severity = Severity.WARNING
    options = MappingProxyType({"max_years_back": 15, "max_years_ahead": 6})
    messages = {
        "zh": "{text}的年份{year}年与文档主要年份{main_year}年相差{gap}年,超出合理范围({first}—{last}年){zh_hint}",
        "en": "{text}: year {year} is {gap} years from the document's main year {main_year}, "
              "outside {first}-{last}{en_hint}",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        back, ahead = self.settings["max_years_back"], self.settings["max_years_ahead"]
        published = int(doc.meta.published[:4]) if doc.meta.published else None
        anchors = [year for year in (doc.meta.year, published) if year]
        if not anchors:
            return
        main = anchors[0]
        first, last = min(anchors) - back, max(anchors) + ahead
        for claim in claims:
            parts = date_parts(claim.value) if claim.kind == "date" else []
            if len(parts) != 1 or parts[0].year is None or first <= parts[0].year <= last:
                continue
            year = parts[0].year
            if _historical(doc, claim) or (year > last and planned(doc.text, claim)):
                continue
            likely = next((anchor for anchor in anchors if _one_digit_off(year, anchor)), None)
            finding = self.finding(
                claim.doc, claim.start, claim.end, claims=[claim.id],
                evidence={"year": year, "main_year": main, "published": doc.meta.published,
                          "frame": [first, last], "likely_year": likely},
                text=claim.text, year=year, main_year=main, gap=abs(year - main), first=first, last=last,
                zh_hint=f",疑为{likely}年之误" if likely else "",
                en_hint=f"; likely a typo for {likely}" if likely else "")
            if likely:
                finding = replace(finding, severity=Severity(min(self.severity + 1, Severity.ERROR)))
            yield finding


def _one_digit_off(year: int, anchor: int) -> bool:
    a, b = f"{year:04d}", f"{anchor:04d}"
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _historical(doc: Document, claim: Claim) -> bool:
    """Whether the date is a historical reference: 以来, a range, in a 《title》, or near a history word."""
    if claim.qualifier and ({"以来", "range"} & set(claim.qualifier.split(","))):
        return True
    text = doc.text
    start, end = claim.span
    begin, stop = claim.sentence.start, claim.sentence.end
    if text.rfind("《", begin, start) > text.rfind("》", begin, start):
        return True
    words = history_words()
    before, after = text[max(begin, start - WINDOW):start], text[end:min(stop, end + WINDOW)]
    if has_any(before, words.words) or has_any(after, words.words) or has_any(claim.text, words.words):
        return True
    return any(before.endswith(pre) and after.startswith(post) for pre, post in words.frames)
