"""The JSON contract: ``{"version": 1, "documents": [...], "claims": [...]}``, byte-stable."""
from __future__ import annotations

import json

from claims.frame import ClaimSet, claim_record, document_record

VERSION = 1


def render(claim_set: ClaimSet) -> str:
    payload = {
        "version": VERSION,
        "documents": [document_record(doc) for doc in claim_set.documents],
        "claims": [claim_record(claim) for claim in claim_set.claims],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
