"""GitLab Code Quality: a JSON array of issues, one per finding, for merge-request widgets.

Each issue has ``description`` (the message), ``check_name`` (the rule id), a ``fingerprint``
(SARIF's stable fingerprint of rule, path and text; a repeat of the same text gets the next of a
numbered series, so every fingerprint is unique), ``severity`` (critical, major, info for error,
warning, info) and ``location`` (path and 1-based begin line).
"""
from __future__ import annotations

from collections import Counter

from checks.finding import Severity
from reports.json_text import dumps
from reports.positions import position
from reports.result import CheckResult
from reports.sarif_report import fingerprint
from reports.view import View

SEVERITIES = {Severity.ERROR: "critical", Severity.WARNING: "major", Severity.INFO: "info"}


def render(result: CheckResult, view: View) -> str:
    documents = {doc.id: doc for doc in result.claim_set.documents}
    seen: Counter[str] = Counter()
    issues = []
    for finding in result.findings or []:
        doc = documents[finding.doc]
        base = fingerprint(finding.rule, doc.path, doc.original[finding.start:finding.end])
        seen[base] += 1
        unique = base if seen[base] == 1 else fingerprint(base, doc.path, str(seen[base]))
        issues.append({"description": finding.message, "check_name": finding.rule, "fingerprint": unique,
                       "severity": SEVERITIES[finding.severity],
                       "location": {"path": doc.path, "lines": {"begin": position(doc.original, finding.start)[0]}}})
    return dumps(issues) + "\n"
