"""The JSON contract: ``{"version": 2, "documents": [...], "claims": [...]}``, byte-stable.

``check`` adds ``"findings": [...]``: each with rule, name, severity, message, doc, start, end,
claims, related (``{doc, start, end, label}``) and evidence, and for Word and PDF documents the
position (paragraph and run, or page and line). A claims run (``result.findings`` is
None) has no "findings" key. When the usage rules left documents alone as no publications,
``"not_publications"`` lists their ids; when rows of a ``--reference`` table were compared with
no figure, ``"unused_reference_rows"`` lists them (``figures.csv:9``).
"""
from __future__ import annotations

from checks.finding import Finding
from claims.frame import claim_record, document_record
from reports.evidence import evidence
from reports.json_text import dumps
from reports.result import CheckResult
from reports.view import View
from sources.document import Document
from sources.office import position

VERSION = 2  # 2: claims gained period, aggregate, scope, status, sentence, clause


def finding_record(finding: Finding, doc: Document | None = None) -> dict[str, object]:
    """A finding as JSON values; for a Word or PDF document also its ``position`` (paragraph and
    run, table and row, or page and line: ``sources.office.position``)."""
    where = position(doc.layout, finding.start) if doc is not None and doc.layout else None
    record = {"rule": finding.rule, "name": finding.name, "severity": str(finding.severity),
              "message": finding.message, "doc": finding.doc, "start": finding.start, "end": finding.end,
              "claims": list(finding.claims),
              "related": [{"doc": r.doc, "start": r.start, "end": r.end, "label": r.label} for r in finding.related],
              **({"unlisted": finding.unlisted} if finding.unlisted else {}),
              "evidence": evidence(finding)}
    return record | ({"position": where} if where else {})


def render(result: CheckResult, view: View) -> str:
    """The claims contract, with the findings when the rules ran; for ``claims`` and ``check`` alike."""
    claim_set = result.claim_set
    payload: dict[str, object] = {
        "version": VERSION,
        "documents": [document_record(doc) for doc in claim_set.documents],
        "claims": [claim_record(claim) for claim in claim_set.claims],
    }
    if result.findings is not None:
        documents = {doc.id: doc for doc in claim_set.documents}
        payload["findings"] = [finding_record(finding, documents.get(finding.doc)) for finding in result.findings]
        if result.not_publications:
            payload["not_publications"] = list(result.not_publications)
        if result.unused_rows:
            payload["unused_reference_rows"] = list(result.unused_rows)
    return dumps(payload) + "\n"
