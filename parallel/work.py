"""The work done for each file of a run, wherever it runs: read it and extract its claims."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from claims.claim import Claim
from claims.extract import extract_isolated
from sources.document import Document
from sources.reader import read_input
from vocab.records import Packed


@dataclass(frozen=True)
class Task:
    """One input file, its document id, whether it is only listed as skipped, and why it cannot
    be read when it is no regular file."""

    path: Path
    doc_id: str
    skipped: bool = False
    unreadable: str | None = None


def read_and_extract(task: Task) -> tuple[Document, list[Claim]]:
    """The file's document and its claims (none for a document that could not be read); an
    unexpected exception in either step becomes the document's error. The claims are ``Packed``:
    sent back from a worker as columns, they arrive as a plain list."""
    doc, claims = extract_isolated(read_input(task.path, task.doc_id, task.skipped, task.unreadable))
    return doc, Packed(Claim, claims)
