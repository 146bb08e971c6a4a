"""RS03: a headline or lead that states a figure the document's own body contradicts."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from types import MappingProxyType

from checks.alignment import subjects_agree, unit_class
from checks.comparable import compare
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import interval, shown
from claims.claim import Claim
from claims.kinds import ALIGNED
from sources.document import Document

HEADLINE_LENGTH = 60  # a first line longer than this is body text, not a headline


@register
class SelfContradiction(DocumentRule):
    """A figure in a document's headline or lead that its own body states otherwise (186亿 vs 约18.6亿元).

    What it does
    Reads the headline (a short first line that does not end with 。 or ;) and the lead (the
    first paragraph after it) of each document and compares each of their figures with the
    body's figures of the same kind, measure and place, not narrowed (其中, 民营) in the body, whose
    subjects agree (normalized, rapidfuzz ratio at least ``min_score``; for a headline, which
    abbreviates, one contained in the other will do). A lead figure is compared only with body
    figures stating the same period (截至10月底 in both): a lead and a body sentence without one are
    as often a total and a part. A headline figure that states no period is read as about the
    document's own year (2025年 in a 2025 report), one whose period the tool cannot match
    otherwise is left alone, and a headline that drops 计划 still states the plan. A headline or
    lead figure is flagged when the body states it for that subject with intervals that cannot
    overlap and nowhere restates it compatibly: a body that also says 272个 where the headline
    does is no contradiction, whatever parts it lists. Less precise repeats (约18.6亿元 for
    18.63亿元) are compatible. Both places are given.

    Why is this bad?
    The headline is what most readers take away and what aggregators copy. When it contradicts
    the article it heads (a lost decimal point, a stale figure from an earlier draft), one of them
    is wrong, and it is usually the headline.

    Example
    Headline `出资186亿元改造272个老旧小区`; body `概算出资约18.6亿元`.

    Use instead
    The body's figure in the headline: `出资18.6亿元改造272个老旧小区`.
    """

    code = "RS03"
    name = "self-contradiction"
    default_severity = Severity.WARNING
    options = MappingProxyType({"min_score": 80.0})
    messages = MappingProxyType({
        "zh": "{where_zh}中“{subject}”为{this},正文为{body}(两者不可能同时成立)",
        "en": "the {where_en} states {subject} as {this}; the body states {body} (they cannot both be true)",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        parts = _parts(doc.text)
        found = [(claim, parts(claim)) for claim in claims
                 if claim.kind in ALIGNED and claim.subject and not corpus.in_notice(claim)]
        opening = [(claim, part) for claim, part in found if part in ("headline", "lead")]
        body = [claim for claim, part in found if part == "body"]
        for claim, part in opening:
            same = [other for other in body if self._same_fact(claim, other, doc.meta.year, part == "headline")
                    and not other.scope and (part == "headline" or _same_stated_period(claim, other))]
            unit = claim.unit
            disagree = [o for o in same if not interval(claim, unit).overlaps(interval(o, unit))]
            if disagree and len(disagree) == len(same):
                yield self._finding(claim, part, disagree)

    def _same_fact(self, claim: Claim, other: Claim, year: int | None, headline: bool) -> bool:
        if (claim.kind, unit_class(claim), claim.place) != (other.kind, unit_class(other), other.place):
            return False
        comparison = compare(claim, other, frozenset({"status"}))  # a headline drops 计划
        if comparison.different:
            return False
        if comparison.uncertain and not (claim.period is None and _whole_year(other, year)):
            return False
        # a headline abbreviates: a subject contained in the body's counts there
        return subjects_agree(claim.subject, other.subject, self.settings["min_score"], containing=headline)

    def _finding(self, claim: Claim, part: str, disagree: list[Claim]) -> Finding:
        where_zh, where_en = {"headline": ("标题", "headline"), "lead": ("导语", "lead")}[part]
        return self.finding(
            claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in disagree)),
            related=[Location(o.doc, o.start, o.end, f"the body states {shown(o)} here",
                              f"正文此处为{shown(o)}") for o in disagree],
            evidence={"value": shown(claim), "interval": interval(claim).show(), "part": part,
                      "body": [{"value": shown(o), "interval": interval(o, claim.unit).show()} for o in disagree]},
            subject=claim.subject, this=shown(claim), body="、".join(shown(o) for o in disagree),
            where_zh=where_zh, where_en=where_en)


def _same_stated_period(claim: Claim, other: Claim) -> bool:
    """Whether both state one period (截至10月底 twice): a lead and a body sentence that do not are
    as likely a total and a part as one fact stated twice."""
    return claim.period is not None and other.period is not None and claim.period.text == other.period.text


def _whole_year(claim: Claim, year: int | None) -> bool:
    """Whether the claim's period is the document's own year (2025年 in a 2025 report): a headline
    that states no period is read as about it."""
    period = claim.period
    return bool(year and period and period.kind == "year" and period.start == period.end == str(year))


def _parts(text: str):
    """A function telling whether a claim stands in the headline, the lead or the body: the
    headline is a short first line that does not end with 。 or ;, the lead the first paragraph
    after it."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    lines = [(start, end if (end := text.find("\n", start)) >= 0 else len(text)) for start in line_starts]
    filled = [index for index, (start, end) in enumerate(lines) if text[start:end].strip()]
    if len(filled) < 2:
        return lambda claim: "body"
    first, second = filled[0], filled[1]
    first_line = text[slice(*lines[first])].strip()
    headline = len(first_line) <= HEADLINE_LENGTH and not first_line.endswith(("。", ";"))
    lead = second if headline else first

    def part(claim: Claim) -> str:
        line = bisect_right(line_starts, claim.span[0]) - 1
        if headline and line == first:
            return "headline"
        return "lead" if line == lead else "body"
    return part
