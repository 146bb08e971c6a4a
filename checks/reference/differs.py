"""RF01: a figure that differs from the row of a reference table stating the same fact."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from types import MappingProxyType

from checks.comparable import aspects, compare, compared_as
from checks.corpus import Corpus
from checks.facts import Fact
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import interval, shown
from claims.claim import Claim
from claims.reference import FORMAT, row_of


@register
class DiffersFromReference(FactRule):
    """A figure whose value interval does not overlap the reference table's figure for the same fact.

    What it does
    Reads the rows of the tables given with `--reference figures.csv` (place, subject, period,
    value or low and high, unit, source; Chinese headers 地区, 指标, 时期, 数值, 下限, 上限, 单位,
    来源 too) as the claims of an authoritative source, aligns them with the documents' claims
    like the claims of any other document (same place, compatible time, same kind of quantity,
    similar subject, same period and framing), and flags each figure that disagrees with a row:
    the message names the row (`figures.csv:3`) and its source. A figure that agrees stays
    quiet, and such a disagreement is RF01's alone (CS01 leaves it). When the tool cannot tell
    whether the two are comparable (one states a period the other does not), the finding is
    only info and says why.

    Why is this bad?
    The reference table holds the figures the desk trusts (a statistics bureau's release): a
    report that states another value for the same fact is wrong, or needs its own source.

    Example
    The table has the row `乌海市,常住人口,2024,53.21,万人,乌海市统计局`; the draft says
    `全市常住人口55.8万人`.

    Use instead
    State the reference figure, `全市常住人口53.21万人`, or the source of the other figure.
    """

    code = "RF01"
    name = "differs-from-reference"
    default_severity = Severity.ERROR
    messages = MappingProxyType({
        "zh": "与参考数据不符:“{subject}”此处为{this},参考表{row}({source})为{reference}{compared_zh}{doubt_zh}",
        "en": "differs from the reference table on {subject}: {this} here, {reference} in {row} ({source})"
              "{compared_en}{doubt_en}",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        documents = corpus.document
        references = [claim for claim in fact.claims if documents[claim.doc].format == FORMAT]
        for statement in fact.statements if references else ():
            claim = statement.claim
            rows = [o for o in references if o in statement.disagree]
            if documents[claim.doc].format == FORMAT or not rows:
                continue
            reference = rows[0]
            labels = {o.id: row_of(documents[o.doc], o) for o in rows}
            row, source = labels[reference.id]
            found = compare(claim, reference, _same_year(claim, reference))
            finding = self.finding(
                claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in rows)),
                related=[Location(o.doc, o.start, o.end, f"reference row {labels[o.id][0]}",
                                  f"参照表 {labels[o.id][0]}") for o in rows],
                evidence={"value": shown(claim), "interval": interval(claim, claim.unit).show(),
                          "unit": claim.unit, "aspects": aspects(claim),
                          "reference": [{"row": labels[o.id][0], "source": labels[o.id][1], "value": shown(o),
                                         "interval": interval(o, claim.unit).show(), "aspects": aspects(o)}
                                        for o in rows],
                          "alignment_score": statement.score, "may_not_be_comparable": list(found.uncertain)},
                subject=claim.subject, this=shown(claim), row=row, source=source, reference=shown(reference),
                **compared_as(claim),
                doubt_zh=f";可能不可比:{';'.join(found.uncertain_zh)}" if found.uncertain_zh else "",
                doubt_en=f"; may not be comparable: {'; '.join(found.uncertain)}" if found.uncertain else "")
            yield replace(finding, severity=Severity.INFO) if found.uncertain else finding


def _same_year(claim: Claim, reference: Claim) -> frozenset[str]:
    """``{"period"}`` when the claim states the whole year the reference row is for (a row's whole
    year is no stated period, like a figure that states only its year), else nothing to ignore."""
    period = claim.period
    whole = period is not None and period.kind == "year" and period.start == period.end == reference.time
    return frozenset({"period"}) if reference.period is None and whole else frozenset()
