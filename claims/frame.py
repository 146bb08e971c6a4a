"""Claims of many documents, as plain records and as a pandas DataFrame."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from claims.claim import Claim
from claims.numbers import plain
from sources.document import Document

if TYPE_CHECKING:
    import pandas as pd

CLAIM_FIELDS = ("id", "doc", "start", "end", "text", "kind", "value", "low", "high", "unit", "measure",
                "qualifier", "subject", "place", "time", "precision", "total")
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

        return pd.DataFrame([claim_record(c) for c in self.claims], columns=list(CLAIM_FIELDS))


def _json_value(value: object) -> object:
    return plain(value) if isinstance(value, Decimal) else value


def claim_record(claim: Claim) -> dict[str, object]:
    """A claim as a JSON-ready dict, numbers as ints or shortest floats."""
    return {name: _json_value(getattr(claim, name)) for name in CLAIM_FIELDS}


def document_record(doc: Document) -> dict[str, object]:
    meta = doc.meta
    return {"id": doc.id, "path": doc.path, "status": doc.status, "error": doc.error, "encoding": doc.encoding,
            "format": doc.format, "title": meta.title, "published": meta.published, "source": meta.source,
            "place": meta.place, "year": meta.year}
