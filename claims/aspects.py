"""What makes two figures comparable, added to the claims of a document: the period each covers
(from its sentence, else the document's title), and its aggregate, scope and status."""
from __future__ import annotations

from dataclasses import replace

from claims.claim import Claim
from claims.framing import framing_of
from claims.periods import document_period, period_of
from sources.document import Document


def with_aspects(doc: Document, claims: list[Claim]) -> list[Claim]:
    """``claims`` of ``doc`` with ``period``, ``aggregate``, ``scope`` and ``status`` set.

    A figure whose sentence states no period takes the period of the document's title or first
    line (a bulletin titled 1—10月…), marked ``inferred``; dates have no period of their own.
    """
    fallback = document_period(doc.meta.title, doc.text)
    result = []
    for claim in claims:
        if claim.kind == "date":
            result.append(claim)
            continue
        year = _year(claim, doc)
        period = period_of(doc.text, claim.sentence, claim.clause, claim.span, year) or fallback
        framing = framing_of(doc.text, claim.span, claim.clause, claim.sentence, claim.kind, claim.unit,
                             claim.subject)
        result.append(replace(claim, period=period, aggregate=framing.aggregate, scope=framing.scope,
                              status=framing.status))
    return result


def _year(claim: Claim, doc: Document) -> int | None:
    """The year a figure refers to: its time's year, else the document's."""
    time = (claim.time or "")[:4]
    return int(time) if time.isdigit() else doc.meta.year
