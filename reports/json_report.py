"""The JSON contract: ``{"version": 2, "documents": [...], "claims": [...]}``, byte-stable.

``check`` adds ``"findings": [...]``: each with rule, name, severity, message, doc, start, end,
claims, related (``{doc, start, end, label}``) and evidence, and for Word and PDF documents the
position (paragraph and run, or page and line). A claims run (``result.findings`` is
None) has no "findings" key. When the usage rules left documents alone as no publications,
``"not_publications"`` lists their ids; when rows of a ``--reference`` table were compared with
no figure, ``"unused_reference_rows"`` lists them (``figures.csv:9``).

``stream`` writes the text as it makes it, a chunk of records at a time (``json_text.streamed``),
so that a run of 10,000 reports never holds its records or its text whole; ``render`` is the same
text as one string.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.finding import Finding
from claims.frame import claim_records, document_record
from claims.numbers import plain
from reports.evidence import evidence
from reports.json_text import Items, exact, streamed
from reports.result import CheckResult
from reports.view import View
from sources.document import Document
from sources.office import position

VERSION = 2  # 2: claims gained period, aggregate, scope, status, sentence, clause


def finding_record(finding: Finding, doc: Document | None = None) -> dict[str, object]:
    """A finding as JSON values (its floats through ``json_text.exact``); for a Word or PDF
    document also its ``position`` (paragraph and run, table and row, or page and line:
    ``sources.office.position``)."""
    record = {"rule": finding.rule, "name": finding.name, "severity": str(finding.severity),
              "message": finding.message, "doc": finding.doc, "start": finding.start, "end": finding.end,
              "claims": list(finding.claims),
              "related": [{"doc": r.doc, "start": r.start, "end": r.end, "label": r.label} for r in finding.related]}
    if finding.unlisted:
        record["unlisted"] = finding.unlisted
    record["evidence"] = evidence(finding, spelled=True)
    where = position(doc.layout, finding.start) if doc is not None and doc.layout else None
    if where:
        record["position"] = where
    return record


def stream(result: CheckResult, view: View) -> Iterator[bytes]:
    """The claims contract as UTF-8 text in pieces, with the findings when the rules ran; for
    ``claims`` and ``check`` alike."""
    claim_set = result.claim_set
    fields: list[tuple[str, object]] = [
        ("version", VERSION),
        ("documents", Items(claim_set.documents, document_record)),
        ("claims", Items(claim_set.claims, claim_records(_number))),
    ]
    if result.findings is not None:
        documents = {doc.id: doc for doc in claim_set.documents}
        fields.append(("findings", Items(result.findings,
                                         lambda finding: finding_record(finding, documents.get(finding.doc)))))
        if result.not_publications:
            fields.append(("not_publications", list(result.not_publications)))
        if result.unused_rows:
            fields.append(("unused_reference_rows", list(result.unused_rows)))
    return streamed(fields)


def render(result: CheckResult, view: View) -> str:
    """``stream``'s text as one string."""
    return b"".join(stream(result, view)).decode("utf-8")


def _number(value: Decimal) -> int | float | str:
    """A figure's JSON value, its float through ``json_text.exact``."""
    number = plain(value)
    return exact(number) if isinstance(number, float) else number
