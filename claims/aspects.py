"""What makes two figures comparable, read for each figure of a document: the period it covers
(from its sentence, else the document's title), and its aggregate, scope and status."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from claims.claim import Claim, Segment
from claims.framing import framing_of
from claims.periods import Period, document_period, period_of
from sources.document import Document


@dataclass
class AspectReader:
    """Reads the aspects of the figures of one document. A figure whose sentence states no period
    takes the period of the document's title or first line (a bulletin titled 1—10月…), marked
    ``inferred``."""

    doc: Document

    @cached_property
    def fallback(self) -> Period | None:
        return document_period(self.doc.meta.title, self.doc.text)

    def read(self, span: tuple[int, int], sentence: Segment, clause: Segment, kind: str, unit: str | None,
             subject: str | None, time: str | None) -> dict[str, object]:
        """The fields ``period``, ``aggregate``, ``scope`` and ``status`` of a figure (a date keeps the
        defaults: it counts nothing)."""
        if kind == "date":
            return {}
        text = self.doc.text
        framing = framing_of(text, span, clause, sentence, kind, unit, subject)
        period = period_of(text, sentence, clause, span, _year(time, self.doc)) or self.fallback
        return {"period": period, "aggregate": framing.aggregate, "scope": framing.scope, "status": framing.status}

    def refreshed(self, claim: Claim) -> Claim:
        """``claim`` with its aspects read again (its subject changed: an item of a 分别 list)."""
        return replace(claim, **self.read(claim.span, claim.sentence, claim.clause, claim.kind, claim.unit,
                                          claim.subject, claim.time))


def _year(time: str | None, doc: Document) -> int | None:
    """The year a figure refers to: its time's year, else the document's."""
    year = (time or "")[:4]
    return int(year) if year.isdigit() else doc.meta.year
