"""AR08: a decline written in multiples (下降40倍)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from types import MappingProxyType

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from checks.rule import ClaimRule
from checks.values import shown
from claims.claim import Claim
from claims.vocab import change_words
from sources.document import Document
from vocab.files import alternation

_DECLINE = re.compile(rf"(?:{alternation(change_words().down)})了?$")  # 下降40倍, 降低了3倍


@register
class DeclineInMultiples(ClaimRule):
    """A decline written in multiples, which no quantity can fall by (下降40倍).

    What it does
    Flags a multiple right after a word of decline (`下降40倍`, `减少了3倍`, `降低2.5倍`): a
    quantity can fall by at most all of itself, 100 %. The figure is read as "to 1/N" and the
    finding shows the decline that reading gives (`下降40倍` → 降至1/40, 下降97.5%).

    Why is this bad?
    `增长3倍` is a reading a reader can redo; `下降3倍` is not: it may mean falling to a third or
    to a quarter, and the reader cannot tell which figure the writer had.

    Example
    `不良率下降40倍`.

    Use instead
    `不良率降至原来的1/40` or `不良率下降97.5%`.
    """

    code = "AR08"
    name = "decline-in-multiples"
    default_severity = Severity.WARNING
    kinds = frozenset({"multiple"})
    messages = MappingProxyType({
        "zh": "“{text}”:下降不能以倍数表示(最多下降100%);若指降至1/{n},应写作“降至原来的1/{n}”或“下降{percent}%”",
        "en": "“{text}”: a decline cannot be a multiple (at most 100 %); if it means falling to 1/{n}, "
              "write “降至原来的1/{n}” or “下降{percent}%”",
    })

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        value = claim.value
        if not isinstance(value, Decimal) or value < 1 \
                or not _DECLINE.search(doc.text, max(0, claim.span[0] - 4), claim.span[0]):
            return
        percent = (1 - 1 / value) * 100
        yield self.finding(doc.id, claim.start, claim.end, claims=(claim.id,),
                           evidence={"multiple": shown(claim), "to_fraction": f"1/{value.normalize():f}",
                                     "decline_percent": float(round(percent, 1))},
                           text=shown(claim), n=f"{value.normalize():f}", percent=f"{float(percent):.3g}")
