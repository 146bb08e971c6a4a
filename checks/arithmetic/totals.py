"""AR01: a total that its listed parts do not add up to."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks.arithmetic.breakdowns import SELECTION, WHOLE, named, of_document
from checks.arithmetic.sums import added, allowed, difference, middle
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import shown
from claims.claim import Claim
from sources.document import Document


@register
class PartsAndTotal(DocumentRule):
    """Parts listed with their total (合计, 其中) that do not add up to it.

    What it does
    Finds totals stated with their parts in one passage: parts followed by 合计/总计/共计
    (`捐款5.59万元、捐物13.42万元,合计19.01万元`); a Markdown table's 合计 row below its rows; a
    共/累计 total followed by its breakdown in brackets or after a colon (`共计272个小区(新城区10个、
    回民区30个…)`, `共建成45个:城区20个、…`); a span of years followed by its years in brackets
    (`2021~2024年已完成1263个(2021年333个,…)`); a 共/累计 total followed by 其中 and its parts, in
    one clause or over several clauses up to the next 。 (`共接待1200万人次,其中,国内游客1100万人次,
    增长5%;入境游客100万人次`), also when 其中 opens the next sentence; a 共 total followed by a 分别
    list (`共120个,城区、农村分别为65个、50个`). The sum of the parts, with the rounding each figure
    allows (a count written as a plain integer is exact), must be able to equal the total; the
    finding shows the gap and how much of it rounding could explain.

    How a complete list is told from a partial one: parts before 合计, the rows above a 合计 row,
    parts in brackets or after a colon right behind the total, and years inside the total's span
    are the whole list, and any gap is flagged. After 其中 (also inside brackets) and in a 分别
    list the parts may be a selection (`医院、卫生院分别为…` of all 医疗机构), and so are the new ones
    of some years after a running total (`累计建成120个(2023年新建40个、…)`): only parts adding up
    to more than the total are flagged. Changes (增加300万人次) and averages among them are not
    parts; a nested 其中 ends the list, and so does a ; after a segment of several parts (`其中男性…,
    女性…;城镇人口…` is a second breakdown). Parts after `…个小区中,` may overlap (已开工80个、
    已竣工50个) and are not checked here (AR05 uses them when they add up).

    Why is this bad?
    A total that its own parts contradict tells the reader that at least one figure is wrong.

    Example
    `共培训3200人次,其中线上1200人次、线下2100人次` (1200 + 2100 = 3300).

    Use instead
    `共培训3200人次,其中线上1200人次、线下2000人次`.
    """

    code = "AR01"
    name = "parts-and-total"
    default_severity = Severity.ERROR
    messages = MappingProxyType({
        "zh": "分项之和为{sum},与合计{total}不符,相差{gap},舍入至多解释{rounding}({parts})",
        "en": "the parts add up to {sum}, not the total {total}: a gap of {gap}, of which rounding can "
              "explain at most {rounding} ({parts})",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for breakdown in of_document(corpus, doc):
            total, parts, complete = breakdown.total, breakdown.parts, breakdown.listing == WHOLE
            if breakdown.listing not in (WHOLE, SELECTION):
                continue
            unit = total.unit
            summed = added(parts, unit)
            stated = allowed(total, unit)
            wrong = not summed.overlaps(stated) if complete else (
                summed.low is not None and stated.high is not None and summed.low > stated.high)
            if not wrong:
                continue
            gap, rounding = difference(summed, stated, total)
            yield self.finding(
                doc.id, total.start, total.end, claims=(total.id, *(p.id for p in parts)),
                related=[Location(doc.id, p.start, p.end, f"part: {shown(p)}", f"分项：{shown(p)}") for p in parts],
                evidence={"total": shown(total), "total_interval": stated.show(),
                          "parts": [shown(p) for p in parts], "sum_interval": summed.show(),
                          "complete_list": complete, "unit": unit, "gap": gap, "rounding_allows": rounding},
                sum=middle(summed, total), total=shown(total), parts=" + ".join(named(doc.text, p) for p in parts),
                gap=gap, rounding=rounding)
