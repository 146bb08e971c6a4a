"""The JSON contract: ``{"version": 2, "documents": [...], "claims": [...]}``, byte-stable.

``check`` adds ``"findings": [...]``: each with rule, name, severity, message, doc, start, end,
claims, related (``{doc, start, end, label}``) and evidence. A claims run (``result.findings`` is
None) has no "findings" key.
"""
from __future__ import annotations

import json

from checks.finding import Finding
from claims.frame import claim_record, document_record
from reports.evidence import evidence
from reports.result import CheckResult
from reports.view import View

VERSION = 2  # 2: claims gained period, aggregate, scope, status, sentence, clause


def finding_record(finding: Finding) -> dict[str, object]:
    return {"rule": finding.rule, "name": finding.name, "severity": str(finding.severity),
            "message": finding.message, "doc": finding.doc, "start": finding.start, "end": finding.end,
            "claims": list(finding.claims),
            "related": [{"doc": r.doc, "start": r.start, "end": r.end, "label": r.label} for r in finding.related],
            "evidence": evidence(finding)}


def render(result: CheckResult, view: View) -> str:
    """The claims contract, with the findings when the rules ran; for ``claims`` and ``check`` alike."""
    claim_set = result.claim_set
    payload: dict[str, object] = {
        "version": VERSION,
        "documents": [document_record(doc) for doc in claim_set.documents],
        "claims": [claim_record(claim) for claim in claim_set.claims],
    }
    if result.findings is not None:
        payload["findings"] = [finding_record(finding) for finding in result.findings]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
