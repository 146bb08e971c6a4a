"""CS01: the same fact stated with values that cannot both be true."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from types import MappingProxyType

from checks.comparable import aspects, compare, compared_as
from checks.corpus import Corpus
from checks.facts import Fact, Statement
from checks.finding import LISTED, Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import interval, shown
from claims.claim import Claim
from claims.reference import FORMAT as REFERENCE


@register
class CrossSourceConflict(FactRule):
    """Aligned claims of different documents whose value intervals do not overlap.

    What it does
    Aligns the claims of different documents (same place, compatible time, same kind of quantity
    and measure, similar subject, and the same period, aggregate, scope and status: 1—9月 is not
    1—10月, 新增 is not 累计, 民营企业 are not all 企业, a plan is not a result) into facts and flags
    the statement of a fact that disagrees with better-supported ones: an exact figure allows
    what rounds to it (53.21万 is 53.205万–53.215万), a qualified one its qualifier's interval
    (270余 is 270–280). When only two documents disagree, the one that disagrees with the other
    sources more often on other facts carries the finding, and if neither does, the later one in
    the input order: list the authoritative sources first. The message, the related places and
    the evidence name the first five other statements (and five agreeing ones), and count them
    all. When the tool cannot tell whether the figures are comparable (one states a period the
    other does not, or a period's year is unknown), the finding is
    only info and says why.

    Why is this bad?
    Two versions of one report cannot both be right: one of them carries a wrong figure, and the
    reader cannot tell which.

    Example
    The city report says `建成17个“一刻钟便民生活圈”`; the magazine reprint says
    `划分为14个“一刻钟生活圈”`.

    Use instead
    State the figure of the authoritative source in both: `建成17个“一刻钟便民生活圈”`.
    """

    code = "CS01"
    name = "cross-source-conflict"
    default_severity = Severity.ERROR
    messages = MappingProxyType({
        "zh": "与其他来源不一致:“{subject}”此处为{this},{others}{compared_zh}{doubt_zh}",
        "en": "disagrees with other sources on {subject}: {this} here, {others_en}{compared_en}{doubt_en}",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        min_score = self.settings["min_score"]
        trust = corpus.memo(("reliability", min_score), lambda: reliability(corpus.statements(min_score)))
        by_claim = {statement.claim.id: statement for statement in fact.statements}
        rank = _ranking(by_claim, corpus.order, trust)
        for statement in fact.statements:
            if not statement.disagree or not is_odd_one_out(statement, rank) \
                    or all(corpus.document[o.doc].format == REFERENCE for o in statement.disagree):
                continue  # a disagreement with reference rows only is RF01's
            claim, unit = statement.claim, statement.claim.unit
            comparisons = [compare(claim, other) for other in statement.disagree.aspects()]  # compare reads these
            named, agreeing = statement.disagree[:LISTED], statement.agree[:LISTED]
            more = len(statement.disagree) - len(named)
            doubts = sorted({reason for found in comparisons for reason in found.uncertain})
            doubts_zh = sorted({reason for found in comparisons for reason in found.uncertain_zh})
            finding = self.finding(
                claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in named)),
                related=[Location(o.doc, o.start, o.end, f"stated as {shown(o)} here",
                                  f"此处为{shown(o)}") for o in named],
                evidence={"value": shown(claim), "interval": interval(claim, unit).show(), "unit": unit,
                          "aspects": aspects(claim),
                          "others": [{"doc": o.doc, "value": shown(o), "interval": interval(o, unit).show(),
                                      "aspects": aspects(o)} for o in named],
                          "others_count": len(statement.disagree),
                          "agreeing": [{"doc": o.doc, "value": shown(o)} for o in agreeing],
                          "agreeing_count": len(statement.agree),
                          "alignment_score": statement.score, "may_not_be_comparable": doubts},
                unlisted=more, subject=claim.subject, this=shown(claim),
                others="、".join(f"{corpus.name(o.doc)}为{shown(o)}" for o in named)
                + (f"等{len(statement.disagree)}个来源" if more else ""),
                others_en=", ".join(f"{shown(o)} in {corpus.name(o.doc)}" for o in named)
                + (f" and {more} more" if more else ""),
                **compared_as(claim),
                doubt_zh=f";可能不可比:{';'.join(doubts_zh)}" if doubts_zh else "",
                doubt_en=f"; may not be comparable: {'; '.join(doubts)}" if doubts else "")
            if all(found.uncertain for found in comparisons):
                finding = replace(finding, severity=Severity.INFO)  # the tool cannot tell: keep it low
            yield finding

def reliability(statements: list[Statement]) -> dict[str, float]:
    """How often each document agrees with the others over all facts (Laplace-smoothed): a tie
    between two statements goes against the document that disagrees more often elsewhere."""
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for statement in statements:
        agree[statement.claim.doc] += len(statement.agree)
        total[statement.claim.doc] += len(statement.agree) + len(statement.disagree)
    return {doc: (agree[doc] + 1) / (total[doc] + 2) for doc in total}


def _ranking(by_claim: dict[str, Statement], order: dict[str, int],
             trust: dict[str, float]) -> Callable[[Claim], tuple[int, float, int]]:
    """How statements rank against each other, lowest first: more support, then a more reliable
    document, then an earlier one."""
    def rank(claim: Claim) -> tuple[int, float, int]:
        return -by_claim[claim.id].support, -trust[claim.doc], order[claim.doc]
    return rank


def is_odd_one_out(statement: Statement, rank: Callable[[Claim], tuple[int, float, int]]) -> bool:
    """Whether a statement has less support than one it disagrees with; on equal support, its
    document is less reliable; on equal reliability too, it comes later in the input."""
    best = statement.disagree.least(rank)
    return best is not None and rank(best) < rank(statement.claim)
