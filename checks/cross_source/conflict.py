"""CS01: the same fact stated with values that cannot both be true."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks.corpus import Corpus
from checks.cross_source.groups import corpus_statements, is_odd_one_out, reliability
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import Rule
from checks.values import interval, shown


@register
class CrossSourceConflict(Rule):
    """Aligned claims of different documents whose value intervals do not overlap.

    What it does
    Aligns the claims of different documents (same place, compatible time, same kind of quantity
    and measure, similar subject) into facts and flags the statement of a fact that disagrees
    with better-supported ones: an exact figure allows what rounds to it (53.21万 is
    53.205万–53.215万), a qualified one its qualifier's interval (270余 is 270–280). When only two
    documents disagree, the one that disagrees with the other sources more often on other facts
    carries the finding, and if neither does, the later one in the input order: list the
    authoritative sources first.

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
    family = "cross_source"
    default_severity = Severity.ERROR
    options = MappingProxyType({"min_score": 75.0})
    messages = MappingProxyType({
        "zh": "与其他来源不一致:“{subject}”此处为{this},{others}",
        "en": "disagrees with other sources on {subject}: {this} here, {others_en}",
    })

    def check(self, corpus: Corpus) -> Iterable[Finding]:
        order = {doc.id: index for index, doc in enumerate(corpus.documents)}
        found = corpus_statements(corpus, self.settings["min_score"])
        by_claim = {statement.claim.id: statement for statement in found}
        trust = reliability(found)
        for statement in found:
            if not statement.disagree or not is_odd_one_out(statement, by_claim, order, trust):
                continue
            claim, unit = statement.claim, statement.claim.unit
            yield self.finding(
                claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in statement.disagree)),
                related=[Location(o.doc, o.start, o.end, f"stated as {shown(o)} here") for o in statement.disagree],
                evidence={"value": shown(claim), "interval": interval(claim, unit).show(), "unit": unit,
                          "others": [{"doc": o.doc, "value": shown(o), "interval": interval(o, unit).show()}
                                     for o in statement.disagree],
                          "agreeing": [{"doc": o.doc, "value": shown(o)} for o in statement.agree],
                          "alignment_score": statement.score},
                subject=claim.subject, this=shown(claim),
                others="、".join(f"{o.doc}为{shown(o)}" for o in statement.disagree),
                others_en=", ".join(f"{shown(o)} in {o.doc}" for o in statement.disagree))
