"""Claims of many documents, as plain records and as a pandas DataFrame."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from claims.claim import Claim
from claims.numbers import plain
from sources.document import Document

if TYPE_CHECKING:
    import pandas as pd

CLAIM_FIELDS = ("id", "doc", "start", "end", "text", "kind", "value", "low", "high", "unit", "measure",
                "qualifier", "subject", "place", "time", "precision", "total", "period", "aggregate", "scope",
                "status", "sentence", "clause")
# The flat columns of the claims table (CSV, DataFrame): the period spread over four columns,
# the scope words joined by a comma.
FRAME_FIELDS = (*CLAIM_FIELDS[:CLAIM_FIELDS.index("period")], "period_kind", "period_start", "period_end",
                "period_text", *CLAIM_FIELDS[CLAIM_FIELDS.index("period") + 1:])
DOCUMENT_FIELDS = ("id", "path", "status", "error", "encoding", "format", "title", "published", "source",
                   "place", "year")


@dataclass(frozen=True)
class ClaimSet:
    """The documents of a run and every claim found in them."""

    documents: list[Document]
    claims: list[Claim]

    def frame(self) -> pd.DataFrame:
        """One row per claim, the columns of the JSON contract (pandas is imported on first use)."""
        import pandas as pd

        return pd.DataFrame([_flat(claim_record(c)) for c in self.claims], columns=list(FRAME_FIELDS))


def claim_record(claim: Claim, number: Callable[[Decimal], object] = plain) -> dict[str, object]:
    """A claim as a JSON-ready dict, numbers as ints or shortest floats (a figure too large for
    either as a string in scientific notation: ``claims.numbers.plain``, or ``number``); the period
    as an object (or null), the scope as a list, the sentence and clause as their indexes in the
    document. The keys are ``CLAIM_FIELDS``, in their order."""
    value, low, high, precision, total = claim.value, claim.low, claim.high, claim.precision, claim.total
    period = claim.period
    return {"id": claim.id, "doc": claim.doc, "start": claim.start, "end": claim.end, "text": claim.text,
            "kind": claim.kind,
            "value": number(value) if isinstance(value, Decimal) else value,
            "low": number(low) if isinstance(low, Decimal) else low,
            "high": number(high) if isinstance(high, Decimal) else high,
            "unit": claim.unit, "measure": claim.measure, "qualifier": claim.qualifier, "subject": claim.subject,
            "place": claim.place, "time": claim.time,
            "precision": number(precision) if isinstance(precision, Decimal) else precision,
            "total": number(total) if isinstance(total, Decimal) else total,
            "period": None if period is None else {"kind": period.kind, "start": period.start, "end": period.end,
                                                    "text": period.text, "inferred": period.inferred},
            "aggregate": claim.aggregate, "scope": list(claim.scope), "status": claim.status,
            "sentence": claim.sentence.index, "clause": claim.clause.index}


def claim_records(number: Callable[[Decimal], object] = plain) -> Callable[[Claim], dict[str, object]]:
    """``claim_record`` with ``number`` as a function of one argument that makes each value's
    number once: the JSON of a run calls it for every claim, and a run's figures repeat (years,
    small counts). Equal Decimals give equal numbers (``number`` must depend on the value, not its
    spelling); a value that cannot be a key (a signalling NaN) takes ``claim_record`` itself."""
    known = _Numbers(number)

    def record(claim: Claim) -> dict[str, object]:
        period = claim.period
        try:
            return {"id": claim.id, "doc": claim.doc, "start": claim.start, "end": claim.end, "text": claim.text,
                    "kind": claim.kind, "value": known[claim.value], "low": known[claim.low],
                    "high": known[claim.high], "unit": claim.unit, "measure": claim.measure,
                    "qualifier": claim.qualifier, "subject": claim.subject, "place": claim.place,
                    "time": claim.time, "precision": known[claim.precision], "total": known[claim.total],
                    "period": None if period is None else {"kind": period.kind, "start": period.start,
                                                           "end": period.end, "text": period.text,
                                                           "inferred": period.inferred},
                    "aggregate": claim.aggregate, "scope": list(claim.scope), "status": claim.status,
                    "sentence": claim.sentence.index, "clause": claim.clause.index}
        except TypeError:  # unhashable
            return claim_record(claim, number)

    return record


class _Numbers(dict):
    """Each figure's JSON value, made on first use: ``number`` of a Decimal, anything else as it is."""

    def __init__(self, number: Callable[[Decimal], object]) -> None:
        super().__init__({None: None})
        self.number = number

    def __missing__(self, value: object) -> object:
        made = self[value] = self.number(value) if isinstance(value, Decimal) else value
        return made


def _flat(record: dict[str, object]) -> dict[str, object]:
    """A claim record with flat columns for a table."""
    period = record.pop("period") or {}
    flat = {f"period_{key}": period.get(key) for key in ("kind", "start", "end", "text")}
    return {**record, **flat, "scope": ",".join(record["scope"])}


def document_record(doc: Document) -> dict[str, object]:
    meta = doc.meta
    return {"id": doc.id, "path": doc.path, "status": doc.status, "error": doc.error, "encoding": doc.encoding,
            "format": doc.format, "title": meta.title, "published": meta.published, "source": meta.source,
            "place": meta.place, "year": meta.year}
