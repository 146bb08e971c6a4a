"""The ledger's documents and claims as JSON or CSV (``run-checks ledger export``)."""
from __future__ import annotations

import json
from dataclasses import asdict

from claims.frame import FRAME_FIELDS, ClaimSet, claim_record, document_record
from ledger.store import Ledger

ENTRY_FIELDS = ("ledger_id", "name", "published", "sha256")


def export_json(ledger: Ledger) -> str:
    """Every document (its ledger entry and the JSON contract's document fields) and every claim."""
    documents, claims = [], []
    for entry, (doc, found) in zip(ledger.entries(), ledger.load(), strict=True):
        documents.append({"ledger": asdict(entry), **document_record(doc)})
        claims += [{"ledger_id": entry.id, **claim_record(claim)} for claim in found]
    text = json.dumps({"documents": documents, "claims": claims}, ensure_ascii=False, indent=2, sort_keys=True)
    return text + "\n"


def export_csv(ledger: Ledger) -> str:
    """One row per claim: its document's ledger id, name, date and hash, then the claims table's columns."""
    import pandas as pd  # here, not at the top: every run of the command line imports this module

    frames = []
    for entry, (doc, found) in zip(ledger.entries(), ledger.load(), strict=True):
        frame = ClaimSet([doc], found).frame()
        for position, column in enumerate(ENTRY_FIELDS):
            frame.insert(position, column, entry.id if column == "ledger_id" else getattr(entry, column))
        frames.append(frame)
    table = pd.concat(frames) if frames else pd.DataFrame(columns=[*ENTRY_FIELDS, *FRAME_FIELDS])
    return table.to_csv(index=False, lineterminator="\n")


FORMATS = {"json": export_json, "csv": export_csv}
