"""AR12: an average and its total in one document that another document's count cannot give."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType

from checks.arithmetic.average import of_document, shares_head, times
from checks.comparable import compare
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import CorpusRule
from checks.values import interval, shown
from claims.claim import Claim

_IGNORED = frozenset({"aggregate", "scope"})  # the count of circles and the people they serve count differently


@register
class AverageTimesOtherCount(CorpusRule):
    """An average and its total that the count another document states cannot give.

    What it does
    Takes an average stated with its total but not with its count (`平均每个生活圈4万人左右,惠及
    53.21万人`) and looks in the other documents for the count of what is averaged over, about the
    same place and period (`建成17个一刻钟生活圈`). Flags the total when count × average, with the
    average's interval, cannot give it. When the documents state different counts, each is tried,
    and the total is flagged only if none fits.

    Why is this bad?
    The reader of both documents multiplies: either the count, the average or the total is wrong,
    or they belong to different years.

    Example
    Document A: `平均每个生活圈4万人左右,惠及53.21万人`; document B: `全市建成17个生活圈`
    (17 × 3.5万–4.5万 = 59.5万–76.5万).

    Use instead
    The count that fits (`全市建成14个生活圈`), or an average and total that fit it.
    """

    code = "AR12"
    name = "average-times-other-count"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "另一文件的{count}×平均{average}应为{product},与合计{total}不符",
        "en": "another document's {count} × the average {average} gives {product}, not the total {total}",
    })

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        for doc in corpus.documents:
            claims = corpus.claims_of[doc.id]
            for index, average, phrase, total in of_document(corpus, doc, claims):
                if any(c.kind == "count" and c.subject and shares_head(phrase, c.subject)
                       for c in claims[max(0, index - 4):index]):
                    continue  # the count is in this document: AR02's
                counts = list(_counts(corpus, doc.id, phrase, total))
                stated = interval(total, average.unit)
                products = [(count, times(interval(average), interval(count))) for count in counts]
                if not products or any(product.overlaps(stated) for _, product in products):
                    continue
                count, product = products[0]
                yield self.finding(
                    doc.id, total.start, total.end, claims=(total.id, average.id, *(c.id for c in counts)),
                    related=[Location(doc.id, average.start, average.end, f"average: {shown(average)}",
                                      f"平均：{shown(average)}"),
                             *(Location(c.doc, c.start, c.end, f"count: {shown(c)}",
                                        f"数量：{shown(c)}") for c in counts)],
                    evidence={"average": shown(average), "average_interval": interval(average).show(),
                              "counts": [{"doc": c.doc, "value": shown(c)} for c in counts],
                              "product_interval": product.show(), "total": shown(total),
                              "total_interval": stated.show()},
                    count=shown(count), average=shown(average), total=shown(total),
                    product="–".join("?" if v is None else f"{v:g}" for v in product.show()))


def _counts(corpus: Corpus, doc_id: str, phrase: str, total: Claim) -> Iterator[Claim]:
    """Counts of what ``phrase`` names in the other documents, same place and period as ``total``
    (both stating none, or the same)."""
    for other in corpus.documents:
        if other.id == doc_id:
            continue
        for claim in corpus.claims_of[other.id]:
            if claim.kind == "count" and claim.subject and shares_head(phrase, claim.subject) \
                    and claim.place == total.place and (claim.period is None) == (total.period is None) \
                    and not compare(total, claim, _IGNORED).different:
                yield claim
