"""The ledger as the sources of a run (``check --ledger FILE``)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from claims.claim import Claim
from ledger.store import Ledger, LedgerError
from sources.document import Document


def archived(path: Path, documents: list[Document]) -> list[tuple[Document, list[Claim]]]:
    """The recorded documents and their claims, without those recorded from a file the run reads
    itself (the same resolved path, or the same bytes): a draft is not checked against its own
    earlier version."""
    if not path.is_file():
        raise LedgerError(f"no ledger at {path} (record documents with `run-checks ledger add`)")
    files = [Path(doc.path) for doc in documents if doc.path != "-" and Path(doc.path).is_file()]
    paths = {file.resolve().as_posix() for file in files}
    hashes = {hashlib.sha256(file.read_bytes()).hexdigest() for file in files}
    with Ledger(path) as ledger:
        kept = [entry for entry in ledger.entries() if entry.path not in paths and entry.sha256 not in hashes]
        return ledger.load(kept)
